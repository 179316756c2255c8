// Unit tests of the segmenters and the sniffer.
#include <gtest/gtest.h>

#include "lexicon.h"
#include "segment.h"
#include "sniff.h"

using namespace winnow::internal;

TEST(SegmentText, OneSegmentPerNonBlankLine) {
  Page p = segment_text("first line\n\n  second   line \nthird");
  ASSERT_EQ(p.segments.size(), 3u);
  EXPECT_EQ(p.segments[1].text, "second line");
  EXPECT_TRUE(p.segments[1].separated_before);
  EXPECT_FALSE(p.segments[2].separated_before);
}

namespace {
// Segments of `text` after the hard-wrap join.
std::vector<std::string> unwrapped(const std::string& text) {
  static Lexicon lex;
  Page p = segment_text(text);
  join_hard_wrapped_lines(p, lex.weights());
  std::vector<std::string> out;
  for (const Segment& s : p.segments) out.push_back(s.text);
  return out;
}

// A paragraph wrapped at 66 characters.
const std::string kWrapped =
    "The council met on Monday to discuss the new budget for the coming\n"
    "year, which includes more money for schools, roads and the city's\n"
    "two hospitals, and a plan to repair the old bridge over the well-\n"
    "known river crossing before the winter.\n";
}  // namespace

TEST(SegmentText, HardWrappedLinesJoinIntoTheirParagraph) {
  const auto lines = unwrapped("Home\nNews\n" + kWrapped + "Share\n");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[2].substr(0, 72), "The council met on Monday to discuss the new budget for the coming year,");
  EXPECT_NE(lines[2].find("the well-known river"), std::string::npos);  // a hyphen at the cut joins without a space
  EXPECT_EQ(lines[2].substr(lines[2].size() - 11), "the winter.");
  EXPECT_EQ(lines[3], "Share");
}

TEST(SegmentText, LineAfterFullStopJoinsOnlyWhenFull) {
  // The paragraph's last line fills the width and ends a sentence: the short
  // line under it is a line of its own.
  const auto lines = unwrapped(kWrapped +
      "The mayor said the plan would be put to a vote early in March, when\n"
      "the council meets again to decide on the last of its spending.\n"
      "Comments\n");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[2], "Comments");
}

TEST(SegmentText, OneParagraphALineIsNotJoined) {
  // Scraped text: long paragraphs a line, short chrome lines between them.
  const std::string para(200, 'x');
  const auto lines = unwrapped("Home\n" + para + "\nRead also\n" + para + "\n" + para + "\nTags\n");
  EXPECT_EQ(lines.size(), 6u);
  // Lines of a menu, however many, are not a wrapped paragraph.
  EXPECT_EQ(unwrapped("Politics\nBusiness\nSport\nCulture\nWeather\n").size(), 5u);
}

TEST(SegmentText, BlankLineEndsAWrappedParagraph) {
  const auto lines = unwrapped(kWrapped + "\n" + kWrapped);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], lines[1]);
}

TEST(SegmentHtml, InvisibleContentIsSkipped) {
  Lexicon lex;
  Page p = segment_html(
      "<html><body><script>var x = 'no';</script><style>p{}</style><p>Visible text.</p>"
      "<div hidden>hidden one</div><div style='display: none'>hidden two</div>"
      "<div aria-hidden='true'>hidden three</div><input value='no'></body></html>",
      lex);
  ASSERT_EQ(p.segments.size(), 1u);
  EXPECT_EQ(p.segments[0].text, "Visible text.");
}

TEST(SegmentHtml, BlocksSplitAtBlockElementsAndDoubleBr) {
  Lexicon lex;
  Page p = segment_html("<body><div>one <b>bold</b> two<br><br>three<br>four</div><p>five</p></body>", lex);
  ASSERT_EQ(p.segments.size(), 3u);
  EXPECT_EQ(p.segments[0].text, "one bold two");
  EXPECT_EQ(p.segments[1].text, "three four");
  EXPECT_EQ(p.segments[2].text, "five");
}

namespace {
std::vector<std::string> html_blocks(const std::string& html) {
  static Lexicon lex;
  std::vector<std::string> out;
  for (const Segment& s : segment_html(html, lex).segments) out.push_back(s.text);
  return out;
}
}  // namespace

TEST(SegmentHtml, BoldLineBetweenSingleBreaksIsASubheadingOfItsOwn) {
  EXPECT_EQ(html_blocks("<div>First paragraph.<br><strong>A subheading</strong><br>Second paragraph.</div>"),
            (std::vector<std::string>{"First paragraph.", "A subheading", "Second paragraph."}));
}

TEST(SegmentHtml, BoldLinkOverItsDescriptionStaysOneEntry) {
  EXPECT_EQ(html_blocks("<div><b><a href='/a'>Site name</a></b><br>What the site offers.</div>"),
            (std::vector<std::string>{"Site name What the site offers."}));
}

TEST(SegmentHtml, ParagraphAllInBoldStaysOneBlock) {
  EXPECT_EQ(html_blocks("<div><b>One line<br>and the next</b></div>"),
            (std::vector<std::string>{"One line and the next"}));
}

TEST(SegmentHtml, LinkCharactersAndHintsAreRecorded) {
  Lexicon lex;
  Page p = segment_html("<body><div class='comments'><p><a href='/x'>link</a> text</p></div></body>", lex);
  ASSERT_EQ(p.segments.size(), 1u);
  EXPECT_EQ(p.segments[0].link_chars, 4);
  EXPECT_LT(p.segments[0].hint_neg, 0);
}

TEST(SegmentHtml, NegativeHintAboveTheArticleNamesTheLayout) {
  Lexicon lex;
  // "has-sidebar" wraps the post and its sidebar: inside the <article> it
  // says nothing; a teaser <article> inside a related box keeps the hint.
  Page p = segment_html(
      "<body><div class='container has-sidebar'><article><ul><li>2 ripe pears</li></ul></article>"
      "<div class='related'><article><h3>Another story</h3></article></div></div></body>",
      lex);
  ASSERT_EQ(p.segments.size(), 2u);
  EXPECT_EQ(p.segments[0].hint_neg, 0);
  EXPECT_LT(p.segments[1].hint_neg, 0);
}

TEST(SegmentHtml, AnIdMadeFromAHeadingGivesNoHint) {
  Lexicon lex;
  Page p = segment_html("<body><div id='sharing-with-a-single-developer'><p>text</p></div>"
                        "<div id='share-bar'><p>more</p></div></body>", lex);
  ASSERT_EQ(p.segments.size(), 2u);
  EXPECT_EQ(p.segments[0].hint_neg, 0);
  EXPECT_LT(p.segments[1].hint_neg, 0);
}

TEST(SegmentHtml, PreKeepsLineBreaks) {
  Lexicon lex;
  Page p = segment_html("<body><pre>int a;\n  int b;   \n</pre></body>", lex);
  ASSERT_EQ(p.segments.size(), 1u);
  EXPECT_EQ(p.segments[0].kind, "pre");
  EXPECT_EQ(p.segments[0].text, "int a;\n  int b;");
}

TEST(SegmentHtml, MetadataFromHead) {
  Lexicon lex;
  Page p = segment_html(
      "<html><head><title>Site | Page</title><meta property='og:title' content='The Headline'>"
      "<meta property='og:site_name' content='Example'><link rel='canonical' href='https://e.x/a'>"
      "<meta name='author' content='Jane Doe'></head><body><h1>The Headline</h1></body></html>",
      lex);
  EXPECT_EQ(p.title, "The Headline");
  EXPECT_EQ(p.site_name, "Example");
  EXPECT_EQ(p.url, "https://e.x/a");
  EXPECT_EQ(p.author, "Jane Doe");
}

TEST(SegmentHtml, TitleLosesTheSiteName) {
  Lexicon lex;
  Page p = segment_html(
      "<html><head><meta property='og:title' content='The Headline - Example'>"
      "<meta property='og:site_name' content='Example'></head><body><h1>The Headline</h1></body></html>",
      lex);
  EXPECT_EQ(p.title, "The Headline");
}

TEST(Sniff, HtmlAndText) {
  EXPECT_TRUE(looks_like_html("<!DOCTYPE html><html><body>x</body></html>"));
  EXPECT_TRUE(looks_like_html("  <p>one</p><p>two</p><div>three</div>"));
  EXPECT_FALSE(looks_like_html("A line of text.\nAnother with a < sign and x > y.\n"));
}
