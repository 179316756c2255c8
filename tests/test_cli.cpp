// The winnow command line, run as a process (WINNOW_BIN): options, exit
// codes, stdin, JSON, --explain, --phrases, -o, closed and full stdout.
// Inputs are written to a fresh directory under /tmp, removed afterwards.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include "test_support.h"

namespace {

namespace fs = std::filesystem;

using TempDir = winnow_test::ScratchDir;

using winnow_test::shell_quote;

void write_file(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

struct RunResult {
  int exit_code = -1;       // -1 when the process did not exit normally
  bool killed_by_signal = false;
  std::string out;
  std::string err;
};

// Runs a shell command; "exec" in front of winnow keeps its wait status.
RunResult run_shell(const std::string& command) {
  RunResult result;
  int status = std::system(command.c_str());
  if (status != -1 && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (status != -1 && WIFSIGNALED(status)) result.killed_by_signal = true;
  return result;
}

// Runs winnow with `args` (already shell-quoted where needed), stdin from
// `stdin_path`, and collects stdout and stderr.
RunResult run_winnow(const TempDir& dir, const std::string& args,
                     const std::string& stdin_path = "/dev/null") {
  const std::string out_path = dir.file("stdout"), err_path = dir.file("stderr");
  RunResult result = run_shell("exec " + shell_quote(WINNOW_BIN) + " " + args + " <" +
                               shell_quote(stdin_path) + " >" + shell_quote(out_path) + " 2>" +
                               shell_quote(err_path));
  result.out = read_file(out_path);
  result.err = read_file(err_path);
  return result;
}

bool is_one_winnow_error_line(const std::string& err) {
  return err.rfind("winnow: ", 0) == 0 && err.find('\n') == err.size() - 1;
}

// A plain-text article: long, distinct prose paragraphs separated by blank lines.
std::string article_text(int paragraphs) {
  static const std::vector<std::string> sentences = {
      "The committee met on Tuesday to review the long-delayed plan for the river crossing.",
      "Engineers told members that the soil near the eastern bank was softer than expected.",
      "Several residents spoke about the traffic that already fills the narrow streets each morning.",
      "A spokesperson for the council said the final design would be published before the summer.",
      "Critics argued that the budget had grown far beyond the figure promised three years ago.",
  };
  std::string text;
  for (int p = 0; p < paragraphs; ++p) {
    text += "In part " + std::to_string(p + 1) + " of the report, ";
    for (std::size_t s = 0; s < sentences.size(); ++s) {
      text += sentences[(p + s) % sentences.size()];
      text += s + 1 < sentences.size() ? " " : "\n\n";
    }
  }
  return text;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(dir_.ok());
    article_path_ = dir_.file("article.txt");
    write_file(article_path_, article_text(6));
  }
  TempDir dir_;
  std::string article_path_;
};

TEST_F(CliTest, VersionPrintsNameAndVersion) {
  RunResult run = run_winnow(dir_, "--version");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "winnow 1.0.0\n");
  EXPECT_EQ(run_winnow(dir_, "-V").out, "winnow 1.0.0\n");
}

TEST_F(CliTest, HelpShowsUsageExamplesAndExitCodes) {
  RunResult run = run_winnow(dir_, "--help");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("Usage"), std::string::npos);
  EXPECT_NE(run.out.find("--max-bytes"), std::string::npos);
  EXPECT_NE(run.out.find("curl -s URL | winnow"), std::string::npos);
  EXPECT_NE(run.out.find("winnow --explain scraped.txt 2>why.txt"), std::string::npos);
  EXPECT_NE(run.out.find("Exit codes"), std::string::npos);
  EXPECT_EQ(run_winnow(dir_, "-h").exit_code, 0);
}

TEST_F(CliTest, UsageErrorsExitTwoWithOneLine) {
  for (const std::string args : {"--bogus", "-t xml", "--format yaml", "--max-bytes lots",
                                 "--max-bytes 12Q", "--max-bytes", "a.txt b.txt", "-e"}) {
    RunResult run = run_winnow(dir_, args);
    EXPECT_EQ(run.exit_code, 2) << args;
    EXPECT_TRUE(is_one_winnow_error_line(run.err)) << args << ": " << run.err;
    EXPECT_EQ(run.out, "") << args;
  }
}

TEST_F(CliTest, MaxBytesAcceptsSuffixes) {
  for (const std::string size : {"100000", "100K", "1M", "2G", "64MiB"})
    EXPECT_EQ(run_winnow(dir_, "--max-bytes " + size + " " + shell_quote(article_path_)).exit_code, 0)
        << size;
}

TEST_F(CliTest, UnknownEncodingIsAUsageError) {
  RunResult run = run_winnow(dir_, "-e no-such-charset-xyz " + shell_quote(article_path_));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(is_one_winnow_error_line(run.err)) << run.err;
}

TEST_F(CliTest, MissingFileOrDirectoryExitsThree) {
  RunResult missing = run_winnow(dir_, shell_quote(dir_.file("no-such-file.html")));
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_TRUE(is_one_winnow_error_line(missing.err)) << missing.err;
  EXPECT_NE(missing.err.find("no-such-file.html"), std::string::npos);
  RunResult directory = run_winnow(dir_, shell_quote(dir_.path()));
  EXPECT_EQ(directory.exit_code, 3);
  EXPECT_TRUE(is_one_winnow_error_line(directory.err)) << directory.err;
}

TEST_F(CliTest, StdinAsDashOrNoFileGivesTheSameText) {
  RunResult from_file = run_winnow(dir_, shell_quote(article_path_));
  RunResult from_dash = run_winnow(dir_, "-", article_path_);
  RunResult from_stdin = run_winnow(dir_, "", article_path_);
  EXPECT_EQ(from_dash.exit_code, 0);
  EXPECT_EQ(from_stdin.exit_code, 0);
  EXPECT_NE(from_dash.out.find("river crossing"), std::string::npos);
  EXPECT_EQ(from_dash.out, from_file.out);
  EXPECT_EQ(from_stdin.out, from_file.out);
}

TEST_F(CliTest, JsonFormatParses) {
  RunResult run = run_winnow(dir_, "--format json " + shell_quote(article_path_));
  EXPECT_EQ(run.exit_code, 0);
  nlohmann::json json = nlohmann::json::parse(run.out, nullptr, false);
  ASSERT_FALSE(json.is_discarded()) << run.out.substr(0, 200);
  EXPECT_EQ(json["schema_version"], 1);
  EXPECT_EQ(json["winnow_version"], "1.0.0");
  EXPECT_NE(json["text"].get<std::string>().find("river crossing"), std::string::npos);
  ASSERT_FALSE(json["blocks"].empty());
  EXPECT_FALSE(json["blocks"][0].contains("features"));
}

TEST_F(CliTest, ExplainGoesToStderrAndLeavesStdoutUnchanged) {
  RunResult plain = run_winnow(dir_, shell_quote(article_path_));
  RunResult explained = run_winnow(dir_, "--explain " + shell_quote(article_path_));
  EXPECT_EQ(explained.exit_code, 0);
  EXPECT_EQ(explained.out, plain.out);
  EXPECT_EQ(explained.out.find("KEEP"), std::string::npos);
  EXPECT_NE(explained.err.find("KEEP"), std::string::npos);
  EXPECT_EQ(explained.err.rfind("#0", 0), 0u);
}

TEST_F(CliTest, ExplainWithJsonAddsFeatures) {
  RunResult run = run_winnow(dir_, "--explain -f json " + shell_quote(article_path_));
  EXPECT_EQ(run.exit_code, 0);
  nlohmann::json json = nlohmann::json::parse(run.out, nullptr, false);
  ASSERT_FALSE(json.is_discarded());
  ASSERT_FALSE(json["blocks"].empty());
  EXPECT_TRUE(json["blocks"][0].contains("features"));
}

TEST_F(CliTest, PhrasesFileRemovesMatchingLine) {
  const std::string chrome_line = "Join the frobnicator squad today";
  const std::string input_path = dir_.file("with-chrome.txt");
  write_file(input_path, article_text(3) + chrome_line + "\n\n" + article_text(3));
  const std::string phrases_path = dir_.file("phrases.txt");
  write_file(phrases_path, "# site-specific chrome\n\n  frobnicator squad  \n");

  RunResult without = run_winnow(dir_, shell_quote(input_path));
  ASSERT_EQ(without.exit_code, 0);
  ASSERT_NE(without.out.find(chrome_line), std::string::npos) << "kept without --phrases";
  RunResult with = run_winnow(dir_, "--phrases " + shell_quote(phrases_path) + " " + shell_quote(input_path));
  EXPECT_EQ(with.exit_code, 0);
  EXPECT_EQ(with.out.find("frobnicator"), std::string::npos);
  EXPECT_NE(with.out.find("river crossing"), std::string::npos);
}

TEST_F(CliTest, UnreadablePhrasesFileIsAUsageError) {
  RunResult missing = run_winnow(dir_, "--phrases " + shell_quote(dir_.file("none.txt")) + " " +
                                           shell_quote(article_path_));
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(is_one_winnow_error_line(missing.err)) << missing.err;
  RunResult directory = run_winnow(dir_, "--phrases " + shell_quote(dir_.path()) + " " +
                                             shell_quote(article_path_));
  EXPECT_EQ(directory.exit_code, 2);
}

std::vector<std::string> directory_entries(const std::string& path) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(path)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

TEST_F(CliTest, OutputFileIsWrittenWholeWithNoTempLeft) {
  const std::string out_dir = dir_.file("out");
  fs::create_directory(out_dir);
  const std::string out_path = out_dir + "/result.txt";
  write_file(out_path, "old content\n");

  RunResult run = run_winnow(dir_, "-o " + shell_quote(out_path) + " " + shell_quote(article_path_));
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(read_file(out_path), run_winnow(dir_, shell_quote(article_path_)).out);
  EXPECT_EQ(directory_entries(out_dir), std::vector<std::string>{"result.txt"});
}

TEST_F(CliTest, FailedRunLeavesOutputFileUntouched) {
  const std::string out_dir = dir_.file("out");
  fs::create_directory(out_dir);
  const std::string out_path = out_dir + "/result.txt";
  write_file(out_path, "old content\n");

  RunResult run = run_winnow(dir_, "-o " + shell_quote(out_path) + " " + shell_quote(dir_.file("missing")));
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(read_file(out_path), "old content\n");
  EXPECT_EQ(directory_entries(out_dir), std::vector<std::string>{"result.txt"});

  RunResult no_dir = run_winnow(dir_, "-o " + shell_quote(dir_.file("no/such/dir.txt")) + " " +
                                          shell_quote(article_path_));
  EXPECT_EQ(no_dir.exit_code, 3);
  EXPECT_TRUE(is_one_winnow_error_line(no_dir.err)) << no_dir.err;
}

TEST_F(CliTest, ClosedStdoutEndsQuietly) {
  const std::string big_path = dir_.file("big.txt");
  write_file(big_path, article_text(20000));  // several MB of output, far over a pipe buffer
  const std::string err_path = dir_.file("pipe-err"), rc_path = dir_.file("pipe-rc");
  run_shell("{ " + shell_quote(WINNOW_BIN) + " " + shell_quote(big_path) + " 2>" + shell_quote(err_path) +
            "; echo $? >" + shell_quote(rc_path) + "; } | head -c 1 >/dev/null");
  EXPECT_EQ(read_file(err_path), "");
  EXPECT_EQ(read_file(rc_path), "0\n");
}

TEST_F(CliTest, FullDiskIsAWriteErrorExitThree) {
  const std::string err_path = dir_.file("full-err");
  RunResult to_stdout = run_shell("exec " + shell_quote(WINNOW_BIN) + " " + shell_quote(article_path_) +
                                  " >/dev/full 2>" + shell_quote(err_path));
  EXPECT_EQ(to_stdout.exit_code, 3);
  EXPECT_TRUE(is_one_winnow_error_line(read_file(err_path))) << read_file(err_path);

  RunResult to_option = run_winnow(dir_, "-o /dev/full " + shell_quote(article_path_));
  EXPECT_EQ(to_option.exit_code, 3);
  EXPECT_TRUE(is_one_winnow_error_line(to_option.err)) << to_option.err;
  EXPECT_TRUE(fs::is_character_file("/dev/full")) << "/dev/full must never be replaced";
}

TEST_F(CliTest, NoArticleGivesEmptyOutputAndANote) {
  RunResult run = run_winnow(dir_, "-");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "winnow: no article found in <stdin>\n");
}

TEST_F(CliTest, SoftNotFoundPageIsNamedInTheNote) {
  const std::string page = dir_.file("gone.html");
  write_file(page, "<html><head><title>Page not found | Gazette</title></head><body><nav><a href='/'>Home</a></nav>"
                   "<p>We looked everywhere but this address leads nowhere. Try the search box.</p></body></html>");
  RunResult run = run_winnow(dir_, shell_quote(page));
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "winnow: no article found in " + page + " (the page says it has nothing to show)\n");
}

}  // namespace

TEST_F(CliTest, PrecisionAndRecallTogetherAreAUsageError) {
  RunResult run = run_winnow(dir_, "--precision --recall " + shell_quote(article_path_));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(is_one_winnow_error_line(run.err)) << run.err;
}

TEST_F(CliTest, PrecisionAndRecallEachRun) {
  EXPECT_EQ(run_winnow(dir_, "--precision " + shell_quote(article_path_)).exit_code, 0);
  EXPECT_EQ(run_winnow(dir_, "--recall " + shell_quote(article_path_)).exit_code, 0);
}

TEST_F(CliTest, CommentsFlagKeepsTheReadersThread) {
  const std::string page = std::string(WINNOW_FIXTURES) + "/golden/en-blog-comments.in.html";
  const std::string comment = "the walkers who come through the village";
  RunResult plain = run_winnow(dir_, shell_quote(page));
  RunResult kept = run_winnow(dir_, "--comments " + shell_quote(page));
  EXPECT_EQ(plain.exit_code, 0);
  EXPECT_EQ(kept.exit_code, 0);
  EXPECT_EQ(plain.out.find(comment), std::string::npos);
  EXPECT_NE(kept.out.find(comment), std::string::npos);
  EXPECT_EQ(kept.out.find("Leave a Reply"), std::string::npos);  // the form still goes
}
