// Which batch the command line asks for, and whether its options fit:
//   kTree               -r IN_DIR -o OUT_DIR: a mirrored tree of .txt/.json
//   kTreeToRecords      -r IN_DIR --format jsonl: JSON lines, stdout or -o FILE
//   kFilesToRecords     --format jsonl [FILE...]: one record per file (or stdin)
//   kJsonLinesToRecords --input-format jsonl [FILE...]: one record per line
#pragma once

#include <stdexcept>
#include <string>

#include "batch/batch_options.h"

namespace winnow::batch {

enum class BatchMode { kTree, kTreeToRecords, kFilesToRecords, kJsonLinesToRecords };

struct BatchUsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// -r, --format jsonl or --input-format jsonl.
bool is_batch_request(const BatchOptions& options);

// Checks the combination of options (throws BatchUsageError) and fills what
// is implied: --input-format jsonl means --format jsonl.
BatchMode choose_batch_mode(BatchOptions& options);

// Batch-only options given without a batch (--report, --resume, --include,
// --exclude, --learn-repeats): the usage message, else "".
std::string single_document_misuse(const BatchOptions& options);

bool writes_records(BatchMode mode);

}  // namespace winnow::batch
