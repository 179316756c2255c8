// The one walk over a segment's text behind SegmentWords. It does in one
// pass what fold_key, splitting the key at its spaces, a lexicon lookup per
// word, count_chars, count_words and the features' character loop did in
// six, and tells numbers and date words apart while each word's lexicon
// entry is in the cache. Text mode spends most of its time here, so the walk
// copies runs of ASCII letters and digits at once and asks ICU only about
// other code points.
#include "segment_words.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <tuple>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <unicode/uchar.h>

#include "ascii_masks.h"
#include "unicode_text.h"

namespace winnow::internal {
namespace {

// Classes of the ASCII bytes, one table lookup each (none for the bytes of
// other code points).
enum : uint8_t {
  kWordChar = 1,  // letters and digits: fold_key keeps them
  kSpace = 2,     // ' ', '\t' to '\r'
  kClosing = 4,   // closing marks the features look through for the last character
};

constexpr std::array<uint8_t, 256> make_ascii_classes() {
  std::array<uint8_t, 256> classes{};
  for (int c = '0'; c <= '9'; ++c) classes[c] = kWordChar;
  for (int c = 'a'; c <= 'z'; ++c) classes[c] = classes[c - 32] = kWordChar;
  for (int c = '\t'; c <= '\r'; ++c) classes[c] = kSpace;
  classes[' '] = kSpace;
  for (char c : {'"', '\'', ')', ']', '*'}) classes[static_cast<unsigned char>(c)] = kClosing;
  return classes;
}
constexpr std::array<uint8_t, 256> kAsciiClass = make_ascii_classes();

char ascii_lower(unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); }

bool is_non_ascii_comma(char32_t cp) { return cp == 0x060C /* ، */ || cp == 0x3001 || cp == 0xFF0C; }

// Counts a URL, @handle or #hashtag among the space-separated tokens.
void count_social_token(std::string_view tok, bool has_slash, TextCounts& counts) {
  // Every URL marker but "www." holds a '/'.
  if (tok.substr(0, 4) == "www." ||
      (has_slash && (tok.find("http://") != std::string_view::npos || tok.find("https://") != std::string_view::npos ||
                     tok.find(".com/") != std::string_view::npos))) {
    ++counts.urls;
  } else if (tok.size() > 1 && tok[0] == '@') {
    ++counts.handles;
  } else if (tok.size() > 1 && tok[0] == '#' && !(tok[1] >= '0' && tok[1] <= '9')) {
    ++counts.hashtags;
  }
}

// Most words start with an ASCII letter: no number.
bool may_be_number_word(std::string_view w) {
  return w.empty() || static_cast<unsigned char>(w[0]) >= 0x80 || (w[0] >= '0' && w[0] <= '9');
}

// "2024", "1.2k", "3m", "9h", "2d": digits, then maybe a unit letter.
bool is_number_word(std::string_view w) {
  bool digit = false;
  for (std::size_t i = 0; i < w.size();) {
    char32_t cp = next_code_point(w, i);
    if (is_digit(cp)) digit = true;
    else if (!digit || (cp != 'k' && cp != 'm' && cp != 'h' && cp != 'd' && cp != 's')) return false;
    // 1.2k, 3m, "9h ago", "2d" (folded: '.' is already a space)
  }
  return digit;
}

// 1900-2099, or a year of the Persian (13xx, 14xx) calendar.
bool looks_like_year(std::string_view w) {
  std::string digits;
  for (std::size_t i = 0; i < w.size();) {
    char32_t cp = next_code_point(w, i);
    if (!is_digit(cp)) return false;
    int v = u_charDigitValue(static_cast<UChar32>(cp));
    digits += static_cast<char>('0' + (v < 0 ? 0 : v));
  }
  if (digits.size() != 4) return false;
  return digits.substr(0, 2) == "19" || digits.substr(0, 2) == "20" || digits.substr(0, 2) == "13" ||
         digits.substr(0, 2) == "14";
}

// The kind of a folded word (`date_kind`: its lexicon entry's), and whether
// it is a strong sign of a date (a year, a month or day name).
std::pair<WordKind, bool> word_kind(std::string_view w, int date_kind) {
  if (may_be_number_word(w) && is_number_word(w)) return {WordKind::kNumber, looks_like_year(w)};
  if (date_kind) return {WordKind::kDate, date_kind == 2};
  return {WordKind::kOther, false};
}

// A word that starts with an ASCII letter is no number and no Arabic word:
// its lexicon entry, copied, says all there is to say of it.
bool starts_with_ascii_letter(std::string_view word) {
  return static_cast<unsigned char>((word[0] | 0x20) - 'a') < 26;
}

// What the bytes of a word that may be a number or an Arabic word add to
// its lexicon entry (`w`'s fields, copied from it).
void add_what_the_bytes_say(KeyWord& w, std::string_view word, const Lexicon& lexicon) {
  const int arabic = lexicon.arabic_index();
  if (arabic >= 0 && !(w.stop_languages & (1u << arabic)) && lexicon.is_arabic_stop_word_behind_clitic(word))
    w.stop_languages |= 1u << arabic;
  std::tie(w.kind, w.strong_date) = word_kind(word, w.date_kind());
}

// The bits of the first `bytes` bytes of a 16-byte block.
uint32_t first_bytes(size_t bytes) { return bytes >= 16 ? 0xFFFF : (1u << bytes) - 1; }

// The words of the key `key[0, length)` (fold_key's words, joined by
// single spaces) into `words`, each with its lexicon entry; returns how
// many, and counts their kinds into `counted`. The walk writes no word
// boundaries: the key's spaces are, found sixteen bytes at a time. A space
// written past the key's end ends the last word, so that one loop body
// handles every word.
size_t look_up_words(char* key, size_t length, KeyWord* words, const Lexicon& lexicon, WordKindCounts& counted) {
  if (length == 0) return 0;
  // The space after the key, then fifteen bytes that are not spaces, so
  // that the last sixteen bytes read hold no space past it (the key has
  // room): no mask for the key's end.
  std::memcpy(key + length, " ...............", 16);
  const WordTable::Finder finder = lexicon.word_finder();
  // Locals: the stores of the loop may alias `counted`.
  int numbers = 0, date_words = 0;
  bool strong_date = false;
  KeyWord* w = words;
  size_t start = 0;
  for (size_t at = 0; at <= length; at += 16) {
#if defined(__SSE2__)
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(key + at));
    uint32_t spaces = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' '))));
#else
    uint32_t spaces = 0;
    for (int k = 0; k < 16; ++k) spaces |= uint32_t(key[at + k] == ' ') << k;
#endif
    for (; spaces != 0; spaces &= spaces - 1) {
      const size_t end = at + static_cast<size_t>(__builtin_ctz(spaces));
      const std::string_view word(key + start, end - start);
      const WordInfo& info = finder.find_padded_or_none(word);  // the key has room past its end
      w->offset = static_cast<uint32_t>(start);
      w->length = static_cast<uint32_t>(end - start);
      w->info = finder.known(info);
      static_cast<WordInfo&>(*w) = info;
      // Well predicted: most words of a page start with a letter of its
      // script, and their entry says all.
      if (starts_with_ascii_letter(word)) {
        date_words += info.kind == WordKind::kDate;
        strong_date |= info.strong_date;
      } else {
        add_what_the_bytes_say(*w, word, lexicon);
        numbers += w->kind == WordKind::kNumber;
        date_words += w->kind == WordKind::kDate;
        strong_date |= w->strong_date;
      }
      ++w;
      start = end + 1;
    }
  }
  counted = {numbers, date_words, strong_date};
  return static_cast<size_t>(w - words);
}

// The most words a text of `bytes` bytes can hold: each takes a byte at
// least, and a separating byte lies between two of them.
size_t max_words(size_t bytes) { return bytes / 2 + 1; }

// The walk over one text; see the file comment. The key is written into
// `key`, which has room for twice the text (a code point folds to at most
// twice its bytes; a space replaces at least one byte) and 16 bytes more
// (the block path stores 16 bytes at a time). Its words are found later,
// at its spaces (look_up_words).
class Walk {
 public:
  Walk(std::string_view text, char* key) : s_(text), key_(key) {}

  // Returns the key's length. `blocks`: take up to sixteen ASCII bytes at
  // a time (ascii_block) where the text has them; false walks byte by byte,
  // the reference the tests hold the block path to.
  size_t run(TextCounts& counts, bool blocks) {
    const size_t n = s_.size();
    size_t i = 0;
#if defined(__SSE2__)
    while (blocks && i < n) {
      const Block block = block_at(i);
      if (block.ascii >= kMinBlock) {
        ascii_block(i, block);
        i += block.ascii;
        continue;
      }
      // A few ASCII bytes before a longer character (a space between two
      // Arabic words): byte by byte (a step may go further, through a
      // character or a run of letters), then the character.
      for (const size_t end = i + block.ascii; i < end;) i = step(i);
      if (i < n && static_cast<unsigned char>(s_[i]) >= 0x80) i = code_point(i);
    }
#endif
    while (i < n) i = step(i);
    end_token(n);
    settle_last();
    if (spaceless_) c_.words = count_words(s_);  // ICU's word breaks
    counts = c_;
    return k_;
  }

 private:
  // One step of the byte walk at s_[i]: a code point, a run of ASCII
  // letters and digits, or one other ASCII byte. Returns where the next
  // step starts.
  size_t step(size_t i) {
    const unsigned char b = static_cast<unsigned char>(s_[i]);
    if (b >= 0x80) return code_point(i);
    const uint8_t cls = kAsciiClass[b];
    if (cls & kWordChar) return ascii_word_run(i);
    ++c_.chars;
    pending_space_ = true;
    in_word_ = false;
    if (cls & kSpace) {
      if (b == ' ') end_token(i);
      return i + 1;
    }
    ++c_.non_space;
    ++c_.symbols;  // ASCII punctuation and symbols: neither letters nor tatweel
    if (!(cls & kClosing)) set_last(b);
    if (b == ',') ++c_.commas;
    if (b == '/') token_slash_ = true;
    return i + 1;
  }

  // The features' last character: the last non-space character that is no
  // closing mark. The byte walk sets it as it goes; the block path leaves
  // it to settle_last, which reads it back from the end of the bytes the
  // blocks took since the walk last set it (unsettled_).
  void set_last(char32_t cp) {
    c_.last = cp;
    unsettled_ = {};
  }

  void settle_last() {
    // Between the blocks lie only bytes that set no last character (spaces
    // and closing marks, ASCII or not): any other would have settled it.
    for (size_t i = unsettled_.second; i > unsettled_.first;) {
      const unsigned char b = static_cast<unsigned char>(s_[--i]);
      if (b < 0x80 && !(kAsciiClass[b] & (kSpace | kClosing))) {
        c_.last = b;
        break;
      }
    }
    unsettled_ = {};
  }

#if defined(__SSE2__)
  // Blocks of fewer ASCII bytes than this go byte by byte: a block costs
  // as much as a few steps.
  static constexpr size_t kMinBlock = 4;

  // Up to sixteen bytes at s_[i], and how many of them are ASCII before a
  // longer character or the text's end. `bytes` may be read 32 bytes on
  // (ascii_block's word copies read sixteen bytes from any of the sixteen):
  // the text itself where it has them, else a zero-padded copy of its end.
  struct Block {
    const unsigned char* bytes;
    size_t ascii;
  };
  Block block_at(size_t i) {
    const size_t left = s_.size() - i;
    const unsigned char* p = reinterpret_cast<const unsigned char*>(s_.data()) + i;
    if (left < 32) {
      std::memset(tail_, 0, sizeof tail_);
      std::memcpy(tail_, p, left);
      p = tail_;
    }
    const uint32_t non_ascii = static_cast<uint32_t>(_mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))));
    const size_t ascii = static_cast<size_t>(__builtin_ctz(non_ascii | 0x10000));
    return {p, std::min(ascii, left)};
  }

  // The block's ASCII bytes at s_[i]: what as many step() calls would do,
  // from the bytes' masks. Only the runs of letters and digits (words) and
  // the blanks of tokens that may be URLs, handles or hashtags take a loop.
  void ascii_block(size_t i, const Block& block) {
    const uint32_t valid = first_bytes(block.ascii);
    AsciiMasks m = ascii_masks_sse2(block.bytes);
    m.word &= valid;
    m.digit &= valid;
    m.space &= valid;
    m.blank &= valid;
    m.comma &= valid;
    m.slash &= valid;
    m.social &= valid;
    // A word starts at a word byte after a non-word one (or after the
    // previous block's, carried by in_word_).
    const uint32_t word_starts = m.word & ~((m.word << 1) | (in_word_ ? 1u : 0u));
    const Popcounts4 n = popcount16x4(m.space, m.word & ~m.digit, m.comma, word_starts);
    const int bytes = static_cast<int>(block.ascii);
    c_.chars += bytes;
    c_.non_space += bytes - n.a;
    c_.symbols += bytes - n.a - n.b;  // neither spaces nor letters: digits count as symbols
    c_.commas += n.c;
    c_.words += n.d;
    const uint32_t last_bit = 1u << (block.ascii - 1);
    in_word_ = (m.word & last_bit) != 0;
    // The bytes since the previous block (if unsettled) set no last
    // character: the unsettled bytes run on over them.
    if (unsettled_.first == unsettled_.second) unsettled_.first = i;
    unsettled_.second = i + block.ascii;
    block_tokens(i, m);
    block_words(block.bytes, m.word, last_bit);
  }

  // The block's runs of letters and digits, lower-cased into the key with
  // fold_key's single space before each word but the first. Locals, not
  // members, in the loop: stores through a char* may alias any member, so
  // the compiler would reload them at every run.
  void block_words(const unsigned char* p, uint32_t word, uint32_t last_bit) {
    char* const key = key_;
    char* out = key + k_;
    // The space before the block's first run: after a non-word byte (the
    // previous block's, or one of this block's before the run) unless the
    // key is still empty. Every later run follows a non-word byte of the
    // block and a word of the key.
    const bool after_non_word = pending_space_ || !(word & 1);
    int space = after_non_word && out != key;
    for (uint32_t rest = word; rest != 0; space = 1) {
      const int start = __builtin_ctz(rest);
      const int length = __builtin_ctz(~(word >> start));  // to the first non-word byte, or the block's end
      *out = ' ';  // kept only between two words
      out += space;
      // OR-ing 0x20 lower-cases a letter and leaves a digit as it is. All
      // sixteen bytes are stored (the key has room); the run's length counts.
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + start));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out), _mm_or_si128(bytes, _mm_set1_epi8(0x20)));
      out += length;
      rest &= ~0u << (start + length);  // start + length <= 16: a 32-bit shift clears the block's bits
    }
    // A run ending the block leaves no separator pending; a non-word byte
    // there does, and so does a block without runs.
    pending_space_ = !(word & last_bit);
    k_ = static_cast<size_t>(out - key);
  }

  // The tokens ending at the block's blanks. Most hold no '/' and start
  // with no w, @ or #: nothing to count, only where the last one ends.
  void block_tokens(size_t i, const AsciiMasks& m) {
    const uint32_t token_starts = ((m.blank << 1) & 0xFFFF) | (token_start_ == i ? 1u : 0u);
    const bool carried_social = token_start_ < i && is_social_start(s_[token_start_]);
    if (!token_slash_ && !m.slash && !(m.social & token_starts) && !carried_social) {
      if (m.blank) token_start_ = i + 32 - static_cast<size_t>(__builtin_clz(m.blank));
      return;
    }
    uint32_t before = 0;  // the bits up to the last blank handled
    for (uint32_t blanks = m.blank; blanks != 0; blanks &= blanks - 1) {
      const int at = __builtin_ctz(blanks);
      if (m.slash & ~before & ((1u << at) - 1)) token_slash_ = true;
      end_token(i + static_cast<size_t>(at));
      before = (2u << at) - 1;
    }
    if (m.slash & ~before) token_slash_ = true;
  }

  static bool is_social_start(char c) { return c == 'w' || c == '@' || c == '#'; }

  unsigned char tail_[48];  // block_at's copy of the text's last bytes, zero-padded
#endif

  // fold_key's space between words, written before the next word character.
  void begin_key_char() {
    if (!pending_space_) return;
    pending_space_ = false;
    if (k_ != 0) key_[k_++] = ' ';
  }

  // A run of ASCII letters and digits starting at s_[i], lower-cased into
  // the key at once. Returns where it ends.
  size_t ascii_word_run(size_t i) {
    begin_key_char();
    if (!in_word_) {
      ++c_.words;
      in_word_ = true;
    }
    const size_t end = sixteen_at_a_time(i);
    const int length = static_cast<int>(end - i);
    c_.chars += length;
    c_.non_space += length;
    set_last(static_cast<unsigned char>(s_[end - 1]));
    return end;
  }

  // The body of ascii_word_run: the run's bytes lower-cased into the key, its
  // digits counted as symbols. Sixteen bytes a step where the text has them
  // (SSE2: every x86-64), a byte a step at its end.
  size_t sixteen_at_a_time(size_t i) {
    // Locals, not members: stores through a char* may alias any member, so
    // the compiler would reload them at every byte.
    const unsigned char* p = reinterpret_cast<const unsigned char*>(s_.data()) + i;
    const unsigned char* const end = reinterpret_cast<const unsigned char*>(s_.data()) + s_.size();
    char* out = key_ + k_;
    int digits = 0;
#if defined(__SSE2__)
    while (end - p >= 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      // Unsigned "x <= limit" is "min(x, limit) == x".
      const __m128i letter_offset = _mm_sub_epi8(_mm_or_si128(bytes, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
      const __m128i letter = _mm_cmpeq_epi8(_mm_min_epu8(letter_offset, _mm_set1_epi8(25)), letter_offset);
      const __m128i digit_offset = _mm_sub_epi8(bytes, _mm_set1_epi8('0'));
      const __m128i digit = _mm_cmpeq_epi8(_mm_min_epu8(digit_offset, _mm_set1_epi8(9)), digit_offset);
      const __m128i lowered = _mm_or_si128(bytes, _mm_and_si128(letter, _mm_set1_epi8(0x20)));
      // All sixteen are stored; only the run's count (the key has room).
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out), lowered);
      const unsigned word_mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
      const unsigned digit_mask = static_cast<unsigned>(_mm_movemask_epi8(digit));
      // Most runs hold no digit: no popcount (a libgcc call without -mpopcnt).
      if (word_mask == 0xFFFF) {
        if (digit_mask) digits += __builtin_popcount(digit_mask);
        p += 16;
        out += 16;
        continue;
      }
      const int run = __builtin_ctz(~word_mask);
      if (const unsigned run_digits = digit_mask & ((1u << run) - 1)) digits += __builtin_popcount(run_digits);
      p += run;
      out += run;
      k_ = static_cast<size_t>(out - key_);
      c_.symbols += digits;  // digits count as symbols
      return static_cast<size_t>(p - reinterpret_cast<const unsigned char*>(s_.data()));
    }
#endif
    while (p < end && (kAsciiClass[*p] & kWordChar)) {
      const unsigned char b = *p++;
      *out++ = ascii_lower(b);
      digits += b <= '9';  // a letter or a digit: the digits are the ones below 'A'
    }
    k_ = static_cast<size_t>(out - key_);
    c_.symbols += digits;  // digits count as symbols
    return static_cast<size_t>(p - reinterpret_cast<const unsigned char*>(s_.data()));
  }

  // The code point at s_[i] (not ASCII). Returns where the next one starts.
  size_t code_point(size_t i) {
    const size_t start = i;
    const char32_t cp = next_multibyte_code_point(s_, i);
    // count_chars counts the bytes that are not continuation bytes.
    c_.chars += i - start > 1 || (static_cast<unsigned char>(s_[start]) & 0xC0) != 0x80;
    if (is_spaceless_script(cp)) spaceless_ = true;
    const bool space = is_non_ascii_space(cp);
    const bool letter = !space && is_non_ascii_letter(cp);
    const bool word_char = letter || (!space && is_non_ascii_digit(cp));
    const bool ignorable = is_ignorable_mark(cp);
    // count_words: ignorable marks join words.
    const bool counted = word_char || ignorable;
    if (counted && !in_word_) ++c_.words;
    in_word_ = counted;
    // fold_key: ignorable marks vanish, other non-word characters separate.
    if (!ignorable) {
      if (word_char) {
        begin_key_char();
        write_utf8(fold_letter(cp));
      } else {
        pending_space_ = true;
      }
    }
    // The features' character loop.
    if (!space) {
      if (!is_closing_mark(cp)) set_last(cp);  // closing marks beyond ASCII
      ++c_.non_space;
      if (is_non_ascii_comma(cp)) ++c_.commas;
      if (!letter && cp != 0x0640) ++c_.symbols;
    }
    return i;
  }

  void write_utf8(char32_t cp) {
    if (cp < 0x80) {
      key_[k_++] = static_cast<char>(cp);
    } else if (cp < 0x800) {
      key_[k_++] = static_cast<char>(0xC0 | (cp >> 6));
      key_[k_++] = static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      key_[k_++] = static_cast<char>(0xE0 | (cp >> 12));
      key_[k_++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      key_[k_++] = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      key_[k_++] = static_cast<char>(0xF0 | (cp >> 18));
      key_[k_++] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      key_[k_++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      key_[k_++] = static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  // The token of the text up to `end` (a ' ' or the text's end) is complete.
  void end_token(size_t end) {
    const std::string_view tok = s_.substr(token_start_, end - token_start_);
    // Only these can be URLs, handles or hashtags.
    if (token_slash_ || (!tok.empty() && (tok[0] == 'w' || tok[0] == '@' || tok[0] == '#')))
      count_social_token(tok, token_slash_, c_);
    token_start_ = end + 1;
    token_slash_ = false;
  }

  const std::string_view s_;
  char* const key_;
  TextCounts c_;
  size_t k_ = 0;                 // key bytes written
  bool pending_space_ = false;   // fold_key: a separator since the last word character
  bool in_word_ = false;         // count_words: inside a word
  bool spaceless_ = false;       // a code point of a script without spaces was seen
  size_t token_start_ = 0;       // the current space-separated token
  bool token_slash_ = false;     // it holds a '/'
  // The bytes [first, second) that blocks took since the last character
  // was last set: its value may lie there (settle_last).
  std::pair<size_t, size_t> unsettled_;
};

}  // namespace

void PageWords::clear() {
  keys_used_ = 0;
  words_used_ = 0;
  segments_.clear();
}

void PageWords::release_if_large() {
  constexpr size_t kKeptBytes = 8 << 20;
  if (keys_.capacity() + words_.capacity() * sizeof(KeyWord) + segments_.capacity() * sizeof(Entry) > kKeptBytes)
    *this = PageWords();
}

void PageWords::scan(const Page& page, const Lexicon& lexicon) {
  clear();
  segments_.reserve(page.segments.size());
  for (const Segment& seg : page.segments) add(seg.text, lexicon);
}

void PageWords::add(std::string_view text, const Lexicon& lexicon, bool by_blocks) {
  // The 16 bytes past the key also let the lookups read past a word's end.
  static_assert(WordTable::kPadding <= 16);
  const size_t key_room = keys_used_ + 2 * text.size() + 16;
  if (keys_.size() < key_room) keys_.resize(std::max(key_room, 2 * keys_.size()));
  const size_t word_room = words_used_ + max_words(text.size());
  if (words_.size() < word_room) words_.resize(std::max(word_room, 2 * words_.size()));
  Entry e;
  e.key_offset = keys_used_;
  e.first_word = words_used_;
  Walk walk(text, keys_.data() + keys_used_);
  e.key_length = walk.run(e.counts, by_blocks);
  e.word_count = look_up_words(keys_.data() + e.key_offset, e.key_length, words_.data() + e.first_word, lexicon, e.kinds);
  keys_used_ += e.key_length;
  words_used_ += e.word_count;
  segments_.push_back(e);
}

SegmentWords PageWords::operator[](size_t i) const {
  const Entry& e = segments_[i];
  SegmentWords w;
  w.key = std::string_view(keys_.data() + e.key_offset, e.key_length);
  w.words = std::span<const KeyWord>(words_.data() + e.first_word, e.word_count);
  w.counts = e.counts;
  w.kinds = e.kinds;
  return w;
}

}  // namespace winnow::internal
