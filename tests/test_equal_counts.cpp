// count_equal: how often each text occurs, against counting by hand, on
// edge lists and on random lists with many repeats (hash collisions and
// probe chains included).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "equal_counts.h"

using namespace winnow::internal;

namespace {

std::vector<uint32_t> count_by_hand(const std::vector<std::string_view>& texts) {
  std::vector<uint32_t> counts;
  for (std::string_view t : texts) {
    uint32_t n = 0;
    for (std::string_view u : texts) n += t == u;
    counts.push_back(n);
  }
  return counts;
}

}  // namespace

TEST(EqualCounts, EdgeLists) {
  EXPECT_TRUE(count_equal({}).empty());
  const std::vector<std::string_view> one = {""};
  EXPECT_EQ(count_equal(one), std::vector<uint32_t>({1}));
  const std::vector<std::string_view> lines = {"Share", "", "Read more", "Share", "", "Share", "share"};
  EXPECT_EQ(count_equal(lines), std::vector<uint32_t>({3, 2, 1, 3, 2, 3, 1}));
}

TEST(EqualCounts, RandomLists) {
  std::mt19937 rng(5);
  for (int round = 0; round < 200; ++round) {
    // Few distinct texts of few letters: many equal, some prefixes of others.
    std::vector<std::string> storage(rng() % 300);
    for (std::string& s : storage) s = std::string(rng() % 4, 'a' + static_cast<char>(rng() % 3));
    const std::vector<std::string_view> texts(storage.begin(), storage.end());
    ASSERT_EQ(count_equal(texts), count_by_hand(texts)) << round;
  }
}
