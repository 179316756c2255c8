// Parses src/data/*.txt (compiled in by embed.cmake) into the Lexicon's tables.
#include "lexicon.h"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <utility>

#include "embedded_data.h"
#include "unicode_text.h"

namespace winnow::internal {
namespace {

// Calls fn(line) for each line of `data` with '#' comments and outer spaces removed.
template <typename Fn>
void for_each_data_line(std::string_view data, Fn fn) {
  std::size_t start = 0;
  while (start < data.size()) {
    std::size_t nl = data.find('\n', start);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(start, nl - start);
    start = nl + 1;
    if (std::size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!line.empty()) fn(line);
  }
}

std::pair<std::string_view, std::string_view> split_first_word(std::string_view line) {
  std::size_t sp = line.find_first_of(" \t");
  if (sp == std::string_view::npos) return {line, {}};
  std::string_view rest = line.substr(sp);
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  return {line.substr(0, sp), rest};
}

// Persian writes one word's parts apart with a space, with a zero-width
// non-joiner (U+200C) or joined ("اشتراک گذاری", "اشتراک‌گذاری",
// "اشتراکگذاری"); the matching key drops the ZWNJ, so a phrase is given in
// every spelling: each space between two Arabic-script letters kept or
// closed (at most kMaxJoinableSpaces of them; a ZWNJ counts as a space).
constexpr int kMaxJoinableSpaces = 4;

std::vector<std::string> persian_spellings(std::string_view text) {
  std::string spaced;                 // text, a ZWNJ written as a space
  std::vector<std::size_t> joinable;  // offsets in `spaced` of spaces between Arabic letters
  char32_t before_space = 0;          // the code point before the space just written, or 0
  char32_t previous = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = next_code_point(text, i);
    if (cp == 0x200C) cp = ' ';
    if (cp == ' ') {
      before_space = previous == ' ' ? 0 : previous;
    } else if (previous == ' ' && before_space && is_arabic_letter(before_space) && is_arabic_letter(cp)) {
      joinable.push_back(spaced.size() - 1);
    }
    append_utf8(spaced, cp);
    previous = cp;
  }
  if (joinable.empty() || joinable.size() > kMaxJoinableSpaces) return {std::string(text)};
  std::vector<std::string> out;
  for (unsigned mask = 0; mask < (1u << joinable.size()); ++mask) {
    std::string variant;
    std::size_t from = 0;
    for (std::size_t j = 0; j < joinable.size(); ++j) {
      variant.append(spaced, from, joinable[j] - from);
      if (!(mask & (1u << j))) variant += ' ';
      from = joinable[j] + 1;
    }
    variant.append(spaced, from, std::string::npos);
    out.push_back(std::move(variant));
  }
  return out;
}

struct WeightField {
  const char* name;
  double Weights::*field;
};

constexpr WeightField kWeightFields[] = {
#define W(name) {#name, &Weights::name}
    W(len_pivot), W(len_scale), W(len_min), W(len_max), W(spaceless_chars_per_word),
    W(stop_pivot), W(stop_gain), W(stop_min), W(stop_max),
    W(terminal_punct), W(colon_end), W(comma_bonus),
    W(symbol_share_pivot), W(symbol_share_penalty),
    W(url_penalty), W(handle_penalty), W(hashtag_penalty),
    W(relative_date_max_words), W(date_only_penalty), W(dateline_max_words), W(dateline_share), W(caption_penalty), W(breadcrumb_penalty), W(counter_penalty), W(bullet_penalty),
    W(tweet_signature_penalty), W(link_card_penalty), W(teaser_penalty), W(chrome_phrase_penalty),
    W(chrome_prefix_max_words), W(readalso_prefix_max_words), W(about_header_max_words), W(caption_max_words), W(bio_max_words), W(bio_name_max_words), W(bio_role_reach), W(linked_headline_min_link_density), W(linked_headline_min_words), W(about_header_max_link_density),
    W(end_prefix_max_words), W(end_prefix_short_max_words), W(counted_end_prefix_max_words), W(labelled_links_max_label_words), W(labelled_links_min_link_density), W(contains_max_words),
    W(copyright_footer_max_words), W(copyright_rights_within_words),
    W(link_density_pivot), W(link_density_penalty),
    W(sandwich_min_score), W(table_long_cell_max_words), W(inside_article_max_link_density), W(colon_list_max_items), W(widget_item_max_words), W(pointer_run_max_lines), W(paragraph_min_score), W(poll_question_max_words), W(wrap_width_percentile), W(wrap_min_width), W(wrap_max_width), W(wrap_full_share), W(wrap_min_joins), W(wrap_min_join_share), W(numbered_list_min_items), W(numbered_list_max_between), W(repeated_max_words), W(repeated_min_count), W(fallback_min_words), W(fallback_share), W(fallback_min_score), W(fallback_max_link_density), W(fallback_html_min_score), W(fallback_html_max_link_density), W(prose_min_words), W(prose_hint_gain), W(uninformative_hint_share), W(hint_gain), W(hint_min), W(hint_max), W(in_article_bonus), W(declared_body_bonus), W(declared_body_trust), W(declared_body_miss),
    W(heading_bonus), W(paragraph_tag_bonus),
    W(keep_threshold), W(short_words), W(short_run_min), W(region_floor), W(region_soft_floor), W(container_child_floor),
    W(table_cell_max_words), W(table_min_columns), W(table_max_columns), W(table_min_rows), W(table_shape_agreement), W(teaser_tail_min_pairs), W(heading_run_min), W(repeated_label_min_words), W(repeated_label_max_words), W(teaser_headline_min_words), W(teaser_headline_max_words), W(teaser_lead_max_words), W(teaser_run_min_pairs), W(teaser_run_lead_min_words), W(teaser_run_lead_max_words), W(teaser_run_region_share), W(teaser_run_article_min_sum), W(article_started_words), W(readalso_box_max_lines), W(readalso_continue_paragraphs), W(story_headline_min_words), W(story_headline_share), W(leaning_threshold_shift), W(leaning_floor_shift), W(leaning_sandwich_shift), W(end_section_resume_lines), W(end_section_resume_paragraphs), W(end_section_flow_levels), W(end_link_min_link_density), W(record_gap_max_lines), W(record_gap_line_max_words), W(record_min_words), W(readalso_teaser_box_max_lines), W(readalso_teaser_line_max_words), W(comment_author_max_words), W(list_max_link_density), W(element_box_max_lines), W(table_row_max_link_density), W(table_row_cell_max_words), W(not_found_max_kept_words), W(keyword_list_min_words), W(keyword_list_comma_share), W(keyword_list_max_stop_density), W(bold_line_share), W(bold_line_max_words), W(bold_line_max_link_density), W(button_row_max_words), W(dateline_prose_min_words), W(dateline_prose_stop_share), W(glued_headline_min_words), W(glued_headline_max_word), W(glued_headline_window), W(glued_headline_capital_share), W(glued_headline_small_share), W(glued_headline_min_words_after), W(glued_headline_opening_capitals),
#undef W
};

// Arabic proclitics stripped before a stop-word lookup, longest first.
constexpr std::string_view kArabicPrefixes[] = {
    "وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك",
};

// Every prefix starts with a letter of U+0600-U+067F, whose UTF-8 lead byte
// is 0xD8 or 0xD9: other words skip the prefix loop.
constexpr bool may_have_arabic_prefix(std::string_view word) {
  return !word.empty() && (static_cast<unsigned char>(word[0]) == 0xD8 || static_cast<unsigned char>(word[0]) == 0xD9);
}
constexpr bool all_prefixes_start_arabic() {
  for (std::string_view prefix : kArabicPrefixes)
    if (!may_have_arabic_prefix(prefix)) return false;
  return true;
}
static_assert(all_prefixes_start_arabic());

// The word starts with the conjunction و ("and") or ف ("so"), which Arabic
// writes onto the next word.
bool has_conjunction(std::string_view word) {
  return word.size() > 2 && static_cast<unsigned char>(word[0]) == 0xD9 &&
         (static_cast<unsigned char>(word[1]) == 0x88 || static_cast<unsigned char>(word[1]) == 0x81);
}

bool starts_with_words(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size() || text.substr(0, prefix.size()) != prefix) return false;
  return text.size() == prefix.size() || text[prefix.size()] == ' ';
}

// A line key with a trailing count ("comments 12") or a leading one
// ("12 comments") still matches a "line" phrase. The key's words are given:
// no search for its first and last spaces.
std::string_view strip_counts(std::string_view key, std::span<const KeyWord> words) {
  auto is_num = [&](const KeyWord& w) {
    if (w.length == 0) return false;
    for (char c : key.substr(w.offset, w.length)) if (c < '0' || c > '9') return false;
    return true;
  };
  size_t count = words.size();
  if (count >= 2 && is_num(words[count - 1])) {
    key = key.substr(0, words[count - 1].offset - 1);
    --count;
  }
  if (count >= 2 && is_num(words[0])) key = key.substr(words[0].length + 1);
  return key;
}

int role_rank(PhraseRole role) {
  switch (role) {
    case PhraseRole::kEnd: return 4;
    case PhraseRole::kReadAlso: return 3;
    case PhraseRole::kChrome: return 2;
    case PhraseRole::kAbout: return 1;
    default: return 0;
  }
}

}  // namespace

Lexicon::Lexicon(const std::vector<std::string>& extra_chrome_phrases, bool keep_comments)
    : keep_comments_(keep_comments) {
  load_weights(embedded_data("weights"));
  load_stop_words(embedded_data("stopwords"));
  load_phrases(embedded_data("phrases"));
  load_hints(embedded_data("class_hints"));
  load_date_words(embedded_data("dates"));
  for (const auto& p : extra_chrome_phrases) add_phrase(PhraseRole::kChrome, PhraseMatch::kContains, p);
  index_words();
  index_phrases_and_hints();
}

namespace {

// Hints match class-name parts by prefix when at least this long.
constexpr size_t kHintPrefix = 5;

std::string_view first_word(std::string_view key) { return key.substr(0, key.find(' ')); }

}  // namespace

void Lexicon::index_phrases_and_hints() {
  for (uint32_t i = 0; i < prefix_phrases_.size(); ++i) {
    prefix_by_first_word_[first_word(prefix_phrases_[i].key)].push_back(i);
    words_[first_word(prefix_phrases_[i].key)].starts_prefix_phrase = true;
  }
  for (uint32_t i = 0; i < contains_phrases_.size(); ++i) {
    contains_by_first_word_[first_word(contains_phrases_[i].key)].push_back(i);
    words_[first_word(contains_phrases_[i].key)].starts_contains_phrase = true;
  }
  for (const auto& [key, phrases] : line_phrases_) {
    longest_line_phrase_ = std::max(longest_line_phrase_, key.size());
    line_phrase_table_[key] = phrases;
    // is_button_row looks for captions only at these words.
    const bool caption = std::any_of(phrases.begin(), phrases.end(),
                                     [](const Phrase& p) { return p.role == PhraseRole::kChrome && p.key_words <= 2; });
    if (caption) caption_first_words_.insert(first_word(key));
  }
  // The prefix rule tries hints in hints_'s own iteration order: kept as it is.
  for (const auto& [hint, weight] : hints_) {
    hint_weights_[hint] = {hint, weight};
    if (hint.size() < kHintPrefix) continue;
    prefix_hints_by_head_[hint.substr(0, kHintPrefix)].push_back(uint32_t(prefix_hints_.size()));
    prefix_hints_.emplace_back(hint, weight);
  }
}

void Lexicon::index_words() {
  if (languages_.size() > 32) throw std::runtime_error("stopwords.txt: more than 32 languages");
  for (size_t i = 0; i < languages_.size(); ++i) {
    for (const std::string& word : stop_words_.at(languages_[i])) words_[word].stop_languages |= 1u << i;
    if (languages_[i] == "ar") arabic_ = int(i);
  }
  for (const auto& [word, strong] : date_words_) words_[word].set_date_kind(strong ? 2 : 1);
}

int Lexicon::language_index(std::string_view lang) const {
  for (size_t i = 0; i < languages_.size(); ++i)
    if (languages_[i] == lang) return int(i);
  return -1;
}

bool Lexicon::strip_arabic_clitic_to_stop_word(std::string_view word) const {
  if (arabic_ < 0 || !may_have_arabic_prefix(word)) return false;
  const uint32_t bit = 1u << arabic_;
  for (std::string_view prefix : kArabicPrefixes) {
    if (word.size() > prefix.size() + 2 && word.substr(0, prefix.size()) == prefix) {
      const WordInfo* stem = word_info(word.substr(prefix.size()));
      if (stem && (stem->stop_languages & bit)) return true;
    }
  }
  return false;
}

void Lexicon::lean(int direction) {
  weights_.keep_threshold += direction * weights_.leaning_threshold_shift;
  weights_.region_soft_floor = std::max(0.0, weights_.region_soft_floor + direction * weights_.leaning_floor_shift);
  weights_.sandwich_min_score += direction * weights_.leaning_sandwich_shift;
}

void Lexicon::load_weights(std::string_view data) {
  for_each_data_line(data, [&](std::string_view line) {
    auto [name, value] = split_first_word(line);
    bool known = false;
    for (const auto& f : kWeightFields) {
      if (name == f.name) {
        weights_.*(f.field) = std::strtod(std::string(value).c_str(), nullptr);
        known = true;
      }
    }
    if (!known) unknown_weights_.emplace_back(name);
  });
}

void Lexicon::load_stop_words(std::string_view data) {
  for_each_data_line(data, [&](std::string_view line) {
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) throw std::runtime_error("stopwords.txt: missing ':'");
    std::string lang(line.substr(0, colon));
    if (!stop_words_.count(lang)) languages_.push_back(lang);
    auto& set = stop_words_[lang];
    for (auto& w : word_keys(line.substr(colon + 1))) set.insert(std::move(w));
  });
}

void Lexicon::load_phrases(std::string_view data) {
  for_each_data_line(data, [&](std::string_view line) {
    auto [role_name, rest] = split_first_word(line);
    if (role_name == "signature") {  // the verb that ends a comment's header line
      signature_verbs_.insert(fold_key(rest));
      return;
    }
    if (role_name == "bio-verb") { bio_verbs_.insert(fold_key(rest)); return; }
    if (role_name == "bio-role") { bio_roles_.insert(fold_key(rest)); return; }
    if (role_name == "credit") {  // the word that opens a photo credit
      credit_words_.insert(fold_key(rest));
      return;
    }
    if (role_name == "notfound") {  // the page says it has nothing to show
      auto [match_name, phrase] = split_first_word(rest);
      if (match_name != "line" && match_name != "contains") throw std::runtime_error("phrases.txt: notfound needs line or contains");
      const std::string key = fold_key(phrase);
      not_found_phrases_.push_back({key, " " + key + " ", match_name == "line"});
      return;
    }
    if (role_name == "widget") {  // a widget box's header or button: a chrome line too
      for (const std::string& spelling : persian_spellings(rest)) {
        widget_phrases_.insert(fold_key(spelling));
        add_phrase(PhraseRole::kChrome, PhraseMatch::kLine, spelling);
      }
      return;
    }
    auto [match_name, phrase] = split_first_word(rest);
    // A comment thread's heading ends the article, or with --comments is a
    // chrome line inside the kept thread.
    const bool thread = role_name == "thread";
    PhraseRole role = thread                    ? (keep_comments_ ? PhraseRole::kChrome : PhraseRole::kEnd)
                      : role_name == "end"      ? PhraseRole::kEnd
                      : role_name == "readalso" ? PhraseRole::kReadAlso
                      : role_name == "chrome"   ? PhraseRole::kChrome
                      : role_name == "about"    ? PhraseRole::kAbout
                                                : PhraseRole::kNone;
    if (role == PhraseRole::kNone) throw std::runtime_error("phrases.txt: unknown role");
    PhraseMatch match = match_name == "line"     ? PhraseMatch::kLine
                        : match_name == "prefix" ? PhraseMatch::kPrefix
                                                 : PhraseMatch::kContains;
    for (const std::string& spelling : persian_spellings(phrase)) add_phrase(role, match, spelling, thread);
  });
}

bool Lexicon::says_nothing_found(std::string_view text) const {
  const std::string key = fold_key(text);
  if (key.empty()) return false;
  const std::string spaced = " " + key + " ";
  for (const NotFoundPhrase& p : not_found_phrases_) {
    if (p.whole_line ? key == p.key : spaced.find(p.spaced) != std::string::npos) return true;
  }
  return false;
}

bool Lexicon::is_nothing_found_message(std::string_view part) const {
  const std::string key = fold_key(part);
  for (const NotFoundPhrase& p : not_found_phrases_) {
    if (key == p.key) return true;
  }
  return false;
}

void Lexicon::add_phrase(PhraseRole role, PhraseMatch match, std::string_view text, bool thread) {
  std::string key = fold_key(text);
  // Phrases that are only punctuation ("t.co/" folds to "t co") keep their
  // folded form; an empty key can never match and is skipped.
  if (key.empty()) return;
  std::string_view trimmed = text;
  while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
  Phrase p{role, match, key, !trimmed.empty() && trimmed.back() == ':', thread,
           static_cast<int>(word_keys(key).size())};
  switch (match) {
    case PhraseMatch::kLine: line_phrases_[key].push_back(p); break;
    case PhraseMatch::kPrefix: prefix_phrases_.push_back(p); break;
    case PhraseMatch::kContains:
      if (text.find_first_of("./") != std::string_view::npos) {
        // "pic.twitter.com" hides inside "#Syriapic.twitter.com/x": URL-like
        // phrases are found anywhere in the lower-cased line.
        p.key.clear();
        for (char ch : text) p.key += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
        p.anchor = p.key.find_first_of("./");
        raw_contains_phrases_.push_back(p);
      } else {
        contains_phrases_.push_back(p);
      }
      break;
  }
}

void Lexicon::load_date_words(std::string_view data) {
  // Lines before the "--- weak" comment hold strong date words.
  bool strong = true;
  std::size_t weak_at = data.find("--- weak");
  std::string_view strong_part = data.substr(0, weak_at);
  std::string_view weak_part = weak_at == std::string_view::npos ? std::string_view() : data.substr(weak_at);
  for_each_data_line(strong_part, [&](std::string_view line) {
    for (auto& w : word_keys(line)) date_words_[w] = strong;
  });
  for_each_data_line(weak_part, [&](std::string_view line) {
    for (auto& w : word_keys(line)) date_words_.emplace(w, false);
  });
}

int Lexicon::date_word(std::string_view word) const {
  const WordInfo* info = word_info(word);
  return info ? info->date_kind() : 0;
}

void Lexicon::load_hints(std::string_view data) {
  for_each_data_line(data, [&](std::string_view line) {
    auto [weight, hint] = split_first_word(line);
    if (weight == "end") { end_hints_.insert(std::string(hint)); return; }
    if (weight == "thread") { thread_hints_.insert(std::string(hint)); return; }
    if (weight == "thread-kept") {  // with --comments the thread's container is content
      auto weighted = hints_.find(std::string(hint));
      if (weighted == hints_.end()) throw std::runtime_error("class_hints.txt: thread-kept hint without a weight above");
      if (keep_comments_) weighted->second = 0;
      return;
    }
    if (weight == "builder-prefix") { builder_prefixes_.emplace_back(hint); return; }
    if (weight == "post-marker") { post_markers_.emplace_back(hint); return; }
    if (weight == "post-taxonomy") { post_taxonomy_.emplace_back(hint); return; }
    hints_[std::string(hint)] = std::atoi(std::string(weight).c_str());
  });
}

bool Lexicon::is_stop_word(std::string_view lang, std::string_view word) const {
  return is_stop_word(language_index(lang), word, word_info(word));
}

namespace {

// True when a ':' follows the first `n` words of `original`, or a dash, '|'
// or two dots standing for one before the label's value ("المصدر - وكالات",
// "عاجل | ...", "شاهد.. فيديو ..."; "See more -" or "See more..." ending a
// link's text is no label).
bool colon_after_words(std::string_view original, int n) {
  std::size_t i = 0;
  int seen = 0;
  bool in_word = false;
  while (i < original.size()) {
    char32_t cp = next_code_point(original, i);
    bool word_char = is_letter(cp) || is_digit(cp);
    if (word_char && !in_word) {
      if (seen == n) return false;
      ++seen;
    }
    in_word = word_char;
    if (!word_char && seen == n && !is_space(cp) && cp != 0x0640) {
      if (cp == ':' || cp == 0xFF1A) return true;
      const bool dots = (cp == '.' && i < original.size() && original[i] == '.') || cp == 0x2026;
      if (!dots && cp != '-' && cp != 0x2013 && cp != 0x2014 && cp != '|') return false;
      while (i < original.size()) {
        const char32_t next = next_code_point(original, i);
        if (is_letter(next) || is_digit(next)) return true;
      }
      return false;
    }
  }
  return false;
}

// True when `text`, its ASCII letters lower-cased, contains `key` (lower
// case), whose byte key[anchor] is not a letter: the search visits only the
// places of that byte (a '.' or '/'), rarer than a key's first letter.
bool contains_lowered(std::string_view text, std::string_view key, size_t anchor) {
  for (size_t at = text.find(key[anchor], anchor); at != std::string_view::npos; at = text.find(key[anchor], at + 1)) {
    const size_t start = at - anchor;
    if (start + key.size() > text.size()) return false;
    size_t k = 0;
    while (k < key.size()) {
      const char ch = text[start + k];
      if (((ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch) != key[k]) break;
      ++k;
    }
    if (k == key.size()) return true;
  }
  return false;
}

}  // namespace

bool Lexicon::is_button_row(std::string_view line, std::span<const KeyWord> line_words) const {
  // Most lines fail at their first word: one lookup in a small set.
  if (line_words.empty() || !caption_first_words_.contains(line.substr(line_words[0].offset, line_words[0].length)))
    return false;
  auto is_caption = [&](std::size_t first, std::size_t last) {
    const std::size_t begin = line_words[first].offset;
    const std::string_view caption = line.substr(begin, line_words[last].offset + line_words[last].length - begin);
    const std::vector<Phrase>* phrases = line_phrase_table_.find(caption);
    if (!phrases) return false;
    for (const Phrase& p : *phrases) {
      if (p.role == PhraseRole::kChrome) return true;
    }
    return false;
  };
  int captions = 0;
  for (std::size_t i = 0; i < line_words.size(); ++captions) {
    if (i + 1 < line_words.size() && is_caption(i, i + 1)) i += 2;
    else if (is_caption(i, i)) i += 1;
    else return false;
  }
  return captions >= 2;
}

PhraseHit Lexicon::match_phrase(std::string_view line, std::string_view original, int words) const {
  std::vector<KeyWord> line_words;
  for (size_t start = 0; start < line.size();) {
    size_t end = line.find(' ', start);
    if (end == std::string_view::npos) end = line.size();
    if (end > start) {
      KeyWord w;
      w.offset = static_cast<uint32_t>(start);
      w.length = static_cast<uint32_t>(end - start);
      attach_info(w, word_info(line.substr(start, end - start)));
      line_words.push_back(w);
    }
    start = end + 1;
  }
  return match_phrase(line, line_words, original, words);
}

// "12 thoughts on “Title”", "3 responses to ...": a count, then an end
// prefix phrase (a comment thread's heading). Only end phrases: "3 by 4"
// is no byline.
template <typename Consider>
void Lexicon::match_counted_end_prefix(std::string_view line, std::span<const KeyWord> line_words, int words,
                                       Consider&& consider) const {
  if (line_words.size() < 3 || words > weights_.counted_end_prefix_max_words) return;
  const std::string_view count = line.substr(line_words[0].offset, line_words[0].length);
  if (count.find_first_not_of("0123456789") != std::string_view::npos || !line_words[1].starts_prefix_phrase) return;
  const std::string_view rest = line.substr(line_words[1].offset);
  const std::vector<uint32_t>* candidates = prefix_by_first_word_.find(rest.substr(0, line_words[1].length));
  if (!candidates) return;
  for (uint32_t i : *candidates) {
    const Phrase& p = prefix_phrases_[i];
    if ((p.role == PhraseRole::kEnd || p.thread) && !p.needs_colon && starts_with_words(rest, p.key)) {
      consider(p, rest.size() > p.key.size());
    }
  }
}

PhraseHit Lexicon::match_phrase(std::string_view line, std::span<const KeyWord> line_words,
                                std::string_view original, int words) const {
  PhraseHit best;
  auto consider = [&](const Phrase& p, bool has_rest) {
    if (role_rank(p.role) > role_rank(best.role)) best = {p.role, p.match, p.key, has_rest};
  };
  if (line.empty()) return best;
  if (const std::string_view bare = strip_counts(line, line_words); bare.size() <= longest_line_phrase_) {
    if (const std::vector<Phrase>* phrases = line_phrase_table_.find(bare)) {
      for (const auto& p : *phrases) consider(p, false);
    }
  }
  auto key_word = [&](const KeyWord& w) { return line.substr(w.offset, w.length); };
  const Weights& w = weights_;
  // Only phrases starting with the line's first word can start it.
  const std::vector<uint32_t>* prefix_candidates =
      !line_words.empty() && line_words[0].starts_prefix_phrase
          ? prefix_by_first_word_.find(key_word(line_words[0]))
          : nullptr;
  const size_t prefix_count = prefix_candidates ? prefix_candidates->size() : 0;
  for (size_t c = 0; c < prefix_count; ++c) {
    const Phrase& p = prefix_phrases_[(*prefix_candidates)[c]];
    double limit = (p.role == PhraseRole::kChrome && !p.thread) || p.role == PhraseRole::kAbout ? w.chrome_prefix_max_words
                   : p.role == PhraseRole::kReadAlso ? w.readalso_prefix_max_words
                   : p.needs_colon                   ? w.end_prefix_max_words
                                                     : w.end_prefix_short_max_words;
    if (words > limit || !starts_with_words(line, p.key)) continue;
    if (p.needs_colon && !colon_after_words(original, p.key_words)) continue;
    consider(p, line.size() > p.key.size());
  }
  match_counted_end_prefix(line, line_words, words, consider);
  if (words <= w.contains_max_words) {
    // A phrase found at word boundaries starts at a word of the line.
    thread_local std::vector<uint32_t> found;
    found.clear();
    auto find_at = [&](size_t start, std::string_view first) {
      const std::vector<uint32_t>* candidates = contains_by_first_word_.find(first);
      if (!candidates) return;
      for (uint32_t i : *candidates) {
        const std::string& key = contains_phrases_[i].key;
        const size_t after = start + key.size();
        if (line.compare(start, key.size(), key) == 0 && (after == line.size() || line[after] == ' '))
          found.push_back(i);
      }
    };
    for (const KeyWord& word : line_words) {
      if (word.starts_contains_phrase) find_at(word.offset, key_word(word));
      // "ولا تعبر بالضرورة عن": the conjunction و or ف is written onto the
      // phrase's first word.
      if (has_conjunction(key_word(word))) find_at(word.offset + 2, key_word(word).substr(2));
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    for (uint32_t i : found) consider(contains_phrases_[i], false);
  }
  if (words <= w.contains_max_words) {
    // URL-like phrases, in the line lower-cased.
    for (const auto& p : raw_contains_phrases_) {
      if (contains_lowered(original, p.key, p.anchor)) consider(p, false);
    }
  }
  return best;
}

PhraseHit Lexicon::match_label_before_links(std::string_view line, std::span<const KeyWord> line_words) const {
  PhraseHit hit;
  const size_t max_label = static_cast<size_t>(weights_.labelled_links_max_label_words);
  for (size_t n = 1; n <= max_label && n < line_words.size(); ++n) {
    const KeyWord& last = line_words[n - 1];
    const std::string_view label = line.substr(0, last.offset + last.length);
    if (label.size() > longest_line_phrase_) break;
    const std::vector<Phrase>* phrases = line_phrase_table_.find(label);
    if (!phrases) continue;
    for (const Phrase& p : *phrases) {
      const bool section = p.role == PhraseRole::kEnd || p.role == PhraseRole::kReadAlso;
      if (section && role_rank(p.role) > role_rank(hit.role)) hit = {p.role, PhraseMatch::kPrefix, p.key, true};
    }
  }
  return hit;
}

// "tag-politics" in a class attribute that also holds a post marker
// ("hentry", "type-post"): WordPress's post_class() names the post's own
// topics on its wrapper, which is no tag box. `attribute` is lower case.
bool Lexicon::names_post_topic(std::string_view attribute, std::string_view name) const {
  bool taxonomy = false;
  for (const std::string& prefix : post_taxonomy_) {
    taxonomy |= name.size() > prefix.size() && name.substr(0, prefix.size()) == prefix;
  }
  if (!taxonomy) return false;
  for (const std::string& marker : post_markers_) {
    if (has_word(attribute, marker)) return true;
  }
  return false;
}

// A page builder names every block of the page "<builder prefix>-<kind>"
// ("elementor-widget-container", "elementor-widget-theme-post-content"):
// only the kind can hint.
std::string_view Lexicon::without_builder_prefix(std::string_view name) const {
  for (const std::string& prefix : builder_prefixes_) {
    if (name.substr(0, prefix.size()) == prefix) return name.substr(prefix.size());
  }
  return name;
}

int Lexicon::class_hint(std::string_view attribute, std::string* matched) const {
  int total = 0;
  std::string lower;
  for (char c : attribute) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  auto lookup = [&](std::string_view token, bool allow_prefix) {
    if (token.empty()) return;
    if (const HintWeight* hint = hint_weights_.find(token)) {
      total += hint->weight;
      if (matched) { if (!matched->empty()) *matched += ' '; *matched += hint->hint; }
      return;
    }
    if (!allow_prefix || token.size() <= kHintPrefix) return;
    const std::vector<uint32_t>* candidates = prefix_hints_by_head_.find(token.substr(0, kHintPrefix));
    if (!candidates) return;
    for (uint32_t i : *candidates) {
      const auto& [hint, weight] = prefix_hints_[i];
      if (token.size() > hint.size() && token.substr(0, hint.size()) == hint) {
        total += weight;
        if (matched) { if (!matched->empty()) *matched += ' '; *matched += hint; }
        return;
      }
    }
  };
  std::size_t start = 0;
  std::string_view all(lower);
  while (start < all.size()) {
    std::size_t sp = all.find_first_of(" \t\n", start);
    if (sp == std::string_view::npos) sp = all.size();
    std::string_view token = all.substr(start, sp - start);
    start = sp + 1;
    if (token.empty()) continue;
    if (hint_weights_.find(token)) { lookup(token, false); continue; }
    if (names_post_topic(all, token)) continue;
    token = without_builder_prefix(token);
    std::size_t ps = 0;
    while (ps < token.size()) {
      std::size_t sep = token.find_first_of("-_", ps);
      if (sep == std::string_view::npos) sep = token.size();
      lookup(token.substr(ps, sep - ps), true);
      ps = sep + 1;
    }
  }
  return total;
}

}  // namespace winnow::internal
