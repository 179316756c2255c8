// Batch-mode building blocks in isolation: output names and collisions,
// include/exclude globs, gzip and line reading, JSON line records, the TSV
// report's escaping, URL hosts and the ordered worker pool.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <set>
#include <thread>

#include "batch/doc_job.h"
#include "batch/file_identity.h"
#include "batch/glob_filter.h"
#include "batch/gzip_input.h"
#include "batch/jsonl.h"
#include "batch/line_reader.h"
#include "batch/output_names.h"
#include "batch/report.h"
#include "batch/worker_pool.h"
#include "batch_test_support.h"

namespace {

using namespace winnow::batch;

TEST(BatchOutputNames, ExtensionIsReplaced) {
  EXPECT_EQ(default_output_name("a.html", ".txt"), "a.txt");
  EXPECT_EQ(default_output_name("b.htm.gz", ".txt"), "b.txt");
  EXPECT_EQ(default_output_name("README", ".json"), "README.json");
  EXPECT_EQ(default_output_name(".hidden", ".txt"), ".hidden.txt");
  EXPECT_EQ(default_output_name("v1.2.page.html", ".txt"), "v1.2.page.txt");
}

TEST(BatchOutputNames, CollidingInputsKeepTheirFullNames) {
  auto names = output_names({"a.html", "a.txt", "b.html", "c", "c.txt", "c.txt.html"}, ".txt");
  EXPECT_EQ(names[0].name, "a.html.txt");
  EXPECT_EQ(names[1].name, "a.txt.txt");
  EXPECT_EQ(names[2].name, "b.txt");
  EXPECT_EQ(names[2].note, "");
  EXPECT_NE(names[0].note.find("a.html, a.txt"), std::string::npos);
  std::set<std::string> distinct;
  for (const auto& name : names) distinct.insert(name.name);
  EXPECT_EQ(distinct.size(), names.size());
}

TEST(BatchGlobFilter, DefaultsAndPatterns) {
  GlobFilter defaults({}, {});
  EXPECT_TRUE(defaults.reads_file("a/b.html"));
  EXPECT_TRUE(defaults.reads_file("b.HTM"));
  EXPECT_TRUE(defaults.reads_file("page.xhtml.gz"));
  EXPECT_TRUE(defaults.reads_file("notes"));
  EXPECT_TRUE(defaults.reads_file("x/notes.txt"));
  EXPECT_TRUE(defaults.reads_file("scraped/page.md"));
  EXPECT_FALSE(defaults.reads_file("style.css"));
  EXPECT_FALSE(defaults.reads_file("archive.gz.css"));

  GlobFilter custom({"*.page", "keep/*"}, {"drafts", "*/tmp-*", "./old/"});
  EXPECT_TRUE(custom.reads_file("x/y.page"));
  EXPECT_TRUE(custom.reads_file("y.page.gz"));
  EXPECT_TRUE(custom.reads_file("keep/deep/z.css"));
  EXPECT_FALSE(custom.reads_file("a.html"));
  EXPECT_TRUE(custom.excludes("drafts"));
  EXPECT_TRUE(custom.excludes("x/drafts"));
  EXPECT_TRUE(custom.excludes("x/tmp-1.page"));
  EXPECT_TRUE(custom.excludes("old"));
  EXPECT_FALSE(custom.reads_file("x/tmp-1.page"));
}

std::string gzip_bytes(const std::string& data) {
  std::string path = "/tmp/winnow-units-gz-" + std::to_string(getpid());
  gzFile out = gzopen(path.c_str(), "wb");
  gzwrite(out, data.data(), static_cast<unsigned>(data.size()));
  gzclose(out);
  std::string bytes = batch_test::read_file(path);
  unlink(path.c_str());
  return bytes;
}

// Reads all of `bytes` through an InputStream (via a pipe-less temp file).
std::string read_through_stream(const std::string& bytes) {
  std::string path = "/tmp/winnow-units-in-" + std::to_string(getpid());
  batch_test::write_file(path, bytes);
  int fd = open(path.c_str(), O_RDONLY);
  unlink(path.c_str());  // gone when fd closes, also if read() throws
  struct Closer {
    int fd;
    ~Closer() { close(fd); }
  } closer{fd};
  InputStream stream(fd);
  std::string all;
  char buffer[7];
  for (std::size_t got; (got = stream.read(buffer, sizeof buffer)) > 0;) all.append(buffer, got);
  return all;
}

TEST(BatchGzipInput, PlainPassesThroughAndGzipInflates) {
  EXPECT_EQ(read_through_stream(""), "");
  EXPECT_EQ(read_through_stream("x"), "x");
  EXPECT_EQ(read_through_stream("plain text\n"), "plain text\n");
  std::string big(300000, 'a');
  for (std::size_t i = 0; i < big.size(); i += 7) big[i] = static_cast<char>('a' + i % 26);
  EXPECT_EQ(read_through_stream(gzip_bytes(big)), big);
  EXPECT_EQ(read_through_stream(gzip_bytes("one\n") + gzip_bytes("two\n")), "one\ntwo\n");  // members
  std::string truncated = gzip_bytes(big);
  truncated.resize(truncated.size() / 2);
  EXPECT_THROW(read_through_stream(truncated), InputError);
}

TEST(BatchLineReader, LinesCarriageReturnsAndOverlongLines) {
  std::string path = "/tmp/winnow-units-lines-" + std::to_string(getpid());
  batch_test::write_file(path, "first\r\n\n" + std::string(100, 'x') + "\nlast");
  int fd = open(path.c_str(), O_RDONLY);
  InputStream stream(fd);
  LineReader reader(stream, 50);
  std::vector<InputLine> lines;
  while (auto line = reader.next()) lines.push_back(*line);
  close(fd);
  unlink(path.c_str());
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].text, "first");
  EXPECT_EQ(lines[1].text, "");
  EXPECT_TRUE(lines[2].too_long);
  EXPECT_EQ(lines[3].text, "last");
}

TEST(BatchJsonl, InputRecordsAndHosts) {
  RecordFields fields{"body", "key", "link"};
  InputRecord record = parse_input_record(R"({"key":7,"link":"https://a.example/x","body":"<p>hi</p>"})", fields);
  ASSERT_TRUE(record.ok);
  EXPECT_EQ(record.id_json, "7");
  EXPECT_EQ(record.document, "<p>hi</p>");
  EXPECT_FALSE(parse_input_record("[1,2]", fields).ok);
  EXPECT_FALSE(parse_input_record("{\"key\":1}", fields).ok);
  EXPECT_FALSE(parse_input_record("{oops", fields).ok);
  EXPECT_EQ(url_host("https://user@WWW.Example.com:8080/a?b"), "www.example.com");
  EXPECT_EQ(url_host("not a url"), "");
}

TEST(BatchReport, FieldsAreEscaped) { EXPECT_EQ(tsv_field("a\tb\nc\\d\re"), "a\\tb\\nc\\\\d\\re"); }

TEST(BatchFileIdentity, ProspectivePathsAndContainment) {
  EXPECT_TRUE(is_within("/a/b", "/a"));
  EXPECT_TRUE(is_within("/a", "/a"));
  EXPECT_FALSE(is_within("/ab", "/a"));
  EXPECT_EQ(prospective_real_path("/tmp/no-such-winnow-dir/x/../y"), real_path("/tmp").value() + "/no-such-winnow-dir/y");
}

TEST(BatchWorkerPool, OutcomesComeBackInOrderWhateverTheWork) {
  WorkerPool pool(
      4, 0,
      [](const DocJob& job) {
        std::this_thread::sleep_for(std::chrono::milliseconds(job.seq % 3 == 0 ? 20 : 1));
        DocOutcome outcome;
        outcome.seq = job.seq;
        outcome.name = job.name;
        return outcome;
      },
      [](DocOutcome&) {});
  for (std::uint64_t i = 0; i < 30; ++i) {
    DocJob job;
    job.seq = i;
    job.name = std::to_string(i);
    pool.submit(job);
  }
  for (std::uint64_t i = 0; i < 30; ++i) {
    std::optional<DocOutcome> outcome;
    while (!(outcome = pool.next(std::chrono::milliseconds(100)))) {
    }
    EXPECT_EQ(outcome->seq, i);
  }
  EXPECT_EQ(pool.in_flight(), 0u);
}

TEST(BatchWorkerPool, WatchdogFailsASlowJobAndTheOthersGoOn) {
  WorkerPool pool(
      1, 0.1,
      [](const DocJob& job) {
        if (job.seq == 0) std::this_thread::sleep_for(std::chrono::milliseconds(600));
        DocOutcome outcome;
        outcome.seq = job.seq;
        return outcome;
      },
      [](DocOutcome&) {});
  for (std::uint64_t i = 0; i < 3; ++i) {
    DocJob job;
    job.seq = i;
    pool.submit(job);
  }
  const auto started = std::chrono::steady_clock::now();
  std::vector<DocOutcome> outcomes;
  while (outcomes.size() < 3)
    if (auto outcome = pool.next(std::chrono::milliseconds(50))) outcomes.push_back(*outcome);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(500));
  EXPECT_EQ(outcomes[0].status, DocStatus::kFailed);
  EXPECT_NE(outcomes[0].reason.find("timed out"), std::string::npos);
  EXPECT_EQ(outcomes[1].status, DocStatus::kOk);
  EXPECT_EQ(outcomes[2].status, DocStatus::kOk);
  std::this_thread::sleep_for(std::chrono::milliseconds(700));  // the abandoned thread ends
  EXPECT_EQ(WorkerPool::abandoned_running(), 0u);
}

}  // namespace
