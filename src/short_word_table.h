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
// a branch. The padding tells the key's length: an inline key holds no NUL
// byte (a word of a folded key never does), so no two keys pad alike and no
// length is stored or compared, and an empty slot (all zero) matches no key.
// Longer keys and keys with a NUL (rare: few stop words are that long, in
// any script) live in a StringTable on the side.
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
    if (!is_inline(key)) return long_keys_[key];
    const Halves halves = halves_of_copy(key);
    if (Value* found = find_slot(halves)) return *found;
    insert(Slot{halves.low, halves.high, Value{}});
    return *find_slot(halves);
  }

  // The entry for `key`, or null.
  const Value* find(std::string_view key) const {
    if (!is_inline(key)) return long_keys_.find(key);
    const Halves halves = halves_of_copy(key);  // the key may end its buffer: 16 bytes to read
    const Value& found = slots_[slot_of(halves)].value;
    return &found == &none() ? nullptr : &found;
  }

  // find, for a key that holds no NUL byte (a word of a folded key never
  // does) and whose bytes may be read up to kPadding bytes past its end
  // (what they hold does not matter). A key with a NUL would be taken for
  // the key it pads alike, cut at its first NUL.
  const Value* find_padded(std::string_view key) const {
    const Value& found = find_padded_or_none(key);
    return &found == &none() ? nullptr : &found;
  }

  // find_padded without a null: none() when the key is absent. The caller
  // reads the fields of either without testing which it got.
  const Value& find_padded_or_none(std::string_view key) const {
    // Rare and so well predicted: an empty or long word.
    if (key.size() - 1 >= kInlineBytes) {
      const Value* found = long_keys_.find(key);
      return found ? *found : none();
    }
    return slots_[slot_of(halves_of(key.data(), key.size()))].value;
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
    uint64_t low = 0, high = 0;  // all zero: an empty slot
    Value value{};
    bool empty() const { return low == 0; }  // an inline key's first byte is not NUL
    bool holds(const Halves& h) const { return ((low ^ h.low) | (high ^ h.high)) == 0; }
  };

  // 1..16 bytes, none of them NUL (find_padded's keys hold none: no test).
  static bool is_inline(std::string_view key) {
    return key.size() - 1 < kInlineBytes && key.find('\0') == std::string_view::npos;
  }

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

  // The key's two places. Both come from the top bits of a product, the
  // well-mixed ones: the first from the halves' mix, the second from that
  // mix multiplied once more, so that keys sharing one place rarely share
  // the other.
  struct Places {
    size_t first, second;
  };
  static Places places(const Halves& h, unsigned shift) {
    const uint64_t mix = (h.low ^ (h.high * 0xC2B2AE3D27D4EB4FULL)) * 0x9E3779B97F4A7C15ULL;
    return {mix >> shift, (mix * 0xD6E8FEB86659FD93ULL) >> shift};
  }
  Places places_of(const Halves& h) const { return places(h, shift_); }

  // The slot holding the key, or the empty one past the table (none()).
  // Whether a word of the text is a key is a coin toss, so the choice is a
  // select of an index (a conditional move), not a branch the processor
  // would guess wrong (branchless.h).
  size_t slot_of(const Halves& halves) const {
    const Places at = places_of(halves);
    const size_t in_second = pick(slots_[at.second].holds(halves), at.second, mask_ + 1);
    return pick(slots_[at.first].holds(halves), at.first, in_second);
  }

  Value* find_slot(const Halves& halves) {
    const size_t i = slot_of(halves);
    return i == mask_ + 1 ? nullptr : &slots_[i].value;
  }

  // Cuckoo insertion: the slot goes to one of its two places, evicting
  // whatever lives there to that one's other place, and so on; a chain too
  // long (a cycle) doubles the table and places everything again.
  void insert(Slot slot) {
    if (3 * (count_ + 1) > mask_ + 1) grow();  // at most a third full: short chains
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
    size_t i = places_of({slot.low, slot.high}).first;
    for (int evictions = 0; evictions < 64; ++evictions) {
      std::swap(slot, slots_[i]);
      if (slot.empty()) return true;
      // The evicted entry goes to its other place.
      const Places at = places_of({slot.low, slot.high});
      i = at.first == i ? at.second : at.first;
    }
    return false;
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    const size_t size = old.empty() ? 256 : 2 * (mask_ + 1);
    mask_ = size - 1;
    shift_ = 64 - static_cast<unsigned>(__builtin_ctzll(size));
    slots_.assign(size + 1, Slot{});  // and the empty slot of none()
    count_ = 0;
    for (size_t k = 0; k + 1 < old.size(); ++k)
      if (!old[k].empty()) insert(old[k]);
  }

 public:
  // The table's fields a lookup reads, copied for a loop of lookups: the
  // loop's stores (through char or uint8_t pointers, which may alias
  // anything) would make the compiler reload them from the table at every
  // word. Valid until the next insertion.
  class Finder {
   public:
    explicit Finder(const ShortWordTable& table)
        : table_(table), slots_(table.slots_.data()), none_(&table.none()), absent_(table.mask_ + 1),
          shift_(table.shift_) {}

    // As ShortWordTable::find_padded_or_none.
    const Value& find_padded_or_none(std::string_view key) const {
      if (key.size() - 1 >= kInlineBytes) return table_.find_padded_or_none(key);  // rare: well predicted
      const Halves halves = halves_of(key.data(), key.size());
      const Places at = places(halves, shift_);
      const size_t in_second = pick(slots_[at.second].holds(halves), at.second, absent_);
      return slots_[pick(slots_[at.first].holds(halves), at.first, in_second)].value;
    }
    // The entry found, or null for none().
    const Value* known(const Value& found) const { return pick(&found != none_, &found, static_cast<const Value*>(nullptr)); }

   private:
    const ShortWordTable& table_;
    const Slot* slots_;
    const Value* none_;
    size_t absent_;  // the index of none()'s slot
    unsigned shift_;
  };

 private:
  std::vector<Slot> slots_;  // mask_ + 1 (a power of two), then the empty slot of none()
  size_t mask_ = 0;
  unsigned shift_ = 64;      // 64 - log2(mask_ + 1): a product's top bits index the table
  size_t count_ = 0;         // inline keys
  StringTable<Value> long_keys_;
};

}  // namespace winnow::internal
