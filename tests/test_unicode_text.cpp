// Unit tests of the Unicode helpers: folding keys, word counts, whitespace.
#include <gtest/gtest.h>

#include "unicode_text.h"

using winnow::internal::collapse_whitespace;
using winnow::internal::count_words;
using winnow::internal::fold_key;

TEST(FoldKey, ArabicAlefFormsAndTanweenFold) {
  EXPECT_EQ(fold_key("أيضاً"), fold_key("ايضا"));
  EXPECT_EQ(fold_key("إقرأ أيضاً:"), fold_key("اقرا ايضا"));
}

TEST(FoldKey, TatweelAndHarakatVanish) {
  EXPECT_EQ(fold_key("اقـرأ أيـضـاً"), fold_key("اقرأ أيضا"));
  EXPECT_EQ(fold_key("اقْرَأْ"), fold_key("اقرأ"));
}

TEST(FoldKey, AlefMaqsuraAndTehMarbutaFold) {
  EXPECT_EQ(fold_key("على"), fold_key("علي"));
  EXPECT_EQ(fold_key("مدينة"), fold_key("مدينه"));
}

TEST(FoldKey, PersianYehAndKehehFoldToArabic) {
  EXPECT_EQ(fold_key("کتاب"), fold_key("كتاب"));
  EXPECT_EQ(fold_key("یک"), fold_key("يك"));
}

TEST(FoldKey, LowerCasesAndDropsPunctuation) {
  EXPECT_EQ(fold_key("  Read MORE: "), "read more");
  EXPECT_EQ(fold_key("Ünïcode!"), "ünïcode");
}

TEST(CountWords, SpacesAndPunctuationSeparateWords) {
  EXPECT_EQ(count_words("one, two three."), 3);
  EXPECT_EQ(count_words("في البيت الكبير"), 3);
  EXPECT_EQ(count_words(""), 0);
}

TEST(CountWords, ScriptsWithoutSpacesUseIcuBreaks) {
  EXPECT_GE(count_words("我们今天去北京参观博物馆"), 4);
}

TEST(CollapseWhitespace, RunsBecomeOneSpaceAndEdgesTrim) {
  EXPECT_EQ(collapse_whitespace("  a \t\n b\u00A0c  "), "a b c");
}

// Collapsed ASCII is skipped eight bytes a step: irregular whitespace after
// such a stretch, at a step's edge or inside one, is still collapsed.
TEST(CollapseWhitespace, AfterAnAlreadyCollapsedStretch) {
  EXPECT_EQ(collapse_whitespace("already collapsed text  then a double"), "already collapsed text then a double");
  EXPECT_EQ(collapse_whitespace("exactly8 then\ta tab"), "exactly8 then a tab");
  EXPECT_EQ(collapse_whitespace("sixteen bytes ok trailing "), "sixteen bytes ok trailing");
  EXPECT_EQ(collapse_whitespace("seven b  x"), "seven b x");
  EXPECT_EQ(collapse_whitespace("ascii then\u00A0nbsp and \xFF byte"), "ascii then nbsp and \uFFFD byte");
  EXPECT_EQ(collapse_whitespace("a clean line of prose, nothing to do."), "a clean line of prose, nothing to do.");
}

// compute_features splits fold_key's output without folding it again: that
// needs fold_key(fold_key(s)) == fold_key(s). Folding works code point by
// code point, so checking every code point (alone and between letters)
// proves it.
TEST(UnicodeText, FoldKeyIsIdempotentOnEveryCodePoint) {
  using winnow::internal::append_utf8;
  using winnow::internal::fold_key;
  int failures = 0;
  for (char32_t cp = 1; cp <= 0x10FFFF && failures < 10; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string s = "a";
    append_utf8(s, cp);
    s += "b";
    const std::string once = fold_key(s);
    if (fold_key(once) != once) {
      ++failures;
      ADD_FAILURE() << "U+" << std::hex << uint32_t(cp);
    }
  }
}

TEST(UnicodeText, CountCollapsedCharsMatchesCollapsing) {
  for (const char* s : {"", "  ", "a", " a  b ", "\xC2\xA0x\xE2\x80\x83y\t\n z ", "\xFF a \xE2\x82", "Né  ici"}) {
    EXPECT_EQ(winnow::internal::count_collapsed_chars(s),
              winnow::internal::count_chars(winnow::internal::collapse_whitespace(s)))
        << s;
  }
}

TEST(UnicodeText, CountCharsCountsCodePointsAtEveryLength) {
  using winnow::internal::count_chars;
  EXPECT_EQ(count_chars(""), 0);
  EXPECT_EQ(count_chars("abc"), 3);
  EXPECT_EQ(count_chars("مرحبا"), 5);
  // Sixteen-byte steps, a tail, and more than 255 steps (the counters' limit).
  for (std::size_t n : {7u, 8u, 16u, 17u, 300u, 5000u}) {
    std::string ascii(n, 'a'), arabic, mixed;
    for (std::size_t i = 0; i < n; ++i) arabic += "ب";
    for (std::size_t i = 0; i < n; ++i) mixed += i % 3 == 0 ? "€" : i % 3 == 1 ? "x" : "😀";
    EXPECT_EQ(count_chars(ascii), static_cast<int>(n));
    EXPECT_EQ(count_chars(arabic), static_cast<int>(n));
    EXPECT_EQ(count_chars(mixed), static_cast<int>(n));
  }
}

TEST(UnicodeText, HasWordMatchesWholeWordsOnly) {
  EXPECT_TRUE(winnow::internal::has_word("post-7 hentry tag-x", "hentry"));
  EXPECT_TRUE(winnow::internal::has_word("articlebody", "articlebody"));
  EXPECT_FALSE(winnow::internal::has_word("hentry-x post", "hentry"));
  EXPECT_FALSE(winnow::internal::has_word("", "hentry"));
}
