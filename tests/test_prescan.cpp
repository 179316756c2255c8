// Tests for the byte-level nesting cap run before Gumbo (cap_nesting).
#include <gtest/gtest.h>
#include <gumbo.h>

#include <string>
#include <utility>
#include <vector>

#include "html_prescan.h"

using winnow::internal::cap_nesting;

namespace {

std::string repeat(std::string_view s, int n) {
  std::string out;
  out.reserve(s.size() * size_t(n));
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// The text of markup made only of tags and text (no '<' in text).
std::string strip_tags(std::string_view html) {
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    else if (c == '>') in_tag = false;
    else if (!in_tag) out += c;
  }
  return out;
}

// Deepest element nesting Gumbo builds for `html` (html and body count).
int gumbo_depth(const std::string& html) {
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  int deepest = 0;
  std::vector<std::pair<const GumboNode*, int>> todo{{out->root, 1}};
  while (!todo.empty()) {
    auto [node, depth] = todo.back();
    todo.pop_back();
    deepest = std::max(deepest, depth);
    const GumboVector& kids = node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      auto kid = static_cast<const GumboNode*>(kids.data[i]);
      if (kid->type == GUMBO_NODE_ELEMENT || kid->type == GUMBO_NODE_TEMPLATE)
        todo.push_back({kid, depth + 1});
    }
  }
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return deepest;
}

}  // namespace

TEST(Prescan, NormalPageUnchanged) {
  const std::string page = R"(<!DOCTYPE html>
<html><head><title>A <b>title</b></title>
<meta charset="utf-8"><link rel=stylesheet href="/a.css">
<style>div > p { color: red }</style>
<script>if (a < b && "</div>" != x) document.write("<div><div><div>");</script>
</head><body class="x">
<!-- <div><div><div> not markup -->
<div id=main><h1>Head</h1>
<p>One<br>two<img src="a.png" alt='a > b'/><p>Three
<ul><li>a<li>b<li>c</ul>
<table><tr><td>1<td>2<tr><td>3</table>
<svg><path d="M0 0"/><circle r="1"/></svg>
<textarea><div></textarea>
</div></body></html>)";
  EXPECT_EQ(cap_nesting(page, 8), page);
}

TEST(Prescan, CutsTagsBeyondDepthKeepingText) {
  // html and body count as open, so depth 4 leaves room for two more.
  EXPECT_EQ(cap_nesting("<div><section><span>x</span>y</section>z</div>", 4),
            "<div><section>xy</section>z</div>");
}

TEST(Prescan, HundredThousandNestedDivs) {
  constexpr int kDepth = 100000;
  std::string html;
  for (int i = 0; i < kDepth; ++i) html += "<div>t" + std::to_string(i) + " ";
  html += repeat("</div>", kDepth);
  const std::string capped = cap_nesting(html, 100);

  int depth = 0, deepest = 0;
  for (size_t i = 0; (i = capped.find('<', i)) != std::string::npos; ++i) {
    depth += capped.compare(i, 2, "</") == 0 ? -1 : 1;
    deepest = std::max(deepest, depth);
    ASSERT_GE(depth, 0);
  }
  EXPECT_EQ(depth, 0);
  EXPECT_LE(deepest, 100);
  EXPECT_GE(deepest, 90);
  EXPECT_EQ(strip_tags(capped), strip_tags(html));
}

TEST(Prescan, ScriptAndCommentContentIsNotCounted) {
  const std::string html =
      "<div><script>var s = '<div><div><div>';</script><!-- <div><div> -->"
      "<style>/* <p><p> */</style>text</div>";
  EXPECT_EQ(cap_nesting(html, 3), html);
}

TEST(Prescan, VoidAndForeignSelfClosingTagsAreNotCounted) {
  const std::string html =
      "<div><br><img src=x><input/><hr>a<svg><g><path/><path/></g></svg></div>";
  EXPECT_EQ(cap_nesting(html, 5), html);
  // In HTML a non-void "<div/>" still opens a div, as in Gumbo.
  EXPECT_EQ(cap_nesting("<div/><div/>x", 3), "<div/>x");
}

TEST(Prescan, ImpliedEndTagsDoNotAccumulate) {
  const std::string html = "<body>" + repeat("<p>para", 500) + repeat("<ul><li>a<li>b</ul>", 50) +
                           "<table>" + repeat("<tr><td>a<td>b", 200) + "</table>" +
                           repeat("<a href=x>link", 100) + "</body>";
  EXPECT_EQ(cap_nesting(html, 6), html);
}

TEST(Prescan, QuotedGreaterThanInsideAttribute) {
  EXPECT_EQ(cap_nesting("<div title=\"a>b\"><div title='c>d'>x</div></div>", 3),
            "<div title=\"a>b\">x</div>");
}

TEST(Prescan, TruncatedMarkupAtEof) {
  for (std::string tail : {"<di", "<div class='open", "</di", "<!-- open comment <div>",
                           "<script>if (a<b) <div>", "<", "</", "<!", "<!DOCTYPE"}) {
    const std::string html = "<div><span>text</span>" + tail;
    EXPECT_EQ(cap_nesting(html, 10), html) << tail;
    EXPECT_NO_FATAL_FAILURE(cap_nesting(html, 0));
  }
}

TEST(Prescan, StrayEndTagsAreLeftAlone) {
  const std::string html = "</div></p></span><div>a</b></i></div></div>";
  EXPECT_EQ(cap_nesting(html, 3), html);
}

TEST(Prescan, EndTagClosesCutAndKeptElementsInOrder) {
  // With depth 4: (html, body,) div, section kept; article and span cut.
  EXPECT_EQ(cap_nesting("<div><section><article><span>a</span>b</article>c</section>d</div>e", 4),
            "<div><section>abc</section>d</div>e");
}

TEST(Prescan, GumboDepthStaysNearCapOnHostileMarkup) {
  // Patterns a naive open/close counter gets wrong.
  const std::vector<std::string> pages = {
      repeat("<div>", 3000),
      repeat("<span><div></span>", 1500),
      repeat("<div/>", 3000),
      repeat("<b><i><u>", 1000),
      repeat("<table><tr><td>", 1000),
      repeat("<ul><li>", 1500),
      repeat("<svg><g>", 1500),
      repeat("<u><td>", 1500),                        // td outside a table is ignored
      repeat("<em><p><hr><code><tr>", 1000),          // <hr> closes the p
      repeat("<form><pre></form>", 1500),             // the form stays in the tree
      repeat("<select><option><div><select>", 800),  // div ignored in a select
      repeat("<math><th><td></a>", 1000),            // no implied ends in math
      repeat("<dt><svg><a></a><foreignObject>", 800),
  };
  for (const std::string& page : pages) {
    const std::string capped = cap_nesting(page, 50);
    EXPECT_LE(gumbo_depth(capped), 50 + 1) << page.substr(0, 40);  // + a void leaf
  }
}

TEST(Prescan, LargeFlatPageIsLinearAndUnchanged) {
  const std::string page = repeat("<p class=x>Some <b>bold</b> text &amp; more.</p>\n", 200000);
  EXPECT_EQ(cap_nesting(page, 64), page);
}

TEST(Prescan, ReopenedFormattingElementsCountTowardDepth) {
  // Each <p> closes the <b>, and the text re-opens all earlier ones: without
  // tracking them Gumbo's tree would be 1,000 levels deep.
  std::string page;
  for (int i = 0; i < 1000; ++i) page += "<p><b class=c" + std::to_string(i) + ">bold<p>more";
  const std::string capped = cap_nesting(page, 40);
  EXPECT_LE(gumbo_depth(capped), 40);
  EXPECT_EQ(strip_tags(capped), strip_tags(page));
}

TEST(Prescan, CutNeverJoinsStrayLessThanIntoMarkup) {
  EXPECT_EQ(cap_nesting("<div>a<<span>b</span></div>", 3), "<div>a&lt;b</div>");
}

TEST(Prescan, EscapedScriptHidesEndTag) {
  const std::string html = "<div><script><!--<script>x</script>y</script><p>z</div>";
  EXPECT_EQ(cap_nesting(html, 4), html);
  EXPECT_EQ(cap_nesting(html, 3), "<div><script><!--<script>x</script>y</script>z</div>");
}

TEST(Prescan, CellsOfAKeptTableAreNotCut) {
  // Cut, the row and cell would leave "text" directly in the table, and
  // Gumbo would move it in front of the table.
  EXPECT_EQ(cap_nesting("<div><table><tr><td>text</td></tr></table>after</div>", 4),
            "<div><table><tr><td>text</td></tr></table>after</div>");
  EXPECT_EQ(cap_nesting("<div><div><table><tr><td>x</table></div></div>", 4),
            "<div><div>x</div></div>");
}

// A browser with scripting shows none of <noscript>; Gumbo, parsing without
// scripting, would build its markup, and an unclosed <div> in it would take
// the rest of the page into the noscript.
TEST(Prescan, NoscriptContentIsCutAsABrowserWithScriptingDoes) {
  EXPECT_EQ(cap_nesting("<noscript><div><p>x</p></div></noscript>", 3), "<noscript></noscript>");
  EXPECT_EQ(cap_nesting("<noscript>\n<div id=\"nav\">\n</noscript><p>text</p>", 64),
            "<noscript></noscript><p>text</p>");
}
