#include "batch/group_extractors.h"

namespace winnow::batch {
namespace {

constexpr std::size_t kRecentExtractors = 64;

}  // namespace

GroupExtractors::GroupExtractors(Options base, RepeatsByGroup repeats)
    : base_(std::move(base)), plain_(std::make_shared<const Extractor>(base_)), repeats_(std::move(repeats)) {}

std::shared_ptr<const Extractor> GroupExtractors::for_group(const std::string& group) {
  auto learned = repeats_.find(group);
  if (learned == repeats_.end()) return plain_;
  std::lock_guard lock(mutex_);
  for (auto it = recent_.begin(); it != recent_.end(); ++it) {
    if (it->first != group) continue;
    recent_.splice(recent_.begin(), recent_, it);
    return recent_.front().second;
  }
  Options options = base_;
  options.repeated_blocks = learned->second;
  recent_.emplace_front(group, std::make_shared<const Extractor>(options));
  if (recent_.size() > kRecentExtractors) recent_.pop_back();
  return recent_.front().second;
}

}  // namespace winnow::batch
