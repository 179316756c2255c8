// Unit tests of page_title.h: a title's parts and the site's name taken off it.
#include <gtest/gtest.h>

#include "page_title.h"

using winnow::internal::title_parts;
using winnow::internal::title_without_site_name;

TEST(PageTitle, PartsSplitAtEverySeparator) {
  EXPECT_EQ(title_parts("Headline - Site"), (std::vector<std::string_view>{"Headline", "Site"}));
  EXPECT_EQ(title_parts("Site | News | Headline"), (std::vector<std::string_view>{"Site", "News", "Headline"}));
  EXPECT_EQ(title_parts("عنوان الخبر – الموقع"), (std::vector<std::string_view>{"عنوان الخبر", "الموقع"}));
  // A hyphen inside a word is no separator.
  EXPECT_EQ(title_parts("Well-known facts"), (std::vector<std::string_view>{"Well-known facts"}));
}

TEST(PageTitle, SiteNameAtTheEndOrStartGoes) {
  EXPECT_EQ(title_without_site_name("September 2018 open thread - The GiveWell Blog", "The GiveWell Blog"),
            "September 2018 open thread");
  EXPECT_EQ(title_without_site_name("Example | The Headline", "example"), "The Headline");
  EXPECT_EQ(title_without_site_name("وزير الري يشهد توقيع عقد - اليوم السابع", "اليوم السابع"), "وزير الري يشهد توقيع عقد");
  // The headline's own parts stay.
  EXPECT_EQ(title_without_site_name("Fact Check: Is it true? - News Nation", "News Nation"), "Fact Check: Is it true?");
}

TEST(PageTitle, OtherTitlesStayAsTheyAre) {
  EXPECT_EQ(title_without_site_name("Headline - Other Site", "Example"), "Headline - Other Site");
  EXPECT_EQ(title_without_site_name("Example", "Example"), "Example");  // the name alone is the whole title
  EXPECT_EQ(title_without_site_name("Headline - Example", ""), "Headline - Example");
  EXPECT_EQ(title_without_site_name("| Example", "Example"), "| Example");  // nothing besides the name
}
