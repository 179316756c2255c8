#include "batch/walk.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

#include "batch/output_names.h"

namespace winnow::batch {
namespace {

constexpr std::size_t kMaxFolderDepth = 256;

std::string join_relative(const std::string& folder, const std::string& name) {
  return folder.empty() ? name : folder + "/" + name;
}

std::string describe_folder(const std::string& relative_dir) {
  return relative_dir.empty() ? "IN_DIR" : "'" + relative_dir + "'";
}

WalkEntry problem_entry(WalkEntry::Kind kind, const std::string& relative_dir, const std::string& name,
                        const std::string& path, std::string problem) {
  WalkEntry entry;
  entry.kind = kind;
  entry.relative_dir = relative_dir;
  entry.relative_path = join_relative(relative_dir, name);
  entry.path = path;
  entry.problem = std::move(problem);
  return entry;
}

std::string special_file_kind(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  return "not a regular file";
}

// Sorted names of a folder's entries, or the errno of the failure.
std::optional<std::vector<std::string>> list_names(const std::string& path, int& error_number) {
  DIR* folder = opendir(path.c_str());
  if (folder == nullptr) {
    error_number = errno;
    return std::nullopt;
  }
  std::vector<std::string> names;
  errno = 0;
  while (dirent* item = readdir(folder)) {
    std::string name = item->d_name;
    if (name != "." && name != "..") names.push_back(std::move(name));
    errno = 0;
  }
  error_number = errno;
  closedir(folder);
  if (error_number != 0) return std::nullopt;
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TreeWalker::TreeWalker(const std::string& root, const GlobFilter& filter, std::string output_extension,
                       std::optional<FileId> skipped_folder)
    : filter_(filter),
      root_(root),
      root_real_(real_path(root).value_or(root)),
      output_extension_(std::move(output_extension)),
      skipped_folder_(skipped_folder) {
  while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
  root_problem_ = push_folder("", root_);
}

std::optional<WalkEntry> TreeWalker::next() {
  if (root_problem_) {
    std::optional<WalkEntry> problem = std::move(root_problem_);
    root_problem_.reset();
    return problem;
  }
  while (!stack_.empty()) {
    Frame& top = stack_.back();
    if (top.next_entry < top.entries.size()) return std::move(top.entries[top.next_entry++]);
    if (top.next_subfolder < top.subfolders.size()) {
      const std::string& name = top.subfolders[top.next_subfolder++];
      std::string relative_dir = join_relative(top.relative_dir, name);
      std::string path = top.path + "/" + name;
      if (auto problem = enter_subfolder(relative_dir, path)) return problem;
      continue;
    }
    stack_.pop_back();
  }
  return std::nullopt;
}

std::optional<WalkEntry> TreeWalker::enter_subfolder(const std::string& relative_dir,
                                                     const std::string& path) {
  auto unreadable = [&](std::string problem) {
    WalkEntry entry = problem_entry(WalkEntry::Kind::kUnreadable, relative_dir, "", path, std::move(problem));
    entry.relative_path = relative_dir;
    return entry;
  };
  std::optional<FileId> id = file_id_of(path);
  if (!id) return unreadable(std::string("cannot open folder: ") + std::strerror(errno));
  if (skipped_folder_ && *id == *skipped_folder_) return std::nullopt;
  for (const Frame& ancestor : stack_) {
    if (ancestor.id == *id) {
      WalkEntry entry = unreadable("symlink loop: leads back to " + describe_folder(ancestor.relative_dir) +
                                   ", not followed");
      entry.kind = WalkEntry::Kind::kNotFollowed;
      return entry;
    }
  }
  if (stack_.size() >= kMaxFolderDepth)
    return unreadable("folder nesting deeper than " + std::to_string(kMaxFolderDepth) + ", not entered");
  return push_folder(relative_dir, path);
}

std::optional<WalkEntry> TreeWalker::push_folder(const std::string& relative_dir, const std::string& path) {
  int error_number = 0;
  std::optional<std::vector<std::string>> names = list_names(path, error_number);
  if (!names) {
    WalkEntry entry = problem_entry(WalkEntry::Kind::kUnreadable, relative_dir, "", path,
                                    std::string("cannot list folder: ") + std::strerror(error_number));
    entry.relative_path = relative_dir.empty() ? "." : relative_dir;
    return entry;
  }
  Frame frame;
  frame.relative_dir = relative_dir;
  frame.path = path;
  frame.id = file_id_of(path).value_or(FileId{});
  for (const std::string& name : *names) classify(frame, name);
  assign_output_names(frame);
  stack_.push_back(std::move(frame));
  return std::nullopt;
}

void TreeWalker::classify(Frame& frame, const std::string& name) {
  const std::string relative_path = join_relative(frame.relative_dir, name);
  const std::string path = frame.path + "/" + name;
  struct stat info {};
  if (lstat(path.c_str(), &info) != 0) {
    if (filter_.reads_file(relative_path))
      frame.entries.push_back(problem_entry(WalkEntry::Kind::kUnreadable, frame.relative_dir, name, path,
                                            std::strerror(errno)));
    return;
  }
  if (S_ISLNK(info.st_mode)) return classify_symlink(frame, name, relative_path, path);
  if (S_ISDIR(info.st_mode)) {
    if (!filter_.excludes(relative_path)) frame.subfolders.push_back(name);
    return;
  }
  if (!filter_.reads_file(relative_path)) return;
  if (!S_ISREG(info.st_mode)) {
    frame.entries.push_back(problem_entry(WalkEntry::Kind::kUnreadable, frame.relative_dir, name, path,
                                          special_file_kind(info.st_mode) + ", not read"));
    return;
  }
  WalkEntry entry = problem_entry(WalkEntry::Kind::kDocument, frame.relative_dir, name, path, "");
  entry.size = static_cast<std::uint64_t>(info.st_size);
  frame.entries.push_back(std::move(entry));
}

void TreeWalker::classify_symlink(Frame& frame, const std::string& name, const std::string& relative_path,
                                  const std::string& path) {
  auto add_problem = [&](WalkEntry::Kind kind, std::string problem) {
    frame.entries.push_back(problem_entry(kind, frame.relative_dir, name, path, std::move(problem)));
  };
  std::optional<std::string> target = real_path(path);
  struct stat info {};
  if (!target || stat(path.c_str(), &info) != 0) {
    const int error_number = errno;
    if (!filter_.reads_file(relative_path)) return;
    if (error_number == ENOENT) return add_problem(WalkEntry::Kind::kUnreadable, "dangling symlink");
    if (error_number == ELOOP) return add_problem(WalkEntry::Kind::kUnreadable, "symlink loop");
    return add_problem(WalkEntry::Kind::kUnreadable, std::strerror(error_number));
  }
  const bool inside = is_within(*target, root_real_);
  if (S_ISDIR(info.st_mode)) {
    if (filter_.excludes(relative_path)) return;
    if (!inside)
      return add_problem(WalkEntry::Kind::kNotFollowed, "symlink to a folder outside IN_DIR, not followed");
    frame.subfolders.push_back(name);
    return;
  }
  if (!filter_.reads_file(relative_path)) return;
  if (!inside) return add_problem(WalkEntry::Kind::kNotFollowed, "symlink to a file outside IN_DIR, not followed");
  if (!S_ISREG(info.st_mode))
    return add_problem(WalkEntry::Kind::kUnreadable, special_file_kind(info.st_mode) + ", not read");
  WalkEntry entry = problem_entry(WalkEntry::Kind::kDocument, frame.relative_dir, name, path, "");
  entry.size = static_cast<std::uint64_t>(info.st_size);
  frame.entries.push_back(std::move(entry));
}

void TreeWalker::assign_output_names(Frame& frame) const {
  std::vector<std::string> input_names;
  std::vector<std::size_t> document_indexes;
  for (std::size_t i = 0; i < frame.entries.size(); ++i) {
    if (frame.entries[i].kind != WalkEntry::Kind::kDocument) continue;
    input_names.emplace_back(base_name(frame.entries[i].relative_path));
    document_indexes.push_back(i);
  }
  std::vector<OutputName> names = output_names(input_names, output_extension_);
  const std::set<std::string> folder_names(frame.subfolders.begin(), frame.subfolders.end());
  for (std::size_t k = 0; k < document_indexes.size(); ++k) {
    WalkEntry& entry = frame.entries[document_indexes[k]];
    entry.output_name = std::move(names[k].name);
    entry.note = std::move(names[k].note);
    if (folder_names.count(entry.output_name) == 0) continue;
    entry.kind = WalkEntry::Kind::kUnreadable;
    entry.problem = "output name '" + entry.output_name + "' is taken by a folder of the same name";
  }
}

}  // namespace winnow::batch
