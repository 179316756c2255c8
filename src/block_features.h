// Stage 3, features: what can be measured of one segment on its own.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lexicon.h"
#include "segment.h"
#include "segment_words.h"

namespace winnow::internal {

struct Features {
  int chars = 0;
  int words = 0;
  double stop_density = 0;   // share of words that are stop words of the document's language
  bool terminal_punct = false;
  bool colon_end = false;
  int commas = 0;
  double symbol_share = 0;   // digits, punctuation and symbols over non-space characters
  int urls = 0, handles = 0, hashtags = 0;
  bool date_only = false;
  bool pure_date = false;    // nothing but numbers and date words ("March 3, 2024")
  // The kinds of the first two words (0 other, 1 number, 2 date word), as
  // 3 * first + second: list items of one list share it ("June 19 -- ...").
  int lead_shape = 0;
  // A numbered item's number and the mark after it: "3) ...", "3. ...",
  // "٣- ..." give 3 and ')', '.', '-'; 0 when the line does not open so.
  int item_number = 0;
  char32_t item_mark = 0;
  bool counter = false;
  bool copyright_notice = false;  // "© 2006 Site Inc. All rights reserved ...", short
  bool keyword_list = false;  // "cheap, flights, hotels, travel, ...": one word between commas, no stop words
  bool button_row = false;    // "Share Tweet Email": a row of buttons' captions flattened into one line
  bool bullet = false;
  bool breadcrumb = false;   // "Home » News › World"
  bool tweet_signature = false;
  bool link_card = false;
  bool comment_header = false;  // "Alex on May 3, 2024 at 6:34 am said:"
  bool photo_credit = false;    // a caption ending in its credit: "... (Image: GETTY)"
  bool about_header = false;    // "About Jane Doe", "Sobre Carlos Nadalim": an author or company box
  bool author_bio = false;      // "Phil Helsel is a reporter for NBC News.": an author's bio line
  bool job_first = false;       // "كاتب صحفي مصري، ...": a bio line opening with the job (the name is the line above)
  bool teaser = false;       // "Headline WASHINGTON: lead ..." a teaser's headline glued to its lead
  double link_density = 0;   // HTML: characters inside links over all characters
  PhraseHit phrase;          // the chrome phrase the line matches, if any
};

// The document's language: the one whose stop words are densest in the
// segments (first ~4000 words); "" when no language reaches 5 %.
std::string detect_language(const PageWords& words, const Lexicon& lexicon);
std::string detect_language(const Page& page, const Lexicon& lexicon);

// The features of `segment`, whose words (PageWords) are `words`, in a
// document of language `language` (an index of Lexicon::languages(), -1 for
// none).
Features compute_features(const Segment& segment, const SegmentWords& words, int language,
                          const Lexicon& lexicon);
Features compute_features(const Segment& segment, const std::string& language,
                          const Lexicon& lexicon);

// Scraped text: a teaser card flattened into one line, its title-case
// headline glued to its lead ("... NASCAR FinaleFord v Toyota flopped ..."),
// is a teaser too. Text only: in HTML and Markdown such a join is markup
// inside a sentence more often than a card.
void mark_glued_teasers(const Page& page, const Weights& weights, std::vector<Features>& features);

// "words=23 stop=0.31 ..." for --explain.
std::string describe(const Features& f);

}  // namespace winnow::internal
