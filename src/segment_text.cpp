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
    start = scan.end + 1;
    // Most lines are already collapsed: copied without a second look,
    // straight into their segment (built in place, not moved there).
    std::string collapsed;
    if (!scan.plain) collapsed = collapse_whitespace(raw);
    if (scan.plain ? raw.empty() : collapsed.empty()) { blank_before = true; continue; }
    Segment& seg = page.segments.emplace_back();
    if (scan.plain) seg.text.assign(raw); else seg.text = std::move(collapsed);
    seg.separated_before = blank_before;
    blank_before = false;
  }
  return page;
}

}  // namespace winnow::internal
