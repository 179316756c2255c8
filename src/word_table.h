// What the lexicon knows of its words, and a segment's words as the word
// walk (segment_words.cpp) hands them on.
#pragma once

#include <cstdint>

#include "short_word_table.h"
#include "string_table.h"

namespace winnow::internal {

// What a word says of dates: a number ("2024", "1.2k", "9h"), a date word
// (Lexicon::date_word), or neither. The values are those of
// Features::lead_shape.
enum class WordKind : uint8_t { kOther = 0, kNumber = 1, kDate = 2 };

// What the lexicon knows of one folded word. Its layout is also the tail of
// a KeyWord (below), which copies it in one 8-byte move.
struct WordInfo {
  uint32_t stop_languages = 0;  // bit i: a stop word of Lexicon::languages()[i]
  // kDate for a date word (strong_date: a month or day name, a strong one
  // in Lexicon::date_word's terms); kOther otherwise. Numbers are told by
  // their digits, not by the lexicon (KeyWord::kind).
  WordKind kind = WordKind::kOther;
  bool strong_date = false;
  // The first word of a "prefix" or "contains" phrase: match_phrase looks
  // for phrases only at such words.
  bool starts_prefix_phrase = false;
  bool starts_contains_phrase = false;

  // As Lexicon::date_word: 2 strong, 1 weak, 0 none.
  int date_kind() const { return kind == WordKind::kDate ? (strong_date ? 2 : 1) : 0; }
  void set_date_kind(int date_kind) {
    kind = date_kind ? WordKind::kDate : WordKind::kOther;
    strong_date = date_kind == 2;
  }
};
static_assert(sizeof(WordInfo) == 8);

// Looked up once per word of every segment: see short_word_table.h.
using WordTable = ShortWordTable<WordInfo>;

// One word of a folded key (fold_key), with the lexicon's entry for it. The
// entry's fields come first, as a WordInfo base, so the word walk copies
// them at once; the walk then fixes what the word's own bytes say:
//   stop_languages  the entry's, plus Arabic stop words behind clitics;
//   kind            kNumber for a number, else the entry's (kDate or kOther);
//   strong_date     a year, or a strong date word;
//   starts_*_phrase the entry's: match_phrase reads them for every word
//                   without touching the table again.
struct KeyWord : WordInfo {
  uint32_t offset = 0, length = 0;  // in the key
  const WordInfo* info = nullptr;   // null: the lexicon does not know the word
};

// Sets w.info and what KeyWord copies of it (not its date kind: match_phrase,
// the one caller, reads none).
inline void attach_info(KeyWord& w, const WordInfo* info) {
  w.info = info;
  w.stop_languages = info ? info->stop_languages : 0;
  w.starts_prefix_phrase = info && info->starts_prefix_phrase;
  w.starts_contains_phrase = info && info->starts_contains_phrase;
}

}  // namespace winnow::internal
