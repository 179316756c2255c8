// Pages that say they have nothing to show: a soft 404 ("Page not found"
// served with a 200 inside the site's template), a removed page, an empty
// category or search. They have no article, only menus and an apology.
#pragma once

#include <string_view>
#include <vector>

#include "block_features.h"
#include "lexicon.h"
#include "winnow.h"

namespace winnow::internal {

// When the <title> (`document_title`) or the headline (`title`) is such a
// message (one of its parts between separators), or one of the first two
// kept blocks says it, and the blocks keep at most
// not_found_max_kept_words words, drops every block with the rule
// "not-found-page". `features` are the blocks' own.
void drop_not_found_page(std::string_view title, std::string_view document_title,
                         const std::vector<Features>& features, const Lexicon& lexicon,
                         std::vector<Block>& blocks);

}  // namespace winnow::internal
