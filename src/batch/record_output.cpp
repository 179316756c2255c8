#include "batch/record_output.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace winnow::batch {
namespace {

std::string folder_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

RecordOutput::RecordOutput(const std::string& path) : path_(path == "-" ? "" : path) {
  if (path_.empty()) return;
  std::string error;
  file_ = AtomicFile::create(folder_of(path_), error);
  if (!file_) error_ = "cannot write " + path_ + ": " + error;
}

void RecordOutput::write(std::string_view record) {
  if (closed_ || !error_.empty()) return;
  if (file_) {
    std::string error;
    if (!file_->write(record, error)) error_ = "cannot write " + path_ + ": " + error;
    return;
  }
  errno = 0;
  bool written = std::fwrite(record.data(), 1, record.size(), stdout) == record.size() && std::fflush(stdout) == 0;
  if (written) return;
  if (errno == EPIPE) closed_ = true;
  else error_ = std::string("cannot write standard output: ") + std::strerror(errno ? errno : EIO);
}

std::string RecordOutput::finish() {
  if (!file_) return error_;
  std::string error;
  if (error_.empty() && !file_->commit(path_, error)) error_ = "cannot write " + path_ + ": " + error;
  file_.reset();
  return error_;
}

}  // namespace winnow::batch
