#include "batch/progress.h"

#include <unistd.h>

#include <cstdio>

namespace winnow::batch {
namespace {

constexpr auto kRedrawInterval = std::chrono::milliseconds(250);

std::string duration_text(double seconds) {
  const auto whole = static_cast<long long>(seconds + 0.5);
  char text[32];
  if (whole >= 3600) std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", whole / 3600, whole / 60 % 60, whole % 60);
  else std::snprintf(text, sizeof text, "%lld:%02lld", whole / 60, whole % 60);
  return text;
}

void write_stderr(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

}  // namespace

bool stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

ProgressLine::ProgressLine(bool enabled, const std::atomic<std::int64_t>& total)
    : enabled_(enabled), total_(total), phase_start_(std::chrono::steady_clock::now()) {}

void ProgressLine::start_phase(std::string label, bool with_total) {
  clear();
  label_ = std::move(label);
  with_total_ = with_total;
  phase_start_ = std::chrono::steady_clock::now();
}

void ProgressLine::draw(const Tally& tally, bool force) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - phase_start_).count();
  const double done = static_cast<double>(tally.done());
  const double rate = seconds > 0 ? done / seconds : 0;
  const std::int64_t total = with_total_ ? total_.load() : -1;
  std::string line = "\r\033[K";
  if (!label_.empty()) line.append(label_).append(": ");
  line += std::to_string(tally.done());
  if (total >= 0) line.append("/").append(std::to_string(total));
  char figures[128];
  std::snprintf(figures, sizeof figures, " documents, %.1f pages/s, %.1f MB/s", rate,
                seconds > 0 ? static_cast<double>(tally.bytes_in) / 1e6 / seconds : 0.0);
  line += figures;
  if (total >= 0 && rate > 0 && static_cast<double>(total) >= done)
    line.append(", ETA ").append(duration_text((static_cast<double>(total) - done) / rate));
  if (tally.failed > 0) line.append(", ").append(std::to_string(tally.failed)).append(" failed");
  write_stderr(line);
  shown_ = true;
}

void ProgressLine::clear() {
  if (!shown_) return;
  write_stderr("\r\033[K");
  shown_ = false;
}

void ProgressLine::print(std::string_view text) {
  clear();
  write_stderr(text);
}

}  // namespace winnow::batch
