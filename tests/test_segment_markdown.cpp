// Markdown segmentation (src/segment_markdown.cpp): what the markup says is
// read into the segments and taken out of their text; and the sniffing that
// sends a document there.
#include <gtest/gtest.h>

#include <string>

#include "segment.h"
#include "winnow.h"

namespace {

using winnow::internal::looks_like_markdown;
using winnow::internal::Page;
using winnow::internal::segment_markdown;

TEST(SegmentMarkdown, AtxHeadingHasItsLevelAndTheFirstH1IsTheTitle) {
  Page page = segment_markdown("# Main title\n\n## Section ##\n\nText.\n");
  ASSERT_EQ(page.segments.size(), 3u);
  EXPECT_EQ(page.segments[0].kind, "h");
  EXPECT_EQ(page.segments[0].heading_level, 1);
  EXPECT_EQ(page.segments[1].text, "Section");
  EXPECT_EQ(page.segments[1].heading_level, 2);
  EXPECT_EQ(page.title, "Main title");
}

TEST(SegmentMarkdown, SetextUnderlineMakesAHeading) {
  Page page = segment_markdown("Title\n=====\n\nSub\n---\n");
  ASSERT_EQ(page.segments.size(), 2u);
  EXPECT_EQ(page.segments[0].heading_level, 1);
  EXPECT_EQ(page.segments[1].heading_level, 2);
  EXPECT_EQ(page.title, "Title");
}

TEST(SegmentMarkdown, LinkBecomesItsTextCountedAsLinkText) {
  Page page = segment_markdown("See [the report](https://x.org/r \"Report\") today.\n");
  ASSERT_EQ(page.segments.size(), 1u);
  EXPECT_EQ(page.segments[0].text, "See the report today.");
  EXPECT_EQ(page.segments[0].link_chars, 10);
}

TEST(SegmentMarkdown, LinkToTheSamePageIsNoLinkText) {
  Page page = segment_markdown("## [Results](#results)\n");
  ASSERT_EQ(page.segments.size(), 1u);
  EXPECT_EQ(page.segments[0].text, "Results");
  EXPECT_EQ(page.segments[0].link_chars, 0);
}

TEST(SegmentMarkdown, ImagesLeaveNoText) {
  Page page = segment_markdown("![A harbour](/h.jpg)\n\n[![logo](/l.png)](/)\n\nText ![icon](/i.png) here.\n");
  ASSERT_EQ(page.segments.size(), 1u);
  EXPECT_EQ(page.segments[0].text, "Text here.");
}

TEST(SegmentMarkdown, LinkAroundBlocksSpanningLinesLeavesItsInside) {
  Page page = segment_markdown("[\n\n![card](/c.jpg)\n\n](https://x.org/story \"Story\")\n\nNext paragraph.\n");
  ASSERT_EQ(page.segments.size(), 1u);
  EXPECT_EQ(page.segments[0].text, "Next paragraph.");
}

TEST(SegmentMarkdown, CardInsideALinkIsAllLinkText) {
  Page page = segment_markdown("[\n\n![koala](/k.jpg)\n\n#### Woman saves a koala\n\nA short lead.\n\n2H ago\n\n"
                               "](https://x.org/koala)\n\nThe article goes on here.\n");
  ASSERT_EQ(page.segments.size(), 4u);
  EXPECT_EQ(page.segments[0].text, "Woman saves a koala");
  EXPECT_EQ(page.segments[0].link_chars, 19);
  EXPECT_EQ(page.segments[2].link_chars, 6);
  EXPECT_EQ(page.segments[3].text, "The article goes on here.");
  EXPECT_EQ(page.segments[3].link_chars, 0);
}

TEST(SegmentMarkdown, BracketClosedInsideALineOpensNoCard) {
  Page page = segment_markdown("[\n![Top](/top.gif)](#top)\n\nNext paragraph of the story.\n");
  ASSERT_EQ(page.segments.size(), 1u);
  EXPECT_EQ(page.segments[0].link_chars, 0);
}

TEST(SegmentMarkdown, ParagraphLinesJoinAndListItemsStayApart) {
  Page page = segment_markdown("One line\nand the next.\n\n- first item\n  goes on\n- second item\n");
  ASSERT_EQ(page.segments.size(), 3u);
  EXPECT_EQ(page.segments[0].text, "One line and the next.");
  EXPECT_EQ(page.segments[1].text, "- first item goes on");
  EXPECT_EQ(page.segments[2].text, "- second item");
}

TEST(SegmentMarkdown, EmphasisCodeMarksAndEscapesComeOff) {
  Page page = segment_markdown("**Bold:** *it* and _it_ in `code`, snake_case, 5 * 3, \\*star\\*.\n");
  ASSERT_EQ(page.segments.size(), 1u);
  EXPECT_EQ(page.segments[0].text, "Bold: it and it in code, snake_case, 5 * 3, *star*.");
}

TEST(SegmentMarkdown, FencedCodeIsOnePreBlockWithItsIndentation) {
  Page page = segment_markdown("```python\ndef f(x):\n    return x\n```\n");
  ASSERT_EQ(page.segments.size(), 1u);
  EXPECT_EQ(page.segments[0].kind, "pre");
  EXPECT_EQ(page.segments[0].text, "def f(x):\n    return x");
}

TEST(SegmentMarkdown, TableRowIsOneBlockAndItsRuleNone) {
  Page page = segment_markdown("| Party | Seats |\n|---|---:|\n| Green | 41 |\n");
  ASSERT_EQ(page.segments.size(), 2u);
  EXPECT_EQ(page.segments[1].text, "Green 41");
  EXPECT_EQ(page.segments[1].kind, "td");
  EXPECT_TRUE(page.segments[1].table_row);
}

TEST(SegmentMarkdown, QuoteReferenceDefinitionAndRule) {
  Page page = segment_markdown("> Quoted\n> words.\n\n[1]: https://x.org/ref\n\n* * *\n\nAfter.\n");
  ASSERT_EQ(page.segments.size(), 2u);
  EXPECT_EQ(page.segments[0].kind, "quote");
  EXPECT_EQ(page.segments[0].text, "Quoted words.");
  EXPECT_EQ(page.segments[1].text, "After.");
  EXPECT_TRUE(page.segments[1].separated_before);
}

TEST(SegmentMarkdown, ReaderHeaderGivesTitleUrlAndDate) {
  Page page = segment_markdown(
      "Title: Harbour reopens\n\nURL Source: https://x.org/harbour\n\nPublished Time: 2024-05-04\n\n"
      "Markdown Content:\nThe harbour reopened.\n");
  EXPECT_EQ(page.title, "Harbour reopens");
  EXPECT_EQ(page.url, "https://x.org/harbour");
  EXPECT_EQ(page.date, "2024-05-04");
  ASSERT_EQ(page.segments.size(), 1u);
  EXPECT_EQ(page.segments[0].text, "The harbour reopened.");
}

TEST(SegmentMarkdown, TitleLineWithoutTheReaderHeaderIsText) {
  Page page = segment_markdown("Title: a talk\nGiven on Monday.\n");
  EXPECT_EQ(page.title, "");
  ASSERT_EQ(page.segments.size(), 1u);
  EXPECT_EQ(page.segments[0].text, "Title: a talk Given on Monday.");
}

TEST(SniffMarkdown, LinksHeadingsAndTablesTellMarkdown) {
  EXPECT_TRUE(looks_like_markdown("Title: T\n\nURL Source: https://x.org/\n\nMarkdown Content:\nText.\n"));
  EXPECT_TRUE(looks_like_markdown("- [Home](/)\n- [News](/news)\n"));
  EXPECT_TRUE(looks_like_markdown("# Title\n\nText.\n"));
  EXPECT_TRUE(looks_like_markdown("Text\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"));
}

TEST(SniffMarkdown, ScrapedTextIsNotMarkdown) {
  EXPECT_FALSE(looks_like_markdown("Home\nNews\nA headline\nA paragraph of text. [1]\n"));
  // A blog's permalink anchors flattened to "# Posted by ...": no heading
  // starts the page, no link anywhere.
  EXPECT_FALSE(looks_like_markdown("Blog\nFirst post text.\n# Posted 4:15 PM by Dave\nSecond.\n"
                                   "# Posted 3:46 PM by Dave\nThird.\n# Posted 2:48 PM by Dave\n"));
  EXPECT_FALSE(looks_like_markdown("#hashtag lines are no headings\n#another\n"));
}

TEST(ExtractMarkdown, AutoDetectsAndCleansTheBody) {
  winnow::Extractor extractor;
  const winnow::Result r = extractor.extract(
      "- [Home](/)\n- [World](/world)\n\n# A headline\n\n"
      "The council approved the plan on Tuesday after a long debate, and the work starts in spring next year.\n\n"
      "Residents welcomed the decision, saying the [old bridge](/bridge) had been closed for far too long.\n");
  EXPECT_EQ(r.input_type, "markdown");
  EXPECT_EQ(r.title, "A headline");
  EXPECT_EQ(r.text(),
            "The council approved the plan on Tuesday after a long debate, and the work starts in spring next year.\n\n"
            "Residents welcomed the decision, saying the old bridge had been closed for far too long.\n");
}

}  // namespace
