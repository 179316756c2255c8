// Running totals of a batch: documents by status and bytes in and out.
#pragma once

#include <cstdint>
#include <string>

#include "batch/doc_job.h"

namespace winnow::batch {

struct Tally {
  std::uint64_t ok = 0, empty = 0, failed = 0, skipped = 0;
  std::uint64_t bytes_in = 0, bytes_out = 0;

  void add(const DocOutcome& outcome);
  std::uint64_t done() const { return ok + empty + failed + skipped; }
};

// "winnow: 900 documents: 880 ok, 12 empty, 3 failed, 5 skipped; 31.0 MB in,
// 4.2 MB out; 12.3 s, 73.2 pages/s" (+ ", interrupted").
std::string summary_line(const Tally& tally, double seconds, bool interrupted);

// "4.2 MB", "812 kB", "96 B".
std::string human_bytes(double bytes);

}  // namespace winnow::batch
