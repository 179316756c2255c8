// The lexicon's word table (stop words, date words, the first words of
// phrases), built for the lookup of every word of every segment: text mode
// spends a good part of its time there.
//
// StringTable's probe loop and byte comparison branch on how long the word
// is, on whether the probe ends at once and on whether the word is known,
// and the processor guesses those wrong about once a word. Here a key of up
// to 16 bytes is stored inline in its slot, zero-padded, and may sit in one
// of two slots only (cuckoo hashing): a lookup reads the word as two masked
// 8-byte halves, compares them with both slots and picks the answer without
// a branch. Longer keys (rare: few stop words are that long, in any script)
// live in a StringTable on the side.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "branchless.h"
#include "string_table.h"

namespace winnow::internal {

template <class Value>
class ShortWordTable {
 public:
  // Keys of up to this many bytes are stored inline.
  static constexpr size_t kInlineBytes = 16;
  // find_padded reads the word's first 16 bytes whatever its length.
  static constexpr size_t kPadding = kInlineBytes - 1;

  ShortWordTable() { grow(); }  // never empty: lookups need no test for it

  // The entry for `key`, added (value-initialised) if new. The reference
  // is valid until the next insertion (cuckoo hashing moves entries).
  Value& operator[](std::string_view key) {
    if (!is_inline(key.size())) return long_keys_[key];
    const Halves halves = halves_of_copy(key);
    if (Value* found = find_slot(halves, key.size())) return *found;
    insert(Slot{halves.low, halves.high, Value{}, static_cast<uint32_t>(key.size())});
    return *find_slot(halves, key.size());
  }

  // The entry for `key`, or null.
  const Value* find(std::string_view key) const {
    if (!is_inline(key.size())) return long_keys_.find(key);
    char copy[kInlineBytes] = {};  // the key may end its buffer: 16 bytes to read
    std::memcpy(copy, key.data(), key.size());
    return find_padded(std::string_view(copy, key.size()));
  }

  // find, for a key whose bytes may be read up to kPadding bytes past its
  // end (what they hold does not matter).
  const Value* find_padded(std::string_view key) const {
    const Value& found = find_padded_or_none(key);
    return &found == &none() ? nullptr : &found;
  }

  // find_padded without a null: none() when the key is absent. The caller
  // reads the fields of either without testing which it got.
  const Value& find_padded_or_none(std::string_view key) const {
    // Rare and so well predicted: an empty or long word.
    if (!is_inline(key.size())) {
      const Value* found = long_keys_.find(key);
      return found ? *found : none();
    }
    const Halves halves = halves_of(key.data(), key.size());
    const uint64_t hash = hash_of(halves, key.size());
    const size_t i = first_index(hash), j = second_index(hash), no_slot = mask_ + 1;
    // Whether a word of the text is a key is a coin toss, so every choice
    // below is a select of an index (a conditional move), not a branch the
    // processor would guess wrong (branchless.h). The slots are read only
    // where the tag matches, elsewhere the empty slot past the table, which
    // stays in the cache: the tags fit the L1 cache, the slots do not.
    const uint16_t tag = tag_of(hash);
    const size_t first = pick(tags_[i] == tag, i, no_slot);
    const size_t second = pick(tags_[j] == tag, j, no_slot);
    const bool in_second = slots_[second].matches(halves, key.size());
    const size_t found = pick(slots_[first].matches(halves, key.size()), first, pick(in_second, second, no_slot));
    return slots_[found].value;
  }

  // The value of absent keys (value-initialised): that of the empty slot
  // past the table. Not a constant: the compiler, knowing its fields, would
  // test for it with a branch.
  const Value& none() const { return slots_[mask_ + 1].value; }

  size_t size() const { return count_ + long_keys_.size(); }

 private:
  struct Halves {
    uint64_t low = 0, high = 0;  // the key's bytes 0-7 and 8-15, zeros past its end
  };

  struct Slot {
    uint64_t low = 0, high = 0;
    Value value{};
    uint32_t length = 0;  // 0: an empty slot (no inline key is empty)
    bool matches(const Halves& h, size_t key_length) const {
      // Non-short-circuit '&': three compares, one answer.
      return (low == h.low) & (high == h.high) & (length == key_length);
    }
  };

  static bool is_inline(size_t length) { return length - 1 < kInlineBytes; }  // 1..16

  static uint64_t load8(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }

  // The low `bytes` (0..8) bytes of a word set.
  static constexpr uint64_t bytes_mask(size_t bytes) {
    return bytes == 8 ? ~uint64_t(0) : (uint64_t(1) << (8 * bytes)) - 1;
  }

  // The first `length` (1..16) bytes at p, read as two little-endian 8-byte
  // halves with the bytes past the key zeroed; p must have 16 readable bytes.
  static Halves halves_of(const char* p, size_t length) {
    // Masks per length, from a table: shifting by 64 would be undefined.
    static constexpr std::array<std::pair<uint64_t, uint64_t>, kInlineBytes + 1> kMasks = [] {
      std::array<std::pair<uint64_t, uint64_t>, kInlineBytes + 1> masks{};
      for (size_t n = 0; n <= kInlineBytes; ++n) masks[n] = {bytes_mask(n < 8 ? n : 8), bytes_mask(n > 8 ? n - 8 : 0)};
      return masks;
    }();
    return {load8(p) & kMasks[length].first, load8(p + 8) & kMasks[length].second};
  }

  // halves_of for an inline key that may end its buffer.
  static Halves halves_of_copy(std::string_view key) {
    char copy[kInlineBytes] = {};
    std::memcpy(copy, key.data(), key.size());
    return halves_of(copy, key.size());
  }

  static uint64_t hash_of(const Halves& h, size_t length) {
    uint64_t x = (h.low ^ (length << 59)) * 0x9E3779B97F4A7C15ULL;
    x ^= (h.high + (x >> 29)) * 0xC2B2AE3D27D4EB4FULL;
    return x ^ (x >> 32);
  }

  // A slot's tag: 16 bits of its key's hash, never 0 (an empty slot's).
  static uint16_t tag_of(uint64_t hash) { return static_cast<uint16_t>(hash >> 24) | 1; }

  // The two slots a key may occupy: from the hash's low and high bits.
  size_t first_index(uint64_t hash) const { return hash & mask_; }
  size_t second_index(uint64_t hash) const { return (hash >> 40) & mask_; }

  Value* find_slot(const Halves& halves, size_t length) {
    const uint64_t hash = hash_of(halves, length);
    for (const size_t i : {first_index(hash), second_index(hash)})
      if (slots_[i].matches(halves, length)) return &slots_[i].value;
    return nullptr;
  }

  // Cuckoo insertion: the slot goes to one of its two places, evicting
  // whatever lives there to that one's other place, and so on; a chain too
  // long (a cycle) doubles the table and places everything again.
  void insert(Slot slot) {
    if (4 * (count_ + 1) > mask_ + 1) grow();  // at most a quarter full: short chains
    for (;;) {
      if (place(slot)) {
        ++count_;
        return;
      }
      grow();
    }
  }

  // Places `slot`; false (with `slot` the entry left homeless) after too
  // many evictions.
  bool place(Slot& slot) {
    size_t i = first_index(hash_of({slot.low, slot.high}, slot.length));
    for (int evictions = 0; evictions < 64; ++evictions) {
      std::swap(slot, slots_[i]);
      tags_[i] = tag_of(hash_of({slots_[i].low, slots_[i].high}, slots_[i].length));
      if (slot.length == 0) return true;  // the slot was empty
      // The evicted entry goes to its other place.
      const uint64_t hash = hash_of({slot.low, slot.high}, slot.length);
      i = first_index(hash) == i ? second_index(hash) : first_index(hash);
    }
    return false;
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    const size_t size = old.empty() ? 256 : 2 * (mask_ + 1);
    mask_ = size - 1;
    slots_.assign(size + 1, Slot{});  // and the empty slot of none()
    tags_.assign(size, 0);
    count_ = 0;
    for (Slot& s : old)
      if (s.length != 0) insert(s);
  }

  std::vector<uint16_t> tags_;  // per slot: tag_of its key's hash, 0 when empty
  std::vector<Slot> slots_;     // mask_ + 1 (a power of two), then the empty slot of none()
  size_t mask_ = 0;
  size_t count_ = 0;            // inline keys
  StringTable<Value> long_keys_;
};

}  // namespace winnow::internal
