// The pipeline driver: decode -> sniff -> segment -> features -> classify,
// then the Result with every block, its score, decision and rule.
#include <memory>
#include <stdexcept>

#include "classify.h"
#include "decode.h"
#include "block_features.h"
#include "lexicon.h"
#include "not_found_page.h"
#include "pipeline.h"
#include "segment.h"
#include "sniff.h"
#include "unicode_text.h"
#include "winnow.h"

namespace winnow {

struct Extractor::Impl {
  Options options;
  internal::Lexicon lexicon;
  explicit Impl(Options o) : options(std::move(o)), lexicon(options.extra_phrases, options.keep_comments) {
    if (options.leaning == Leaning::kPrecision) lexicon.lean(+1);
    if (options.leaning == Leaning::kRecall) lexicon.lean(-1);
  }
};

Extractor::Extractor(Options options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Extractor::~Extractor() = default;

namespace {

Result failure(Status status, std::string message) {
  Result r;
  r.status = status;
  r.error = std::move(message);
  return r;
}

// The segmenter the input goes to.
InputType choose_input_type(InputType type, std::string_view text) {
  if (type != InputType::kAuto) return type;
  if (internal::starts_like_html(text)) return InputType::kHtml;
  // Before counting tags: Markdown about web pages quotes them ("<div>" in
  // its code), and looks_like_markdown turns down text whose lines open
  // with tags (an HTML fragment).
  if (internal::looks_like_markdown(text)) return InputType::kMarkdown;
  return internal::looks_like_html(text) ? InputType::kHtml : InputType::kText;
}

const char* input_type_name(InputType type) {
  return type == InputType::kHtml ? "html" : type == InputType::kMarkdown ? "markdown" : "text";
}

// HTML pages repeat their headline as an <h1>: it goes to Result::title
// (printed with --title), not into the body. So does a block of any kind that
// is the headline or the page's <title> word for word ("Headline | Site").
// A block that is only the site's name (og:site_name: the logo's text, a
// masthead) names the site, not the article.
void drop_title_heading(const std::string& title, const internal::Page& page,
                        std::vector<Block>& blocks) {
  const std::string title_key = internal::fold_key(title);
  const std::string document_key = internal::fold_key(page.document_title);
  const std::string site_key = internal::fold_key(page.site_name);
  if (title_key.empty() && site_key.empty()) return;
  bool heading_dropped = false;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const auto& seg = page.segments[i];
    const bool heading_candidate = !heading_dropped && seg.kind == "h" && seg.heading_level <= 2;
    if (!blocks[i].keep && !heading_candidate) continue;  // nothing to drop
    const std::string key = internal::fold_key(blocks[i].text);
    if (key.empty()) continue;
    if (blocks[i].keep && key == site_key) {
      blocks[i].keep = false;
      blocks[i].rule = "site-name";
      continue;
    }
    if (title_key.empty()) continue;
    const bool heading = heading_candidate && title_key.find(key) != std::string::npos;
    if (heading || key == title_key || key == document_key) {
      heading_dropped |= heading;
      blocks[i].keep = false;
      blocks[i].rule = "title";
    }
  }
}

// HTML: the page's description (<meta> og:description) shown in the
// article's header as its standfirst: the first kept block after the title
// says it word for word and sits under a "header" class. A lede that the
// description copies sits with the body, and stays.
void drop_standfirst(const internal::Page& page, std::vector<Block>& blocks) {
  if (page.description.empty()) return;
  std::size_t first = 0;
  while (first < blocks.size() && !blocks[first].keep) ++first;
  if (first == blocks.size() || !internal::has_word(page.segments[first].hint_names, "header")) return;
  const std::string key = internal::fold_key(blocks[first].text);
  if (key.empty() || key != internal::fold_key(page.description)) return;
  blocks[first].keep = false;
  blocks[first].rule = "standfirst";
}

// A block that is nothing but the page's own address (a print or share
// box printing the URL) says nothing of the article.
void drop_page_url(const internal::Page& page, std::vector<Block>& blocks) {
  if (page.url.empty()) return;
  for (Block& block : blocks) {
    if (!block.keep || block.text != page.url) continue;
    block.keep = false;
    block.rule = "page-url";
  }
}

// Options::repeated_blocks: kept blocks whose folded text the batch learned
// as repeated across its documents become chrome, with the learned reason.
void drop_repeated_blocks(const std::unordered_map<std::string, std::string>& repeated,
                          std::vector<Block>& blocks) {
  for (Block& block : blocks) {
    if (!block.keep) continue;
    auto found = repeated.find(internal::fold_key(block.text));
    if (found == repeated.end()) continue;
    block.keep = false;
    block.rule = found->second;
  }
}

}  // namespace

Result Extractor::extract(std::string_view bytes) const {
  internal::StageClock untimed;
  return internal::run_pipeline(impl_->options, impl_->lexicon, bytes, untimed);
}

namespace internal {

Result run_pipeline(const Options& opt, const Lexicon& lexicon, std::string_view bytes,
                    StageClock& clock, bool cut_invisible) {
  if (bytes.size() > opt.max_bytes) {
    return failure(Status::kTooLarge, "input is " + std::to_string(bytes.size()) +
                                          " bytes, over the limit of " + std::to_string(opt.max_bytes));
  }
  internal::Decoded decoded = internal::decode(bytes, opt.encoding);
  clock.lap(Stage::kDecode);
  if (decoded.bad_encoding) return failure(Status::kBadEncoding, "unknown encoding '" + opt.encoding + "'");
  if (decoded.binary) return failure(Status::kBinary, "input is binary, not a text document");

  const InputType type = choose_input_type(opt.input_type, decoded.text);
  const bool html = type == InputType::kHtml;
  internal::Page page = html                          ? internal::segment_html(decoded.text, lexicon, clock, cut_invisible)
                        : type == InputType::kMarkdown ? internal::segment_markdown(decoded.text)
                                                       : internal::segment_text(decoded.text);
  if (!html) internal::join_hard_wrapped_lines(page, lexicon.weights());
  clock.lap(Stage::kSegment);

  Result result;
  result.input_type = input_type_name(type);
  result.encoding = decoded.encoding;
  // The page's words, in buffers each thread reuses from one document to
  // the next.
  thread_local internal::PageWords words;
  words.scan(page, lexicon);
  result.language = internal::detect_language(words, lexicon);
  result.title = page.title;
  result.url = page.url;
  result.site_name = page.site_name;
  result.date = page.date;
  result.author = page.author;

  std::vector<internal::Features> features;
  features.reserve(page.segments.size());
  const int language = lexicon.language_index(result.language);
  for (std::size_t i = 0; i < page.segments.size(); ++i)
    features.push_back(internal::compute_features(page.segments[i], words[i], language, lexicon));
  if (type == InputType::kText) internal::mark_glued_teasers(page, lexicon.weights(), features);
  words.release_if_large();
  clock.lap(Stage::kFeatures);
  bool language_known = !result.language.empty();
  std::string region_why;  // --explain's account of the article region
  std::string* const explain_region = opt.describe_blocks ? &region_why : nullptr;
  std::vector<internal::Decision> decisions =
      internal::classify(page, features, html, language_known, lexicon, explain_region);
  // No article under chrome-named containers that hold the whole page: the
  // names were wrong, so judge the page again without them.
  if (html && internal::kept_almost_nothing(decisions, features, lexicon.weights()) &&
      internal::ignore_page_wide_negative_hints(page, lexicon.weights())) {
    decisions = internal::classify(page, features, html, language_known, lexicon, explain_region);
  }

  result.blocks.reserve(page.segments.size());
  for (std::size_t i = 0; i < page.segments.size(); ++i) {
    Block& b = result.blocks.emplace_back();  // in place: a Block is four strings to move
    b.text = std::move(page.segments[i].text);
    b.kind = page.segments[i].kind;
    b.keep = decisions[i].keep;
    b.score = decisions[i].score;
    b.rule = std::move(decisions[i].rule);
    if (opt.describe_blocks) {
      std::string terms;
      internal::segment_score(page.segments[i], features[i], lexicon.weights(), language_known, &terms);
      b.features = internal::describe(features[i]) + " | " + terms;
      if (!page.segments[i].hint_names.empty()) b.features += " | hints: " + page.segments[i].hint_names;
      if (decisions[i].in_region) b.features += " | region: " + region_why;
    }
  }
  if (html || type == InputType::kMarkdown) drop_title_heading(result.title, page, result.blocks);
  if (html) {
    drop_standfirst(page, result.blocks);
    drop_page_url(page, result.blocks);
  }
  if (opt.repeated_blocks) drop_repeated_blocks(*opt.repeated_blocks, result.blocks);
  internal::drop_not_found_page(result.title, page.document_title, features, lexicon, result.blocks);
  clock.lap(Stage::kClassify);
  return result;
}

}  // namespace internal
}  // namespace winnow
