#include "batch/glob_filter.h"

#include <fnmatch.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace winnow::batch {
namespace {

constexpr std::array<std::string_view, 6> kDefaultExtensions = {"html", "htm", "xhtml", "txt", "md", "markdown"};

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// "./x/" -> "x": patterns are written as users think of paths.
std::string tidy_pattern(std::string pattern) {
  while (pattern.starts_with("./")) pattern.erase(0, 2);
  while (pattern.size() > 1 && pattern.back() == '/') pattern.pop_back();
  return pattern;
}

std::vector<std::string> tidy_patterns(std::vector<std::string> patterns) {
  for (auto& pattern : patterns) pattern = tidy_pattern(std::move(pattern));
  return patterns;
}

bool glob_matches(const std::string& pattern, std::string_view relative_path) {
  const bool on_path = pattern.find('/') != std::string::npos;
  const std::string subject(on_path ? relative_path : base_name(relative_path));
  return fnmatch(pattern.c_str(), subject.c_str(), 0) == 0;
}

bool has_default_extension(std::string_view name) {
  if (has_no_extension(name)) return true;
  std::string_view extension = name.substr(name.rfind('.') + 1);
  return std::any_of(kDefaultExtensions.begin(), kDefaultExtensions.end(),
                     [&](std::string_view known) { return equals_ignoring_case(known, extension); });
}

}  // namespace

std::string_view base_name(std::string_view relative_path) {
  std::size_t slash = relative_path.rfind('/');
  return slash == std::string_view::npos ? relative_path : relative_path.substr(slash + 1);
}

bool has_no_extension(std::string_view name) {
  std::size_t dot = name.rfind('.');
  return dot == std::string_view::npos || dot == 0;
}

std::string_view without_gz_suffix(std::string_view name) {
  if (name.size() > 3 && equals_ignoring_case(name.substr(name.size() - 3), ".gz"))
    return name.substr(0, name.size() - 3);
  return name;
}

GlobFilter::GlobFilter(std::vector<std::string> include, std::vector<std::string> exclude)
    : include_(tidy_patterns(std::move(include))), exclude_(tidy_patterns(std::move(exclude))) {}

bool GlobFilter::matches_include(std::string_view relative_path) const {
  if (include_.empty()) return has_default_extension(base_name(relative_path));
  return std::any_of(include_.begin(), include_.end(),
                     [&](const std::string& pattern) { return glob_matches(pattern, relative_path); });
}

bool GlobFilter::reads_file(std::string_view relative_path) const {
  if (excludes(relative_path)) return false;
  return matches_include(relative_path) || matches_include(without_gz_suffix(relative_path));
}

bool GlobFilter::excludes(std::string_view relative_path) const {
  return std::any_of(exclude_.begin(), exclude_.end(),
                     [&](const std::string& pattern) { return glob_matches(pattern, relative_path); });
}

}  // namespace winnow::batch
