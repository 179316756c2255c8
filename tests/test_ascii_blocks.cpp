// The sixteen-bytes-at-once paths of the word walk must equal the byte
// loops they stand for: ascii_masks_sse2 against ascii_masks_scalar, and
// PageWords::add by blocks against byte by byte, on random and edge texts.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "ascii_masks.h"
#include "lexicon.h"
#include "segment_words.h"

using namespace winnow::internal;

namespace {

// Random text from an alphabet rich in what the walk tells apart: letters,
// digits, spaces, punctuation, the social-token letters, and now and then a
// longer character or an invalid byte.
std::string random_text(std::mt19937& rng, size_t length) {
  static const std::vector<std::string> kPieces = {
      "a", "B", "z", "Q", "0", "9", " ", " ", " ", "\t", "\n", "\r", ",", ".", "/", "w", "@", "#", "\"",
      "'", ")", "]", "*", "-", ":", "http://", "www.", "é", "Ω", "我", "\u00A0", "\u064B", "\xFF", "\x01",
      "word ", "Words, ", "2024 ", "\u200C"};
  std::string text;
  while (text.size() < length) text += kPieces[rng() % kPieces.size()];
  return text;
}

void expect_same_words(const std::string& text, const Lexicon& lexicon) {
  PageWords blocks, bytes;
  blocks.add(text, lexicon, true);
  bytes.add(text, lexicon, false);
  const SegmentWords a = blocks[0], b = bytes[0];
  ASSERT_EQ(a.key, b.key) << text;
  ASSERT_EQ(a.size(), b.size()) << text;
  for (size_t w = 0; w < a.size(); ++w) {
    EXPECT_EQ(a.word(w), b.word(w)) << text;
    EXPECT_EQ(a.info(w), b.info(w)) << text;
    EXPECT_EQ(a.words[w].kind, b.words[w].kind) << text;
  }
  const TextCounts& x = a.counts;
  const TextCounts& y = b.counts;
  EXPECT_EQ(x.chars, y.chars) << text;
  EXPECT_EQ(x.words, y.words) << text;
  EXPECT_EQ(x.non_space, y.non_space) << text;
  EXPECT_EQ(x.symbols, y.symbols) << text;
  EXPECT_EQ(x.commas, y.commas) << text;
  EXPECT_EQ(x.last, y.last) << text;
  EXPECT_EQ(x.urls, y.urls) << text;
  EXPECT_EQ(x.handles, y.handles) << text;
  EXPECT_EQ(x.hashtags, y.hashtags) << text;
}

}  // namespace

TEST(AsciiMasks, Popcount16) {
  for (uint32_t x = 0; x < 0x10000; ++x) ASSERT_EQ(popcount16(x), __builtin_popcount(x)) << x;
}

TEST(AsciiMasks, Popcount16x4CountsEachMaskApart) {
  // Bits above the sixteenth are ignored, as the walk's ~mask leaves them.
  for (uint32_t x = 0; x < 0x10000; x += 7) {
    const uint32_t y = ~x, z = x * 2654435761u, w = 0xFFFF0000u | (x >> 3);
    const Popcounts4 n = popcount16x4(x, y, z, w);
    ASSERT_EQ(n.a, __builtin_popcount(x & 0xFFFF)) << x;
    ASSERT_EQ(n.b, __builtin_popcount(y & 0xFFFF)) << x;
    ASSERT_EQ(n.c, __builtin_popcount(z & 0xFFFF)) << x;
    ASSERT_EQ(n.d, __builtin_popcount(w & 0xFFFF)) << x;
  }
}

#if defined(__SSE2__)
TEST(AsciiMasks, Sse2IsTheByteLoop) {
  std::mt19937 rng(5);
  unsigned char bytes[16];
  for (int round = 0; round < 20000; ++round) {
    for (unsigned char& b : bytes) b = static_cast<unsigned char>(rng() % 128);
    if (round < 128) std::fill(bytes, bytes + 16, static_cast<unsigned char>(round));  // every byte value alone
    ASSERT_TRUE(is_ascii16(bytes));
    const AsciiMasks v = ascii_masks_sse2(bytes), s = ascii_masks_scalar(bytes);
    ASSERT_EQ(v.word, s.word);
    ASSERT_EQ(v.digit, s.digit);
    ASSERT_EQ(v.space, s.space);
    ASSERT_EQ(v.blank, s.blank);
    ASSERT_EQ(v.closing, s.closing);
    ASSERT_EQ(v.comma, s.comma);
    ASSERT_EQ(v.slash, s.slash);
    ASSERT_EQ(v.social, s.social);
  }
  bytes[7] = 0x80;
  EXPECT_FALSE(is_ascii16(bytes));
}
#endif

TEST(AsciiBlocks, WalkByBlocksIsTheByteWalk) {
  const Lexicon lexicon;
  const std::vector<std::string> edges = {
      "", "a", std::string(16, 'a'), std::string(16, ' '), std::string(33, 'x'), "0123456789abcdef",
      "   leading blanks then words and more words here", "words then trailing blanks               ",
      "Follow @winnow and #corpora at https://example.com/x or www.site.org, not #1 or @ end of it",
      "a/b c/d e/f g/h i/j k/l m/n o/p q/r s/t", "wwwwwwwwwwwwwwww wwwwwwwwwwwwwwww www.x.org",
      "Straße in München, 2024: \"quoted\" (parens) [brackets] **stars**",
      "sixteen letters!abcdefghijklmnop ends", "é at the start of a block: abcdefghijklmnoé and after"};
  for (const std::string& text : edges) expect_same_words(text, lexicon);
  std::mt19937 rng(11);
  for (int round = 0; round < 3000; ++round) expect_same_words(random_text(rng, rng() % 200), lexicon);
}
