// Dropping the attributes no rule reads; see html_attributes.h.
#include "html_attributes.h"

#include "lexicon.h"

#include <initializer_list>

namespace winnow::internal {
namespace {

bool equals_ci(std::string_view text, std::string_view lower_name) {
  if (text.size() != lower_name.size()) return false;
  for (size_t i = 0; i < text.size(); ++i)
    if (ascii_lower(text[i]) != lower_name[i]) return false;
  return true;
}

// One attribute of the tag being rewritten.
struct Attribute {
  std::string_view name, value, text;  // value without its quotes
  bool first = true;                   // the first of its name
};

Attribute attribute_of(std::string_view tag, const AttributeSpan& span) {
  Attribute a;
  a.text = tag.substr(span.begin, span.end - span.begin);
  a.name = tag.substr(span.begin, span.name_end - span.begin);
  std::string_view value = a.text.substr(a.name.size());
  while (!value.empty() && (is_html_space(value.front()) || value.front() == '=')) value.remove_prefix(1);
  if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
    value.remove_prefix(1);
    if (!value.empty()) value.remove_suffix(1);
  }
  a.value = value;
  return a;
}

enum class Keep {
  kDrop,
  kName,   // the name only (the walker asks whether it is there)
  kWhole,
  kHints,  // the class hints it matches (class, id, role of blocks)
};

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

bool has_reference(std::string_view value) { return value.find('&') != std::string_view::npos; }

Keep visibility(const Attribute& a) {
  if (equals_ci(a.name, "hidden")) return Keep::kName;
  if (equals_ci(a.name, "aria-hidden"))
    return has_reference(a.value) || aria_hides(a.value) ? Keep::kWhole : Keep::kDrop;
  if (equals_ci(a.name, "style"))
    return has_reference(a.value) || style_hides(a.value) ? Keep::kWhole : Keep::kDrop;
  return Keep::kDrop;
}

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names)
    if (equals_ci(name, n)) return true;
  return false;
}

// "articleBody" in an itemprop, as the walker looks for it (case and spaces aside).
bool says_article_body(std::string_view value) {
  std::string compact;
  for (char c : value)
    if (c != ' ') compact += ascii_lower(c);
  return compact.find("articlebody") != std::string::npos;
}

// What the reader keeps of attribute `a`; `used` tells whether a link is
// rel=canonical or a meta's key is read.
Keep keep(AttributeReader reader, const Attribute& a, bool used, bool hints) {
  if (!a.first) return Keep::kDrop;  // the tokenizer drops repeated names
  switch (reader) {
    case AttributeReader::kAll:
      return Keep::kWhole;
    case AttributeReader::kBlock:
      if (hints && equals_ci(a.name, "id") && !has_reference(a.value) && is_heading_slug(a.value)) return Keep::kDrop;
      if (is_one_of(a.name, {"class", "id", "role"}))
        return hints && !has_reference(a.value) ? Keep::kHints : Keep::kWhole;
      if (equals_ci(a.name, "itemprop"))
        return !hints || has_reference(a.value) || says_article_body(a.value) ? Keep::kWhole : Keep::kDrop;
      return visibility(a);
    case AttributeReader::kAnchor:
      if (equals_ci(a.name, "href")) return Keep::kName;
      return visibility(a);
    case AttributeReader::kMeta:
      return used && is_one_of(a.name, {"property", "name", "itemprop", "content"}) ? Keep::kWhole : Keep::kDrop;
    case AttributeReader::kLink:
      return used && is_one_of(a.name, {"rel", "href"}) ? Keep::kWhole : Keep::kDrop;
    case AttributeReader::kTyped:
      return equals_ci(a.name, "type") ? Keep::kWhole : Keep::kDrop;
    case AttributeReader::kOther:
      return visibility(a);
  }
  return Keep::kWhole;
}

// The first value of attribute `name` among attrs, or null.
const Attribute* first_named(const Attribute* attrs, size_t count, std::string_view name) {
  for (size_t i = 0; i < count; ++i)
    if (attrs[i].first && equals_ci(attrs[i].name, name)) return &attrs[i];
  return nullptr;
}

// <link rel=canonical> (the walker compares rel exactly).
bool is_canonical_link(const Attribute* attrs, size_t count) {
  const Attribute* rel = first_named(attrs, count, "rel");
  return rel && (has_reference(rel->value) || rel->value == "canonical");
}

// A <meta> whose key (property, else name, else itemprop) the walker reads.
bool has_read_key(const Attribute* attrs, size_t count) {
  const Attribute* key = first_named(attrs, count, "property");
  if (!key) key = first_named(attrs, count, "name");
  if (!key) key = first_named(attrs, count, "itemprop");
  if (!key || has_reference(key->value)) return key != nullptr;
  std::string lower(key->value);
  for (char& c : lower) c = ascii_lower(c);
  return is_meta_key(lower);
}

}  // namespace

bool style_hides(std::string_view style) {
  std::string compact;
  compact.reserve(style.size());
  for (char c : style)
    if (c != ' ') compact += ascii_lower(c);
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

bool may_hide(std::string_view text, const std::vector<AttributeSpan>& spans) {
  for (size_t i = 0; i < spans.size(); ++i) {
    const Attribute a = attribute_of(text, spans[i]);
    bool first = true;
    for (size_t k = 0; k < i && first; ++k) first = !same_name(attribute_of(text, spans[k]).name, a.name);
    if (first && visibility(a) != Keep::kDrop) return true;
  }
  return false;
}

bool is_meta_key(std::string_view lower_key) {
  for (std::string_view key : kMetaKeys)
    if (key == lower_key) return true;
  return false;
}

bool is_read_attribute(std::string_view name) {
  for (std::string_view read : kReadAttributes)
    if (equals_ci(name, read)) return true;
  return false;
}

bool append_read_attributes(std::string_view tag, size_t name_end, const std::vector<AttributeSpan>& spans,
                            bool self_closing, AttributeReader reader, const Lexicon* hints, std::string& out) {
  if (reader == AttributeReader::kAll) return false;
  // Tags with very many attributes are left alone: finding repeated names
  // costs their square.
  constexpr size_t kMaxAttributes = 64;
  if (spans.empty() || spans.size() > kMaxAttributes) return false;
  // Scratch space reused from tag to tag (batch mode runs threads).
  thread_local std::vector<Attribute> attrs;
  thread_local std::vector<Keep> kept;
  thread_local std::vector<std::string> matched;  // the hints of kHints attributes
  attrs.resize(spans.size());
  kept.resize(spans.size());
  if (matched.size() < spans.size()) matched.resize(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    attrs[i] = attribute_of(tag, spans[i]);
    for (size_t k = 0; k < i && attrs[i].first; ++k) attrs[i].first = !same_name(attrs[k].name, attrs[i].name);
  }
  const bool used = reader == AttributeReader::kLink   ? is_canonical_link(attrs.data(), spans.size())
                    : reader == AttributeReader::kMeta ? has_read_key(attrs.data(), spans.size())
                                                       : false;
  bool changes = false;
  for (size_t i = 0; i < spans.size(); ++i) {
    kept[i] = keep(reader, attrs[i], used, hints != nullptr);
    if (kept[i] == Keep::kHints) {
      matched[i].clear();
      hints->class_hint(attrs[i].value, &matched[i]);
      if (matched[i].empty()) kept[i] = Keep::kDrop;
      else if (matched[i] == attrs[i].value) kept[i] = Keep::kWhole;
    }
    changes |= kept[i] == Keep::kDrop || kept[i] == Keep::kHints ||
               (kept[i] == Keep::kName && attrs[i].text.size() > attrs[i].name.size());
  }
  if (!changes) return false;
  out.append(tag.substr(0, name_end));
  for (size_t i = 0; i < spans.size(); ++i) {
    if (kept[i] == Keep::kDrop) continue;
    out += ' ';
    if (kept[i] == Keep::kHints) {  // hint names are lower-case words, dashes and underscores
      out.append(attrs[i].name);
      out += "=\"";
      out += matched[i];
      out += '"';
      continue;
    }
    out.append(kept[i] == Keep::kName ? attrs[i].name : attrs[i].text);
  }
  // A space keeps an unquoted value from taking the '/' ("a=b/>" is no
  // self-closing tag).
  out.append(self_closing ? " />" : ">");
  return true;
}

}  // namespace winnow::internal
