// Stage 2 for scraped text: one segment per non-blank line. Leading bullets
// and indentation are kept in the text (features read them); blank lines
// are remembered as separators.
#include "line_scan.h"
#include "segment.h"
#include "unicode_text.h"

namespace winnow::internal {

Page segment_text(std::string_view text) {
  Page page;
  // A segment a line at most: no regrowing (a Segment is large to move).
  page.segments.reserve(count_newlines(text) + 1);
  bool blank_before = false;
  std::size_t start = 0;
  while (start < text.size()) {
    const LineScan scan = scan_line(text, start);
    const std::string_view raw = text.substr(start, scan.end - start);
    // Most lines are already collapsed: copied without a second look.
    std::string line = scan.plain ? std::string(raw) : collapse_whitespace(raw);
    start = scan.end + 1;
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
