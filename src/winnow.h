// winnow: separate the article body of a web page (HTML or scraped text)
// from its site chrome, and return clean UTF-8 text.
//
// The one public header of libwinnow. The pipeline behind it is
//   decode -> segment (HTML or text) -> features -> classify -> render
// with one source file per stage under src/.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace winnow {

inline constexpr const char* kVersion = "1.0.0";
inline constexpr int kJsonSchemaVersion = 1;

// kAuto: HTML when it opens with a doctype or <html>, else Markdown when it
// shows Markdown's links, headings or tables, else HTML when well-known tags
// make up a share of it, else scraped text.
enum class InputType { kAuto, kHtml, kText, kMarkdown };

// Which error the extractor should rather make on a doubtful block.
enum class Leaning {
  kBalanced,   // best F1 (default)
  kPrecision,  // rather lose a short paragraph than keep chrome
  kRecall,     // rather keep some chrome than lose text
};

struct Options {
  InputType input_type = InputType::kAuto;
  Leaning leaning = Leaning::kBalanced;
  // Keep readers' comment threads as content (their headings, "Reply"
  // buttons and comment forms still go). Off: after the thread's heading
  // nothing is body.
  bool keep_comments = false;
  std::string encoding;                     // empty: detect (BOM, <meta>, ICU)
  std::vector<std::string> extra_phrases;   // more chrome phrases, one per entry
  std::size_t max_bytes = std::size_t{64} << 20;
  // Blocks to drop even when the classifier keeps them, keyed by the folded
  // text of the block (lower case, punctuation and Arabic letter variants
  // folded: internal::fold_key in src/unicode_text.h); the value becomes the
  // block's rule, e.g. "repeated in 812 of 900 documents". Learned by the
  // batch mode's --learn-repeats. Null: none.
  std::shared_ptr<const std::unordered_map<std::string, std::string>> repeated_blocks;
  // Fill Block::features (what --explain lists: each block's measures and
  // score terms). Formatting them costs about a tenth of an extraction; the
  // winnow command turns it off unless it explains.
  bool describe_blocks = true;
};

enum class Status {
  kOk,           // processed; the body may still be empty (no article found)
  kTooLarge,     // input over Options::max_bytes
  kBinary,       // input is not a text document
  kBadEncoding,  // Options::encoding names no known charset
};

// One block (a paragraph, heading, list item, line of text) and why it was
// kept or dropped.
struct Block {
  std::string text;
  std::string kind;       // "p", "h", "li", "pre", "quote", "td", "caption"
  bool keep = false;
  double score = 0;       // > 0 leans body, < 0 leans chrome
  std::string rule;       // the rule that decided, e.g. "section-cut:tags"
  std::string features;   // the block's features as "name=value" pairs
                          // ("" unless Options::describe_blocks)
};

struct Result {
  Status status = Status::kOk;
  std::string error;        // human-readable, set when status != kOk
  std::string input_type;   // "html", "text" or "markdown"
  std::string encoding;     // the charset the bytes were decoded from
  std::string language;     // ISO 639-1 guess from stop words, "" if unknown
  std::string title;
  std::string url;          // canonical URL, when the page states it
  std::string site_name;
  std::string date;
  std::string author;
  std::vector<Block> blocks;  // every block, kept or not, in document order

  // The kept blocks as paragraphs separated by one blank line, ending in
  // one newline; "" when nothing was kept.
  std::string text() const;
};

// Holds the lexicons (built once) so that many documents can be processed
// cheaply. Thread-safe: extract() may be called from several threads.
class Extractor {
 public:
  explicit Extractor(Options options = {});
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  Result extract(std::string_view bytes) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Renderers over a Result.
std::string render_text(const Result& result, bool with_title);
std::string render_json(const Result& result, bool with_blocks);
// Every block with its features, score, decision and rule, one a line.
std::string render_explain(const Result& result);

}  // namespace winnow
