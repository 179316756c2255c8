// pick (branchless.h) chooses as ?: does.
#include <gtest/gtest.h>

#include <cstddef>

#include "branchless.h"

namespace winnow::internal {
namespace {

TEST(Pick, ChoosesLikeTheConditionalOperator) {
  for (size_t a : {size_t(0), size_t(1), size_t(12345), ~size_t(0)}) {
    for (size_t b : {size_t(0), size_t(7), ~size_t(0) - 1}) {
      EXPECT_EQ(pick(true, a, b), a);
      EXPECT_EQ(pick(false, a, b), b);
    }
  }
  const int x = 1, y = 2;
  EXPECT_EQ(pick(true, &x, &y), &x);
  EXPECT_EQ(pick(false, &x, &y), &y);
  EXPECT_EQ(pick(false, &x, static_cast<const int*>(nullptr)), nullptr);
}

}  // namespace
}  // namespace winnow::internal
