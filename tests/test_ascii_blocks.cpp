// The sixteen-bytes-at-once paths of the word walk must equal the byte
// loops they stand for: ascii_masks_sse2 against ascii_masks_scalar, and
// PageWords::add by blocks against byte by byte, on random and edge texts:
// blocks cut short by a longer character or by the text's end (read from a
// padded copy), the last character read back from the end of the blocks
// (through spaces and closing marks, ASCII or not), words found at the
// key's spaces across its 16-byte steps.
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
      "word ", "Words, ", "2024 ", "\u200C", "\u201D", "\u00BB", "\u2019", "في ", "abcdefghijklmnopq "};
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
    EXPECT_EQ(a.words[w].strong_date, b.words[w].strong_date) << text;
    EXPECT_EQ(a.words[w].stop_languages, b.words[w].stop_languages) << text;
    EXPECT_EQ(a.words[w].starts_prefix_phrase, b.words[w].starts_prefix_phrase) << text;
    EXPECT_EQ(a.words[w].starts_contains_phrase, b.words[w].starts_contains_phrase) << text;
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
  EXPECT_EQ(a.kinds.numbers, b.kinds.numbers) << text;
  EXPECT_EQ(a.kinds.date_words, b.kinds.date_words) << text;
  EXPECT_EQ(a.kinds.strong_date, b.kinds.strong_date) << text;
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
      "sixteen letters!abcdefghijklmnop ends", "é at the start of a block: abcdefghijklmnoé and after",
      // The last character behind closing marks and spaces, ASCII or not.
      "a sentence that ends in a quote.\u201D", "a long line of words ending in.\u00A0\u00A0",
      "closing marks after the blocks)\u201D ) \u00BB", "abc\u201D", ".\u201D\u201D", "\u201D\u00A0",
      // A few ASCII bytes between longer characters, and Arabic words.
      "é a é ab é abc é abcd é", "في المدينة، قال إن الوزير في 2024", "ولفي بالمدينة وقال",
      // Words and dates at the key's 16-byte steps.
      "abcdefghijklmno p", "abcdefghijklmnop q", "abcdefghijklmnopq r", "Monday, 12 January 2024 at 9h",
      "1.2k views 3m ago, 2d later"};
  for (const std::string& text : edges) expect_same_words(text, lexicon);
  // Every length around the 16- and 32-byte block and tail-copy limits.
  const std::string words = "The quick brown fox, jumps over 13 lazy dogs (2024). ";
  for (size_t length = 0; length <= 70; ++length) expect_same_words((words + words).substr(0, length), lexicon);
  std::mt19937 rng(11);
  for (int round = 0; round < 3000; ++round) expect_same_words(random_text(rng, rng() % 200), lexicon);
}
