// Stage 2, segment: a decoded document -> a sequence of segments (lines of
// scraped text, or blocks of an HTML page) with what the markup says of them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace winnow::internal {

struct Segment {
  std::string text;          // whitespace collapsed (kept as lines for "pre")
  std::string kind = "p";    // "p", "h", "li", "pre", "quote", "td", "caption"
  // HTML only (zero for text input):
  int heading_level = 0;     // 1-6 for h1-h6
  int link_chars = 0;        // characters inside <a href>
  int hint_pos = 0;          // positive class/id/role hints summed over the ancestors
  int hint_neg = 0;          // negative ones, summed apart
  std::string hint_names;    // the hints that fired, for --explain
  bool in_article = false;   // inside <article>, <main> or itemprop=articleBody
  bool in_caption = false;   // inside <figcaption> or a caption/credit class
  bool is_paragraph_tag = false;  // the block element is a <p>
  bool table_row = false;    // a data table's row, its cells joined (kind "td")
  bool in_stated_body = false;  // inside an element with itemprop=articleBody
  int container = -1;        // index into Page::containers of the enclosing block element
  bool separated_before = false;  // text input: a blank line precedes it
  // HTML with a JSON-LD articleBody: the block's text is part of it, or (only
  // when the stated body was found on the page) it is not.
  bool in_declared_body = false;
  bool outside_declared_body = false;
};

// An element that contains blocks; parent links form the DOM's block tree.
struct Container {
  int parent = -1;
  int depth = 0;
};

struct Page {
  std::vector<Segment> segments;
  std::vector<Container> containers;
  std::string title, url, site_name, date, author;
  std::string document_title;  // HTML: the <title> element's text ("Headline | Site")
  std::string declared_body;   // JSON-LD articleBody, when the page states one
  std::string description;     // HTML: <meta> og:description, description or twitter:description
};

// Text input: one segment per non-blank line.
Page segment_text(std::string_view text);

// Markdown from a scraper: a segment a paragraph (its lines joined), with
// headings, link text (Segment::link_chars), quotes, code and table rows read
// from the markup, and the markup (images too) taken out of the text.
Page segment_markdown(std::string_view text);
// True when text shows Markdown: a "# Title" first line, inline links, a
// table's rule or Jina Reader's header; not when its lines open with tags.
bool looks_like_markdown(std::string_view text);

struct Weights;
// Text input hard-wrapped at one width (60-100 characters: mail, terminal
// dumps): the lines of a paragraph, cut where the next word did not fit,
// joined back into one segment. Other text is left as it is.
void join_hard_wrapped_lines(Page& page, const Weights& weights);

class Lexicon;
class StageClock;
// HTML input: blocks at block-level boundaries and <br><br>, with
// invisible elements removed and class/id hints collected. The clock gets
// the pre-scan and the parse as laps of their own. Without cut_invisible the
// pre-scan only caps the nesting (tests compare the two).
Page segment_html(std::string_view html, const Lexicon& lexicon);
Page segment_html(std::string_view html, const Lexicon& lexicon, StageClock& clock,
                  bool cut_invisible = true);

}  // namespace winnow::internal
