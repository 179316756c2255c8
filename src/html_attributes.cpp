// Dropping the attributes no rule reads; see html_attributes.h.
#include "html_attributes.h"

namespace winnow::internal {

bool is_read_attribute(std::string_view name) {
  for (std::string_view read : kReadAttributes) {
    if (read.size() != name.size()) continue;
    size_t i = 0;
    while (i < name.size() && ascii_lower(name[i]) == read[i]) ++i;
    if (i == name.size()) return true;
  }
  return false;
}

bool append_with_read_attributes(std::string_view tag, size_t name_end,
                                 const std::vector<AttributeSpan>& attributes, bool self_closing,
                                 std::string& out) {
  auto name_of = [&](const AttributeSpan& a) { return tag.substr(a.begin, a.name_end - a.begin); };
  bool drops = false;
  for (const AttributeSpan& a : attributes) drops |= !is_read_attribute(name_of(a));
  if (!drops) return false;
  out.append(tag.substr(0, name_end));
  for (const AttributeSpan& a : attributes) {
    if (!is_read_attribute(name_of(a))) continue;
    out += ' ';
    out.append(tag.substr(a.begin, a.end - a.begin));
  }
  // A space keeps an unquoted value from taking the '/' ("a=b/>" is no
  // self-closing tag).
  out.append(self_closing ? " />" : ">");
  return true;
}

}  // namespace winnow::internal
