// The heuristic data of src/data/*.txt, parsed once into lookup tables:
// stop words per language, chrome phrases by role, class/id hints, weights.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "string_table.h"
#include "word_table.h"

namespace winnow::internal {

// Every weight of src/data/weights.txt; see that file for what each means.
struct Weights {
  double len_pivot = 0, len_scale = 1, len_min = 0, len_max = 0, spaceless_chars_per_word = 1;
  double stop_pivot = 0, stop_gain = 0, stop_min = 0, stop_max = 0;
  double terminal_punct = 0, colon_end = 0, comma_bonus = 0;
  double symbol_share_pivot = 0, symbol_share_penalty = 0;
  double url_penalty = 0, handle_penalty = 0, hashtag_penalty = 0;
  double relative_date_max_words = 0, date_only_penalty = 0, dateline_max_words = 0, dateline_share = 0, caption_penalty = 0, breadcrumb_penalty = 0, counter_penalty = 0, bullet_penalty = 0;
  double tweet_signature_penalty = 0, link_card_penalty = 0, teaser_penalty = 0, chrome_phrase_penalty = 0;
  double chrome_prefix_max_words = 0, readalso_prefix_max_words = 0, about_header_max_words = 0, caption_max_words = 0, bio_max_words = 0, bio_name_max_words = 0, bio_role_reach = 0, linked_headline_min_link_density = 0, linked_headline_min_words = 0,
         about_header_max_link_density = 0;  // see weights.txt
  double end_prefix_max_words = 0, end_prefix_short_max_words = 0, counted_end_prefix_max_words = 0, labelled_links_max_label_words = 0, labelled_links_min_link_density = 0, contains_max_words = 0;
  double copyright_footer_max_words = 0, copyright_rights_within_words = 0;
  double link_density_pivot = 0, link_density_penalty = 0;
  double sandwich_min_score = 0, table_long_cell_max_words = 0, inside_article_max_link_density = 0, colon_list_max_items = 0, widget_item_max_words = 0, pointer_run_max_lines = 0, paragraph_min_score = 0, poll_question_max_words = 0, wrap_width_percentile = 0, wrap_min_width = 0, wrap_max_width = 0, wrap_full_share = 0, wrap_min_joins = 0, wrap_min_join_share = 0, numbered_list_min_items = 0, numbered_list_max_between = 0, repeated_max_words = 0, repeated_min_count = 0, fallback_min_words = 0, fallback_share = 0, fallback_min_score = 0, fallback_max_link_density = 0, fallback_html_min_score = 0, fallback_html_max_link_density = 0, prose_min_words = 0, prose_hint_gain = 0, uninformative_hint_share = 0, hint_gain = 0, hint_min = 0, hint_max = 0, in_article_bonus = 0, declared_body_bonus = 0, declared_body_trust = 0, declared_body_miss = 0;
  double heading_bonus = 0, paragraph_tag_bonus = 0;
  double keep_threshold = 0, short_words = 0, short_run_min = 0, region_floor = 0, region_soft_floor = 0, container_child_floor = 0;
  double table_cell_max_words = 0, table_min_columns = 0, table_max_columns = 0, table_min_rows = 0, table_shape_agreement = 0, teaser_tail_min_pairs = 0, heading_run_min = 0, repeated_label_min_words = 0, repeated_label_max_words = 0, teaser_headline_min_words = 0, teaser_headline_max_words = 0, teaser_lead_max_words = 0, teaser_run_min_pairs = 0, teaser_run_lead_min_words = 0, teaser_run_lead_max_words = 0, teaser_run_region_share = 0, teaser_run_article_min_sum = 0, article_started_words = 0, readalso_box_max_lines = 0, readalso_continue_paragraphs = 0, story_headline_min_words = 0, story_headline_share = 0, leaning_threshold_shift = 0, leaning_floor_shift = 0, leaning_sandwich_shift = 0, end_section_resume_lines = 0, end_section_resume_paragraphs = 0, end_section_flow_levels = 0, end_link_min_link_density = 0, record_gap_max_lines = 0, record_gap_line_max_words = 0, record_min_words = 0, readalso_teaser_box_max_lines = 0, readalso_teaser_line_max_words = 0, comment_author_max_words = 0, list_max_link_density = 0, element_box_max_lines = 0, table_row_max_link_density = 0, table_row_cell_max_words = 0, not_found_max_kept_words = 0, keyword_list_min_words = 0, keyword_list_comma_share = 0, keyword_list_max_stop_density = 0, bold_line_share = 0, bold_line_max_words = 0, bold_line_max_link_density = 0, button_row_max_words = 0, dateline_prose_min_words = 0, dateline_prose_stop_share = 0, glued_headline_min_words = 0, glued_headline_max_word = 0, glued_headline_window = 0, glued_headline_capital_share = 0, glued_headline_small_share = 0, glued_headline_min_words_after = 0, glued_headline_opening_capitals = 0;
};

// A set of words asked about per word of many lines (bio verbs, credit
// words, ...): no std::string built per question, and one cheap hash.
class WordSet {
 public:
  void insert(std::string_view word) {
    table_[word] = true;
    longest_ = std::max(longest_, word.size());
  }
  bool contains(std::string_view word) const { return word.size() <= longest_ && table_.find(word); }

 private:
  StringTable<bool> table_;
  size_t longest_ = 0;  // longer words are not in the set, without a lookup
};

enum class PhraseRole { kNone, kEnd, kReadAlso, kChrome, kAbout };
enum class PhraseMatch { kLine, kPrefix, kContains };

struct PhraseHit {
  PhraseRole role = PhraseRole::kNone;
  PhraseMatch match = PhraseMatch::kLine;
  // The folded phrase that matched: a view into the Lexicon, which outlives
  // the features of its lines (no string copied per line).
  std::string_view phrase;
  bool has_rest = false;  // a prefix match with more text after the phrase
};

// Hash for unordered containers of std::string looked up by string_view,
// without building a string per lookup.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class Lexicon {
 public:
  // Parses the embedded data files plus `extra_chrome_phrases` (role chrome,
  // matched as "contains"). With `keep_comments` (winnow --comments) a
  // readers' comment thread is content: its headings and "Reply" buttons
  // (phrases.txt role thread) are chrome lines instead of end markers, and
  // its containers' class names (class_hints.txt thread-kept) weigh nothing.
  // Throws std::runtime_error on malformed data.
  explicit Lexicon(const std::vector<std::string>& extra_chrome_phrases = {}, bool keep_comments = false);

  // True when built with keep_comments.
  bool keeps_comments() const { return keep_comments_; }

  // Moves the keep threshold and the cost of weak lines by the leaning
  // weights: +1 towards precision, -1 towards recall, 0 leaves them.
  void lean(int direction);

  const Weights& weights() const { return weights_; }

  // Stop-word test for a folded word in language `lang`; Arabic clitics
  // (و ف ب ل ك, ال, لل, وال, بال, ...) are stripped when the word itself is
  // not a stop word.
  bool is_stop_word(std::string_view lang, std::string_view folded_word) const;
  const std::vector<std::string>& languages() const { return languages_; }
  // The index of `lang` in languages(), -1 if it has no stop words.
  int language_index(std::string_view lang) const;
  // is_stop_word for languages()[language] (none when language < 0), given
  // the word's info (null when the lexicon does not know the word).
  bool is_stop_word(int language, std::string_view folded_word, const WordInfo* info) const {
    if (language < 0) return false;
    if (info && (info->stop_languages & (1u << language))) return true;
    return language == arabic_ && is_arabic_stop_word_behind_clitic(folded_word);
  }
  // True when `folded_word` is an Arabic proclitic (و ف ب ل ك, ال, لل, وال,
  // بال, ...) glued to an Arabic stop word.
  bool is_arabic_stop_word_behind_clitic(std::string_view folded_word) const {
    // Every clitic starts with a letter of U+0600-U+067F, lead byte 0xD8 or 0xD9.
    const bool arabic_start = !folded_word.empty() && (static_cast<unsigned char>(folded_word[0]) & 0xFE) == 0xD8;
    return arabic_start && strip_arabic_clitic_to_stop_word(folded_word);
  }
  // The info of a folded word, null when the lexicon does not know it.
  const WordInfo* word_info(std::string_view folded_word) const { return words_.find(folded_word); }
  // word_info for a word whose bytes may be read up to WordTable::kPadding
  // bytes past its end (faster: no copy, no loop).
  const WordInfo* word_info_padded(std::string_view folded_word) const { return words_.find_padded(folded_word); }
  // word_info_padded for a loop over many words, without a null: all zero
  // for unknown words (see WordTable::Finder).
  WordTable::Finder word_finder() const { return WordTable::Finder(words_); }
  int arabic_index() const { return arabic_; }

  // A folded word of date and time lines: 2 for strong ones (month and day
  // names, am/pm), 1 for weak ones ("ago", "updated", "by"), 0 otherwise.
  int date_word(std::string_view folded_word) const;

  // The strongest phrase matching a line of `words` words, given as its
  // folded key and its original text (phrases written with a trailing ':'
  // in phrases.txt need the colon in the original line).
  PhraseHit match_phrase(std::string_view folded_line, std::string_view original,
                         int words) const;
  // The same, given the line's words as the lexicon sees them (folded_line
  // split at its spaces, in order).
  PhraseHit match_phrase(std::string_view folded_line, std::span<const KeyWord> line_words,
                         std::string_view original, int words) const;

  // A row of buttons flattened into one line: the line's words, split into
  // captions of one or two words that are each a chrome "line" phrase
  // ("share", "tweet", "copy link", "واتساب"), with at least two captions
  // and nothing left over ("Share Tweet Email", "Facebook Twitter Copy link").
  bool is_button_row(std::string_view folded_line, std::span<const KeyWord> line_words) const;

  // HTML: a block that opens with a section label (an end or read-also
  // "line" phrase of at most labelled_links_max_label_words words) and goes
  // on with more words: "Tags stock car 2018, ...". The caller checks that
  // the rest is links. The hit counts as a prefix match with a rest.
  PhraseHit match_label_before_links(std::string_view folded_line, std::span<const KeyWord> line_words) const;

  // Sum of the hint weights of the class/id/role tokens in `attribute`.
  // `matched` receives the hints that fired, space separated.
  int class_hint(std::string_view attribute, std::string* matched) const;

  // True when the folded last word of a line is a verb that closes a
  // comment's header ("Alex on May 3, 2024 at 6:34 am said:").
  bool is_signature_verb(std::string_view folded_word) const { return signature_verbs_.contains(folded_word); }

  // True when the folded word opens a photo credit at the end of a caption
  // ("... (Image: GETTY)", "(AP Photo/Alan Diaz)").
  // Words of an author's bio line: the verb after the name ("is", "ist",
  // "est") and the job ("reporter", "Redakteurin").
  bool is_bio_verb(std::string_view folded_word) const { return bio_verbs_.contains(folded_word); }
  bool is_bio_role(std::string_view folded_word) const { return bio_roles_.contains(folded_word); }
  bool is_credit_word(std::string_view folded_word) const { return credit_words_.contains(folded_word); }
  // True when the folded chrome phrase heads a widget box or is its button
  // (a poll's "استطلاع رأي" or "vote now", "مواقيت الصلاة"): the short items
  // (and a poll's question) next to it are the box's.
  bool is_widget_phrase(std::string_view folded_phrase) const { return widget_phrases_.contains(folded_phrase); }

  // True when a matched hint (as in class_hint's `matched`) marks a section
  // that ends the article (comments, tags, related).
  bool is_end_hint(std::string_view hint) const { return end_hints_.contains(hint); }
  // True when a matched hint marks a discussion thread (comments).
  bool is_thread_hint(std::string_view hint) const { return thread_hints_.contains(hint); }
  // True when the line says the page has nothing to show: "Page not found",
  // "404", "There are currently no articles" (phrases.txt, role notfound;
  // "contains" phrases anywhere as whole words, "line" phrases as the whole
  // line). Linear in the phrases: asked about a few lines per page.
  bool says_nothing_found(std::string_view line) const;
  // True when `part` is such a message and nothing more: a title's part
  // between separators ("Page not found" of "Page not found – Site").
  bool is_nothing_found_message(std::string_view part) const;

  // Names in weights.txt that Weights does not know (tests assert empty).
  const std::vector<std::string>& unknown_weights() const { return unknown_weights_; }

 private:
  struct Phrase {
    PhraseRole role;
    PhraseMatch match;
    std::string key;
    bool needs_colon = false;  // written "phrase:" in the data
    bool thread = false;       // role thread in the data: a comment thread's heading or button
    int key_words = 0;
    size_t anchor = 0;  // raw "contains" phrases: where the key's first '.' or '/' is
  };
  bool strip_arabic_clitic_to_stop_word(std::string_view folded_word) const;
  void load_stop_words(std::string_view data);
  void load_phrases(std::string_view data);
  void load_hints(std::string_view data);
  void load_weights(std::string_view data);
  void load_date_words(std::string_view data);
  void add_phrase(PhraseRole role, PhraseMatch match, std::string_view text, bool thread = false);

  Weights weights_;
  std::vector<std::string> languages_;
  std::unordered_map<std::string, std::unordered_set<std::string>> stop_words_;
  std::unordered_map<std::string, std::vector<Phrase>, StringHash, std::equal_to<>> line_phrases_;
  std::vector<Phrase> prefix_phrases_;
  std::vector<Phrase> contains_phrases_;
  std::vector<Phrase> raw_contains_phrases_;  // with '.' or '/': matched on the lower-cased text
  std::unordered_map<std::string, int> hints_;
  WordSet signature_verbs_;  // see is_signature_verb
  WordSet credit_words_;     // see is_credit_word
  WordSet caption_first_words_;  // first words of the chrome captions is_button_row reads
  WordSet widget_phrases_;   // see is_widget_phrase
  WordSet bio_verbs_, bio_roles_;  // see is_bio_verb, is_bio_role
  WordSet end_hints_;     // hints that mark end sections
  WordSet thread_hints_;  // hints that mark comment threads
  bool keep_comments_ = false;  // comment threads are content (winnow --comments)
  struct NotFoundPhrase {
    std::string key;     // folded
    std::string spaced;  // " key ": found in " line " it is whole words
    bool whole_line;     // "line": the text is the phrase; "contains": it holds it
  };
  std::vector<NotFoundPhrase> not_found_phrases_;  // see says_nothing_found
  std::vector<std::string> builder_prefixes_;      // page builders' class-name prefixes, stripped ("elementor-widget")
  std::vector<std::string> post_markers_;          // class names of a CMS's post wrapper ("hentry")
  std::vector<std::string> post_taxonomy_;         // its class-name prefixes that list the post's topics ("tag-")
  bool names_post_topic(std::string_view attribute, std::string_view name) const;
  std::string_view without_builder_prefix(std::string_view name) const;
  template <typename Consider>
  void match_counted_end_prefix(std::string_view line, std::span<const KeyWord> line_words, int words,
                                Consider&& consider) const;
  std::unordered_map<std::string, bool> date_words_;  // word -> strong
  std::vector<std::string> unknown_weights_;

  // The stop words and date words above, merged for one lookup per word.
  void index_words();
  // Prefix and contains phrases by their first word, hints by their first
  // kHintPrefix bytes: the candidates a line or token can match, in the
  // order the full lists are tried (which decides between equal matches).
  void index_phrases_and_hints();
  using Candidates = StringTable<std::vector<uint32_t>>;
  Candidates prefix_by_first_word_, contains_by_first_word_;
  StringTable<std::vector<Phrase>> line_phrase_table_;  // = line_phrases_
  size_t longest_line_phrase_ = 0;  // longer lines match no "line" phrase
  std::vector<std::pair<std::string, int>> prefix_hints_;  // hints_ in its iteration order
  StringTable<std::vector<uint32_t>> prefix_hints_by_head_;
  struct HintWeight {
    std::string hint;
    int weight = 0;
  };
  StringTable<HintWeight> hint_weights_;  // = hints_
  WordTable words_;
  int arabic_ = -1;  // index of "ar" in languages_
};

}  // namespace winnow::internal
