// A file's identity (device and inode) and real-path helpers for the tree
// checks: loops, the output folder inside the input tree, "never overwrite
// an input".
#pragma once

#include <optional>
#include <string>
#include <sys/types.h>

namespace winnow::batch {

struct FileId {
  dev_t device = 0;
  ino_t inode = 0;
  bool operator==(const FileId&) const = default;
};

// Follows symlinks; nullopt when `path` cannot be stat'ed.
std::optional<FileId> file_id_of(const std::string& path);

// realpath(3); nullopt when `path` does not resolve.
std::optional<std::string> real_path(const std::string& path);

// The real path `path` has or would have: the real path of its deepest
// existing ancestor followed by the remaining components (".." resolved
// textually there). For checks before OUT_DIR is created.
std::string prospective_real_path(const std::string& path);

// True when `path` equals `folder` or lies below it (both real paths).
bool is_within(const std::string& path, const std::string& folder);

}  // namespace winnow::batch
