// StopWordTally counts as a loop over each word's bits does.
#include <gtest/gtest.h>

#include <array>
#include <random>

#include "stop_word_tally.h"

namespace winnow::internal {
namespace {

TEST(StopWordTally, CountsLikeALoopOverTheBits) {
  std::mt19937 rng(11);
  for (int words : {0, 1, 254, 255, 256, 1000, 5000}) {
    StopWordTally tally;
    std::array<int, 32> expected{};
    for (int w = 0; w < words; ++w) {
      // Mostly no language or a few, now and then all of them.
      const uint32_t bits = rng() % 3 == 0 ? 0u : rng() % 50 == 0 ? ~0u : (rng() & rng() & rng());
      tally.add(bits);
      for (int i = 0; i < 32; ++i) expected[i] += (bits >> i) & 1;
    }
    EXPECT_EQ(tally.counts(), expected) << words << " words";
  }
}

}  // namespace
}  // namespace winnow::internal
