// A choice between two values without a branch, for choices the processor
// cannot guess (is this word in the lexicon?): a jump guessed wrong costs
// some fifteen cycles. g++ compiles `c ? a : b` (even with
// __builtin_expect_with_probability) to jumps where it sees fit, splitting
// `c` into a jump per comparison; arithmetic on a mask it leaves alone.
#pragma once

#include <cstdint>
#include <cstddef>

namespace winnow::internal {

// if_true when `condition` holds, else if_false.
inline size_t pick(bool condition, size_t if_true, size_t if_false) {
  const size_t mask = -static_cast<size_t>(condition);  // all ones or all zeros
  return if_false ^ ((if_true ^ if_false) & mask);
}

template <class T>
T* pick(bool condition, T* if_true, T* if_false) {
  return reinterpret_cast<T*>(
      pick(condition, reinterpret_cast<uintptr_t>(if_true), reinterpret_cast<uintptr_t>(if_false)));
}

}  // namespace winnow::internal
