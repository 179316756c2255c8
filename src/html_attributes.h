// What segment_html.cpp reads of the markup's attributes, element by element,
// and what Gumbo's tree builder reads: the pre-scan drops every other
// attribute of HTML start tags. Of what is left of a page once scripts and
// styles are cut, 54-71% of the bytes are start tags and attributes, and Gumbo
// pays for every byte.
//
// A rule that reads a new attribute must be added here: the walker's
// accessor checks kReadAttributes in debug builds, and
// tests/test_prescan_cut.cpp compares the classifier's decisions with and
// without the pre-scan's cuts on every bench page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "html_token_scan.h"

namespace winnow::internal {

// An id made from a heading's words ("sharing-with-a-single-developer";
// documentation generators anchor every section so) names the section's
// topic, not its role on the page: the walker reads no class hint from it,
// and the pre-scan drops it. Role ids have at most two separators
// ("related-posts", "sidebar-left-widget"); four words and more are a title.
inline bool is_heading_slug(std::string_view id) {
  int separators = 0;
  for (char c : id) separators += c == '-' || c == '_';
  return separators >= 3;
}

// Every attribute name the walker asks Gumbo for.
inline constexpr std::string_view kReadAttributes[] = {
    "class", "id", "role", "itemprop",  // block elements: hints, articleBody
    "hidden", "aria-hidden", "style",   // any element: invisible
    "href",                             // a: a link; link rel=canonical: the URL
    "rel",                              // link rel=canonical
    "property", "name", "content",      // meta
};

// The <meta> keys (property, else name, else itemprop; any case) the walker
// reads the content of; other meta tags keep no attribute.
inline constexpr std::string_view kMetaKeys[] = {
    "og:title", "og:site_name", "og:url", "article:published_time", "date", "datepublished",
    "pubdate", "publish-date", "dc.date", "author", "article:author", "dc.creator",
    "og:description", "description", "twitter:description",
};
bool is_meta_key(std::string_view lower_key);

// The elements the walker cuts blocks at (and reads the hints of).
inline constexpr std::string_view kBlockElements =
    "address article aside blockquote body caption center dd details dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p "
    "pre section summary table tbody td tfoot th thead tr ul html listing plaintext xmp";

// Which attributes of an element matter.
enum class AttributeReader {
  kAll,     // every one: formatting elements (the tree builder compares them),
            // isindex (shows its prompt), svg and math
  kBlock,   // class, id, role, itemprop, and the visibility ones
  kAnchor,  // a: that it has an href (not its value), and visibility
  kMeta,    // meta: property, name, itemprop, content, when its key is read
  kLink,    // link: rel and href, when rel is "canonical"
  kTyped,   // input (type=hidden changes the tree), script (JSON-LD): type
  kOther,   // visibility only: hidden, aria-hidden="true", a hiding style
};

// Does this style value hide its element ("display:none", case and spaces
// aside)? Shared by the walker and the pre-scan.
bool style_hides(std::string_view style);
// Does this aria-hidden value hide its element?
inline bool aria_hides(std::string_view value) { return value == "true"; }

// Is `name` (any case) one of kReadAttributes?
bool is_read_attribute(std::string_view name);

class Lexicon;

// May these attributes (positions within `text`) hide their element from the
// walker (hidden, aria-hidden="true", a hiding style, or a value only known
// decoded)?
bool may_hide(std::string_view text, const std::vector<AttributeSpan>& attributes);

// Appends to `out` the start tag `tag` (from '<' to '>' included) with only
// the attributes `reader` keeps among `attributes` (positions within `tag`);
// returns false, appending nothing, when it would keep the tag as it is.
// Values with character references are kept whole (they are only known
// decoded); of repeated names only the first counts, as in the tokenizer.
// With `hints`, the class, id and role of block elements are reduced to the
// class hints they match (Lexicon::class_hint then finds the same ones), and
// itemprop is kept only when it says articleBody.
bool append_read_attributes(std::string_view tag, size_t name_end, const std::vector<AttributeSpan>& attributes,
                            bool self_closing, AttributeReader reader, const Lexicon* hints, std::string& out);

}  // namespace winnow::internal
