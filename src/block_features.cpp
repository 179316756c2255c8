// Stage 3, features: measures one segment on its own (length, prose signals,
// chrome signals, phrase matches). Scoring lives in classify.cpp.
#include "block_features.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <unordered_map>

#include <unicode/uchar.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "stop_word_tally.h"
#include "unicode_text.h"

namespace winnow::internal {
namespace {

// "12) ...", "3. ...", "٣- ...": the number (1 to 999) a line opens with,
// written in ASCII, Arabic-Indic or Persian digits, then ')', '.', '-' or
// '–' and a space. 0 for any other line.
int leading_item_number(std::string_view s, char32_t* mark) {
  int number = 0, digits = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(s, i);
    int value = -1;
    if (cp >= '0' && cp <= '9') value = static_cast<int>(cp - '0');
    else if (cp >= 0x0660 && cp <= 0x0669) value = static_cast<int>(cp - 0x0660);
    else if (cp >= 0x06F0 && cp <= 0x06F9) value = static_cast<int>(cp - 0x06F0);
    if (value < 0) { i = at; break; }
    if (++digits > 3) return 0;
    number = number * 10 + value;
  }
  if (digits == 0 || number == 0 || i >= s.size()) return 0;
  const char32_t m = next_code_point(s, i);
  if (m != ')' && m != '.' && m != '-' && m != 0x2013) return 0;
  if (i >= s.size() || !is_space(next_code_point(s, i))) return 0;
  *mark = m;
  return number;
}

bool starts_with_bullet(std::string_view s) {
  static constexpr std::string_view kBullets[] = {"• ", "· ", "● ", "▪ ", "► ", "- ", "* ", "– ", "■ ", "◆ ", "» "};
  // Each bullet starts with one of these bytes; most lines start otherwise.
  if (s.empty() || (s[0] != '\xE2' && s[0] != '\xC2' && s[0] != '-' && s[0] != '*')) return false;
  for (auto b : kBullets) if (s.substr(0, b.size()) == b) return true;
  return false;
}

// "© 2006 Yahoo! Inc.", "Copyright © 1999 by ...", "(c) © ...": a line that
// opens with the copyright sign, alone or after the word. (A book's
// "Copyright 1962, second edition" has no sign: it describes the book.)
bool opens_with_copyright_sign(std::string_view s) {
  static constexpr std::string_view kSign = "\xC2\xA9";  // ©
  std::size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  for (std::string_view word : {std::string_view("copyright"), std::string_view("(c)")}) {
    if (s.size() - i < word.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < word.size() && same; ++k)
      same = static_cast<char>(s[i + k] | 0x20) == word[k];  // ASCII lower case; '(' and ')' stay
    if (!same) continue;
    i += word.size();
    while (i < s.size() && s[i] == ' ') ++i;
    break;
  }
  return s.substr(i, kSign.size()) == kSign;
}

// "Copyright ©2006 Yahoo! Inc. All Rights Reserved. Privacy Policy - Terms
// of Service - ...": a site footer that states its rights within its first
// `within_words` words, then runs on into the legal links and notes. (A
// caption's "© Provided by ..." glued to a paragraph reserves nothing.)
bool reserves_rights_early(std::string_view s, int within_words) {
  static constexpr std::string_view kPhrase = "all rights reserved";
  int words = 0;
  for (std::size_t i = 0; i + kPhrase.size() <= s.size() && words <= within_words; ++i) {
    if (s[i] == ' ') { ++words; continue; }
    if ((s[i] | 0x20) != 'a' || (i > 0 && s[i - 1] != ' ')) continue;
    bool same = true;
    for (std::size_t k = 0; k < kPhrase.size() && same; ++k) same = static_cast<char>(s[i + k] | 0x20) == kPhrase[k];
    if (same) return true;
  }
  return false;
}

// Digits from s[i] on: how many (at most `max` + 1 are counted).
int digit_run(std::string_view s, std::size_t i, int max) {
  int n = 0;
  while (i + n < s.size() && n <= max && s[i + n] >= '0' && s[i + n] <= '9') ++n;
  return n;
}

// A telephone number: "(314) 286-0122", "317-862-2713", "312.664.8800" (three
// digits, three, four) or "+64 3 364 2250" (a country code and eight digits
// or more). Its digits are not a date, however many of them a line holds.
bool has_phone_number(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') continue;  // a group starts a number
    if (s[i] == '+') {
      int digits = 0;
      std::size_t k = i + 1;
      for (; k < s.size() && ((s[k] >= '0' && s[k] <= '9') || s[k] == ' ' || s[k] == '-'); ++k) {
        if (s[k] >= '0' && s[k] <= '9') ++digits;
      }
      if (digits >= 9) return true;
      continue;
    }
    std::size_t k = i + (s[i] == '(' ? 1 : 0);
    if (digit_run(s, k, 3) != 3) continue;
    k += 3;
    if (s[i] == '(') {
      if (k >= s.size() || s[k] != ')') continue;
      ++k;
      if (k < s.size() && s[k] == ' ') ++k;
    } else {
      if (k >= s.size() || (s[k] != '-' && s[k] != '.' && s[k] != ' ')) continue;
      ++k;
    }
    if (digit_run(s, k, 3) != 3) continue;
    k += 3;
    if (k >= s.size() || (s[k] != '-' && s[k] != '.' && s[k] != ' ')) continue;
    if (digit_run(s, k + 1, 4) == 4) return true;
  }
  return false;
}

// "10:48" or "۰۹:۱۵": a clock time.
bool has_clock_time(std::string_view s) {
  std::size_t i = 0;
  char32_t prev = 0;
  while (i < s.size()) {
    char32_t cp = next_code_point(s, i);
    if (cp == ':' && is_digit(prev) && i < s.size()) {
      std::size_t j = i;
      if (is_digit(next_code_point(s, j))) return true;
    }
    prev = cp;
  }
  return false;
}

// s.find(sep, from) for a separator that starts with a space: looks for its
// second byte, which is rarer than spaces (std::string_view::find compares
// at every space).
std::size_t find_spaced(std::string_view s, std::string_view sep, std::size_t from = 0) {
  for (std::size_t pos = s.find(sep[1], from + 1); pos != std::string_view::npos; pos = s.find(sep[1], pos + 1)) {
    if (s.substr(pos - 1, sep.size()) == sep) return pos - 1;
  }
  return std::string_view::npos;
}

// What the separator searches below need to find at all, from one pass
// over the line: most lines have none of it, and their searches (a memchr
// or more each) are skipped.
struct SeparatorSigns {
  bool spaced = false;      // ' ' followed by '-', '|', '>', '/' or 0xE2 (a dash's first byte)
  bool colon_space = false; // ": "
  bool high_punct = false;  // a byte 0xC2 or 0xE2 (the first of », ›, →)
};

bool is_spaced_separator_byte(unsigned char c) { return c == '-' || c == '|' || c == '>' || c == '/' || c == 0xE2; }

SeparatorSigns separator_signs(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  SeparatorSigns signs;
  std::size_t i = 0;
#if defined(__SSE2__)
  // Sixteen positions a step, each byte with the one after it.
  __m128i spaced = _mm_setzero_si128(), colon = _mm_setzero_si128(), high = _mm_setzero_si128();
  for (; n - i >= 17; i += 16) {
    const __m128i at = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1));
    const __m128i lead_e2 = _mm_cmpeq_epi8(next, _mm_set1_epi8('\xE2'));
    const __m128i after = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(next, _mm_set1_epi8('-')), _mm_cmpeq_epi8(next, _mm_set1_epi8('|'))),
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(next, _mm_set1_epi8('>')), _mm_cmpeq_epi8(next, _mm_set1_epi8('/'))),
                     lead_e2));
    spaced = _mm_or_si128(spaced, _mm_and_si128(_mm_cmpeq_epi8(at, _mm_set1_epi8(' ')), after));
    colon = _mm_or_si128(colon, _mm_and_si128(_mm_cmpeq_epi8(at, _mm_set1_epi8(':')),
                                              _mm_cmpeq_epi8(next, _mm_set1_epi8(' '))));
    high = _mm_or_si128(high, _mm_or_si128(_mm_cmpeq_epi8(at, _mm_set1_epi8('\xC2')),
                                           _mm_cmpeq_epi8(at, _mm_set1_epi8('\xE2'))));
  }
  signs.spaced = _mm_movemask_epi8(spaced) != 0;
  signs.colon_space = _mm_movemask_epi8(colon) != 0;
  signs.high_punct = _mm_movemask_epi8(high) != 0;
#endif
  for (; i < n; ++i) {
    const bool has_next = i + 1 < n;
    signs.spaced |= p[i] == ' ' && has_next && is_spaced_separator_byte(p[i + 1]);
    signs.colon_space |= p[i] == ':' && has_next && p[i + 1] == ' ';
    signs.high_punct |= p[i] == 0xC2 || p[i] == 0xE2;
  }
  return signs;
}

// "Home » News › World": the separators of breadcrumb trails.
bool has_path_separator(std::string_view s, const SeparatorSigns& signs) {
  if (!signs.high_punct && !signs.spaced) return false;
  for (std::string_view sep : {"\u00BB", "\u203A", "\u2192"}) {
    if (s.find(sep) != std::string_view::npos) return true;
  }
  return find_spaced(s, " > ") != std::string_view::npos || find_spaced(s, " / ") != std::string_view::npos;
}

// "— Name (@handle) January 24, 2025": the signature line of an embedded tweet
// (or Instagram post).
bool looks_like_tweet_signature(std::string_view s) {
  if (s.find("(@") == std::string_view::npos) return false;
  // Instagram signs its embeds the same way: "A post shared by <name> (@handle)".
  if (s.substr(0, 17) == "A post shared by ") return true;
  if (s.empty() || (s[0] != '\xE2' && s[0] != '-')) return false;  // not a dash first
  return s.substr(0, 3) == "\u2014" || s.substr(0, 3) == "\u2013" || s.substr(0, 2) == "- ";
}

// A token where a name is glued to the next word: digits then >= 2 letters
// ("24كشف"), or a lower-case letter followed by an upper-case one after
// at least three letters ("ReutersThe").
// True when every word after the first `n` words of `s` starts with a
// capital letter (a name: "Über Moritz Bachmann", not "About 200 people"),
// and there is one at least.
bool capitalized_after_words(std::string_view s, int n) {
  int seen = 0, capitalized = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = next_code_point(s, i);
    const bool word_char = is_letter(cp) || is_digit(cp);
    if (word_char && !in_word) {
      if (seen++ >= n) {
        if (!u_isupper(static_cast<UChar32>(cp))) return false;
        ++capitalized;
      }
    }
    in_word = word_char;
  }
  return capitalized > 0;
}

// The word's first letter is in the Arabic block (U+0600-U+06FF: UTF-8
// lead bytes 0xD8-0xDB).
bool starts_arabic(std::string_view word) {
  return !word.empty() && static_cast<unsigned char>(word[0]) >= 0xD8 && static_cast<unsigned char>(word[0]) <= 0xDB;
}

// An author's bio: a capitalised name of at most bio_name_max_words words, a
// bio verb, then a job within bio_role_reach words ("Phil Helsel is a
// reporter for NBC News.", "Jana Keller ist Redakteurin im Ressort ...").
// First person counts too ("I am a writer, journalist, ...").
bool reads_like_author_bio(std::string_view s, const SegmentWords& words, const Lexicon& lexicon) {
  const Weights& w = lexicon.weights();
  const int count = static_cast<int>(words.size());
  std::size_t first = 0;
  while (first < s.size() && s[first] == ' ') ++first;
  if (first >= s.size()) return false;
  std::size_t at = first;
  if (!u_isupper(static_cast<UChar32>(next_code_point(s, at)))) return false;
  const int name_end = std::min(count, static_cast<int>(w.bio_name_max_words) + 1);
  for (int verb = 1; verb < name_end; ++verb) {
    if (!lexicon.is_bio_verb(words.word(verb))) continue;
    const int reach_end = std::min(count, verb + 1 + static_cast<int>(w.bio_role_reach));
    for (int k = verb + 1; k < reach_end; ++k) {
      if (lexicon.is_bio_role(words.word(k))) return true;
    }
    return false;
  }
  return false;
}

// A caption: the line ends with a parenthesised credit whose first word is a
// credit word followed by ':' or '/' ("(Image: GETTY)", "(AP Photo/Alan
// Diaz, File)", "(Foto: dpa)"), or that is a credit word alone ("(أرشيفية)").
bool ends_with_photo_credit(std::string_view s, const Lexicon& lexicon) {
  if (s.empty() || s.back() != ')') return false;
  const std::size_t open = s.rfind('(');
  if (open == std::string_view::npos || open == 0) return false;
  std::string_view credit = s.substr(open + 1, s.size() - open - 2);
  const std::size_t mark = credit.find_first_of(":/");
  if (mark == std::string_view::npos) return lexicon.is_credit_word(fold_key(credit));  // "(أرشيفية)"
  if (mark == 0) return false;
  std::string_view opener = credit.substr(0, mark);
  while (!opener.empty() && opener.back() == ' ') opener.remove_suffix(1);  // French "(Photo : AFP)"
  // "AP Photo": the credit word may follow an agency's name.
  if (const std::size_t space = opener.rfind(' '); space != std::string_view::npos) opener.remove_prefix(space + 1);
  return lexicon.is_credit_word(fold_key(opener));
}

bool is_glued_token(std::string_view tok) {
  std::vector<char32_t> cps;
  for (std::size_t i = 0; i < tok.size();) cps.push_back(next_code_point(tok, i));
  for (std::size_t k = 1; k + 1 < cps.size(); ++k) {
    if (is_digit(cps[k - 1]) && is_letter(cps[k]) && is_letter(cps[k + 1]) && cps[k] > 0x7F) return true;
    if (is_digit(cps[k - 1]) && cps[k] >= 'A' && cps[k] <= 'Z' && cps[k + 1] >= 'a' && cps[k + 1] <= 'z') {
      return true;  // "24Officials"
    }
    if (k >= 3 && cps[k - 1] >= 'a' && cps[k - 1] <= 'z' && cps[k] >= 'A' && cps[k] <= 'Z' &&
        cps[k + 1] >= 'a' && cps[k + 1] <= 'z' && cps[k - 2] >= 'a' && cps[k - 3] >= 'A') {
      return true;
    }
  }
  return false;
}

// "Headline - Site" glued to the excerpt of the linked page: a link preview
// card flattened into one line.
bool looks_like_link_card(std::string_view s, const SeparatorSigns& signs) {
  if (!signs.spaced) return false;  // none of " - ", " | ", " \u2013 "
  for (std::string_view sep : {std::string_view(" - "), std::string_view(" | "), std::string_view(" \u2013 ")}) {
    for (std::size_t pos = find_spaced(s, sep); pos != std::string_view::npos; pos = find_spaced(s, sep, pos + 1)) {
      std::size_t start = pos + sep.size();
      for (int tokens = 0; tokens < 4 && start < s.size(); ++tokens) {
        std::size_t sp = s.find(' ', start);
        if (sp == std::string_view::npos) sp = s.size();
        if (is_glued_token(s.substr(start, sp - start))) return true;
        start = sp + 1;
      }
    }
  }
  return false;
}

// A dateline's separator followed by a capital and a small letter
// ("...: Expressing"), which has_glued_dateline needs: most lines lack one,
// and this search (by the separators' rarer bytes) is cheaper than its walk.
bool has_dateline_separator(std::string_view s, const SeparatorSigns& signs) {
  if (!signs.colon_space && !signs.spaced) return false;  // none of ": ", " \u2014 ", " -- ", " - "
  auto sentence_starts_at = [&](std::size_t i) {
    return i + 1 < s.size() && s[i] >= 'A' && s[i] <= 'Z' && s[i + 1] >= 'a' && s[i + 1] <= 'z';
  };
  for (std::size_t pos = s.find(": "); pos != std::string_view::npos; pos = s.find(": ", pos + 1))
    if (sentence_starts_at(pos + 2)) return true;
  for (std::string_view sep : {std::string_view(" \u2014 "), std::string_view(" -- "), std::string_view(" - ")}) {
    for (std::size_t pos = find_spaced(s, sep); pos != std::string_view::npos; pos = find_spaced(s, sep, pos + 1))
      if (sentence_starts_at(pos + sep.size())) return true;
  }
  return false;
}

// Whether the first `prefix` bytes of `s` hold a small ASCII letter, a
// capital and a small letter in a row ("eFo" in "FinaleFord"): the join
// has_glued_headline looks for, found sixteen bytes at a time. Most lines
// have none, so the word-by-word test runs on few.
bool has_case_joint(std::string_view s, std::size_t prefix) {
  const std::size_t n = std::min(s.size(), prefix);
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0;
  // Blocks overlap by two bytes, so every three-byte run lies whole in one.
  for (; i + 16 <= n; i += 14) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // Bytes of 0x80 and up are negative as signed: neither range takes them.
    const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
    const __m128i lower = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('z' + 1)));
    const uint32_t up = static_cast<uint32_t>(_mm_movemask_epi8(upper));
    const uint32_t low = static_cast<uint32_t>(_mm_movemask_epi8(lower));
    if (up & (low << 1) & (low >> 1)) return true;
  }
  auto is_lower = [](unsigned char c) { return c >= 'a' && c <= 'z'; };
  for (std::size_t k = i > 0 ? i : 1; k + 1 < n; ++k) {
    if (p[k] >= 'A' && p[k] <= 'Z' && is_lower(p[k - 1]) && is_lower(p[k + 1])) return true;
  }
  return false;
}

// A headline in title case glued to the first words of its lead, as a
// scraper flattens a teaser card without a space between them ("Harvick
// Fails To Rally Overmatched Ford In NASCAR FinaleFord v Toyota flopped
// for ..."): a word of the first twenty joins a small letter to a capital
// and a small one after three letters or more (not "McDonald", "MacLeod"),
// the words before it are mostly capitalised and those after it mostly
// not. A name written so ("YouTube") inside a headline is followed by more
// capitalised words.
bool has_glued_headline(std::string_view s, const Weights& wt) {
  constexpr std::size_t kMaxWords = 40;
  const std::size_t window = static_cast<std::size_t>(wt.glued_headline_window);
  const std::size_t last_joint = std::min(static_cast<std::size_t>(wt.glued_headline_max_word), kMaxWords - 1);
  std::array<std::string_view, kMaxWords> words;
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size() && count < kMaxWords && count <= last_joint + window;) {
    while (i < s.size() && s[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > start) words[count++] = s.substr(start, i - start);
  }
  auto capitalised = [](std::string_view w) { return (w[0] >= 'A' && w[0] <= 'Z') || (w[0] >= '0' && w[0] <= '9'); };
  auto small = [](std::string_view w) { return w[0] >= 'a' && w[0] <= 'z'; };
  for (std::size_t g = 3; g < count && g <= last_joint; ++g) {
    const std::string_view w = words[g];
    bool joint = false;
    for (std::size_t k = 3; k + 1 < w.size() && !joint; ++k) {
      joint = w[k - 1] >= 'a' && w[k - 1] <= 'z' && w[k] >= 'A' && w[k] <= 'Z' && w[k + 1] >= 'a' && w[k + 1] <= 'z' &&
              !(k == 3 && w.substr(0, 3) == "Mac");
    }
    if (!joint || !capitalised(w)) continue;
    int before = 0, caps = 0;
    for (std::size_t b = g >= window ? g - window : 0; b < g; ++b, ++before) caps += capitalised(words[b]);
    int after = 0, lower = 0;
    for (std::size_t a = g + 1; a < count && a <= g + window; ++a, ++after) lower += small(words[a]);
    if (caps >= wt.glued_headline_capital_share * before && after >= wt.glued_headline_min_words_after &&
        lower >= wt.glued_headline_small_share * after)
      return true;
  }
  return false;
}

// A title-case headline opens the line: of its first three words at least
// `min_capitalised` start with a capital or a digit. Prose seldom does, so
// most lines stop here, before the byte scan.
bool opens_in_title_case(std::string_view s, int min_capitalised) {
  int words = 0, capitalised = 0;
  for (std::size_t i = 0; i < s.size() && words < 3;) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i == s.size()) break;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    capitalised += (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    ++words;
    while (i < s.size() && s[i] != ' ') ++i;
  }
  return capitalised >= min_capitalised;
}

// has_glued_headline looks for the join among a line's first
// glued_headline_max_word (20) words: the first 400 bytes hold them but
// for words of 20 letters on average.
constexpr std::size_t kGluedHeadlinePrefixBytes = 400;

// An all-capitals dateline ("NEW DELHI:", "UNITED NATIONS —") after at least
// `min_words_before` words of a line without a sentence end before it: a
// teaser's headline glued to the first sentence of its story. An article's own
// paragraph starts with its dateline instead.
bool has_glued_dateline(std::string_view s, int min_words_before) {
  int words = 0;
  bool seen_lowercase = false;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    std::string_view word = s.substr(start, i - start);
    if (word.empty()) break;
    // The headline before the dateline is in normal case: a line in
    // capitals up to its colon is a heading of its own ("MARCH 16, 2006: ...").
    if (words >= min_words_before && seen_lowercase) {
      // The capitals run starting here, up to a ':' or a dash.
      std::size_t k = start;
      int letters = 0;
      while (k < s.size()) {
        char c = s[k];
        if (c >= 'A' && c <= 'Z') { ++letters; ++k; continue; }
        bool joins = c == '.' || c == ',' || c == '\'' || c == '-' ||
                     (c == ' ' && k + 1 < s.size() && s[k + 1] >= 'A' && s[k + 1] <= 'Z');
        if (!joins) break;
        ++k;
      }
      if (letters >= 4) {
        std::string_view rest = s.substr(k);
        std::size_t sep = rest.rfind(": ", 0) == 0      ? 2
                          : rest.rfind(" \u2014 ", 0) == 0 ? 5
                          : rest.rfind(" -- ", 0) == 0   ? 4
                          : rest.rfind(" - ", 0) == 0    ? 3
                                                         : 0;
        // The story's first sentence follows: a capital, then small letters
        // ("WASHINGTON: Expressing"), not a title in capitals ("STAR WARS:
        // EPISODE I") or a code ("ISBN: 1584885017").
        if (sep && rest.size() > sep + 1 && rest[sep] >= 'A' && rest[sep] <= 'Z' && rest[sep + 1] >= 'a' &&
            rest[sep + 1] <= 'z') {
          return true;
        }
      }
    }
    for (char c : word) seen_lowercase |= c >= 'a' && c <= 'z';
    char last = word.back();
    if (last == '.' || last == '!' || last == '?') return false;  // a sentence ended before
    ++words;
  }
  return false;
}

}  // namespace

std::string detect_language(const Page& page, const Lexicon& lexicon) {
  PageWords words;
  words.scan(page, lexicon);
  return detect_language(words, lexicon);
}

std::string detect_language(const PageWords& page_words, const Lexicon& lexicon) {
  const auto& languages = lexicon.languages();
  StopWordTally tally;
  int total = 0;
  for (size_t s = 0; s < page_words.size(); ++s) {
    for (const KeyWord& word : page_words.words(s)) {
      ++total;
      tally.add(word.stop_languages);
    }
    if (total > 4000) break;
  }
  const auto hits = tally.counts();
  std::string best;
  int best_hits = 0;
  for (size_t i = 0; i < languages.size(); ++i) {
    if (hits[i] > best_hits) { best = languages[i]; best_hits = hits[i]; }
  }
  if (total == 0 || best_hits < 0.05 * total) return "";
  return best;
}

Features compute_features(const Segment& seg, const std::string& language, const Lexicon& lexicon) {
  PageWords words;
  words.add(seg.text, lexicon);
  return compute_features(seg, words[0], lexicon.language_index(language), lexicon);
}

// The words of a line besides its numbers and strong date words (month and
// day names, am/pm) make a clause of their own: enough of them, and as many
// stop words among them as prose has ("I had started working at McDonald's
// in October of 2003", "The two areas to focus on for at least 3-4 months
// are:"). A dateline's other words are names and labels ("Posted by Biggles
// at October 27, 2003 7:43 PM", "Washington Post Staff Writer Wednesday,
// November 3, 2004; Page A25").
bool reads_as_prose_around_dates(const SegmentWords& words, uint32_t language_bit, const Weights& w) {
  int others = 0, stops = 0;
  for (const KeyWord& word : words.words) {
    if (word.kind == WordKind::kNumber || (word.kind == WordKind::kDate && word.strong_date)) continue;
    ++others;
    stops += (word.stop_languages & language_bit) != 0;
  }
  return others >= w.dateline_prose_min_words && stops >= w.dateline_prose_stop_share * others;
}

Features compute_features(const Segment& seg, const SegmentWords& words, int language, const Lexicon& lexicon) {
  Features f;
  const std::string& s = seg.text;
  const TextCounts& counts = words.counts;
  f.chars = counts.chars;
  f.words = counts.words;
  // fold_key is idempotent (tested), so the key's words are its own.
  const std::string_view key = words.key;
  const int word_count = static_cast<int>(words.size());

  const uint32_t language_bit = language >= 0 ? 1u << language : 0;
  int stops = 0;
  for (const KeyWord& word : words.words) stops += (word.stop_languages & language_bit) != 0;
  const int numbers = words.kinds.numbers, date_words = words.kinds.date_words;
  const bool strong_date = words.kinds.strong_date;
  // The kinds of the first two words (0 other, 1 number, 2 date word).
  for (size_t i = 0; i < words.size() && i < 2; ++i)
    f.lead_shape = 3 * f.lead_shape + static_cast<int>(words.words[i].kind);
  if (word_count > 0) f.stop_density = static_cast<double>(stops) / word_count;

  // The characters, as the walk of segment_words.cpp counted them: the last
  // one that is not a closing mark, commas, and the share of symbols
  // (digits, punctuation) among the non-space ones.
  const char32_t last = counts.last;
  f.commas = counts.commas;
  if (counts.non_space) f.symbol_share = static_cast<double>(counts.symbols) / counts.non_space;
  f.terminal_punct = is_sentence_end(last);
  f.colon_end = last == ':' || last == 0xFF1A;
  f.item_number = leading_item_number(seg.text, &f.item_mark);
  f.urls = counts.urls;
  f.handles = counts.handles;
  f.hashtags = counts.hashtags;
  const Weights& w = lexicon.weights();
  if (numbers == 0 && strong_date && date_words == word_count && word_count >= 2 &&
      word_count <= w.relative_date_max_words && !f.terminal_punct) {
    // "منذ ساعتين" ("two hours ago": Arabic's dual says the number).
    f.date_only = true;
  } else if (numbers > 0) {
    if (word_count <= 10 && numbers + date_words == word_count) {
      f.date_only = f.pure_date = true;
    } else if (word_count <= w.dateline_max_words && !f.terminal_punct &&
               numbers + date_words >= w.dateline_share * word_count &&
               !reads_as_prose_around_dates(words, language_bit, w)) {
      // A dateline needs a strong date sign; the costlier ones only here.
      f.date_only = strong_date || has_clock_time(s) || s.find(" | ") != std::string::npos ||
                    s.find("\u00B7") != std::string::npos;
    }
    // A telephone number's digits are no date (searched for in the few
    // lines that look like one, not in every line with a number).
    if (f.date_only && has_phone_number(s)) f.date_only = f.pure_date = false;
  }
  f.counter = !f.date_only && word_count > 0 && words.words[0].kind == WordKind::kNumber && word_count <= 4 &&
              word_count - numbers <= 2 && f.chars <= 30 && !f.terminal_punct;
  // Single words between commas, a dozen or more, hardly a stop word among
  // them: SEO keyword stuffing or a names list run into one block. Prose
  // that enumerates puts two or three words between its commas.
  f.keyword_list = word_count >= w.keyword_list_min_words && f.stop_density <= w.keyword_list_max_stop_density &&
                   f.commas >= w.keyword_list_comma_share * (word_count - 1);
  f.copyright_notice = opens_with_copyright_sign(s) &&
                       (word_count <= w.contains_max_words ||
                        (word_count <= w.copyright_footer_max_words &&
                         reserves_rights_early(s, static_cast<int>(w.copyright_rights_within_words))));
  f.bullet = starts_with_bullet(s);
  const bool breadcrumb_possible = word_count <= 10 && !f.terminal_punct;
  // One pass for the three searches below, when one of them may run.
  const SeparatorSigns signs = breadcrumb_possible || f.words >= 12 ? separator_signs(s) : SeparatorSigns{};
  f.breadcrumb = breadcrumb_possible && has_path_separator(s, signs);
  f.tweet_signature = looks_like_tweet_signature(s);
  f.link_card = f.words >= 12 && looks_like_link_card(s, signs);
  // A teaser is a headline (4 words at least before the dateline) and a lead
  // sentence: shorter lines are headings or labels of their own.
  f.teaser = f.words >= 15 && has_dateline_separator(s, signs) && has_glued_dateline(s, 4);
  f.photo_credit = word_count <= w.caption_max_words && ends_with_photo_credit(s, lexicon);
  f.comment_header = f.colon_end && numbers > 0 && word_count <= w.dateline_max_words &&
                     lexicon.is_signature_verb(words.word(word_count - 1)) && (strong_date || has_clock_time(s));
  f.author_bio = word_count <= w.bio_max_words && reads_like_author_bio(s, words, lexicon);
  // Arabic writes no "is": an author box's bio opens with the job.
  f.job_first = word_count > 1 && word_count <= w.bio_max_words && starts_arabic(words.word(0)) &&
                lexicon.is_bio_role(words.word(0));
  if (f.chars > 0) f.link_density = std::min(1.0, static_cast<double>(seg.link_chars) / f.chars);
  f.phrase = lexicon.match_phrase(key, words.words, s, word_count);
  if (f.phrase.role == PhraseRole::kNone && f.link_density >= w.labelled_links_min_link_density) {
    // The label stands outside the links: a link reading "Comments (5
    // posted)" is no label.
    const PhraseHit label = lexicon.match_label_before_links(key, words.words);
    if (label.role != PhraseRole::kNone && f.chars - seg.link_chars >= count_chars(label.phrase)) f.phrase = label;
  }
  // A row of buttons flattened into one line ("Facebook Twitter WhatsApp
  // Email"): captions that are chrome lines each, back to back.
  f.button_row = f.phrase.role == PhraseRole::kNone && word_count >= 2 && word_count <= w.button_row_max_words &&
                 !f.terminal_punct && lexicon.is_button_row(key, words.words);
  if (f.phrase.role == PhraseRole::kAbout) {
    const int about_words = 1 + static_cast<int>(std::count(f.phrase.phrase.begin(), f.phrase.phrase.end(), ' '));
    f.about_header = f.phrase.has_rest && word_count <= w.about_header_max_words && !f.terminal_punct &&
                     capitalized_after_words(s, about_words);
  }
  return f;
}

void mark_glued_teasers(const Page& page, const Weights& w, std::vector<Features>& features) {
  for (std::size_t i = 0; i < features.size(); ++i) {
    Features& f = features[i];
    const std::string& text = page.segments[i].text;
    if (!f.teaser && f.words >= w.glued_headline_min_words &&
        opens_in_title_case(text, static_cast<int>(w.glued_headline_opening_capitals)) &&
        has_case_joint(text, kGluedHeadlinePrefixBytes) &&
        has_glued_headline(text, w))
      f.teaser = true;
  }
}

std::string describe(const Features& f) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "words=%d chars=%d stop=%.2f punct=%d sym=%.2f", f.words, f.chars,
                f.stop_density, f.terminal_punct ? 1 : 0, f.symbol_share);
  std::string out = buf;
  if (f.link_density > 0) { std::snprintf(buf, sizeof buf, " links=%.2f", f.link_density); out += buf; }
  if (f.urls) out += " urls=" + std::to_string(f.urls);
  if (f.handles) out += " handles=" + std::to_string(f.handles);
  if (f.hashtags) out += " hashtags=" + std::to_string(f.hashtags);
  if (f.date_only) out += " date-only";
  if (f.counter) out += " counter";
  if (f.keyword_list) out += " keyword-list";
  if (f.button_row) out += " button-row";
  if (f.copyright_notice) out += " copyright";
  if (f.bullet) out += " bullet";
  if (f.breadcrumb) out += " breadcrumb";
  if (f.teaser) out += " teaser";
  if (f.comment_header) out += " comment-header";
  if (f.about_header) out += " about-header";
  if (f.author_bio) out += " author-bio";
  if (f.job_first) out += " job-first";
  if (f.photo_credit) out += " photo-credit";
  if (f.tweet_signature) out += " tweet-signature";
  if (f.link_card) out += " link-card";
  if (f.phrase.role != PhraseRole::kNone) out.append(" phrase=\"").append(f.phrase.phrase).append("\"");
  return out;
}

}  // namespace winnow::internal
