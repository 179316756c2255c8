// Wall time per pipeline stage, summed over documents: what the speed bench
// (bench/speed.cpp) reports. The pipeline always takes a StageClock; one
// made without StageTimes costs a null check per stage.
#pragma once

#include <chrono>

namespace winnow::internal {

enum class Stage { kDecode, kPrescan, kParse, kSegment, kFeatures, kClassify, kRender, kCount };

inline constexpr int kStageCount = static_cast<int>(Stage::kCount);
inline constexpr const char* kStageNames[kStageCount] = {
    "decode", "prescan", "parse", "segment", "features", "classify", "render"};

struct StageTimes {
  double seconds[kStageCount] = {};
};

class StageClock {
 public:
  explicit StageClock(StageTimes* times = nullptr) : times_(times) {
    if (times_) last_ = Clock::now();
  }

  // Adds the time since the previous lap (or since construction) to `stage`.
  void lap(Stage stage) {
    if (!times_) return;
    const Clock::time_point now = Clock::now();
    times_->seconds[static_cast<int>(stage)] += std::chrono::duration<double>(now - last_).count();
    last_ = now;
  }

 private:
  using Clock = std::chrono::steady_clock;
  StageTimes* times_;
  Clock::time_point last_;
};

}  // namespace winnow::internal
