// Settings of a batch run (winnow -r, --format jsonl, --input-format jsonl),
// as the command line gives them. Plain data: src/batch/batch_mode.cpp checks
// them and picks the mode.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace winnow::batch {

inline constexpr double kDefaultDocTimeoutSeconds = 30;
inline constexpr std::size_t kDefaultLearnSample = 1000;

struct BatchOptions {
  bool recursive = false;             // -r: inputs[0] is IN_DIR
  std::vector<std::string> inputs;    // FILE arguments ("-" or none: stdin)
  std::string output;                 // -o: OUT_DIR in tree mode, else a file ("" or "-": stdout)
  std::string format = "text";        // text, json or jsonl
  bool format_given = false;          // --format was on the command line
  std::string input_format = "raw";   // raw (one document per file) or jsonl
  std::string html_field = "html";    // JSON lines input: the document's field
  std::string id_field = "id";
  std::string url_field = "url";
  unsigned jobs = 0;                  // worker threads; 0: one per available core
  double doc_timeout_seconds = kDefaultDocTimeoutSeconds;  // 0: no limit
  std::vector<std::string> include;   // globs; empty: the default document extensions
  std::vector<std::string> exclude;
  bool resume = false;
  bool quiet = false;
  std::string report_path;
  bool learn_repeats = false;
  std::size_t learn_sample = kDefaultLearnSample;
  bool explain = false;
  bool with_title = false;
};

}  // namespace winnow::batch
