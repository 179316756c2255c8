// Corpus formats, run as a process: --format jsonl from files and trees,
// --input-format jsonl with custom field names, records in input order
// whatever -j, failed records, gzip input, and GNU parallel --pipe giving
// the same records as one process.
#include <gtest/gtest.h>
#include <zlib.h>

#include <nlohmann/json.hpp>

#include "batch_test_support.h"
#include "winnow.h"

namespace {

using namespace batch_test;
using nlohmann::json;

std::string fixture(const std::string& name) { return read_file(std::string(WINNOW_FIXTURES) + "/golden/" + name); }

std::vector<json> parse_lines(const std::string& text) {
  std::vector<json> records;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) records.push_back(json::parse(line));
  return records;
}

const char* kPages[] = {"en-clean.in.html", "fr-actu.in.html", "ar-news-site.in.html", "ru-blog.in.html",
                        "de-ratgeber.in.html", "fa-news.in.html", "tr-haber.in.html", "es-noticia.in.html"};

// A crawl export: 40 records with "page", "key" and "link" fields, one bad line.
std::string crawl_jsonl() {
  std::string lines;
  for (int i = 0; i < 40; ++i) {
    json record = {{"key", "doc-" + std::to_string(i)},
                   {"link", "https://site" + std::to_string(i % 3) + ".example/a/" + std::to_string(i)},
                   {"page", fixture(kPages[i % 8])}};
    lines += record.dump() + "\n";
    if (i == 20) lines += "{not json\n\n";
  }
  return lines;
}

class BatchJsonlTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(dir_.ok()); }
  ScratchDir dir_;
};

TEST_F(BatchJsonlTest, FilesToRecordsInArgumentOrder) {
  write_file(dir_ / "b.html", fixture("fr-actu.in.html"));
  write_file(dir_ / "a.html", fixture("en-clean.in.html"));
  WinnowRun run = run_winnow(dir_, "--format jsonl b.html a.html missing.html");
  EXPECT_EQ(run.exit_code, 3);
  auto records = parse_lines(run.out);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0]["path"], "b.html");
  EXPECT_EQ(records[0]["language"], "fr");
  EXPECT_EQ(records[0]["schema_version"], winnow::kJsonSchemaVersion);
  EXPECT_EQ(records[1]["path"], "a.html");
  EXPECT_EQ(records[1]["title"], "Why bees dance");
  const winnow::Extractor extractor;
  EXPECT_EQ(records[1]["text"], extractor.extract(fixture("en-clean.in.html")).text());
  EXPECT_GT(records[1]["counts"]["blocks"].get<int>(), 0);
  EXPECT_GT(records[1]["counts"]["kept"].get<int>(), 0);
  EXPECT_EQ(records[2]["status"], "failed");
  EXPECT_FALSE(records[2]["error"].get<std::string>().empty());
}

TEST_F(BatchJsonlTest, JsonLinesInRecordsOutInOrderWhateverJobs) {
  write_file(dir_ / "crawl.jsonl", crawl_jsonl());
  const std::string fields = "--input-format jsonl --html-field page --id-field key --url-field link";
  WinnowRun one = run_winnow(dir_, fields + " -j 1 -q", dir_ / "crawl.jsonl");
  WinnowRun four = run_winnow(dir_, fields + " -j 4 -q -o out.jsonl", dir_ / "crawl.jsonl");
  EXPECT_EQ(one.exit_code, 3);  // the bad line
  EXPECT_EQ(four.exit_code, 3);
  EXPECT_EQ(four.out, "");
  EXPECT_EQ(one.out, read_file(dir_ / "out.jsonl"));
  auto records = parse_lines(one.out);
  ASSERT_EQ(records.size(), 41u);
  EXPECT_EQ(records[0]["id"], "doc-0");
  EXPECT_EQ(records[0]["url"], "https://site0.example/a/0");
  EXPECT_EQ(records[0]["source"], "<stdin>:1");
  EXPECT_EQ(records[0]["status"], "ok");
  EXPECT_EQ(records[21]["status"], "failed");
  EXPECT_EQ(records[21]["source"], "<stdin>:22");
  EXPECT_EQ(records[22]["id"], "doc-21");
  EXPECT_EQ(records[22]["source"], "<stdin>:24");  // the blank line is skipped
  EXPECT_EQ(records[40]["id"], "doc-39");
}

TEST_F(BatchJsonlTest, GzipInputIsReadTransparently) {
  const std::string lines = crawl_jsonl();
  gzFile out = gzopen((dir_ / "crawl.jsonl.gz").c_str(), "wb");
  gzwrite(out, lines.data(), static_cast<unsigned>(lines.size()));
  gzclose(out);
  write_file(dir_ / "crawl.jsonl", lines);
  const std::string fields = "--input-format jsonl --html-field page --id-field key --url-field link -q ";
  WinnowRun plain = run_winnow(dir_, fields + "crawl.jsonl");
  WinnowRun compressed = run_winnow(dir_, fields + "crawl.jsonl.gz");
  EXPECT_EQ(parse_lines(plain.out).size(), 41u);
  std::string expected = plain.out;
  for (std::size_t at; (at = expected.find("\"crawl.jsonl:")) != std::string::npos;)
    expected.replace(at, 13, "\"crawl.jsonl.gz:");
  EXPECT_EQ(compressed.out, expected);
}

TEST_F(BatchJsonlTest, TreeToRecords) {
  write_file(dir_ / "in/x/b.html", fixture("fr-actu.in.html"));
  write_file(dir_ / "in/a.html", fixture("en-clean.in.html"));
  WinnowRun run = run_winnow(dir_, "-r in --format jsonl -q");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  auto records = parse_lines(run.out);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0]["path"], "a.html");
  EXPECT_EQ(records[1]["path"], "x/b.html");
}

TEST_F(BatchJsonlTest, ExplainAddsBlocksToRecords) {
  write_file(dir_ / "a.html", fixture("en-clean.in.html"));
  auto records = parse_lines(run_winnow(dir_, "--format jsonl --explain -q a.html").out);
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0]["blocks"].is_array());
  EXPECT_FALSE(records[0]["blocks"][0]["rule"].get<std::string>().empty());
}

TEST_F(BatchJsonlTest, GnuParallelPipeGivesTheSameRecords) {
  if (std::system("command -v parallel >/dev/null 2>&1") != 0) GTEST_SKIP() << "GNU parallel is not installed";
  write_file(dir_ / "crawl.jsonl", crawl_jsonl());
  const std::string mapper = shell_quote(WINNOW_BIN) + " --input-format jsonl --html-field page --id-field key "
                                                       "--url-field link -q";
  WinnowRun single = run_winnow(dir_, "--input-format jsonl --html-field page --id-field key --url-field link -q",
                          dir_ / "crawl.jsonl");
  const std::string command = "cd " + shell_quote(dir_.path()) + " && parallel --will-cite --pipe -k -N 7 -j 3 " +
                              mapper + " < crawl.jsonl > piped.jsonl 2>/dev/null";
  std::system(command.c_str());
  auto piped = parse_lines(read_file(dir_ / "piped.jsonl"));
  auto whole = parse_lines(single.out);
  ASSERT_EQ(piped.size(), whole.size());
  for (std::size_t i = 0; i < whole.size(); ++i) {
    EXPECT_EQ(piped[i]["id"], whole[i]["id"]) << i;
    EXPECT_EQ(piped[i]["text"], whole[i]["text"]) << i;
    EXPECT_EQ(piped[i]["status"], whole[i]["status"]) << i;
  }
}

TEST_F(BatchJsonlTest, ClosedStdoutEndsQuietly) {
  // Far more output than a pipe holds (64 KiB on Linux): winnow is still
  // writing when `head` goes away, so it must see the closed pipe. With a
  // small output it could finish first, and then the bad line's exit 3 stands.
  std::string crawl;
  for (int copy = 0; copy < 50; ++copy) crawl += crawl_jsonl();
  write_file(dir_ / "crawl.jsonl", crawl);
  const std::string command = "cd " + shell_quote(dir_.path()) + " && " + shell_quote(WINNOW_BIN) +
                              " --input-format jsonl --html-field page < crawl.jsonl 2>err.txt | head -c 10 >/dev/null;"
                              " echo ${PIPESTATUS[0]} > status.txt";
  std::system(("bash -c " + shell_quote(command)).c_str());
  EXPECT_EQ(read_file(dir_ / "status.txt"), "0\n");
}

}  // namespace
