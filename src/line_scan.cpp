#include "line_scan.h"

#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace winnow::internal {
namespace {

// A control byte (whitespace but ' ' among them) or a byte of a longer
// character: the line may change, or its characters need a closer look.
bool is_unplain_byte(unsigned char b) { return b < 0x20 || b >= 0x80; }

#if defined(__SSE2__)
// Bit k: is_unplain_byte(byte k). A signed compare: bytes 0x80-0xFF are
// negative, so "< 0x20" catches them along with the controls.
uint32_t unplain_mask(__m128i bytes) {
  return static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20))));
}
#endif

}  // namespace

LineScan scan_line(std::string_view text, std::size_t start) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = start;
  // Bits of bytes that break plainness: not printable ASCII, or a space
  // after a space (or at the line's start: `after_space` starts true).
  bool bad = false;
  bool after_space = true;
#if defined(__SSE2__)
  for (; n - i >= 16; i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const uint32_t newlines = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n'))));
    const uint32_t spaces = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' '))));
    // The bytes before the line's end, all sixteen when it ends further on.
    const uint32_t in_line = newlines ? (1u << __builtin_ctz(newlines)) - 1 : 0xFFFF;
    const uint32_t doubled = spaces & ((spaces << 1) | (after_space ? 1u : 0u));
    bad |= ((unplain_mask(bytes) | doubled) & in_line) != 0;
    if (newlines) {
      const std::size_t end = i + static_cast<std::size_t>(__builtin_ctz(newlines));
      // A trailing space is dropped by collapse_whitespace.
      return {end, !bad && !(end > start && p[end - 1] == ' ')};
    }
    after_space = (spaces >> 15) & 1;
  }
#endif
  for (; i < n && p[i] != '\n'; ++i) {
    const bool space = p[i] == ' ';
    bad |= is_unplain_byte(p[i]) || (space && after_space);
    after_space = space;
  }
  return {i, !bad && !(i > start && p[i - 1] == ' ')};
}

std::size_t count_newlines(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t count = 0, i = 0;
#if defined(__SSE2__)
  // Per-byte counters (a compare's 0xFF is -1, subtracted), summed into
  // `count` with _mm_sad_epu8 before any can pass 255.
  while (n - i >= 16) {
    __m128i counters = _mm_setzero_si128();
    for (int step = 0; step < 255 && n - i >= 16; ++step, i += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      counters = _mm_sub_epi8(counters, _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n')));
    }
    const __m128i sums = _mm_sad_epu8(counters, _mm_setzero_si128());
    count += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) +
             static_cast<std::size_t>(_mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  for (; i < n; ++i) count += p[i] == '\n';
  return count;
}

}  // namespace winnow::internal
