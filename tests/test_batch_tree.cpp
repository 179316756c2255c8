// Batch tree mode end to end (winnow -r IN_DIR -o OUT_DIR), run as a process:
// a tree with nested, Arabic, spaced and odd-byte names, a FIFO, a dangling
// symlink, a binary file, a symlink loop and symlinks out of the tree;
// outputs, report rows and exit codes; -j 1 and -j 4 byte-identical;
// --resume; SIGKILL mid-way then --resume equals an uninterrupted run;
// SIGINT; --doc-timeout; OUT_DIR inside IN_DIR.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <random>
#include <thread>

#include <nlohmann/json.hpp>

#include "batch_test_support.h"
#include "winnow.h"

namespace {

using namespace batch_test;

std::string fixture(const std::string& name) { return read_file(std::string(WINNOW_FIXTURES) + "/golden/" + name); }

std::string gzip_bytes(const std::string& data) {
  z_stream stream{};
  deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, data.size()) + 64, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string random_binary(std::size_t size) {
  std::mt19937 random(42);
  std::string bytes(size, '\0');
  for (auto& byte : bytes) byte = static_cast<char>(random() & 0xff);
  return bytes;
}

// What single-document winnow prints for `bytes`.
std::string expected_text(const std::string& bytes) {
  const winnow::Extractor extractor;
  const winnow::Result result = extractor.extract(bytes);
  return result.text().empty() ? "" : winnow::render_text(result, false);
}

const std::string kOddName = std::string("odd \xff\xfe name.html");

// The integration tree of issue #4; returns input relative path -> content.
std::map<std::string, std::string> build_tree(const ScratchDir& dir) {
  std::map<std::string, std::string> documents = {
      {"top.html", fixture("en-clean.in.html")},
      {"a.html", fixture("fr-actu.in.html")},
      {"a.txt", fixture("en-scraped-news.in.txt")},
      {"noext", fixture("de-nachrichten.in.txt")},
      {"nested/deeper/story.htm", fixture("de-ratgeber.in.html")},
      {"مجلد عربي/مقال إخباري.txt", fixture("ar-news-readalso.in.txt")},
      {"with space/" + kOddName, fixture("es-noticia.in.html")},
  };
  for (const auto& [path, content] : documents) write_file(dir / ("in/" + path), content);
  write_file(dir / "in/nested/deeper/compressed.html.gz", gzip_bytes(fixture("ru-blog.in.html")));
  write_file(dir / "in/binary.html", random_binary(4096));
  write_file(dir / "in/style.css", "body { color: red }");
  write_file(dir / "elsewhere/secret.html", fixture("tr-haber.in.html"));
  mkfifo((dir / "in/pipe.html").c_str(), 0644);
  symlink("no-such-file.html", (dir / "in/gone.html").c_str());
  symlink("..", (dir / "in/nested/loop").c_str());
  symlink((dir / "elsewhere/secret.html").c_str(), (dir / "in/outside.html").c_str());
  symlink((dir / "elsewhere").c_str(), (dir / "in/outside-folder").c_str());
  documents["nested/deeper/compressed.html.gz"] = fixture("ru-blog.in.html");
  return documents;
}

std::map<std::string, std::string> expected_outputs(const std::map<std::string, std::string>& documents) {
  const std::map<std::string, std::string> output_of = {
      {"top.html", "top.txt"},
      {"a.html", "a.html.txt"},
      {"a.txt", "a.txt.txt"},
      {"noext", "noext.txt"},
      {"nested/deeper/story.htm", "nested/deeper/story.txt"},
      {"nested/deeper/compressed.html.gz", "nested/deeper/compressed.txt"},
      {"مجلد عربي/مقال إخباري.txt", "مجلد عربي/مقال إخباري.txt"},
      {"with space/" + kOddName, "with space/odd \xff\xfe name.txt"},
  };
  std::map<std::string, std::string> outputs;
  for (const auto& [input, output] : output_of) outputs[output] = expected_text(documents.at(input));
  return outputs;
}

class BatchTreeTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(dir_.ok()); }
  ScratchDir dir_;
};

TEST_F(BatchTreeTest, MirrorsTheTreeAndReportsEveryEntry) {
  const auto documents = build_tree(dir_);
  WinnowRun run = run_winnow(dir_, "-r in -o out -j 2 --report report.tsv");
  EXPECT_EQ(run.exit_code, 3) << run.err;  // binary, FIFO and dangling symlink failed
  EXPECT_EQ(read_tree(dir_ / "out"), expected_outputs(documents));

  auto rows = rows_by_path(dir_ / "report.tsv");
  ASSERT_EQ(rows.count("path"), 1u);
  EXPECT_EQ(rows["path"], (std::vector<std::string>{"path", "status", "input_bytes", "output_bytes", "language",
                                                    "title", "reason"}));
  EXPECT_EQ(rows.size(), 15u);  // header + 8 documents + 6 problem entries
  for (const char* ok : {"top.html", "a.html", "nested/deeper/story.htm", "nested/deeper/compressed.html.gz"})
    EXPECT_EQ(rows[ok].at(1), "ok") << ok;
  EXPECT_EQ(rows["top.html"].at(2), std::to_string(documents.at("top.html").size()));
  EXPECT_EQ(rows["top.html"].at(3), std::to_string(read_file(dir_ / "out/top.txt").size()));
  EXPECT_EQ(rows["top.html"].at(4), "en");
  EXPECT_EQ(rows["top.html"].at(5), "Why bees dance");
  EXPECT_NE(rows["a.html"].at(6).find("name collision"), std::string::npos);
  EXPECT_NE(rows["a.txt"].at(6).find("name collision"), std::string::npos);
  EXPECT_EQ(rows["مجلد عربي/مقال إخباري.txt"].at(4), "ar");
  EXPECT_EQ(rows.count("with space/" + kOddName), 1u);
  EXPECT_EQ(rows["binary.html"].at(1), "failed");
  EXPECT_NE(rows["binary.html"].at(6).find("binary"), std::string::npos);
  EXPECT_EQ(rows["pipe.html"].at(1), "failed");
  EXPECT_EQ(rows["gone.html"].at(1), "failed");
  EXPECT_NE(rows["gone.html"].at(6).find("dangling"), std::string::npos);
  EXPECT_EQ(rows["nested/loop"].at(1), "skipped");
  EXPECT_NE(rows["nested/loop"].at(6).find("loop"), std::string::npos);
  EXPECT_EQ(rows["outside.html"].at(1), "skipped");
  EXPECT_EQ(rows["outside-folder"].at(1), "skipped");
  EXPECT_EQ(rows.count("style.css"), 0u);

  EXPECT_NE(run.err.find("winnow: binary.html: "), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("8 ok"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("3 failed"), std::string::npos) << run.err;
  EXPECT_EQ(read_file(dir_ / "elsewhere/secret.html"), fixture("tr-haber.in.html"));
}

TEST_F(BatchTreeTest, OneAndFourThreadsGiveIdenticalBytes) {
  build_tree(dir_);
  for (int i = 0; i < 40; ++i)
    write_file(dir_ / ("in/many/page" + std::to_string(i) + ".html"),
               fixture(i % 2 ? "en-news-cookie.in.html" : "ar-news-site.in.html"));
  WinnowRun one = run_winnow(dir_, "-r in -o out1 -j 1 -q --report r1.tsv");
  WinnowRun four = run_winnow(dir_, "-r in -o out4 -j 4 -q --report r4.tsv");
  EXPECT_EQ(one.exit_code, 3);
  EXPECT_EQ(four.exit_code, 3);
  EXPECT_EQ(one.err, "");  // --quiet
  EXPECT_EQ(read_tree(dir_ / "out1"), read_tree(dir_ / "out4"));
  EXPECT_EQ(read_file(dir_ / "r1.tsv"), read_file(dir_ / "r4.tsv"));
}

TEST_F(BatchTreeTest, ResumeSkipsCurrentOutputsAndRedoesNewerInputs) {
  const auto documents = build_tree(dir_);
  ASSERT_EQ(run_winnow(dir_, "-r in -o out -q").exit_code, 3);
  const auto first = read_tree(dir_ / "out");
  WinnowRun resumed = run_winnow(dir_, "-r in -o out --resume --report r.tsv");
  EXPECT_EQ(resumed.exit_code, 3);
  EXPECT_EQ(read_tree(dir_ / "out"), first);
  auto rows = rows_by_path(dir_ / "r.tsv");
  EXPECT_EQ(rows["top.html"].at(1), "skipped");
  EXPECT_EQ(rows["top.html"].at(3), std::to_string(first.at("top.txt").size()));
  EXPECT_EQ(rows["binary.html"].at(1), "failed");

  write_file(dir_ / "in/top.html", fixture("en-short.in.html"));
  fs::last_write_time(dir_ / "in/top.html", fs::file_time_type::clock::now() + std::chrono::seconds(5));
  ASSERT_EQ(run_winnow(dir_, "-r in -o out --resume -q --report r.tsv").exit_code, 3);
  rows = rows_by_path(dir_ / "r.tsv");
  EXPECT_EQ(rows["top.html"].at(1), "ok");
  EXPECT_EQ(rows["a.html"].at(1), "skipped");
  EXPECT_EQ(read_file(dir_ / "out/top.txt"), expected_text(fixture("en-short.in.html")));
}

// A tree big enough that a -j 1 run takes a second or two.
void build_many_pages(const ScratchDir& dir, int pages) {
  const char* sources[] = {"en-news-cookie.in.html", "ar-economy-newsletter.in.txt", "ru-blog.in.html",
                           "ar-second-article.in.txt", "fa-news.in.html"};
  for (int i = 0; i < pages; ++i)
    write_file(dir / ("in/part" + std::to_string(i % 7) + "/page" + std::to_string(i) + ".html"),
               fixture(sources[i % 5]) + "\n<!-- " + std::to_string(i) + " -->\n");
}

std::size_t count_files(const std::string& root) {
  std::error_code error;
  std::size_t count = 0;
  for (auto it = fs::recursive_directory_iterator(root, error); !error && it != fs::recursive_directory_iterator();
       it.increment(error))
    count += it->is_regular_file() ? 1 : 0;
  return count;
}

// Starts winnow in `dir` with `args`, output to /dev/null; returns its pid.
pid_t start_winnow(const ScratchDir& dir, const std::vector<std::string>& args) {
  pid_t pid = fork();
  if (pid == 0) {
    if (chdir(dir.path().c_str()) != 0) _exit(127);
    int null = open("/dev/null", O_RDWR);
    dup2(null, 0), dup2(null, 1), dup2(null, 2);
    std::vector<char*> argv{const_cast<char*>(WINNOW_BIN)};
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(WINNOW_BIN, argv.data());
    _exit(127);
  }
  return pid;
}

// Waits until `root` holds `files` files (or 20 s).
void wait_for_files(const std::string& root, std::size_t files) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (count_files(root) < files && std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

int wait_exit_code(pid_t pid, bool* killed = nullptr) {
  int status = 0;
  waitpid(pid, &status, 0);
  if (killed != nullptr) *killed = WIFSIGNALED(status);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST_F(BatchTreeTest, KilledRunResumedEqualsAnUninterruptedRun) {
  constexpr int kPages = 700;
  build_many_pages(dir_, kPages);
  ASSERT_EQ(run_winnow(dir_, "-r in -o whole -j 2 -q").exit_code, 0);
  ASSERT_EQ(count_files(dir_ / "whole"), static_cast<std::size_t>(kPages));

  pid_t pid = start_winnow(dir_, {"-r", "in", "-o", "killed", "-j", "1"});
  wait_for_files(dir_ / "killed", 40);
  kill(pid, SIGKILL);
  bool killed = false;
  wait_exit_code(pid, &killed);
  const std::size_t written_before_kill = count_files(dir_ / "killed");
  EXPECT_TRUE(killed);
  EXPECT_LT(written_before_kill, static_cast<std::size_t>(kPages)) << "the run ended before the kill";
  // Whatever was there when it died is whole.
  const auto whole = read_tree(dir_ / "whole");
  for (const auto& [path, content] : read_tree(dir_ / "killed")) {
    ASSERT_EQ(whole.count(path), 1u) << "stray file " << path;
    EXPECT_EQ(content, whole.at(path)) << path;
  }
  WinnowRun resumed = run_winnow(dir_, "-r in -o killed --resume -j 2 --report r.tsv");
  EXPECT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_EQ(read_tree(dir_ / "killed"), whole);
  std::size_t skipped = 0;
  for (auto& row : read_tsv(dir_ / "r.tsv")) skipped += row.at(1) == "skipped" ? 1 : 0;
  EXPECT_EQ(skipped, written_before_kill);
}

TEST_F(BatchTreeTest, SigintFinishesInFlightDocumentsAndSummarises) {
  build_many_pages(dir_, 700);
  const std::string err_path = dir_ / "err.txt";
  pid_t pid = fork();
  if (pid == 0) {
    if (chdir(dir_.path().c_str()) != 0) _exit(127);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(err, 2);
    execl(WINNOW_BIN, WINNOW_BIN, "-r", "in", "-o", "out", "-j", "2", "--report", "r.tsv", static_cast<char*>(nullptr));
    _exit(127);
  }
  wait_for_files(dir_ / "out", 30);
  kill(pid, SIGINT);
  EXPECT_EQ(wait_exit_code(pid), 130);
  const std::string err = read_file(err_path);
  EXPECT_NE(err.find("interrupted"), std::string::npos) << err;
  EXPECT_NE(err.find("documents:"), std::string::npos) << err;
  auto rows = read_tsv(dir_ / "r.tsv");
  ASSERT_GT(rows.size(), 1u);
  EXPECT_LT(rows.size(), 701u);
  EXPECT_EQ(rows.size() - 1, count_files(dir_ / "out"));  // every reported document has its whole output
  for (std::size_t i = 1; i < rows.size(); ++i) EXPECT_NE(rows[i].at(1), "failed") << rows[i].at(0);
}

TEST_F(BatchTreeTest, SlowDocumentTimesOutAloneAndTheBatchGoesOn) {
  std::string page = "<html><body>";
  for (int i = 0; i < 40000; ++i)
    page += "<p>The river crossing was busy again this morning, said the ferry operator number " + std::to_string(i) +
            ", as the bridge stayed closed for repairs.</p>";
  page += "</body></html>";
  write_file(dir_ / "in/slow.html", page);
  write_file(dir_ / "in/a.html", fixture("en-clean.in.html"));
  write_file(dir_ / "in/z.html", fixture("fr-actu.in.html"));
  const auto started = std::chrono::steady_clock::now();
  WinnowRun run = run_winnow(dir_, "-r in -o out -j 2 --doc-timeout 0.2 --report r.tsv");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  auto rows = rows_by_path(dir_ / "r.tsv");
  if (rows["slow.html"].at(1) == "ok") GTEST_SKIP() << "this machine extracts the slow page within 0.2 s";
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_EQ(rows["slow.html"].at(1), "failed");
  EXPECT_NE(rows["slow.html"].at(6).find("timed out"), std::string::npos);
  EXPECT_EQ(rows["a.html"].at(1), "ok");
  EXPECT_EQ(rows["z.html"].at(1), "ok");
  EXPECT_FALSE(fs::exists(dir_ / "out/slow.txt"));
  EXPECT_LT(seconds, 30.0);
}

TEST_F(BatchTreeTest, OutDirInsideInDirIsRefusedUnlessExcluded) {
  write_file(dir_ / "in/a.html", fixture("en-clean.in.html"));
  WinnowRun refused = run_winnow(dir_, "-r in -o in/clean");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("--exclude"), std::string::npos) << refused.err;
  EXPECT_FALSE(fs::exists(dir_ / "in/clean"));
  EXPECT_EQ(run_winnow(dir_, "-r in -o in").exit_code, 2);
  WinnowRun excluded = run_winnow(dir_, "-r in -o in/clean --exclude clean -q");
  EXPECT_EQ(excluded.exit_code, 0) << excluded.err;
  EXPECT_EQ(read_file(dir_ / "in/clean/a.txt"), expected_text(fixture("en-clean.in.html")));
  // A second run does not read its own outputs.
  EXPECT_EQ(run_winnow(dir_, "-r in -o in/clean --exclude clean -q --report r.tsv").exit_code, 0);
  EXPECT_EQ(read_tsv(dir_ / "r.tsv").size(), 2u);
}

TEST_F(BatchTreeTest, UsageErrors) {
  write_file(dir_ / "in/a.html", fixture("en-clean.in.html"));
  for (const std::string args : {"-r in", "-r in/a.html -o out", "-r in other -o out", "--resume in/a.html",
                                 "--report r.tsv in/a.html", "-r in -o out --input-format jsonl"}) {
    WinnowRun run = run_winnow(dir_, args);
    EXPECT_EQ(run.exit_code, 2) << args << ": " << run.err;
    EXPECT_EQ(run.err.rfind("winnow: ", 0), 0u) << args;
  }
  EXPECT_EQ(run_winnow(dir_, "-r missing -o out").exit_code, 3);
}

TEST_F(BatchTreeTest, JsonFormatAndGlobs) {
  write_file(dir_ / "in/a.html", fixture("en-clean.in.html"));
  write_file(dir_ / "in/b.page", fixture("fr-actu.in.html"));
  write_file(dir_ / "in/drafts/c.html", fixture("de-ratgeber.in.html"));
  WinnowRun run = run_winnow(dir_, "-r in -o out -f json --include '*.page' --include '*.html' --exclude drafts -q");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  auto tree = read_tree(dir_ / "out");
  ASSERT_EQ(tree.size(), 2u);
  auto json = nlohmann::json::parse(tree.at("b.json"));
  EXPECT_EQ(json["language"], "fr");
  EXPECT_EQ(json["schema_version"], winnow::kJsonSchemaVersion);
  EXPECT_EQ(tree.count("a.json"), 1u);
}

TEST_F(BatchTreeTest, ExplainListsEachDocumentInOrder) {
  write_file(dir_ / "in/a.html", fixture("en-clean.in.html"));
  write_file(dir_ / "in/b.html", fixture("fr-actu.in.html"));
  WinnowRun run = run_winnow(dir_, "-r in -o out -j 2 --explain -q");
  EXPECT_EQ(run.exit_code, 0);
  std::size_t a = run.err.find("== a.html\n#0 "), b = run.err.find("== b.html\n#0 ");
  EXPECT_NE(a, std::string::npos) << run.err;
  EXPECT_NE(b, std::string::npos);
  EXPECT_LT(a, b);
}

}  // namespace
