// The lexicon's words (folded stop words and date words) in one open-
// addressing hash table: a lookup per word of every segment is the hottest
// spot of text mode, and std::unordered_map costs a division, a pointer chase
// and a heavier hash each time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace winnow::internal {

// What the lexicon knows of one folded word.
struct WordInfo {
  uint32_t stop_languages = 0;  // bit i: a stop word of Lexicon::languages()[i]
  uint8_t date_kind = 0;        // as Lexicon::date_word: 2 strong, 1 weak, 0 none
};

class WordTable {
 public:
  // The entry for `word`, added (zeroed) if new.
  WordInfo& operator[](std::string_view word);
  // The entry for `word`, or null.
  const WordInfo* find(std::string_view word) const;

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t offset = 0, length = 0;  // the word in pool_
    bool used = false;
    WordInfo info;
  };
  static uint64_t hash_of(std::string_view word);
  size_t slot_of(std::string_view word, uint64_t hash) const;  // its slot or the empty one to use
  void grow();

  std::vector<Slot> slots_;  // a power of two, at most half full
  size_t count_ = 0;
  std::string pool_;  // the words, end to end
};

}  // namespace winnow::internal
