// Golden tests: every fixtures/golden/<name>.in.{txt,html,md} is run through
// the extractor and render_text(result, false) must equal <name>.out.txt
// exactly; where <name>.comments.out.txt exists too, the same input run with
// Options::keep_comments (winnow --comments) must equal it.
// The fixtures are hand-written; see fixtures/golden/README.md for the
// contract. Set WINNOW_GOLDEN_EXPLAIN=1 to also print render_explain() for a
// failing fixture.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "winnow.h"

namespace {

namespace fs = std::filesystem;

fs::path golden_dir() { return fs::path(WINNOW_FIXTURES) / "golden"; }

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// "<name>.in.<ext>" -> "<name>"; empty when the file is not a golden input.
std::string stem_of_input(const std::string& filename) {
  const auto pos = filename.find(".in.");
  if (pos == std::string::npos || pos == 0) return {};
  if (pos + 4 >= filename.size()) return {};
  return filename.substr(0, pos);
}

fs::path expected_path(const fs::path& input, const std::string& variant = "") {
  return input.parent_path() / (stem_of_input(input.filename().string()) + variant + ".out.txt");
}

// The options variants an expected file can be written for: ".comments"
// (keep_comments).
constexpr const char* kCommentsVariant = ".comments";

std::vector<std::string> golden_inputs() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(golden_dir(), ec)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    if (!stem_of_input(name).empty()) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string sanitize(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    out += (std::isalnum(c) != 0) ? static_cast<char>(c) : '_';
  }
  return out.empty() ? std::string("empty") : out;
}

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  std::string cur;
  for (char c : s) {
    if (c == '\n') {
      lines.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) lines.push_back(cur);
  return lines;
}

// A line diff (LCS based) over the non-blank lines: unchanged lines prefixed
// "  ", expected-only "- ", actual-only "+ ", changed lines end in "$" so
// trailing whitespace shows up.
std::string line_diff(const std::string& expected, const std::string& actual) {
  // Blank separator lines are left out of the matching (they would anchor
  // unrelated runs together); a difference only in blank lines or the final
  // newline is reported by dumping both texts with visible line ends.
  auto non_blank = [](const std::string& s) {
    std::vector<std::string> out;
    for (auto& l : split_lines(s)) {
      if (!l.empty()) out.push_back(std::move(l));
    }
    return out;
  };
  const auto a = non_blank(expected);
  const auto b = non_blank(actual);
  if (a == b) {
    std::ostringstream os;
    os << "(only blank lines / line ends differ)\n--- expected ---\n";
    for (const auto& l : split_lines(expected)) os << l << "$\n";
    os << "--- actual ---\n";
    for (const auto& l : split_lines(actual)) os << l << "$\n";
    if (!expected.empty() && expected.back() != '\n') os << "(expected has no final newline)\n";
    if (!actual.empty() && actual.back() != '\n') os << "(actual has no final newline)\n";
    return os.str();
  }
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> lcs(n + 1, std::vector<std::size_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  // Walk the LCS; within each changed run print the expected lines first,
  // then the actual ones, so replaced paragraphs read as -/+ blocks.
  std::ostringstream os;
  std::vector<std::string> minus, plus;
  auto flush = [&] {
    for (const auto& l : minus) os << "- " << l << "$\n";
    for (const auto& l : plus) os << "+ " << l << "$\n";
    minus.clear();
    plus.clear();
  };
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      flush();
      os << "  " << a[i] << "\n";
      ++i;
      ++j;
    } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      plus.push_back(b[j++]);
    } else {
      minus.push_back(a[i++]);
    }
  }
  flush();
  if (!expected.empty() && expected.back() != '\n') os << "(expected has no final newline)\n";
  if (!actual.empty() && actual.back() != '\n') os << "(actual has no final newline)\n";
  return os.str();
}

const winnow::Extractor& extractor() {
  static const winnow::Extractor ex{};
  return ex;
}

const winnow::Extractor& extractor_keeping_comments() {
  static const winnow::Extractor ex{[] {
    winnow::Options o;
    o.keep_comments = true;
    return o;
  }()};
  return ex;
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

// Runs `input` through `ex` and compares with `expected_file`.
void expect_golden(const winnow::Extractor& ex, const fs::path& input, const fs::path& expected_file) {
  const std::string bytes = read_bytes(input);
  const std::string expected = read_bytes(expected_file);
  const winnow::Result result = ex.extract(bytes);
  ASSERT_EQ(result.status, winnow::Status::kOk) << result.error;
  const std::string actual = winnow::render_text(result, false);

  if (actual != expected) {
    std::string msg = "golden mismatch for " + expected_file.filename().string() + " (- expected, + actual):\n" +
                      line_diff(expected, actual);
    if (const char* e = std::getenv("WINNOW_GOLDEN_EXPLAIN"); e != nullptr && *e != '\0') {
      msg += "\n--- explain ---\n" + winnow::render_explain(result);
    }
    ADD_FAILURE() << msg;
  }
}

TEST_P(GoldenTest, MatchesExpectedText) {
  const fs::path input = golden_dir() / GetParam();
  const fs::path expected_file = expected_path(input);
  ASSERT_TRUE(fs::exists(expected_file)) << "missing " << expected_file;
  expect_golden(extractor(), input, expected_file);
  const fs::path with_comments = expected_path(input, kCommentsVariant);
  if (fs::exists(with_comments)) expect_golden(extractor_keeping_comments(), input, with_comments);
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenTest, ::testing::ValuesIn(golden_inputs()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return sanitize(info.param);
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenTest);

TEST(GoldenSet, HasEnoughPairsAndEveryInputHasExpected) {
  const auto inputs = golden_inputs();
  EXPECT_GE(inputs.size(), 30u) << "too few golden fixtures in " << golden_dir();
  for (const auto& name : inputs) {
    EXPECT_TRUE(fs::exists(expected_path(golden_dir() / name)))
        << name << " has no " << stem_of_input(name) << ".out.txt";
  }
  // Every expected file belongs to an input.
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(golden_dir(), ec)) {
    const std::string f = entry.path().filename().string();
    const std::string suffix = ".out.txt";
    if (f.size() <= suffix.size() || f.compare(f.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    std::string stem = f.substr(0, f.size() - suffix.size());
    const std::string variant = kCommentsVariant;
    if (stem.size() > variant.size() && stem.compare(stem.size() - variant.size(), variant.size(), variant) == 0)
      stem.resize(stem.size() - variant.size());
    const bool has_input = std::any_of(inputs.begin(), inputs.end(), [&](const std::string& in) {
      return stem_of_input(in) == stem;
    });
    EXPECT_TRUE(has_input) << f << " has no matching .in.* file";
  }
}

}  // namespace
