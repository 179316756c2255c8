#include "batch/line_reader.h"

namespace winnow::batch {
namespace {

constexpr std::size_t kChunkBytes = std::size_t{1} << 20;

}  // namespace

LineReader::LineReader(InputStream& stream, std::size_t max_line_bytes)
    : stream_(stream), max_line_bytes_(max_line_bytes) {}

bool LineReader::refill() {
  if (eof_) return false;
  buffer_.erase(0, pos_);
  pos_ = 0;
  const std::size_t used = buffer_.size();
  buffer_.resize(used + kChunkBytes);
  std::size_t got = stream_.read(buffer_.data() + used, kChunkBytes);
  buffer_.resize(used + got);
  if (got == 0) eof_ = true;
  return got > 0;
}

std::optional<InputLine> LineReader::next() {
  InputLine line;
  std::size_t scanned = pos_;
  while (true) {
    std::size_t newline = buffer_.find('\n', scanned);
    if (newline != std::string::npos) {
      if (newline - pos_ > max_line_bytes_) line.too_long = true;
      if (!line.too_long) line.text.assign(buffer_, pos_, newline - pos_);
      pos_ = newline + 1;
      break;
    }
    if (buffer_.size() - pos_ > max_line_bytes_) {  // drop what we have, keep looking for the end
      line.too_long = true;
      pos_ = buffer_.size();
    }
    scanned = buffer_.size() - pos_;  // relative offset survives refill's erase
    if (!refill()) {
      if (pos_ == buffer_.size() && !line.too_long) return std::nullopt;
      if (buffer_.size() - pos_ > max_line_bytes_) line.too_long = true;
      if (!line.too_long) line.text.assign(buffer_, pos_, std::string::npos);
      pos_ = buffer_.size();
      break;
    }
    scanned = pos_ + scanned;
  }
  if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
  return line;
}

}  // namespace winnow::batch
