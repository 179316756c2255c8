// The progress line on stderr while a batch runs, when stderr is a terminal
// and --quiet is not given: documents done/total, pages/s, MB/s, ETA and
// failures so far, redrawn in place at most four times a second.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "batch/tally.h"

namespace winnow::batch {

class ProgressLine {
 public:
  // `total` is -1 while unknown (being counted by another thread, or a stream).
  ProgressLine(bool enabled, const std::atomic<std::int64_t>& total);

  // `label` "" for the main pass; `with_total`: the total (and ETA) applies.
  void start_phase(std::string label, bool with_total);
  void draw(const Tally& tally, bool force = false);
  // Erases the line; call before writing anything else to stderr.
  void clear();
  // Writes `text` to stderr without tearing the progress line.
  void print(std::string_view text);

 private:
  bool enabled_;
  const std::atomic<std::int64_t>& total_;
  std::string label_;
  bool with_total_ = true;
  std::chrono::steady_clock::time_point phase_start_;
  std::chrono::steady_clock::time_point last_draw_{};
  bool shown_ = false;
};

// True when stderr is a terminal.
bool stderr_is_terminal();

}  // namespace winnow::batch
