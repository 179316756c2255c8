// Memory for one Gumbo parse at a time. Gumbo allocates many small blocks
// per page (nodes, child and attribute vectors, text buffers, one record per
// parse error) and frees each one again in gumbo_destroy_output. From an
// arena they come out of big chunks with a pointer bump, nothing is freed one
// by one, and dropping the tree is a reset.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <vector>

namespace winnow::internal {

class GumboArena {
 public:
  GumboArena() = default;
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;

  // Gumbo's default options, allocating from this arena and recording no
  // parse errors (winnow reads none; the tree is the same).
  GumboOptions options();

  void* allocate(size_t size);

  // Forgets everything allocated (the tree must no longer be used); keeps
  // some chunks for the next page.
  void reset();

 private:
  struct Chunk {
    std::unique_ptr<char[]> bytes;
    size_t size;
  };
  void add_chunk(size_t at_least);

  std::vector<Chunk> chunks_;
  size_t current_ = 0;  // the chunk being filled
  size_t used_ = 0;     // bytes used in it
};

}  // namespace winnow::internal
