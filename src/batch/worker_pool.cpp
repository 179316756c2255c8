#include "batch/worker_pool.h"

#include <sched.h>

#include <atomic>
#include <cstdio>
#include <condition_variable>
#include <deque>
#include <list>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "batch/interrupt.h"

namespace winnow::batch {
namespace {

using Clock = std::chrono::steady_clock;

constexpr auto kWatchdogSlice = std::chrono::milliseconds(50);

std::atomic<std::size_t> abandoned_threads{0};

// One job being computed. `state` decides who finishes it: the worker
// (kRunning -> kFinished) or the watchdog (kRunning -> kAbandoned).
struct Attempt {
  enum : int { kRunning, kFinished, kAbandoned };
  DocJob job_head;  // the job without its bytes: enough for a failure outcome
  std::size_t job_bytes = 0;
  Clock::time_point deadline;
  std::atomic<int> state{kRunning};
};

DocJob head_of(const DocJob& job) {
  DocJob head;
  head.seq = job.seq;
  head.name = job.name;
  head.group = job.group;
  head.input_bytes = job.input_bytes;
  head.json_line = job.json_line;
  return head;
}

std::string timeout_reason(double seconds) {
  char text[96];
  std::snprintf(text, sizeof text, "timed out after %g s (--doc-timeout), abandoned", seconds);
  return text;
}

}  // namespace

struct PoolState {
  WorkerPool::Compute compute;
  WorkerPool::Commit commit;
  double timeout_seconds = 0;

  mutable std::mutex mutex;
  std::condition_variable work_ready;
  std::condition_variable outcome_ready;
  std::condition_variable workers_done;
  std::deque<DocJob> queue;
  std::list<std::shared_ptr<Attempt>> running;
  std::map<std::uint64_t, DocOutcome> finished;
  std::set<std::uint64_t> cancelled;  // dropped before they started: next() skips them
  std::uint64_t next_out = 0;
  std::uint64_t submitted = 0;
  std::size_t held_bytes = 0;
  std::size_t live_workers = 0;
  bool stopping = false;

  // With `mutex` held: an outcome ready for next(); its stream text counts
  // as held until then.
  void post(DocOutcome outcome) {
    if (outcome.seq >= next_out) {
      held_bytes += outcome.stream_text.size();
      finished.emplace(outcome.seq, std::move(outcome));
    }
    outcome_ready.notify_all();
  }

  void release(std::size_t bytes) { held_bytes -= std::min(held_bytes, bytes); }
};

namespace {

void run_worker(std::shared_ptr<PoolState> state);

void start_worker(const std::shared_ptr<PoolState>& state) {  // with mutex held
  ++state->live_workers;
  std::thread(run_worker, state).detach();
}

DocOutcome compute_safely(PoolState& state, const DocJob& job) {
  try {
    return state.compute(job);
  } catch (const std::bad_alloc&) {
    return failed_outcome(job, "out of memory");
  } catch (const std::exception& error) {
    return failed_outcome(job, std::string("internal error: ") + error.what());
  } catch (...) {
    return failed_outcome(job, "internal error");
  }
}

void commit_safely(PoolState& state, DocOutcome& outcome) {
  try {
    state.commit(outcome);
  } catch (const std::exception& error) {
    outcome.status = DocStatus::kFailed;
    outcome.reason = std::string("cannot write output: ") + error.what();
  }
}

void run_worker(std::shared_ptr<PoolState> state) {
  block_interrupts_in_this_thread();
  while (true) {
    DocJob job;
    auto attempt = std::make_shared<Attempt>();
    {
      std::unique_lock lock(state->mutex);
      state->work_ready.wait(lock, [&] { return state->stopping || !state->queue.empty(); });
      if (state->queue.empty()) {
        --state->live_workers;
        state->workers_done.notify_all();
        return;
      }
      job = std::move(state->queue.front());
      state->queue.pop_front();
      attempt->job_head = head_of(job);
      attempt->job_bytes = job.bytes.size();
      attempt->deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                             std::chrono::duration<double>(state->timeout_seconds));
      state->running.push_back(attempt);
    }
    DocOutcome outcome = compute_safely(*state, job);
    int expected = Attempt::kRunning;
    if (!attempt->state.compare_exchange_strong(expected, Attempt::kFinished)) {
      abandoned_threads.fetch_sub(1);  // the watchdog took over this job and this thread's place
      return;
    }
    commit_safely(*state, outcome);
    std::lock_guard lock(state->mutex);
    state->running.remove(attempt);
    state->release(attempt->job_bytes);
    state->post(std::move(outcome));
  }
}

// Abandons `attempt` if it is still running; with mutex held.
bool abandon(PoolState& state, const std::shared_ptr<Attempt>& attempt, std::string reason) {
  int expected = Attempt::kRunning;
  if (!attempt->state.compare_exchange_strong(expected, Attempt::kAbandoned)) return false;
  abandoned_threads.fetch_add(1);
  --state.live_workers;
  state.release(attempt->job_bytes);
  state.post(failed_outcome(attempt->job_head, std::move(reason)));
  return true;
}

void run_watchdog(std::shared_ptr<PoolState> state) {
  block_interrupts_in_this_thread();
  std::unique_lock lock(state->mutex);
  while (!(state->stopping && state->live_workers == 0)) {
    state->workers_done.wait_for(lock, kWatchdogSlice);
    const auto now = Clock::now();
    for (auto it = state->running.begin(); it != state->running.end();) {
      auto attempt = *it;
      if (now < attempt->deadline || !abandon(*state, attempt, timeout_reason(state->timeout_seconds))) {
        ++it;
        continue;
      }
      it = state->running.erase(it);
      if (!state->stopping) start_worker(state);
    }
  }
}

}  // namespace

WorkerPool::WorkerPool(unsigned threads, double timeout_seconds, Compute compute, Commit commit)
    : state_(std::make_shared<PoolState>()) {
  state_->compute = std::move(compute);
  state_->commit = std::move(commit);
  state_->timeout_seconds = timeout_seconds > 0 ? timeout_seconds : 0;
  std::lock_guard lock(state_->mutex);
  for (unsigned i = 0; i < std::max(1u, threads); ++i) start_worker(state_);
  if (state_->timeout_seconds > 0) std::thread(run_watchdog, state_).detach();
}

WorkerPool::~WorkerPool() {
  std::unique_lock lock(state_->mutex);
  state_->stopping = true;
  state_->work_ready.notify_all();
  state_->workers_done.wait(lock, [&] { return state_->live_workers == 0; });
  state_->workers_done.notify_all();  // lets the watchdog end
}

void WorkerPool::submit(DocJob job) {
  std::lock_guard lock(state_->mutex);
  state_->held_bytes += job.bytes.size();
  state_->queue.push_back(std::move(job));
  ++state_->submitted;
  state_->work_ready.notify_one();
}

std::optional<DocOutcome> WorkerPool::next(std::chrono::milliseconds wait) {
  std::unique_lock lock(state_->mutex);
  auto skip_cancelled = [&] {
    while (state_->cancelled.erase(state_->next_out) != 0) ++state_->next_out;
  };
  skip_cancelled();
  auto ready = [&] { return state_->finished.count(state_->next_out) != 0; };
  // A poll (wait 0) that finds nothing returns at once: wait_for would still
  // make a futex call, and the batch polls once per document it submits.
  if (wait.count() <= 0 && !ready()) return std::nullopt;
  if (!state_->outcome_ready.wait_for(lock, wait, ready)) return std::nullopt;
  auto node = state_->finished.extract(state_->next_out);
  ++state_->next_out;
  skip_cancelled();
  state_->release(node.mapped().stream_text.size());
  return std::move(node.mapped());
}

std::size_t WorkerPool::in_flight() const {
  std::lock_guard lock(state_->mutex);
  return static_cast<std::size_t>(state_->submitted - state_->next_out);
}

std::size_t WorkerPool::held_bytes() const {
  std::lock_guard lock(state_->mutex);
  return state_->held_bytes;
}

std::size_t WorkerPool::cancel_queued() {
  std::lock_guard lock(state_->mutex);
  for (const DocJob& job : state_->queue) {
    state_->cancelled.insert(job.seq);
    state_->release(job.bytes.size());
  }
  state_->queue.clear();
  while (state_->cancelled.erase(state_->next_out) != 0) ++state_->next_out;
  return state_->running.size();
}

std::size_t WorkerPool::abandon_all() {
  std::lock_guard lock(state_->mutex);
  for (const DocJob& job : state_->queue) state_->cancelled.insert(job.seq);
  state_->queue.clear();
  std::size_t abandoned = 0;
  for (const auto& attempt : state_->running)
    abandoned += abandon(*state_, attempt, "interrupted, abandoned") ? 1 : 0;
  state_->running.clear();
  state_->stopping = true;
  state_->work_ready.notify_all();
  state_->workers_done.notify_all();
  return abandoned;
}

std::size_t WorkerPool::abandoned_running() { return abandoned_threads.load(); }

unsigned available_cores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    int count = CPU_COUNT(&set);
    if (count > 0) return static_cast<unsigned>(count);
  }
  unsigned hardware = std::thread::hardware_concurrency();
  return hardware > 0 ? hardware : 1;
}

}  // namespace winnow::batch
