// Unicode helpers: a fast UTF-8 walk with ICU only where ASCII tables or
// simple ranges cannot answer (letter/punctuation classes, lower case,
// word breaks in scripts without spaces).
#include "unicode_text.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstring>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace winnow::internal {

char32_t next_multibyte_code_point(std::string_view s, std::size_t& i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  unsigned char c = p[i];
  int len = 0;
  char32_t cp = 0;
  if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
  else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
  else { ++i; return 0xFFFD; }
  if (i + len > n) { ++i; return 0xFFFD; }
  for (int k = 1; k < len; ++k) {
    unsigned char cc = p[i + k];
    if ((cc & 0xC0) != 0x80) { ++i; return 0xFFFD; }
    cp = (cp << 6) | (cc & 0x3F);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_non_ascii_space(char32_t cp) {
  return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x85;
}

bool is_non_ascii_letter(char32_t cp) {
  return u_isalpha(static_cast<UChar32>(cp)) || u_getCombiningClass(cp) != 0 ||
         u_charType(cp) == U_NON_SPACING_MARK || u_charType(cp) == U_COMBINING_SPACING_MARK;
}

bool is_non_ascii_digit(char32_t cp) {
  return u_isdigit(static_cast<UChar32>(cp));
}

bool is_sentence_end(char32_t cp) {
  switch (cp) {
    case '.': case '!': case '?': case 0x061F /* ؟ */: case 0x06D4 /* ۔ */: case 0x0964 /* । */:
    case 0x3002 /* 。 */: case 0xFF01: case 0xFF1F: case 0x2026 /* … */: case 0xFF0E:
      return true;
    default:
      return false;
  }
}

bool is_closing_mark(char32_t cp) {
  switch (cp) {
    case '"': case '\'': case ')': case ']': case '*':
    case 0x201D /* ” */: case 0x2019 /* ’ */: case 0xBB /* » */: case 0x300D: case 0x300F: case 0xFF09:
      return true;
    default:
      return false;
  }
}

bool is_arabic_letter(char32_t cp) {
  return (cp >= 0x0620 && cp <= 0x064A) || (cp >= 0x066E && cp <= 0x06D3) ||
         (cp >= 0x06FA && cp <= 0x06FC) || (cp >= 0x0750 && cp <= 0x077F);
}

bool is_spaceless_script(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) ||  // Hiragana, Katakana
         (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||  // Han
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x0E00 && cp <= 0x0EFF) ||  // Thai, Lao
         (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x1000 && cp <= 0x109F);    // Khmer, Myanmar
}

std::size_t skip_collapsed_ascii(std::string_view s, std::size_t i, bool& after_space) {
  const std::size_t start = i;
#if defined(__SSE2__)
  // Sixteen bytes a step first (SSE2: every x86-64): half the steps of the
  // eight-byte loop below, and fewer operations each.
  for (; s.size() - i >= 16; i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    // Signed: the bytes of other code points (0x80-0xFF) are negative, so
    // one compare catches them along with the controls below ' '.
    if (_mm_movemask_epi8(_mm_cmplt_epi8(bytes, _mm_set1_epi8(' '))) != 0) break;
    const uint32_t spaces = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' '))));
    if (spaces & ((spaces << 1) | (after_space ? 1u : 0u))) break;  // a space after a space
    after_space = (spaces >> 15) != 0;
  }
#endif
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  constexpr uint64_t kLows = 0x7F7F7F7F7F7F7F7FULL;
  for (; s.size() - i >= 8; i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    // Any byte below ' ' (exact as a yes/no), or any byte of another code point.
    if (((w - kOnes * ' ') & ~w & kHighs) || (w & kHighs)) break;
    // 0x80 at each space: the bytes of w ^ "        " that are zero.
    const uint64_t x = w ^ (kOnes * ' ');
    const uint64_t spaces = ~(((x & kLows) + kLows) | x) & kHighs;
    // Little-endian: byte k + 1 is above byte k.
    if ((spaces & (spaces << 8)) || (after_space && (spaces & 0x80))) break;
    after_space = (spaces >> 63) != 0;
  }
  return i - start;
}

namespace {

// The length of the longest prefix of `s` that collapse_whitespace leaves as
// it is and that ends in a character other than a space: valid UTF-8 without
// leading or doubled spaces, whose only whitespace is ' '. Most text is all
// prefix, copied at once.
std::size_t collapsed_prefix(std::string_view s) {
  std::size_t good = 0;
  bool after_space = true;  // a space here would be leading or doubled
  for (std::size_t i = 0; i < s.size();) {
    if (const std::size_t plain = skip_collapsed_ascii(s, i, after_space)) {
      i += plain;
      good = after_space ? i - 1 : i;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c > ' ' && c < 0x80) {
      good = ++i;
      after_space = false;
    } else if (c == ' ' && !after_space) {
      ++i;
      after_space = true;
    } else if (c >= 0x80) {
      // A run of longer characters (a word of Arabic, Cyrillic, ...) is
      // walked here to its end: skip_collapsed_ascii would stop at once at
      // each of them.
      do {
        const std::size_t start = i;
        const char32_t cp = next_multibyte_code_point(s, i);
        if ((cp == 0xFFFD && i - start == 1) || is_non_ascii_space(cp)) return good;  // rewritten or a space
        good = i;
      } while (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x80);
      after_space = false;
    } else {
      break;  // a doubled space, other whitespace or a control character
    }
  }
  return good;
}

}  // namespace

std::string collapse_whitespace(std::string_view s) {
  const std::size_t prefix = collapsed_prefix(s);
  std::string out;
  if (prefix == s.size()) {
    out.assign(s);
    return out;
  }
  out.reserve(s.size());
  out.assign(s.substr(0, prefix));
  bool pending_space = false;
  for (std::size_t i = prefix; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == ' ' || (c >= '\t' && c <= '\r')) { pending_space = true; ++i; continue; }
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      // A run of printable ASCII is copied at once.
      std::size_t end = i + 1;
      while (end < s.size() && static_cast<unsigned char>(s[end]) > ' ' && static_cast<unsigned char>(s[end]) < 0x80) ++end;
      out.append(s.substr(i, end - i));
      i = end;
      continue;
    }
    std::size_t start = i;
    char32_t cp = next_code_point(s, i);
    if (is_space(cp)) { pending_space = true; continue; }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    if (cp == 0xFFFD && i - start == 1) append_utf8(out, cp);
    else out.append(s.substr(start, i - start));
  }
  return out;
}

int count_collapsed_chars(std::string_view s) {
  int chars = 0;
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size();) {
    if (is_space(next_code_point(s, i))) {
      pending_space = true;
      continue;
    }
    chars += 1 + (pending_space && chars > 0);  // the space collapse_whitespace writes before it
    pending_space = false;
  }
  return chars;
}

bool is_ignorable_mark(char32_t cp) {
  return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640 ||
         (cp >= 0x200B && cp <= 0x200F) || cp == 0x061C || cp == 0xFEFF;
}

char32_t fold_letter(char32_t cp) {
  switch (cp) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;  // آ أ إ ٱ -> ا
    case 0x0649: case 0x06CC: case 0x0626: return 0x064A;               // ى ی ئ -> ي
    case 0x0629: return 0x0647;                                          // ة -> ه
    case 0x06A9: return 0x0643;                                          // ک -> ك
    case 0x0624: return 0x0648;                                          // ؤ -> و
    default: break;
  }
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
}

namespace {

bool is_word_char(char32_t cp) { return is_letter(cp) || is_digit(cp); }

}  // namespace

std::string fold_key(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {  // ASCII: letters and digits, lower-cased; no ignorable marks
      ++i;
      const bool word_char = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
      if (!word_char) { pending_space = true; continue; }
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      continue;
    }
    char32_t cp = next_code_point(s, i);
    if (is_ignorable_mark(cp)) continue;
    if (!is_word_char(cp)) { pending_space = true; continue; }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    append_utf8(out, fold_letter(cp));
  }
  return out;
}

std::vector<std::string_view> split_words(std::string_view key) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < key.size()) {
    std::size_t sp = key.find(' ', start);
    if (sp == std::string_view::npos) sp = key.size();
    if (sp > start) words.push_back(key.substr(start, sp - start));
    start = sp + 1;
  }
  return words;
}

std::vector<std::string> word_keys(std::string_view s) {
  const std::string key = fold_key(s);
  std::vector<std::string> words;
  for (std::string_view w : split_words(key)) words.emplace_back(w);
  return words;
}

namespace {

int count_words_icu(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  thread_local std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (!it) return 0;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  it->setText(text);
  int words = 0;
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; end = it->next()) {
    if (it->getRuleStatus() != UBRK_WORD_NONE) ++words;
  }
  return words;
}

}  // namespace

int count_words(std::string_view s) {
  int words = 0;
  bool in_word = false;
  bool spaceless = false;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    if (c < 0x80) { cp = c; ++i; } else { cp = next_code_point(s, i); }
    if (cp >= 0x80 && is_spaceless_script(cp)) { spaceless = true; break; }
    bool word_char = cp < 0x80 ? (is_letter(cp) || is_digit(cp)) : (is_word_char(cp) || is_ignorable_mark(cp));
    if (word_char && !in_word) ++words;
    in_word = word_char;
  }
  if (spaceless) return count_words_icu(s);
  return words;
}

int count_chars(std::string_view s) {
  // Code points = bytes - continuation bytes (10xxxxxx: -128 to -65 as
  // signed bytes), sixteen bytes a step where SSE2 is.
  std::size_t continuation = 0, i = 0;
#if defined(__SSE2__)
  const __m128i below = _mm_set1_epi8(-64);
  while (i + 16 <= s.size()) {
    // Per-byte counters (0 or -1 a step) hold up to 255 steps; then summed.
    __m128i counts = _mm_setzero_si128();
    for (int steps = 0; steps < 255 && i + 16 <= s.size(); ++steps, i += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      counts = _mm_sub_epi8(counts, _mm_cmplt_epi8(bytes, below));
    }
    const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());
    continuation += static_cast<std::size_t>(_mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4));
  }
#endif
  for (; i < s.size(); ++i) continuation += (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  return static_cast<int>(s.size() - continuation);
}

bool has_word(std::string_view words, std::string_view word) {
  for (std::size_t at = words.find(word); at != std::string_view::npos; at = words.find(word, at + 1)) {
    const std::size_t end = at + word.size();
    if ((at == 0 || words[at - 1] == ' ') && (end == words.size() || words[end] == ' ')) return true;
  }
  return false;
}

}  // namespace winnow::internal
