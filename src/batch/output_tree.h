// OUT_DIR in tree mode: creates the mirrored folders on demand and writes
// each output atomically, refusing any write that would land inside IN_DIR
// (through a symlink in OUT_DIR, or IN_DIR lying inside OUT_DIR) — unless
// OUT_DIR itself lies in IN_DIR, excluded from the walk — or replace the
// input itself. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "batch/file_identity.h"

namespace winnow::batch {

class OutputTree {
 public:
  OutputTree(std::string out_dir, std::string in_dir_real);

  std::string path_of(const std::string& relative_dir, const std::string& name) const;
  // "" or why the output was not written.
  std::string write(const std::string& relative_dir, const std::string& name, std::string_view content,
                    const std::optional<FileId>& input_id);

 private:
  std::string ensure_folder(const std::string& relative_dir);
  bool may_write_in(const std::string& folder_real) const;

  std::string out_dir_;
  std::string out_dir_real_;
  std::string in_dir_real_;
  std::mutex mutex_;
  std::unordered_set<std::string> ready_folders_;
};

// --resume: an output is current when it exists and was modified no earlier
// than its input.
bool output_is_current(const std::string& output_path, const std::string& input_path,
                       std::uint64_t& output_bytes);

// mkdir -p; "" or the error.
std::string make_folders(const std::string& path);

}  // namespace winnow::batch
