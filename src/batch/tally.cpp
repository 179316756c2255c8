#include "batch/tally.h"

#include <cstdio>

namespace winnow::batch {

void Tally::add(const DocOutcome& outcome) {
  switch (outcome.status) {
    case DocStatus::kOk: ++ok; break;
    case DocStatus::kEmpty: ++empty; break;
    case DocStatus::kFailed: ++failed; break;
    case DocStatus::kSkipped: ++skipped; break;
  }
  bytes_in += outcome.input_bytes;
  bytes_out += outcome.output_bytes;
}

std::string human_bytes(double bytes) {
  char text[32];
  if (bytes >= 1e9) std::snprintf(text, sizeof text, "%.2f GB", bytes / 1e9);
  else if (bytes >= 1e6) std::snprintf(text, sizeof text, "%.1f MB", bytes / 1e6);
  else if (bytes >= 1e3) std::snprintf(text, sizeof text, "%.1f kB", bytes / 1e3);
  else std::snprintf(text, sizeof text, "%.0f B", bytes);
  return text;
}

std::string summary_line(const Tally& tally, double seconds, bool interrupted) {
  const double processed = static_cast<double>(tally.ok + tally.empty + tally.failed);
  char text[320];
  std::snprintf(text, sizeof text,
                "winnow: %llu document%s: %llu ok, %llu empty, %llu failed, %llu skipped; %s in, %s out; "
                "%.1f s, %.1f pages/s%s\n",
                static_cast<unsigned long long>(tally.done()), tally.done() == 1 ? "" : "s",
                static_cast<unsigned long long>(tally.ok),
                static_cast<unsigned long long>(tally.empty), static_cast<unsigned long long>(tally.failed),
                static_cast<unsigned long long>(tally.skipped), human_bytes(static_cast<double>(tally.bytes_in)).c_str(),
                human_bytes(static_cast<double>(tally.bytes_out)).c_str(), seconds,
                seconds > 0 ? processed / seconds : 0.0, interrupted ? "; interrupted" : "");
  return text;
}

}  // namespace winnow::batch
