// String-keyed open-addressing hash tables for the lexicon's lookups (stop
// and date words, class hints): a lookup per word of every segment and per
// class name of every block is the hottest spot after the parse, and
// std::unordered_map costs a division, a pointer chase and a heavier hash
// each time.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace winnow::internal {


template <class Value>
class StringTable {
 public:
  // The entry for `key`, added (value-initialised) if new.
  Value& operator[](std::string_view key) {
    if (2 * (count_ + 1) > slots_.size()) grow();
    const uint64_t hash = hash_of(key);
    const size_t i = slot_of(key, hash);
    if (!tags_[i]) {
      tags_[i] = tag_of(hash);
      pool_.resize(pool_.size() - kPadding);
      slots_[i] = {hash, uint32_t(pool_.size()), uint32_t(key.size()), Value{}};
      pool_.append(key);
      pool_.append(kPadding, '\0');
      ++count_;
    }
    return slots_[i].value;
  }

  // The entry for `key`, or null.
  const Value* find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const size_t i = slot_of<false>(key, hash_of<false>(key));
    return tags_[i] ? &slots_[i].value : nullptr;
  }

  // find, for a key whose bytes may be read up to kPadding - 1 bytes past
  // its end: the hash and the comparison then read it eight bytes a step.
  const Value* find_padded(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const size_t i = slot_of<true>(key, hash_of<true>(key));
    return tags_[i] ? &slots_[i].value : nullptr;
  }

  size_t size() const { return count_; }

  static constexpr size_t kPadding = 8;

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t offset = 0, length = 0;  // the key in pool_
    Value value{};
  };

  // A used slot's tag: the hash's high half, never 0 (an empty slot's).
  static uint32_t tag_of(uint64_t hash) { return static_cast<uint32_t>(hash >> 32) | 1; }

  static uint64_t load8(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }

  // The n < 8 bytes at p as a little-endian number, as load8 would read them
  // followed by zeros. Padded: p may be read eight bytes on.
  template <bool Padded>
  static uint64_t load_tail(const char* p, size_t n) {
    if (Padded) return load8(p) & ((uint64_t(1) << (8 * n)) - 1);
    uint64_t tail = 0;
    for (size_t k = 0; k < n; ++k) tail |= uint64_t(static_cast<unsigned char>(p[k])) << (8 * k);
    return tail;
  }

  // Eight bytes at a time: a byte-at-a-time hash (FNV) costs a multiply's
  // latency per byte, and a lookup per word of every segment is hot.
  template <bool Padded = false>
  static uint64_t hash_of(std::string_view key) {
    constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
    auto mix = [](uint64_t h) {
      h *= kMultiplier;
      return h ^ (h >> 32);
    };
    uint64_t h = key.size() * kMultiplier;
    const char* p = key.data();
    size_t n = key.size();
    for (; n >= 8; p += 8, n -= 8) h = mix(h ^ load8(p));
    if (n > 0) h = mix(h ^ load_tail<Padded>(p, n));
    return h;
  }

  // memcmp, inline: keys are a few bytes long, shorter than the call. `a`
  // is in pool_, padded; `b` is padded when Padded.
  template <bool Padded>
  static bool same_bytes(const char* a, const char* b, size_t n) {
    if (Padded) {
      for (; n >= 8; a += 8, b += 8, n -= 8)
        if (load8(a) != load8(b)) return false;
      return n == 0 || load_tail<true>(a, n) == load_tail<true>(b, n);
    }
    for (size_t i = 0; i < n; ++i)
      if (a[i] != b[i]) return false;
    return true;
  }

  // The slot holding `key`, or the empty one where it would go. The probe
  // reads the tags, small enough to stay in the L1 cache; most words of a
  // text are not in the table and never touch a slot.
  template <bool Padded = false>
  size_t slot_of(std::string_view key, uint64_t hash) const {
    const size_t mask = slots_.size() - 1;
    const uint32_t tag = tag_of(hash);
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      if (!tags_[i]) return i;
      if (tags_[i] != tag) continue;
      const Slot& s = slots_[i];
      if (s.hash == hash && s.length == key.size() &&
          same_bytes<Padded>(pool_.data() + s.offset, key.data(), key.size()))
        return i;
    }
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    std::vector<uint32_t> old_tags = std::move(tags_);
    const size_t size = old.empty() ? 1024 : 2 * old.size();  // at most half full
    slots_.assign(size, Slot{});
    tags_.assign(size, 0);
    for (size_t k = 0; k < old.size(); ++k) {
      if (!old_tags[k]) continue;
      const Slot& s = old[k];
      const size_t i = slot_of(std::string_view(pool_.data() + s.offset, s.length), s.hash);
      tags_[i] = old_tags[k];
      slots_[i] = s;
    }
  }

  std::vector<uint32_t> tags_;  // per slot: tag_of its hash, 0 when empty
  std::vector<Slot> slots_;  // a power of two in size
  size_t count_ = 0;
  std::string pool_ = std::string(kPadding, '\0');  // the keys, end to end, then kPadding zeros
};

}  // namespace winnow::internal
