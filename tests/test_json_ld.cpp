// JSON-LD: what the publisher states, and how it locates the body.
#include <gtest/gtest.h>

#include "declared_body.h"
#include "json_ld.h"
#include "winnow.h"

using namespace winnow::internal;

TEST(JsonLd, ArticleFieldsFromAGraph) {
  JsonLd ld;
  read_json_ld(R"({"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Harbour News"},
      {"@type":"NewsArticle","headline":"Ferry returns","datePublished":"2024-03-03",
       "author":[{"@type":"Person","name":"Sara Mahmoud"}],"articleBody":"The ferry returned on Monday."}]})",
               &ld);
  EXPECT_EQ(ld.type, "NewsArticle");
  EXPECT_EQ(ld.headline, "Ferry returns");
  EXPECT_EQ(ld.date_published, "2024-03-03");
  EXPECT_EQ(ld.author, "Sara Mahmoud");
  EXPECT_EQ(ld.article_body, "The ferry returned on Monday.");
}

TEST(JsonLd, LongestBodyWinsAndBadJsonIsIgnored) {
  JsonLd ld;
  read_json_ld(R"({"@type":"Article","articleBody":"Short."})", &ld);
  read_json_ld(R"({"@type":"Article","articleBody":"A longer body of the same article."})", &ld);
  read_json_ld(R"({"@type":"Article","articleBody": unterminated)", &ld);
  read_json_ld("\xff\xfe not json", &ld);
  EXPECT_EQ(ld.article_body, "A longer body of the same article.");
}

TEST(DeclaredBody, MarksTheBlocksItContainsAndTrustsGoodCoverage) {
  Page page;
  page.declared_body =
      "<p>The harbour ferry returned to service on Monday after a winter in dry dock.</p>"
      "<p>Commuters lined up before dawn, some of them carrying coffee for the crew.</p>";
  for (const char* text : {"Subscribe to our newsletter for the latest harbour news",
                           "The harbour ferry returned to service on Monday after a winter in dry dock.",
                           "Commuters lined up before dawn, some of them carrying coffee for the crew."}) {
    Segment s;
    s.text = text;
    page.segments.push_back(s);
  }
  double coverage = mark_declared_body(page, 0.6);
  EXPECT_GT(coverage, 0.9);
  EXPECT_FALSE(page.segments[0].in_declared_body);
  EXPECT_TRUE(page.segments[0].outside_declared_body);
  EXPECT_TRUE(page.segments[1].in_declared_body);
  EXPECT_TRUE(page.segments[2].in_declared_body);
}

TEST(DeclaredBody, LowCoverageMarksNothingOutside) {
  Page page;
  page.declared_body = "A body the page does not show at all, written for search engines only.";
  Segment s;
  s.text = "Something else entirely, a paragraph of the page that the statement does not hold.";
  page.segments.push_back(s);
  EXPECT_LT(mark_declared_body(page, 0.6), 0.1);
  EXPECT_FALSE(page.segments[0].in_declared_body);
  EXPECT_FALSE(page.segments[0].outside_declared_body);
}

TEST(DeclaredBody, TitleDateAndAuthorReachTheResult) {
  const std::string html =
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Ferry returns\","
      "\"datePublished\":\"2024-03-03\",\"author\":{\"name\":\"Sara Mahmoud\"}}</script></head><body><p>"
      "The harbour ferry returned to service on Monday after a winter in dry dock, where engineers rebuilt it."
      "</p></body></html>";
  winnow::Options o;
  o.input_type = winnow::InputType::kHtml;
  winnow::Result r = winnow::Extractor(o).extract(html);
  EXPECT_EQ(r.title, "Ferry returns");
  EXPECT_EQ(r.date, "2024-03-03");
  EXPECT_EQ(r.author, "Sara Mahmoud");
}
