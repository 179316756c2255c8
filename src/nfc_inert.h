// Code points NFC never touches: NFC_Quick_Check=Yes and canonical combining
// class 0 (a starter that stays as it is). A text made only of these is NFC,
// so decode skips ICU's check for it: curly quotes, dashes, Cyrillic, most
// Arabic and CJK text qualify; combining marks and compatibility singletons
// do not.
#pragma once

namespace winnow::internal {

// True for U+0000..U+02FF and for the inert code points of planes 0 and 1
// (looked up from ICU once per block of 256, on first use); false for the
// rest, which then go through ICU's quick check.
bool is_nfc_inert(char32_t cp);

}  // namespace winnow::internal
