#include "batch/learn_repeats.h"

#include <algorithm>
#include <cmath>

#include "unicode_text.h"

namespace winnow::batch {

std::size_t repeat_threshold(std::size_t documents) {
  const auto by_share = static_cast<std::size_t>(std::ceil(kRepeatMinShare * static_cast<double>(documents)));
  return std::max(kRepeatMinDocuments, by_share);
}

std::vector<std::string> learning_keys(const Result& result) {
  std::vector<std::string> keys;
  std::string kept_text;
  for (const Block& block : result.blocks) {
    std::string key = internal::fold_key(block.text);
    if (key.empty()) continue;
    if (block.keep) kept_text += key + "\n";
    keys.push_back(std::move(key));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  keys.push_back(std::to_string(std::hash<std::string>{}(kept_text)) + ":" + std::to_string(kept_text.size()));
  return keys;
}

RepeatLearner::RepeatLearner(std::size_t sample_per_group) : sample_per_group_(sample_per_group) {}

void RepeatLearner::add(const std::string& group, std::vector<std::string> keys) {
  if (keys.empty()) return;
  GroupCounts& counts = open_[group];
  if (counts.documents >= sample_per_group_) return;
  if (!counts.fingerprints.insert(std::move(keys.back())).second) return;  // a duplicate document
  keys.pop_back();
  ++counts.documents;
  for (auto& key : keys) ++counts.documents_with_key[std::move(key)];
}

void RepeatLearner::finish_group(const std::string& group) {
  auto it = open_.find(group);
  if (it == open_.end()) return;
  const GroupCounts& counts = it->second;
  const std::size_t threshold = repeat_threshold(counts.documents);
  auto repeated = std::make_shared<RepeatedBlocks>();
  for (const auto& [key, documents] : counts.documents_with_key) {
    if (documents < threshold) continue;
    (*repeated)[key] = "repeated in " + std::to_string(documents) + " of " + std::to_string(counts.documents) +
                       " documents";
  }
  if (!repeated->empty()) learned_[group] = std::move(repeated);
  open_.erase(it);
}

RepeatsByGroup RepeatLearner::finish() {
  while (!open_.empty()) finish_group(open_.begin()->first);
  return learned_;
}

}  // namespace winnow::batch
