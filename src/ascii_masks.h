// Sixteen ASCII bytes classified at once, as bit masks (bit k: byte k), for
// the word walk of segment_words.cpp: it then counts characters, words and
// symbols with a few popcounts and finds the runs of letters with bit
// scans, instead of a branch per byte. SSE2 (every x86-64) does the sixteen
// comparisons in parallel; ascii_masks_scalar is the same, a byte at a time,
// for other processors and for the tests.
#pragma once

#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace winnow::internal {

struct AsciiMasks {
  uint32_t word = 0;     // letters and digits (fold_key keeps them)
  uint32_t digit = 0;    // 0-9
  uint32_t space = 0;    // ' ' and '\t' to '\r'
  uint32_t blank = 0;    // ' ' alone: it separates the "social" tokens
  uint32_t closing = 0;  // " ' ) ] *: a sentence's end is read through them
  uint32_t comma = 0;
  uint32_t slash = 0;
  uint32_t social = 0;   // w @ #: the first letters of URLs, handles and hashtags
};

// Bits set in a 16-bit mask. Without -mpopcnt __builtin_popcount is a libgcc
// call; this is a dozen instructions inline.
inline int popcount16(uint32_t x) {
  x = x - ((x >> 1) & 0x5555);
  x = (x & 0x3333) + ((x >> 2) & 0x3333);
  x = (x + (x >> 4)) & 0x0F0F;
  return static_cast<int>((x + (x >> 8)) & 0x1F);
}

// The bits set in each of four 16-bit masks, counted at once: packed into
// one 64-bit word, they take one SWAR popcount whose lanes are 16 bits wide,
// not four popcount16s.
struct Popcounts4 {
  int a, b, c, d;
};
inline Popcounts4 popcount16x4(uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
  uint64_t x = (a & 0xFFFF) | (uint64_t(b & 0xFFFF) << 16) | (uint64_t(c & 0xFFFF) << 32) | (uint64_t(d & 0xFFFF) << 48);
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  x = (x + (x >> 8)) & 0x00FF00FF00FF00FFULL;  // each lane's count in its low byte
  return {static_cast<int>(x & 0xFF), static_cast<int>((x >> 16) & 0xFF), static_cast<int>((x >> 32) & 0xFF),
          static_cast<int>(x >> 48)};
}

inline AsciiMasks ascii_masks_scalar(const unsigned char* p) {
  AsciiMasks m;
  for (int k = 0; k < 16; ++k) {
    const unsigned char b = p[k];
    const uint32_t bit = 1u << k;
    const bool letter = (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
    const bool digit = b >= '0' && b <= '9';
    if (letter || digit) m.word |= bit;
    if (digit) m.digit |= bit;
    if (b == ' ' || (b >= '\t' && b <= '\r')) m.space |= bit;
    if (b == ' ') m.blank |= bit;
    if (b == '"' || b == '\'' || b == ')' || b == ']' || b == '*') m.closing |= bit;
    if (b == ',') m.comma |= bit;
    if (b == '/') m.slash |= bit;
    if (b == 'w' || b == '@' || b == '#') m.social |= bit;
  }
  return m;
}

#if defined(__SSE2__)

// True when the sixteen bytes at p are all ASCII.
inline bool is_ascii16(const unsigned char* p) {
  return _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))) == 0;
}

namespace ascii_masks_detail {

inline __m128i equal(__m128i bytes, char c) { return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(c)); }

inline uint32_t mask_of(__m128i lanes) { return static_cast<uint32_t>(_mm_movemask_epi8(lanes)); }

inline uint32_t equal_mask(__m128i bytes, char c) { return mask_of(equal(bytes, c)); }

// Bytes in [low, low + span]: unsigned "x - low <= span" is
// "min(x - low, span) == x - low" (SSE2 has no unsigned compare).
inline __m128i in_range(__m128i bytes, char low, char span) {
  const __m128i offset = _mm_sub_epi8(bytes, _mm_set1_epi8(low));
  return _mm_cmpeq_epi8(_mm_min_epu8(offset, _mm_set1_epi8(span)), offset);
}

}  // namespace ascii_masks_detail

// The sixteen bytes at p, which must be ASCII (is_ascii16).
inline AsciiMasks ascii_masks_sse2(const unsigned char* p) {
  using namespace ascii_masks_detail;
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // OR-ing 0x20 folds upper case onto lower case; no other ASCII byte lands
  // in 'a'..'z' that way.
  const __m128i letter = in_range(_mm_or_si128(bytes, _mm_set1_epi8(0x20)), 'a', 25);
  const __m128i digit = in_range(bytes, '0', 9);
  const __m128i blank = _mm_cmpeq_epi8(bytes, _mm_set1_epi8(' '));
  AsciiMasks m;
  m.word = static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
  m.digit = static_cast<uint32_t>(_mm_movemask_epi8(digit));
  m.blank = static_cast<uint32_t>(_mm_movemask_epi8(blank));
  m.space = static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(blank, in_range(bytes, '\t', 4))));
  // Classes of several bytes: their lanes OR-ed, then one movemask.
  m.closing = mask_of(_mm_or_si128(_mm_or_si128(_mm_or_si128(equal(bytes, '"'), equal(bytes, '\'')),
                                                _mm_or_si128(equal(bytes, ')'), equal(bytes, ']'))),
                                   equal(bytes, '*')));
  m.comma = equal_mask(bytes, ',');
  m.slash = equal_mask(bytes, '/');
  m.social = mask_of(_mm_or_si128(_mm_or_si128(equal(bytes, 'w'), equal(bytes, '@')), equal(bytes, '#')));
  return m;
}

#endif

}  // namespace winnow::internal
