// Stage 3, first half: one walk over each segment's text that yields its
// matching key (fold_key) split into words with the lexicon's entry of each,
// and the character counts the features read. Language detection and the
// features both read the result, so no stage walks a segment twice.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon.h"
#include "segment.h"

namespace winnow::internal {

// What the features count over a segment's characters, gathered in the
// same walk as its words.
struct TextCounts {
  int chars = 0;      // code points (count_chars)
  int words = 0;      // count_words: ICU's word breaks in spaceless scripts
  int non_space = 0;  // characters but whitespace
  int symbols = 0;    // non-space characters but letters and tatweel
  int commas = 0;     // , ، 、 ，
  char32_t last = 0;  // the last non-space character that is not a closing mark
  int urls = 0, handles = 0, hashtags = 0;  // space-separated tokens
};

// How many of a segment's words are of each WordKind, counted as they are
// looked up (the features read them; the words stay in the cache then).
struct WordKindCounts {
  int numbers = 0;
  int date_words = 0;
  bool strong_date = false;  // a word is a year or a strong date word
};

// A segment's words as the lexicon sees them: views into a PageWords.
struct SegmentWords {
  std::string_view key;  // the segment's text folded (fold_key)
  std::span<const KeyWord> words;
  TextCounts counts;
  WordKindCounts kinds;
  size_t size() const { return words.size(); }
  std::string_view word(size_t i) const { return key.substr(words[i].offset, words[i].length); }
  const WordInfo* info(size_t i) const { return words[i].info; }
};

// The words of every segment of a page in one arena: a key buffer and a
// word array that keep their capacity when reused for the next page.
class PageWords {
 public:
  // Replaces the contents with the words of `page`'s segments.
  void scan(const Page& page, const Lexicon& lexicon);
  // Appends the words of one text. `by_blocks` false: the walk goes byte by
  // byte, never sixteen ASCII bytes at once (the reference for the tests).
  void add(std::string_view text, const Lexicon& lexicon, bool by_blocks = true);
  void clear();
  // Frees the buffers when a large document grew them past a few MiB: a
  // thread keeps across documents only what typical pages need.
  void release_if_large();

  size_t size() const { return segments_.size(); }
  SegmentWords operator[](size_t i) const;
  // The words of segment i alone.
  std::span<const KeyWord> words(size_t i) const {
    return std::span<const KeyWord>(words_.data() + segments_[i].first_word, segments_[i].word_count);
  }

 private:
  struct Entry {
    size_t key_offset = 0, key_length = 0;
    size_t first_word = 0, word_count = 0;
    TextCounts counts;
    WordKindCounts kinds;
  };
  std::string keys_;  // used up to keys_used_; grown, never shrunk
  size_t keys_used_ = 0;
  // Used up to words_used_; grown (never shrunk) before each text to room
  // for all the words it may hold, so look_up_words stores them without a test.
  std::vector<KeyWord> words_;
  size_t words_used_ = 0;
  std::vector<Entry> segments_;
};

}  // namespace winnow::internal
