// winnow's batch mode: many documents in, all cores, nothing lost.
// The entry point the command line dispatches to; see README "Batch mode
// and corpora" and man/winnow.1 for the user's view.
#pragma once

#include "batch/batch_options.h"
#include "winnow.h"

namespace winnow::batch {

enum BatchExit {
  kBatchExitOk = 0,          // every document ok, empty or skipped
  kBatchExitInternal = 1,
  kBatchExitUsage = 2,
  kBatchExitFailures = 3,    // some document failed, or an output/report could not be written
  kBatchExitInterrupted = 130,
};

// Runs the batch and returns its exit code; messages go to stderr as
// "winnow: ...". When a document abandoned by --doc-timeout is still being
// computed at the end, the process exits here (after flushing) instead of
// returning, since that thread cannot be joined.
int run_batch(BatchOptions options, const Options& extractor_options);

}  // namespace winnow::batch
