// See gumbo_arena.h.
#include "gumbo_arena.h"

#include <algorithm>

namespace winnow::internal {
namespace {

// The first chunk; later ones double, so a big page takes few chunks.
constexpr size_t kFirstChunkBytes = size_t{256} << 10;
// What reset() keeps for the next page: a typical page's parse fits, a huge
// one does not pin its memory in a worker thread.
constexpr size_t kKeptBytes = size_t{8} << 20;
constexpr size_t kAlignment = alignof(std::max_align_t);

void* arena_allocate(void* arena, size_t size) { return static_cast<GumboArena*>(arena)->allocate(size); }
void arena_free(void*, void*) {}  // freed all at once by reset()

}  // namespace

GumboOptions GumboArena::options() {
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = arena_allocate;
  options.deallocator = arena_free;
  options.userdata = this;
  options.max_errors = 0;
  return options;
}

void* GumboArena::allocate(size_t size) {
  size = (size + kAlignment - 1) & ~(kAlignment - 1);
  while (current_ < chunks_.size() && used_ + size > chunks_[current_].size) {
    ++current_;
    used_ = 0;
  }
  if (current_ == chunks_.size()) add_chunk(size);
  void* p = chunks_[current_].bytes.get() + used_;
  used_ += size;
  return p;
}

void GumboArena::add_chunk(size_t at_least) {
  const size_t last = chunks_.empty() ? kFirstChunkBytes / 2 : chunks_.back().size;
  const size_t size = std::max(2 * last, at_least);
  // new char[] (not make_unique) leaves the bytes uninitialised.
  chunks_.push_back({std::unique_ptr<char[]>(new char[size]), size});
}

void GumboArena::reset() {
  size_t kept = 0, count = 0;
  while (count < chunks_.size() && kept + chunks_[count].size <= kKeptBytes) kept += chunks_[count++].size;
  chunks_.resize(std::max<size_t>(count, chunks_.empty() ? 0 : 1));
  current_ = 0;
  used_ = 0;
}

}  // namespace winnow::internal
