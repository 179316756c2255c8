// Soft 404s and empty listings: see not_found_page.h.
#include "not_found_page.h"

namespace winnow::internal {

namespace {

int kept_words(const std::vector<Features>& features, const std::vector<Block>& blocks) {
  int words = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].keep) words += features[i].words;
  }
  return words;
}

// The message stands in the title or a short kept line; a long line that
// mentions a missing page is prose about it, and a line left out (a
// sidebar's "No posts found") is not the page's own word.
bool says_nothing_found(std::string_view title, std::string_view document_title,
                        const std::vector<Features>& features, const Lexicon& lexicon,
                        const std::vector<Block>& blocks) {
  if (lexicon.says_nothing_found(title) || lexicon.says_nothing_found(document_title)) return true;
  const int max_words = static_cast<int>(lexicon.weights().contains_max_words);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].keep && features[i].words <= max_words && lexicon.says_nothing_found(blocks[i].text))
      return true;
  }
  return false;
}

}  // namespace

void drop_not_found_page(std::string_view title, std::string_view document_title,
                         const std::vector<Features>& features, const Lexicon& lexicon,
                         std::vector<Block>& blocks) {
  if (kept_words(features, blocks) > lexicon.weights().not_found_max_kept_words) return;
  if (!says_nothing_found(title, document_title, features, lexicon, blocks)) return;
  for (Block& b : blocks) {
    b.keep = false;
    b.rule = "not-found-page";
  }
}

}  // namespace winnow::internal
