// skip_collapsed_ascii (sixteen, then eight bytes a step) skips what a byte
// loop says has nothing to collapse, cut to a multiple of eight.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "unicode_text.h"

namespace winnow::internal {
namespace {

// The byte loop: the longest stretch from s[i] of ASCII ' '..DEL without a
// space after a space (or a leading one when after_space), cut to a
// multiple of 8; after_space updated to its last byte.
std::size_t skip_by_bytes(std::string_view s, std::size_t i, bool& after_space) {
  std::size_t n = 0;
  bool space_before = after_space;
  while (i + n < s.size()) {
    const unsigned char b = static_cast<unsigned char>(s[i + n]);
    if (b < 0x20 || b >= 0x80 || (b == ' ' && space_before)) break;
    space_before = b == ' ';
    ++n;
  }
  n -= n % 8;
  if (n > 0) after_space = s[i + n - 1] == ' ';
  return n;
}

TEST(SkipCollapsedAscii, AgreesWithAByteLoop) {
  std::mt19937 rng(3);
  static constexpr char kBytes[] = "abcdefgh  .,\x7F\t\n\xC3\xA9\x01";
  for (int round = 0; round < 20000; ++round) {
    std::string s(rng() % 70, 'x');
    // Mostly letters: long stretches to skip, now and then a byte that stops it.
    for (char& c : s) c = rng() % 8 ? "abcd efgh"[rng() % 9] : kBytes[rng() % (sizeof kBytes - 1)];
    const std::size_t i = s.empty() ? 0 : rng() % s.size();
    bool after = rng() % 2, after_expected = after;
    ASSERT_EQ(skip_collapsed_ascii(s, i, after), skip_by_bytes(s, i, after_expected)) << s << " at " << i;
    ASSERT_EQ(after, after_expected) << s << " at " << i;
  }
}

}  // namespace
}  // namespace winnow::internal
