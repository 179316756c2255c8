// Soft 404s and empty listings: see not_found_page.h.
#include "not_found_page.h"

#include <string>

#include "page_title.h"

namespace winnow::internal {

namespace {

int kept_words(const std::vector<Features>& features, const std::vector<Block>& blocks) {
  int words = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].keep) words += features[i].words;
  }
  return words;
}

// A title says it when one of its parts between separators is the message
// itself ("Page not found – Site", "ULHS: Page not found", "404"); a
// headline that only mentions one ("Site shows error 404 after attack")
// does not.
bool title_says_nothing_found(std::string_view title, const Lexicon& lexicon) {
  for (std::string_view part : title_parts(title)) {
    if (lexicon.is_nothing_found_message(part)) return true;
  }
  return false;
}

// A soft 404 opens with its apology, maybe under a heading: the first two
// lines the classifier kept are where it says it, counting the menu entries
// a page without an article falls back to only when it kept nothing else.
// Further down, or in a long line, a missing page is something the article
// talks about.
bool first_lines_say_nothing_found(const std::vector<Features>& features, const Lexicon& lexicon,
                                   const std::vector<Block>& blocks) {
  bool kept_on_merit = false;
  for (const Block& b : blocks) kept_on_merit |= b.keep && b.rule != "fallback-no-article";
  const int max_words = static_cast<int>(lexicon.weights().contains_max_words);
  int seen = 0;
  for (std::size_t i = 0; i < blocks.size() && seen < 2; ++i) {
    if (!blocks[i].keep || (kept_on_merit && blocks[i].rule == "fallback-no-article")) continue;
    ++seen;
    if (features[i].words <= max_words && lexicon.says_nothing_found(blocks[i].text)) return true;
  }
  return false;
}

}  // namespace

void drop_not_found_page(std::string_view title, std::string_view document_title,
                         const std::vector<Features>& features, const Lexicon& lexicon,
                         std::vector<Block>& blocks) {
  if (kept_words(features, blocks) > lexicon.weights().not_found_max_kept_words) return;
  const bool says = title_says_nothing_found(title, lexicon) || title_says_nothing_found(document_title, lexicon) ||
                    first_lines_say_nothing_found(features, lexicon, blocks);
  if (!says) return;
  for (Block& b : blocks) {
    b.keep = false;
    b.rule = "not-found-page";
  }
}

}  // namespace winnow::internal
