#include "batch/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace winnow::batch {
namespace {

constexpr std::string_view kTempPrefix = ".winnow-tmp-";

std::atomic<unsigned long> temp_counter{0};

std::string errno_text() { return std::strerror(errno); }

std::string folder_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string next_temp_path(const std::string& folder) {
  return folder + "/" + std::string(kTempPrefix) + std::to_string(getpid()) + "-" +
         std::to_string(temp_counter.fetch_add(1));
}

int open_unnamed(const std::string& folder) {
#ifdef O_TMPFILE
  return open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
#else
  errno = EOPNOTSUPP;
  return -1;
#endif
}

// The pid in ".winnow-tmp-PID-N", or 0.
pid_t temp_file_owner(const std::string& name) {
  if (!name.starts_with(kTempPrefix)) return 0;
  pid_t pid = 0;
  for (std::size_t i = kTempPrefix.size(); i < name.size() && name[i] != '-'; ++i) {
    if (name[i] < '0' || name[i] > '9') return 0;
    pid = pid * 10 + (name[i] - '0');
  }
  return pid;
}

bool process_is_gone(pid_t pid) { return pid > 0 && kill(pid, 0) != 0 && errno == ESRCH; }

}  // namespace

unsigned process_umask() {
  static const unsigned mask = [] {
    mode_t current = umask(0);
    umask(current);
    return static_cast<unsigned>(current);
  }();
  return mask;
}

AtomicFile::AtomicFile(int fd, std::string folder, std::string temp_path)
    : fd_(fd), folder_(std::move(folder)), temp_path_(std::move(temp_path)) {}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : fd_(other.fd_), folder_(std::move(other.folder_)), temp_path_(std::move(other.temp_path_)) {
  other.fd_ = -1;
  other.temp_path_.clear();
}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept {
  if (this == &other) return *this;
  discard();
  fd_ = other.fd_;
  folder_ = std::move(other.folder_);
  temp_path_ = std::move(other.temp_path_);
  other.fd_ = -1;
  other.temp_path_.clear();
  return *this;
}

AtomicFile::~AtomicFile() { discard(); }

void AtomicFile::discard() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
  if (!temp_path_.empty()) unlink(temp_path_.c_str());
  temp_path_.clear();
}

std::optional<AtomicFile> AtomicFile::create(const std::string& folder, std::string& error) {
  int fd = open_unnamed(folder);
  if (fd >= 0) return AtomicFile(fd, folder, "");
  std::string temp_path = next_temp_path(folder);
  fd = open(temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666 & ~process_umask());
  if (fd < 0) {
    error = errno_text();
    return std::nullopt;
  }
  return AtomicFile(fd, folder, temp_path);
}

bool AtomicFile::write(std::string_view data, std::string& error) {
  while (!data.empty()) {
    ssize_t put = ::write(fd_, data.data(), data.size());
    if (put < 0 && errno == EINTR) continue;
    if (put < 0) {
      error = errno_text();
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(put));
  }
  return true;
}

bool AtomicFile::commit(const std::string& path, std::string& error) {
  if (temp_path_.empty()) {  // unnamed: link it in, straight to `path` when that is free
    const std::string fd_path = "/proc/self/fd/" + std::to_string(fd_);
    if (linkat(AT_FDCWD, fd_path.c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) == 0) {
      discard();
      return true;
    }
    if (errno != EEXIST) {
      error = errno_text();
      return false;
    }
    std::string temp_path = next_temp_path(folder_);
    if (linkat(AT_FDCWD, fd_path.c_str(), AT_FDCWD, temp_path.c_str(), AT_SYMLINK_FOLLOW) != 0) {
      error = errno_text();
      return false;
    }
    temp_path_ = temp_path;
  }
  if (close(fd_) != 0) {
    fd_ = -1;
    error = errno_text();
    return false;
  }
  fd_ = -1;
  if (rename(temp_path_.c_str(), path.c_str()) != 0) {
    error = errno_text();
    return false;
  }
  temp_path_.clear();
  return true;
}

std::string write_file_atomically(const std::string& path, std::string_view content) {
  std::string error;
  std::optional<AtomicFile> file = AtomicFile::create(folder_of(path), error);
  if (!file) return error;
  if (!file->write(content, error) || !file->commit(path, error)) return error;
  return "";
}

void remove_stale_temp_files(const std::string& folder) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (!process_is_gone(temp_file_owner(name))) continue;
    std::error_code ignored;
    if (it->is_regular_file(ignored)) fs::remove(it->path(), ignored);
  }
}

}  // namespace winnow::batch
