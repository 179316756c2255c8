#include "batch/batch_mode.h"

namespace winnow::batch {
namespace {

void require(bool condition, const std::string& message) {
  if (!condition) throw BatchUsageError(message);
}

BatchMode choose_tree_mode(const BatchOptions& options) {
  require(options.inputs.size() == 1 && options.inputs[0] != "-", "-r needs exactly one input folder (IN_DIR)");
  require(options.input_format == "raw", "--input-format jsonl reads FILEs or stdin, not a folder (-r)");
  if (options.format == "jsonl") return BatchMode::kTreeToRecords;
  require(!options.output.empty() && options.output != "-",
          "-r needs -o OUT_DIR (or --format jsonl to write JSON lines)");
  return BatchMode::kTree;
}

}  // namespace

bool is_batch_request(const BatchOptions& options) {
  return options.recursive || options.format == "jsonl" || options.input_format == "jsonl";
}

bool writes_records(BatchMode mode) { return mode != BatchMode::kTree; }

BatchMode choose_batch_mode(BatchOptions& options) {
  if (options.input_format == "jsonl") {
    require(!options.format_given || options.format == "jsonl",
            "--input-format jsonl writes --format jsonl records, not " + options.format);
    options.format = "jsonl";
  }
  BatchMode mode = options.recursive ? choose_tree_mode(options)
                   : options.input_format == "jsonl" ? BatchMode::kJsonLinesToRecords
                                                     : BatchMode::kFilesToRecords;
  require(mode == BatchMode::kTree || !options.resume, "--resume needs -r IN_DIR -o OUT_DIR");
  require(options.recursive || (options.include.empty() && options.exclude.empty()),
          "--include and --exclude need -r IN_DIR");
  require(options.learn_sample > 0, "--learn-sample must be at least 1");
  require(options.doc_timeout_seconds >= 0, "--doc-timeout must not be negative");
  return mode;
}

std::string single_document_misuse(const BatchOptions& options) {
  if (!options.report_path.empty()) return "--report needs a batch (-r, --format jsonl or --input-format jsonl)";
  if (options.resume) return "--resume needs -r IN_DIR -o OUT_DIR";
  if (!options.include.empty() || !options.exclude.empty()) return "--include and --exclude need -r IN_DIR";
  if (options.learn_repeats) return "--learn-repeats needs a batch (-r, --format jsonl or --input-format jsonl)";
  if (options.inputs.size() > 1)
    return "one FILE at a time; for several use --format jsonl, or -r for a folder";
  return "";
}

}  // namespace winnow::batch
