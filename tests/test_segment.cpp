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

TEST(Sniff, HtmlAndText) {
  EXPECT_TRUE(looks_like_html("<!DOCTYPE html><html><body>x</body></html>"));
  EXPECT_TRUE(looks_like_html("  <p>one</p><p>two</p><div>three</div>"));
  EXPECT_FALSE(looks_like_html("A line of text.\nAnother with a < sign and x > y.\n"));
}
