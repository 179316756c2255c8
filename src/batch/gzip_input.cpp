#include "batch/gzip_input.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace winnow::batch {
namespace {

constexpr std::size_t kRawChunkBytes = std::size_t{1} << 17;
constexpr int kPollSliceMs = 200;
constexpr int kGzipWindowBits = 15 + 16;  // zlib: gzip header and trailer

bool is_gzip_magic(const char* bytes) {
  return static_cast<unsigned char>(bytes[0]) == 0x1f && static_cast<unsigned char>(bytes[1]) == 0x8b;
}

}  // namespace

InputStream::InputStream(int fd, std::function<bool()> should_stop)
    : fd_(fd), should_stop_(std::move(should_stop)), raw_(kRawChunkBytes) {}

InputStream::~InputStream() {
  if (inflate_ready_) inflateEnd(&zlib_);
}

bool InputStream::fill_raw() {
  if (raw_eof_) return false;
  if (raw_pos_ > 0) {  // keep the unread bytes, at the front
    std::memmove(raw_.data(), raw_.data() + raw_pos_, raw_end_ - raw_pos_);
    raw_end_ -= raw_pos_;
    raw_pos_ = 0;
  }
  if (raw_end_ == raw_.size()) return true;
  while (true) {
    if (should_stop_) {
      pollfd waiting{fd_, POLLIN, 0};
      int ready = poll(&waiting, 1, kPollSliceMs);
      if (ready == 0 || (ready < 0 && errno == EINTR)) {
        if (should_stop_()) {
          stopped_ = raw_eof_ = true;
          return false;
        }
        continue;
      }
    }
    ssize_t got = ::read(fd_, raw_.data() + raw_end_, raw_.size() - raw_end_);
    if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (got < 0) throw InputError(std::string("read error: ") + std::strerror(errno));
    if (got == 0) {
      raw_eof_ = true;
      return false;
    }
    raw_end_ += static_cast<std::size_t>(got);
    return true;
  }
}

void InputStream::start() {
  started_ = true;
  while (raw_end_ - raw_pos_ < 2 && fill_raw()) {
  }
  gzip_ = raw_end_ - raw_pos_ >= 2 && is_gzip_magic(raw_.data() + raw_pos_);
  if (!gzip_) return;
  if (inflateInit2(&zlib_, kGzipWindowBits) != Z_OK) throw InputError("gzip: cannot start zlib");
  inflate_ready_ = true;
}

std::size_t InputStream::read(char* buffer, std::size_t size) {
  if (!started_) start();
  if (size == 0 || finished_) return 0;
  return gzip_ ? read_inflated(buffer, size) : read_plain(buffer, size);
}

std::size_t InputStream::read_plain(char* buffer, std::size_t size) {
  if (raw_pos_ == raw_end_ && !fill_raw()) {
    finished_ = true;
    return 0;
  }
  std::size_t take = std::min(size, raw_end_ - raw_pos_);
  std::memcpy(buffer, raw_.data() + raw_pos_, take);
  raw_pos_ += take;
  return take;
}

// After one gzip member: another follows when the next bytes are gzip's
// magic; anything else (trailing zeros, garbage) ends the stream, as gzip -d does.
bool InputStream::next_member_follows() {
  while (raw_end_ - raw_pos_ < 2 && fill_raw()) {
  }
  return raw_end_ - raw_pos_ >= 2 && is_gzip_magic(raw_.data() + raw_pos_);
}

std::size_t InputStream::read_inflated(char* buffer, std::size_t size) {
  zlib_.next_out = reinterpret_cast<Bytef*>(buffer);
  zlib_.avail_out = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
  while (zlib_.avail_out > 0) {
    if (raw_pos_ == raw_end_ && !fill_raw()) {
      if (stopped_) break;
      throw InputError("gzip: truncated input");
    }
    zlib_.next_in = reinterpret_cast<Bytef*>(raw_.data() + raw_pos_);
    zlib_.avail_in = static_cast<uInt>(raw_end_ - raw_pos_);
    int status = inflate(&zlib_, Z_NO_FLUSH);
    raw_pos_ = raw_end_ - zlib_.avail_in;
    if (status == Z_STREAM_END) {
      if (!next_member_follows()) {
        finished_ = true;
        break;
      }
      inflateReset(&zlib_);
      continue;
    }
    if (status == Z_BUF_ERROR) continue;  // needs more input
    if (status != Z_OK)
      throw InputError(std::string("gzip: ") + (zlib_.msg != nullptr ? zlib_.msg : "corrupt data"));
    if (zlib_.next_out != reinterpret_cast<Bytef*>(buffer)) break;  // some output: hand it over
  }
  return static_cast<std::size_t>(reinterpret_cast<char*>(zlib_.next_out) - buffer);
}

}  // namespace winnow::batch
