// Where a run of "easy" bytes ends, sixteen bytes a step: decode validates
// and cleans every input byte, and nearly all of them are ASCII, most of
// them printable. SSE2 (every x86-64) tests sixteen bytes with a few
// instructions and a bit scan finds the first byte that needs a look; the
// *_bytewise functions are the plain loops, for other processors and as the
// reference of the tests.
#pragma once

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace winnow::internal {

// Printable ASCII, tab and line feed: what decode's cleanup copies as is.
inline bool is_plain_text_byte(unsigned char b) { return (b >= 0x20 && b < 0x7F) || b == '\t' || b == '\n'; }

inline const unsigned char* skip_ascii_bytewise(const unsigned char* p, const unsigned char* end) {
  while (p < end && *p < 0x80) ++p;
  return p;
}

inline const unsigned char* skip_non_control_bytewise(const unsigned char* p, const unsigned char* end) {
  while (p < end && *p >= 0x20) ++p;
  return p;
}

inline const unsigned char* skip_plain_text_bytewise(const unsigned char* p, const unsigned char* end) {
  while (p < end && is_plain_text_byte(*p)) ++p;
  return p;
}

#if defined(__SSE2__)

namespace byte_runs_detail {

inline __m128i load16(const unsigned char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }

// Bit k set when byte k of the sixteen at p is plain text.
inline unsigned plain_text_mask(const unsigned char* p) {
  const __m128i bytes = load16(p);
  // Signed compare: bytes from 0x80 are negative, so "> 0x1F" is 0x20..0x7F.
  const __m128i printable = _mm_andnot_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(0x7F)),
                                             _mm_cmpgt_epi8(bytes, _mm_set1_epi8(0x1F)));
  const __m128i tab_or_lf = _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\t')),
                                         _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n')));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(printable, tab_or_lf)));
}

}  // namespace byte_runs_detail

// The first byte from p on that is not ASCII, or end.
inline const unsigned char* skip_ascii(const unsigned char* p, const unsigned char* end) {
  while (end - p >= 16) {
    const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(byte_runs_detail::load16(p)));
    if (high != 0) return p + __builtin_ctz(high);
    p += 16;
  }
  return skip_ascii_bytewise(p, end);
}

// The first control byte (below 0x20) from p on, or end.
inline const unsigned char* skip_non_control(const unsigned char* p, const unsigned char* end) {
  while (end - p >= 16) {
    const __m128i bytes = byte_runs_detail::load16(p);
    // Unsigned "b <= 0x1F" is "min(b, 0x1F) == b" (SSE2 has no unsigned compare).
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(bytes, _mm_set1_epi8(0x1F)), bytes);
    const unsigned found = static_cast<unsigned>(_mm_movemask_epi8(control));
    if (found != 0) return p + __builtin_ctz(found);
    p += 16;
  }
  return skip_non_control_bytewise(p, end);
}

// The first byte from p on that is not plain text (is_plain_text_byte), or end.
inline const unsigned char* skip_plain_text(const unsigned char* p, const unsigned char* end) {
  while (end - p >= 16) {
    const unsigned other = ~byte_runs_detail::plain_text_mask(p) & 0xFFFF;
    if (other != 0) return p + __builtin_ctz(other);
    p += 16;
  }
  return skip_plain_text_bytewise(p, end);
}

#else

inline const unsigned char* skip_non_control(const unsigned char* p, const unsigned char* end) {
  return skip_non_control_bytewise(p, end);
}

inline const unsigned char* skip_ascii(const unsigned char* p, const unsigned char* end) {
  return skip_ascii_bytewise(p, end);
}

inline const unsigned char* skip_plain_text(const unsigned char* p, const unsigned char* end) {
  return skip_plain_text_bytewise(p, end);
}

#endif

}  // namespace winnow::internal
