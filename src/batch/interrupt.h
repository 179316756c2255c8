// SIGINT and SIGTERM during a batch: the handler only counts them; the run
// polls the count. The first stops new documents from starting (in-flight
// ones finish), the second abandons the in-flight ones as well.
#pragma once

namespace winnow::batch {

void install_interrupt_handlers();
int interrupt_count();

// Worker threads call this first so that signals reach the main thread only.
void block_interrupts_in_this_thread();

}  // namespace winnow::batch
