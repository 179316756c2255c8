// Where --format jsonl records go: stdout (flushed record by record, so a
// pipeline downstream sees them as they come) or the -o file, written
// atomically when the batch ends. A closed stdout (| head) stops the batch
// quietly, as in single-document mode.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "batch/atomic_file.h"

namespace winnow::batch {

class RecordOutput {
 public:
  // `path` "" or "-": stdout. Check error() after constructing.
  explicit RecordOutput(const std::string& path);

  void write(std::string_view record);
  bool closed() const { return closed_; }  // the reader of stdout went away
  const std::string& error() const { return error_; }
  // Names the -o file; "" or the error.
  std::string finish();

 private:
  std::string path_;
  std::optional<AtomicFile> file_;
  bool closed_ = false;
  std::string error_;
};

}  // namespace winnow::batch
