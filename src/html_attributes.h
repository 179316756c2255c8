// The attributes that matter after the pre-scan: the ones segment_html.cpp
// reads, and the ones that change the tree Gumbo builds. The pre-scan drops
// every other attribute of HTML start tags (54-71% of what is left of a page
// after scripts and styles are start tags and attributes, and Gumbo pays for
// every byte of them).
//
// A rule that reads a new attribute must add it to kReadAttributes: the
// walker's accessor checks it in debug builds, and tests/test_prescan_cut.cpp
// compares the classifier's decisions with and without the pre-scan's cuts
// on every bench page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "html_token_scan.h"

namespace winnow::internal {

inline constexpr std::string_view kReadAttributes[] = {
    // segment_html.cpp
    "class", "id", "role",              // hints of block elements
    "hidden", "aria-hidden", "style",   // invisible elements
    "href",                             // links (a), canonical URL (link)
    "rel",                              // link rel=canonical
    "itemprop",                         // articleBody, meta itemprop
    "property", "name", "content",      // meta tags
    // Gumbo's tree builder: <input type=hidden> is not foster-parented out
    // of a table and does not stop a <frameset>.
    "type",
};

// Is `name` (any case) one of kReadAttributes?
bool is_read_attribute(std::string_view name);

// Appends to `out` the start tag `tag` (from '<' to '>' included) keeping
// only the read attributes among `attributes` (positions within `tag`).
// Returns false, appending nothing, when every attribute is read: the tag
// can then be copied as it is.
bool append_with_read_attributes(std::string_view tag, size_t name_end,
                                 const std::vector<AttributeSpan>& attributes, bool self_closing,
                                 std::string& out);

}  // namespace winnow::internal
