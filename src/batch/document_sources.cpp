#include "batch/document_sources.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "batch/document_reader.h"
#include "batch/interrupt.h"

namespace winnow::batch {
namespace {

constexpr const char* kStdinName = "<stdin>";

bool is_stdin(const std::string& path) { return path.empty() || path == "-"; }

std::string folder_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

bool is_blank(const std::string& line) { return line.find_first_not_of(" \t\r") == std::string::npos; }

}  // namespace

bool stop_reading() { return interrupt_count() > 0; }

TreeSource::TreeSource(const std::string& in_dir, const GlobFilter& filter, std::string output_extension,
                       std::optional<FileId> skipped_folder)
    : walker_(in_dir, filter, std::move(output_extension), skipped_folder) {}

std::optional<DocJob> TreeSource::next() {
  std::optional<WalkEntry> entry = walker_.next();
  if (!entry) return std::nullopt;
  DocJob job;
  job.name = std::move(entry->relative_path);
  job.group = std::move(entry->relative_dir);
  job.source_path = std::move(entry->path);
  job.input_bytes = entry->size;
  job.output_dir = job.group;
  job.output_name = std::move(entry->output_name);
  job.note = std::move(entry->note);
  if (entry->kind != WalkEntry::Kind::kDocument) job.failure = std::move(entry->problem);
  job.not_followed = entry->kind == WalkEntry::Kind::kNotFollowed;
  return job;
}

FileListSource::FileListSource(std::vector<std::string> paths, std::size_t max_bytes)
    : paths_(std::move(paths)), max_bytes_(max_bytes) {
  if (paths_.empty()) paths_.push_back("-");
}

std::optional<DocJob> FileListSource::next() {
  if (next_ >= paths_.size()) return std::nullopt;
  const std::string& path = paths_[next_++];
  DocJob job;
  job.name = is_stdin(path) ? kStdinName : path;
  job.group = is_stdin(path) ? "" : folder_of(path);
  if (!is_stdin(path)) {
    job.source_path = path;
    struct stat info {};
    if (stat(path.c_str(), &info) == 0) job.input_bytes = static_cast<std::uint64_t>(info.st_size);
    return job;
  }
  ReadDocument read = read_whole_stream(STDIN_FILENO, max_bytes_, stop_reading);
  if (!read.ok) job.failure = read.error;
  job.input_bytes = read.bytes.size();
  job.bytes = std::move(read.bytes);
  return job;
}

JsonLinesSource::JsonLinesSource(std::vector<std::string> paths, std::size_t max_line_bytes)
    : paths_(std::move(paths)), max_line_bytes_(max_line_bytes) {
  if (paths_.empty()) paths_.push_back("-");
}

JsonLinesSource::~JsonLinesSource() { close_file(); }

void JsonLinesSource::close_file() {
  lines_.reset();
  stream_.reset();
  if (owns_fd_ && fd_ >= 0) close(fd_);
  fd_ = -1;
  owns_fd_ = false;
}

bool JsonLinesSource::open_next_file(std::optional<DocJob>& problem) {
  close_file();
  if (next_path_ >= paths_.size()) return false;
  const std::string& path = paths_[next_path_++];
  current_name_ = is_stdin(path) ? kStdinName : path;
  line_number_ = 0;
  if (is_stdin(path)) {
    fd_ = STDIN_FILENO;
  } else {
    fd_ = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    owns_fd_ = fd_ >= 0;
    if (fd_ < 0) {
      problem = DocJob{};
      problem->name = current_name_;
      problem->json_line = true;
      problem->failure = std::string("cannot open: ") + std::strerror(errno);
      return true;
    }
  }
  stream_ = std::make_unique<InputStream>(fd_, stop_reading);
  lines_ = std::make_unique<LineReader>(*stream_, max_line_bytes_);
  return true;
}

std::optional<DocJob> JsonLinesSource::next() {
  while (true) {
    if (!lines_) {
      std::optional<DocJob> problem;
      if (!open_next_file(problem)) return std::nullopt;
      if (problem) return problem;
    }
    std::optional<InputLine> line;
    DocJob job;
    job.json_line = true;
    try {
      line = lines_->next();
    } catch (const InputError& error) {
      job.name = current_name_ + ":" + std::to_string(line_number_ + 1);
      job.failure = error.what();
      close_file();
      return job;
    }
    if (!line || stream_->stopped()) {
      close_file();
      if (stop_reading()) return std::nullopt;
      continue;
    }
    ++line_number_;
    if (!line->too_long && is_blank(line->text)) continue;
    job.name = current_name_ + ":" + std::to_string(line_number_);
    job.input_bytes = line->text.size();
    if (line->too_long)
      job.failure = "line longer than " + std::to_string(max_line_bytes_) + " bytes, not read";
    job.bytes = std::move(line->text);
    return job;
  }
}

ReplaySource::ReplaySource(std::deque<DocJob> kept, DocumentSource* rest) : kept_(std::move(kept)), rest_(rest) {}

std::optional<DocJob> ReplaySource::next() {
  if (!kept_.empty()) {
    DocJob job = std::move(kept_.front());
    kept_.pop_front();
    return job;
  }
  return rest_ != nullptr ? rest_->next() : std::nullopt;
}

}  // namespace winnow::batch
