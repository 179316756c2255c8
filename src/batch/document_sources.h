// Where a batch's documents come from, in order:
//   TreeSource       the files under IN_DIR (winnow -r), via TreeWalker
//   FileListSource   FILE arguments, one document each ("-": stdin)
//   JsonLinesSource  JSON lines from FILE arguments or stdin, one job a line
//   ReplaySource     jobs kept in memory, then the rest of another source
//                    (--learn-repeats on a stream: the buffered sample)
#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "batch/doc_job.h"
#include "batch/glob_filter.h"
#include "batch/gzip_input.h"
#include "batch/line_reader.h"
#include "batch/walk.h"

namespace winnow::batch {

class DocumentSource {
 public:
  virtual ~DocumentSource() = default;
  // The next job (its seq is set by the runner); nullopt at the end.
  virtual std::optional<DocJob> next() = 0;
};

class TreeSource : public DocumentSource {
 public:
  TreeSource(const std::string& in_dir, const GlobFilter& filter, std::string output_extension,
             std::optional<FileId> skipped_folder);
  std::optional<DocJob> next() override;

 private:
  TreeWalker walker_;
};

class FileListSource : public DocumentSource {
 public:
  FileListSource(std::vector<std::string> paths, std::size_t max_bytes);
  std::optional<DocJob> next() override;

 private:
  std::vector<std::string> paths_;
  std::size_t next_ = 0;
  std::size_t max_bytes_;
};

class JsonLinesSource : public DocumentSource {
 public:
  // `paths` empty or "-": stdin. Lines longer than `max_line_bytes` fail alone.
  JsonLinesSource(std::vector<std::string> paths, std::size_t max_line_bytes);
  ~JsonLinesSource() override;
  std::optional<DocJob> next() override;

 private:
  bool open_next_file(std::optional<DocJob>& problem);
  void close_file();

  std::vector<std::string> paths_;
  std::size_t next_path_ = 0;
  std::size_t max_line_bytes_;
  std::string current_name_;
  int fd_ = -1;
  bool owns_fd_ = false;
  std::unique_ptr<InputStream> stream_;
  std::unique_ptr<LineReader> lines_;
  std::size_t line_number_ = 0;
};

class ReplaySource : public DocumentSource {
 public:
  ReplaySource(std::deque<DocJob> kept, DocumentSource* rest);
  std::optional<DocJob> next() override;

 private:
  std::deque<DocJob> kept_;
  DocumentSource* rest_;  // may be null
};

// Reading stdin and pipes stops at an interrupt.
bool stop_reading();

}  // namespace winnow::batch
