// Counts, per language, the stop words of a document (detect_language's
// vote), from each word's stop_languages bits. Adding a word's bit per
// language in a loop branches as many times as the word has languages, a
// number the processor cannot guess; here each byte of the bits is spread
// by a table into eight 8-bit counters packed in a uint64_t and added at
// once, and the counters are emptied into ints before they can overflow.
#pragma once

#include <array>
#include <cstdint>

namespace winnow::internal {

class StopWordTally {
 public:
  static constexpr int kLanguages = 32;  // the bits of WordInfo::stop_languages

  // One word: bit i of `stop_languages` counts for language i.
  void add(uint32_t stop_languages) {
    packed_[0] += kSpread[stop_languages & 0xFF];
    packed_[1] += kSpread[(stop_languages >> 8) & 0xFF];
    // Languages 16 to 31: the lexicon has fewer, so the test is always
    // false and well predicted, and saves two spreads a word.
    if (stop_languages >> 16) {
      packed_[2] += kSpread[(stop_languages >> 16) & 0xFF];
      packed_[3] += kSpread[stop_languages >> 24];
    }
    if (++words_packed_ == kMaxPacked) unpack();
  }

  // The count of language i, for i < kLanguages.
  std::array<int, kLanguages> counts() {
    unpack();
    return counts_;
  }

 private:
  // An 8-bit counter overflows after 255 words.
  static constexpr int kMaxPacked = 255;

  // Byte j of kSpread[b] is bit j of b.
  static constexpr std::array<uint64_t, 256> kSpread = [] {
    std::array<uint64_t, 256> spread{};
    for (int b = 0; b < 256; ++b)
      for (int j = 0; j < 8; ++j) spread[b] |= uint64_t((b >> j) & 1) << (8 * j);
    return spread;
  }();

  void unpack() {
    for (int byte = 0; byte < 4; ++byte) {
      for (int j = 0; j < 8; ++j) counts_[8 * byte + j] += static_cast<int>((packed_[byte] >> (8 * j)) & 0xFF);
      packed_[byte] = 0;
    }
    words_packed_ = 0;
  }

  std::array<uint64_t, 4> packed_{};  // byte j of packed_[k]: language 8k + j
  int words_packed_ = 0;
  std::array<int, kLanguages> counts_{};
};

}  // namespace winnow::internal
