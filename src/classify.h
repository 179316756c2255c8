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
  bool in_region = false;  // inside the article region (classify's region_why says how it was found)
};

// The score of a segment alone: length, prose and chrome signals, and for
// HTML the link density and class/id hints. `terms` (optional) receives the
// non-zero terms for --explain.
double segment_score(const Segment& segment, const Features& features, const Weights& weights,
                     bool language_known, std::string* terms);

// Decisions for all segments of a page, in order. `region_why` (optional)
// receives how the article region was found, for --explain: one string a
// page, not one a block.
std::vector<Decision> classify(const Page& page, const std::vector<Features>& features,
                               bool html, bool language_known, const Lexicon& lexicon,
                               std::string* region_why = nullptr);

// HTML pages whose whole content sits in a container named like chrome
// (a blog inside id="sidebar"): when negative class hints cover at least
// weights.uninformative_hint_share of the page's text they tell nothing apart.
// Clears them (noting it in hint_names) and returns true; false when the hints
// discriminate and the page is left as it was.
bool ignore_page_wide_negative_hints(Page& page, const Weights& weights);

// True when the decisions keep fewer than weights.fallback_min_words words.
bool kept_almost_nothing(const std::vector<Decision>& decisions, const std::vector<Features>& features,
                         const Weights& weights);

}  // namespace winnow::internal
