// Byte-level pass over HTML before Gumbo: caps element nesting depth and,
// with cut_invisible, cuts what the walker never reads (see "What
// cut_invisible cuts" below). Both ride on the same token scan and the same
// model of Gumbo's tree: a cut must never change what the walker sees, and
// the model says where svg and template content ends, whether spaces would
// re-open a formatting element, which attributes a tag keeps.
//
// What cut_invisible cuts (61% of a page's bytes are scripts, styles, svg and
// comments; of the rest, most are start tags and attributes):
//  - the text of script (but JSON-LD), style, textarea, iframe, noembed and
//    noframes; the text of comments ("<!---->" stays, text nodes around it
//    stay apart);
//  - svg and template content, when the element closes: "regions". Not an
//    svg where HTML rules ran (an integration point's content may reach
//    outside), nor one the nesting cap cut inside;
//  - attributes no rule reads (html_attributes.h), runs of spaces in text
//    (until a <pre> or <listing>), spaces alone before a visible block;
//  - a <frameset> the tree builder ignores (cut text no longer stops it).
//
// One linear scan over the markup tokens (start/end tags, comments, doctype,
// raw-text elements) keeps a stack of open elements. A start tag that would
// open more than max_depth elements is cut out of the output (its text
// stays), and so is its matching end tag. It is not a tree builder, but it
// follows the HTML rules that change depth, so its count tracks the tree
// Gumbo will build (checked against Gumbo in tests/test_prescan.cpp):
//  - html and body count as open from the start (Gumbo always builds them);
//    html/head/body tags open nothing;
//  - void elements and, in svg/math, `/>` open nothing; svg/math content
//    ends at HTML "breakout" tags and at integration points (foreignObject,
//    mi...), and has no implied end tags; CDATA sections only count there;
//  - script/style/textarea/title/xmp/iframe/noembed/noframes/noscript are
//    skipped to their end tag (script with its "<!--<script>" escapes); they
//    are leaves, so never cut; <plaintext> makes the rest text. <noscript>
//    is raw text as in a browser with scripting, and its content is always
//    cut: Gumbo, parsing without scripting, would take it as markup;
//  - implied end tags: p before blocks, li, dd/dt, option, cells/rows/table
//    sections (with the tbody and tr a browser inserts), headings, <a>;
//  - end tags pop to the matching element within the top 64 entries,
//    stopping at scope walls like a browser, else are ignored;
//  - what the tree builder ignores is ignored: table parts outside a table,
//    most tags inside a select, a form inside a form, anything but frames in
//    a frameset; </form> leaves the form in the tree;
//  - formatting elements (b, i, font, a...) closed implicitly are re-opened
//    by the tree builder at the next text ("<p><b class=x>t<p>" nests one
//    level deeper each time), so they are tracked like Gumbo's list of active
//    formatting elements (markers, the "Noah's ark" limit of three) and count
//    against max_depth until re-opened or removed.
//  - rows, cells and sections of a kept table are never cut (cut, their
//    text would be moved before the table); they add at most three levels.
// So Gumbo's tree stays within max_depth (+3 for table parts, +1 for a void
// or raw-text leaf) on ordinary deep pages; adversarial adoption-agency
// tangles can go somewhat deeper, but not without bound. Runs of identical cut elements are
// run-length encoded, so 100,000 nested divs cost one stack entry. Without
// cuts the output equals the input; a cut never joins a stray '<' with the
// following text into new markup.
#include "html_prescan.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "html_attributes.h"
#include "html_token_scan.h"
#include "word_table.h"

namespace winnow::internal {
namespace {

// ------------------------------------------------------------- tag table

// Tags the rules refer to get fixed ids; other names are interned after them.
enum KnownTag : uint32_t {
  kOther, kP, kLi, kDd, kDt, kOption, kOptgroup, kTd, kTh, kTr, kTbody, kThead, kTfoot,
  kTable, kCaption, kColgroup, kButton, kHtml, kHead, kBody, kSvg, kMath, kA, kPlaintext,
  kH1, kH2, kH3, kH4, kH5, kH6, kAddress, kDiv, kTemplate, kSelect, kScript, kTextarea,
  kFont, kInput, kKeygen, kForm, kFrameset, kFrame, kNoframes, kMeta, kLink, kPre, kListing,
  kRemoved, kNumKnown
};
constexpr std::string_view kKnownNames[kNumKnown] = {
    "",      "p",     "li",   "dd",   "dt",       "option",  "optgroup", "td",    "th",
    "tr",    "tbody", "thead", "tfoot", "table",  "caption", "colgroup", "button", "html",
    "head",  "body",  "svg",  "math", "a",        "plaintext", "h1",     "h2",    "h3",
    "h4",    "h5",    "h6",   "address", "div",   "template", "select", "script",
    "textarea", "font", "input", "keygen", "form", "frameset", "frame", "noframes",
    "meta",  "link", "pre", "listing",
    " removed"};  // an element off Gumbo's stack that is still an ancestor in its tree

enum TagFlag : uint32_t {
  kVoid = 1 << 0,
  kRawText = 1 << 1,
  kSpecial = 1 << 2,      // HTML "special" category
  kScopeWall = 1 << 3,    // ends the default scope
  kTableWall = 1 << 4,    // ends table scope
  kListWall = 1 << 5,     // ends list-item scope (in addition to kScopeWall)
  kClosesP = 1 << 6,      // start tag closes an open <p>
  kHeading = 1 << 7,
  kTableItem = 1 << 8,    // td th tr tbody thead tfoot caption colgroup table
  kFormatting = 1 << 9,   // re-opened by the tree builder after implicit closes
  kMarker = 1 << 10,      // bounds the re-opening (cells, captions, objects...)
  kRebuilds = 1 << 11,    // special elements whose start tag re-opens formatting
  kBreakout = 1 << 12,    // start tag leaves svg/math content
  kSvgIntegration = 1 << 13,   // svg element whose content is HTML again
  kMathIntegration = 1 << 14,  // same for math
  kNoFrameset = 1 << 15,       // start tag stops a later <frameset> replacing the body
  kHeadContent = 1 << 16,      // may come before the body starts
  kHiddenRawText = 1 << 17,    // raw text the walker never reads (cut with cut_invisible)
  kKeepsAttributes = 1 << 18,  // all its attributes matter to the tree builder
  kWalkerBlock = 1 << 19,      // the walker reads its hints (html_attributes.h)
  kScriptingHidden = 1 << 20,  // raw text a browser with scripting never shows: always cut
};

struct FlagList {
  uint32_t flag;
  std::string_view names;  // space separated
};
constexpr FlagList kFlagLists[] = {
    {kVoid, "area base basefont bgsound br col embed frame hr image img input keygen link "
            "menuitem meta param source track wbr"},
    // noscript too: Gumbo parses without scripting (its content would be
    // markup), browsers with it, as readers see pages, take it as raw text.
    // An unclosed <noscript><div> would otherwise swallow the page.
    {kRawText, "script style textarea title xmp iframe noembed noframes noscript"},
    {kScriptingHidden, "noscript"},
    {kSpecial, "address applet area article aside base basefont bgsound blockquote body br "
               "button caption center col colgroup dd details dir div dl dt embed fieldset "
               "figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header "
               "hgroup hr html iframe img input keygen li link listing main marquee menu meta "
               "nav noembed noframes noscript object ol p param plaintext pre script search "
               "section select source style summary table tbody td template textarea tfoot th "
               "thead title tr track ul wbr xmp mi mo mn ms mtext annotation-xml foreignobject "
               "desc"},
    {kScopeWall, "applet caption html table td th marquee object template mi mo mn ms mtext "
                 "annotation-xml foreignobject desc title"},
    {kTableWall, "html table template"},
    {kListWall, "ol ul"},
    {kClosesP, "address article aside blockquote center details dialog dir div dl fieldset "
               "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr listing main "
               "menu nav ol p plaintext pre search section summary table ul li dd dt xmp"},
    {kHeading, "h1 h2 h3 h4 h5 h6"},
    {kTableItem, "td th tr tbody thead tfoot caption colgroup table"},
    {kFormatting, "a b big code em font i nobr s small strike strong tt u"},
    {kMarker, "applet object marquee template td th caption"},
    {kRebuilds, "applet marquee object area br embed img image keygen wbr input button xmp select"},
    {kBreakout, "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 "
                "head hr i img li listing menu meta nobr ol p pre ruby s small span strong "
                "strike sub sup table tt u ul var"},
    {kSvgIntegration, "foreignobject desc title"},
    {kMathIntegration, "mi mo mn ms mtext annotation-xml"},
    {kHeadContent, "base basefont bgsound link meta title style script noscript template "
                   "noframes head html"},
    {kHiddenRawText, "script style textarea iframe noembed noframes"},
    // Formatting elements (but a, of which one at most is active) are
    // compared attribute by attribute for the "Noah's ark" rule; isindex
    // shows its prompt; svg and math start foreign content, left alone.
    {kKeepsAttributes, "b big code em font i nobr s small strike strong tt u isindex svg math"},
    {kWalkerBlock, kBlockElements},
    {kNoFrameset, "applet marquee object table area br embed img keygen wbr input hr textarea "
                  "xmp iframe select pre listing li dd dt button body template image"},
};

constexpr size_t kMaxNameLen = 64;      // longer tag names are compared by prefix
constexpr size_t kMaxInterned = 20000;  // beyond this, new names share kOther
constexpr size_t kSearchDepth = 64;     // how far down the stack an end tag looks
constexpr size_t kMaxEntries = 1 << 20; // cap on tracked cut elements (20 MiB)
// Spaces before blocks are dropped only this far from the root: well below
// the depth (400) past which the walker reads subtrees as flat text.
constexpr size_t kShallowDepth = 200;

class TagTable {
 public:
  // The known tags and their flags, built once; each pre-scan copies it and
  // interns the page's other names in its copy.
  static const TagTable& known() {
    static const TagTable table;
    return table;
  }

  TagTable() {
    for (uint32_t id = 0; id < kNumKnown; ++id) add(kKnownNames[id]);
    for (const FlagList& list : kFlagLists) {
      std::string_view names = list.names;
      while (!names.empty()) {
        size_t sp = names.find(' ');
        flags_[intern(names.substr(0, sp))] |= list.flag;
        names.remove_prefix(sp == names.npos ? names.size() : sp + 1);
      }
    }
  }

  // Id for a lower-case tag name, adding it if new.
  uint32_t intern(std::string_view name) {
    if (const uint32_t* id = ids_.find(name)) return *id;
    if (full()) return kOther;
    return add(name);
  }

  // Id for a lower-case tag name, kOther if never seen (end tags use this).
  uint32_t lookup(std::string_view name) {
    const uint32_t* id = ids_.find(name);
    return id ? *id : kOther;
  }

  uint32_t flags(uint32_t id) const { return flags_[id]; }

  // When full, unseen names all share kOther (so kOther end tags must match).
  bool full() const { return flags_.size() >= kMaxInterned; }

 private:
  uint32_t add(std::string_view name) {
    uint32_t id = uint32_t(flags_.size());
    ids_[name] = id;
    flags_.push_back(0);
    return id;
  }

  StringTable<uint32_t> ids_;
  std::vector<uint32_t> flags_;  // one per id
};

// ------------------------------------------------------------- scanning

bool is_alpha(char c) { return is_ascii_alpha(c); }
bool is_space(char c) { return is_html_space(c); }
char lower(char c) { return ascii_lower(c); }

// ------------------------------------------- active formatting elements

// Gumbo's "list of active formatting elements", reduced to what matters for
// depth: kept formatting elements, open or closed implicitly ("dangling":
// the tree builder re-opens them at the next text or inline start tag), and
// the markers (td, th, caption...) that bound the re-opening. A doubly linked
// list in a pool with a free list; refs carry a serial so stale ones are
// recognised after removal. Searches look at 64 entries at most.
class FormattingList {
 public:
  static constexpr uint32_t kNil = UINT32_MAX;
  struct Ref {
    uint32_t node = kNil;
    uint32_t serial = 0;
  };

  // Appends an open formatting element, or a marker.
  Ref add(uint32_t id, uint64_t attrs, bool marker) {
    uint32_t n;
    if (!free_.empty()) {
      n = free_.back();
      free_.pop_back();
    } else {
      n = uint32_t(nodes_.size());
      nodes_.push_back({});
    }
    Node& node = nodes_[n];
    node.id = id;
    node.attrs = attrs;
    node.marker = marker;
    node.open = true;
    node.live = true;
    node.prev = tail_;
    node.next = kNil;
    (tail_ == kNil ? head_ : nodes_[tail_].next) = n;
    tail_ = n;
    return {n, node.serial};
  }

  bool valid(Ref r) const {
    return r.node != kNil && nodes_[r.node].live && nodes_[r.node].serial == r.serial;
  }
  bool is_marker(Ref r) const { return nodes_[r.node].marker; }
  bool is_open(Ref r) const { return nodes_[r.node].open; }
  size_t dangling() const { return dangling_; }

  // The element was popped without its own end tag.
  void close(Ref r) {
    Node& node = nodes_[r.node];
    if (node.open && !node.marker) {
      node.open = false;
      ++dangling_;
    }
  }

  void remove(Ref r) {
    if (!valid(r)) return;
    Node& node = nodes_[r.node];
    if (!node.open && !node.marker) --dangling_;
    (node.prev == kNil ? head_ : nodes_[node.prev].next) = node.next;
    (node.next == kNil ? tail_ : nodes_[node.next].prev) = node.prev;
    node.live = false;
    ++node.serial;
    free_.push_back(r.node);
  }

  // Removes entries from the end up to and including `marker`.
  void clear_to_marker(Ref marker) {
    if (!valid(marker)) return;
    while (tail_ != kNil) {
      const bool last = tail_ == marker.node;
      remove({tail_, nodes_[tail_].serial});
      if (last) break;
    }
  }

  // Newest entry for `id` after the last marker, if any.
  Ref find(uint32_t id) const {
    size_t seen = 0;
    for (uint32_t n = tail_; n != kNil && seen < kSearchDepth; n = nodes_[n].prev, ++seen) {
      if (nodes_[n].marker) break;
      if (nodes_[n].id == id) return {n, nodes_[n].serial};
    }
    return {};
  }

  // "Noah's ark": with three entries of the same tag and attributes after the
  // last marker already, the earliest goes before a fourth is added.
  void make_room_for(uint32_t id, uint64_t attrs) {
    size_t seen = 0, same = 0;
    uint32_t earliest = kNil;
    for (uint32_t n = tail_; n != kNil && seen < kSearchDepth; n = nodes_[n].prev, ++seen) {
      if (nodes_[n].marker) break;
      if (nodes_[n].id == id && nodes_[n].attrs == attrs) ++same, earliest = n;
    }
    if (same >= 3) remove({earliest, nodes_[earliest].serial});
  }

  // Re-opens the dangling entries after the last open entry or marker,
  // oldest first, calling reopened(id, ref) for each.
  template <class F>
  void reopen(F reopened) {
    if (dangling_ == 0) return;
    uint32_t n = tail_;
    while (n != kNil && !nodes_[n].marker && !nodes_[n].open) n = nodes_[n].prev;
    for (n = (n == kNil ? head_ : nodes_[n].next); n != kNil; n = nodes_[n].next) {
      nodes_[n].open = true;
      --dangling_;
      reopened(nodes_[n].id, Ref{n, nodes_[n].serial});
    }
  }

 private:
  struct Node {
    uint32_t id = 0, prev = kNil, next = kNil, serial = 0;
    uint64_t attrs = 0;
    bool marker = false, open = false, live = false;
  };
  std::vector<Node> nodes_;
  std::vector<uint32_t> free_;
  uint32_t head_ = kNil, tail_ = kNil;
  size_t dangling_ = 0;
};

uint64_t hash_bytes(std::string_view s) {  // FNV-1a
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

// ------------------------------------------------------------- the capper

// Predicates for NestingCapper::find_open.
auto is_tag(uint32_t want) {
  return [want](uint32_t id, uint32_t) { return id == want; };
}
bool no_wall(uint32_t, uint32_t) { return false; }

class NestingCapper {
 public:
  NestingCapper(std::string_view html, const PrescanOptions& options)
      : in_(html),
        max_(options.max_depth < 0 ? 0 : size_t(options.max_depth)),
        cut_invisible_(options.cut_invisible),
        hints_(options.hints) {
    // Gumbo always builds html and body: count them from the start.
    push_implied(kHtml);
    push_implied(kBody);
  }

  std::string run() {
    size_t pos = 0;
    while (pos < in_.size()) {
      size_t lt = in_.find('<', pos);
      if (lt == in_.npos) break;
      if (lt > pos) text(pos, lt);
      pos = markup(lt);
    }
    if (region_.open) close_region(in_.size());  // an svg or template open at the end
    if (!any_cut_) return std::string(in_);
    out_.append(in_.substr(copied_));
    return std::move(out_);
  }

 private:
  // Where an element sits as Gumbo sees it: HTML, svg/math content, or an
  // svg/math element whose content is HTML again (foreignObject, mi...).
  enum Ns : uint8_t { kHtmlNs, kSvgNs, kMathNs, kIntegrationNs };
  struct Context {
    uint32_t id = kOther;  // the element's tag
    Ns ns = kHtmlNs;
    bool in_select = false;
    bool in_table = false;
    bool in_template = false;
    bool in_frameset = false;
  };

  struct Entry {
    uint32_t id;
    uint32_t count;  // > 1 only for runs of cut elements
    bool kept;
    FormattingList::Ref afe;  // kept formatting elements and markers
  };

  // --- tokens; each returns the position after the token

  size_t markup(size_t lt) {
    token_start_ = lt;
    const size_t p = lt + 1;
    if (p >= in_.size()) return in_.size();
    const char c = in_[p];
    if (c == '!') return bang(lt);
    if (c == '?') return after_gt(p);  // bogus comment
    if (c == '/') {
      if (p + 1 < in_.size() && is_alpha(in_[p + 1])) return end_tag(lt);
      return after_gt(p);  // "</>" or a bogus comment
    }
    if (is_alpha(c)) return start_tag(lt);
    text(lt, p);  // a lone '<' is text
    return p;
  }

  size_t after_gt(size_t pos) const {
    size_t gt = in_.find('>', pos);
    return gt == in_.npos ? in_.size() : gt + 1;
  }

  // Comments, doctype, CDATA (in svg/math) and other "<!" bogus comments.
  size_t bang(size_t lt) {
    if (in_.compare(lt, 4, "<!--") == 0) {
      const RawTextEnd comment = comment_end(in_, lt);
      if (cutting() && comment.content_end > lt + 4) cut(lt + 4, comment.content_end);
      return comment.after;
    }
    // CDATA sections exist where Gumbo's current node is not an HTML
    // element: svg/math content, integration points included.
    if (!kept_ctx_.empty() && kept_ctx_.back().ns != kHtmlNs && in_.compare(lt, 9, "<![CDATA[") == 0) {
      size_t end = in_.find("]]>", lt + 9);
      return end == in_.npos ? in_.size() : end + 3;
    }
    return after_gt(lt + 2);
  }

  // Reads the tag name at pos into name_ (lower case); returns its end.
  size_t read_name(size_t pos) {
    name_.clear();
    while (pos < in_.size() && !is_space(in_[pos]) && in_[pos] != '/' && in_[pos] != '>') {
      if (name_.size() < kMaxNameLen) name_ += lower(in_[pos]);
      ++pos;
    }
    return pos;
  }

  size_t start_tag(size_t lt) {
    bool self_closing = false;
    const size_t name_end = read_name(lt + 1);
    attributes_.clear();
    const size_t end = scan_tag(in_, name_end, self_closing,
                                [this](const AttributeSpan& a) { attributes_.push_back(a); });
    if (end == in_.npos) return in_.size();  // truncated tag at EOF: Gumbo drops it
    const uint32_t id = tags_.intern(name_);
    const uint32_t f = tags_.flags(id);
    const std::string_view attrs = in_.substr(name_end, end - name_end);
    if (id == kPre || id == kListing) seen_preformatted_ = true;
    if (in_select() && !select_allows(id, f)) return ignored(lt, end);
    if (in_foreign() && breaks_out(id, f, attrs)) {
      while (in_foreign()) pop_entry();
    }
    if (in_foreign()) {  // svg/math content: no HTML rules, `/>` closes
      if (!self_closing) open_element(lt, end, id, attrs, false);
      return end;
    }
    // HTML rules inside svg (an integration point such as foreignObject) may
    // touch the tree outside it: that svg's content is not cut.
    if (region_.open && region_.id == kSvg) region_.risky = true;
    // A frameset replaces the body if nothing much came before it; inside
    // one only frameset, frame and noframes count.
    if (in_frameset() && id != kFrameset && id != kFrame && id != kNoframes)
      return ignored(lt, end);
    if (id == kFrameset && !in_frameset()) {
      // Before the body starts a frameset is always taken.
      if ((body_started_ && !frameset_ok_) || in_template()) return ignored_frameset(lt, end);
      while (stack_.size() > 1) pop_entry();
      frameset_ok_ = false;
    }
    if ((f & kNoFrameset) && !(id == kInput && is_hidden_input())) frameset_ok_ = false;
    if (!(f & kHeadContent) && !in_template()) body_started_ = true;
    const bool rebuilds = !(f & kSpecial) || (f & kRebuilds);
    if ((f & kVoid) || (self_closing && (id == kSvg || id == kMath))) {
      close_implied(id, f);  // <hr> closes a <p>
      if (rebuilds) reopen_formatting();
      drop_unread_attributes(lt, name_end, end, id, f, self_closing);
      return end;
    }
    if (id == kPlaintext || (f & kRawText)) {
      close_implied(id, f);  // <xmp>, <plaintext> close a <p>
      if (id == kPlaintext) return in_.size();  // the rest is text
      if (rebuilds) reopen_formatting();
      const bool hide = (f & kHiddenRawText) && !(id == kScript && is_json_ld());
      drop_unread_attributes(lt, name_end, end, id, f, self_closing);
      return raw_text(end, id, hide, f & kScriptingHidden);
    }
    if (id == kHtml || id == kHead || id == kBody) {  // already open / a leaf
      drop_unread_attributes(lt, name_end, end, id, f, self_closing);
      return end;
    }
    if ((f & kTableItem) && id != kTable && !in_table() && !current_is(kTemplate))
      return ignored(lt, end);  // cells, rows... outside a table
    if (id == kForm && form_open_ && !in_template()) return ignored(lt, end);  // form in a form
    close_implied(id, f);
    if (rebuilds) reopen_formatting();
    if (open_element(lt, end, id, attrs, true)) {
      drop_spaces_before_block(lt, f);
      drop_unread_attributes(lt, name_end, end, id, f, self_closing);
    }
    return end;
  }

  // A start tag the tree builder ignores. Inside cut elements it is cut too:
  // it may have meant something there (a <td> of a cut table).
  size_t ignored(size_t lt, size_t end) {
    if (!stack_.empty() && !stack_.back().kept) cut(lt, end);
    return end;
  }

  // Pushes the element of the start tag in_[lt, end), cutting the tag if
  // that would go deeper than max_depth; returns whether it is kept. An svg
  // or template opened by HTML rules starts a region whose content is cut.
  bool open_element(size_t lt, size_t end, uint32_t id, std::string_view attrs, bool html_rules) {
    const bool keep = has_room_for(id);
    push(id, keep, hash_bytes(attrs));
    if (!keep) cut(lt, end);
    if (keep && id == kForm) form_open_ = true;
    if (keep && html_rules && (id == kSvg || id == kTemplate) && cutting())
      region_ = {true, id, end, stack_.size() - 1, false};
    return keep;
  }

  // In a select the tree builder ignores most start tags; some close it.
  bool select_allows(uint32_t id, uint32_t f) {
    if (id == kSelect) {  // acts as </select>
      close_select();
      return false;
    }
    if (id == kInput || id == kKeygen || id == kTextarea || ((f & kTableItem) && in_table())) {
      close_select();
      return true;
    }
    return id == kOption || id == kOptgroup || id == kScript || id == kTemplate;
  }

  size_t end_tag(size_t lt) {
    bool self_closing = false;
    const size_t end = scan_tag_end(in_, read_name(lt + 2), self_closing);
    if (end == in_.npos) return in_.size();
    const uint32_t id = tags_.lookup(name_);
    // An end tag that HTML rules handle inside svg content may close
    // elements outside it: that svg's content is not cut.
    if (region_.open && region_.id == kSvg && !kept_ctx_.empty() && kept_ctx_.back().ns == kHtmlNs)
      region_.risky = true;
    if ((id == kOther && !tags_.full()) || id == kHtml || id == kBody)
      return end;  // ignored for counting
    if (in_frameset() && id != kFrameset) return end;
    if (in_select() && id != kSelect && id != kOption && id != kOptgroup && id != kTemplate &&
        !((tags_.flags(id) & kTableItem) && in_table()))
      return end;  // ignored in a select
    if (id == kForm) return form_end_tag(lt, end);
    size_t idx = in_foreign() ? find_foreign_open(id) : npos;
    if (idx == npos) idx = find_open_for_end_tag(id);
    if (idx == npos) {
      // Ignored, but inside cut elements, without which Gumbo might act on
      // it (a </td> that a cut <table> hid would close the outer cell): cut.
      if (!stack_.empty() && !stack_.back().kept) {
        cut(lt, end);
        return end;
      }
      // A formatting element closed earlier by something else leaves the
      // list of active formatting elements.
      if (tags_.flags(id) & kFormatting) {
        FormattingList::Ref r = afe_.find(id);
        if (afe_.valid(r) && !afe_.is_open(r)) afe_.remove(r);
      }
      return end;
    }
    if (!in_foreign()) drop_spaces_before_block_end(lt, stack_[idx]);
    const bool kept = stack_[idx].kept;
    const FormattingList::Ref r = stack_[idx].afe;
    if (kept && afe_.valid(r) && !afe_.is_marker(r)) afe_.remove(r);  // closed properly
    pop_to(idx);
    if (!kept) cut(lt, end);
    return end;
  }

  // </form> takes the form element out of Gumbo's stack, leaving what is
  // open inside it open, and in the tree: it still counts for depth.
  size_t form_end_tag(size_t lt, size_t end) {
    const size_t idx =
        find_open(is_tag(kForm), [](uint32_t, uint32_t fl) { return (fl & kScopeWall) != 0; });
    if (idx == npos || stack_[idx].kept) form_open_ = false;
    if (idx == npos) return end;
    if (stack_[idx].kept) {
      count(kForm, -1);
      count(kRemoved, 1);
      stack_[idx].id = kRemoved;
    } else {
      cut(lt, end);
      remove_one(idx);
    }
    return end;
  }

  // Removes one element of entry idx, leaving the entries above it.
  void remove_one(size_t idx) {
    Entry& e = stack_[idx];
    count(e.id, -1);
    if (e.count > 1) {
      --e.count;
      return;
    }
    if (region_.open && idx <= region_.stack_index) {
      region_.risky = true;
      if (idx < region_.stack_index) --region_.stack_index;
      else close_region(token_start_);
    }
    if (e.kept) {
      size_t kept_above = 0;
      for (size_t i = idx + 1; i < stack_.size(); ++i) kept_above += stack_[i].kept;
      kept_ctx_.erase(kept_ctx_.end() - 1 - long(kept_above));
      --kept_;
    }
    stack_.erase(stack_.begin() + long(idx));
  }

  void close_select() { pop_if_found(find_open(is_tag(kSelect), no_wall)); }

  // Content of script, style, title, textarea... runs to its end tag; the
  // content of the hidden ones is cut (with cut_invisible), that of noscript
  // always (Gumbo would parse it as markup).
  size_t raw_text(size_t pos, uint32_t id, bool hide, bool always_cut) {
    const RawTextEnd r = id == kScript ? script_data_end(in_, pos) : raw_text_end(in_, pos, name_);
    const bool cut_it = (hide && cutting()) || (always_cut && !region_.open);
    if (cut_it && r.content_end > pos) cut(pos, r.content_end);
    return r.after;
  }

  // --- what cut_invisible cuts, besides raw text and comment text

  bool cutting() const { return cut_invisible_ && !region_.open; }

  // The value of attribute `name` (lower case) of the start tag being
  // handled ("" if none).
  std::string_view attribute_value(std::string_view name) const {
    for (const AttributeSpan& a : attributes_) {
      const std::string_view text = in_.substr(a.begin, a.end - a.begin);
      const size_t name_length = a.name_end - a.begin;
      if (name_length != name.size()) continue;
      bool same = true;
      for (size_t i = 0; i < name_length && same; ++i) same = lower(text[i]) == name[i];
      if (!same) continue;
      std::string_view value = text.substr(name_length);
      while (!value.empty() && (is_space(value.front()) || value.front() == '=')) value.remove_prefix(1);
      if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
        value.remove_prefix(1);
        if (!value.empty()) value.remove_suffix(1);
      }
      return value;  // the first one counts, as in the tokenizer
    }
    return {};
  }

  static bool contains_ci(std::string_view text, std::string_view lower_needle) {
    for (size_t i = 0; i + lower_needle.size() <= text.size(); ++i) {
      size_t k = 0;
      while (k < lower_needle.size() && lower(text[i + k]) == lower_needle[k]) ++k;
      if (k == lower_needle.size()) return true;
    }
    return false;
  }

  // <script type="application/ld+json">: kept, the extractor may read it.
  bool is_json_ld() const { return contains_ci(attribute_value("type"), "ld+json"); }

  // <input type=hidden> neither stops a frameset nor leaves a table.
  bool is_hidden_input() const {
    std::string_view type = attribute_value("type");
    return type.size() == 6 && contains_ci(type, "hidden");
  }

  // How the walker reads the attributes of element `id`.
  static AttributeReader reader_of(uint32_t id, uint32_t f) {
    if (f & kKeepsAttributes) return AttributeReader::kAll;
    if (f & kWalkerBlock) return AttributeReader::kBlock;
    switch (id) {
      case kA: return AttributeReader::kAnchor;
      case kMeta: return AttributeReader::kMeta;
      case kLink: return AttributeReader::kLink;
      case kInput: case kScript: return AttributeReader::kTyped;
      default: return AttributeReader::kOther;
    }
  }

  // Rewrites the kept start tag in_[lt, end) without the attributes no rule
  // reads (html_attributes.h).
  void drop_unread_attributes(size_t lt, size_t name_end, size_t end, uint32_t id, uint32_t f,
                              bool self_closing) {
    if (!cutting() || attributes_.empty()) return;
    relative_.clear();
    for (const AttributeSpan& a : attributes_) relative_.push_back({a.begin - lt, a.name_end - lt, a.end - lt});
    rewritten_.clear();
    if (!append_read_attributes(in_.substr(lt, end - lt), name_end - lt, relative_, self_closing,
                                reader_of(id, f), hints_, rewritten_))
      return;
    begin_output();
    out_.append(in_.substr(copied_, lt - copied_));
    out_.append(rewritten_);
    copied_ = end;
  }

  // Runs of spaces in text become their first character: the walker
  // collapses them anyway, except in <pre> and <listing>, so collapsing stops
  // for good at the first of those.
  bool collapsing_spaces() const { return cutting() && !seen_preformatted_; }

  // Spaces alone between two tags, with no formatting element waiting to be
  // re-opened (spaces in the body would re-open it): before a block's start
  // or end tag the walker trims them, so they can go (Gumbo then builds no
  // node).
  bool may_drop_spaces(size_t begin, size_t end) {
    if (afe_.dangling() != 0 || begin == 0 || in_[begin - 1] != '>' || !block_tag_at(end)) return false;
    for (size_t i = begin; i < end; ++i)
      if (!is_space(in_[i])) return false;
    return true;
  }

  // Does a block element's start or end tag begin at pos? (Else spaces
  // before it are collapsed at once.)
  bool block_tag_at(size_t pos) {
    if (pos + 2 >= in_.size() || in_[pos] != '<') return false;
    const size_t name = in_[pos + 1] == '/' ? pos + 2 : pos + 1;
    if (!is_alpha(in_[name])) return false;
    read_name(name);  // into name_, which the next tag reads again
    return (tags_.flags(tags_.lookup(name_)) & kWalkerBlock) != 0;
  }

  // The kept block element whose start tag begins at lt comes right after
  // droppable spaces: they go, unless the block may be hidden (the walker
  // skips it without a break, so the spaces separate the text around it) or
  // the tree may be deep enough for the walker to read it as flat text.
  void drop_spaces_before_block(size_t lt, uint32_t f) {
    if ((f & kWalkerBlock) && !may_hide(in_, attributes_)) drop_spaces_before(lt);
    droppable_spaces_ = {};
  }

  // The end tag at lt closes a kept block: the spaces before it end the
  // block's text, which the walker trims.
  void drop_spaces_before_block_end(size_t lt, const Entry& closed) {
    if (closed.kept && (tags_.flags(closed.id) & kWalkerBlock)) drop_spaces_before(lt);
    droppable_spaces_ = {};
  }

  void drop_spaces_before(size_t lt) {
    const Span spaces = droppable_spaces_;
    if (spaces.end != lt || copied_ > spaces.begin || kept_ + afe_.dangling() >= kShallowDepth) return;
    cut(spaces.begin, lt);
  }

  void collapse_spaces(size_t begin, size_t end) {
    for (size_t i = begin; i + 1 < end; ++i) {
      if (!is_space(in_[i]) || !is_space(in_[i + 1])) continue;
      size_t run_end = i + 2;
      while (run_end < end && is_space(in_[run_end])) ++run_end;
      cut(i + 1, run_end);
      i = run_end - 1;
    }
  }

  // A <frameset> the tree builder ignores. Cut with cut_invisible: cut text
  // (in svg, in a template) no longer stops it in Gumbo's eyes.
  size_t ignored_frameset(size_t lt, size_t end) {
    if (cut_invisible_) {
      cut(lt, end);
      return end;
    }
    return ignored(lt, end);
  }

  // The svg or template element of the region was popped by the token at
  // token_start_ (or the input ended): its content goes, unless HTML rules
  // ran inside an svg or the nesting cap cut something there.
  void close_region(size_t end) {
    region_.open = false;
    if (region_.risky || copied_ > region_.content_begin || end <= region_.content_begin) return;
    cut(region_.content_begin, end);
  }

  // --- the stack

  uint32_t flags_at(size_t idx) const { return tags_.flags(stack_[idx].id); }

  // Keeps the per-tag open counts that let most searches be skipped.
  void count(uint32_t id, long delta) {
    if (id < kNumKnown) open_[id] += delta;
    if (tags_.flags(id) & kTableItem) table_items_ += delta;
  }

  bool is_open(uint32_t id) const { return open_[id] > 0; }

  void push(uint32_t id, bool kept, uint64_t attrs = 0) {
    if (kept) {
      FormattingList::Ref afe;
      const uint32_t f = tags_.flags(id);
      if (f & kFormatting) {
        afe_.make_room_for(id, attrs);
        afe = afe_.add(id, attrs, false);
      } else if (f & kMarker) {
        afe = afe_.add(id, 0, true);
      }
      kept_ctx_.push_back(context_for(id));
      stack_.push_back({id, 1, true, afe});
      ++kept_;
    } else if (!stack_.empty() && !stack_.back().kept && stack_.back().id == id &&
               stack_.back().count < UINT32_MAX) {
      ++stack_.back().count;
    } else if (stack_.size() < kMaxEntries) {
      stack_.push_back({id, 1, false, {}});
    } else {
      return;  // too many to track: cut, but its end tag will be left alone
    }
    count(id, 1);
  }

  void pop_entry() {
    const Entry e = stack_.back();
    stack_.pop_back();
    if (region_.open && stack_.size() == region_.stack_index) close_region(token_start_);
    if (e.kept) {
      --kept_;
      kept_ctx_.pop_back();
    }
    count(e.id, -long(e.count));
    if (afe_.valid(e.afe)) {  // popped without its own end tag
      if (afe_.is_marker(e.afe)) afe_.clear_to_marker(e.afe);
      else afe_.close(e.afe);
    }
  }

  // Is Gumbo's current node an svg/math element (not an integration point)?
  bool in_foreign() const {
    return !kept_ctx_.empty() && (kept_ctx_.back().ns == kSvgNs || kept_ctx_.back().ns == kMathNs);
  }

  // Is a table open (as Gumbo sees it)?
  bool in_table() const { return !kept_ctx_.empty() && kept_ctx_.back().in_table; }

  // Is Gumbo's current node (the top kept element) an `id`?
  bool current_is(uint32_t id) const { return !kept_ctx_.empty() && kept_ctx_.back().id == id; }

  bool in_frameset() const { return !kept_ctx_.empty() && kept_ctx_.back().in_frameset; }
  bool in_template() const { return !kept_ctx_.empty() && kept_ctx_.back().in_template; }

  // Is Gumbo in its "in select" mode (a select open, no template inside)?
  bool in_select() const { return !kept_ctx_.empty() && kept_ctx_.back().in_select; }

  // The context a new kept element `id` creates for its content.
  Context context_for(uint32_t id) const {
    Context c;
    c.id = id;
    const Ns parent = kept_ctx_.empty() ? kHtmlNs : kept_ctx_.back().ns;
    const uint32_t f = tags_.flags(id);
    if (parent == kSvgNs) c.ns = (f & kSvgIntegration) ? kIntegrationNs : kSvgNs;
    else if (parent == kMathNs) c.ns = (f & kMathIntegration) ? kIntegrationNs : kMathNs;
    else if (id == kSvg) c.ns = kSvgNs;
    else if (id == kMath) c.ns = kMathNs;
    c.in_select = (id == kSelect && c.ns == kHtmlNs) || (id != kTemplate && in_select());
    c.in_table = (id == kTable && c.ns == kHtmlNs) || (id != kTemplate && in_table());
    c.in_template = (id == kTemplate && c.ns == kHtmlNs) || in_template();
    c.in_frameset = (id == kFrameset && c.ns == kHtmlNs) || in_frameset();
    return c;
  }

  // HTML tags that end svg/math content (font only with color/face/size).
  static bool breaks_out(uint32_t id, uint32_t f, std::string_view attrs) {
    if (f & kBreakout) return true;
    if (id != kFont) return false;
    std::string lower_attrs(attrs);
    for (char& c : lower_attrs) c = lower(c);
    for (std::string_view a : {"color", "face", "size"})
      if (lower_attrs.find(a) != std::string::npos) return true;
    return false;
  }

  // What the tree builder does with text in_[begin, end).
  void text(size_t begin, size_t end) {
    if (collapsing_spaces()) {
      if (may_drop_spaces(begin, end)) {
        droppable_spaces_ = {begin, end};  // decided at the next start tag
      } else {
        collapse_spaces(begin, end);
      }
    }
    reopen_formatting();
    if (frameset_ok_ || !body_started_) {
      for (size_t i = begin; i < end; ++i) {
        if (!is_space(in_[i])) {
          frameset_ok_ = false;
          if (!in_template()) body_started_ = true;  // text in a template stays in head
          break;
        }
      }
    }
  }

  // What the tree builder does before text and inline start tags.
  void reopen_formatting() {
    afe_.reopen([this](uint32_t id, FormattingList::Ref ref) {
      kept_ctx_.push_back(context_for(id));
      stack_.push_back({id, 1, true, ref});
      ++kept_;
      count(id, 1);
    });
  }

  // Closes one element of entry idx and everything above it.
  void pop_to(size_t idx) {
    while (stack_.size() > idx + 1) pop_entry();
    Entry& e = stack_[idx];
    if (e.count > 1) {
      --e.count;
      count(e.id, -1);
    } else {
      pop_entry();
    }
  }

  static constexpr size_t npos = size_t(-1);

  // The open element an end tag closes, or npos to ignore it. Special
  // elements close through anything but their scope's walls; other elements
  // ("any other end tag") stop at the first special element.
  size_t find_open_for_end_tag(uint32_t id) const {
    const uint32_t f = tags_.flags(id);
    if (id < kNumKnown && id != kOther && !(f & kHeading) && !is_open(id)) return npos;
    if (id == kTemplate) return find_html_template();
    uint32_t walls = kSpecial;
    if (f & kTableItem) walls = kTableWall;
    else if (f & kSpecial) walls = kScopeWall | (id == kLi ? uint32_t(kListWall) : 0u);
    const size_t limit = stack_.size() > kSearchDepth ? stack_.size() - kSearchDepth : 0;
    for (size_t i = stack_.size(); i-- > limit;) {
      const uint32_t open = stack_[i].id;
      if (open == id || ((f & kHeading) && (flags_at(i) & kHeading))) return i;
      if (id == kP && open == kButton) return npos;
      if (flags_at(i) & walls) return npos;
    }
    return npos;
  }

  // </template> closes the nearest HTML template, whatever is open inside
  // it and however deep (a cut one stands for the one its end tag closes).
  size_t find_html_template() const {
    size_t kept_index = kept_ctx_.size();
    for (size_t i = stack_.size(); i-- > 0;) {
      const bool html = !stack_[i].kept || kept_ctx_[--kept_index].ns == kHtmlNs;
      if (stack_[i].id == kTemplate && html) return i;
    }
    return npos;
  }

  // In svg/math content an end tag closes the nearest svg/math element of
  // its name, looking no further than the first HTML element.
  size_t find_foreign_open(uint32_t id) const {
    const size_t limit = stack_.size() > kSearchDepth ? stack_.size() - kSearchDepth : 0;
    size_t kept_index = kept_ctx_.size();
    for (size_t i = stack_.size(); i-- > limit;) {
      if (stack_[i].kept && kept_ctx_[--kept_index].ns == kHtmlNs) return npos;
      if (stack_[i].id == id) return i;
    }
    return npos;
  }

  // Nearest open element satisfying match(id, flags) within the search depth,
  // giving up at one satisfying wall(id, flags).
  template <class Match, class Wall>
  size_t find_open(Match match, Wall wall) const {
    const size_t limit = stack_.size() > kSearchDepth ? stack_.size() - kSearchDepth : 0;
    for (size_t i = stack_.size(); i-- > limit;) {
      const uint32_t id = stack_[i].id;
      if (match(id, flags_at(i))) return i;
      if (wall(id, flags_at(i))) return npos;
    }
    return npos;
  }

  // The stack entry (within the search depth) of a formatting list entry.
  size_t find_entry(FormattingList::Ref r) const {
    const size_t limit = stack_.size() > kSearchDepth ? stack_.size() - kSearchDepth : 0;
    for (size_t i = stack_.size(); i-- > limit;)
      if (stack_[i].afe.node == r.node && stack_[i].afe.serial == r.serial) return i;
    return npos;
  }

  bool special_above(size_t idx) const {
    for (size_t i = idx + 1; i < stack_.size(); ++i)
      if (flags_at(i) & kSpecial) return true;
    return false;
  }

  void pop_if_found(size_t idx) {
    if (idx != npos) pop_to(idx);
  }

  bool top_is(uint32_t id) const { return !stack_.empty() && stack_.back().id == id; }

  // The implied end tags a start tag causes (HTML "in body" / table rules).
  void close_implied(uint32_t id, uint32_t f) {
    auto is = is_tag;
    if ((f & kClosesP) && is_open(kP)) {
      pop_if_found(find_open(is(kP), [](uint32_t id, uint32_t fl) {
        return (fl & kScopeWall) || id == kButton;
      }));
    }
    if ((f & kHeading) && !stack_.empty() && (flags_at(stack_.size() - 1) & kHeading))
      pop_entry_one();
    // li / dd / dt close their like unless a special element (but address,
    // div, p) is in the way.
    auto special_wall = [](uint32_t id, uint32_t fl) {
      return (fl & kSpecial) && id != kAddress && id != kDiv && id != kP;
    };
    auto table_item = [](uint32_t, uint32_t fl) { return (fl & kTableItem) != 0; };
    auto table_root = [](uint32_t id, uint32_t) { return id == kTemplate || id == kHtml; };
    switch (id) {
      case kLi:
        if (is_open(kLi)) pop_if_found(find_open(is(kLi), special_wall));
        break;
      case kDd:
      case kDt:
        if (is_open(kDd) || is_open(kDt))
          pop_if_found(find_open([](uint32_t i, uint32_t) { return i == kDd || i == kDt; },
                               special_wall));
        break;
      case kOption:
        if (top_is(kOption)) pop_entry_one();
        break;
      case kOptgroup:
        if (top_is(kOption)) pop_entry_one();
        if (top_is(kOptgroup)) pop_entry_one();
        break;
      case kA: {  // an active <a> is closed and forgotten
        FormattingList::Ref r = afe_.find(kA);
        if (afe_.valid(r)) {
          if (afe_.is_open(r)) {
            // Without a special element above it the <a> simply closes;
            // with one, the adoption agency moves things around and the
            // depth stays about the same, so the stack is left alone.
            const size_t i = find_entry(r);
            if (i != npos && !special_above(i)) {
              afe_.remove(r);
              pop_to(i);
            }
          } else {
            afe_.remove(r);
          }
        }
        break;
      }
      case kTd:
      case kTh:
      case kTr: {
        // Close the open cell (and for a row the open row); add the tbody
        // and tr a browser inserts when they are missing.
        if (table_items_ == 0) break;
        size_t i = find_open(table_item, table_root);
        if (i == npos) break;
        if (stack_[i].id == kTd || stack_[i].id == kTh) {
          pop_to(i);
          i = find_open(table_item, table_root);
          if (i == npos) break;
        }
        const uint32_t found = stack_[i].id;
        if (id == kTr) {
          if (found == kTr) pop_to(i);
          else if (found == kTable) push_implied(kTbody);
        } else if (found == kTable) {
          push_implied(kTbody);
          push_implied(kTr);
        } else if (found == kTbody || found == kThead || found == kTfoot) {
          push_implied(kTr);
        }
        break;
      }
      case kTable: {
        // A table straight inside a table (not in a cell) closes it.
        if (!in_table()) break;
        const size_t i = find_open(table_item, table_root);
        if (i == npos || stack_[i].id == kTd || stack_[i].id == kTh || stack_[i].id == kCaption)
          break;
        pop_if_found(find_open(is(kTable), table_root));
        break;
      }
      case kTbody:
      case kThead:
      case kTfoot:
      case kCaption:
      case kColgroup: {
        // Close everything inside the nearest table.
        size_t i = find_open(is(kTable), table_root);
        if (i != npos) {
          while (stack_.size() > i + 1) pop_entry();
        }
        break;
      }
      default:
        break;
    }
  }

  void pop_entry_one() { pop_to(stack_.size() - 1); }

  // An element the tree builder creates without a tag in the input.
  void push_implied(uint32_t id) { push(id, has_room_for(id)); }

  // Would an element `id` stay within max_depth? Open formatting elements
  // that the tree builder will re-open count too. Rows, cells and sections of
  // a kept table are always kept: cut, their text would be moved out of the
  // table ("foster parenting"); they add at most three levels (tbody, tr,
  // td), and a nested table is cut as usual.
  bool has_room_for(uint32_t id) const {
    if (kept_ + afe_.dangling() < max_) return true;
    if (id == kTable || !(tags_.flags(id) & kTableItem) || !in_table()) return false;
    const size_t table = find_open(is_tag(kTable), [](uint32_t, uint32_t) { return false; });
    return table != npos && stack_[table].kept;
  }

  // --- output

  // Removes in_[start, end) from the output. A stray text '<' just before
  // the cut would join what follows into new markup ("<" + cut + "b>"), so
  // it becomes "&lt;", which parses to the same text.
  void cut(size_t start, size_t end) {
    begin_output();
    out_.append(in_.substr(copied_, start - copied_));
    copied_ = end;
    if (!out_.empty() && out_.back() == '<' && end < in_.size()) {
      const char next = in_[end];
      if (is_alpha(next) || next == '/' || next == '!' || next == '?') {
        out_.pop_back();
        out_ += "&lt;";
      }
    }
  }

  // The output is a copy of the input with cuts: reserved once, at the first.
  void begin_output() {
    if (!any_cut_) out_.reserve(in_.size());
    any_cut_ = true;
  }

  // An svg or template element (opened by HTML rules) whose content is cut
  // when it closes: one at a time, the outermost.
  struct Region {
    bool open = false;
    uint32_t id = kOther;
    size_t content_begin = 0;  // after its start tag
    size_t stack_index = 0;    // its entry
    bool risky = false;        // HTML rules ran inside an svg
  };

  std::string_view in_;
  size_t max_;
  bool cut_invisible_;
  const Lexicon* hints_;  // reduces class/id/role of blocks to their hints
  Region region_;
  size_t token_start_ = 0;  // where the token being handled starts
  std::vector<AttributeSpan> attributes_;  // of the start tag being handled
  std::vector<AttributeSpan> relative_;    // the same, relative to the tag
  std::string rewritten_;                  // the tag without unread attributes
  bool seen_preformatted_ = false;         // a <pre> or <listing> came
  struct Span {
    size_t begin = 0, end = 0;
  };
  Span droppable_spaces_;  // spaces alone before the current token
  std::string out_;
  size_t copied_ = 0;  // in_[copied_, ...) is not yet in out_
  bool any_cut_ = false;
  TagTable tags_ = TagTable::known();
  std::string name_;
  std::vector<Entry> stack_;
  size_t kept_ = 0;  // kept elements on the stack (all below the cut ones)
  bool form_open_ = false;    // Gumbo's "form element pointer" is set
  bool frameset_ok_ = true;   // a <frameset> would still replace the body
  bool body_started_ = false;  // text or a body element came
  std::vector<Context> kept_ctx_;  // one per kept element on the stack, bottom first
  long table_items_ = 0;  // open table, tr, td...
  long open_[kNumKnown] = {};
  FormattingList afe_;  // kept formatting elements, as Gumbo will track them
};

}  // namespace

std::string prescan_html(std::string_view html, const PrescanOptions& options) {
  return NestingCapper(html, options).run();
}

std::string cap_nesting(std::string_view html, int max_depth) {
  return prescan_html(html, PrescanOptions{max_depth, false});
}

}  // namespace winnow::internal
