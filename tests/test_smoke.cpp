#include <gtest/gtest.h>
#include "winnow.h"
TEST(Smoke, EmptyInputGivesNoBlocks) {
  winnow::Extractor ex;
  EXPECT_TRUE(ex.extract("").blocks.empty());
}
