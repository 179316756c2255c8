// A page's title in its parts: "Headline - Site", "Site | Section |
// Headline", "Page not found – Site".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace winnow::internal {

// The parts of `title` between separators ("|", ":", " - ", en and em
// dash, "»", "·"), as views into it, each trimmed of spaces; empty parts
// are kept, so parts[i] is the i-th.
std::vector<std::string_view> title_parts(std::string_view title);

// `title` without the site's name as its last or first part ("Headline -
// Site" and "Site | Headline" give "Headline"), when that part is
// `site_name` (og:site_name) up to case, punctuation and Arabic letter
// forms; otherwise `title` as it is.
std::string title_without_site_name(std::string_view title, std::string_view site_name);

}  // namespace winnow::internal
