// The one walk of segment_words.cpp must agree with the helpers it does the
// work of: fold_key, split_words, count_chars and count_words.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lexicon.h"
#include "segment_words.h"
#include "unicode_text.h"

using namespace winnow::internal;

namespace {

const std::vector<std::string> kTexts = {
    "",
    "   ",
    "Hello, world!",
    "The council said that it would vote on the plan in the spring.",
    "  leading and trailing  ",
    "tabs\tand\nnewlines\r\nin pre text",
    "A sixteen-byte-long run: abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP0123456789 end",
    "digits 2024 and 1.2k and 9h ago",
    "Ünïcode İstanbul ΩMEGA Straße \u212A\u023A",
    "قال المسؤول إن الحكومة في دمشق كانت قد أعلنت عن الخطة من قبل.",
    "اقـرأ أيـضـاً وبالقرب \u064B\u0640\u200B\u200C\uFEFF",
    "کتاب یک",
    "我们今天去北京参观博物馆",
    "ภาษาไทย mixed with English",
    "nbsp\u00A0and\u2003em space\u3000ideographic",
    "invalid \xFF bytes \x80 here \xE2\x82 and \xED\xA0\x80 surrogate",
    "control \x01 and DEL \x7F bytes",
    "Follow @winnow and #corpora at https://example.com/x www.site.org #1",
    "— The Washington Post (@washingtonpost) January 24, 2025",
};

}  // namespace

TEST(SegmentWords, KeyAndWordsAreFoldKeySplit) {
  Lexicon lexicon;
  PageWords page;
  for (const std::string& text : kTexts) page.add(text, lexicon);
  ASSERT_EQ(page.size(), kTexts.size());
  for (size_t i = 0; i < kTexts.size(); ++i) {
    const SegmentWords words = page[i];
    const std::string key = fold_key(kTexts[i]);
    EXPECT_EQ(words.key, key) << kTexts[i];
    const std::vector<std::string_view> split = split_words(key);
    ASSERT_EQ(words.size(), split.size()) << kTexts[i];
    for (size_t w = 0; w < split.size(); ++w) {
      EXPECT_EQ(words.word(w), split[w]) << kTexts[i];
      EXPECT_EQ(words.info(w), lexicon.word_info(split[w])) << kTexts[i];
    }
  }
}

TEST(SegmentWords, CountsAreTheHelpers) {
  Lexicon lexicon;
  PageWords page;
  for (const std::string& text : kTexts) page.add(text, lexicon);
  for (size_t i = 0; i < kTexts.size(); ++i) {
    EXPECT_EQ(page[i].counts.chars, count_chars(kTexts[i])) << kTexts[i];
    EXPECT_EQ(page[i].counts.words, count_words(kTexts[i])) << kTexts[i];
  }
}

TEST(SegmentWords, SocialTokens) {
  Lexicon lexicon;
  PageWords page;
  page.add("Follow @winnow and #corpora at https://example.com/x or www.site.org, not #1 or @", lexicon);
  EXPECT_EQ(page[0].counts.handles, 1);
  EXPECT_EQ(page[0].counts.hashtags, 1);
  EXPECT_EQ(page[0].counts.urls, 2);
}

TEST(SegmentWords, ArabicStopWordsBehindClitics) {
  Lexicon lexicon;
  const int arabic = lexicon.language_index("ar");
  ASSERT_GE(arabic, 0);
  PageWords page;
  page.add("وفي بأن دمشق", lexicon);
  const SegmentWords words = page[0];
  ASSERT_EQ(words.size(), 3u);
  EXPECT_TRUE(words.words[0].stop_languages & (1u << arabic));
  EXPECT_TRUE(words.words[1].stop_languages & (1u << arabic));
  EXPECT_FALSE(words.words[2].stop_languages & (1u << arabic));
}

TEST(SegmentWords, NumbersAndDateWords) {
  Lexicon lexicon;
  PageWords page;
  page.add("March 3, 2024 1.2k people", lexicon);
  const SegmentWords words = page[0];
  ASSERT_EQ(words.size(), 6u);  // march 3 2024 1 2k people
  EXPECT_EQ(words.words[0].kind, WordKind::kDate);
  EXPECT_TRUE(words.words[0].strong_date);
  EXPECT_EQ(words.words[1].kind, WordKind::kNumber);
  EXPECT_FALSE(words.words[1].strong_date);
  EXPECT_EQ(words.words[2].kind, WordKind::kNumber);
  EXPECT_TRUE(words.words[2].strong_date);  // a year
  EXPECT_EQ(words.words[4].kind, WordKind::kNumber);
  EXPECT_EQ(words.words[5].kind, WordKind::kOther);
  // The counts the lookups keep: 3, 2024, 1, 2k; march.
  EXPECT_EQ(words.kinds.numbers, 4);
  EXPECT_EQ(words.kinds.date_words, 1);
  EXPECT_TRUE(words.kinds.strong_date);
  page.add("people said", lexicon);
  EXPECT_EQ(page[1].kinds.numbers, 0);
  EXPECT_FALSE(page[1].kinds.strong_date);
}
