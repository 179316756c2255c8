// See word_table.h.
#include "word_table.h"

#include <cstring>

namespace winnow::internal {

uint64_t WordTable::hash_of(std::string_view word) {  // FNV-1a: words are short
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : word) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

size_t WordTable::slot_of(std::string_view word, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (!s.used) return i;
    if (s.hash == hash && s.length == word.size() &&
        std::memcmp(pool_.data() + s.offset, word.data(), word.size()) == 0)
      return i;
  }
}

const WordInfo* WordTable::find(std::string_view word) const {
  if (slots_.empty()) return nullptr;
  const Slot& s = slots_[slot_of(word, hash_of(word))];
  return s.used ? &s.info : nullptr;
}

WordInfo& WordTable::operator[](std::string_view word) {
  if (2 * (count_ + 1) > slots_.size()) grow();
  const uint64_t hash = hash_of(word);
  Slot& s = slots_[slot_of(word, hash)];
  if (!s.used) {
    s = {hash, uint32_t(pool_.size()), uint32_t(word.size()), true, {}};
    pool_.append(word);
    ++count_;
  }
  return s.info;
}

void WordTable::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : 2 * old.size(), Slot{});
  for (const Slot& s : old) {
    if (!s.used) continue;
    const std::string_view word(pool_.data() + s.offset, s.length);
    slots_[slot_of(word, s.hash)] = s;
  }
}

}  // namespace winnow::internal
