// Output files that appear whole or not at all.
//
// The content goes to a temporary file in the destination's own folder —
// an unnamed one (O_TMPFILE) where the filesystem allows, which vanishes
// by itself if the process is killed, else a hidden ".winnow-tmp-PID-N" —
// and is then given its name with link(2) or rename(2). Readers and a
// SIGKILL at any moment see the old file or the whole new one. Outputs are
// not fsync'ed one by one (that costs ~3 ms a file); the batch runner
// syncs the output filesystem once at the end.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace winnow::batch {

class AtomicFile {
 public:
  // A temporary file in `folder`; nullopt (and `error`) when it cannot be made.
  static std::optional<AtomicFile> create(const std::string& folder, std::string& error);
  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&& other) noexcept;
  AtomicFile(const AtomicFile&) = delete;
  ~AtomicFile();  // an uncommitted file is discarded

  bool write(std::string_view data, std::string& error);
  // Names the file `path` (in the folder given to create), replacing any
  // file there.
  bool commit(const std::string& path, std::string& error);

 private:
  AtomicFile(int fd, std::string folder, std::string temp_path);
  void discard();

  int fd_ = -1;
  std::string folder_;
  std::string temp_path_;  // "" for an unnamed file
};

// Writes `content` to `path` through an AtomicFile in its folder; "" or the error.
std::string write_file_atomically(const std::string& path, std::string_view content);

// Removes ".winnow-tmp-PID-N" files left under `folder` by winnow processes
// that are no longer running (killed runs on filesystems without O_TMPFILE).
void remove_stale_temp_files(const std::string& folder);

// The process umask, read once (call first from the main thread).
unsigned process_umask();

}  // namespace winnow::batch
