// winnow_speed: how fast winnow is on one core, stage by stage, and how fast,
// how big and how quick to start the winnow binary is. bench/speed.sh runs it
// over ../shared/bench; see bench/README.md.
//
//   winnow_speed [--runs N] [--json FILE] [--html NAME=DIR]... [--text NAME=DIR]... [--markdown NAME=DIR]...
//                [--winnow BIN] [--startup-runs N] [--out-dir DIR]
//
// In-process: the files of each dataset are loaded into memory, then
// extracted one after the other on this thread through the library's
// pipeline, timed per stage (decode, pre-scan, parse, segment, features,
// classify, render); the best of N runs counts.
// With --winnow BIN, per dataset: `BIN -r DIR -o TMP -j 1` (best of N runs;
// its peak RSS from wait4), and BIN's start-up time: `BIN --version` and BIN
// on a one-paragraph page, median of --startup-runs runs. Batch outputs go
// under --out-dir (default /dev/shm when it exists, else the temp folder).
// Pin the process to one core (taskset -c 1): the children inherit it.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lexicon.h"
#include "pipeline.h"
#include "stage_clock.h"
#include "winnow.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using winnow::internal::kStageCount;
using winnow::internal::kStageNames;
using winnow::internal::Stage;
using winnow::internal::StageClock;
using winnow::internal::StageTimes;

// Issue #5's memory budget: 64 MB plus 16 times the largest input of a batch.
constexpr double kRssBaseBytes = 64.0 * (1 << 20);
constexpr double kRssPerInputByte = 16;
constexpr const char* kTinyPage = "<html><body><p>One short paragraph of text.</p></body></html>\n";

struct Dataset {
  std::string name;
  fs::path dir;
  winnow::InputType type;
  std::vector<fs::path> files;
  size_t bytes = 0;
  size_t largest = 0;
};

struct InProcess {
  double seconds = 0;  // best run
  StageTimes stages;   // of the best run
};

struct Batch {
  double seconds = 0;  // best run
  long peak_rss_kb = 0;  // highest of all runs
  bool ok = true;
};

struct Options {
  int runs = 3;
  int startup_runs = 100;
  std::string json_path;
  std::string winnow_bin;
  std::string out_parent;  // where batch outputs go (default: /dev/shm or the temp folder)
  std::vector<Dataset> datasets;
};

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "winnow_speed: " << message
            << "\nusage: winnow_speed [--runs N] [--json FILE] [--html NAME=DIR]... [--text NAME=DIR]... [--markdown NAME=DIR]...\n"
               "                    [--winnow BIN] [--startup-runs N] [--out-dir DIR]\n";
  std::exit(2);
}

Dataset dataset_arg(const std::string& value, winnow::InputType type) {
  const size_t eq = value.find('=');
  if (eq == std::string::npos) usage_error("dataset must be NAME=DIR: " + value);
  return {value.substr(0, eq), value.substr(eq + 1), type, {}, 0, 0};
}

Options parse_args(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage_error(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--runs") options.runs = std::max(1, std::atoi(value().c_str()));
    else if (arg == "--startup-runs") options.startup_runs = std::max(1, std::atoi(value().c_str()));
    else if (arg == "--json") options.json_path = value();
    else if (arg == "--winnow") options.winnow_bin = value();
    else if (arg == "--out-dir") options.out_parent = value();
    else if (arg == "--html") options.datasets.push_back(dataset_arg(value(), winnow::InputType::kHtml));
    else if (arg == "--text") options.datasets.push_back(dataset_arg(value(), winnow::InputType::kText));
    else if (arg == "--markdown") options.datasets.push_back(dataset_arg(value(), winnow::InputType::kMarkdown));
    else usage_error("unknown argument " + arg);
  }
  return options;
}

// "html", "text" or "markdown": winnow's -t value for the dataset's files.
const char* mode_name(winnow::InputType type) {
  return type == winnow::InputType::kHtml ? "html" : type == winnow::InputType::kMarkdown ? "markdown" : "text";
}

// The dataset's .html (HTML), .txt (text) or .md (Markdown) files under its
// folder, sorted by path, and their sizes.
std::string extension_of(const Dataset& dataset) {
  return dataset.type == winnow::InputType::kHtml       ? ".html"
         : dataset.type == winnow::InputType::kMarkdown ? ".md"
                                                        : ".txt";
}

void list_files(Dataset& dataset) {
  for (const auto& entry : fs::recursive_directory_iterator(dataset.dir))
    if (entry.is_regular_file() && entry.path().extension() == extension_of(dataset))
      dataset.files.push_back(entry.path());
  std::sort(dataset.files.begin(), dataset.files.end());
  for (const fs::path& file : dataset.files) {
    const size_t size = fs::file_size(file);
    dataset.bytes += size;
    dataset.largest = std::max(dataset.largest, size);
  }
}

// ------------------------------------------------------------ in-process

InProcess run_in_process(const Dataset& dataset, int runs) {
  std::vector<std::string> documents;
  for (const fs::path& file : dataset.files) documents.push_back(read_file(file));
  winnow::Options options;
  options.input_type = dataset.type;
  options.describe_blocks = false;  // as the winnow command without --explain
  const winnow::internal::Lexicon lexicon(options.extra_phrases);
  InProcess best;
  for (int run = 0; run < runs; ++run) {
    StageTimes times;
    const double start = now_seconds();
    for (const std::string& document : documents) {
      StageClock clock(&times);
      const winnow::Result result = winnow::internal::run_pipeline(options, lexicon, document, clock);
      const std::string text = winnow::render_text(result, false);
      clock.lap(Stage::kRender);
    }
    const double seconds = now_seconds() - start;
    if (run == 0 || seconds < best.seconds) best = {seconds, times};
  }
  return best;
}

// ------------------------------------------------------------ child runs

struct ChildRun {
  double seconds = 0;
  long max_rss_kb = 0;
  bool ok = false;
};

// Runs argv with stdin from `stdin_path` (or /dev/null), stdout to /dev/null.
ChildRun run_child(const std::vector<std::string>& args, const std::string& stdin_path = "/dev/null") {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  ChildRun result;
  const double start = now_seconds();
  pid_t pid = 0;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0) {
    int status = 0;
    struct rusage usage {};
    if (wait4(pid, &status, 0, &usage) == pid) {
      result.seconds = now_seconds() - start;
      result.max_rss_kb = usage.ru_maxrss;
      result.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
  }
  posix_spawn_file_actions_destroy(&actions);
  return result;
}

// Batch outputs go to tmpfs (/dev/shm) when there is one: the figures are
// then winnow's, not the output filesystem's (ext4 allocating inodes next to
// many recently deleted ones, as in repeated runs, costs up to a third).
fs::path make_temp_dir(const std::string& parent) {
  std::error_code error;
  const fs::path base = !parent.empty()                        ? fs::path(parent)
                        : fs::is_directory("/dev/shm", error) ? fs::path("/dev/shm")
                                                               : fs::temp_directory_path();
  std::string pattern = (base / "winnow-speed-XXXXXX").string();
  if (!mkdtemp(pattern.data())) {
    std::perror("winnow_speed: mkdtemp");
    std::exit(1);
  }
  return pattern;
}

// `winnow -r DIR -o OUT -j 1`, one process for the whole dataset.
Batch run_batch(const std::string& bin, const Dataset& dataset, int runs, const fs::path& temp) {
  const std::string type = mode_name(dataset.type);
  Batch best;
  for (int run = 0; run < runs; ++run) {
    const fs::path out = temp / "out";
    fs::remove_all(out);
    std::string include = "*";
    include += extension_of(dataset);
    ChildRun child = run_child({bin, "-r", dataset.dir.string(), "-o", out.string(), "--include", include,
                                "-t", type, "-j", "1", "-q"});
    best.ok &= child.ok;
    if (run == 0 || child.seconds < best.seconds) best.seconds = child.seconds;
    best.peak_rss_kb = std::max(best.peak_rss_kb, child.max_rss_kb);
  }
  fs::remove_all(temp / "out");
  return best;
}

double median_ms(std::vector<double> seconds) {
  std::sort(seconds.begin(), seconds.end());
  return seconds.empty() ? 0 : 1000 * seconds[seconds.size() / 2];
}

// Median wall time of `args`, run `runs` times.
double startup_ms(const std::vector<std::string>& args, int runs, const std::string& stdin_path) {
  std::vector<double> seconds;
  for (int run = 0; run < runs; ++run) seconds.push_back(run_child(args, stdin_path).seconds);
  return median_ms(seconds);
}

// ------------------------------------------------------------ report

double mb(double bytes) { return bytes / 1e6; }

nlohmann::ordered_json stage_json(const StageTimes& times, size_t pages) {
  nlohmann::ordered_json stages;
  for (int s = 0; s < kStageCount; ++s) stages[kStageNames[s]] = 1000 * times.seconds[s] / double(pages);
  return stages;
}

void print_in_process(const Dataset& d, const InProcess& r) {
  std::printf("%-18s %-4s %5zu %7.1f %9.1f %8.1f  |", d.name.c_str(),
              mode_name(d.type), d.files.size(), mb(d.bytes),
              d.files.size() / r.seconds, mb(d.bytes) / r.seconds);
  for (int s = 0; s < kStageCount; ++s) std::printf(" %8.3f", 1000 * r.stages.seconds[s] / d.files.size());
  std::printf("\n");
}

void print_batch(const Dataset& d, const Batch& b) {
  const double limit = kRssBaseBytes + kRssPerInputByte * double(d.largest);
  std::printf("%-18s %-4s %5zu %7.1f %9.1f %8.1f  | %7.1f %7.1f %7.2f %s\n", d.name.c_str(),
              mode_name(d.type), d.files.size(), mb(d.bytes),
              d.files.size() / b.seconds, mb(d.bytes) / b.seconds, b.peak_rss_kb / 1024.0,
              limit / (1 << 20), mb(d.largest), b.ok ? "" : "  (winnow failed)");
}

}  // namespace

int main(int argc, char** argv) {
  Options options = parse_args(argc, argv);
  nlohmann::ordered_json report;
  report["runs"] = options.runs;
  for (Dataset& d : options.datasets) list_files(d);

  // The child processes run first, while this process is still small: a
  // child's peak RSS counts this process's at the time it was spawned.
  if (!options.winnow_bin.empty()) {
    const fs::path temp = make_temp_dir(options.out_parent);
    std::printf("%s -r DIR -o OUT -j 1, best of %d runs; peak RSS of the process\n",
                options.winnow_bin.c_str(), options.runs);
    std::printf("%-18s %-4s %5s %7s %9s %8s  | %7s %7s %7s\n", "dataset", "mode", "pages", "MB", "pages/s",
                "MB/s", "RSS MB", "limit", "max MB");
    for (const Dataset& d : options.datasets) {
      const Batch b = run_batch(options.winnow_bin, d, options.runs, temp);
      print_batch(d, b);
      report["batch"][d.name] = {{"pages", d.files.size()},
                                 {"bytes", d.bytes},
                                 {"seconds", b.seconds},
                                 {"pages_per_s", d.files.size() / b.seconds},
                                 {"mb_per_s", mb(d.bytes) / b.seconds},
                                 {"peak_rss_mb", b.peak_rss_kb / 1024.0},
                                 {"largest_input_mb", mb(d.largest)},
                                 {"rss_limit_mb", (kRssBaseBytes + kRssPerInputByte * double(d.largest)) / (1 << 20)},
                                 {"ok", b.ok}};
    }
    const fs::path tiny = temp / "tiny.html";
    std::ofstream(tiny) << kTinyPage;
    const double version = startup_ms({options.winnow_bin, "--version"}, options.startup_runs, "/dev/null");
    const double page = startup_ms({options.winnow_bin}, options.startup_runs, tiny.string());
    std::printf("start-up, median of %d runs: --version %.2f ms, one-paragraph page %.2f ms\n\n",
                options.startup_runs, version, page);
    report["startup_ms"] = {{"version", version}, {"tiny_page", page}, {"runs", options.startup_runs}};
    fs::remove_all(temp);
  }

  std::printf("In-process, one thread, best of %d runs; stage columns in ms per page\n", options.runs);
  std::printf("%-18s %-4s %5s %7s %9s %8s  |", "dataset", "mode", "pages", "MB", "pages/s", "MB/s");
  for (int s = 0; s < kStageCount; ++s) std::printf(" %8s", kStageNames[s]);
  std::printf("\n");
  for (const Dataset& d : options.datasets) {
    const InProcess r = run_in_process(d, options.runs);
    print_in_process(d, r);
    report["in_process"][d.name] = {{"mode", mode_name(d.type)},
                                    {"pages", d.files.size()},
                                    {"bytes", d.bytes},
                                    {"seconds", r.seconds},
                                    {"pages_per_s", d.files.size() / r.seconds},
                                    {"mb_per_s", mb(d.bytes) / r.seconds},
                                    {"stage_ms_per_page", stage_json(r.stages, d.files.size())}};
  }

  if (!options.json_path.empty()) std::ofstream(options.json_path) << report.dump(2) << "\n";
  return 0;
}
