// Byte-level pass over HTML before Gumbo sees it.
#pragma once

#include <string>
#include <string_view>

namespace winnow::internal {

// Gumbo 0.10.1 has no depth limit: 20,000 nested divs take seconds and GBs.
// Returns `html` with every start tag (and its matching end tag) that would
// open deeper than `max_depth` open elements removed, their text kept, so the
// parse stays cheap and the text is not lost. Void elements and raw-text
// elements (script, style, textarea, title, ...) are honoured when counting.
std::string cap_nesting(std::string_view html, int max_depth);

}  // namespace winnow::internal
