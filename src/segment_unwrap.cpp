// Stage 2 for scraped text, second step: text hard-wrapped at a fixed width
// (a mail archive, a terminal browser's dump, a <pre> block) writes each
// paragraph on several lines. A line that was cut there — it is full, and
// the next line's first word would not have fitted on it — is joined with
// the line under it, so the paragraph is one segment again.
#include <algorithm>
#include <vector>

#include "lexicon.h"
#include "segment.h"
#include "unicode_text.h"

namespace winnow::internal {
namespace {

// Code points up to the first space.
int first_word_chars(std::string_view s) {
  return count_chars(s.substr(0, std::min(s.find(' '), s.size())));
}

// The line width the text is wrapped at: the weights' percentile of the
// line lengths, or 0 when the text is not wrapped at one width (its long
// lines are longer than any wrap width, or it has only short lines).
int wrap_width(const std::vector<Segment>& lines, const Weights& w) {
  const std::size_t n = lines.size();
  const std::size_t at = static_cast<std::size_t>(w.wrap_width_percentile * static_cast<double>(n - 1));
  // A line has at most as many code points as bytes, and at least half as
  // many in the scripts written at such widths (Latin, Greek, Cyrillic,
  // Arabic, Hebrew: two bytes a letter at most; CJK lines wrap at 40 code
  // points or fewer). Only lines whose bytes could make a width in range are
  // counted; the others, short or long, keep their bytes: on the same side
  // of the range, they decide the percentile as well as the count would.
  const std::size_t min_bytes = static_cast<std::size_t>(w.wrap_min_width);
  const std::size_t max_bytes = static_cast<std::size_t>(2 * w.wrap_max_width);
  // Most texts are ruled out by their byte lengths alone: too many short
  // lines (a menu) or too many long ones (a paragraph a line) to wrap.
  std::size_t shorter = 0, longer = 0;
  for (const Segment& line : lines) {
    shorter += line.text.size() < min_bytes;
    longer += line.text.size() > max_bytes;
  }
  if (shorter > at || longer >= n - at) return 0;
  std::vector<std::size_t> lengths(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t bytes = lines[i].text.size();
    lengths[i] = bytes < min_bytes || bytes > max_bytes ? bytes : static_cast<std::size_t>(count_chars(lines[i].text));
  }
  std::nth_element(lengths.begin(), lengths.begin() + at, lengths.end());
  const double width = static_cast<double>(lengths[at]);
  return width >= w.wrap_min_width && width <= w.wrap_max_width ? static_cast<int>(width) : 0;
}

// The line ends a sentence (read through closing quotes and brackets).
bool ends_sentence(std::string_view s) {
  char32_t last = 0;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = next_code_point(s, i);
    if (!is_space(cp) && !is_closing_mark(cp)) last = cp;
  }
  return is_sentence_end(last);
}

// Line i is full and the next line (no blank line between) starts with a
// word that would not have fitted on it.
bool full_before(const std::vector<Segment>& lines, std::size_t i, int width, const Weights& w) {
  if (i + 1 >= lines.size() || lines[i + 1].separated_before) return false;
  const int chars = count_chars(lines[i].text);
  return chars >= w.wrap_full_share * width && chars + 1 + first_word_chars(lines[i + 1].text) > width;
}

// Line i was cut at the wrap width. After a full stop the next line goes on
// with the paragraph only when it is full itself: a short one is a line of
// its own ("Share" under the last paragraph).
bool cut_at_width(const std::vector<Segment>& lines, std::size_t i, int width, const Weights& w) {
  if (!full_before(lines, i, width, w)) return false;
  return !ends_sentence(lines[i].text) || full_before(lines, i + 1, width, w);
}

// "well-" + "known": a line ending in a hyphen after a letter joins without a space.
void append_wrapped(std::string& line, const std::string& next) {
  const bool hyphen = line.size() >= 2 && line.back() == '-' && line[line.size() - 2] != ' ';
  if (!hyphen) line += ' ';
  line += next;
}

}  // namespace

void join_hard_wrapped_lines(Page& page, const Weights& w) {
  std::vector<Segment>& lines = page.segments;
  if (lines.size() < static_cast<std::size_t>(w.wrap_min_joins) + 1) return;
  const int width = wrap_width(lines, w);
  if (width == 0) return;
  std::vector<bool> cut(lines.size(), false);
  int cuts = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) cuts += cut[i] = cut_at_width(lines, i, width, w);
  if (cuts < w.wrap_min_joins || cuts < w.wrap_min_join_share * static_cast<double>(lines.size())) return;
  std::vector<Segment> joined;
  joined.reserve(lines.size() - cuts);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0 && cut[i - 1]) append_wrapped(joined.back().text, lines[i].text);
    else joined.push_back(std::move(lines[i]));
  }
  lines = std::move(joined);
}

}  // namespace winnow::internal
