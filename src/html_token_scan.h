// Where HTML tokens end, by the rules of the HTML tokenizer (as Gumbo 0.10.1
// implements them): tags and their attributes, comments, raw text and script
// data. The byte-level pre-scan (html_prescan.cpp) uses these to see the
// tokens Gumbo will see, without building anything.
#pragma once

#include <cstddef>
#include <string_view>

namespace winnow::internal {

inline bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
inline bool is_ascii_alpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }

// One attribute of a tag: its text is s[begin, end) (name, '=' and value,
// quotes included), its name s[begin, name_end).
struct AttributeSpan {
  size_t begin = 0, name_end = 0, end = 0;
};

// Scans a tag's attributes from `pos` (just after the tag name) like the
// tokenizer, calling on_attribute(AttributeSpan) for each. Returns the
// position after the closing '>', or npos when the input ends inside the tag
// (the tokenizer then drops it); self_closing is set for a "/>" ending.
template <class OnAttribute>
size_t scan_tag(std::string_view s, size_t pos, bool& self_closing, OnAttribute&& on_attribute) {
  enum State { kBeforeName, kName, kAfterName, kBeforeValue, kUnquoted, kAfterQuoted, kSlash };
  State st = kBeforeName;
  AttributeSpan attr;
  bool open = false;  // attr is begun and not yet reported
  auto begin_attribute = [&](size_t at) {
    attr = {at, at, at};
    open = true;
    st = kName;
  };
  auto finish = [&](size_t end) {
    if (!open) return;
    attr.end = end;
    open = false;
    on_attribute(attr);
  };
  self_closing = false;
  for (; pos < s.size(); ++pos) {
    const char c = s[pos];
    switch (st) {
      case kBeforeName:
      case kAfterQuoted:
        if (c == '>') return pos + 1;
        if (c == '/') st = kSlash;
        else if (!is_html_space(c)) begin_attribute(pos);  // '=' too starts a name
        break;
      case kName:
        if (c == '>' || c == '/' || c == '=' || is_html_space(c)) attr.name_end = pos;
        if (c == '>') {
          finish(pos);
          return pos + 1;
        }
        if (c == '/') finish(pos), st = kSlash;
        else if (c == '=') st = kBeforeValue;
        else if (is_html_space(c)) st = kAfterName;
        break;
      case kAfterName:
        if (c == '>') {
          finish(attr.name_end);
          return pos + 1;
        }
        if (c == '/') finish(attr.name_end), st = kSlash;
        else if (c == '=') st = kBeforeValue;
        else if (!is_html_space(c)) finish(attr.name_end), begin_attribute(pos);
        break;
      case kBeforeValue:
        if (c == '>') {  // "a=>": an empty value
          finish(pos);
          return pos + 1;
        }
        if (c == '"' || c == '\'') {
          const size_t close = s.find(c, pos + 1);
          if (close == s.npos) return s.npos;
          finish(close + 1);
          pos = close;
          st = kAfterQuoted;
        } else if (!is_html_space(c)) {
          st = kUnquoted;
        }
        break;
      case kUnquoted:
        if (c == '>') {
          finish(pos);
          return pos + 1;
        }
        if (is_html_space(c)) finish(pos), st = kBeforeName;
        break;
      case kSlash:  // "self-closing start tag" state
        if (c == '>') {
          self_closing = true;
          return pos + 1;
        }
        // Anything else is reconsumed "before attribute name", where another
        // '/' comes straight back here and a space is skipped.
        if (c == '/') break;
        if (is_html_space(c)) st = kBeforeName;
        else begin_attribute(pos);
        break;
    }
  }
  return s.npos;
}

inline size_t scan_tag_end(std::string_view s, size_t pos, bool& self_closing) {
  return scan_tag(s, pos, self_closing, [](const AttributeSpan&) {});
}

// Where a comment's or raw-text element's content ends (where its closing
// "-->" or end tag begins, or s.size()) and the position after it.
struct RawTextEnd {
  size_t content_end = 0, after = 0;
};

// The comment starting at s[lt] ("<!--"). It ends at "-->" or "--!>", more
// dashes allowed before them ("<!-->" and "<!--->" are whole comments), or at
// the end of the input.
RawTextEnd comment_end(std::string_view s, size_t lt);

// Content of an element called `name` (lower case) that ends at "</name"
// followed by a space, '/' or '>', in any case.
RawTextEnd raw_text_end(std::string_view s, size_t pos, std::string_view name);

// Script content, with the tokenizer's "escaped" states: after "<!--" a
// "<script" opens a nested script that hides the next "</script>", and
// "-->" leaves both.
RawTextEnd script_data_end(std::string_view s, size_t pos);

// Does s hold `name` (lower case) at pos, in any case, followed by a space,
// '/' or '>'?
bool tag_name_at(std::string_view s, size_t pos, std::string_view name);

}  // namespace winnow::internal
