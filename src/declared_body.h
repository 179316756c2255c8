// Locating the article with the body the publisher states (JSON-LD
// articleBody): blocks whose text is part of it are marked, and when most of
// the stated body was found, the blocks that are not part of it are marked too.
#pragma once

#include "segment.h"

namespace winnow::internal {

// Share of the stated body's text found in the page's blocks, 0 when the page
// states none. Sets Segment::in_declared_body, and outside_declared_body on
// the other blocks when the share reaches `trust_coverage`.
double mark_declared_body(Page& page, double trust_coverage);

}  // namespace winnow::internal
