// --precision / --recall: the leaning moves decisions one way only.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "winnow.h"

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::size_t kept_blocks(const std::string& input, winnow::Leaning leaning) {
  winnow::Options o;
  o.leaning = leaning;
  winnow::Result r = winnow::Extractor(o).extract(input);
  std::size_t kept = 0;
  for (const auto& b : r.blocks) kept += b.keep;
  return kept;
}

}  // namespace

// Over every golden input, recall keeps at least what balanced keeps, and
// balanced at least what precision keeps; somewhere recall keeps more.
TEST(Leaning, RecallKeepsMorePrecisionKeepsLess) {
  int recall_gained = 0, inputs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(WINNOW_FIXTURES) + "/golden")) {
    if (entry.path().filename().string().find(".in.") == std::string::npos) continue;
    std::string input = read_file(entry.path());
    std::size_t balanced = kept_blocks(input, winnow::Leaning::kBalanced);
    std::size_t recall = kept_blocks(input, winnow::Leaning::kRecall);
    std::size_t precision = kept_blocks(input, winnow::Leaning::kPrecision);
    EXPECT_GE(recall, balanced) << entry.path();
    EXPECT_LE(precision, balanced) << entry.path();
    recall_gained += recall > balanced;
    ++inputs;
  }
  EXPECT_GT(inputs, 30);
  EXPECT_GT(recall_gained, 0);
}

// A weakly scored last line (long, no sentence end) stays by default and
// goes with --precision.
TEST(Leaning, PrecisionDropsAWeakLastLine) {
  const std::string text =
      "The city council voted on Tuesday to approve a long-debated plan that will turn the old rail yard "
      "into a public park with playgrounds, gardens and a path along the river.\n"
      "Supporters of the project packed the chamber for more than three hours, and several of them said the "
      "neighbourhood had waited for green space for over a decade.\n"
      "Residents can send their views to the council until the end of May\n";
  winnow::Options o;
  o.input_type = winnow::InputType::kText;
  EXPECT_NE(winnow::Extractor(o).extract(text).text().find("Residents"), std::string::npos);
  o.leaning = winnow::Leaning::kPrecision;
  EXPECT_EQ(winnow::Extractor(o).extract(text).text().find("Residents"), std::string::npos);
}
