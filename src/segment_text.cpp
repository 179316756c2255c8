// Stage 2 for scraped text: one segment per non-blank line. Leading bullets
// and indentation are kept in the text (features read them); blank lines
// are remembered as separators.
#include <algorithm>

#include "segment.h"
#include "unicode_text.h"

namespace winnow::internal {

Page segment_text(std::string_view text) {
  Page page;
  // A segment a line at most: no regrowing (a Segment is large to move).
  page.segments.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  bool blank_before = false;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line = collapse_whitespace(text.substr(start, nl - start));
    start = nl + 1;
    if (line.empty()) { blank_before = true; continue; }
    Segment seg;
    seg.text = std::move(line);
    seg.separated_before = blank_before;
    page.segments.push_back(std::move(seg));
    blank_before = false;
  }
  return page;
}

}  // namespace winnow::internal
