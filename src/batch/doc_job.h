// One document of a batch on its way through the workers: the job (what to
// read and where the result goes) and its outcome (what the report, the
// summary and the ordered output stream need).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "batch/file_identity.h"

namespace winnow::batch {

struct DocJob {
  std::uint64_t seq = 0;      // position in the input order, from 0
  std::string name;           // relative path, file path or "FILE:LINE": the report's path
  std::string group;          // --learn-repeats: the folder or site it belongs to
  std::string source_path;    // a file to read; "" when `bytes` holds the input
  std::string bytes;          // the document, or one JSON line with --input-format jsonl
  bool json_line = false;     // `bytes` is a JSON record to take the document from
  std::uint64_t input_bytes = 0;
  std::string output_dir;     // tree mode: the output's folder relative to OUT_DIR
  std::string output_name;    // tree mode: the output's file name; "" otherwise
  std::string note;           // e.g. a name collision, passed to the report
  std::string failure;        // known bad before reading (walk problem): fails with this
  bool not_followed = false;  // a symlink not followed: skipped with `failure` as reason
};

enum class DocStatus { kOk, kEmpty, kFailed, kSkipped };

const char* status_name(DocStatus status);

struct DocOutcome {
  std::uint64_t seq = 0;
  std::string name;
  std::string group;
  DocStatus status = DocStatus::kOk;
  std::string reason;         // failure reason or note
  std::uint64_t input_bytes = 0;
  std::uint64_t output_bytes = 0;
  std::string language;
  std::string title;
  std::string stream_text;    // emitted in order: a JSON line, or --explain lines
  std::vector<std::string> block_keys;  // learning pass: the document's distinct block keys

  // Tree mode: written by the commit step, after the extraction.
  std::string pending_output;
  bool has_pending_output = false;
  std::string output_dir;
  std::string output_name;
  std::optional<FileId> input_id;
};

DocOutcome failed_outcome(const DocJob& job, std::string reason);

}  // namespace winnow::batch
