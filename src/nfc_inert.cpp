// See nfc_inert.h.
#include "nfc_inert.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <cstdint>
#include <mutex>

namespace winnow::internal {
namespace {

constexpr char32_t kFirstNonInert = 0x300;  // U+0300, the first combining mark
constexpr char32_t kTableEnd = 0x20000;     // planes 0 and 1
constexpr int kBlockBits = 8;                // blocks of 256 code points
constexpr int kBlocks = kTableEnd >> kBlockBits;

class InertTable {
 public:
  bool contains(char32_t cp) {
    const int block = int(cp >> kBlockBits);
    std::call_once(filled_[block], [&] { fill(block); });
    return (bits_[cp >> 6] >> (cp & 63)) & 1;
  }

 private:
  void fill(int block) {
    const char32_t first = char32_t(block) << kBlockBits;
    for (char32_t cp = first; cp < first + (1u << kBlockBits); ++cp) {
      const bool inert = u_getIntPropertyValue(UChar32(cp), UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
                         u_getCombiningClass(UChar32(cp)) == 0;
      if (inert) bits_[cp >> 6] |= uint64_t{1} << (cp & 63);
    }
  }

  std::once_flag filled_[kBlocks];
  uint64_t bits_[kTableEnd / 64] = {};
};

}  // namespace

bool is_nfc_inert(char32_t cp) {
  if (cp < kFirstNonInert) return true;
  if (cp >= kTableEnd) return false;
  static InertTable table;
  return table.contains(cp);
}

}  // namespace winnow::internal
