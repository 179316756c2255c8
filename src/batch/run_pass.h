// One pass of a batch: jobs from a source go to the worker pool, outcomes
// come back in input order and go to a sink, with the in-flight window, the
// progress line and SIGINT handled here.
#pragma once

#include <cstddef>

#include "batch/document_sources.h"
#include "batch/outcome_sinks.h"
#include "batch/progress.h"
#include "batch/tally.h"
#include "batch/worker_pool.h"

namespace winnow::batch {

struct PassLimits {
  std::size_t max_in_flight = 256;
  std::size_t max_held_bytes = std::size_t{256} << 20;
  std::size_t sample_per_group = 0;  // > 0: submit at most this many jobs per group
};

struct PassResult {
  Tally tally;
  bool interrupted = false;  // SIGINT/SIGTERM: no new documents were started
  bool abandoned = false;    // a second one: in-flight documents were abandoned
  bool stopped = false;      // the sink asked to stop (closed stdout)
};

// `quiet`: no note on stderr when interrupted.
PassResult run_pass(DocumentSource& source, WorkerPool& pool, OutcomeSink& sink, const PassLimits& limits,
                    ProgressLine& progress, bool quiet);

// The in-flight window for `threads` workers: tree mode holds only small
// outcomes, so it can look far ahead past a slow document.
PassLimits limits_for(unsigned threads, bool outcomes_are_small);

}  // namespace winnow::batch
