// A page's title in its parts: see page_title.h.
#include "page_title.h"

#include "unicode_text.h"

namespace winnow::internal {

namespace {

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<std::string_view> title_parts(std::string_view title) {
  // "|", ":", " - ", en and em dash, "»", "·".
  static constexpr std::string_view kSeparators[] = {"|", ":", " - ", "\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xBB", "\xC2\xB7"};
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t at = 0; at <= title.size(); ++at) {
    std::size_t separator_size = at == title.size() ? 1 : 0;  // the end closes the last part
    for (std::string_view separator : kSeparators) {
      if (separator_size == 0 && title.substr(at, separator.size()) == separator) separator_size = separator.size();
    }
    if (separator_size == 0) continue;
    parts.push_back(trim_spaces(title.substr(start, at - start)));
    start = at + separator_size;
    at = start - 1;
  }
  return parts;
}

std::string title_without_site_name(std::string_view title, std::string_view site_name) {
  const std::string site_key = fold_key(site_name);
  if (site_key.empty()) return std::string(title);
  const std::vector<std::string_view> parts = title_parts(title);
  if (parts.size() < 2) return std::string(title);
  std::string_view rest;
  if (fold_key(parts.back()) == site_key) {
    // Up to the end of the part before the site's name.
    const std::string_view before = parts[parts.size() - 2];
    rest = trim_spaces(title.substr(0, before.data() + before.size() - title.data()));
  } else if (fold_key(parts.front()) == site_key) {
    rest = trim_spaces(title.substr(parts[1].data() - title.data()));
  }
  // "| Site" alone, with nothing on the other side, stays as it is.
  return std::string(fold_key(rest).empty() ? title : rest);
}

}  // namespace winnow::internal
