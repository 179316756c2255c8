#include "batch/interrupt.h"

#include <pthread.h>

#include <atomic>
#include <csignal>

namespace winnow::batch {
namespace {

std::atomic<int> interrupts{0};

extern "C" void count_interrupt(int) { interrupts.fetch_add(1, std::memory_order_relaxed); }

}  // namespace

void install_interrupt_handlers() {
  struct sigaction action {};
  action.sa_handler = count_interrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // no EINTR surprises in writes; reads poll instead
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

int interrupt_count() { return interrupts.load(std::memory_order_relaxed); }

void block_interrupts_in_this_thread() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

}  // namespace winnow::batch
