#include "batch/batch_runner.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <thread>

#include "batch/atomic_file.h"
#include "batch/batch_mode.h"
#include "batch/document_sources.h"
#include "batch/file_identity.h"
#include "batch/group_extractors.h"
#include "batch/interrupt.h"
#include "batch/learn_repeats.h"
#include "batch/outcome_sinks.h"
#include "batch/output_tree.h"
#include "batch/process_document.h"
#include "batch/progress.h"
#include "batch/record_output.h"
#include "batch/report.h"
#include "batch/run_pass.h"
#include "batch/worker_pool.h"

namespace winnow::batch {
namespace {

struct BatchFailure {
  int exit_code;
  std::string message;
};

[[noreturn]] void fail(int exit_code, std::string message) { throw BatchFailure{exit_code, std::move(message)}; }

void print_error(const std::string& message) {
  const std::string line = "winnow: " + message + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

// Everything a run needs, shared with the worker threads (an abandoned
// worker may outlive the pass that started it).
struct Batch {
  BatchOptions options;
  Options extractor_options;
  BatchMode mode = BatchMode::kTree;
  std::string in_dir;
  std::string in_dir_real;
  std::optional<FileId> out_dir_id;
  std::shared_ptr<const GlobFilter> filter;
  std::shared_ptr<OutputTree> tree;
  std::shared_ptr<DocumentSettings> settings;
  unsigned threads = 1;
};

// ---- set-up ------------------------------------------------------------

// Is OUT_DIR (real path `out_real`, inside IN_DIR) excluded from the walk?
bool out_dir_is_excluded(const GlobFilter& filter, const std::string& in_real, const std::string& out_real) {
  std::string relative = out_real.substr(in_real.size() + 1);
  while (!relative.empty()) {
    if (filter.excludes(relative)) return true;
    std::size_t slash = relative.rfind('/');
    relative = slash == std::string::npos ? "" : relative.substr(0, slash);
  }
  return false;
}

void prepare_in_dir(Batch& batch) {
  batch.in_dir = batch.options.inputs.at(0);
  struct stat info {};
  if (stat(batch.in_dir.c_str(), &info) != 0) fail(kBatchExitFailures, batch.in_dir + ": " + std::strerror(errno));
  if (!S_ISDIR(info.st_mode)) fail(kBatchExitUsage, batch.in_dir + ": not a folder (-r needs IN_DIR)");
  batch.in_dir_real = real_path(batch.in_dir).value_or(batch.in_dir);
  batch.filter = std::make_shared<GlobFilter>(batch.options.include, batch.options.exclude);
}

void prepare_out_dir(Batch& batch) {
  const std::string& out_dir = batch.options.output;
  const std::string out_real = prospective_real_path(out_dir);
  if (out_real == batch.in_dir_real) fail(kBatchExitUsage, "OUT_DIR is IN_DIR: inputs are never overwritten");
  if (is_within(out_real, batch.in_dir_real) && !out_dir_is_excluded(*batch.filter, batch.in_dir_real, out_real))
    fail(kBatchExitUsage, "OUT_DIR lies inside IN_DIR; choose another folder or --exclude '" +
                              out_real.substr(batch.in_dir_real.size() + 1) + "'");
  if (std::string error = make_folders(out_dir); !error.empty()) fail(kBatchExitFailures, error);
  batch.out_dir_id = file_id_of(out_dir);
  remove_stale_temp_files(out_dir);
  batch.tree = std::make_shared<OutputTree>(out_dir, batch.in_dir_real);
}

void check_record_output_path(const BatchOptions& options) {
  struct stat info {};
  if (!options.output.empty() && options.output != "-" && stat(options.output.c_str(), &info) == 0 &&
      S_ISDIR(info.st_mode))
    fail(kBatchExitUsage, options.output + " is a folder; with --format jsonl, -o names a file");
}

void prepare(Batch& batch) {
  if (batch.options.recursive) prepare_in_dir(batch);
  if (batch.mode == BatchMode::kTree) prepare_out_dir(batch);
  else check_record_output_path(batch.options);
  auto settings = std::make_shared<DocumentSettings>();
  settings->format = batch.options.format;
  settings->explain = batch.options.explain;
  settings->with_title = batch.options.with_title;
  settings->resume = batch.options.resume;
  settings->max_bytes = batch.extractor_options.max_bytes;
  settings->fields = RecordFields{batch.options.html_field, batch.options.id_field, batch.options.url_field};
  settings->tree = batch.tree.get();
  batch.settings = settings;
  batch.threads = batch.options.jobs > 0 ? batch.options.jobs : available_cores();
}

// ---- sources -------------------------------------------------------------

std::size_t max_json_line_bytes(std::size_t max_bytes) {
  constexpr std::size_t kSlack = std::size_t{1} << 20;
  return max_bytes > (static_cast<std::size_t>(-1) - kSlack) / 2 ? max_bytes : 2 * max_bytes + kSlack;
}

std::unique_ptr<DocumentSource> make_source(const Batch& batch) {
  const std::string extension = batch.options.format == "json" ? ".json" : ".txt";
  switch (batch.mode) {
    case BatchMode::kTree:
    case BatchMode::kTreeToRecords:
      return std::make_unique<TreeSource>(batch.in_dir, *batch.filter, extension, batch.out_dir_id);
    case BatchMode::kFilesToRecords:
      return std::make_unique<FileListSource>(batch.options.inputs, batch.extractor_options.max_bytes);
    case BatchMode::kJsonLinesToRecords:
      return std::make_unique<JsonLinesSource>(batch.options.inputs,
                                               max_json_line_bytes(batch.extractor_options.max_bytes));
  }
  return nullptr;
}

bool reads_stdin(const Batch& batch) {
  if (batch.options.recursive) return false;
  if (batch.options.inputs.empty()) return true;
  for (const auto& input : batch.options.inputs)
    if (input == "-") return true;
  return false;
}

// Counts the tree's entries in the background, for the progress line's total and ETA.
class TreeCounter {
 public:
  TreeCounter(const Batch& batch, std::atomic<std::int64_t>& total) {
    if (!batch.options.recursive) return;
    thread_ = std::thread([this, &batch, &total] {
      block_interrupts_in_this_thread();
      TreeWalker walker(batch.in_dir, *batch.filter, ".txt", batch.out_dir_id);
      std::int64_t count = 0;
      while (!stop_ && walker.next()) ++count;
      if (!stop_) total = count;
    });
  }
  ~TreeCounter() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// ---- passes ----------------------------------------------------------------

PassResult learning_pass(const Batch& batch, DocumentSource& source, RepeatLearner& learner, ProgressLine& progress) {
  auto extractors = std::make_shared<GroupExtractors>(batch.extractor_options);
  auto settings = batch.settings;
  WorkerPool pool(
      batch.threads, batch.options.doc_timeout_seconds,
      [extractors, settings](const DocJob& job) { return learn_from_document(job, *settings, *extractors); },
      [](DocOutcome&) {});
  LearningSink sink(learner, batch.options.recursive);
  PassLimits limits = limits_for(batch.threads, true);
  if (batch.options.recursive) limits.sample_per_group = batch.options.learn_sample;
  progress.start_phase("learning repeats", false);
  return run_pass(source, pool, sink, limits, progress, batch.options.quiet);
}

PassResult output_pass(const Batch& batch, DocumentSource& source, RepeatsByGroup repeats, OutputSink& sink,
                       ProgressLine& progress) {
  auto extractors = std::make_shared<GroupExtractors>(batch.extractor_options, std::move(repeats));
  auto settings = batch.settings;
  auto tree = batch.tree;
  WorkerPool pool(
      batch.threads, batch.options.doc_timeout_seconds,
      [extractors, settings](const DocJob& job) { return process_document(job, *settings, *extractors); },
      [tree](DocOutcome& outcome) {
        if (tree) commit_document(outcome, *tree);
      });
  progress.start_phase("", true);
  return run_pass(source, pool, sink, limits_for(batch.threads, batch.mode == BatchMode::kTree), progress,
                  batch.options.quiet);
}

std::string learned_note(const RepeatsByGroup& repeats) {
  std::size_t blocks = 0;
  for (const auto& [group, learned] : repeats) blocks += learned->size();
  return "winnow: --learn-repeats: " + std::to_string(blocks) + " repeated blocks learned in " +
         std::to_string(repeats.size()) + (repeats.size() == 1 ? " group\n" : " groups\n");
}

void sync_filesystem_of(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  syncfs(fd);
  close(fd);
}

int exit_code_of(const PassResult& result, bool output_error) {
  if (result.interrupted || result.abandoned) return kBatchExitInterrupted;
  if (output_error || result.tally.failed > 0) return kBatchExitFailures;
  return kBatchExitOk;
}

// Returns the exit code; `abandoned threads` may still run, see run_batch.
int run(Batch& batch) {
  prepare(batch);
  ReportWriter report(batch.options.report_path);
  if (!report.error().empty()) fail(kBatchExitFailures, report.error());
  std::unique_ptr<RecordOutput> records;
  if (writes_records(batch.mode)) {
    records = std::make_unique<RecordOutput>(batch.options.output);
    if (!records->error().empty()) fail(kBatchExitFailures, records->error());
  }
  std::atomic<std::int64_t> total{batch.mode == BatchMode::kFilesToRecords && !reads_stdin(batch)
                                      ? static_cast<std::int64_t>(batch.options.inputs.size())
                                      : -1};
  const bool show_progress = !batch.options.quiet && stderr_is_terminal();
  ProgressLine progress(show_progress, total);
  std::optional<TreeCounter> counter;
  if (show_progress) counter.emplace(batch, total);
  const auto started = std::chrono::steady_clock::now();

  std::unique_ptr<DocumentSource> source = make_source(batch);
  std::unique_ptr<DocumentSource> main_source;
  RepeatsByGroup repeats;
  if (batch.options.learn_repeats) {
    RepeatLearner learner(batch.options.learn_sample);
    std::deque<DocJob> sample;
    PassResult learned;
    if (reads_stdin(batch)) {  // stdin cannot be read twice: learn from a buffered sample
      while (sample.size() < batch.options.learn_sample)
        if (auto job = source->next()) sample.push_back(std::move(*job)); else break;
      ReplaySource sample_source(sample, nullptr);
      learned = learning_pass(batch, sample_source, learner, progress);
      main_source = std::make_unique<ReplaySource>(std::move(sample), source.get());
    } else {
      learned = learning_pass(batch, *source, learner, progress);
      main_source = make_source(batch);
    }
    if (learned.interrupted || learned.abandoned) {
      if (!batch.options.quiet) progress.print(summary_line(Tally{}, 0, true));
      return kBatchExitInterrupted;
    }
    repeats = learner.finish();
    if (!batch.options.quiet) progress.print(learned_note(repeats));
  }
  DocumentSource& documents = main_source ? *main_source : *source;
  OutputSink sink(progress, report, records.get(), batch.options.quiet, batch.mode == BatchMode::kJsonLinesToRecords);
  PassResult result = output_pass(batch, documents, std::move(repeats), sink, progress);
  counter.reset();
  progress.clear();

  bool output_error = false;
  if (std::string error = report.finish(); !error.empty()) output_error = true, print_error(error);
  if (records) {
    if (std::string error = records->finish(); !error.empty()) output_error = true, print_error(error);
    if (records->closed()) return kBatchExitOk;  // stdout's reader went away: end quietly
  }
  if (batch.tree) sync_filesystem_of(batch.options.output);
  else if (!batch.options.output.empty() && batch.options.output != "-") sync_filesystem_of(batch.options.output);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!batch.options.quiet) progress.print(summary_line(result.tally, seconds, result.interrupted));
  return exit_code_of(result, output_error);
}

}  // namespace

int run_batch(BatchOptions options, const Options& extractor_options) {
  Batch batch;
  int exit_code = kBatchExitInternal;
  try {
    batch.mode = choose_batch_mode(options);
    batch.options = std::move(options);
    batch.extractor_options = extractor_options;
    process_umask();
    install_interrupt_handlers();
    exit_code = run(batch);
  } catch (const BatchUsageError& error) {
    print_error(std::string(error.what()) + " (see winnow --help)");
    exit_code = kBatchExitUsage;
  } catch (const BatchFailure& failure) {
    print_error(failure.message);
    exit_code = failure.exit_code;
  }
  if (WorkerPool::abandoned_running() > 0) {  // cannot be joined: leave without running destructors
    std::fflush(nullptr);
    std::_Exit(exit_code);
  }
  return exit_code;
}

}  // namespace winnow::batch
