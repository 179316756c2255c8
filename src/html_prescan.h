// Byte-level pass over HTML before Gumbo sees it: one scan that caps the
// nesting depth and (optionally) cuts what the walker never reads.
#pragma once

#include <string>
#include <string_view>

namespace winnow::internal {

class Lexicon;

// Gumbo 0.10.1 has no depth limit: 20,000 nested divs take seconds and GBs.
// Returns `html` with every start tag (and its matching end tag) that would
// open deeper than `max_depth` open elements removed, their text kept, so the
// parse stays cheap and the text is not lost. Void elements and raw-text
// elements (script, style, textarea, title, ...) are honoured when counting.
std::string cap_nesting(std::string_view html, int max_depth);

struct PrescanOptions {
  int max_depth = 256;  // as cap_nesting
  // Also cut, keeping every element and its boundaries: the text of scripts
  // (but JSON-LD), styles and the other raw-text elements the walker skips
  // (textarea, iframe, noembed, noframes); the text of comments; the content
  // of svg and template elements; and the attributes of HTML start tags that
  // no rule reads (html_attributes.h). Gumbo then parses a fraction of the
  // bytes into the same visible tree (tests/test_prescan_cut.cpp).
  bool cut_invisible = true;
  // With cut_invisible and a lexicon: the class, id and role of block
  // elements reduced to the class hints they match.
  const Lexicon* hints = nullptr;
};

// cap_nesting, and with options.cut_invisible the cuts above, in one pass.
std::string prescan_html(std::string_view html, const PrescanOptions& options);

}  // namespace winnow::internal
