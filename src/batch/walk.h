// The streaming walk over IN_DIR (tree mode).
//
// One folder is listed at a time, its names sorted bytewise: the walk
// yields the folder's files first, then descends into its subfolders, so
// the files of one folder come out together and in the same order on every
// run. Only the listings of the folders on the current path are held, never
// a list of the whole tree.
//
// Symlinks are followed only when their target lies inside IN_DIR (the
// others are yielded as "not followed"); a folder that is already on the
// current path (a symlink loop) is not entered again. FIFOs, sockets,
// devices and dangling symlinks that match the filter are yielded as
// unreadable: they are never opened.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "batch/file_identity.h"
#include "batch/glob_filter.h"

namespace winnow::batch {

struct WalkEntry {
  enum class Kind { kDocument, kUnreadable, kNotFollowed };
  Kind kind = Kind::kDocument;
  std::string relative_path;  // from IN_DIR, '/'-separated, bytes as on disk
  std::string path;           // IN_DIR + "/" + relative_path
  std::string relative_dir;   // the folder, relative to IN_DIR ("" for IN_DIR)
  std::string output_name;    // kDocument: the output file's name in that folder
  std::string note;           // kDocument: e.g. a name collision
  std::string problem;        // otherwise: why it is not read
  std::uint64_t size = 0;     // kDocument: bytes on disk
};

class TreeWalker {
 public:
  // `output_extension` is ".txt" or ".json"; `skipped_folder` (OUT_DIR when
  // it lies inside IN_DIR) is never entered.
  TreeWalker(const std::string& root, const GlobFilter& filter, std::string output_extension,
             std::optional<FileId> skipped_folder);

  std::optional<WalkEntry> next();

 private:
  struct Frame {
    std::string relative_dir;
    std::string path;
    FileId id;
    std::vector<WalkEntry> entries;
    std::size_t next_entry = 0;
    std::vector<std::string> subfolders;  // names
    std::size_t next_subfolder = 0;
  };

  // Lists the folder into a frame, or returns why it cannot be listed.
  std::optional<WalkEntry> push_folder(const std::string& relative_dir, const std::string& path);
  std::optional<WalkEntry> enter_subfolder(const std::string& relative_dir, const std::string& path);
  void classify(Frame& frame, const std::string& name);
  void classify_symlink(Frame& frame, const std::string& name, const std::string& relative_path,
                        const std::string& path);
  void assign_output_names(Frame& frame) const;

  const GlobFilter& filter_;
  std::string root_;
  std::string root_real_;
  std::string output_extension_;
  std::optional<FileId> skipped_folder_;
  std::vector<Frame> stack_;
  std::optional<WalkEntry> root_problem_;  // IN_DIR itself could not be listed
};

}  // namespace winnow::batch
