// Stage 2 for HTML: parses with Gumbo and walks the tree once, cutting the
// visible text into blocks at block-level elements and <br><br>, and noting
// for each block its link characters, its block kind, the class/id/role
// hints of its ancestors and whether it sits inside an <article>/<main>.
// Invisible content (script, style, svg, form controls, hidden elements) is
// skipped. Page metadata (title, canonical URL, site name, date, author) is
// read from <head> on the way.
#include <gumbo.h>

#include <cassert>
#include <cstring>
#include <string>

#include "declared_body.h"
#include "gumbo_arena.h"
#include "html_attributes.h"
#include "html_prescan.h"
#include "json_ld.h"
#include "lexicon.h"
#include "page_title.h"
#include "segment.h"
#include "stage_clock.h"
#include "unicode_text.h"

namespace winnow::internal {
namespace {

// Deeper trees than this are walked as flat text: Gumbo can build them from
// misnested markup even after the nesting cap, and recursion must stay bounded.
constexpr int kMaxWalkDepth = 400;
// Inline elements nested deeper than this in a cell (<a><b><span>...) are
// not a data cell's; it also bounds the check's recursion.
constexpr int kDataCellMaxDepth = 8;
// Open elements allowed by the byte-level nesting cap before Gumbo.
constexpr int kMaxNesting = 256;

bool is_skipped_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_ANNOTATION_XML: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_SELECT: case GUMBO_TAG_OPTION:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_MAP: case GUMBO_TAG_HEAD: case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_FRAMESET: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOEMBED:
      return true;
    default:
      return false;
  }
}

// The elements of html_attributes.h's kBlockElements (the pre-scan keeps
// their hints), as a table by Gumbo tag.
struct BlockTags {
  bool is_block[GUMBO_TAG_LAST + 1] = {};
  BlockTags() {
    std::string_view names = kBlockElements;
    while (!names.empty()) {
      const size_t space = names.find(' ');
      const std::string name(names.substr(0, space));
      is_block[gumbo_tag_enum(name.c_str())] = true;
      names.remove_prefix(space == names.npos ? names.size() : space + 1);
    }
    is_block[GUMBO_TAG_UNKNOWN] = false;
  }
};

bool is_block_tag(GumboTag tag) {
  static const BlockTags tags;
  return tags.is_block[tag];
}

// Sectioning tags whose name is itself a hint (looked up in class_hints.txt).
bool is_hinting_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_FIGCAPTION:
      return true;
    default:
      return false;
  }
}

// Every attribute read here must be in html_attributes.h: the pre-scan drops
// the others.
const char* attr(const GumboElement& el, const char* name) {
  assert(is_read_attribute(name));
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? a->value : nullptr;
}

bool contains_ci(const char* haystack, const char* needle) {
  if (!haystack) return false;
  std::string h(haystack);
  for (auto& c : h) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  std::string compact;
  for (char c : h) if (c != ' ') compact += c;
  return compact.find(needle) != std::string::npos;
}

// Text that shows as nothing but space: "&nbsp;&nbsp;&nbsp;" between two
// <br> still leaves a blank line, so the two breaks end a paragraph.
bool is_blank(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (!is_space(next_code_point(text, i))) return false;
  }
  return true;
}

bool is_hidden(const GumboElement& el) {
  if (attr(el, "hidden")) return true;
  const char* aria = attr(el, "aria-hidden");
  if (aria && aria_hides(aria)) return true;
  const char* style = attr(el, "style");
  return style && style_hides(style);
}

std::string block_kind(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: return "h";
    case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD: return "li";
    case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP: return "pre";
    case GUMBO_TAG_BLOCKQUOTE: return "quote";
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: return "td";
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION: return "caption";
    default: return "p";
  }
}

int heading_level(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1: return 1; case GUMBO_TAG_H2: return 2; case GUMBO_TAG_H3: return 3;
    case GUMBO_TAG_H4: return 4; case GUMBO_TAG_H5: return 5; case GUMBO_TAG_H6: return 6;
    default: return 0;
  }
}

// Trims each line's trailing spaces and drops leading/trailing blank lines.
std::string tidy_preformatted(const std::string& raw) {
  std::string out;
  std::size_t start = 0;
  while (start <= raw.size()) {
    std::size_t nl = raw.find('\n', start);
    if (nl == std::string::npos) nl = raw.size();
    std::string line = raw.substr(start, nl - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.pop_back();
    out += line;
    out += '\n';
    start = nl + 1;
  }
  std::size_t first = out.find_first_not_of('\n');
  if (first == std::string::npos) return "";
  std::size_t last = out.find_last_not_of('\n');
  return out.substr(first, last - first + 1);
}

// What the walk knows about the element a block belongs to.
struct Owner {
  std::string kind = "p";
  int heading_level = 0;
  bool is_p = false;
  int hint_pos = 0;  // positive hints of the ancestors, summed
  int hint_neg = 0;  // negative hints, summed apart so "article" cannot cancel "caption"
  std::string hint_names;
  bool in_article = false;
  bool in_caption = false;
  int container = -1;
  int pre_depth = 0;
  bool table_row = false;
  bool in_stated_body = false;
};

class HtmlWalker {
 public:
  HtmlWalker(const Lexicon& lexicon, Page& page) : lexicon_(lexicon), page_(page) {}

  void walk_document(const GumboNode* root) {
    read_head(root, 0);
    Owner top;
    walk(root, top, 0);
    flush(top);
  }

 private:
  void read_head(const GumboNode* node, int depth) {
    if (node->type == GUMBO_NODE_DOCUMENT) {
      const GumboVector& kids = node->v.document.children;
      for (unsigned i = 0; i < kids.length; ++i) read_head(static_cast<const GumboNode*>(kids.data[i]), depth + 1);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT || depth > 6) return;
    const GumboElement& el = node->v.element;
    if (el.tag == GUMBO_TAG_TITLE && html_title_.empty()) html_title_ = collapse_whitespace(text_of(node));
    if (el.tag == GUMBO_TAG_META) read_meta(el);
    if (el.tag == GUMBO_TAG_SCRIPT) read_json_ld_script(node);
    if (el.tag == GUMBO_TAG_LINK) {
      const char* rel = attr(el, "rel");
      const char* href = attr(el, "href");
      if (rel && href && std::strcmp(rel, "canonical") == 0 && page_.url.empty()) page_.url = href;
    }
    if (el.tag == GUMBO_TAG_BODY) return;
    for (unsigned i = 0; i < el.children.length; ++i) {
      read_head(static_cast<const GumboNode*>(el.children.data[i]), depth + 1);
    }
  }

  void read_meta(const GumboElement& el) {
    const char* key = attr(el, "property");
    if (!key) key = attr(el, "name");
    if (!key) key = attr(el, "itemprop");
    const char* content = attr(el, "content");
    if (!key || !content) return;
    std::string k(key);
    for (auto& c : k) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    if (!is_meta_key(k)) return;  // the pre-scan keeps the attributes of these only
    auto set = [&](std::string& field) { if (field.empty()) field = collapse_whitespace(content); };
    if (k == "og:title") set(og_title_);
    else if (k == "og:site_name") set(page_.site_name);
    else if (k == "og:url" && page_.url.empty()) set(page_.url);
    else if (k == "article:published_time" || k == "date" || k == "datepublished" ||
             k == "pubdate" || k == "publish-date" || k == "dc.date") set(page_.date);
    else if (k == "author" || k == "article:author" || k == "dc.creator") set(page_.author);
    else if (k == "og:description" || k == "description" || k == "twitter:description") set(page_.description);
  }

  void read_json_ld_script(const GumboNode* node) {
    const char* type = attr(node->v.element, "type");
    if (!type || !contains_ci(type, "ld+json")) return;
    const GumboVector& kids = node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const GumboNode* kid = static_cast<const GumboNode*>(kids.data[i]);
      if (kid->type == GUMBO_NODE_TEXT || kid->type == GUMBO_NODE_WHITESPACE) read_json_ld(kid->v.text.text, &json_ld_);
    }
  }

  static std::string text_of(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) return node->v.text.text;
    if (node->type != GUMBO_NODE_ELEMENT) return "";
    std::string out;
    const GumboVector& kids = node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) out += text_of(static_cast<const GumboNode*>(kids.data[i]));
    return out;
  }

  void walk(const GumboNode* node, const Owner& owner, int depth) {
    switch (node->type) {
      case GUMBO_NODE_TEXT: case GUMBO_NODE_WHITESPACE: case GUMBO_NODE_CDATA:
        add_text(node->v.text.text, owner);
        return;
      case GUMBO_NODE_ELEMENT: case GUMBO_NODE_TEMPLATE: case GUMBO_NODE_DOCUMENT:
        break;
      default:
        return;
    }
    const GumboVector& kids = node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children
                                                                 : node->v.element.children;
    if (node->type == GUMBO_NODE_DOCUMENT) {
      for (unsigned i = 0; i < kids.length; ++i) walk(static_cast<const GumboNode*>(kids.data[i]), owner, depth + 1);
      return;
    }
    const GumboElement& el = node->v.element;
    if (el.tag == GUMBO_TAG_SCRIPT) read_json_ld_script(node);
    if (is_skipped_tag(el.tag) || is_hidden(el) || is_math_annotation(el)) return;
    if (el.tag == GUMBO_TAG_BR) { line_break(owner); return; }
    // MathML shows each token (mi, mo, mn) as a symbol of its own: keep
    // them apart ("a ≠ 0", not "a≠0").
    const bool math = el.tag_namespace == GUMBO_NAMESPACE_MATHML;
    if (math) add_text(" ", owner);
    if (depth > kMaxWalkDepth) { add_text(text_of(node), owner); return; }

    if (el.tag == GUMBO_TAG_TR && is_data_row(el)) { walk_data_row(el, owner, depth); return; }
    const bool link = el.tag == GUMBO_TAG_A && attr(el, "href");
    if (link) ++link_depth_;
    const bool bold = el.tag == GUMBO_TAG_STRONG || el.tag == GUMBO_TAG_B;
    if (bold) ++bold_depth_;
    if (is_block_tag(el.tag)) {  // only blocks change the owner: no copy for the others
      flush(owner);
      Owner inner = owner;
      enter_block(el, inner);
      walk_children(kids, inner, depth);
      flush(inner);
    } else {
      walk_children(kids, owner, depth);
    }
    if (link) --link_depth_;
    if (bold) --bold_depth_;
    if (math) add_text(" ", owner);
  }

  // A row of a data table (standings, prices, a timetable): two or more
  // cells of a few words of inline text each, one line of output like the
  // row on screen. Cells holding blocks, line breaks or longer text belong
  // to a layout table and stay blocks of their own.
  bool is_data_row(const GumboElement& row) const {
    int cells = 0;
    for (unsigned i = 0; i < row.children.length; ++i) {
      const GumboNode* kid = static_cast<const GumboNode*>(row.children.data[i]);
      if (kid->type != GUMBO_NODE_ELEMENT) continue;
      const GumboTag tag = kid->v.element.tag;
      if (tag != GUMBO_TAG_TD && tag != GUMBO_TAG_TH) return false;
      int words = 0;
      // A header cell may wrap its label ("Electoral<br>percent").
      const bool header = tag == GUMBO_TAG_TH;
      if (!inline_only(kid, 0, &words, header) || words > lexicon_.weights().table_row_cell_max_words) return false;
      ++cells;
    }
    return cells >= 2;
  }

  // Only text and inline elements under `node` (and <br> when `allow_br`);
  // counts its words.
  static bool inline_only(const GumboNode* node, int depth, int* words, bool allow_br = false) {
    if (node->type == GUMBO_NODE_TEXT) { *words += count_words(node->v.text.text); return true; }
    if (node->type != GUMBO_NODE_ELEMENT) return true;
    const GumboElement& el = node->v.element;
    if (is_skipped_tag(el.tag) || is_hidden(el)) return true;  // never shown: the walk skips it too
    if (depth > 0 && (is_block_tag(el.tag) || (el.tag == GUMBO_TAG_BR && !allow_br) || el.tag == GUMBO_TAG_TABLE))
      return false;
    if (depth > kDataCellMaxDepth) return false;
    for (unsigned i = 0; i < el.children.length; ++i) {
      if (!inline_only(static_cast<const GumboNode*>(el.children.data[i]), depth + 1, words, allow_br)) return false;
    }
    return true;
  }

  static int count_words(std::string_view text) {
    int words = 0;
    bool in_word = false;
    for (char c : text) {
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
      if (!space && !in_word) ++words;
      in_word = !space;
    }
    return words;
  }

  // The row is the block (kind "td", as a cell would be); its cells are
  // walked as inline text with a space between them.
  void walk_data_row(const GumboElement& row, const Owner& owner, int depth) {
    flush(owner);
    Owner inner = owner;
    enter_block(row, inner);
    inner.kind = "td";
    inner.table_row = true;
    for (unsigned i = 0; i < row.children.length; ++i) {
      const GumboNode* cell = static_cast<const GumboNode*>(row.children.data[i]);
      if (cell->type != GUMBO_NODE_ELEMENT || is_hidden(cell->v.element)) continue;
      add_text(" ", inner);
      walk_children(cell->v.element.children, inner, depth + 1);
    }
    flush(inner);
  }

  // <annotation> in MathML holds the formula's source (TeX) for machines.
  static bool is_math_annotation(const GumboElement& el) {
    return el.tag_namespace == GUMBO_NAMESPACE_MATHML && el.tag == GUMBO_TAG_UNKNOWN &&
           el.original_tag.length >= 11 && std::strncmp(el.original_tag.data + 1, "annotation", 10) == 0;
  }

  void walk_children(const GumboVector& kids, const Owner& owner, int depth) {
    for (unsigned i = 0; i < kids.length; ++i) walk(static_cast<const GumboNode*>(kids.data[i]), owner, depth + 1);
  }

  void enter_block(const GumboElement& el, Owner& inner) {
    const int parent = inner.container;
    const int depth = parent >= 0 ? page_.containers[parent].depth + 1 : 0;
    inner.container = static_cast<int>(page_.containers.size());
    page_.containers.push_back({parent, depth});
    if (el.tag == GUMBO_TAG_PRE || el.tag == GUMBO_TAG_LISTING || el.tag == GUMBO_TAG_XMP) ++inner.pre_depth;
    if (inner.pre_depth == 0 || el.tag == GUMBO_TAG_PRE) {
      inner.kind = block_kind(el.tag);
      inner.heading_level = heading_level(el.tag);
      inner.is_p = el.tag == GUMBO_TAG_P;
    }
    // Each attribute is matched on its own, as the pre-scan does.
    std::string matched;
    int h = 0;
    const bool hinted_element = el.tag != GUMBO_TAG_BODY && el.tag != GUMBO_TAG_HTML;
    for (const char* name : {"class", "id", "role"}) {
      const char* v = attr(el, name);
      if (!v || !hinted_element || (std::strcmp(name, "id") == 0 && is_heading_slug(v))) continue;  // see html_attributes.h
      h += lexicon_.class_hint(v, &matched);
    }
    if (is_hinting_tag(el.tag) && hinted_element) h += lexicon_.class_hint(gumbo_normalized_tagname(el.tag), &matched);
    if (matched.find("caption") != std::string::npos || matched.find("credit") != std::string::npos) {
      inner.in_caption = true;
    }
    if (h != 0) {
      (h > 0 ? inner.hint_pos : inner.hint_neg) += h;
      if (!inner.hint_names.empty()) inner.hint_names += ' ';
      inner.hint_names += matched;
    }
    if (el.tag == GUMBO_TAG_FIGCAPTION) inner.in_caption = true;
    const char* itemprop = attr(el, "itemprop");
    const bool stated_body = itemprop && contains_ci(itemprop, "articlebody");
    // The schema.org name as a class ("aksa-articleBody") states it too.
    if (stated_body || has_word(matched, "articlebody")) inner.in_stated_body = true;
    if (el.tag == GUMBO_TAG_ARTICLE || el.tag == GUMBO_TAG_MAIN || stated_body) {
      // Negative hints above the page's main element (<main>, the stated
      // body, or the first <article>: later ones are often teasers) name the
      // layout ("container penci_sidebar" holds the post and its sidebar).
      // Inside a related or comments section it is a teaser or a comment.
      const bool main_element = (el.tag != GUMBO_TAG_ARTICLE || !seen_article_) && !under_end_section(inner);
      if (el.tag == GUMBO_TAG_ARTICLE) seen_article_ = true;
      if (!inner.in_article && main_element) inner.hint_neg = 0;
      inner.in_article = true;
    }
  }

  bool under_end_section(const Owner& owner) const {
    std::string_view names = owner.hint_names;
    while (!names.empty()) {
      const std::size_t space = names.find(' ');
      const std::string_view name = names.substr(0, space);
      if (lexicon_.is_end_hint(name) || lexicon_.is_thread_hint(name)) return true;
      if (space == std::string_view::npos) break;
      names.remove_prefix(space + 1);
    }
    return false;
  }

  void add_text(const char* text, const Owner& owner) { add_text(std::string_view(text), owner); }
  void add_text(std::string_view text, const Owner& owner) {
    if (text.empty()) return;
    if (!buffer_.empty() && owner.container != buffer_owner_.container) flush(buffer_owner_);
    if (buffer_.empty()) buffer_owner_ = owner;
    buffer_ += text;
    if (link_depth_ > 0) link_chars_ += count_collapsed_chars(text);
    if (bold_depth_ > 0) bold_chars_ += count_collapsed_chars(text);
    if (!is_blank(text)) {
      has_text_ = true;
      pending_breaks_ = 0;
    }
  }

  void line_break(const Owner& owner) {
    if (owner.pre_depth > 0) { buffer_ += '\n'; return; }
    if (++pending_breaks_ >= 2 && has_text_) { flush(owner); return; }
    if (has_text_) soft_breaks_.push_back({buffer_.size(), link_chars_, bold_chars_});
    buffer_ += ' ';
  }

  void flush(const Owner&) {
    if (has_text_) {
      const Owner& o = buffer_owner_;
      if (o.pre_depth == 0 && o.heading_level == 0 && !soft_breaks_.empty()) {
        emit_split_at_single_breaks();
      } else {
        emit(o.pre_depth > 0 ? tidy_preformatted(buffer_) : collapse_whitespace(buffer_), link_chars_);
      }
    }
    buffer_.clear();
    soft_breaks_.clear();
    link_chars_ = 0;
    bold_chars_ = 0;
    pending_breaks_ = 0;
    has_text_ = false;
  }

  // A paragraph whose lines a single <br> parts keeps two kinds of line
  // apart as blocks of their own: an editor's pointer ("...<br><strong>Read
  // also: <a>headline</a></strong><br>..."), so the classifier drops it and
  // the paragraph's text around it stays; and a short line set in bold
  // between paragraphs that only single breaks part ("<br><strong>Why did
  // they change course?</strong><br>The reformists..."), a subheading, so it
  // does not run into the paragraph under it. Other single breaks stay
  // spaces (verse, addresses).
  void emit_split_at_single_breaks() {
    struct Line { std::string text; int link_chars; bool own_block; bool bold; };
    std::vector<Line> lines;
    std::size_t start = 0;
    int links_before = 0, bold_before = 0;
    soft_breaks_.push_back({buffer_.size(), link_chars_, bold_chars_});
    for (const SoftBreak& brk : soft_breaks_) {
      std::string text = collapse_whitespace(std::string_view(buffer_).substr(start, brk.offset - start));
      const int line_links = brk.link_chars - links_before;
      const int line_bold = brk.bold_chars - bold_before;
      start = brk.offset;
      links_before = brk.link_chars;
      bold_before = brk.bold_chars;
      if (text.empty()) continue;
      // A bare "Read more" ends a teaser as often: only "Read also: <headline>" splits.
      const PhraseHit hit = pointer_phrase(text);
      const bool pointer = hit.role == PhraseRole::kReadAlso && hit.has_rest;
      const bool bold = is_bold_line(text, line_bold, line_links);
      lines.push_back({std::move(text), line_links, pointer, bold});
    }
    // A bold line heads the plain line after it; a paragraph all in bold
    // is one paragraph.
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      if (lines[i].bold && !lines[i + 1].bold) lines[i].own_block = true;
    }
    // The lines between pointers join again, as collapse_whitespace would
    // have joined the whole paragraph.
    std::string run;
    int run_links = 0;
    for (Line& line : lines) {
      if (!line.own_block) {
        run += run.empty() ? "" : " ";
        run += line.text;
        run_links += line.link_chars;
        continue;
      }
      if (!run.empty()) emit(std::move(run), run_links);
      run.clear();
      run_links = 0;
      emit(std::move(line.text), line.link_chars);
    }
    if (!run.empty()) emit(std::move(run), run_links);
  }

  // Set in bold from end to end (its characters, bar spaces, inside
  // <strong> or <b>), short enough for a heading, and not a link: a bold
  // link over a line of text is a listing's entry (a link directory, a
  // teaser), which stays one block with its description.
  bool is_bold_line(const std::string& line, int bold_chars, int link_chars) const {
    if (bold_chars == 0) return false;
    const Weights& w = lexicon_.weights();
    const int chars = count_collapsed_chars(line);
    if (bold_chars < w.bold_line_share * chars || link_chars >= w.bold_line_max_link_density * chars) return false;
    int words = 1;
    for (char c : line) words += c == ' ';
    return words <= w.bold_line_max_words;
  }

  PhraseHit pointer_phrase(const std::string& line) const {
    const std::string key = fold_key(line);
    int words = key.empty() ? 0 : 1;
    for (char c : key) words += c == ' ';
    return lexicon_.match_phrase(key, line, words);
  }

  void emit(std::string text, int link_chars) {
    if (text.empty()) return;
    const Owner& o = buffer_owner_;
    Segment seg;
    seg.text = std::move(text);
    seg.kind = o.pre_depth > 0 ? "pre" : o.kind;
    seg.heading_level = o.heading_level;
    seg.is_paragraph_tag = o.is_p;
    seg.link_chars = link_chars;
    seg.hint_pos = o.hint_pos;
    seg.hint_neg = o.hint_neg;
    seg.hint_names = o.hint_names;
    seg.in_article = o.in_article;
    seg.in_caption = o.in_caption;
    seg.container = o.container;
    seg.table_row = o.table_row;
    seg.in_stated_body = o.in_stated_body;
    if (seg.heading_level == 1 && first_h1_.empty()) first_h1_ = seg.text;
    page_.segments.push_back(std::move(seg));
  }

 public:
  const std::string& document_title() const { return html_title_; }
  std::string chosen_title() const {
    if (!og_title_.empty()) return og_title_;
    if (!json_ld_.headline.empty()) return collapse_whitespace(json_ld_.headline);
    if (!first_h1_.empty()) return first_h1_;
    return html_title_;
  }

 private:
  const Lexicon& lexicon_;
  Page& page_;
  std::string buffer_;
  Owner buffer_owner_;
  int link_chars_ = 0;
  int link_depth_ = 0;
  bool seen_article_ = false;  // an <article> element was entered already
  int pending_breaks_ = 0;
  int bold_chars_ = 0;   // characters inside <strong> or <b> in buffer_
  int bold_depth_ = 0;
  // Single <br>s inside the text being gathered: where in buffer_, and how
  // many link and bold characters came before (emit_split_at_single_breaks).
  struct SoftBreak { std::size_t offset; int link_chars; int bold_chars; };
  std::vector<SoftBreak> soft_breaks_;
  bool has_text_ = false;
  std::string og_title_, html_title_, first_h1_;

 public:
  JsonLd json_ld_;
};

}  // namespace

Page segment_html(std::string_view html, const Lexicon& lexicon) {
  StageClock untimed;
  return segment_html(html, lexicon, untimed);
}

Page segment_html(std::string_view html, const Lexicon& lexicon, StageClock& clock, bool cut_invisible) {
  Page page;
  std::string capped = prescan_html(html, PrescanOptions{kMaxNesting, cut_invisible, &lexicon});
  clock.lap(Stage::kPrescan);
  thread_local GumboArena arena;  // batch mode parses on several threads
  const GumboOptions options = arena.options();
  GumboOutput* output = gumbo_parse_with_options(&options, capped.data(), capped.size());
  clock.lap(Stage::kParse);
  if (output) {
    HtmlWalker walker(lexicon, page);
    walker.walk_document(output->document);
    // og:title often ends with the site's name ("Headline - Site"), which
    // the page names in og:site_name: the title is the headline's.
    page.title = title_without_site_name(walker.chosen_title(), page.site_name);
    page.document_title = walker.document_title();
    const JsonLd& ld = walker.json_ld_;
    if (page.date.empty()) page.date = ld.date_published;
    if (page.author.empty()) page.author = ld.author;
    page.declared_body = ld.article_body;
  }
  clock.lap(Stage::kSegment);
  arena.reset();  // the tree goes with it: no gumbo_destroy_output
  clock.lap(Stage::kParse);
  mark_declared_body(page, lexicon.weights().declared_body_trust);
  clock.lap(Stage::kSegment);
  return page;
}

}  // namespace winnow::internal
