#include "json_ld.h"

#include <nlohmann/json.hpp>

namespace winnow::internal {
namespace {

using Json = nlohmann::json;

// Types whose articleBody / text is an article's body.
bool is_article_type(const std::string& type) {
  return type.find("Article") != std::string::npos || type.find("Posting") != std::string::npos ||
         type == "Report" || type == "Review" || type == "WebPage" || type == "CreativeWork";
}

std::string string_of(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array() && !v.empty()) return string_of(v.front());
  if (v.is_object() && v.contains("name")) return string_of(v["name"]);
  return "";
}

std::string type_of(const Json& obj) {
  auto it = obj.find("@type");
  return it == obj.end() ? "" : string_of(*it);
}

void read_object(const Json& obj, JsonLd* out, int depth);

void read_value(const Json& v, JsonLd* out, int depth) {
  if (depth > 8) return;  // publishers nest @graph a few levels at most
  if (v.is_array()) {
    for (const Json& item : v) read_value(item, out, depth + 1);
  } else if (v.is_object()) {
    read_object(v, out, depth + 1);
  }
}

void read_object(const Json& obj, JsonLd* out, int depth) {
  std::string type = type_of(obj);
  std::string body;
  if (auto it = obj.find("articleBody"); it != obj.end()) body = string_of(*it);
  else if (is_article_type(type) && obj.contains("text")) body = string_of(obj["text"]);
  bool article = !body.empty() || is_article_type(type);
  if (body.size() > out->article_body.size()) {
    out->article_body = body;
    out->type = type;
  }
  if (article) {
    auto set = [&](std::string& field, const char* key) {
      if (field.empty() && obj.contains(key)) field = string_of(obj[key]);
    };
    set(out->headline, "headline");
    set(out->date_published, "datePublished");
    set(out->author, "author");
    if (out->type.empty()) out->type = type;
  }
  for (const auto& [key, value] : obj.items()) {
    if (key == "@graph" || key == "mainEntity" || key == "mainEntityOfPage" || key == "hasPart") {
      read_value(value, out, depth);
    }
  }
}

}  // namespace

void read_json_ld(std::string_view json, JsonLd* out) {
  Json doc = Json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return;
  read_value(doc, out, 0);
}

}  // namespace winnow::internal
