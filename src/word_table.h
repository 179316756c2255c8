// What the lexicon knows of its words, and a segment's words as the word
// walk (segment_words.cpp) hands them on.
#pragma once

#include <cstdint>

#include "branchless.h"
#include "short_word_table.h"
#include "string_table.h"

namespace winnow::internal {

// What the lexicon knows of one folded word.
struct WordInfo {
  uint32_t stop_languages = 0;  // bit i: a stop word of Lexicon::languages()[i]
  uint8_t date_kind = 0;        // as Lexicon::date_word: 2 strong, 1 weak, 0 none
  // The first word of a "prefix" or "contains" phrase: match_phrase looks
  // for phrases only at such words.
  bool starts_prefix_phrase = false;
  bool starts_contains_phrase = false;
};

// Looked up once per word of every segment: see short_word_table.h.
using WordTable = ShortWordTable<WordInfo>;

// What a word says of dates: a number ("2024", "1.2k", "9h"), a date word
// (Lexicon::date_word), or neither. The values are those of
// Features::lead_shape.
enum class WordKind : uint8_t { kOther = 0, kNumber = 1, kDate = 2 };

// One word of a folded key (fold_key), with the lexicon's entry for it.
struct KeyWord {
  uint32_t offset = 0, length = 0;  // in the key
  const WordInfo* info = nullptr;   // null: the lexicon does not know the word
  uint32_t stop_languages = 0;      // info's, plus Arabic stop words behind clitics
  WordKind kind = WordKind::kOther;
  bool strong_date = false;         // a year, or a strong date word
  // info's, copied: match_phrase reads them for every word without
  // touching the table again.
  bool starts_prefix_phrase = false;
  bool starts_contains_phrase = false;
};

// Sets w.info and what KeyWord copies of it.
inline void attach_info(KeyWord& w, const WordInfo* info) {
  w.info = info;
  w.stop_languages = info ? info->stop_languages : 0;
  w.starts_prefix_phrase = info && info->starts_prefix_phrase;
  w.starts_contains_phrase = info && info->starts_contains_phrase;
}

// attach_info for the hot path: `fields` is the word's entry, or all zero
// (WordTable::none()) when the lexicon does not know it (`known` false). The
// fields are copied without a test: whether a word is known is a coin toss
// in prose (branchless.h).
inline void attach_fields(KeyWord& w, const WordInfo& fields, bool known) {
  w.info = pick(known, &fields, static_cast<const WordInfo*>(nullptr));
  w.stop_languages = fields.stop_languages;
  w.starts_prefix_phrase = fields.starts_prefix_phrase;
  w.starts_contains_phrase = fields.starts_contains_phrase;
}

}  // namespace winnow::internal
