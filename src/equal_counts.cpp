#include "equal_counts.h"

#include <bit>
#include <functional>

namespace winnow::internal {

std::vector<uint32_t> count_equal(std::span<const std::string_view> texts) {
  // Open addressing, at most half full: a slot holds 1 + the index of the
  // first text of its group, 0 when empty.
  const size_t size = std::bit_ceil(2 * texts.size() + 2);
  const size_t mask = size - 1;
  std::vector<uint32_t> slots(size, 0);
  std::vector<uint32_t> group_of(texts.size());  // the index of the group's first text
  std::vector<uint32_t> group_size(texts.size(), 0);  // at the first text's index
  const std::hash<std::string_view> hash;
  for (size_t i = 0; i < texts.size(); ++i) {
    size_t slot = hash(texts[i]) & mask;
    while (slots[slot] != 0 && texts[slots[slot] - 1] != texts[i]) slot = (slot + 1) & mask;
    if (slots[slot] == 0) slots[slot] = static_cast<uint32_t>(i + 1);
    group_of[i] = slots[slot] - 1;
    ++group_size[group_of[i]];
  }
  std::vector<uint32_t> counts(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) counts[i] = group_size[group_of[i]];
  return counts;
}

}  // namespace winnow::internal
