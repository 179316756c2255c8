// Reading inputs that may be gzip-compressed: the stream looks at its first
// two bytes and inflates (zlib, concatenated members too) when they are
// gzip's magic number, else passes the bytes through. So "page.html.gz",
// a page saved compressed under a plain name and "zcat corpus.jsonl.gz |"
// all read the same.
//
// Reads from pipes and terminals wait with poll(2) in short slices and ask
// `should_stop` between them, so an interrupted run does not hang on an
// idle stdin.
#pragma once

#include <zlib.h>

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace winnow::batch {

struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class InputStream {
 public:
  // Reads `fd`, which stays owned by the caller.
  explicit InputStream(int fd, std::function<bool()> should_stop = {});
  ~InputStream();
  InputStream(const InputStream&) = delete;
  InputStream& operator=(const InputStream&) = delete;

  // Up to `size` bytes of the decompressed stream; 0 at its end (or when
  // `should_stop` said so: see stopped()). Throws InputError.
  std::size_t read(char* buffer, std::size_t size);
  bool stopped() const { return stopped_; }

 private:
  bool fill_raw();  // more raw bytes into raw_; false at end of input
  void start();     // decides gzip or not from the first bytes
  std::size_t read_plain(char* buffer, std::size_t size);
  std::size_t read_inflated(char* buffer, std::size_t size);
  bool next_member_follows();

  int fd_;
  std::function<bool()> should_stop_;
  std::vector<char> raw_;
  std::size_t raw_pos_ = 0;
  std::size_t raw_end_ = 0;
  bool raw_eof_ = false;
  bool started_ = false;
  bool gzip_ = false;
  bool inflate_ready_ = false;
  bool finished_ = false;
  bool stopped_ = false;
  z_stream zlib_{};
};

}  // namespace winnow::batch
