// winnow command-line tool: reads one HTML page or scraped text (a file or
// stdin), extracts the article body with libwinnow and writes it as text or
// JSON to stdout or, atomically, to a file.
//
// Exit codes: 0 processed (also when no article was found), 1 internal error,
// 2 usage error, 3 input unreadable, too large or binary, or output not written.
// Every error is one line on stderr starting "winnow: ". A closed stdout
// (winnow page.html | head -1) ends the run quietly.
//
// Batch runs (-r IN_DIR, --format jsonl, --input-format jsonl) are parsed
// here and dispatched to winnow::batch::run_batch (src/batch/).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "batch/batch_mode.h"
#include "batch/batch_options.h"
#include "batch/batch_runner.h"
#include "winnow.h"

namespace {

enum ExitCode { kExitOk = 0, kExitInternal = 1, kExitUsage = 2, kExitInput = 3 };

constexpr std::size_t kReadChunkBytes = std::size_t{1} << 20;
constexpr const char* kStdinName = "<stdin>";

constexpr const char* kHelpFooter = R"(
Examples:
  winnow page.html > page.txt
  curl -s URL | winnow
  winnow --format json --title page.html
  winnow --explain scraped.txt 2>why.txt
  winnow -t text < scraped.txt
  winnow -r pages/ -o clean/ --report report.tsv     (batch: a mirrored tree)
  winnow -r pages/ -o clean/ --resume -j 4 --learn-repeats
  winnow --input-format jsonl < crawl.jsonl > clean.jsonl
  parallel --pipe -k winnow --input-format jsonl -q < crawl.jsonl > clean.jsonl

Exit codes:
  0  processed (also when no article was found: empty output, a note on stderr)
  1  internal error
  2  usage error (bad option or value, unknown --encoding, unreadable --phrases)
  3  input unreadable, over --max-bytes or binary; output could not be written
     (batch: at least one document failed; the others were processed)
  130  batch interrupted by SIGINT or SIGTERM (in-flight documents finished))";

// Ends the run with `exit_code`; `message` (without "winnow: ") goes to stderr
// unless empty.
struct ExitRequest {
  int exit_code;
  std::string message;
};

[[noreturn]] void fail(int exit_code, std::string message) {
  throw ExitRequest{exit_code, std::move(message)};
}

std::string errno_text(int error_number) { return std::strerror(error_number); }

struct CliOptions {
  std::vector<std::string> input_paths;
  std::string input_path = "-";
  std::string input_type = "auto";
  std::string encoding;
  std::string format = "text";
  bool explain = false;
  bool with_title = false;
  bool precision = false;  // --precision
  bool recall = false;     // --recall
  bool comments = false;   // --comments
  std::string phrases_path;
  std::string max_bytes_text = "64M";
  std::string output_path;
  winnow::batch::BatchOptions batch;  // the batch-only settings
};

// ---- command line ---------------------------------------------------------

void define_options(CLI::App& app, CliOptions& cli) {
  app.footer(kHelpFooter);
  app.set_version_flag("-V,--version", std::string("winnow ") + winnow::kVersion);
  app.add_option("FILE", cli.input_paths,
                 "HTML page, scraped text or Markdown; stdin when absent or -. With -r: IN_DIR; with --format jsonl or "
                 "--input-format jsonl: any number of files")
      ->type_name("FILE");
  app.add_option("-t,--input-type", cli.input_type, "auto, html, text or markdown (default auto)")
      ->type_name("TYPE")
      ->check(CLI::IsMember({"auto", "html", "text", "markdown"}));
  app.add_option("-e,--encoding", cli.encoding, "Charset of the input; detected when absent")
      ->type_name("NAME");
  app.add_option("-f,--format", cli.format, "text, json or jsonl (batch: one JSON record a line) (default text)")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json", "jsonl"}));
  app.add_flag("--explain", cli.explain,
               "Explain every block's decision: on stderr (text) or as block features (json)");
  app.add_flag("--title", cli.with_title, "Print the headline first");
  auto* precision = app.add_flag("--precision", cli.precision,
                                 "On doubtful blocks rather drop text than keep chrome");
  auto* recall = app.add_flag("--recall", cli.recall, "On doubtful blocks rather keep chrome than drop text");
  precision->excludes(recall);
  app.add_flag("--comments", cli.comments,
               "Keep readers' comment threads (dropped by default); their headings, Reply buttons and forms still go");
  app.add_option("--phrases", cli.phrases_path,
                 "More chrome phrases, one a line ('#' comments and blank lines skipped)")
      ->type_name("FILE");
  app.add_option("--max-bytes", cli.max_bytes_text,
                 "Refuse inputs larger than N bytes; K, M, G suffixes (default 64M)")
      ->type_name("N");
  app.add_option("-o,--output", cli.output_path,
                 "Write to FILE (atomically) instead of stdout; with -r: the output folder OUT_DIR")
      ->type_name("FILE");
}

// Options of batch runs (src/batch/); see the README's "Batch mode and corpora".
void define_batch_options(CLI::App& app, winnow::batch::BatchOptions& batch) {
  auto* group = app.add_option_group("Batch", "Many documents: a folder tree or JSON lines");
  group->add_flag("-r,--recursive", batch.recursive,
                  "FILE is a folder IN_DIR: clean every document under it into -o OUT_DIR");
  group->add_option("-j,--jobs", batch.jobs, "Worker threads (default: all cores)")->type_name("N");
  group->add_option("--doc-timeout", batch.doc_timeout_seconds,
                    "A document taking longer than SECONDS fails alone (default 30; 0: no limit)")
      ->type_name("SECONDS")
      ->check(CLI::NonNegativeNumber);
  group->add_option("--include", batch.include,
                    "With -r: read files matching GLOB (repeatable; default *.html *.htm *.xhtml *.txt *.md *.markdown and "
                    "no extension)")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  group->add_option("--exclude", batch.exclude, "With -r: skip files and folders matching GLOB (repeatable)")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  group->add_flag("--resume", batch.resume, "With -r: skip documents whose output is not older than the input");
  group->add_flag("-q,--quiet", batch.quiet, "Batch: no progress line, failure notes or summary on stderr");
  group->add_option("--report", batch.report_path, "Batch: write a TSV row per document to FILE")->type_name("FILE");
  group->add_option("--input-format", batch.input_format, "raw (one document per file, default) or jsonl")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"raw", "jsonl"}));
  group->add_option("--html-field", batch.html_field, "JSON lines input: the document's field (default html)")
      ->type_name("NAME");
  group->add_option("--id-field", batch.id_field, "JSON lines input: the id copied to each record (default id)")
      ->type_name("NAME");
  group->add_option("--url-field", batch.url_field, "JSON lines input: the page URL (default url)")->type_name("NAME");
  group->add_flag("--learn-repeats", batch.learn_repeats,
                  "Batch: first learn blocks repeated across a folder's or site's documents, then drop them");
  group->add_option("--learn-sample", batch.learn_sample,
                    "Documents learned from per folder, or first records buffered from stdin (default 1000)")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
}

// The settings shared by single-document and batch runs, copied into the batch's.
void complete_batch_options(CliOptions& cli) {
  winnow::batch::BatchOptions& batch = cli.batch;
  batch.inputs = cli.input_paths;
  batch.output = cli.output_path;
  batch.format = cli.format;
  batch.explain = cli.explain;
  batch.with_title = cli.with_title;
  if (cli.input_paths.size() == 1) cli.input_path = cli.input_paths.front();
}

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// Parses argv into `cli`; help and version end the run with 0, every other
// parse error with 2.
void parse_command_line(int argc, char** argv, CliOptions& cli) {
  CLI::App app{"winnow: extract the article body of a web page or scraped text", "winnow"};
  define_options(app, cli);
  define_batch_options(app, cli.batch);
  try {
    app.parse(argc, argv);
    cli.batch.format_given = app.get_option("--format")->count() > 0;
    complete_batch_options(cli);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) {
      app.exit(error);  // prints help or version to stdout
      fail(kExitOk, "");
    }
    fail(kExitUsage, one_line(error.what()) + " (see winnow --help)");
  }
}

// "1048576", "512K", "64M", "1G" (also "64MB", "64MiB"): binary multiples.
std::size_t parse_byte_size(const std::string& text) {
  auto invalid = [&] {
    fail(kExitUsage, "--max-bytes: invalid size '" + text + "' (use e.g. 1048576, 512K, 64M, 1G)");
  };
  std::size_t digits_end = 0;
  while (digits_end < text.size() && text[digits_end] >= '0' && text[digits_end] <= '9') ++digits_end;
  if (digits_end == 0) invalid();
  std::string suffix = text.substr(digits_end);
  for (char& c : suffix) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  unsigned shift = 0;
  if (!suffix.empty()) {
    const std::string unit = suffix.substr(0, 1);
    const std::string rest = suffix.substr(1);
    if (rest != "" && rest != "B" && rest != "IB") invalid();
    if (unit == "K") shift = 10;
    else if (unit == "M") shift = 20;
    else if (unit == "G") shift = 30;
    else if (unit != "B" || rest != "") invalid();
  }
  std::size_t value = 0;
  for (std::size_t i = 0; i < digits_end; ++i) {
    std::size_t digit = static_cast<std::size_t>(text[i] - '0');
    if (value > (std::numeric_limits<std::size_t>::max() - digit) / 10) invalid();
    value = value * 10 + digit;
  }
  if (shift != 0 && value > (std::numeric_limits<std::size_t>::max() >> shift)) invalid();
  return value << shift;
}

// ---- input ----------------------------------------------------------------

bool is_stdin(const std::string& path) { return path.empty() || path == "-"; }

std::string display_name(const std::string& path) { return is_stdin(path) ? kStdinName : path; }

// Reads all of `fd` (at most limit_bytes + 1, enough to tell it is over).
// `error_code` is the exit code for read errors and oversize input.
std::string read_descriptor(int fd, const std::string& name, std::size_t limit_bytes,
                            int error_code) {
  struct stat info {};
  if (fstat(fd, &info) != 0) fail(error_code, name + ": " + errno_text(errno));
  if (S_ISDIR(info.st_mode)) fail(error_code, name + ": is a directory");
  const bool size_known = S_ISREG(info.st_mode);
  const std::size_t known_size = size_known ? static_cast<std::size_t>(info.st_size) : 0;
  if (size_known && known_size > limit_bytes)
    fail(error_code, name + ": input is " + std::to_string(known_size) +
                         " bytes, over the --max-bytes limit of " + std::to_string(limit_bytes));

  const std::size_t read_cap =
      limit_bytes == std::numeric_limits<std::size_t>::max() ? limit_bytes : limit_bytes + 1;
  std::string data;
  data.resize(std::min(read_cap, size_known ? known_size + 1 : kReadChunkBytes));
  std::size_t used = 0;
  while (used < read_cap) {
    if (used == data.size()) data.resize(std::min(read_cap, std::max(2 * data.size(), kReadChunkBytes)));
    ssize_t got = read(fd, data.data() + used, data.size() - used);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) fail(error_code, name + ": read error: " + errno_text(errno));
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
  }
  data.resize(used);
  if (used > limit_bytes)
    fail(error_code, name + ": input is larger than the --max-bytes limit of " +
                         std::to_string(limit_bytes) + " bytes");
  return data;
}

std::string read_named_file(const std::string& path, std::size_t limit_bytes, int error_code) {
  if (is_stdin(path)) return read_descriptor(STDIN_FILENO, kStdinName, limit_bytes, error_code);
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail(error_code, path + ": " + errno_text(errno));
  try {
    std::string data = read_descriptor(fd, path, limit_bytes, error_code);
    close(fd);
    return data;
  } catch (...) {
    close(fd);
    throw;
  }
}

std::string trim(std::string_view text) {
  const char* blanks = " \t\r\n\f\v";
  std::size_t first = text.find_first_not_of(blanks);
  if (first == std::string_view::npos) return "";
  std::size_t last = text.find_last_not_of(blanks);
  return std::string(text.substr(first, last - first + 1));
}

// One phrase a line; blank lines and lines starting with '#' skipped.
std::vector<std::string> read_phrases(const std::string& path) {
  constexpr std::size_t kMaxPhrasesFileBytes = std::size_t{16} << 20;
  if (is_stdin(path)) fail(kExitUsage, "--phrases: needs a file, not stdin");
  std::string content;
  try {
    content = read_named_file(path, kMaxPhrasesFileBytes, kExitUsage);
  } catch (ExitRequest& request) {
    request.message = "cannot read phrases file " + request.message;
    throw;
  }
  std::vector<std::string> phrases;
  std::size_t line_start = 0;
  while (line_start < content.size()) {
    std::size_t line_end = content.find('\n', line_start);
    if (line_end == std::string::npos) line_end = content.size();
    std::string phrase = trim(std::string_view(content).substr(line_start, line_end - line_start));
    if (!phrase.empty() && phrase.front() != '#') phrases.push_back(std::move(phrase));
    line_start = line_end + 1;
  }
  return phrases;
}

// ---- run ------------------------------------------------------------------

winnow::InputType to_input_type(const std::string& name) {
  if (name == "html") return winnow::InputType::kHtml;
  if (name == "text") return winnow::InputType::kText;
  if (name == "markdown") return winnow::InputType::kMarkdown;
  return winnow::InputType::kAuto;
}

winnow::Options make_extractor_options(const CliOptions& cli) {
  winnow::Options options;
  options.input_type = to_input_type(cli.input_type);
  options.encoding = cli.encoding;
  if (cli.precision) options.leaning = winnow::Leaning::kPrecision;
  if (cli.recall) options.leaning = winnow::Leaning::kRecall;
  options.keep_comments = cli.comments;
  options.max_bytes = parse_byte_size(cli.max_bytes_text);
  if (!cli.phrases_path.empty()) options.extra_phrases = read_phrases(cli.phrases_path);
  options.describe_blocks = cli.explain;  // only --explain shows them
  return options;
}

void check_status(const winnow::Result& result, const std::string& name) {
  auto message_or = [&](const char* fallback) {
    return result.error.empty() ? name + ": " + fallback : name + ": " + one_line(result.error);
  };
  switch (result.status) {
    case winnow::Status::kOk: return;
    case winnow::Status::kTooLarge: fail(kExitInput, message_or("input is over --max-bytes"));
    case winnow::Status::kBinary: fail(kExitInput, message_or("binary input, not a text document"));
    case winnow::Status::kBadEncoding: fail(kExitUsage, message_or("unknown encoding"));
  }
  fail(kExitInternal, name + ": unexpected status");
}

// ---- output ---------------------------------------------------------------

// Writes and flushes; a closed pipe ends the run quietly.
void write_stream(std::FILE* stream, std::string_view data, const std::string& name) {
  errno = 0;
  bool written = std::fwrite(data.data(), 1, data.size(), stream) == data.size();
  if (written) written = std::fflush(stream) == 0;
  if (written) return;
  int error_number = errno;
  if (error_number == EPIPE) fail(kExitOk, "");
  fail(kExitInput, "cannot write " + name + ": " + errno_text(error_number ? error_number : EIO));
}

void write_stderr_quietly(std::string_view text) {
  if (!text.empty()) {
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
  }
}

std::string directory_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string base_name_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// A symlink is followed so that its target, not the link, is replaced.
std::string resolve_symlink(const std::string& path) {
  struct stat info {};
  if (lstat(path.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) return path;
  char* resolved = realpath(path.c_str(), nullptr);
  if (resolved == nullptr) return path;
  std::string target = resolved;
  std::free(resolved);
  return target;
}

// Existing devices, pipes and the like (/dev/stdout, /dev/full) are written
// directly: they cannot be replaced by renaming.
bool is_special_file(const std::string& path) {
  struct stat info {};
  return stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode);
}

void write_special_file(const std::string& path, std::string_view data) {
  std::FILE* stream = std::fopen(path.c_str(), "wb");
  if (stream == nullptr) fail(kExitInput, "cannot write " + path + ": " + errno_text(errno));
  try {
    write_stream(stream, data, path);
  } catch (...) {
    std::fclose(stream);
    throw;
  }
  if (std::fclose(stream) != 0) fail(kExitInput, "cannot write " + path + ": " + errno_text(errno));
}

// Writes a temp file next to `path`, then renames it over `path`: readers
// see the old file or the whole new one, and a failure leaves no partial file.
void write_file_atomically(const std::string& requested_path, std::string_view data) {
  const std::string path = resolve_symlink(requested_path);
  if (is_special_file(path)) return write_special_file(path, data);
  std::string temp_path = directory_of(path) + "/." + base_name_of(path) + ".winnow-XXXXXX";
  int fd = mkstemp(temp_path.data());
  if (fd < 0) fail(kExitInput, "cannot write " + requested_path + ": " + errno_text(errno));
  auto give_up = [&](int error_number) {
    close(fd);
    unlink(temp_path.c_str());
    fail(kExitInput, "cannot write " + requested_path + ": " + errno_text(error_number));
  };
  std::size_t written = 0;
  while (written < data.size()) {
    ssize_t put = write(fd, data.data() + written, data.size() - written);
    if (put < 0 && errno == EINTR) continue;
    if (put < 0) give_up(errno);
    written += static_cast<std::size_t>(put);
  }
  const mode_t process_umask = umask(0);
  umask(process_umask);
  if (fchmod(fd, 0666 & ~process_umask) != 0) give_up(errno);
  if (fsync(fd) != 0) give_up(errno);
  if (close(fd) != 0) {
    int error_number = errno;
    unlink(temp_path.c_str());
    fail(kExitInput, "cannot write " + requested_path + ": " + errno_text(error_number));
  }
  if (rename(temp_path.c_str(), path.c_str()) != 0) {
    int error_number = errno;
    unlink(temp_path.c_str());
    fail(kExitInput, "cannot write " + requested_path + ": " + errno_text(error_number));
  }
}

void write_output(const CliOptions& cli, std::string_view output) {
  if (cli.output_path.empty() || cli.output_path == "-")
    write_stream(stdout, output, "standard output");
  else
    write_file_atomically(cli.output_path, output);
}

std::string render_output(const CliOptions& cli, const winnow::Result& result) {
  if (cli.format == "json") return winnow::render_json(result, cli.explain);
  return winnow::render_text(result, cli.with_title);
}

int run(int argc, char** argv) {
  CliOptions cli;
  parse_command_line(argc, argv, cli);
  if (winnow::batch::is_batch_request(cli.batch))
    return winnow::batch::run_batch(cli.batch, make_extractor_options(cli));
  if (std::string misuse = winnow::batch::single_document_misuse(cli.batch); !misuse.empty())
    fail(kExitUsage, misuse + " (see winnow --help)");
  const winnow::Options options = make_extractor_options(cli);
  const std::string name = display_name(cli.input_path);
  const std::string input = read_named_file(cli.input_path, options.max_bytes, kExitInput);

  const winnow::Extractor extractor(options);
  const winnow::Result result = extractor.extract(input);
  check_status(result, name);

  const bool article_found = !result.text().empty();
  if (cli.explain && cli.format != "json") write_stderr_quietly(winnow::render_explain(result));
  // A soft 404 (not_found_page.cpp marks every block) is said as such.
  const bool says_not_found = !result.blocks.empty() && result.blocks.front().rule == "not-found-page";
  if (!article_found)
    write_stderr_quietly("winnow: no article found in " + name +
                         (says_not_found ? " (the page says it has nothing to show)\n" : "\n"));
  const bool print_nothing = !article_found && cli.format != "json";
  const std::string output = print_nothing ? std::string() : render_output(cli, result);
  write_output(cli, output);
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  try {
    return run(argc, argv);
  } catch (const ExitRequest& request) {
    if (!request.message.empty()) write_stderr_quietly("winnow: " + request.message + "\n");
    return request.exit_code;
  } catch (const std::bad_alloc&) {
    write_stderr_quietly("winnow: out of memory\n");
    return kExitInternal;
  } catch (const std::exception& error) {
    write_stderr_quietly("winnow: internal error: " + one_line(error.what()) + "\n");
    return kExitInternal;
  } catch (...) {
    write_stderr_quietly("winnow: internal error\n");
    return kExitInternal;
  }
}
