// --learn-repeats: blocks that recur in many documents of one folder or site
// (footers, disclaimers, author boxes, comment-form text) are chrome.
//
// The learning pass feeds every sampled document's distinct block keys
// (winnow::internal::fold_key of the block text: case, punctuation and
// Arabic letter variants folded) to a RepeatLearner, per group. A block is
// learned as repeated when it occurs in at least
//   max(kRepeatMinDocuments, kRepeatMinShare x documents in the group)
// distinct documents of its group: a quote shared by two or three articles
// is never dropped, nor is anything in a group of fewer than four
// documents. Exact duplicate documents (same kept text) count once, so a
// page saved twice does not teach its own body as chrome. The second pass
// drops kept blocks whose key was learned, with the rule
// "repeated in 812 of 900 documents".
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "winnow.h"

namespace winnow::batch {

inline constexpr std::size_t kRepeatMinDocuments = 4;
inline constexpr double kRepeatMinShare = 0.2;

// Block key -> the reason --explain shows.
using RepeatedBlocks = std::unordered_map<std::string, std::string>;
using RepeatsByGroup = std::map<std::string, std::shared_ptr<const RepeatedBlocks>>;

// The distinct non-empty block keys of a result, and a fingerprint of its
// kept text (for duplicate detection) as the last element.
std::vector<std::string> learning_keys(const Result& result);

class RepeatLearner {
 public:
  explicit RepeatLearner(std::size_t sample_per_group);

  // One document's learning_keys(); documents past the group's sample and
  // duplicates are ignored.
  void add(const std::string& group, std::vector<std::string> keys);
  // The group will get no more documents: learn it and free its counts.
  void finish_group(const std::string& group);
  // Finishes every open group; the groups that have repeated blocks.
  RepeatsByGroup finish();

 private:
  struct GroupCounts {
    std::size_t documents = 0;
    std::unordered_set<std::string> fingerprints;
    std::unordered_map<std::string, std::uint32_t> documents_with_key;
  };

  std::size_t sample_per_group_;
  std::map<std::string, GroupCounts> open_;
  RepeatsByGroup learned_;
};

// The number of documents a block must occur in, in a group of `documents`.
std::size_t repeat_threshold(std::size_t documents);

}  // namespace winnow::batch
