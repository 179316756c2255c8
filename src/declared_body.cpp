#include "declared_body.h"

#include "unicode_text.h"

namespace winnow::internal {
namespace {

// Some publishers put markup in articleBody; its tags are not text.
std::string without_tags(const std::string& s) {
  if (s.find('<') == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  bool in_tag = false;
  for (char c : s) {
    if (c == '<') { in_tag = true; out += ' '; continue; }
    if (c == '>' && in_tag) { in_tag = false; continue; }
    if (!in_tag) out += c;
  }
  return out;
}

// Blocks shorter than this (folded bytes) match anywhere by chance.
constexpr std::size_t kMinKeyBytes = 24;
// Long blocks match by their two ends, so a changed word in the middle (an
// inline ad, a link rewritten) does not lose them.
constexpr std::size_t kEndBytes = 60;

bool part_of(const std::string& key, const std::string& body) {
  if (body.find(key) != std::string::npos) return true;
  if (key.size() < 3 * kEndBytes) return false;
  return body.find(key.substr(0, kEndBytes)) != std::string::npos &&
         body.find(key.substr(key.size() - kEndBytes)) != std::string::npos;
}

}  // namespace

double mark_declared_body(Page& page, double trust_coverage) {
  if (page.declared_body.empty()) return 0;
  const std::string body = fold_key(without_tags(page.declared_body));
  if (body.size() < kMinKeyBytes) return 0;
  std::size_t found = 0;
  for (Segment& seg : page.segments) {
    std::string key = fold_key(seg.text);
    if (key.size() < kMinKeyBytes || !part_of(key, body)) continue;
    seg.in_declared_body = true;
    found += key.size();
  }
  double coverage = std::min(1.0, static_cast<double>(found) / body.size());
  if (coverage >= trust_coverage) {
    for (Segment& seg : page.segments) seg.outside_declared_body = !seg.in_declared_body;
  }
  return coverage;
}

}  // namespace winnow::internal
