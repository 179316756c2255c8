// Unit tests of the lexicon: data files parse, weights are all known,
// phrases match on folded keys with their roles.
#include <gtest/gtest.h>

#include "lexicon.h"
#include "unicode_text.h"

using winnow::internal::fold_key;
using winnow::internal::Lexicon;
using winnow::internal::PhraseRole;

namespace {
PhraseRole role_of(const Lexicon& lex, const std::string& line) {
  return lex.match_phrase(fold_key(line), line, winnow::internal::count_words(line)).role;
}
}  // namespace

TEST(Lexicon, EveryWeightNameIsKnown) {
  Lexicon lex;
  EXPECT_TRUE(lex.unknown_weights().empty()) << lex.unknown_weights().front();
  EXPECT_GT(lex.weights().len_scale, 0);
}

TEST(Lexicon, ReadAlsoMatchesInEverySpelling) {
  Lexicon lex;
  EXPECT_EQ(role_of(lex, "إقرأ أيضاً:"), PhraseRole::kReadAlso);
  EXPECT_EQ(role_of(lex, "اقرأ ايضا"), PhraseRole::kReadAlso);
  EXPECT_EQ(role_of(lex, "اقـرأ أيـضـاً"), PhraseRole::kReadAlso);
}

TEST(Lexicon, ReadAlsoWithHeadlineIsAPrefixWithRest) {
  Lexicon lex;
  std::string line = "إقرأ أيضاً: عنوان خبر آخر";
  auto hit = lex.match_phrase(fold_key(line), line, 6);
  EXPECT_EQ(hit.role, PhraseRole::kReadAlso);
  EXPECT_TRUE(hit.has_rest);
}

TEST(Lexicon, TagListsEndTheArticle) {
  Lexicon lex;
  EXPECT_EQ(role_of(lex, "كلمات دلالية"), PhraseRole::kEnd);
  EXPECT_EQ(role_of(lex, "Tags: economy, trade"), PhraseRole::kEnd);
}

TEST(Lexicon, SourcePrefixNeedsItsColon) {
  Lexicon lex;
  EXPECT_EQ(role_of(lex, "المصدر: وكالات"), PhraseRole::kEnd);
  EXPECT_EQ(role_of(lex, "المصدر الأمني قال إن الهجوم وقع صباحا"), PhraseRole::kNone);
}

TEST(Lexicon, ChromePhraseFoundInsideShortLine) {
  Lexicon lex;
  EXPECT_EQ(role_of(lex, "لن يتم نشر عنوان بريدك الإلكتروني."), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "#ISIS #Syriapic.twitter.com/abc"), PhraseRole::kChrome);
}

TEST(Lexicon, CountsAroundLinePhrasesAreIgnored) {
  Lexicon lex;
  EXPECT_EQ(role_of(lex, "Comments (12)"), PhraseRole::kEnd);
}

TEST(Lexicon, WidgetPhrasesAreChromeLinesThatMarkABox) {
  Lexicon lex;
  EXPECT_EQ(role_of(lex, "استطلاع رأي"), PhraseRole::kChrome);
  EXPECT_TRUE(lex.is_widget_phrase(fold_key("استطلاع رأي")));
  EXPECT_TRUE(lex.is_widget_phrase(fold_key("Vote now")));
  EXPECT_TRUE(lex.is_widget_phrase(fold_key("مواقيت الصلاة")));
  EXPECT_FALSE(lex.is_widget_phrase(fold_key("Share")));  // chrome, but no box
  EXPECT_EQ(role_of(lex, "Share"), PhraseRole::kChrome);
}

TEST(Lexicon, ExtraPhrasesAreChrome) {
  Lexicon lex({"Brought to you by Acme"});
  EXPECT_EQ(role_of(lex, "This story was brought to you by ACME."), PhraseRole::kChrome);
}

TEST(Lexicon, ArabicStopWordsSeeThroughClitics) {
  Lexicon lex;
  EXPECT_TRUE(lex.is_stop_word("ar", fold_key("في")));
  EXPECT_TRUE(lex.is_stop_word("ar", fold_key("وفي")));
  EXPECT_TRUE(lex.is_stop_word("ar", fold_key("بأن")));
  EXPECT_FALSE(lex.is_stop_word("ar", fold_key("دمشق")));
}

TEST(Lexicon, ClassHintsAddUpAndPrefixMatchLongHints) {
  Lexicon lex;
  std::string why;
  EXPECT_LT(lex.class_hint("comment-list", &why), 0);
  EXPECT_NE(why.find("comment"), std::string::npos);
  EXPECT_GT(lex.class_hint("article-body", nullptr), 0);
  EXPECT_EQ(lex.class_hint("address", nullptr), 0);  // "ad" must not match by prefix
}

TEST(Lexicon, PostClassTopicsAreNoTagBox) {
  Lexicon lex;
  EXPECT_LT(lex.class_hint("tag-cloud", nullptr), 0);
  EXPECT_LT(lex.class_hint("entry-tags tag-links", nullptr), 0);
  // WordPress's post wrapper lists the post's own tags and categories.
  EXPECT_EQ(lex.class_hint("post-7 hentry tag-politics category-news", nullptr),
            lex.class_hint("post-7 hentry", nullptr));
  EXPECT_EQ(lex.class_hint("type-post tag-elections", nullptr), lex.class_hint("type-post", nullptr));
}

TEST(Lexicon, PageBuilderPrefixIsNoHint) {
  Lexicon lex;
  EXPECT_LT(lex.class_hint("widget widget_recent_entries", nullptr), 0);  // a sidebar's widget
  EXPECT_EQ(lex.class_hint("elementor-widget-container", nullptr), 0);
  EXPECT_LT(lex.class_hint("elementor-widget-share-buttons", nullptr), 0);  // the kind still hints
}

TEST(Lexicon, CountedCommentHeadingEndsTheArticle) {
  Lexicon lex;
  EXPECT_EQ(lex.match_phrase("12 thoughts on why i stopped digging", "12 thoughts on why I stopped digging", 7).role,
            PhraseRole::kEnd);
  EXPECT_EQ(lex.match_phrase("one response to the plan", "One response to the plan", 5).role, PhraseRole::kEnd);
  // The heading quotes the post's title, however long.
  const char* long_title = "10 thoughts on business focus it s why some people triumph online and others never get started";
  EXPECT_EQ(lex.match_phrase(long_title, long_title, 17).role, PhraseRole::kEnd);
  // A count before a chrome prefix is no byline.
  EXPECT_NE(lex.match_phrase("3 by 4 metres", "3 by 4 metres", 4).role, PhraseRole::kChrome);
}

TEST(Lexicon, MostReadAndCommentFormsInSpanish) {
  Lexicon lex;
  EXPECT_EQ(role_of(lex, "Las más leídas"), PhraseRole::kReadAlso);
  EXPECT_EQ(role_of(lex, "Enviá tu comentario"), PhraseRole::kEnd);
}

TEST(Lexicon, ArabicTemplateWidgetsAreChrome) {
  Lexicon lex;
  EXPECT_EQ(role_of(lex, "زر الذهاب إلى الأعلى"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "استطلاع رأي"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "هل كان هذا المقال مفيداً؟"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "عدد المشاهدات: 5432"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "الأكثر تداولاً"), PhraseRole::kReadAlso);
  // A widget's words inside a sentence are prose.
  EXPECT_EQ(role_of(lex, "وقال إن الحكومة ستعلن نتائج استطلاع رأي جديد الأسبوع المقبل."), PhraseRole::kNone);
}

TEST(Lexicon, EnglishWidgetLabelsAreChrome) {
  Lexicon lex;
  EXPECT_EQ(role_of(lex, "Toggle caption"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "Link copied!"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "Vote now"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "Related"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "The related cases were heard in the same court."), PhraseRole::kNone);
}

TEST(Lexicon, ContainedPhraseSeesThroughArabicConjunction) {
  Lexicon lex;
  // "and it does not necessarily express ...": و written onto the phrase.
  EXPECT_EQ(role_of(lex, "المقالات تعبر عن أصحابها ولا يعبر بالضرورة عن رأي الموقع"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "فلن يتم نشر عنوان بريدك الإلكتروني"), PhraseRole::kChrome);
  // A word that merely starts with و is no conjunction before a phrase.
  EXPECT_EQ(role_of(lex, "وزارة الصحة تعلن نتائج الحملة"), PhraseRole::kNone);
}

TEST(Lexicon, SourceLabelTakesADashForItsColon) {
  Lexicon lex;
  EXPECT_EQ(role_of(lex, "المصدر - وكالات"), PhraseRole::kEnd);
  EXPECT_EQ(role_of(lex, "(أ ف ب)"), PhraseRole::kEnd);
  // A dash with no value after it is no label's.
  EXPECT_NE(role_of(lex, "See more -"), PhraseRole::kEnd);
}

TEST(Lexicon, TwoDotsStandForALabelsColon) {
  Lexicon lex;
  // "Watch.. <headline>": a video pointer, written the Arabic news way.
  EXPECT_EQ(role_of(lex, "شاهد.. الوزير يتحدث عن الخطة"), PhraseRole::kReadAlso);
  EXPECT_EQ(role_of(lex, "شاهد: الوزير يتحدث عن الخطة"), PhraseRole::kReadAlso);
  // "Millions watched the final": the verb opening a sentence.
  EXPECT_EQ(role_of(lex, "شاهد الملايين المباراة النهائية أمس"), PhraseRole::kNone);
}

TEST(Lexicon, InlineWidgetLinesAreChrome) {
  Lexicon lex;
  EXPECT_EQ(role_of(lex, "Subscribe now"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "Get the latest news sent to your inbox"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "Listen to article"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "Reading time: 3 minutes"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "مساحة إعلانية"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "للمزيد: اضغط هنا"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "محتوى برعاية"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "مقالات الرأي تعبر عن آراء كتابها"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "تم النشر بواسطة: أحمد"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "A A"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "La suite après cette publicité"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "Votre navigateur ne supporte pas la vidéo"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "Artikel teilen"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "کپی شد"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "کلمات کلیدی"), PhraseRole::kEnd);
}

TEST(Lexicon, ReadersCommentHeadingsEndTheArticle) {
  Lexicon lex;
  EXPECT_EQ(role_of(lex, "تعليقات القراء"), PhraseRole::kEnd);
  EXPECT_EQ(role_of(lex, "Readers' comments"), PhraseRole::kEnd);
  EXPECT_EQ(role_of(lex, "Leserkommentare"), PhraseRole::kEnd);
  // A paper's "Discussion" section is no comment thread.
  EXPECT_EQ(role_of(lex, "Discussion"), PhraseRole::kNone);
}

TEST(Lexicon, ArabicTagAndCommentHeadingsEndTheArticle) {
  Lexicon lex;
  EXPECT_EQ(role_of(lex, "الموضوعات"), PhraseRole::kEnd);
  EXPECT_EQ(role_of(lex, "مواضيع: الصحة، اللقاحات"), PhraseRole::kEnd);
  EXPECT_EQ(role_of(lex, "هاشتاغ"), PhraseRole::kEnd);
  EXPECT_EQ(role_of(lex, "تعليقات الفيسبوك"), PhraseRole::kEnd);
  // "Topics" starting a sentence is prose.
  EXPECT_EQ(role_of(lex, "مواضيع كثيرة طرحت في المؤتمر الصحفي أمس"), PhraseRole::kNone);
}

TEST(Lexicon, TopicLabelsEndTheArticleInOtherLanguages) {
  Lexicon lex;
  EXPECT_EQ(role_of(lex, "Themen"), PhraseRole::kEnd);
  EXPECT_EQ(role_of(lex, "Temas"), PhraseRole::kEnd);
  EXPECT_EQ(role_of(lex, "Réagissez"), PhraseRole::kEnd);
  EXPECT_EQ(role_of(lex, "Facebook Comments"), PhraseRole::kEnd);
  EXPECT_EQ(role_of(lex, "Temas relacionados"), PhraseRole::kReadAlso);
}

// Persian writes a compound's parts apart, with a zero-width non-joiner or
// joined; a phrase written with a space matches all three, in any mix.
TEST(Lexicon, PersianPhrasesMatchInEverySpelling) {
  Lexicon lex;
  const std::string zwnj = "\u200C";
  EXPECT_EQ(role_of(lex, "اشتراک گذاری"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "اشتراک" + zwnj + "گذاری"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "اشتراکگذاری"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "برچسب" + zwnj + "ها"), PhraseRole::kEnd);
  EXPECT_EQ(role_of(lex, "کلید واژه" + zwnj + "ها"), PhraseRole::kEnd);
  EXPECT_EQ(role_of(lex, "کلید" + zwnj + "واژه ها"), PhraseRole::kEnd);
  EXPECT_EQ(role_of(lex, "لینک" + zwnj + "کوتاه: https://example.ir/x1"), PhraseRole::kChrome);
  // Only spaces between two Arabic-script letters may close: "news code" with
  // its number after it still needs the space before the digits.
  EXPECT_EQ(role_of(lex, "کد خبر 1353889"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "گذاری"), PhraseRole::kNone);
}

TEST(Lexicon, BrowserNoticesAndStandingDisclaimersAreChrome) {
  Lexicon lex;
  EXPECT_EQ(role_of(lex, "Please enable JavaScript to view this page."), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "This page will look much nicer in a browser that supports CSS."), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "The information on this site is not a substitute for the advice of your physician."),
            PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "FAIR USE NOTICE: this document may contain copyrighted material."), PhraseRole::kChrome);
  // Prose about substitutes is not a disclaimer.
  EXPECT_EQ(role_of(lex, "Margarine is a poor substitute for butter in this recipe."), PhraseRole::kNone);
}

TEST(Lexicon, NewsletterPitchHeadsMoreStories) {
  Lexicon lex;
  EXPECT_EQ(role_of(lex, "Want more stories like this?"), PhraseRole::kReadAlso);
  EXPECT_EQ(role_of(lex, "Was this article helpful?"), PhraseRole::kEnd);
}

TEST(Lexicon, LikeButtonAndNewWindowNotesAreChrome) {
  Lexicon lex;
  EXPECT_EQ(role_of(lex, "Like this:"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "Like Loading..."), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "Click to share on Reddit (Opens in new window)"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "These are external links and will open in a new window"), PhraseRole::kChrome);
  // A caption behind its screen-reader label, longer than a prefix's ten words.
  EXPECT_EQ(role_of(lex, "Image caption Assange gestures with a thumbs up after he was arrested by police in London"),
            PhraseRole::kChrome);
  // A sentence that likes something is no button.
  EXPECT_EQ(role_of(lex, "Readers like this kind of story."), PhraseRole::kNone);
}

TEST(Lexicon, ReviewBylinesAreChrome) {
  Lexicon lex;
  EXPECT_EQ(role_of(lex, "Reviewed by Hansa D. Bhargava, MD"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "Medically reviewed by Jane Doe, RN"), PhraseRole::kChrome);
  // A sentence that opens the same way is longer than a byline.
  EXPECT_EQ(role_of(lex, "Reviewed by the committee last spring, the plan was sent back to the council with "
                         "a list of questions about its cost."),
            PhraseRole::kNone);
}

TEST(Lexicon, ArabicRelatedBoxesAndCommentFormsInMoreWordings) {
  Lexicon lex;
  EXPECT_EQ(role_of(lex, "مواد ذات صلة"), PhraseRole::kReadAlso);   // "related materials"
  EXPECT_EQ(role_of(lex, "قصص ذات صلة"), PhraseRole::kReadAlso);    // "related stories"
  EXPECT_EQ(role_of(lex, "الأخبار الأكثر قراءة"), PhraseRole::kReadAlso);  // "most read news"
  EXPECT_EQ(role_of(lex, "إضافة تعليق"), PhraseRole::kEnd);         // "add a comment"
  EXPECT_EQ(role_of(lex, "لا تفوت"), PhraseRole::kChrome);          // "don't miss"
}

TEST(Lexicon, CommentThreadHeadingsEndTheArticleUnlessCommentsAreKept) {
  Lexicon lex;
  EXPECT_EQ(role_of(lex, "Comments (12)"), PhraseRole::kEnd);
  EXPECT_EQ(role_of(lex, "12 thoughts on “Counting otters”"), PhraseRole::kEnd);
  EXPECT_EQ(role_of(lex, "تعليقات القراء"), PhraseRole::kEnd);
  Lexicon kept({}, /*keep_comments=*/true);
  EXPECT_TRUE(kept.keeps_comments());
  // The thread's heading and "Reply" buttons are chrome lines inside it ...
  EXPECT_EQ(role_of(kept, "Comments (12)"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(kept, "12 thoughts on “Counting otters”"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(kept, "Reply"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(kept, "تعليقات القراء"), PhraseRole::kChrome);
  // ... and the comment form after it still ends the page's content.
  EXPECT_EQ(role_of(kept, "Leave a Reply"), PhraseRole::kEnd);
  EXPECT_EQ(role_of(kept, "أضف تعليق"), PhraseRole::kEnd);
}

TEST(Lexicon, CommentContainersWeighNothingWhenCommentsAreKept) {
  Lexicon lex;
  Lexicon kept({}, /*keep_comments=*/true);
  EXPECT_LT(lex.class_hint("comment", nullptr), 0);
  EXPECT_EQ(kept.class_hint("comment", nullptr), 0);
  EXPECT_LT(kept.class_hint("respond", nullptr), 0);  // the comment form
}

TEST(Lexicon, CategoryLabelIsAChromeLineNotAnEnd) {
  Lexicon lex;
  EXPECT_EQ(role_of(lex, "Filed under: Politics, Elections"), PhraseRole::kChrome);
  EXPECT_EQ(role_of(lex, "Filed under:"), PhraseRole::kChrome);
  // Without its colon the words are prose.
  EXPECT_EQ(role_of(lex, "Filed under a false name, the claim went unnoticed for years."), PhraseRole::kNone);
}
