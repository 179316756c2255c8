#include "batch/output_tree.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "batch/atomic_file.h"

namespace winnow::batch {
namespace {

bool not_earlier(const timespec& a, const timespec& b) {
  return a.tv_sec > b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec >= b.tv_nsec);
}

}  // namespace

std::string make_folders(const std::string& path) {
  for (std::size_t end = 1; end <= path.size(); ++end) {
    if (end < path.size() && path[end] != '/') continue;
    const std::string prefix = path.substr(0, end);
    if (mkdir(prefix.c_str(), 0777) == 0 || errno == EEXIST) continue;
    return "cannot create folder " + prefix + ": " + std::strerror(errno);
  }
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return "cannot create folder " + path + ": " + std::strerror(errno);
  if (!S_ISDIR(info.st_mode)) return path + " exists and is not a folder";
  return "";
}

OutputTree::OutputTree(std::string out_dir, std::string in_dir_real)
    : out_dir_(std::move(out_dir)), in_dir_real_(std::move(in_dir_real)) {
  while (out_dir_.size() > 1 && out_dir_.back() == '/') out_dir_.pop_back();
  out_dir_real_ = real_path(out_dir_).value_or(out_dir_);
}

// Inside IN_DIR is allowed only inside an OUT_DIR that lies in IN_DIR (and
// was checked to be excluded from the walk).
bool OutputTree::may_write_in(const std::string& folder_real) const {
  if (!is_within(folder_real, in_dir_real_)) return true;
  return is_within(out_dir_real_, in_dir_real_) && is_within(folder_real, out_dir_real_);
}

std::string OutputTree::path_of(const std::string& relative_dir, const std::string& name) const {
  return relative_dir.empty() ? out_dir_ + "/" + name : out_dir_ + "/" + relative_dir + "/" + name;
}

std::string OutputTree::ensure_folder(const std::string& relative_dir) {
  {
    std::lock_guard lock(mutex_);
    if (ready_folders_.count(relative_dir) != 0) return "";
  }
  const std::string folder = relative_dir.empty() ? out_dir_ : out_dir_ + "/" + relative_dir;
  if (std::string error = make_folders(folder); !error.empty()) return error;
  std::optional<std::string> real = real_path(folder);
  if (!real) return "cannot resolve output folder " + folder;
  if (!may_write_in(*real)) return "output folder " + folder + " lies inside IN_DIR, not written";
  std::lock_guard lock(mutex_);
  ready_folders_.insert(relative_dir);
  return "";
}

std::string OutputTree::write(const std::string& relative_dir, const std::string& name, std::string_view content,
                              const std::optional<FileId>& input_id) {
  if (std::string error = ensure_folder(relative_dir); !error.empty()) return error;
  const std::string path = path_of(relative_dir, name);
  if (input_id && file_id_of(path) == input_id) return "output " + path + " is the input itself, not written";
  if (std::string error = write_file_atomically(path, content); !error.empty())
    return "cannot write " + path + ": " + error;
  return "";
}

bool output_is_current(const std::string& output_path, const std::string& input_path,
                       std::uint64_t& output_bytes) {
  struct stat output {}, input {};
  if (stat(output_path.c_str(), &output) != 0 || !S_ISREG(output.st_mode)) return false;
  if (stat(input_path.c_str(), &input) != 0) return false;
  output_bytes = static_cast<std::uint64_t>(output.st_size);
  return not_earlier(output.st_mtim, input.st_mtim);
}

}  // namespace winnow::batch
