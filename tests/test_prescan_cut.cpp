// The pre-scan's cuts (prescan_html with cut_invisible): what is cut follows
// the HTML tokenizer's rules, and the page the walker sees is the same with
// and without the cuts, on small cases and on every ../shared/bench page.
#include <gtest/gtest.h>
#include <gumbo.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "html_attributes.h"
#include "html_prescan.h"
#include "lexicon.h"
#include "pipeline.h"
#include "segment.h"
#include "stage_clock.h"

namespace fs = std::filesystem;
using winnow::internal::Lexicon;
using winnow::internal::Page;
using winnow::internal::prescan_html;
using winnow::internal::PrescanOptions;
using winnow::internal::StageClock;

namespace {

std::string cut(std::string_view html) { return prescan_html(html, PrescanOptions{256, true}); }

const Lexicon& lexicon() {
  static const Lexicon lex;
  return lex;
}

// Everything the walker took from the page, one line per segment.
std::string describe(const Page& page) {
  std::ostringstream out;
  out << "title=" << page.title << " url=" << page.url << " site=" << page.site_name << " date=" << page.date
      << " author=" << page.author << " containers=" << page.containers.size() << "\n";
  for (const auto& s : page.segments) {
    out << s.kind << ' ' << s.heading_level << ' ' << s.link_chars << ' ' << s.hint_pos << ' ' << s.hint_neg
        << ' ' << s.hint_names << ' ' << s.in_article << s.in_caption << s.is_paragraph_tag << ' '
        << s.container << " | " << s.text << "\n";
  }
  return out.str();
}

std::string walked(std::string_view html, bool cut_invisible) {
  StageClock untimed;
  return describe(winnow::internal::segment_html(html, lexicon(), untimed, cut_invisible));
}

void expect_same_page(std::string_view html) {
  EXPECT_EQ(walked(html, true), walked(html, false)) << html;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace

TEST(PrescanCut, ScriptAndStyleTextGoTheirTagsStay) {
  EXPECT_EQ(cut("<p>a<script src=x.js>var s = '<p>';</script>b<style>p{}</style></p>"),
            "<p>a<script></script>b<style></style></p>");
  // End tags: any case, then a space, '/' or '>'; "</scripty" is text.
  EXPECT_EQ(cut("<script>x</SCRIPT >y"), "<script></SCRIPT >y");
  EXPECT_EQ(cut("<script>x</scripty>z</script/>y"), "<script></script/>y");
  EXPECT_EQ(cut("<script>x</script"), "<script>");  // no end tag: script to the end
}

TEST(PrescanCut, ScriptEscapesFollowTheTokenizer) {
  // After "<!--", "<script>" hides the next "</script>"; "-->" ends both.
  EXPECT_EQ(cut("<script><!--<script></script>--></script>after"), "<script></script>after");
  // The second </script> leaves the double-escaped state, the third ends it.
  EXPECT_EQ(cut("<script><!--<script></script></script>x</script>y"), "<script></script>x</script>y");
  EXPECT_EQ(cut("<script><!--x--></script>after"), "<script></script>after");
  EXPECT_EQ(cut("<script><!--></script>after"), "<script></script>after");
}

TEST(PrescanCut, JsonLdIsKept) {
  const std::string page = R"(<script type="application/ld+json">{"a":"<b>"}</script>)";
  EXPECT_EQ(cut(page), page);
}

TEST(PrescanCut, CommentsKeepTheirBoundaries) {
  EXPECT_EQ(cut("a<!-- x -->b"), "a<!---->b");
  EXPECT_EQ(cut("a<!-- x --!>b-->c"), "a<!----!>b-->c");  // "--!>" ends a comment
  EXPECT_EQ(cut("a<!-->b"), "a<!-->b");
  EXPECT_EQ(cut("a<!--->b"), "a<!--->b");
  EXPECT_EQ(cut("a<!-- x ---->b"), "a<!------>b");
  EXPECT_EQ(cut("a<!-- x"), "a<!--");
  // Bogus comments end at the first '>' and are left alone.
  EXPECT_EQ(cut("a<?php x ?>b</ x>c"), "a<?php x ?>b</ x>c");
}

TEST(PrescanCut, SvgAndTemplateContentGo) {
  EXPECT_EQ(cut("<p>a<svg viewBox='0 0 1 1'><title>t</title><path d='M0'/></svg>b"),
            "<p>a<svg viewBox='0 0 1 1'></svg>b");
  EXPECT_EQ(cut("<template><p>x<template>y</template>z</template>w"), "<template></template>w");
  // A breakout tag ends svg content: it stays, and so does what follows.
  EXPECT_EQ(cut("<svg><g><p>text"), "<svg><p>text");
  // HTML inside an integration point may reach outside: left as it is.
  const std::string risky = "<svg><foreignObject><div>x</div></foreignObject></svg>";
  EXPECT_EQ(cut(risky), risky);
  // CDATA only exists in foreign content: in HTML it is a bogus comment.
  EXPECT_EQ(cut("<svg><![CDATA[</svg>]]></svg>x"), "<svg></svg>x");
}

TEST(PrescanCut, UnreadAttributesGo) {
  EXPECT_EQ(cut("<div data-x=1 class=a onclick=\"f()\" id='b'>t</div>"), "<div class=a id='b'>t</div>");
  // Hints are read on block elements only; links only need to have an href.
  EXPECT_EQ(cut("<img src=a.png class=x style='display: NONE' />"), "<img style='display: NONE' />");
  EXPECT_EQ(cut("<span class=x style='color:red' aria-hidden=false>t</span>"), "<span>t</span>");
  EXPECT_EQ(cut("<a href='https://example.com/a/long/path' class=x>t</a>"), "<a href>t</a>");
  EXPECT_EQ(cut("<br a=b/>"), "<br>");
  // The first of repeated names counts; values with references are kept.
  EXPECT_EQ(cut("<p style=x style='display:none' class=a CLASS=b>t"), "<p class=a>t");
  EXPECT_EQ(cut("<p style='display&#58;none'>t"), "<p style='display&#58;none'>t");
  EXPECT_EQ(cut("<link rel=stylesheet href=a.css><link rel=canonical href=/b>"),
            "<link><link rel=canonical href=/b>");
  EXPECT_EQ(cut("<meta name=keywords content='a, b'><meta NAME=Author content=Me data-x>"),
            "<meta><meta NAME=Author content=Me>");
  // Formatting elements keep theirs (the tree builder compares them).
  EXPECT_EQ(cut("<b data-x=1>t</b>"), "<b data-x=1>t</b>");
  EXPECT_EQ(cut("<input type=hidden value=1>"), "<input type=hidden>");
}

TEST(PrescanCut, BlockHintsReducedToTheHintsTheyMatch) {
  auto reduce = [](std::string_view html) {
    return prescan_html(html, PrescanOptions{256, true, &lexicon()});
  };
  EXPECT_EQ(reduce("<div class='wrap comment-list x' id=main-12 role=navigation>t</div>"),
            "<div class=\"comment\" id=\"main\" role=navigation>t</div>");
  EXPECT_EQ(reduce("<div class='foo bar'>t</div>"), "<div>t</div>");
  EXPECT_EQ(reduce("<div itemprop=articleBody class=x>t</div><div itemprop=name>u</div>"),
            "<div itemprop=articleBody>t</div><div>u</div>");
  // The walker finds the same hints in the reduced attributes.
  for (const char* html : {"<div class='post-content entry' id='article-body'><p>Text here.</p></div>",
                           "<div class='Related-Posts sidebar_widget'><p>x</p></div>",
                           "<nav class='menu'><ul><li class=share>a</li></ul></nav>"}) {
    std::string expected = walked(html, false);
    StageClock untimed;
    EXPECT_EQ(describe(winnow::internal::segment_html(html, lexicon(), untimed, true)), expected) << html;
  }
}

TEST(PrescanCut, SpaceRunsCollapseUntilPreformattedText) {
  EXPECT_EQ(cut("<p>a  \n\t b</p>\n\n<span>c</span>"), "<p>a b</p>\n<span>c</span>");
  // Spaces alone before a block go, but not before a hidden one (the walker
  // skips it without a break) or while a formatting element waits to be
  // re-opened (spaces would re-open it).
  EXPECT_EQ(cut("<p>a</p>\n\n<p>c</p>"), "<p>a</p><p>c</p>");
  EXPECT_EQ(cut("<div><p>a</p>\n</div>\n<span>b</span> </div>"), "<div><p>a</p></div>\n<span>b</span> </div>");
  EXPECT_EQ(cut("<b>a</b> <div hidden>x</div> <i>b</i>"), "<b>a</b> <div hidden>x</div> <i>b</i>");
  EXPECT_EQ(cut("<p><b>a<p>\n<div>x</div>"), "<p><b>a<p>\n<div>x</div>");
  EXPECT_EQ(cut("<p>a  b</p><pre>x  y</pre>c  d"), "<p>a b</p><pre>x  y</pre>c  d");
}

TEST(PrescanCut, BlockElementsAreGumboTags) {
  std::string_view names = winnow::internal::kBlockElements;
  while (!names.empty()) {
    const size_t space = names.find(' ');
    const std::string name(names.substr(0, space));
    EXPECT_NE(gumbo_tag_enum(name.c_str()), GUMBO_TAG_UNKNOWN) << name;
    names.remove_prefix(space == names.npos ? names.size() : space + 1);
  }
}

TEST(PrescanCut, SamePageOnTrickyMarkup) {
  for (const char* html : {
           "<table><tr><td>a<svg><title>x</title></svg>b</td></tr></table>",
           "<p><b>bold<p><svg><title>Logo</title></svg>after</p>",
           "<div class=content><p>one<!-- c -->two</p><template><div>hidden</div></template></div>",
           "<frameset><frame src=a></frameset>",
           "<svg><title>x</title></svg><frameset><frame></frameset>",
           "<body><div style='display:none'>gone</div><div style=\"color:red\" data-x>seen</div>",
           "<a href='/x' data-track=1>link</a> text <a>plain</a>",
           "<div class='article-body'><script>document.write('<p>x</p>')</script><p>Body text.</p></div>",
           "<ul><li>one<li>two</ul><textarea>x</textarea><select><option>o</select>",
           "<math><mi><template>x</template></mi></math><p>after</p>",
           "<pre>\n  code <!-- c -->\n</pre>",
           "<div>a  <span class=x>b</span>\n\n  c</div><listing>\n x  y</listing>",
           "<p style='DISPLAY : none'>x</p><p aria-hidden=true>y</p><p hidden=false>z</p>",
           "<a href=x>Blog</a>\n<div aria-hidden=true>menu</div>\n<a href=y>Insights</a>",
           "<p><a href=x>one<p>\n<div>two</div>",
           "<div><span>a\n</div>b <span>c</span>\n</div> d",
           "<link rel=canonical href='https://a.example/x'><meta property='og:title' content=T data-x=1>",
       }) {
    expect_same_page(html);
  }
}

// Every bench page: the classifier's decisions, scores, rules and features
// are the same whether Gumbo parses the page only nesting-capped or cut.
TEST(PrescanCut, SameDecisionsOnEveryBenchPage) {
  const fs::path bench = fs::path(WINNOW_SHARED) / "bench";
  if (!fs::is_directory(bench)) GTEST_SKIP() << "../shared/bench not present";
  winnow::Options options;
  options.input_type = winnow::InputType::kHtml;
  int pages = 0;
  for (const char* dataset : {"aeb", "readability-tests", "wceb-cleaneval"}) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(bench / dataset / "html")) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      const std::string bytes = read_file(file);
      StageClock untimed;
      const winnow::Result cut_page = winnow::internal::run_pipeline(options, lexicon(), bytes, untimed, true);
      const winnow::Result capped = winnow::internal::run_pipeline(options, lexicon(), bytes, untimed, false);
      ++pages;
      ASSERT_EQ(cut_page.blocks.size(), capped.blocks.size()) << file;
      EXPECT_EQ(cut_page.title, capped.title) << file;
      EXPECT_EQ(cut_page.language, capped.language) << file;
      for (size_t i = 0; i < capped.blocks.size(); ++i) {
        const winnow::Block &a = cut_page.blocks[i], &b = capped.blocks[i];
        ASSERT_TRUE(a.text == b.text && a.keep == b.keep && a.score == b.score && a.rule == b.rule &&
                    a.features == b.features)
            << file << " block " << i << ":\n  cut:    " << a.rule << " " << a.features << " | " << a.text
            << "\n  capped: " << b.rule << " " << b.features << " | " << b.text;
      }
    }
  }
  EXPECT_GT(pages, 1000);
}
