#include "batch/document_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "batch/gzip_input.h"

namespace winnow::batch {
namespace {

constexpr std::size_t kReadChunkBytes = std::size_t{1} << 20;

ReadDocument failure(std::string error) {
  ReadDocument result;
  result.error = std::move(error);
  return result;
}

std::string over_limit(std::size_t max_bytes) {
  return "input is larger than the --max-bytes limit of " + std::to_string(max_bytes) + " bytes";
}

bool starts_with_gzip_magic(int fd) {
  unsigned char magic[2] = {0, 0};
  return pread(fd, magic, 2, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
}

// Reads at most max_bytes + 1 bytes: enough to tell the input is over.
ReadDocument read_capped(InputStream& stream, std::size_t max_bytes, std::size_t expected_size) {
  const std::size_t cap = max_bytes == static_cast<std::size_t>(-1) ? max_bytes : max_bytes + 1;
  ReadDocument result;
  // A file's size plus one byte (to see it did not grow), or a chunk for
  // streams: resize() zero-fills, so a page should not pay for a megabyte.
  result.bytes.resize(std::min(cap, expected_size > 0 ? expected_size + 1 : kReadChunkBytes));
  std::size_t used = 0;
  try {
    while (used < cap) {
      if (used == result.bytes.size()) result.bytes.resize(std::min(cap, 2 * result.bytes.size()));
      std::size_t got = stream.read(result.bytes.data() + used, result.bytes.size() - used);
      if (got == 0) break;
      used += got;
    }
  } catch (const InputError& error) {
    return failure(error.what());
  }
  if (stream.stopped()) return failure("interrupted while reading");
  if (used > max_bytes) return failure(over_limit(max_bytes));
  result.bytes.resize(used);
  result.ok = true;
  return result;
}

// A plain (not gzip) regular file of `size` bytes read straight into the
// document: no stream buffer to copy through. One byte more is asked for so
// that a file that grew since fstat is still read whole (and then checked
// against the limit). Returns false when the file starts with gzip's magic
// number: the stream path inflates it.
bool read_plain_file(int fd, std::size_t size, std::size_t max_bytes, ReadDocument& result) {
  std::string& bytes = result.bytes;
  bytes.resize(size + 1);
  std::size_t used = 0;
  while (true) {
    if (used == bytes.size()) {
      if (used > max_bytes) break;
      bytes.resize(std::min(max_bytes == static_cast<std::size_t>(-1) ? max_bytes : max_bytes + 1, 2 * used));
    }
    const ssize_t got = ::read(fd, bytes.data() + used, bytes.size() - used);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      result = failure(std::string("read error: ") + std::strerror(errno));
      return true;
    }
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
    if (used >= 2 && used - static_cast<std::size_t>(got) < 2 &&
        static_cast<unsigned char>(bytes[0]) == 0x1f && static_cast<unsigned char>(bytes[1]) == 0x8b)
      return false;  // gzip: the caller starts over with the stream
  }
  if (used > max_bytes) {
    result = failure(over_limit(max_bytes));
    return true;
  }
  bytes.resize(used);
  result.ok = true;
  return true;
}

}  // namespace

ReadDocument read_document(const std::string& path, std::size_t max_bytes) {
  int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return failure(std::strerror(errno));
  struct stat info {};
  ReadDocument result;
  if (fstat(fd, &info) != 0) {
    result = failure(std::strerror(errno));
  } else if (!S_ISREG(info.st_mode)) {
    result = failure("not a regular file, not read");
  } else if (static_cast<std::size_t>(info.st_size) > max_bytes && !starts_with_gzip_magic(fd)) {
    result = failure("input is " + std::to_string(info.st_size) + " bytes, over the --max-bytes limit of " +
                     std::to_string(max_bytes));
  } else if (static_cast<std::size_t>(info.st_size) > max_bytes ||
             !read_plain_file(fd, static_cast<std::size_t>(info.st_size), max_bytes, result)) {
    result = ReadDocument();
    if (lseek(fd, 0, SEEK_SET) != 0) {
      result = failure(std::strerror(errno));
    } else {
      InputStream stream(fd);
      result = read_capped(stream, max_bytes, static_cast<std::size_t>(info.st_size));
    }
  }
  if (result.ok) result.id = FileId{info.st_dev, info.st_ino};
  close(fd);
  return result;
}

ReadDocument read_whole_stream(int fd, std::size_t max_bytes, const std::function<bool()>& should_stop) {
  InputStream stream(fd, should_stop);
  return read_capped(stream, max_bytes, 0);
}

}  // namespace winnow::batch
