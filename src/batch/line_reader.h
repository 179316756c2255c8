// JSON lines input: one line at a time from an InputStream, with a length
// limit so that one runaway line cannot take all memory.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "batch/gzip_input.h"

namespace winnow::batch {

struct InputLine {
  std::string text;       // without the '\n' (and a '\r' before it)
  bool too_long = false;  // over the limit: skipped to its end, text empty
};

class LineReader {
 public:
  LineReader(InputStream& stream, std::size_t max_line_bytes);
  // nullopt at the end of the stream. Throws InputError.
  std::optional<InputLine> next();

 private:
  bool refill();

  InputStream& stream_;
  std::size_t max_line_bytes_;
  std::string buffer_;
  std::size_t pos_ = 0;
  bool eof_ = false;
};

}  // namespace winnow::batch
