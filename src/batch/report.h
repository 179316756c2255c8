// --report FILE: one TSV row per input, in input order, under a header
//   path  status  input_bytes  output_bytes  language  title  reason
// status is ok, empty, failed or skipped; reason says why a document failed
// or was skipped, or notes a name collision. Backslash, tab, newline and
// carriage return inside a field are written as \\ \t \n \r. The file is
// written atomically when the batch ends (also after SIGINT).
#pragma once

#include <optional>
#include <string>

#include "batch/atomic_file.h"
#include "batch/doc_job.h"

namespace winnow::batch {

class ReportWriter {
 public:
  // Disabled when `path` is empty. Check error() after constructing.
  explicit ReportWriter(const std::string& path);

  const std::string& error() const { return error_; }
  void add(const DocOutcome& outcome);
  // Gives the report its name; "" or the error.
  std::string finish();

 private:
  void append(const std::string& text);

  std::string path_;
  std::optional<AtomicFile> file_;
  std::string pending_;
  std::string error_;
};

// A TSV field: \\ \t \n \r escaped.
std::string tsv_field(const std::string& text);

}  // namespace winnow::batch
