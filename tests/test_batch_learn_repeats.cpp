// --learn-repeats on the seeds (../shared/seeds, skipped when absent): one
// folder per seed ("site"), five copies each whose body lines are all
// edited differently (so only chrome repeats), plus a prose-like site
// boilerplate line the classifier alone keeps. Every repeated chrome line
// (labels D: disclaimer, author box, comment form, newsletter prompt) must be
// gone, every body line (labels K) kept — including a line two copies
// share verbatim, the "quote repeated by two articles" — and --explain must
// name the reason.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "batch/learn_repeats.h"
#include "batch_test_support.h"

namespace {

using namespace batch_test;

const std::string kSeeds = std::string(WINNOW_SHARED) + "/seeds";
constexpr int kCopies = 5;
const std::string kBoilerplate =
    "يسعدنا تلقي ملاحظاتكم واقتراحاتكم حول هذا التقرير عبر البريد الإلكتروني لهيئة التحرير في أي وقت، "
    "ونعدكم بالرد عليها سريعا.";
const char* kOrdinals[] = {"أولا", "ثانيا", "ثالثا", "رابعا", "خامسا"};

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find(separator, start)) != std::string::npos; start = end + 1)
    parts.push_back(text.substr(start, end - start));
  parts.push_back(text.substr(start));
  return parts;
}

// Words split at ASCII spaces and no-break spaces (U+00A0), as the output
// collapses both.
std::vector<std::string> words_of(std::string line) {
  for (std::size_t at; (at = line.find("\xC2\xA0")) != std::string::npos;) line.replace(at, 2, " ");
  std::vector<std::string> words;
  std::istringstream in(line);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

std::string join_words(const std::vector<std::string>& words) {
  std::string line;
  for (const auto& word : words) line += (line.empty() ? "" : " ") + word;
  return line;
}

// Copy `copy`'s small edit of a body line: two neighbouring words swapped
// at a copy-specific place, or an ordinal appended to a short line.
std::string edit_line(const std::string& line, int copy) {
  std::vector<std::string> words = words_of(line);
  if (words.size() <= 6) {
    words.push_back(kOrdinals[copy]);
  } else {
    std::swap(words[copy + 1], words[copy + 2]);
  }
  return join_words(words);
}

struct Copy {
  std::string relative_path;
  std::vector<std::string> body;    // K lines as written (collapsed)
  std::vector<std::string> chrome;  // D lines
};

std::vector<Copy> build_sites(const ScratchDir& dir) {
  std::vector<Copy> copies;
  for (const auto& entry : fs::directory_iterator(kSeeds)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".txt") continue;
    const std::string stem = entry.path().stem().string();
    const auto lines = split(read_file(entry.path().string()), '\n');
    const auto labels = split(read_file(kSeeds + "/labels/" + stem + ".labels"), '\n');
    for (int copy = 0; copy < kCopies; ++copy) {
      Copy made;
      made.relative_path = "site-" + stem.substr(0, 3) + "/copy " + std::to_string(copy) + ".txt";
      std::string text;
      bool first_body_line = true, shared_line_left = true;
      for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string label = i < labels.size() ? labels[i] : "B";
        std::string line = lines[i];
        if (label == "K") {
          const bool shared = !first_body_line && shared_line_left && copy < 2;  // the same in two copies
          if (!first_body_line && shared_line_left) shared_line_left = false;
          line = shared ? join_words(words_of(line)) : edit_line(line, copy);
          made.body.push_back(line);
        }
        if (label == "D") made.chrome.push_back(join_words(words_of(line)));
        text += line + "\n";
        if (label == "K" && first_body_line) {
          text += kBoilerplate + "\n";
          first_body_line = false;
        }
      }
      write_file(dir / ("in/" + made.relative_path), text);
      copies.push_back(std::move(made));
    }
  }
  return copies;
}

std::set<std::string> output_lines(const std::string& path) {
  std::set<std::string> lines;
  for (const auto& line : split(read_file(path), '\n')) lines.insert(join_words(words_of(line)));
  return lines;
}

TEST(BatchLearnRepeatsTest, SeedCopiesLoseRepeatedChromeAndKeepEveryBodyLine) {
  if (!fs::exists(kSeeds + "/labels")) GTEST_SKIP() << kSeeds << " is absent";
  ScratchDir dir;
  ASSERT_TRUE(dir.ok());
  const std::vector<Copy> copies = build_sites(dir);
  ASSERT_GE(copies.size(), 5u * kCopies);

  WinnowRun plain = run_winnow(dir, "-r in -o plain -q");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  WinnowRun learned = run_winnow(dir, "-r in -o learned -j 2 --learn-repeats");
  ASSERT_EQ(learned.exit_code, 0) << learned.err;
  EXPECT_NE(learned.err.find("repeated blocks learned"), std::string::npos) << learned.err;

  std::size_t chrome_lines = 0;
  for (const Copy& copy : copies) {
    const std::string output = copy.relative_path.substr(0, copy.relative_path.size() - 4) + ".txt";
    const auto kept = output_lines(dir / ("learned/" + output));
    for (const auto& line : copy.body) EXPECT_EQ(kept.count(line), 1u) << copy.relative_path << " lost: " << line;
    for (const auto& line : copy.chrome) EXPECT_EQ(kept.count(line), 0u) << copy.relative_path << " kept: " << line;
    EXPECT_EQ(kept.count(kBoilerplate), 0u) << copy.relative_path;
    EXPECT_EQ(output_lines(dir / ("plain/" + output)).count(kBoilerplate), 1u)
        << "the classifier alone keeps the boilerplate line, so this test measures --learn-repeats";
    chrome_lines += copy.chrome.size();
  }
  EXPECT_GT(chrome_lines, 0u);

  WinnowRun explained = run_winnow(dir, "-r in -o explained -f json --explain --learn-repeats -q");
  ASSERT_EQ(explained.exit_code, 0);
  auto json = nlohmann::json::parse(read_file(dir / "explained/site-002/copy 3.json"));
  bool named = false;
  for (const auto& block : json["blocks"])
    if (block["text"].get<std::string>().find("يسعدنا تلقي") != std::string::npos)
      named = block["rule"] == "repeated in 5 of 5 documents" && !block["keep"].get<bool>();
  EXPECT_TRUE(named);
}

TEST(BatchLearnRepeatsTest, LearnsFromABufferedSampleOfStdin) {
  ScratchDir dir;
  ASSERT_TRUE(dir.ok());
  std::string lines;
  for (int i = 0; i < 12; ++i) {
    std::string text = "Story number " + std::to_string(i) + " begins with a long sentence about the harbour, " +
                       "the boats and the weather that changed on day " + std::to_string(i) + ".\n" + kBoilerplate +
                       "\nIt ends with another sentence, written only for story " + std::to_string(i) +
                       ", about what the mayor said next.\n";
    lines += nlohmann::json{{"id", i}, {"url", "https://one.example/" + std::to_string(i)}, {"html", text}}.dump() +
             "\n";
  }
  write_file(dir / "in.jsonl", lines);
  WinnowRun run = run_winnow(dir, "--input-format jsonl -t text --learn-repeats --learn-sample 6 -q", dir / "in.jsonl");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::istringstream records(run.out);
  int count = 0;
  for (std::string line; std::getline(records, line); ++count) {
    auto record = nlohmann::json::parse(line);
    EXPECT_EQ(record["id"], count);
    EXPECT_EQ(record["text"].get<std::string>().find("يسعدنا"), std::string::npos) << line;
    EXPECT_NE(record["text"].get<std::string>().find("Story number"), std::string::npos) << line;
  }
  EXPECT_EQ(count, 12);
}

TEST(BatchLearnRepeatsTest, ThresholdKeepsQuotesSharedByFewDocuments) {
  using winnow::batch::repeat_threshold;
  EXPECT_EQ(repeat_threshold(2), 4u);
  EXPECT_EQ(repeat_threshold(10), 4u);
  EXPECT_EQ(repeat_threshold(900), 180u);
  winnow::batch::RepeatLearner learner(1000);
  for (int i = 0; i < 10; ++i) {
    std::vector<std::string> keys = {"footer", "body " + std::to_string(i)};
    if (i < 3) keys.push_back("shared quote");
    keys.push_back("fingerprint " + std::to_string(i));
    learner.add("site", keys);
  }
  learner.add("site", {"footer", "body 0", "fingerprint 0"});  // the same page again: counted once
  auto learned = learner.finish();
  ASSERT_EQ(learned.count("site"), 1u);
  EXPECT_EQ(learned["site"]->size(), 1u);
  EXPECT_EQ(learned["site"]->at("footer"), "repeated in 10 of 10 documents");
}

}  // namespace
