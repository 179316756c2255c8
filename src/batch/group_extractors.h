// The Extractor for each document of a batch: the plain one, or — with
// --learn-repeats — one whose Options::repeated_blocks holds what its
// group taught. Building an Extractor costs about half a millisecond, so
// the per-group ones are built on demand and the most recent ones kept.
// Thread-safe.
#pragma once

#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "batch/learn_repeats.h"
#include "winnow.h"

namespace winnow::batch {

class GroupExtractors {
 public:
  GroupExtractors(Options base, RepeatsByGroup repeats = {});
  std::shared_ptr<const Extractor> for_group(const std::string& group);

 private:
  Options base_;
  std::shared_ptr<const Extractor> plain_;
  RepeatsByGroup repeats_;
  std::mutex mutex_;
  std::list<std::pair<std::string, std::shared_ptr<const Extractor>>> recent_;  // most recent first
};

}  // namespace winnow::batch
