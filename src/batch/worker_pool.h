// The batch's worker threads, with a watchdog, handing outcomes back in input
// order.
//
// Jobs wait in one queue and each free worker takes the next, so a few huge
// documents occupy a few workers while the others go on; the caller bounds
// the number of jobs in flight (its window), so memory stays bounded while
// the ordered hand-back waits for a slow document.
//
// --doc-timeout: winnow::Extractor cannot be interrupted inside extract(),
// so the watchdog does not stop a slow document, it abandons it: the
// document is reported failed at once, a fresh worker takes the abandoned
// one's place, and the abandoned thread runs on until extract() returns,
// then discards its result (it never writes an output) and exits. An
// abandoned thread still uses its core and memory until then; if any is
// still running when the batch ends, the process exits without waiting for
// it (see abandoned_running()).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>

#include "batch/doc_job.h"

namespace winnow::batch {

struct PoolState;  // shared with the threads, in worker_pool.cpp

class WorkerPool {
 public:
  // The abandonable part: extraction and rendering.
  using Compute = std::function<DocOutcome(const DocJob&)>;
  // Runs after Compute unless the job was abandoned: writes the output.
  using Commit = std::function<void(DocOutcome&)>;

  // `timeout_seconds` <= 0: no watchdog.
  WorkerPool(unsigned threads, double timeout_seconds, Compute compute, Commit commit);
  ~WorkerPool();  // waits for the workers that were not abandoned
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Jobs must come with seq 0, 1, 2, ...
  void submit(DocJob job);
  // The outcome of the next job in order, waiting at most `wait`.
  std::optional<DocOutcome> next(std::chrono::milliseconds wait);
  // Submitted and not yet handed back by next().
  std::size_t in_flight() const;
  // Input bytes held by jobs in flight.
  std::size_t held_bytes() const;
  // Drops the jobs no worker has started (a first SIGINT); next() skips
  // them. Returns how many are still running.
  std::size_t cancel_queued();
  // Drops queued jobs and abandons running ones (a second SIGINT): these
  // come back from next() as failed; returns how many were abandoned.
  std::size_t abandon_all();
  // Abandoned threads still inside extract().
  static std::size_t abandoned_running();

 private:
  std::shared_ptr<PoolState> state_;
};

unsigned available_cores();

}  // namespace winnow::batch
