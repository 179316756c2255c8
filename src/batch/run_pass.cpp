#include "batch/run_pass.h"

#include <unordered_map>

#include "batch/interrupt.h"

namespace winnow::batch {
namespace {

constexpr auto kWaitSlice = std::chrono::milliseconds(100);

class PassLoop {
 public:
  PassLoop(WorkerPool& pool, OutcomeSink& sink, ProgressLine& progress, bool quiet)
      : pool_(pool), sink_(sink), progress_(progress), quiet_(quiet) {}

  // Hands back one outcome if one is ready within `wait`.
  bool drain_one(std::chrono::milliseconds wait) {
    std::optional<DocOutcome> outcome = pool_.next(wait);
    progress_.draw(result.tally);
    if (!outcome) return false;
    result.tally.add(*outcome);
    sink_.accept(*outcome);
    return true;
  }

  bool should_stop() {
    if (sink_.wants_stop()) result.stopped = true;
    if (interrupt_count() > 0) result.interrupted = true;
    return result.stopped || result.interrupted;
  }

  // Hands back everything in flight. Once interrupted (or stopped), the
  // documents not started yet are dropped; a second interrupt abandons the
  // running ones too.
  void finish() {
    bool cancelled = false, abandoned = false;
    while (true) {
      should_stop();
      if (!cancelled && (result.interrupted || result.stopped)) {
        cancel_queued();
        cancelled = true;
      }
      if (!abandoned && (interrupt_count() > 1 || result.stopped)) {
        pool_.abandon_all();
        abandoned = true;
        result.abandoned = interrupt_count() > 1;
      }
      if (pool_.in_flight() == 0) break;
      drain_one(kWaitSlice);
    }
    progress_.draw(result.tally, true);
  }

  PassResult result;

 private:
  void cancel_queued() {
    const std::size_t running = pool_.cancel_queued();
    if (result.interrupted && running > 0 && !quiet_)
      progress_.print("winnow: interrupted: finishing " + std::to_string(running) +
                      (running == 1 ? " document" : " documents") + " in progress (interrupt again to abandon)\n");
  }

  WorkerPool& pool_;
  OutcomeSink& sink_;
  ProgressLine& progress_;
  bool quiet_;
};

bool window_full(const WorkerPool& pool, const PassLimits& limits) {
  const std::size_t in_flight = pool.in_flight();
  return in_flight >= limits.max_in_flight || (in_flight > 0 && pool.held_bytes() > limits.max_held_bytes);
}

}  // namespace

PassLimits limits_for(unsigned threads, bool outcomes_are_small) {
  PassLimits limits;
  limits.max_in_flight = outcomes_are_small ? 1024 + 64 * std::size_t{threads} : 64 + 16 * std::size_t{threads};
  return limits;
}

PassResult run_pass(DocumentSource& source, WorkerPool& pool, OutcomeSink& sink, const PassLimits& limits,
                    ProgressLine& progress, bool quiet) {
  PassLoop loop(pool, sink, progress, quiet);
  std::unordered_map<std::string, std::size_t> submitted_per_group;
  std::uint64_t seq = 0;
  while (!loop.should_stop()) {
    if (window_full(pool, limits)) {
      loop.drain_one(kWaitSlice);
      continue;
    }
    std::optional<DocJob> job = source.next();
    if (!job) break;
    if (limits.sample_per_group > 0 && ++submitted_per_group[job->group] > limits.sample_per_group) continue;
    job->seq = seq++;
    pool.submit(std::move(*job));
    while (loop.drain_one(std::chrono::milliseconds(0))) {
    }
  }
  loop.finish();
  return loop.result;
}

}  // namespace winnow::batch
