// Stage 5, render: turns a Result into what the user reads.
//   Result::text()   the kept blocks as clean paragraphs
//   render_text()    the same, optionally with the title first
//   render_json()    one JSON object with metadata, text and every block
//   render_explain() one line per block: decision, score, rule, features
// Block text is tidied here: invisible characters removed (U+200B, U+FEFF;
// U+200C ZWNJ is kept, it matters in Persian and Indic scripts), whitespace
// collapsed, except in "pre" blocks which keep their lines.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "unicode_text.h"
#include "winnow.h"

namespace winnow {
namespace {

constexpr std::string_view kZeroWidthSpace = "\xE2\x80\x8B";  // U+200B
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";   // U+FEFF

// Explain lines: widths the columns are padded to (longer values just
// push the rest of the line right) and how much of the text is shown.
constexpr std::size_t kExplainRuleWidth = 24;
constexpr std::size_t kExplainKindWidth = 9;  // "[caption]"
constexpr std::size_t kExplainFeaturesWidth = 48;
constexpr std::size_t kExplainExcerptChars = 80;

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string remove_invisible_chars(std::string_view text) {
  // Both start with a byte (0xE2, 0xEF) most text lacks.
  if (text.find('\xE2') == std::string_view::npos && text.find('\xEF') == std::string_view::npos)
    return std::string(text);
  std::string cleaned;
  cleaned.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::string_view rest = text.substr(pos);
    if (rest.starts_with(kZeroWidthSpace) || rest.starts_with(kByteOrderMark)) {
      pos += 3;
      continue;
    }
    cleaned += text[pos++];
  }
  return cleaned;
}

// Runs of whitespace become one space; no space at either end.
std::string collapse_whitespace(std::string_view text) {
  std::string collapsed;
  collapsed.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    if (is_ascii_space(text[i])) {
      pending_space = !collapsed.empty();
      ++i;
      continue;
    }
    if (pending_space) collapsed += ' ';
    pending_space = false;
    std::size_t end = i + 1;  // the run up to the next space, copied at once
    while (end < text.size() && !is_ascii_space(text[end])) ++end;
    collapsed.append(text.substr(i, end - i));
    i = end;
  }
  return collapsed;
}

std::string_view trim_line_end(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
    line.remove_suffix(1);
  return line;
}

// Preformatted text: lines kept, trailing blanks of each line removed,
// blank lines at the start and end dropped.
std::string tidy_preformatted(std::string_view text) {
  std::string tidied;
  std::string pending_blank_lines;
  std::size_t line_start = 0;
  while (line_start <= text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = trim_line_end(text.substr(line_start, line_end - line_start));
    if (line.empty()) {
      if (!tidied.empty()) pending_blank_lines += '\n';
    } else {
      if (!tidied.empty()) tidied += '\n';
      tidied += pending_blank_lines;
      pending_blank_lines.clear();
      tidied += line;
    }
    line_start = line_end + 1;
  }
  return tidied;
}

// Bytes that end a run append_visible_collapsed copies at once: ASCII
// whitespace, and the first bytes of U+200B and U+FEFF.
constexpr std::array<bool, 256> make_run_breaks() {
  std::array<bool, 256> breaks{};
  for (char c : {' ', '\t', '\n', '\r', '\f', '\v', '\xE2', '\xEF'}) breaks[static_cast<unsigned char>(c)] = true;
  return breaks;
}
constexpr std::array<bool, 256> kRunBreak = make_run_breaks();

bool breaks_run(char c) { return kRunBreak[static_cast<unsigned char>(c)]; }

bool starts_invisible(std::string_view rest) {
  return rest.starts_with(kZeroWidthSpace) || rest.starts_with(kByteOrderMark);
}

// Where tidy_prefix must look closer: ASCII whitespace but ' ' (\t \n \v
// \f \r) and the lead bytes of the invisible characters (0xE2, 0xEF).
bool needs_closer_look(unsigned char c) { return (c >= '\t' && c <= '\r') || c == 0xE2 || c == 0xEF; }

#if defined(__SSE2__)
// Bit k: needs_closer_look(byte k) or byte k is a space after a space (bit
// 0: after `after_space`).
uint32_t closer_look_mask(__m128i bytes, bool after_space) {
  // Bytes 0x09-0x0D moved to -128..-124, the only ones below -123.
  const __m128i shifted = _mm_add_epi8(bytes, _mm_set1_epi8(static_cast<char>(0x80 - '\t')));
  const __m128i controls = _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(-128 + 5)));
  const __m128i leads = _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\xE2')),
                                     _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\xEF')));
  const uint32_t spaces = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' '))));
  const uint32_t doubled = spaces & ((spaces << 1) | (after_space ? 1u : 0u));
  return static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(controls, leads))) | doubled;
}
#endif

// The length of the longest prefix of `text` that needs no tidying and ends
// in a character other than a space: no invisible characters, no whitespace
// but single spaces between words. The pipeline's blocks are all prefix:
// sixteen bytes a step find the few places that need a look at all.
std::size_t tidy_prefix(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t good = 0;  // the end of the prefix's last character other than a space
  bool after_space = true;  // a space here would be leading or doubled
  std::size_t i = 0;
  while (i < n) {
#if defined(__SSE2__)
    // Whole steps of fine bytes, then those before the first that needs a look.
    uint32_t look = 0;
    const std::size_t from = i;
    while (n - i >= 16) {
      look = closer_look_mask(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)), after_space);
      if (look) break;
      i += 16;
      after_space = p[i - 1] == ' ';
    }
    if (look) {
      i += static_cast<std::size_t>(__builtin_ctz(look));
      if (i > from) after_space = p[i - 1] == ' ';
    }
    if (i > from) good = after_space ? i - 1 : i;
    if (i == n) break;
#endif
    const unsigned char c = p[i];
    if (c == ' ') {
      if (after_space) break;  // leading or doubled
      after_space = true;
      ++i;
    } else if (needs_closer_look(c)) {
      if (c < 0x80 || starts_invisible(text.substr(i))) break;  // other whitespace, or invisible
      after_space = false;
      good = ++i;
    } else {
      after_space = false;
      good = ++i;
    }
  }
  return good;
}

// Appends collapse_whitespace(remove_invisible_chars(text)) to `out` in one
// pass: invisible characters are skipped as the removal would, and runs
// without whitespace (single spaces between words included) are copied at
// once.
void append_visible_collapsed(std::string& out, std::string_view text) {
  const std::size_t start = out.size();
  const std::size_t prefix = tidy_prefix(text);
  out.append(text.substr(0, prefix));
  bool pending_space = false;
  std::size_t i = prefix;
  while (i < text.size()) {
    std::size_t end = i;
    while (end < text.size()) {
      if (!breaks_run(text[end])) {
        ++end;
      } else if (text[end] == ' ' && end > i && end + 1 < text.size() && !breaks_run(text[end + 1])) {
        end += 2;  // one space between two words of the run
      } else {
        break;
      }
    }
    if (end > i) {
      if (pending_space) out += ' ';
      pending_space = false;
      out.append(text.substr(i, end - i));
      i = end;
      continue;
    }
    if (is_ascii_space(text[i])) {
      pending_space = out.size() > start;
      ++i;
    } else if (starts_invisible(text.substr(i))) {
      i += 3;
    } else {  // the first byte of another character
      if (pending_space) out += ' ';
      pending_space = false;
      out += text[i++];
    }
  }
}

// The block's text as it appears in the output.
std::string display_text(const Block& block) {
  if (block.kind == "pre") return tidy_preformatted(remove_invisible_chars(block.text));
  std::string visible;
  visible.reserve(block.text.size());
  append_visible_collapsed(visible, block.text);
  return visible;
}

// The first `max_chars` code points of valid-ish UTF-8, never cutting a
// sequence; "…" marks a cut.
std::string utf8_prefix(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (is_utf8_continuation(text[pos])) continue;
    if (chars == max_chars) return std::string(text.substr(0, pos)) + "\xE2\x80\xA6";
    ++chars;
  }
  return std::string(text);
}

double round_to_hundredths(double value) {
  if (!std::isfinite(value)) return value;
  return std::round(value * 100.0) / 100.0;
}

std::size_t count_kept(const Result& result) {
  return static_cast<std::size_t>(std::count_if(result.blocks.begin(), result.blocks.end(),
                                                [](const Block& b) { return b.keep; }));
}

nlohmann::ordered_json block_to_json(const Block& block, std::size_t index, bool with_features) {
  nlohmann::ordered_json json_block;
  json_block["index"] = index;
  json_block["kind"] = block.kind;
  json_block["keep"] = block.keep;
  json_block["score"] = round_to_hundredths(block.score);
  json_block["rule"] = block.rule;
  json_block["text"] = display_text(block);
  if (with_features) json_block["features"] = block.features;
  return json_block;
}

void append_padded(std::string& line, std::string_view value, std::size_t width) {
  line += value;
  if (value.size() < width) line.append(width - value.size(), ' ');
  line += ' ';
}

std::string or_dash(std::string text) { return text.empty() ? "-" : text; }

std::string explain_line(const Block& block, std::size_t index, std::size_t index_width) {
  const std::string index_text = std::to_string(index);
  std::string line = "#";
  line += index_text;
  line.append(index_width - index_text.size() + 1, ' ');
  line += block.keep ? "KEEP " : "DROP ";
  char score[32];
  std::snprintf(score, sizeof score, "%+7.2f ", block.score);
  line += score;
  append_padded(line, or_dash(collapse_whitespace(block.rule)), kExplainRuleWidth);
  std::string kind_text = "[";
  kind_text += collapse_whitespace(block.kind);
  kind_text += ']';
  append_padded(line, kind_text, kExplainKindWidth);
  append_padded(line, or_dash(collapse_whitespace(block.features)), kExplainFeaturesWidth);
  line += "| ";
  line += utf8_prefix(collapse_whitespace(remove_invisible_chars(block.text)), kExplainExcerptChars);
  line += '\n';
  return line;
}

}  // namespace

std::string Result::text() const {
  std::string paragraphs;
  for (const Block& block : blocks) {
    if (!block.keep) continue;
    const std::size_t before = paragraphs.size();
    if (!paragraphs.empty()) paragraphs += '\n';
    const std::size_t text_start = paragraphs.size();
    if (block.kind == "pre") paragraphs += display_text(block);
    else append_visible_collapsed(paragraphs, block.text);
    if (paragraphs.size() == text_start) {  // nothing visible: no paragraph
      paragraphs.resize(before);
      continue;
    }
    paragraphs += '\n';
  }
  return paragraphs;
}

std::string render_text(const Result& result, bool with_title) {
  std::string body = result.text();
  std::string title = with_title ? collapse_whitespace(remove_invisible_chars(result.title)) : "";
  if (title.empty()) return body;
  // The page's own headline is often the first kept block: not twice.
  if (body.starts_with(title + "\n")) return body;
  std::string rendered = title + "\n";
  if (!body.empty()) rendered += "\n" + body;
  return rendered;
}

std::string render_json(const Result& result, bool with_blocks) {
  nlohmann::ordered_json document;
  document["schema_version"] = kJsonSchemaVersion;
  document["winnow_version"] = kVersion;
  document["input_type"] = result.input_type;
  document["encoding"] = result.encoding;
  document["language"] = result.language;
  document["title"] = collapse_whitespace(remove_invisible_chars(result.title));
  document["url"] = result.url;
  document["site_name"] = result.site_name;
  document["date"] = result.date;
  document["author"] = result.author;
  document["text"] = result.text();
  document["counts"] = {{"blocks", result.blocks.size()}, {"kept", count_kept(result)}};
  nlohmann::ordered_json blocks = nlohmann::ordered_json::array();
  for (std::size_t index = 0; index < result.blocks.size(); ++index)
    blocks.push_back(block_to_json(result.blocks[index], index, with_blocks));
  document["blocks"] = std::move(blocks);
  return document.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string render_explain(const Result& result) {
  std::size_t index_width = std::to_string(result.blocks.empty() ? 0 : result.blocks.size() - 1).size();
  std::string lines;
  for (std::size_t index = 0; index < result.blocks.size(); ++index)
    lines += explain_line(result.blocks[index], index, index_width);
  return lines;
}

}  // namespace winnow
