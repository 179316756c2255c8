// skip_ascii, skip_plain_text and skip_non_control (sixteen bytes a step) must stop where
// the byte loops they stand for stop, on random and edge inputs.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "byte_runs.h"

using namespace winnow::internal;

namespace {

const unsigned char* bytes_of(const std::string& s) { return reinterpret_cast<const unsigned char*>(s.data()); }

void expect_same_stops(const std::string& s) {
  const unsigned char* begin = bytes_of(s);
  const unsigned char* end = begin + s.size();
  for (size_t from = 0; from <= s.size(); ++from) {
    ASSERT_EQ(skip_ascii(begin + from, end), skip_ascii_bytewise(begin + from, end)) << from;
    ASSERT_EQ(skip_plain_text(begin + from, end), skip_plain_text_bytewise(begin + from, end)) << from;
    ASSERT_EQ(skip_non_control(begin + from, end), skip_non_control_bytewise(begin + from, end)) << from;
  }
}

}  // namespace

TEST(ByteRuns, PlainTextBytes) {
  for (int b = 0; b < 256; ++b) {
    const bool plain = (b >= 0x20 && b <= 0x7E) || b == '\t' || b == '\n';
    EXPECT_EQ(is_plain_text_byte(static_cast<unsigned char>(b)), plain) << b;
  }
}

TEST(ByteRuns, EachByteValueAtEachPlace) {
  for (int b = 0; b < 256; ++b) {
    for (size_t at : {0u, 1u, 7u, 15u, 16u, 17u, 31u, 40u}) {
      std::string s(41, 'a');
      s[at] = static_cast<char>(b);
      expect_same_stops(s);
    }
  }
}

TEST(ByteRuns, RandomInputs) {
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::string s(rng() % 80, 'x');
    const int rare = 1 + static_cast<int>(rng() % 40);  // one byte in `rare` is any byte
    for (char& c : s)
      c = static_cast<char>(static_cast<int>(rng() % rare) == 0 ? rng() % 256 : 0x20 + rng() % 0x5F);
    expect_same_stops(s);
  }
  expect_same_stops("");
}
