// The line splitting of text mode (segment_text), sixteen bytes a step: it
// finds each line's end and tells the lines that collapse_whitespace would
// leave as they are (most lines of scraped text) from the others, in one
// pass, instead of a memchr, a scalar count and collapse_whitespace's own
// walk over every line.
#pragma once

#include <cstddef>
#include <string_view>

namespace winnow::internal {

struct LineScan {
  std::size_t end = 0;  // the '\n' ending the line, or the text's end
  // True when the line is ASCII without control bytes, whose only
  // whitespace is single spaces between words: collapse_whitespace returns it unchanged. False
  // says nothing (the line may or may not change).
  bool plain = false;
};

// The line starting at text[start].
LineScan scan_line(std::string_view text, std::size_t start);

// The number of '\n' in text.
std::size_t count_newlines(std::string_view text);

}  // namespace winnow::internal
