// Hostile and huge inputs through the winnow binary (WINNOW_BIN): each must
// end with its documented exit code, never by a signal, within the ctest
// timeout. Big inputs are generated into a fresh directory under /tmp,
// removed afterwards.
#include <gtest/gtest.h>
#include <iconv.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
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
  int exit_code = -1;  // -1 when the process did not exit normally
  int signal = 0;      // the signal that ended it, 0 if none
  std::string out;
  std::string err;
};

// Runs `shell_prefix` + winnow + `args`, stdout and stderr into files. With
// an empty prefix winnow is exec'ed so that a crash shows as a signal.
RunResult run_winnow(const TempDir& dir, const std::string& args, const std::string& shell_prefix = "") {
  const std::string out_path = dir.file("stdout"), err_path = dir.file("stderr");
  std::string command = shell_prefix.empty() ? "exec " : shell_prefix;
  command += shell_quote(WINNOW_BIN) + " " + args + " >" + shell_quote(out_path) + " 2>" +
             shell_quote(err_path);
  RunResult result;
  int status = std::system(command.c_str());
  if (status != -1 && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (status != -1 && WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  result.out = read_file(out_path);
  result.err = read_file(err_path);
  return result;
}

RunResult run_winnow_on(const TempDir& dir, const std::string& input_path, const std::string& options = "") {
  return run_winnow(dir, options + " " + shell_quote(input_path));
}

bool is_one_winnow_error_line(const std::string& err) {
  return err.rfind("winnow: ", 0) == 0 && err.find('\n') == err.size() - 1;
}

bool is_valid_utf8(const std::string& text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || pos + length > text.size()) return false;
    for (std::size_t i = 1; i < length; ++i)
      if ((static_cast<unsigned char>(text[pos + i]) & 0xC0) != 0x80) return false;
    pos += length;
  }
  return true;
}

// UTF-8 -> `charset` with glibc iconv ("" on failure).
std::string encode_as(const std::string& utf8, const char* charset) {
  iconv_t converter = iconv_open(charset, "UTF-8");
  if (converter == reinterpret_cast<iconv_t>(-1)) return "";
  std::string input = utf8;
  std::string output(utf8.size() * 4 + 16, '\0');
  char* in = input.data();
  char* out = output.data();
  std::size_t in_left = input.size(), out_left = output.size();
  std::size_t converted = iconv(converter, &in, &in_left, &out, &out_left);
  iconv_close(converter);
  if (converted == static_cast<std::size_t>(-1)) return "";
  output.resize(output.size() - out_left);
  return output;
}

std::string random_bytes(std::size_t count, std::uint32_t seed) {
  std::mt19937 generator(seed);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string bytes(count, '\0');
  for (char& c : bytes) c = static_cast<char>(byte(generator));
  return bytes;
}

const std::string kEnglishParagraph =
    "The harbour authority announced on Monday that the old pier would close for repairs "
    "after inspectors found serious damage to its wooden supports, and fishermen who rely "
    "on it said they had been warning about the problem for years.";

const std::string kArabicParagraph =
    "يعتبر التعليم من أهم الركائز التي تقوم عليها المجتمعات الحديثة، فهو الطريق إلى التقدم "
    "والازدهار. وقد اهتمت الدول العربية بتطوير مناهجها الدراسية خلال العقود الماضية، وأنشأت "
    "الجامعات ومراكز البحث العلمي في مختلف المدن.";

// An HTML page whose body is `paragraphs` distinct <p> elements.
std::string html_page(std::size_t paragraphs) {
  std::string page = "<!DOCTYPE html><html><head><title>Big page</title></head><body><article>\n";
  for (std::size_t i = 0; i < paragraphs; ++i)
    page += "<p>Paragraph " + std::to_string(i) + ". " + kEnglishParagraph + "</p>\n";
  return page + "</article></body></html>\n";
}

class HostileTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(dir_.ok()); }
  std::string input(const std::string& name, const std::string& content) {
    std::string path = dir_.file(name);
    write_file(path, content);
    return path;
  }
  TempDir dir_;
};

TEST_F(HostileTest, EmptyInputGivesEmptyOutput) {
  RunResult run = run_winnow_on(dir_, input("empty.html", ""));
  EXPECT_EQ(run.signal, 0);
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "");
}

TEST_F(HostileTest, RandomBytesWithNulsAreBinary) {
  std::string bytes = random_bytes(64 * 1024, 42);
  for (std::size_t i = 0; i < bytes.size(); i += 97) bytes[i] = '\0';
  RunResult run = run_winnow_on(dir_, input("random.bin", bytes));
  EXPECT_EQ(run.signal, 0);
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_TRUE(is_one_winnow_error_line(run.err)) << run.err;
  EXPECT_EQ(run.out, "");
}

TEST_F(HostileTest, PngIsBinary) {
  std::string png = std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16) + random_bytes(8192, 7);
  RunResult run = run_winnow_on(dir_, input("image.png", png));
  EXPECT_EQ(run.signal, 0);
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_TRUE(is_one_winnow_error_line(run.err)) << run.err;
}

TEST_F(HostileTest, InvalidUtf8IsReplacedOrDropped) {
  std::string text = kEnglishParagraph + " Bad \xC3\x28 byte \xFF\xFE and cut \xE2\x82 sequence " +
                     "\xED\xA0\x80 surrogate.\n\n" + kEnglishParagraph + "\n";
  RunResult run = run_winnow_on(dir_, input("invalid.txt", text));
  EXPECT_EQ(run.signal, 0);
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_TRUE(is_valid_utf8(run.out));
  EXPECT_NE(run.out.find("harbour authority"), std::string::npos);
  RunResult json = run_winnow_on(dir_, dir_.file("invalid.txt"), "--format json");
  EXPECT_EQ(json.exit_code, 0);
  EXPECT_TRUE(is_valid_utf8(json.out));
}

TEST_F(HostileTest, Utf16LittleEndianWithBomIsDecoded) {
  std::string utf16 = encode_as(kEnglishParagraph + "\n\n" + kEnglishParagraph + "\n", "UTF-16LE");
  ASSERT_FALSE(utf16.empty());
  RunResult run = run_winnow_on(dir_, input("utf16.txt", "\xFF\xFE" + utf16));
  EXPECT_EQ(run.signal, 0);
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("harbour authority announced"), std::string::npos) << run.out.substr(0, 200);
}

TEST_F(HostileTest, Windows1256PageIsDecodedToUtf8) {
  std::string page = "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"windows-1256\">"
                     "<title>التعليم</title></head><body><article><p>" + kArabicParagraph + "</p><p>" +
                     kArabicParagraph + "</p></article></body></html>\n";
  std::string encoded = encode_as(page, "WINDOWS-1256");
  ASSERT_FALSE(encoded.empty());
  ASSERT_EQ(encoded.find("التعليم"), std::string::npos) << "the input really is single-byte";
  RunResult run = run_winnow_on(dir_, input("arabic.html", encoded));
  EXPECT_EQ(run.signal, 0);
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("يعتبر التعليم من أهم الركائز"), std::string::npos) << run.out.substr(0, 300);
}

TEST_F(HostileTest, FiftyMegabyteHtmlPage) {
  std::string page = html_page(50u * 1024 * 1024 / (kEnglishParagraph.size() + 30));
  ASSERT_GT(page.size(), 50u * 1000 * 1000);
  const std::string path = input("big.html", page);
  page.clear();
  page.shrink_to_fit();
  RunResult run = run_winnow_on(dir_, path);
  EXPECT_EQ(run.signal, 0);
  EXPECT_EQ(run.exit_code, 0) << run.err;
}

TEST_F(HostileTest, HundredThousandNestedDivs) {
  const int depth = 100000;
  std::string page = "<html><body>";
  page.reserve(depth * 12 + 1024);
  for (int i = 0; i < depth; ++i) page += "<div>";
  page += "<p>" + kEnglishParagraph + "</p>";
  for (int i = 0; i < depth; ++i) page += "</div>";
  page += "</body></html>\n";
  RunResult run = run_winnow_on(dir_, input("nested.html", page));
  EXPECT_EQ(run.signal, 0);
  EXPECT_EQ(run.exit_code, 0) << run.err;
}

TEST_F(HostileTest, TenMegabyteSingleLine) {
  std::string line;
  line.reserve(10u * 1024 * 1024 + kEnglishParagraph.size());
  while (line.size() < 10u * 1024 * 1024) line += kEnglishParagraph + " ";
  RunResult run = run_winnow_on(dir_, input("one-line.txt", line), "-t text");
  EXPECT_EQ(run.signal, 0);
  EXPECT_EQ(run.exit_code, 0) << run.err;
}

// Markdown whose brackets, parentheses, '<' and emphasis marks never close,
// a megabyte a line: read in linear time (a scan per opener took minutes),
// and the paragraph around them kept.
TEST_F(HostileTest, MarkdownWithUnclosedMarkupOnMegabyteLines) {
  std::string page = "# Unclosed markup\n\n" + kEnglishParagraph + "\n\n";
  for (const std::string unit : {"[", "[a](", "<", "*", "_x", "![b]("}) {
    std::string line;
    while (line.size() < 1024 * 1024) line += unit;
    page += line + "\n\n";
  }
  page += kEnglishParagraph + "\n";
  RunResult run = run_winnow_on(dir_, input("unclosed.md", page), "-t markdown");
  EXPECT_EQ(run.signal, 0);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("harbour authority"), std::string::npos);
}

// A page of short lines and no article goes through the no-article
// fallback, whose bounds are found once (a per-line rescan was quadratic).
TEST_F(HostileTest, ThreeHundredThousandMenuLinesWithoutArticle) {
  std::string page;
  for (int i = 0; i < 300000; ++i) page += "Menu item " + std::to_string(i) + "\n";
  RunResult run = run_winnow_on(dir_, input("menu.txt", page), "-t text");
  EXPECT_EQ(run.signal, 0);
  EXPECT_EQ(run.exit_code, 0) << run.err;
}

TEST_F(HostileTest, OverMaxBytesIsRefused) {
  const std::string path = input("medium.txt", std::string(200000, 'a'));
  RunResult from_file = run_winnow_on(dir_, path, "--max-bytes 100K");
  EXPECT_EQ(from_file.signal, 0);
  EXPECT_EQ(from_file.exit_code, 3);
  EXPECT_TRUE(is_one_winnow_error_line(from_file.err)) << from_file.err;

  RunResult from_pipe = run_winnow(dir_, "--max-bytes 100K", "cat " + shell_quote(path) + " | ");
  EXPECT_EQ(from_pipe.exit_code, 3);
  EXPECT_TRUE(is_one_winnow_error_line(from_pipe.err)) << from_pipe.err;

  EXPECT_EQ(run_winnow_on(dir_, path, "--max-bytes 200000").exit_code, 0);
}

TEST_F(HostileTest, SeventyMegabytesIsOverTheDefaultLimit) {
  const std::string path = dir_.file("huge.txt");
  {
    std::ofstream out(path, std::ios::binary);
    const std::string chunk = kEnglishParagraph + "\n\n";
    for (std::size_t written = 0; written < 70u * 1024 * 1024; written += chunk.size()) out << chunk;
  }
  RunResult from_file = run_winnow_on(dir_, path);
  EXPECT_EQ(from_file.signal, 0);
  EXPECT_EQ(from_file.exit_code, 3);
  EXPECT_TRUE(is_one_winnow_error_line(from_file.err)) << from_file.err;
  EXPECT_EQ(from_file.out, "");

  RunResult from_pipe = run_winnow(dir_, "", "cat " + shell_quote(path) + " | ");
  EXPECT_EQ(from_pipe.exit_code, 3);
  EXPECT_TRUE(is_one_winnow_error_line(from_pipe.err)) << from_pipe.err;
}

}  // namespace
