// Input sniffing: decides between the HTML and the text segmenter.
#include "sniff.h"

#include <algorithm>
#include <string>

namespace winnow::internal {
namespace {

// ASCII lower case, as std::tolower in the "C" locale, without its call per byte.
std::string lower_prefix(std::string_view s, std::size_t n) {
  std::string out(s.substr(0, std::min(n, s.size())));
  for (auto& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

// Tags whose presence says "this is markup", not prose that mentions '<'.
constexpr std::string_view kTellTags[] = {"<p>", "<p ", "<div", "<br", "<span", "<a href", "<table",
                                          "<li>", "<ul", "<h1", "<h2", "<img", "<meta", "<script"};

}  // namespace

bool starts_like_html(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return false;
  const std::string lower_lead = lower_prefix(text.substr(start), 16);
  const std::string_view lead = lower_lead;
  for (std::string_view opener : {"<!doctype html", "<html", "<head", "<body", "<?xml", "<!--"}) {
    if (lead.substr(0, opener.size()) == opener) return true;
  }
  return false;
}

bool looks_like_html(std::string_view text) {
  if (starts_like_html(text)) return true;
  std::string head = lower_prefix(text, 64 * 1024);
  int tags = 0;
  for (auto tag : kTellTags) {
    for (std::size_t pos = head.find(tag); pos != std::string::npos && tags < 100; pos = head.find(tag, pos + 1)) ++tags;
  }
  return tags >= 3;
}

}  // namespace winnow::internal
