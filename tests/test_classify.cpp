// Behaviour of the classifier on small scraped texts: one rule per test.
#include <gtest/gtest.h>

#include "extract_support.h"
#include "winnow.h"

using winnow_test::clean;
using winnow_test::clean_html;

namespace {

const char* kBody1 =
    "The city council voted on Tuesday to approve a long-debated plan that will turn the old rail "
    "yard into a public park with playgrounds, gardens and a path along the river.";
const char* kBody2 =
    "Supporters of the project packed the chamber for more than three hours, and several of them said "
    "the neighbourhood had waited for green space for over a decade.";
const char* kBody3 =
    "Construction is expected to begin next spring and will be carried out in three phases, the first "
    "of which should be finished before the end of the following year.";

std::string lines(std::initializer_list<std::string> ls) {
  std::string out;
  for (const auto& l : ls) out += l + "\n";
  return out;
}

}  // namespace

TEST(Classify, MenuBeforeArticleIsDropped) {
  std::string out = clean(lines({"Home", "World", "Politics", "Sport", kBody1, kBody2, kBody3}));
  EXPECT_EQ(out.find("Politics"), std::string::npos);
  EXPECT_NE(out.find("rail yard"), std::string::npos);
}

TEST(Classify, EverythingAfterTagsIsChrome) {
  std::string out = clean(lines({kBody1, kBody2, "Tags: city, parks", kBody3}));
  EXPECT_EQ(out.find("Construction"), std::string::npos);
}

TEST(Classify, InlineReadAlsoDropsOnlyItself) {
  std::string out = clean(lines({kBody1, "Read more: Residents push for more green space", kBody2, kBody3}));
  EXPECT_EQ(out.find("Residents push"), std::string::npos);
  EXPECT_NE(out.find("Construction"), std::string::npos);
}

TEST(Classify, ReadAlsoBoxInsideArticleDropsWithItsBox) {
  std::string out = clean(lines({kBody1, kBody2, "اقرأ أيضاً", "Mayor opens new library downtown",
                                 "Bus lanes planned on the ring road", kBody3, kBody1}));
  EXPECT_EQ(out.find("Mayor opens"), std::string::npos);
  EXPECT_NE(out.find("Construction"), std::string::npos);
}

TEST(Classify, ReadAlsoBoxWhoseHeadlineEndsInAFullStopStillResumes) {
  // The box's headline looks like a paragraph (long, a full stop); the two
  // paragraphs in a row after it show the article going on.
  std::string out = clean(lines({kBody1, kBody2, "Related articles",
                                 "Storm warning: heavy rain to hit the coast as rivers rise across the region.",
                                 "Mayor opens new library downtown", kBody3, kBody1}));
  EXPECT_EQ(out.find("Storm warning"), std::string::npos);
  EXPECT_NE(out.find("Construction"), std::string::npos);
}

TEST(Classify, ReadAlsoFollowedByAnotherDatedArticleCutsTheRest) {
  std::string out = clean(lines({kBody1, kBody2, "Read also:", "Another story about the harbour",
                                 "March 3, 2024", kBody3, kBody1}));
  EXPECT_EQ(out.find("Construction"), std::string::npos);
}

TEST(Classify, ReadAlsoOverTheHeadlineOfTheNextStoryCutsTheRest) {
  // No dateline: the headline's words come back in the paragraph under it.
  std::string out = clean(lines({kBody1, kBody2, "Read also", "Harbour ferry service to resume after three winter months",
                                 "The harbour ferry service will resume next week after three winter months, the "
                                 "operator said on Monday, with two boats running every hour.",
                                 kBody3, kBody1}));
  EXPECT_EQ(out.find("ferry"), std::string::npos);
  EXPECT_EQ(out.find("Construction"), std::string::npos);
  EXPECT_NE(out.find("Supporters"), std::string::npos);
}

TEST(Classify, SubheadingBetweenParagraphsIsKept) {
  std::string out = clean(lines({kBody1, kBody2, "What happens next", kBody3}));
  EXPECT_NE(out.find("What happens next"), std::string::npos);
}

TEST(Classify, TweetSignatureIsDropped) {
  std::string out = clean(lines({kBody1, kBody2, "— Some Person (@someone) March 3, 2024", kBody3}));
  EXPECT_EQ(out.find("@someone"), std::string::npos);
  EXPECT_NE(out.find("Construction"), std::string::npos);
}

TEST(Classify, EveryDecisionNamesItsRule) {
  winnow::Extractor ex;
  auto r = ex.extract(lines({"Home", kBody1, kBody2, "Tags: x"}));
  for (const auto& b : r.blocks) EXPECT_FALSE(b.rule.empty()) << b.text;
}

TEST(Classify, EmptyInputHasNoArticle) {
  EXPECT_EQ(clean(""), "");
}

TEST(Classify, SidebarHintOnTheWholePageIsIgnored) {
  std::string html = "<div class=\"sidebar\"><p>" + std::string(kBody1) + "</p><p>" + kBody2 + "</p></div>";
  EXPECT_NE(clean_html(html).find("rail yard"), std::string::npos);
}

TEST(Classify, SidebarHintNextToAnArticleStillCounts) {
  std::string html = "<div class=\"sidebar\"><p>Most read this week</p></div><article><p>" +
                     std::string(kBody1) + "</p><p>" + kBody2 + "</p></article>";
  winnow::Options o;
  o.input_type = winnow::InputType::kHtml;
  winnow::Result r = winnow::Extractor(o).extract(html);
  ASSERT_FALSE(r.blocks.empty());
  EXPECT_NE(r.blocks[0].features.find("sidebar"), std::string::npos);
  EXPECT_EQ(r.blocks[0].features.find("ignored"), std::string::npos);
  EXPECT_NE(r.text().find("rail yard"), std::string::npos);
}

TEST(Classify, TableOfContentsSeeAlsoDoesNotEndTheArticle) {
  // The contents list sits between the lead and the rest of the article.
  std::string out = clean(lines({kBody1, kBody2, "1 History", "2 See also", kBody3, kBody1, kBody2}));
  EXPECT_NE(out.find("Construction"), std::string::npos);
}

TEST(Classify, CommentsLabelInATableCellDoesNotEndTheArticle) {
  std::string html = "<p>" + std::string(kBody1) + "</p><p>" + kBody2 +
                     "</p><table><tr><td>Name</td><td>Comments:</td></tr><tr><td>Park board</td><td>" + kBody3 +
                     "</td></tr></table>";
  EXPECT_NE(clean_html(html).find("Construction"), std::string::npos);
}

TEST(Classify, CommentsHeadingEndsTheArticle) {
  std::string html = "<p>" + std::string(kBody1) + "</p><p>" + kBody2 + "</p><h3>Comments</h3><p>" + kBody3 + "</p>";
  EXPECT_EQ(clean_html(html).find("Construction"), std::string::npos);
}

TEST(Classify, ExplainSaysHowTheRegionWasFound) {
  std::string html = "<div class=\"tags\"><a href=\"/t\">Parks</a></div><p>" + std::string(kBody1) + "</p><p>" +
                     kBody2 + "</p><div class=\"tags\"><a href=\"/t\">Parks</a></div><p>" + kBody3 + "</p>";
  winnow::Options o;
  o.input_type = winnow::InputType::kHtml;
  winnow::Result r = winnow::Extractor(o).extract(html);
  ASSERT_GE(r.blocks.size(), 3u);
  EXPECT_NE(r.blocks[1].features.find("region: best span #"), std::string::npos) << r.blocks[1].features;
  EXPECT_NE(r.blocks[1].features.find("widened to its container #0-#4"), std::string::npos) << r.blocks[1].features;
  // A tags box with the article's paragraphs resuming after it is a box.
  EXPECT_EQ(r.blocks[3].rule, "box-in-article:tags");
  EXPECT_TRUE(r.blocks[4].keep);
}

TEST(Classify, ReadMoreExpanderInsideTheArticleIsDroppedAlone) {
  std::string out = clean(lines({kBody1, kBody2, "Read more", kBody3, kBody1}));
  EXPECT_EQ(out.find("Read more"), std::string::npos);
  EXPECT_NE(out.find("Construction"), std::string::npos);
}

TEST(Classify, ReadAlsoBeforeASecondArticleWithItsDatelineEndsTheFirst) {
  std::string out = clean(lines({kBody1, kBody2, "Read also", "Harbour ferry returns after winter repairs",
                                 "March 3, 2024", kBody3, kBody1}));
  EXPECT_EQ(out.find("Construction"), std::string::npos);
}

TEST(Classify, AChartInsideTheArticleDoesNotSplitIt) {
  std::string chart = "<div class=\"chart\">";
  for (int year = 10; year < 40; ++year) chart += "<div>\u2019" + std::to_string(year) + "</div><div>$" + std::to_string(year * 7) + "</div>";
  chart += "</div>";
  std::string html = "<div class=\"story\"><p>" + std::string(kBody1) + "</p><p>" + kBody2 + "</p>" + chart + "<p>" +
                     kBody3 + "</p></div>";
  std::string out = clean_html(html);
  EXPECT_NE(out.find("rail yard"), std::string::npos);
  EXPECT_NE(out.find("Construction"), std::string::npos);
  EXPECT_EQ(out.find("$70"), std::string::npos);
}

TEST(Classify, HtmlReadMoreBoxWithTheArticleFlowResumingAfterAnAd) {
  std::string html = "<div class=\"post\"><p>" + std::string(kBody1) + "</p><p>" + kBody2 +
                     "</p><aside><h3><a href=\"/x\">The story of the old rail yard</a></h3><a href=\"/x\">Read more</a></aside>"
                     "<p>" + kBody3 + "</p><div class=\"ad\">Advertisement</div><p>" + kBody1 + "</p></div>";
  std::string out = clean_html(html);
  EXPECT_NE(out.find("Construction"), std::string::npos);
  EXPECT_EQ(out.find("Read more"), std::string::npos);
}

TEST(Classify, HtmlHeadingsInARowWithNothingUnderThemAreTeasers) {
  std::string html = "<article><h1>Park plan approved</h1><p>" + std::string(kBody1) + "</p><h2>What happens next</h2><p>" +
                     kBody2 + "</p><p>" + kBody3 + "</p><h3>Our latest stories</h3>"
                     "<h4>Harbour ferry returns after its winter repairs</h4><h4>Schools to open a week later this autumn</h4>"
                     "<h4>New bus lanes planned along the ring road</h4></article>";
  std::string out = clean_html(html);
  EXPECT_NE(out.find("What happens next"), std::string::npos);  // a subheading with text under it
  EXPECT_NE(out.find("Construction"), std::string::npos);
  EXPECT_EQ(out.find("Harbour ferry"), std::string::npos);
}

TEST(Classify, ACaptionKeptTwiceInARowIsOutputOnce) {
  std::string out = clean(lines({kBody1, "Workers clear the old rail yard (Reuters)", "Workers clear the old rail yard (Reuters)",
                                 kBody2, kBody3}));
  const std::string caption = "Workers clear the old rail yard";
  ASSERT_NE(out.find(caption), std::string::npos);
  EXPECT_EQ(out.find(caption, out.find(caption) + 1), std::string::npos);
}

TEST(Classify, ARepeatedSentenceIsLeftAlone) {
  std::string out = clean(lines({kBody1, kBody2, kBody2, kBody3}));
  const std::string sentence = "Supporters of the project";
  ASSERT_NE(out.find(sentence), std::string::npos);
  EXPECT_NE(out.find(sentence, out.find(sentence) + 1), std::string::npos);
}

TEST(Classify, HtmlCounterLikeItemsOfAKeptListAreKept) {
  std::string html = "<article><p>" + std::string(kBody1) + "</p><ul><li>2 kg ripe plums, stoned</li>"
                     "<li>1 tsp cinnamon</li><li>2 cloves</li></ul><p>" + kBody2 + "</p><p>" + kBody3 +
                     "</p><ul><li>12 comments</li><li>3 shares</li></ul></article>";
  std::string out = clean_html(html);
  EXPECT_NE(out.find("1 tsp cinnamon"), std::string::npos);
  EXPECT_NE(out.find("2 cloves"), std::string::npos);
  EXPECT_EQ(out.find("12 comments"), std::string::npos);  // a list of nothing but counters
}

TEST(Classify, CommentHeaderLineStartsTheComments) {
  std::string out = clean(lines({kBody1, kBody2, "Alex on September 17, 2018 at 6:34 am said:", kBody3,
                                 "Maria on September 18, 2018 at 9:02 pm said:", kBody1}));
  EXPECT_NE(out.find("rail yard"), std::string::npos);
  EXPECT_EQ(out.find("Construction"), std::string::npos);
  EXPECT_EQ(out.find("said:"), std::string::npos);
}

TEST(Classify, ListIntroducedRightAfterTheLastParagraphIsKept) {
  std::string out = clean(lines({"Home", "News", "Music", kBody1, kBody2, "The 2020 tour dates:",
                                 "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL",
                                 "June 10 -- Credit Union Amphitheatre, Tampa, FL",
                                 "June 14 -- Ameris Bank Amphitheatre, Alpharetta, GA"}));
  EXPECT_NE(out.find("tour dates:"), std::string::npos);
  EXPECT_NE(out.find("Alpharetta"), std::string::npos);
  EXPECT_EQ(out.find("Music"), std::string::npos);
}

TEST(Classify, ListItemThatReadsLikeADatelineStaysInItsList) {
  // "Sun" is a weekday to the date detector; the item starts like the items
  // around it (month, number) and says more than a date.
  std::string out = clean(lines({kBody1, kBody2, kBody3, "The tour dates are:",
                                 "June 19 -- Harbour Arts Center, Holmdel, NJ",
                                 "July 2 -- Mohegan Sun Arena, Uncasville, CT",
                                 "July 3 -- Xfinity Center, Mansfield, MA", "Subscribe", "Privacy Policy"}));
  EXPECT_NE(out.find("Mohegan Sun Arena"), std::string::npos);
  EXPECT_NE(out.find("Xfinity Center"), std::string::npos);
  EXPECT_EQ(out.find("Privacy"), std::string::npos);
}

TEST(Classify, AboutTheAuthorBoxEndsTheArticle) {
  std::string out = clean(lines({kBody1, kBody2, kBody3, "About Jane Doe",
                                 "Jane Doe covers city hall and transport for the paper and has lived in the "
                                 "neighbourhood for twenty years.",
                                 "Facebook", "Twitter"}));
  EXPECT_NE(out.find("Construction"), std::string::npos);
  EXPECT_EQ(out.find("covers city hall"), std::string::npos);
}

TEST(Classify, AboutHeadingBeforeSeveralParagraphsIsContent) {
  std::string out = clean(lines({kBody1, kBody2, "About Jane Doe",
                                 "Jane Doe covers city hall and transport for the paper and has lived in the "
                                 "neighbourhood for twenty years.",
                                 kBody3}));
  EXPECT_NE(out.find("covers city hall"), std::string::npos);
  EXPECT_NE(out.find("Construction"), std::string::npos);
}

TEST(Classify, TextWithoutAnArticleFallsBackToItsPlainLines) {
  std::string out = clean(lines({"Test Case 1", "Test Case 2", "Share on Facebook"}));
  EXPECT_NE(out.find("Test Case 1"), std::string::npos);
  EXPECT_EQ(out.find("Facebook"), std::string::npos);
}

TEST(Classify, NewsletterPitchBetweenParagraphsDoesNotEndTheArticle) {
  std::string out = clean(lines({kBody1, kBody2, "Want more stories like this?", kBody3,
                                 "The council will report back on the work in six months, it said on Tuesday."}));
  EXPECT_EQ(out.find("Want more"), std::string::npos);
  EXPECT_NE(out.find("Construction"), std::string::npos);
  EXPECT_NE(out.find("six months"), std::string::npos);
}

TEST(Classify, NewsletterPitchOverATeaserFeedEndsTheArticle) {
  std::string out = clean(lines({kBody1, kBody2, kBody3, "Want more stories like this?",
                                 "REINDEER GAMES",
                                 "Herders in the north have moved their animals for generations, and now the mines have come to the valley.",
                                 "LOVE IS LOVE",
                                 "What is it like to share a life with someone and feel no attraction at all, a writer asks in a long essay."}));
  EXPECT_NE(out.find("Construction"), std::string::npos);
  EXPECT_EQ(out.find("Herders"), std::string::npos);
}
