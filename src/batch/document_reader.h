// Reading one document file of a batch: regular files only (a FIFO swapped
// in is never waited on), gzip inflated transparently, at most
// --max-bytes after decompression.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "batch/file_identity.h"

namespace winnow::batch {

struct ReadDocument {
  bool ok = false;
  std::string bytes;  // the (decompressed) document
  std::string error;  // when !ok
  std::optional<FileId> id;  // read_document: the file read (from fstat, no second stat by path)
};

ReadDocument read_document(const std::string& path, std::size_t max_bytes);

// All of an already open descriptor (stdin as one raw document), same limit.
ReadDocument read_whole_stream(int fd, std::size_t max_bytes, const std::function<bool()>& should_stop);

}  // namespace winnow::batch
