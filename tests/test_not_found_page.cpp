// Soft 404s and empty listings have no article (not_found_page.cpp); pages
// that only mention a missing page keep theirs.
#include <gtest/gtest.h>

#include <string>

#include "extract_support.h"
#include "lexicon.h"

using winnow::internal::Lexicon;
using winnow_test::clean;
using winnow_test::clean_html;

namespace {

const char* kParagraph =
    "<p>The harbour board met on Monday evening to discuss the repairs to the old sea wall, which was "
    "damaged by the storms of last winter and has been closed to walkers since January.</p>";

std::string page(const std::string& title, const std::string& body, const std::string& aside = "") {
  return "<html><head><title>" + title + "</title></head><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav>"
         "<article>" + body + "</article><aside>" + aside + "</aside></body></html>";
}

}  // namespace

TEST(NotFoundPage, PhrasesMatchWholeWordsInAnyCase) {
  Lexicon lex;
  EXPECT_TRUE(lex.says_nothing_found("Page Not Found!"));
  EXPECT_TRUE(lex.says_nothing_found("ULHS: page not found"));
  EXPECT_TRUE(lex.says_nothing_found("404"));
  EXPECT_TRUE(lex.says_nothing_found("Oops! That page can’t be found."));
  EXPECT_TRUE(lex.says_nothing_found("عذراً، الصفحة المطلوبة غير موجودة"));
  EXPECT_FALSE(lex.says_nothing_found("Room 404 is on the fourth floor"));  // "404" is a whole-line phrase
  EXPECT_FALSE(lex.says_nothing_found("Subpage not foundational"));
  EXPECT_FALSE(lex.says_nothing_found(""));
}

TEST(NotFoundPage, TitleSaysNotFoundAndLittleIsKept) {
  const std::string html = page("Page not found | The Gazette",
                                "<h1>Sorry</h1><p>We looked everywhere but this address leads nowhere. Try the search "
                                "box or go back to the front page.</p>");
  EXPECT_EQ(clean_html(html), "");
}

TEST(NotFoundPage, EmptyListingHasNoArticle) {
  const std::string html = page("Business | The Gazette",
                                "<p>Sorry.</p><p>There are currently no articles listed under this section. Please "
                                "try another section.</p>");
  EXPECT_EQ(clean_html(html), "");
}

TEST(NotFoundPage, SidebarMessageLeavesAShortArticle) {
  // "No posts found" in a left-out widget is not the page's own word.
  const std::string html = page("Sea wall repairs | The Gazette", kParagraph, "<h3>Archives</h3><p>No posts found.</p>");
  EXPECT_NE(clean_html(html).find("sea wall"), std::string::npos);
}

TEST(NotFoundPage, LongArticleQuotingTheMessageStays) {
  std::string body = "<p>Page not found.</p>";
  for (int i = 0; i < 6; ++i) body += kParagraph;  // about 180 words: more than a 404's template keeps
  const std::string html = page("Why links rot | The Gazette", body);
  EXPECT_NE(clean_html(html).find("sea wall"), std::string::npos);
}

TEST(NotFoundPage, AHeadlineThatMentionsAMissingPageIsNotOne) {
  // A short news item: its title is not the message, its message-like words
  // stand in its third paragraph.
  const std::string html = page("Council website shows error 404 after attack | The Gazette",
                                std::string(kParagraph) + kParagraph + "<p>Visitors saw only a page not found notice.</p>");
  EXPECT_NE(clean_html(html).find("sea wall"), std::string::npos);
  const std::string brief = page("Nothing found in search for missing boat | The Gazette", kParagraph);
  EXPECT_NE(clean_html(brief).find("sea wall"), std::string::npos);
}

TEST(NotFoundPage, TitlePartIsTheMessage) {
  const std::string html = page("ULHS: Page not found", "<p>Try the links on the left of this page or our search.</p>");
  EXPECT_EQ(clean_html(html), "");
}

TEST(NotFoundPage, ScrapedTextOfASoft404IsEmpty) {
  EXPECT_EQ(clean("Home\nNews\n404\nThe page you requested could not be found.\nBack to the front page\n"), "");
}
