// Render stage: Result::text(), render_text(), render_json() and
// render_explain() on hand-built Results (no extraction involved).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "winnow.h"

namespace {

using winnow::Block;
using winnow::Result;

Block make_block(std::string text, bool keep, std::string kind = "p", double score = 0,
                 std::string rule = "", std::string features = "") {
  Block block;
  block.text = std::move(text);
  block.kind = std::move(kind);
  block.keep = keep;
  block.score = score;
  block.rule = std::move(rule);
  block.features = std::move(features);
  return block;
}

Result make_result(std::vector<Block> blocks) {
  Result result;
  result.input_type = "html";
  result.encoding = "UTF-8";
  result.blocks = std::move(blocks);
  return result;
}

TEST(Render, KeptBlocksAreParagraphsSeparatedByOneBlankLine) {
  Result result = make_result({make_block("First.", true), make_block("Menu", false),
                               make_block("Second.", true)});
  EXPECT_EQ(result.text(), "First.\n\nSecond.\n");
}

TEST(Render, WhitespaceInsideABlockIsCollapsed) {
  Result result = make_result({make_block("  one\t two \n\n three  ", true)});
  EXPECT_EQ(result.text(), "one two three\n");
}

TEST(Render, PreBlocksKeepTheirLinesWithoutTrailingSpaces) {
  Result result = make_result({make_block("\nint main() {   \n  return 0;\t\n}\n\n", true, "pre"),
                               make_block("After.", true)});
  EXPECT_EQ(result.text(), "int main() {\n  return 0;\n}\n\nAfter.\n");
}

TEST(Render, ZeroWidthSpaceAndBomRemovedZwnjKept) {
  const std::string zwsp = "\xE2\x80\x8B", bom = "\xEF\xBB\xBF", zwnj = "\xE2\x80\x8C";
  Result result = make_result({make_block(bom + "word" + zwsp + "join " + zwsp + " می" + zwnj + "خواهم", true)});
  EXPECT_EQ(result.text(), "wordjoin می" + zwnj + "خواهم\n");
}

// Blocks that need no tidying are copied eight bytes a step: what needs it
// after such a stretch is still tidied.
TEST(Render, TidiesAfterAnAlreadyCollapsedStretch) {
  const std::string zwsp = "\xE2\x80\x8B";
  Result result = make_result({make_block("a clean stretch of words  then a double space", true),
                               make_block("sixteen bytes ok" + zwsp + "joined and a tail\t", true),
                               make_block("clean to the end, nothing to do.", true)});
  EXPECT_EQ(result.text(),
            "a clean stretch of words then a double space\n\nsixteen bytes okjoined and a tail\n\n"
            "clean to the end, nothing to do.\n");
}

TEST(Render, BlocksEmptyAfterCleanupLeaveNoEmptyParagraph) {
  Result result = make_result({make_block("A.", true), make_block(" \xE2\x80\x8B\n ", true),
                               make_block("B.", true)});
  EXPECT_EQ(result.text(), "A.\n\nB.\n");
}

TEST(Render, OutputEndsInExactlyOneNewline) {
  Result result = make_result({make_block("Only paragraph.\n\n\n", true)});
  std::string text = result.text();
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  EXPECT_NE(text.substr(text.size() - 2), "\n\n");
}

TEST(Render, NothingKeptGivesEmptyString) {
  Result result = make_result({make_block("Menu", false), make_block("Footer", false)});
  EXPECT_EQ(result.text(), "");
  EXPECT_EQ(make_result({}).text(), "");
}

TEST(Render, TitleComesFirstWhenAsked) {
  Result result = make_result({make_block("Body.", true)});
  result.title = "  The   Headline ";
  EXPECT_EQ(winnow::render_text(result, true), "The Headline\n\nBody.\n");
  EXPECT_EQ(winnow::render_text(result, false), "Body.\n");
}

TEST(Render, TitleNotRepeatedWhenTheBodyStartsWithIt) {
  Result result = make_result({make_block("The Headline", true, "h"), make_block("Body.", true)});
  result.title = "The Headline";
  EXPECT_EQ(winnow::render_text(result, true), "The Headline\n\nBody.\n");
}

TEST(Render, NoTitleMeansJustTheText) {
  Result result = make_result({make_block("Body.", true)});
  EXPECT_EQ(winnow::render_text(result, true), "Body.\n");
}

TEST(Render, JsonHasEveryFieldAndParsesBack) {
  Result result = make_result({make_block("Kept  text.", true, "p", 1.23456, "body:long"),
                               make_block("Share", false, "li", -1.987, "chrome:phrase", "words=1")});
  result.language = "en";
  result.title = "Title";
  result.url = "https://example.com/a";
  result.site_name = "Example";
  result.date = "2024-01-02";
  result.author = "A. Writer";
  std::string rendered = winnow::render_json(result, false);
  ASSERT_FALSE(rendered.empty());
  EXPECT_EQ(rendered.back(), '\n');
  EXPECT_EQ(rendered.find('\n'), rendered.size() - 1) << "one line of JSON";

  nlohmann::json json = nlohmann::json::parse(rendered);
  EXPECT_EQ(json["schema_version"], winnow::kJsonSchemaVersion);
  EXPECT_EQ(json["winnow_version"], winnow::kVersion);
  EXPECT_EQ(json["input_type"], "html");
  EXPECT_EQ(json["encoding"], "UTF-8");
  EXPECT_EQ(json["language"], "en");
  EXPECT_EQ(json["title"], "Title");
  EXPECT_EQ(json["url"], "https://example.com/a");
  EXPECT_EQ(json["site_name"], "Example");
  EXPECT_EQ(json["date"], "2024-01-02");
  EXPECT_EQ(json["author"], "A. Writer");
  EXPECT_EQ(json["text"], "Kept text.\n");
  EXPECT_EQ(json["counts"]["blocks"], 2);
  EXPECT_EQ(json["counts"]["kept"], 1);
  ASSERT_EQ(json["blocks"].size(), 2u);
  const auto& dropped = json["blocks"][1];
  EXPECT_EQ(dropped["index"], 1);
  EXPECT_EQ(dropped["kind"], "li");
  EXPECT_EQ(dropped["keep"], false);
  EXPECT_DOUBLE_EQ(dropped["score"].get<double>(), -1.99);
  EXPECT_EQ(dropped["rule"], "chrome:phrase");
  EXPECT_EQ(dropped["text"], "Share");
  EXPECT_FALSE(dropped.contains("features"));
  EXPECT_DOUBLE_EQ(json["blocks"][0]["score"].get<double>(), 1.23);
}

TEST(Render, JsonWithBlocksAddsFeatures) {
  Result result = make_result({make_block("Share", false, "li", -1, "chrome", "words=1 links=1")});
  nlohmann::json json = nlohmann::json::parse(winnow::render_json(result, true));
  EXPECT_EQ(json["blocks"][0]["features"], "words=1 links=1");
}

TEST(Render, JsonReplacesInvalidUtf8InsteadOfThrowing) {
  Result result = make_result({make_block("bad \xFF\xC3 bytes", true)});
  std::string rendered;
  ASSERT_NO_THROW(rendered = winnow::render_json(result, false));
  nlohmann::json json = nlohmann::json::parse(rendered);
  EXPECT_NE(json["text"].get<std::string>().find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(Render, JsonKeepsUtf8Unescaped) {
  Result result = make_result({make_block("café مرحبا", true)});
  EXPECT_NE(winnow::render_json(result, false).find("café مرحبا"), std::string::npos);
}

TEST(Render, ExplainHasOneLinePerBlockWithDecisionAndRule) {
  Result result = make_result({make_block("Body text\nover lines.", true, "p", 2.5, "body:long", "words=4"),
                               make_block("Subscribe", false, "li", -1.75, "chrome:phrase", "words=1")});
  std::string explain = winnow::render_explain(result);
  std::size_t first_end = explain.find('\n');
  ASSERT_NE(first_end, std::string::npos);
  std::string first = explain.substr(0, first_end);
  std::string second = explain.substr(first_end + 1);
  ASSERT_FALSE(second.empty());
  EXPECT_EQ(second.find('\n'), second.size() - 1);
  EXPECT_EQ(first.rfind("#0", 0), 0u);
  EXPECT_NE(first.find("KEEP"), std::string::npos);
  EXPECT_NE(first.find("+2.50"), std::string::npos);
  EXPECT_NE(first.find("body:long"), std::string::npos);
  EXPECT_NE(first.find("[p]"), std::string::npos);
  EXPECT_NE(first.find("words=4"), std::string::npos);
  EXPECT_NE(first.find("| Body text over lines."), std::string::npos);
  EXPECT_NE(second.find("DROP"), std::string::npos);
  EXPECT_NE(second.find("-1.75"), std::string::npos);
  EXPECT_NE(second.find("chrome:phrase"), std::string::npos);
}

TEST(Render, ExplainCutsLongTextOnACharacterBoundary) {
  std::string arabic_word = "مرحبا ";  // 6 code points, 11 bytes
  std::string long_text;
  for (int i = 0; i < 40; ++i) long_text += arabic_word;
  Result result = make_result({make_block(long_text, true)});
  std::string explain = winnow::render_explain(result);
  std::string excerpt = explain.substr(explain.find("| ") + 2);
  excerpt.pop_back();  // '\n'
  ASSERT_TRUE(excerpt.ends_with("\xE2\x80\xA6"));
  excerpt.resize(excerpt.size() - 3);
  std::size_t code_points = 0;
  for (char c : excerpt) code_points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  EXPECT_EQ(code_points, 80u);
  EXPECT_NO_THROW(nlohmann::json(excerpt).dump()) << "the cut left valid UTF-8";
}

TEST(Render, ExplainOfNoBlocksIsEmpty) { EXPECT_EQ(winnow::render_explain(make_result({})), ""); }

}  // namespace
