// A choice between two pointers without a branch, for choices the processor
// cannot guess (is this word in the lexicon?): g++ turns `c ? a : b` between
// pointers, and a load behind `p ? p->x : 0`, into a conditional jump, and a
// jump guessed wrong costs some fifteen cycles. Masks are computed, never
// guessed.
#pragma once

#include <cstdint>

namespace winnow::internal {

template <class T>
const T* pick(bool condition, const T* if_true, const T* if_false) {
  const uintptr_t mask = -static_cast<uintptr_t>(condition);  // all ones or all zeros
  return reinterpret_cast<const T*>((reinterpret_cast<uintptr_t>(if_true) & mask) |
                                    (reinterpret_cast<uintptr_t>(if_false) & ~mask));
}

}  // namespace winnow::internal
