// Stage 4, classify: scores every segment and decides body or chrome, with
// the rule that decided, using the segment's features and its neighbours.
#pragma once

#include <string>
#include <vector>

#include "block_features.h"
#include "lexicon.h"
#include "segment.h"

namespace winnow::internal {

struct Decision {
  bool keep = false;
  double score = 0;  // the segment's own score (> 0 leans body)
  std::string rule;  // why: "body", "subheading", "after-end:tags", ...
};

// The score of a segment alone: length, prose and chrome signals, and for
// HTML the link density and class/id hints. `terms` (optional) receives the
// non-zero terms for --explain.
double segment_score(const Segment& segment, const Features& features, const Weights& weights,
                     bool language_known, std::string* terms);

// Decisions for all segments of a page, in order.
std::vector<Decision> classify(const Page& page, const std::vector<Features>& features,
                               bool html, bool language_known, const Lexicon& lexicon);

}  // namespace winnow::internal
