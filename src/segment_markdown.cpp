// Stage 2 for Markdown: a page a scraper turned into Markdown (Firecrawl,
// Jina Reader, turndown, html2text) is segmented like scraped text, a
// segment a paragraph (Markdown's: the lines up to a blank line, a list item
// and the lines under it), but what the markup says is kept where the
// features can read it and taken out of the text:
//   - "# Heading" lines become headings (kind "h", their level); the first
//     level-one heading is the page's title, which leaves the body as an
//     HTML page's <h1> does;
//   - "[text](url)" becomes its text, counted as link text, so a menu of links
//     has the link density it has in HTML;
//   - images ("![alt](src)") leave the text, and a line of nothing but
//     images leaves no segment, as images leave nothing in scraped text;
//   - "> quote" lines are quotes, fenced code one "pre" block, a table's
//     row one block like an HTML data table's (cells apart by a space;
//     separator rows, rules and reference definitions are no text);
//   - emphasis, inline code marks and backslash escapes are taken off.
// List markers stay at the start of the line, as in scraped text, where the
// features read them as bullets. Jina Reader's header ("Title:", "URL
// Source:", "Markdown Content:") gives the title, URL and date.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "line_scan.h"
#include "segment.h"
#include "unicode_text.h"

namespace winnow::internal {
namespace {

std::string_view trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

// "#" to "######" and a space: the heading's level, or 0.
int atx_level(std::string_view line) {
  int level = 0;
  while (level < static_cast<int>(line.size()) && line[level] == '#') ++level;
  if (level == 0 || level > 6) return 0;
  return level == static_cast<int>(line.size()) || line[level] == ' ' || line[level] == '\t' ? level : 0;
}

// "---", "***", "___", "* * *": a thematic break (a rule). Also a setext
// heading's underline when it follows a line of text ("===" or "---").
bool is_rule(std::string_view line, char& mark) {
  int count = 0;
  mark = 0;
  for (char c : line) {
    if (c == ' ' || c == '\t') continue;
    if (c != '-' && c != '*' && c != '_' && c != '=') return false;
    if (mark && c != mark) return false;
    mark = c;
    ++count;
  }
  return count >= 3;
}

bool is_fence(std::string_view line) { return line.starts_with("```") || line.starts_with("~~~"); }

// "[id]: http://..." defines a reference link: no text of the page.
bool is_reference_definition(std::string_view line) {
  if (line.empty() || line[0] != '[') return false;
  const std::size_t close = line.find("]:");
  return close != std::string_view::npos && close > 1 && line.find(']') == close;
}

// A table's separator row: "|---|:---:|".
bool is_table_separator(std::string_view line) {
  if (line.find('-') == std::string_view::npos) return false;
  for (char c : line)
    if (c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t') return false;
  return line.find('|') != std::string_view::npos;
}

bool is_table_row(std::string_view line) {
  return line.size() >= 3 && line.front() == '|' && line.back() == '|';
}

constexpr std::size_t kNone = std::string_view::npos;

// Each '[' and '(' of a line with the ']' or ')' that closes it (nesting
// counted, backslash escapes skipped), and each '<' with the next '>': found
// in one pass, so that reading a line stays linear however many unclosed
// brackets it holds.
class Partners {
 public:
  explicit Partners(std::string_view s) : at_(s.size(), kFar) {
    std::vector<std::uint32_t> brackets, parens;
    std::uint32_t next_gt = kFar;
    for (std::size_t i = s.size(); i-- > 0;) {
      if (s[i] == '>') next_gt = static_cast<std::uint32_t>(i);
      if (s[i] == '<') at_[i] = next_gt;
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (c == '\\') { ++i; continue; }
      if (c == '[') brackets.push_back(static_cast<std::uint32_t>(i));
      if (c == '(') parens.push_back(static_cast<std::uint32_t>(i));
      if (c == ']' && !brackets.empty()) { at_[brackets.back()] = static_cast<std::uint32_t>(i); brackets.pop_back(); }
      if (c == ')' && !parens.empty()) { at_[parens.back()] = static_cast<std::uint32_t>(i); parens.pop_back(); }
    }
  }
  // The partner of the opener at i, when it closes before `end`; else kNone.
  std::size_t of(std::size_t i, std::size_t end) const { return i < at_.size() && at_[i] < end ? at_[i] : kNone; }

 private:
  static constexpr std::uint32_t kFar = 0xFFFFFFFF;  // no partner (a line is far below 4 GB: --max-bytes)
  std::vector<std::uint32_t> at_;
};

// The end of the "(url)" or "(url "title")" that starts at `open` ('('), or
// kNone. Balanced parentheses inside the URL are allowed; "( " is prose.
std::size_t link_target_end(std::string_view s, const Partners& partners, std::size_t open, std::size_t end) {
  if (open + 1 < s.size() && s[open + 1] == ' ') return kNone;
  return partners.of(open, end);
}

// The bytes where inline markup may start.
constexpr auto kMarkupStart = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : std::string_view("\\![]<`*_")) table[c] = true;
  return table;
}();

bool is_word_byte(char c) { return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c)); }

// Inline markup off one line: links to their text (added to link_chars),
// images out, emphasis and code marks and escapes off.
class InlineText {
 public:
  InlineText(std::string_view line, std::string& out, int& link_chars)
      : s_(line), out_(out), link_chars_(link_chars) {}

  void append() { append(0, s_.size(), false); }

 private:
  // s_[begin, end); inside a link's text (in_link) no link is read again.
  void append(std::size_t begin, std::size_t end, bool in_link) {
    std::size_t i = begin;
    while (i < end) {
      // Plain text up to the next byte that may start markup, in one piece.
      std::size_t plain = i;
      while (plain < end && !kMarkupStart[static_cast<unsigned char>(s_[plain])]) ++plain;
      out_.append(s_.data() + i, plain - i);
      i = plain;
      if (i == end) break;
      const char c = s_[i];
      if (c == '\\' && i + 1 < end && std::ispunct(static_cast<unsigned char>(s_[i + 1]))) {
        out_ += s_[i + 1];
        i += 2;
      } else if (c == '!' && i + 1 < end && s_[i + 1] == '[' && image(i, end)) {
      } else if (c == '[' && !in_link && link(i, end)) {
      } else if (c == ']' && link_tail(i, end)) {
      } else if (c == '<' && autolink(i, end)) {
      } else if (c == '`') {
        ++i;  // code spans keep their text
      } else if (c == '*' || c == '_') {
        emphasis_run(i, end);
      } else {
        out_ += c;
        ++i;
      }
    }
  }

  // "![alt](src)": out of the text.
  bool image(std::size_t& i, std::size_t end) {
    const std::size_t close = partners().of(i + 1, end);
    return close != kNone && skip_target(close + 1, i, end);
  }

  // The "(url)" that opens at `open`, when there is one: i goes past it.
  bool skip_target(std::size_t open, std::size_t& i, std::size_t end) {
    if (open >= end || s_[open] != '(') return false;
    const std::size_t target_end = link_target_end(s_, partners(), open, end);
    if (target_end == kNone) return false;
    i = target_end + 1;
    return true;
  }

  // "[text](url)" or "[text][id]": the text, counted as link text.
  bool link(std::size_t& i, std::size_t end) {
    const std::size_t close = partners().of(i, end);
    if (close == kNone || close + 1 >= end) return false;
    std::size_t target_end;
    if (s_[close + 1] == '(') {
      target_end = link_target_end(s_, partners(), close + 1, end);
    } else if (s_[close + 1] == '[') {
      target_end = partners().of(close + 1, end);
    } else {
      return false;
    }
    if (target_end == kNone) return false;
    const std::size_t before = out_.size();
    append(i + 1, close, true);
    // A link to a place on the same page ("(#section)": a heading's anchor,
    // a footnote) leads nowhere else: no link text.
    const bool in_page = s_[close + 1] == '(' && close + 2 < end && s_[close + 2] == '#';
    if (!in_page) link_chars_ += count_chars(std::string_view(out_).substr(before));
    i = target_end + 1;
    return true;
  }

  // "](url)" with no '[' on the line: the end of a link opened lines above
  // ("[" alone on its line, then "![Top](top.gif)](#top)"); no text.
  bool link_tail(std::size_t& i, std::size_t end) { return skip_target(i + 1, i, end); }

  // "<https://...>": the address, as link text.
  bool autolink(std::size_t& i, std::size_t end) {
    const std::size_t close = partners().of(i, end);
    if (close == kNone) return false;
    const std::string_view inside = s_.substr(i + 1, close - i - 1);
    if (!inside.starts_with("http://") && !inside.starts_with("https://") && !inside.starts_with("mailto:")) return false;
    if (inside.find(' ') != std::string_view::npos) return false;
    out_ += inside;
    link_chars_ += count_chars(inside);
    i = close + 1;
    return true;
  }

  // A run of '*' or '_' at i: emphasis marks ("**bold**", "**Label:**",
  // "_it_") go; '_' inside a word ("snake_case") and '*' between spaces
  // ("5 * 3") or digits ("5*3") stay.
  void emphasis_run(std::size_t& i, std::size_t end) {
    const char mark = s_[i];
    std::size_t e = i;
    while (e < end && s_[e] == mark) ++e;
    const char before = i > 0 ? s_[i - 1] : ' ';
    const char after = e < s_.size() ? s_[e] : ' ';
    bool emphasis;
    if (mark == '_') {
      emphasis = is_word_byte(before) != is_word_byte(after);
    } else {
      const bool space_before = before == ' ' || before == '\t';
      const bool space_after = after == ' ' || after == '\t';
      const bool digits = std::isdigit(static_cast<unsigned char>(before)) && std::isdigit(static_cast<unsigned char>(after));
      emphasis = !digits && !(space_before && space_after);
    }
    if (!emphasis) out_.append(s_.substr(i, e - i));
    i = e;
  }

  // Built on the first bracket, parenthesis or '<' (most lines have none).
  const Partners& partners() {
    if (!partners_) partners_.emplace(s_);
    return *partners_;
  }

  std::string_view s_;
  std::optional<Partners> partners_;
  std::string& out_;
  int& link_chars_;
};

struct MarkdownSegmenter {
  Page page;
  bool blank_before = false;
  // Inside a link around blocks (a teaser card: "[" on a line of its own,
  // heading, lead, date, then "](url)"): all their text is link text, as
  // under an HTML <a> around a card.
  bool in_block_link = false;

  Segment& add(std::string text, const char* kind) {
    Segment& seg = page.segments.emplace_back();
    seg.text = std::move(text);
    seg.kind = kind;
    seg.separated_before = blank_before;
    blank_before = false;
    return seg;
  }

  // One block of text (a paragraph, list item, quote, heading, table row).
  void add_block(std::string_view body, const char* kind, int heading_level = 0) {
    std::string raw;
    int link_chars = 0;
    InlineText(body, raw, link_chars).append();
    std::string text = collapse_whitespace(raw);
    std::string_view words = trim(text);
    // What is left of a list item once its link is gone: "- " alone.
    const bool only_marker = words.size() <= 2 && (words == "-" || words == "*" || words == "+");
    // A line of nothing but images (or a list item of an image link) is
    // no text, as in scraped text, where images leave nothing: it is
    // skipped, and neither joins nor splits what is around it.
    if (words.empty() || only_marker) return;
    if (heading_level == 1 && page.title.empty()) page.title = std::string(words);
    const int link_text = in_block_link ? count_chars(text) : link_chars;
    Segment& seg = add(std::move(text), kind);
    seg.link_chars = link_text;
    seg.heading_level = heading_level;
  }

  void add_table_row(std::string_view line) {
    std::string joined;
    std::size_t start = 1;
    while (start < line.size()) {
      std::size_t bar = line.find('|', start);
      if (bar == std::string_view::npos) break;
      std::string_view cell = trim(line.substr(start, bar - start));
      if (!cell.empty()) {
        if (!joined.empty()) joined += ' ';
        joined += cell;
      }
      start = bar + 1;
    }
    // As an HTML data table's row: one block (kind "td"), cells apart by a space.
    const std::size_t before = page.segments.size();
    add_block(joined, "td");
    if (page.segments.size() > before && page.segments.back().kind == "td") page.segments.back().table_row = true;
  }

  // A "[" line opens a link around blocks when a line starting "](" closes
  // it within a card's few lines; else the '[' was stray (or the link closed
  // inside a line, "![Top](top.gif)](#top)") and nothing is link text.
  static bool closes_block_link(std::string_view text, std::size_t from) {
    constexpr int kCardLines = 8;  // image, kicker, headline, lead, byline, date: with room
    for (int lines = 0; from < text.size() && lines < kCardLines;) {
      std::size_t nl = text.find('\n', from);
      if (nl == std::string_view::npos) nl = text.size();
      const std::string_view line = trim(text.substr(from, nl - from));
      from = nl + 1;
      if (line.empty()) continue;
      ++lines;
      if (line.starts_with("](")) return true;
      if (line == "[" || closes_open_bracket(line)) return false;
    }
    return false;
  }

  // A ']' the line did not open: it closes a link opened above.
  static bool closes_open_bracket(std::string_view line) {
    int depth = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\') ++i;
      else if (line[i] == '[') ++depth;
      else if (line[i] == ']' && --depth < 0) return true;
    }
    return false;
  }

  // The paragraph being read: Markdown joins a paragraph's lines (a line
  // break in the page's source, or a "  " hard break, as HTML's <br>).
  std::string pending;
  const char* pending_kind = "p";

  void flush() {
    if (!pending.empty()) add_block(pending, pending_kind);
    pending.clear();
  }

  void continue_paragraph(std::string_view line, const char* kind) {
    if (!pending.empty() && (std::string_view(kind) != pending_kind || starts_block(line))) flush();
    if (pending.empty()) {
      pending_kind = kind;
    } else {
      pending += ' ';
    }
    pending += line;
  }

  // A list item's marker ("- ", "* ", "+ ", "1. ", "2) ") starts a block of
  // its own; lines under it without a marker continue it.
  static bool starts_block(std::string_view line) {
    if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') return true;
    std::size_t digits = 0;
    while (digits < line.size() && digits < 9 && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
    return digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ';
  }

  void run(std::string_view text) {
    std::size_t start = 0;
    std::string code;
    bool in_code = false;
    while (start < text.size()) {
      std::size_t nl = text.find('\n', start);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view raw = text.substr(start, nl - start);
      std::string_view line = trim(raw);
      start = nl + 1;
      if (in_code) {
        if (is_fence(line)) {
          in_code = false;
          if (!code.empty()) add(std::move(code), "pre");
          code.clear();
        } else {
          // Code keeps its indentation; only the line's end is trimmed.
          while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '\r')) raw.remove_suffix(1);
          if (!code.empty()) code += '\n';
          code += raw;
        }
        continue;
      }
      // A link around block content (an image, a card) spans lines: "[" on
      // a line of its own, then "](url "title")" closing it later.
      if (line == "[") {
        flush();
        in_block_link = closes_block_link(text, start);
        continue;
      }
      if (line.starts_with("](")) {
        // It closes the card's link; a link whose text merely broke across
        // lines ("[Headline\n](#1)") leaves the paragraph going on.
        if (in_block_link) flush();
        in_block_link = false;
        const std::size_t end = link_target_end(line, Partners(line), 1, line.size());
        if (end != kNone) line = trim(line.substr(end + 1));
        if (line.empty()) continue;
      }
      if (line.empty()) {
        flush();
        blank_before = true;
        continue;
      }
      if (is_fence(line)) {
        flush();
        in_code = true;
        continue;
      }
      char mark = 0;
      if (is_rule(line, mark)) {
        // "Title\n=====" (or "---" right under a paragraph): a heading.
        if ((mark == '=' || mark == '-') && !pending.empty() && pending_kind == std::string_view("p") &&
            !starts_block(pending)) {
          const int level = mark == '=' ? 1 : 2;
          std::string title = std::move(pending);
          pending.clear();
          add_block(title, "h", level);
        } else {
          flush();
        }
        blank_before = true;
        continue;
      }
      if (is_reference_definition(line) || is_table_separator(line) || line.starts_with("<!--")) {
        flush();
        continue;
      }
      if (const int level = atx_level(line)) {
        flush();
        std::string_view title = trim(line.substr(level));
        while (!title.empty() && title.back() == '#') title.remove_suffix(1);
        add_block(trim(title), "h", level);
      } else if (line[0] == '>') {
        std::string_view quote = line;
        while (!quote.empty() && (quote[0] == '>' || quote[0] == ' ')) quote.remove_prefix(1);
        if (quote.empty()) flush();  // ">" alone: a paragraph break inside the quote
        else continue_paragraph(quote, "quote");
      } else if (is_table_row(line)) {
        flush();
        add_table_row(line);
      } else {
        continue_paragraph(line, "p");
      }
    }
    flush();
    if (!code.empty()) add(std::move(code), "pre");
  }
};

// Jina Reader opens its Markdown with a header: "Title: ...", "URL Source:
// ...", "Published Time: ...", then "Markdown Content:" over the page. The
// header gives the page's metadata (into `page`, when given) and is no text
// of it. Returns the header's length in bytes, 0 when there is none.
std::size_t read_reader_header(std::string_view text, Page* page) {
  std::size_t start = 0;
  std::string title, url, date;
  for (int lines = 0; start < text.size() && lines < 12; ++lines) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = trim(text.substr(start, nl - start));
    start = nl + 1;
    if (line.empty()) continue;
    if (line == "Markdown Content:") {
      if (title.empty() && url.empty()) return 0;
      if (page) {
        page->title = title;
        page->url = url;
        page->date = date;
      }
      return std::min(start, text.size());
    }
    auto value = [&](std::string_view label, std::string& out) {
      if (!line.starts_with(label)) return false;
      out = std::string(trim(line.substr(label.size())));
      return true;
    };
    if (!value("Title:", title) && !value("URL Source:", url) && !value("Published Time:", date)) return 0;
  }
  return 0;
}

int count_prefix(std::string_view line, char c) {
  int n = 0;
  while (n < static_cast<int>(line.size()) && line[n] == c) ++n;
  return n;
}

}  // namespace

bool looks_like_markdown(std::string_view text) {
  // The first 64 KiB, line by line: inline links and images, ATX headings,
  // code fences. Scraped plain text has none of "](" and rarely a "# ".
  int links = 0, headings = 0, fences = 0, table_rules = 0, lines = 0, tag_lines = 0;
  bool first_line = true, opens_with_heading = false;
  std::size_t start = 0;
  const std::size_t limit = std::min<std::size_t>(text.size(), 64 * 1024);
  while (start < limit) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = trim(text.substr(start, nl - start));
    start = nl + 1;
    const std::size_t first_link = line.find("](");
    if (first_link != std::string_view::npos && line.find('[') < first_link) {
      const Partners partners(line);
      for (std::size_t at = first_link; at != std::string_view::npos; at = line.find("](", at + 2)) {
        links += link_target_end(line, partners, at + 1, line.size()) != kNone;
      }
    }
    const int hashes = count_prefix(line, '#');
    const bool heading = hashes >= 1 && hashes <= 6 && line.size() > static_cast<std::size_t>(hashes) + 1 && line[hashes] == ' ';
    headings += heading;
    fences += is_fence(line);
    table_rules += is_table_separator(line);
    lines += !line.empty();
    tag_lines += !line.empty() && line[0] == '<';
    if (first_line && !line.empty()) {
      opens_with_heading = heading;
      first_line = false;
    }
  }
  if (read_reader_header(text, nullptr) > 0) return true;  // Jina Reader's header
  // HTML without a doctype (a fragment) has most lines start with a tag.
  if (tag_lines * 10 > lines * 3) return false;
  // A "# Title" first line, a table's "|---|---|" rule or two links: no
  // flattened page writes those.
  return links >= 2 || opens_with_heading || table_rules >= 1 || (links >= 1 && headings >= 1) ||
         (fences >= 2 && headings >= 1);
}

Page segment_markdown(std::string_view text) {
  MarkdownSegmenter segmenter;
  segmenter.page.segments.reserve(count_newlines(text) + 1);
  segmenter.run(text.substr(read_reader_header(text, &segmenter.page)));
  return std::move(segmenter.page);
}

}  // namespace winnow::internal
