// Stage 1, decode: raw bytes -> clean UTF-8 text.
#pragma once

#include <string>
#include <string_view>

namespace winnow::internal {

struct Decoded {
  std::string text;          // UTF-8, NFC, LF line ends, no NUL/control chars but \t \n
  std::string encoding;      // charset used, e.g. "UTF-8", "windows-1256", "UTF-16LE"
  bool binary = false;       // the bytes are not a text document (text is then empty)
  bool bad_encoding = false; // forced_encoding names no charset ICU knows
};

// Decodes `bytes`. Order: forced_encoding (if not empty), BOM, <meta charset>
// or http-equiv in the first bytes, valid UTF-8, ICU charset detection.
// Invalid sequences become U+FFFD. Never throws, never crashes on any bytes.
Decoded decode(std::string_view bytes, std::string_view forced_encoding);

}  // namespace winnow::internal
