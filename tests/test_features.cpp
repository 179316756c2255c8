// Unit tests of the features stage: one signal per test.
#include <gtest/gtest.h>

#include <utility>

#include "block_features.h"

using namespace winnow::internal;

namespace {
Features of(const std::string& text, const std::string& lang = "en") {
  static Lexicon lexicon;
  Segment s;
  s.text = text;
  return compute_features(s, lang, lexicon);
}
}  // namespace

TEST(Features, TerminalPunctuationSeesThroughQuotes) {
  EXPECT_TRUE(of("He said it was \"over.\"").terminal_punct);
  EXPECT_TRUE(of("هل يعود التنظيم؟", "ar").terminal_punct);
  EXPECT_FALSE(of("Breaking news from the capital").terminal_punct);
}

TEST(Features, StopWordDensityOfProse) {
  EXPECT_GT(of("The council said that it would vote on the plan in the spring.").stop_density, 0.3);
  EXPECT_LT(of("Politics Business Tech Sport").stop_density, 0.05);
}

TEST(Features, DatelinesAndCounters) {
  EXPECT_TRUE(of("25 أبريل، 2025", "ar").date_only);
  EXPECT_TRUE(of("March 3, 2024 10:32 am").date_only);
  EXPECT_TRUE(of("9h ago").date_only);
  Features comments = of("12 Comments");
  EXPECT_TRUE(comments.counter || comments.date_only);
  EXPECT_TRUE(of("1.2K shares").counter);
  EXPECT_FALSE(of("Eat 60 minutes before your workout").date_only);
}

TEST(Features, PureDateAndLeadShape) {
  EXPECT_TRUE(of("March 3, 2024").pure_date);
  EXPECT_FALSE(of("July 2 -- Mohegan Sun Arena, Uncasville, CT").pure_date);
  // Items of one list start alike: month then number.
  EXPECT_EQ(of("July 2 -- Mohegan Sun Arena").lead_shape, of("June 19 -- Harbour Arts Center").lead_shape);
  EXPECT_NE(of("July 2 -- Mohegan Sun Arena").lead_shape, of("Harbour Arts Center, June 19").lead_shape);
}

TEST(Features, NumberedItem) {
  EXPECT_EQ(of("3) Blade Runner (4K)").item_number, 3);
  EXPECT_EQ(of("3) Blade Runner (4K)").item_mark, U')');
  EXPECT_EQ(of("12. The Matrix").item_number, 12);
  EXPECT_EQ(of("٤- ثلاثية غرناطة", "ar").item_number, 4);
  EXPECT_EQ(of("۲. کتاب", "fa").item_number, 2);
  EXPECT_EQ(of("1.5 million people").item_number, 0);   // a decimal, no space after the mark
  EXPECT_EQ(of("2024. A year").item_number, 0);         // four digits: a year
  EXPECT_EQ(of("0) nothing").item_number, 0);
  EXPECT_EQ(of("Part 3) of it").item_number, 0);
}

TEST(Features, AboutHeaderIsAboutAndACapitalisedName) {
  EXPECT_TRUE(of("About Jane Doe").about_header);
  EXPECT_TRUE(of("Über Moritz Bachmann", "de").about_header);
  EXPECT_FALSE(of("About the study").about_header);
  EXPECT_FALSE(of("About 200 people").about_header);
  EXPECT_FALSE(of("About Jane Doe, who wrote this piece for the paper.").about_header);
}

TEST(Features, PhotoCreditEndsACaption) {
  EXPECT_TRUE(of("The protests began in June and have grown since (Image: GETTY)").photo_credit);
  EXPECT_TRUE(of("Workers load trims into a truck outside the store (AP Photo/Alan Diaz, File)").photo_credit);
  EXPECT_FALSE(of("The council approved the plan (by a narrow margin)").photo_credit);
  EXPECT_FALSE(of("Sales rose in the third quarter (see: chart below)").photo_credit);
}

TEST(Features, TweetSignature) {
  EXPECT_TRUE(of("— The Washington Post (@washingtonpost) January 24, 2025").tweet_signature);
}

TEST(Features, LinkCardGluesSiteNameToExcerpt) {
  EXPECT_TRUE(of("Syria says it foiled an attack on a shrine near the capital - Site 24Officials said the "
                 "cell was arrested on Saturday.").link_card);
  EXPECT_FALSE(of("The minister - who spoke on Monday - said the plan would cost 24 million dollars.").link_card);
}

TEST(Features, SocialTokens) {
  Features f = of("Follow @winnow and #corpora at https://example.com/x");
  EXPECT_EQ(f.handles, 1);
  EXPECT_EQ(f.hashtags, 1);
  EXPECT_EQ(f.urls, 1);
}

TEST(Features, BreadcrumbAndBullet) {
  EXPECT_TRUE(of("Home » News » World").breadcrumb);
  EXPECT_TRUE(of("• First headline in a list").bullet);
}

TEST(Features, LanguageFromStopWords) {
  Lexicon lexicon;
  Page page;
  page.segments.push_back({});
  const std::pair<const char*, const char*> samples[] = {
      {"ar", "قال المسؤول إن الحكومة في دمشق كانت قد أعلنت عن الخطة من قبل."},
      {"de", "Der Rat hat sich auf eine neue Regel für die Stadt und das Land geeinigt."},
      {"id", "Menteri meminta semua pompa dapat beroperasi penuh selama musim hujan dan tidak rusak."},
      {"pl", "Rada miasta zgodziła się na nowy plan, który jest także dla mieszkańców nad rzeką."},
      {"vi", "Bộ trưởng đã đến thăm các trạm bơm và yêu cầu những người dân cũng được hỗ trợ."},
      {"hi", "मंत्री ने आज कई पंपिंग स्टेशनों का दौरा किया और अधिकारियों से बात की।"},
  };
  for (const auto& [language, text] : samples) {
    page.segments[0].text = text;
    EXPECT_EQ(detect_language(page, lexicon), language) << text;
  }
}

TEST(Features, TeaserHeadlineGluedToItsDateline) {
  EXPECT_TRUE(of("Harbour ferry returns after winter repairs in the bay PORTSMOUTH: The harbour ferry returned "
                 "to service on Monday after four months in dry dock.").teaser);
  EXPECT_TRUE(of("Council approves the new park on the old rail yard NEW YORK \u2014 The city council voted on "
                 "Tuesday to approve a long-debated plan.").teaser);
  // An article's paragraph starts with its dateline; acronyms mid-sentence are no dateline.
  EXPECT_FALSE(of("PORTSMOUTH: The harbour ferry returned to service on Monday after four months in dry dock, "
                  "the operator said.").teaser);
  EXPECT_FALSE(of("The agency said. Then NASA: the mission will launch next spring from the coast of Florida "
                  "as planned.").teaser);
}

TEST(Features, CommentHeaderNeedsDateVerbAndColon) {
  EXPECT_TRUE(of("Alex on September 17, 2018 at 6:34 am said:").comment_header);
  EXPECT_TRUE(of("Gary M. on 3 May 2024 at 20:50 wrote:").comment_header);
  EXPECT_FALSE(of("The minister said:").comment_header);  // no date: a quote follows
  EXPECT_FALSE(of("On September 17, 2018 the minister said the plan was over.").comment_header);
}

TEST(Features, QuoteIntroIsNoCommentHeader) {
  EXPECT_FALSE(of("Albert Einstein, commenting on the relation between religion and science, said:").comment_header);
}

TEST(Features, CapitalTitlesAndCodesAreNoTeaserDatelines) {
  EXPECT_FALSE(of("Lucas returned to directing in 1999 with STAR WARS: EPISODE I THE PHANTOM MENACE, which "
                  "broke records.").teaser);
  EXPECT_FALSE(of("Book Review: Sharpening Your Skills by two authors from the same press ISBN: 1584885017 This "
                  "book is worth reading.").teaser);
}

TEST(Features, HeadingsInCapitalsAreNoTeasers) {
  EXPECT_FALSE(of("MARCH 31, 2006: CAMDEN DOGS GET HOUSES: It takes a village to warm a dog in the cold of "
                  "the winter.").teaser);
}

TEST(Features, ArabicBioOpensWithTheJob) {
  EXPECT_TRUE(of("كاتبة صحفية مصرية، تكتب عن الشؤون الثقافية منذ عشرة أعوام.", "ar").job_first);
  EXPECT_FALSE(of("وقال كاتب التقرير إن النتائج مشجعة.", "ar").job_first);
  EXPECT_FALSE(of("Writer and editor based in Cairo.").job_first);  // English bios say "is"
}

TEST(Features, RelativeTimesWithoutDigits) {
  EXPECT_TRUE(of("منذ ساعتين", "ar").date_only);  // the dual says "two"
  EXPECT_TRUE(of("قبل يومين", "ar").date_only);
  EXPECT_FALSE(of("قبل الانتخابات", "ar").date_only);
  EXPECT_FALSE(of("Sunday morning").date_only);
}

TEST(Features, KeywordListIsOneWordBetweenCommas) {
  EXPECT_TRUE(of("cheap,flights,london,hotels,paris,rome,car,hire,insurance,deals,travel,tickets,holidays").keyword_list);
  EXPECT_TRUE(of("actions, bag, aim, definition, acid, atmosphere, welfare, doubt, laws, examination, troops, doors").keyword_list);
  EXPECT_TRUE(of("سياسة، اقتصاد، رياضة، ثقافة، فن، صحة، تعليم، سفر، طقس، تقنية، سيارات، عقارات", "ar").keyword_list);
  // Prose that enumerates puts two or three words, and stop words, between its commas.
  EXPECT_FALSE(of("Side effects include amnesia, confusion, depression, dizziness, drowsiness, gait abnormality, "
                  "hallucinations and nervousness in some of the patients.").keyword_list);
  EXPECT_FALSE(of("Mission Hills, Mission Viejo, Monrovia, Montclair, Montebello, Monterey Park, Moorpark, Moreno Valley")
                   .keyword_list);
  EXPECT_FALSE(of("apples, pears, plums").keyword_list);  // too few to be stuffing
}

TEST(Features, ButtonRowIsChromeCaptionsBackToBack) {
  EXPECT_TRUE(of("Share Tweet Email Print").button_row);
  EXPECT_TRUE(of("Facebook Twitter WhatsApp Copy link").button_row);  // "copy link": a caption of two words
  EXPECT_TRUE(of("فيسبوك تويتر واتساب", "ar").button_row);
  // One caption alone is a chrome phrase of its own, not a row.
  EXPECT_FALSE(of("Share").button_row);
  // A word that is no caption makes a line of text.
  EXPECT_FALSE(of("Share your email with Twitter").button_row);
  EXPECT_FALSE(of("Facebook Twitter WhatsApp Email Print Share Tweet Telegram LinkedIn").button_row);  // too long
}

TEST(Features, CopyrightNoticeOpensWithTheSign) {
  EXPECT_TRUE(of("© 2006 Yahoo! Inc. All Rights Reserved. Privacy Policy - Terms of Service").copyright_notice);
  EXPECT_TRUE(of("Copyright © 1999 by Hugo S. Cunningham").copyright_notice);
  EXPECT_TRUE(of("(C) © Copyright 2004 from the Project Resources web site").copyright_notice);
  EXPECT_TRUE(of("© 2026 جريدة المدينة", "ar").copyright_notice);
  // A book's edition line has no sign; "(c)" alone opens a list item.
  EXPECT_FALSE(of("Copyright 1962, second edition, hard cover binding, ex-library book.").copyright_notice);
  EXPECT_FALSE(of("(c) To provide a forum for communication on all aspects of the industry.").copyright_notice);
  EXPECT_FALSE(of("The © sign marks a work that is protected.").copyright_notice);
}

TEST(Features, LongCopyrightFooterReservesRightsEarly) {
  std::string footer = "Copyright © 2006 Example Shop Inc. All Rights Reserved. Privacy Policy - Terms of Service -";
  for (int i = 0; i < 4; ++i) footer += " Information about our partners and the prices they set may change at any time.";
  EXPECT_TRUE(of(footer).copyright_notice);
  // A long paragraph that opens with a credit but reserves nothing stays prose.
  std::string glued = "© Provided by Example News The council met on Monday";
  for (int i = 0; i < 4; ++i) glued += " and the members talked about the budget for the coming year at length";
  EXPECT_FALSE(of(glued).copyright_notice);
}

TEST(Features, ProseThatMentionsADateIsNoDateline) {
  EXPECT_FALSE(of("I had started working at Mcdonalds in October of 2003 i am 41 years old").date_only);
  EXPECT_FALSE(of("The two areas to focus on for at least 3-4 months faithfully are:").date_only);
  // A dateline's other words are a name and labels.
  EXPECT_TRUE(of("Posted by Biggles at October 27, 2003 7:43 PM").date_only);
  EXPECT_TRUE(of("Washington Post Staff Writer Wednesday, November 3, 2004; Page A25").date_only);
  EXPECT_TRUE(of("Posted: Wed Feb 02, 2005 11:32 pm Post subject:").date_only);
  EXPECT_TRUE(of("نشرت بواسطة: منى العلي في 7 فبراير 2024", "ar").date_only);
}

TEST(Features, PhoneNumbersAreNotDates) {
  EXPECT_FALSE(of("317-862-2713").date_only);
  EXPECT_FALSE(of("(314) 286-0122").date_only);
  EXPECT_FALSE(of("+64 3 364 2250").date_only);
  EXPECT_FALSE(of("Telephone: (925) 426-2370 Fax: (925) 426-1336").date_only);
  EXPECT_TRUE(of("2002-01-14 22:52:16").date_only);
  EXPECT_TRUE(of("12.10.2023").date_only);
}

namespace {
// Whether mark_glued_teasers marks `line`, as scraped text.
bool glued_teaser(const std::string& line) {
  Page page;
  page.segments.push_back(Segment{});
  page.segments[0].text = line;
  std::vector<Features> features{of(line)};
  static Lexicon lex;
  mark_glued_teasers(page, lex.weights(), features);
  return features[0].teaser;
}
}  // namespace

TEST(Features, TeaserCardWithItsHeadlineGluedToTheLead) {
  EXPECT_TRUE(glued_teaser("Harvick Fails To Rally Overmatched Ford In NASCAR FinaleFord v Toyota flopped for the "
                           "second straight year in the season finale"));
  // A name written with an inner capital inside a headline or a sentence.
  EXPECT_FALSE(glued_teaser("Google Launches New YouTube Features For Creators And Viewers In Time For The Holiday "
                            "Season Of Shopping"));
  EXPECT_FALSE(glued_teaser("To celebrate 50 years since the band's formation, founding members Tom Johnston, Michael "
                            "McDonald, Pat Simmons and John McFee will reunite for a tour"));
}

TEST(Features, GluedHeadlineFoundAtEveryByteOffset) {
  // The join is searched sixteen bytes at a time: wherever the blocks cut
  // the line, "eFo" is found.
  for (int pad = 0; pad < 20; ++pad) {
    EXPECT_TRUE(glued_teaser("Harvick" + std::string(pad, 's') +
                             " Fails To Rally Overmatched Ford In NASCAR FinaleFord v Toyota flopped for the second "
                             "straight year in the season finale"))
        << pad;
  }
}
