// How often each of a list of texts occurs in the list: classify's repeated
// short lines ("Share Tweet Email" on every teaser of a page).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace winnow::internal {

// counts[i]: the number of texts equal to texts[i] (itself included). One
// hash a text into a flat table of groups: sorting the texts cost a string
// comparison per step, most of them between lines that share a long prefix.
std::vector<uint32_t> count_equal(std::span<const std::string_view> texts);

}  // namespace winnow::internal
