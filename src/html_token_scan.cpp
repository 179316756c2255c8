// Token ends by the HTML tokenizer's rules; see html_token_scan.h.
#include "html_token_scan.h"

namespace winnow::internal {

RawTextEnd comment_end(std::string_view s, size_t lt) {
  size_t pos = lt + 4;  // after "<!--"
  if (s.compare(pos, 1, ">") == 0) return {pos, pos + 1};   // <!-->
  if (s.compare(pos, 2, "->") == 0) return {pos, pos + 2};  // <!--->
  // "Comment end" state: after "--" more '-' stay in it, '>' or "!>" end
  // the comment, anything else goes back to comment text.
  while ((pos = s.find("--", pos)) != s.npos) {
    const size_t dashes = pos;
    pos += 2;
    while (pos < s.size() && s[pos] == '-') ++pos;
    if (pos < s.size() && s[pos] == '>') return {dashes, pos + 1};
    if (s.compare(pos, 2, "!>") == 0) return {dashes, pos + 2};
  }
  return {s.size(), s.size()};
}

bool tag_name_at(std::string_view s, size_t pos, std::string_view name) {
  if (pos >= s.size() || s.size() - pos <= name.size()) return false;
  for (size_t i = 0; i < name.size(); ++i)
    if (ascii_lower(s[pos + i]) != name[i]) return false;
  const char c = s[pos + name.size()];
  return is_html_space(c) || c == '/' || c == '>';
}

namespace {

// The end tag whose "</" is at lt and whose name is `name_length` long.
RawTextEnd end_tag_at(std::string_view s, size_t lt, size_t name_length) {
  bool self_closing = false;
  const size_t after = scan_tag_end(s, lt + 2 + name_length, self_closing);
  return {lt, after == s.npos ? s.size() : after};
}

}  // namespace

RawTextEnd raw_text_end(std::string_view s, size_t pos, std::string_view name) {
  while ((pos = s.find("</", pos)) != s.npos) {
    if (tag_name_at(s, pos + 2, name)) return end_tag_at(s, pos, name.size());
    pos += 2;
  }
  return {s.size(), s.size()};
}

RawTextEnd script_data_end(std::string_view s, size_t pos) {
  enum { kData, kEscaped, kDoubleEscaped } state = kData;
  while (pos < s.size()) {
    // (string_view::find_first_of runs a memchr per byte: a loop is faster.)
    if (state == kData) pos = s.find('<', pos);
    else while (pos < s.size() && s[pos] != '<' && s[pos] != '-') ++pos;
    if (pos == s.npos || pos >= s.size()) break;
    if (s[pos] == '-') {
      if (s.compare(pos, 3, "-->") == 0) {
        state = kData;
        pos += 3;
      } else {
        ++pos;
      }
    } else if (s.compare(pos, 2, "</") == 0 && tag_name_at(s, pos + 2, "script")) {
      if (state != kDoubleEscaped) return end_tag_at(s, pos, 6);
      state = kEscaped;
      pos += 8;
    } else if (state == kData && s.compare(pos, 4, "<!--") == 0) {
      state = kEscaped;
      pos += 2;  // the "--" may also close: "<!-->"
    } else if (state == kEscaped && tag_name_at(s, pos + 1, "script")) {
      state = kDoubleEscaped;
      pos += 7;
    } else {
      ++pos;
    }
  }
  return {s.size(), s.size()};
}

}  // namespace winnow::internal
