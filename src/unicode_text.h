// Small UTF-8 and Unicode helpers shared by the stages: code point iteration,
// whitespace collapsing, matching keys with Arabic letter folding, word counts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace winnow::internal {

// Decodes the code point at s[i] and advances i. Invalid bytes yield U+FFFD
// and advance by one, so loops always terminate. ASCII is decoded inline:
// these helpers run for every character of every block.
char32_t next_multibyte_code_point(std::string_view s, std::size_t& i);
inline char32_t next_code_point(std::string_view s, std::size_t& i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  return next_multibyte_code_point(s, i);
}
void append_utf8(std::string& out, char32_t cp);

// Skips, sixteen or eight bytes a step, text that has nothing to collapse:
// the number of bytes from s[i] (a multiple of 8) made of ASCII from ' ' to DEL without
// two spaces in a row. `after_space` says whether the byte before s[i] is a
// space (or s[i] starts the text: a space there would be leading); it is
// updated to the last byte skipped.
std::size_t skip_collapsed_ascii(std::string_view s, std::size_t i, bool& after_space);

// Collapses every run of Unicode whitespace to one ASCII space and trims.
std::string collapse_whitespace(std::string_view s);
// count_chars(collapse_whitespace(s)), without building the string.
int count_collapsed_chars(std::string_view s);

// The matching key of a phrase or line: lower case; Arabic hamza forms of
// alef, alef maqsura, teh marbuta, tatweel, harakat and tanween folded
// (so أيضاً, أيضا and ايضا share one key); Persian yeh and keheh folded to
// their Arabic twins; punctuation and symbols become spaces; whitespace
// collapsed. Digits are kept.
std::string fold_key(std::string_view s);

// Marks fold_key drops: Arabic tanween, harakat, shadda, sukun, superscript
// alef, tatweel (a stretching stroke, pure typography), and invisible
// format characters (U+200B-U+200F, U+061C, U+FEFF).
bool is_ignorable_mark(char32_t cp);
// The code point fold_key writes for the letter or digit `cp`.
char32_t fold_letter(char32_t cp);

// Words of `s` as keys (fold_key applied), split at spaces and punctuation.
std::vector<std::string> word_keys(std::string_view s);

// The words of a key fold_key made (split at its single spaces), as views
// into it.
std::vector<std::string_view> split_words(std::string_view key);

// `word` is one of the space-separated words of `words` ("hentry" in
// "post-7 hentry tag-x").
bool has_word(std::string_view words, std::string_view word);

// True for scripts written without spaces between words (Han, Kana, Thai,
// Lao, Khmer, Myanmar), where words are counted with ICU's break iterator.
bool is_spaceless_script(char32_t cp);

// Number of words: runs of letters/digits split at spaces and punctuation;
// text in spaceless scripts is segmented with ICU word breaks.
int count_words(std::string_view s);

// Number of code points.
int count_chars(std::string_view s);

bool is_non_ascii_letter(char32_t cp);
bool is_non_ascii_digit(char32_t cp);
bool is_non_ascii_space(char32_t cp);
inline bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return is_non_ascii_letter(cp);
}
inline bool is_digit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return is_non_ascii_digit(cp);
}
inline bool is_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  return is_non_ascii_space(cp);
}
bool is_arabic_letter(char32_t cp);
// . ! ? and their Arabic, Urdu, Devanagari and CJK forms, and the ellipsis.
bool is_sentence_end(char32_t cp);
// Marks a sentence's end is read through: " ' ) ] * ” ’ » 」 』 ）.
bool is_closing_mark(char32_t cp);

}  // namespace winnow::internal
