// Stage 4, classify. Three passes over the segment sequence:
//   1. each segment's own score (segment_score) and hard chrome signals
//      (chrome phrases, tweet signatures, link cards, datelines, counters);
//   2. the article region: the span with the largest sum of scores
//      (max-subarray), cut at the first end marker (tags, comments, related,
//      source line, a standalone "read also" that does not resume the article);
//   3. inside the region, segments scoring above the threshold are body, and
//      weak segments sandwiched between body (subheadings, short paragraphs)
//      join them, except runs of short lines (menus, headline lists); in
//      HTML, what no rule claimed between the first and last kept block and
//      is not mostly links is the article's too.
#include "classify.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "equal_counts.h"
#include "unicode_text.h"

namespace winnow::internal {
namespace {

double clamp(double v, double lo, double hi) { return std::max(lo, std::min(hi, v)); }

std::string format_score(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

void add_term(std::string* terms, const char* name, double value) {
  if (!terms || value == 0) return;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s%s%+.2f", terms->empty() ? "" : " ", name, value);
  *terms += buf;
}

// "name:" followed by the phrase, as rule names spell a matched phrase.
std::string named(std::string_view name, std::string_view phrase) {
  std::string rule;
  rule.reserve(name.size() + phrase.size());
  rule.append(name).append(phrase);
  return rule;
}

// The rule name of a hard chrome signal, or "" when there is none.
std::string hard_chrome_rule(const Segment& s, const Features& f) {
  if (s.in_caption) return "caption";
  if (f.photo_credit) return "photo-credit";
  if (f.phrase.role == PhraseRole::kChrome) return named("chrome-phrase:", f.phrase.phrase);
  if (f.phrase.role == PhraseRole::kReadAlso && f.phrase.has_rest) return named("read-also-line:", f.phrase.phrase);
  if (f.tweet_signature) return "tweet-signature";
  if (f.link_card) return "link-card";
  if (f.teaser) return "teaser";
  if (f.date_only) return "date-only";
  if (f.counter) return "counter";
  if (f.keyword_list) return "keyword-list";
  if (f.button_row) return "button-row";
  if (f.copyright_notice) return "copyright-notice";
  return "";
}

// A section marker phrase, or the header line of the first comment.
bool is_end_marker(const Features& f) { return f.phrase.role == PhraseRole::kEnd || f.comment_header; }
// "8 See also" (numbered) is a table-of-contents entry, not a header.
bool is_readalso_header(const Features& f) {
  return f.phrase.role == PhraseRole::kReadAlso && !f.phrase.has_rest && !f.counter;
}

// The first of the matched class hints (space separated) for which `is_kind`
// holds, or "".
template <typename Predicate>
std::string_view first_hint(std::string_view hint_names, Predicate is_kind) {
  std::size_t start = 0;
  while (start < hint_names.size()) {
    std::size_t sp = hint_names.find(' ', start);
    if (sp == std::string::npos) sp = hint_names.size();
    std::string_view hint(hint_names.data() + start, sp - start);
    if (is_kind(hint)) return hint;
    start = sp + 1;
  }
  return {};
}

struct Span {
  int begin = 0, end = 0;  // [begin, end)
};

// The span with the largest sum of max(value, -floor).
Span best_span(const std::vector<double>& values, double floor) {
  Span best{0, 0};
  double best_sum = 0, sum = 0;
  int start = 0;
  for (int i = 0; i < static_cast<int>(values.size()); ++i) {
    if (sum <= 0) { sum = 0; start = i; }
    sum += std::max(values[i], -floor);
    if (sum > best_sum) { best_sum = sum; best = {start, i + 1}; }
  }
  return best;
}

class Classifier {
 public:
  Classifier(const Page& page, const std::vector<Features>& features, bool html,
             bool language_known, const Lexicon& lexicon)
      : page_(page), f_(features), html_(html), w_(lexicon.weights()),
        n_(static_cast<int>(page.segments.size())), d_(n_), hard_(n_), end_hint_(n_), in_thread_(n_) {
    for (int i = 0; i < n_; ++i) {
      const std::string& hints = page.segments[i].hint_names;
      end_hint_[i] = first_hint(hints, [&](std::string_view h) { return lexicon.is_end_hint(h); });
      in_thread_[i] = !first_hint(hints, [&](std::string_view h) { return lexicon.is_thread_hint(h); }).empty();
      d_[i].score = segment_score(page.segments[i], f_[i], w_, language_known, nullptr);
      hard_[i] = hard_chrome_rule(page.segments[i], f_[i]);
    }
    box_line_.assign(n_, false);
    for (int i = 0; i < n_; ++i) {
      box_line_[i] = f_[i].phrase.role == PhraseRole::kChrome && lexicon.is_widget_phrase(f_[i].phrase.phrase);
    }
    end_marker_.assign(n_, false);
    // With --comments a comment's header line ("Alex on May 3 said:") opens
    // one more comment of the kept thread.
    const bool thread_kept = lexicon.keeps_comments();
    for (int i = 0; i < n_; ++i) {
      const bool marker = thread_kept ? f_[i].phrase.role == PhraseRole::kEnd : is_end_marker(f_[i]);
      end_marker_[i] = marker || heads_about_box(i);
    }
    if (!html_) mark_repeated_short_lines();
    table_cell_.assign(n_, false);
    if (!html_) mark_table_cells();
    mark_table_rows();  // HTML's data tables and Markdown's (text has no table rows)
  }

  // Text: a table flattened one cell a line (standings, results, dates) shows
  // as a run of short lines whose shape (number or words) repeats with a
  // period of table_min_columns..table_max_columns lines for at least
  // table_min_rows rows; a longer cell between two short ones (a stats line,
  // a note) does not end the run.
  void mark_table_cells() {
    auto has_digits_only = [&](int i) {
      bool digit = false;
      for (std::size_t k = 0; k < page_.segments[i].text.size();) {
        char32_t cp = next_code_point(page_.segments[i].text, k);
        if (is_letter(cp)) return false;
        digit |= is_digit(cp);
      }
      return digit;
    };
    // Each period tried asks again about the same lines: each is read once.
    std::vector<int8_t> known(n_, -1);
    auto numeric = [&](int i) {
      if (known[i] < 0) known[i] = has_digits_only(i);
      return known[i] == 1;
    };
    auto cell = [&](int i) { return f_[i].words <= w_.table_cell_max_words && f_[i].phrase.role == PhraseRole::kNone; };
    // A longer cell (a player's stats line, a row's note) sits between short
    // ones; the run goes on over it.
    auto long_cell = [&](int i) {
      return f_[i].words <= w_.table_long_cell_max_words && f_[i].phrase.role == PhraseRole::kNone && i + 1 < n_ &&
             cell(i + 1);
    };
    for (int i = 0; i < n_;) {
      if (!cell(i)) { ++i; continue; }
      int j = i;
      while (j < n_ && (cell(j) || long_cell(j))) ++j;
      if (!mark_periodic_run(i, j, numeric)) {
        // Without its longer cells, each stretch of short ones on its own.
        for (int k = i; k < j;) {
          if (!cell(k)) { ++k; continue; }
          int stretch_end = k;
          while (stretch_end < j && cell(stretch_end)) ++stretch_end;
          if (stretch_end - k < j - i) mark_periodic_run(k, stretch_end, numeric);
          k = stretch_end;
        }
      }
      i = j;
    }
  }

  // HTML and Markdown: table_min_rows or more data rows in a row (the
  // segmenter joined each row's cells), not mostly links, are a table like
  // text mode's.
  void mark_table_rows() {
    auto row = [&](int i) {
      return page_.segments[i].table_row && f_[i].link_density < w_.table_row_max_link_density;
    };
    for (int i = 0; i < n_;) {
      if (!row(i)) { ++i; continue; }
      int j = i;
      while (j < n_ && row(j)) ++j;
      if (j - i >= w_.table_min_rows) {
        for (int k = i; k < j; ++k) table_cell_[k] = true;
      }
      i = j;
    }
  }

  template <typename Numeric>
  bool mark_periodic_run(int begin, int end, Numeric numeric) {
    const int length = end - begin;
    int run_numbers = 0;  // an upper bound of `numbers` below: prose runs fail it at once
    for (int i = begin; i < end; ++i) run_numbers += numeric(i);
    for (int period = static_cast<int>(w_.table_min_columns); period <= w_.table_max_columns; ++period) {
      if (length < period * (w_.table_min_rows + 1)) break;
      if (run_numbers * period < length - 2 * period) continue;
      // The first row may be the header (words over numbers): the shape
      // agreement is counted from the second row.
      int matches = 0, numbers = 0;
      for (int i = begin + period; i + period < end; ++i) {
        matches += numeric(i) == numeric(i + period);
        numbers += numeric(i);
      }
      const int pairs = length - 2 * period;
      if (pairs > 0 && numbers * period >= pairs && matches >= w_.table_shape_agreement * pairs) {
        for (int i = begin; i < end; ++i) table_cell_[i] = true;
        return true;
      }
    }
    return false;
  }

  // A short line that recurs verbatim several times in one page is a
  // template's ("Share Tweet Email", "Advertisement", "Read more").
  void mark_repeated_short_lines() {
    std::vector<std::string_view> lines;
    std::vector<int> line_segment;
    for (int i = 0; i < n_; ++i) {
      if (f_[i].words > w_.repeated_max_words) continue;
      lines.push_back(page_.segments[i].text);
      line_segment.push_back(i);
    }
    const std::vector<uint32_t> counts = count_equal(lines);
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (static_cast<double>(counts[k]) < w_.repeated_min_count) continue;
      if (hard_[line_segment[k]].empty()) hard_[line_segment[k]] = "repeated-line";
    }
  }

  std::vector<Decision> run(std::string* region_why) {
    find_region();
    if (!html_) extend_region_over_records();
    move_region_before_end_barrier();
    cut_at_end_markers();
    decide_inside_region();
    keep_headline();
    fall_back_when_no_article();
    drop_repeated_neighbours();
    drop_trailing_author_bios();
    drop_linked_headlines();
    drop_header_lines_before_stated_body();
    drop_header_lines_before_declared_body();
    for (int i = region_.begin; i < region_.end; ++i) d_[i].in_region = true;
    if (region_why) *region_why = std::move(region_why_);
    return std::move(d_);
  }

 private:
  bool body_like(int i) const { return hard_[i].empty() && d_[i].score > w_.keep_threshold; }
  bool is_short(int i) const {
    return f_[i].words < w_.short_words && !f_[i].terminal_punct;
  }

  // What each of the first `count` segments adds to a candidate region:
  // its score, floored at -region_soft_floor; hard chrome -region_floor.
  std::vector<double> region_values(int count) const {
    std::vector<double> values(count);
    for (int i = 0; i < count; ++i) {
      values[i] = table_cell_[i] || in_resumed_box_[i] || in_framed_list_[i] ? 0.0  // a table, a list or a box inside the article neither makes nor breaks it
                  : hard_[i].empty() ? std::max(d_[i].score, -w_.region_soft_floor)
                  : in_widget_run_[i] || in_pointer_run_[i] ? 0.0
                  : pointer_run_head_[i] ? -w_.region_soft_floor  // pointers between paragraphs: one weak line
                  : box_head_[i]      ? -w_.region_soft_floor  // a widget box framed by prose: one weak line
                                     : -w_.region_floor;
    }
    return values;
  }

  bool widget_line(int i) const { return f_[i].phrase.role == PhraseRole::kChrome || f_[i].button_row; }
  // A sentence of the article around an insertion or a list: no rule of its
  // own, a sentence end, a score over zero. Unlike prose_line it does not
  // move with --precision / --recall: what frames an insertion is the page's
  // structure; what is kept is the leaning's.
  bool sentence_line(int i) const { return hard_[i].empty() && f_[i].terminal_punct && d_[i].score > 0; }
  bool prose_line(int i) const { return body_like(i) && f_[i].terminal_punct; }

  // Text: a share bar or a font-size tool flattened one button a line, right
  // after a paragraph of prose and followed by prose (at most one line, a
  // related headline, in between), is one widget inside the article: its
  // first line costs the region a hard floor, the others nothing. A widget
  // box (a reader poll, prayer times, currency rates: Lexicon::is_widget_phrase),
  // in text and HTML, goes with its short items and a poll's question, and
  // being told by its phrases and shape, it costs one weak line only.
  void mark_widget_runs() {
    in_widget_run_.assign(n_, false);
    box_head_.assign(n_, false);
    for (int i = 1; i < n_;) {
      if (!widget_line(i)) { ++i; continue; }
      int j = i;
      while (j < n_ && widget_line(j)) ++j;
      int start = i;
      const bool box = box_line_[i] || box_line_[j - 1];
      if (html_ && !box) { i = j; continue; }
      if (box) {
        start = box_start(i);
        j = box_end_line(j);
      }
      const bool prose_after = (j < n_ && prose_line(j)) || (j + 1 < n_ && !widget_line(j) && prose_line(j + 1));
      if (start > 0 && prose_line(start - 1) && prose_after) {
        box_head_[start] = box;
        for (int k = start; k < j; ++k) {
          if (hard_[k].empty()) hard_[k] = "widget-box";
          if (k > start) in_widget_run_[k] = true;
        }
      }
      i = j;
    }
  }

  // Text: what an editor sets between two paragraphs of the article itself
  // is an insertion, not the article's end: a short run of hard chrome lines
  // that holds a pointer to another story ("Read also: <headline>", "Watch..
  // <headline>": a read-also line with its headline) or the signature of an
  // embedded post ("— Name (@handle) date", under the tweet's text), or one
  // label alone ("Advertisement", "Share": at most widget_item_max_words
  // words). With a sentence (or a caption over one) before it and two after,
  // it costs the region one weak line, not a hard floor a line, so an article
  // of dozen-word paragraphs (Arabic news writes them; ~1 point each) keeps
  // its head and its tail.
  void mark_pointer_runs() {
    pointer_run_head_.assign(n_, false);
    in_pointer_run_.assign(n_, false);
    if (html_) return;
    for (int i = 1; i < n_;) {
      if (hard_[i].empty() || in_widget_run_[i] || box_head_[i]) { ++i; continue; }
      int j = i;
      bool pointer = false;
      while (j < n_ && !hard_[j].empty() && !end_marker_[j]) {
        pointer |= hard_[j].rfind("read-also-line", 0) == 0 || hard_[j] == "tweet-signature";
        ++j;
      }
      // The article goes on for two sentences after the run: a label heads a
      // box as often ("Newsletter" over its one-line pitch), and a promo line
      // follows a post embedded at the article's end.
      const bool framed = prose_or_caption_before(i - 1) && j + 1 < n_ && sentence_line(j) && sentence_line(j + 1);
      const bool label = j - i == 1 && f_[i].words <= w_.widget_item_max_words && hard_[i] != "repeated-line";
      if ((pointer || label) && framed && j - i <= w_.pointer_run_max_lines) {
        pointer_run_head_[i] = true;
        for (int k = i + 1; k < j; ++k) in_pointer_run_[k] = true;
      }
      i = std::max(j, i + 1);
    }
  }

  // Prose at `k`, or a caption-like line there (short, no sentence end, no
  // rule of its own) with prose right above it: a photo's credit ("Photo:
  // <name>") follows its caption.
  bool prose_or_caption_before(int k) const {
    if (k < 0) return false;
    if (sentence_line(k)) return true;
    const bool caption_like = hard_[k].empty() && f_[k].phrase.role == PhraseRole::kNone && !f_[k].terminal_punct &&
                              f_[k].words <= w_.readalso_teaser_line_max_words;
    return caption_like && k >= 1 && sentence_line(k - 1);
  }

  // Text: "The plan includes:" and its items between two paragraphs are a
  // list of the article: short, unpunctuated lines that would each cost the
  // region a weak line (six items cut an article of short paragraphs in
  // two). With sentences on both sides they neither make nor break the
  // region, and keep_framed_lists keeps the items. Items without the colon
  // line (even bulleted) stay weak lines: tag lists look the same.
  void mark_framed_lists() {
    in_framed_list_.assign(n_, false);
    if (html_) return;
    for (int i = 1; i < n_; ++i) {
      if (!sentence_line(i - 1)) continue;
      if (!f_[i].colon_end || !hard_[i].empty() || f_[i].phrase.role != PhraseRole::kNone) continue;
      int k = i + 1;
      while (k < n_ && k - i <= w_.colon_list_max_items && is_list_item(k)) ++k;
      if (k - i - 1 < 2 || k >= n_ || !sentence_line(k)) continue;
      for (int j = i; j < k; ++j) in_framed_list_[j] = true;
      i = k;
    }
  }

  // A list item: no rule, phrase or sentence of its own, mostly not links.
  bool is_list_item(int k) const {
    return !sentence_line(k) && hard_[k].empty() && f_[k].phrase.role == PhraseRole::kNone && f_[k].words >= 1 &&
           f_[k].link_density < w_.list_max_link_density && f_[k].words <= w_.readalso_teaser_line_max_words;
  }

  // A box's button ("Vote now") under a poll's options and question: the
  // question's line, or `button` when no question stands above the options.
  int box_start(int button) const {
    int k = button;
    while (k - 1 > 0 && is_box_item(k - 1)) --k;
    return k < button && k - 1 >= 0 && is_question(k - 1) ? k - 1 : button;
  }

  // Past the items of a box (a poll's question, options and buttons; a list
  // of times or rates) that follow its header.
  int box_end_line(int from) const {
    int k = from;
    if (k < n_ && is_question(k)) ++k;
    while (k < n_ && (widget_line(k) || is_box_item(k))) ++k;
    return k;
  }

  bool is_box_item(int i) const {
    return f_[i].words <= w_.widget_item_max_words && !f_[i].terminal_punct && !end_marker_[i] &&
           f_[i].phrase.role == PhraseRole::kNone && f_[i].item_number == 0;
  }

  bool is_question(int i) const {
    const std::string& s = page_.segments[i].text;
    const auto ends = [&](std::string_view mark) { return s.size() >= mark.size() && s.compare(s.size() - mark.size(), mark.size(), mark) == 0; };
    return f_[i].words <= w_.poll_question_max_words && (ends("?") || ends("\u061F") || ends("\uFF1F"));
  }

  void find_region() {
    mark_boxes_the_article_resumes_after();
    mark_widget_runs();
    mark_pointer_runs();
    mark_framed_lists();
    const std::vector<double> values = region_values(n_);
    region_ = best_span(values, w_.region_floor);
    region_why_ = "best span #" + std::to_string(region_.begin) + "-#" + std::to_string(region_.end - 1) +
                  " sum " + format_score(span_sum(values, region_));
    if (!html_) set_teaser_list_aside(values);
    if (!html_) explain_bridges();
    if (html_) {
      double container_sum = 0;
      Span c = best_container_span(values, &container_sum);
      if (c.begin < region_.begin || c.end > region_.end) {
        region_why_ += ", widened to its container #" + std::to_string(c.begin) + "-#" +
                       std::to_string(c.end - 1) + " sum " + format_score(container_sum);
      }
      region_ = Span{std::min(c.begin, region_.begin), std::max(c.end, region_.end)};
    }
  }

  // Names, in the region's reason, the insertions and lists between
  // paragraphs that the region bridged (mark_pointer_runs, mark_framed_lists).
  void explain_bridges() {
    for (int i = region_.begin; i < region_.end; ++i) {
      const bool insertion = pointer_run_head_[i], list = in_framed_list_[i] && (i == 0 || !in_framed_list_[i - 1]);
      if (!insertion && !list) continue;
      int j = i + 1;
      while (j < region_.end && (insertion ? in_pointer_run_[j] : in_framed_list_[j])) ++j;
      region_why_ += (insertion ? ", insertion #" : ", list #") + std::to_string(i) + "-#" + std::to_string(j - 1) +
                     (insertion ? " between paragraphs costs one weak line" : " between paragraphs costs nothing");
    }
  }

  // Text: headline, lead, headline, lead... (a "Deals" or "Latest" box of
  // teasers, each a headline and a sentence or two) scores like an article
  // with a paragraph under each subheading, and a long one outweighs the
  // article. When the best span owes most of its weight to such a run and,
  // with the run counting nothing, a span of prose of its own stands apart
  // from it, that span is the article.
  void set_teaser_list_aside(const std::vector<double>& values) {
    mark_teaser_runs();
    double teaser_value = 0, all_value = 0;
    for (int i = region_.begin; i < region_.end; ++i) {
      if (values[i] <= 0) continue;
      all_value += values[i];
      if (teaser_run_[i]) teaser_value += values[i];
    }
    if (teaser_value == 0 || teaser_value < w_.teaser_run_region_share * all_value) return;
    std::vector<double> without = values;
    for (int i = 0; i < n_; ++i) {
      if (teaser_run_[i]) without[i] = 0;
    }
    const Span other = best_span(without, w_.region_floor);
    const bool apart = other.end <= region_.begin || other.begin >= region_.end;
    bool touches_run = false;
    for (int i = std::max(0, other.begin - 1); i < std::min(n_, other.end + 1); ++i) touches_run |= teaser_run_[i];
    if (!apart || touches_run || span_sum(without, other) < w_.teaser_run_article_min_sum) return;
    region_why_ += ", a list of teasers there; the article is the best span without it #" +
                   std::to_string(other.begin) + "-#" + std::to_string(other.end - 1) + " sum " +
                   format_score(span_sum(without, other));
    region_ = other;
    teasers_set_aside_ = true;
  }

  // Marks runs of at least teaser_run_min_pairs (headline, lead) pairs: a
  // headline has no sentence end or is cut short ("..."), a lead ends a
  // sentence and has teaser_run_lead_min_words..teaser_run_lead_max_words.
  void mark_teaser_runs() {
    teaser_run_.assign(n_, false);
    auto headline = [&](int i) { return is_teaser_headline(i) || (hard_[i].empty() && is_cut_short_headline(i)); };
    auto lead = [&](int i) {
      return hard_[i].empty() && f_[i].terminal_punct && f_[i].words >= w_.teaser_run_lead_min_words &&
             f_[i].words <= w_.teaser_run_lead_max_words;
    };
    for (int i = 0; i + 1 < n_;) {
      int end = i, pairs = 0;
      while (end + 1 < n_ && headline(end) && lead(end + 1)) {
        end += 2;
        ++pairs;
      }
      if (pairs < w_.teaser_run_min_pairs) { ++i; continue; }
      for (int k = i; k < end; ++k) teaser_run_[k] = true;
      i = end;
    }
  }

  bool is_cut_short_headline(int i) const {
    const std::string_view text = page_.segments[i].text;
    const bool cut = text.ends_with("...") || text.ends_with("\u2026");
    return cut && f_[i].words >= w_.teaser_headline_min_words && f_[i].words <= w_.teaser_headline_max_words;
  }

  // Text: a page of records (a blog's posts, a directory's entries) puts a
  // few short lines (date, "Posted by", "Details", a price) between
  // paragraphs of prose; the best span holds one record. The region grows
  // over such a gap to the next prose paragraph while the gap is short and
  // holds no end marker or "read also" header.
  void extend_region_over_records() {
    if (region_.end <= region_.begin) return;  // no article to grow
    const int max_gap = static_cast<int>(w_.record_gap_max_lines);
    for (int next; (next = record_after(region_.end, +1, max_gap)) >= 0;) {
      record_starts_.push_back(next);
      region_.end = next + 1;
    }
    for (int prev; (prev = record_after(region_.begin - 1, -1, max_gap)) >= 0;) {
      record_starts_.push_back(region_.begin);
      region_.begin = prev;
    }
  }

  // The first prose paragraph at or past `from` in direction `step`, within
  // max_gap lines of only non-prose, no-marker lines; -1 when none.
  int record_after(int from, int step, int max_gap) const {
    for (int k = from, lines = 0; k >= 0 && k < n_ && lines <= max_gap; k += step, ++lines) {
      if (end_marker_[k] || is_readalso_header(f_[k])) return -1;
      if (is_record_prose(k)) return k;
      if (f_[k].words > w_.record_gap_line_max_words) return -1;
    }
    return -1;
  }

  bool is_record_prose(int i) const {
    return hard_[i].empty() && f_[i].terminal_punct && f_[i].words >= w_.record_min_words && d_[i].score > w_.keep_threshold;
  }

  // A "read also" box that the article's paragraphs resume after (its
  // headlines and dates cost the region nothing; the cut at the box decides).
  void mark_boxes_the_article_resumes_after() {
    in_resumed_box_.assign(n_, false);
    for (int i = 0; i < n_; ++i) {
      int box_end = 0;
      if (!is_readalso_header(f_[i]) || !article_resumes_after_box(i, &box_end)) continue;
      for (int k = i; k < box_end; ++k) in_resumed_box_[k] = true;
      i = box_end - 1;
    }
  }

  double span_sum(const std::vector<double>& values, Span s) const {
    double sum = 0;
    for (int i = s.begin; i < s.end; ++i) sum += std::max(values[i], -w_.region_floor);
    return sum;
  }

  // HTML: the block element whose subtree has the largest sum of scores
  // (each clamped at -region_floor), widened to all its blocks. Unlike the
  // best span, it follows the page's own structure, so a table of short
  // cells inside the article container stays with the article.
  Span best_container_span(const std::vector<double>& values, double* best_sum) const {
    const auto& containers = page_.containers;
    const int m = static_cast<int>(containers.size());
    if (m == 0) return region_;
    std::vector<double> sum(m, 0.0);
    std::vector<int> first(m, n_), last(m, -1);
    for (int i = 0; i < n_; ++i) {
      int c = page_.segments[i].container;
      if (c < 0 || c >= m) continue;
      sum[c] += std::max(values[i], -w_.region_floor);
      first[c] = std::min(first[c], i);
      last[c] = std::max(last[c], i);
    }
    for (int c = m - 1; c > 0; --c) {  // children come after their parents
      int p = containers[c].parent;
      if (p < 0) continue;
      // A box of chrome inside a container (a chart's labels, a share bar)
      // is one obstacle to it, however many blocks it has.
      sum[p] += std::max(sum[c], -w_.container_child_floor);
      first[p] = std::min(first[p], first[c]);
      last[p] = std::max(last[p], last[c]);
    }
    int best = -1;
    for (int c = 0; c < m; ++c) {
      if (last[c] >= 0 && (best < 0 || sum[c] > sum[best])) best = c;
    }
    if (best < 0 || sum[best] <= 0) return region_;
    *best_sum = sum[best];
    return Span{first[best], last[best] + 1};
  }

  // An end marker (comments, tags, source line) that follows an article of
  // its own ends the page's content even when more text comes after it: a
  // comment thread longer than the article must not be taken for it.
  void move_region_before_end_barrier() {
    int body_words = 0, prose_words = 0;
    for (int i = 0; i < n_; ++i) {
      // One-word markers ("Tags", "Comments") also label menus and
      // metadata above articles; only unambiguous ones act as barriers.
      bool unambiguous = f_[i].phrase.match == PhraseMatch::kPrefix ||
                         f_[i].phrase.phrase.find(' ') != std::string_view::npos || f_[i].comment_header;
      // A related/"read also" header closes the article only after prose
      // (share-button captions are long enough to look like body).
      int box_end = 0;
      bool closes = ends_article(i) ||
                    (prose_words >= w_.article_started_words && is_readalso_header(f_[i]) &&
                     !article_resumes_after_box(i, &box_end));
      if (body_words >= w_.article_started_words && closes && unambiguous) {
        if (region_.begin < i) return;  // the in-region cut handles it
        Span before = best_span(region_values(i), w_.region_floor);
        if (before.end > before.begin) {
          region_ = before;
          region_why_ = "best span #" + std::to_string(before.begin) + "-#" + std::to_string(before.end - 1) +
                        " before the end marker #" + std::to_string(i);
        }
        return;
      }
      if (body_like(i) && f_[i].words >= w_.short_words) {
        body_words += f_[i].words;
        if (f_[i].terminal_punct) prose_words += f_[i].words;
      }
    }
  }

  // Past the first end marker after the article has started, nothing is body.
  void cut_at_end_markers() {
    int body_words = 0;
    for (int i = region_.begin; i < region_.end; ++i) {
      bool started = body_words >= w_.article_started_words;
      // Before the article, a section marker is a label in the page's
      // header ("Tags:", "Comments (3)", a bare "Source:"): chrome itself.
      if (!started && ends_article(i) && hard_[i].empty()) hard_[i] = "marker-before-article:" + marker_name(i);
      if (started && starts_end_section(i)) {
        int section_end = i;
        while (section_end < n_ && !end_hint_[section_end].empty()) ++section_end;
        if (!flow_resumes_at(section_end, i) && !declared_body_follows(section_end - 1)) {
          cut(i, named("after-end-section:", end_hint_[i]));
          return;
        }
        for (int k = i; k < section_end; ++k) {
          if (hard_[k].empty() && !page_.segments[k].in_declared_body) hard_[k] = named("box-in-article:", end_hint_[i]);
        }
        i = section_end - 1;
        continue;
      }
      bool declared_continues = declared_body_follows(i);
      // HTML: "Comments (3)" as a link under a post of a blog's front page
      // leads to that post's thread elsewhere; the next post follows in the
      // same text flow. Only the link goes.
      if (started && ends_article(i) && html_ && links_elsewhere(i) && flow_resumes_at(i + 1, i)) {
        if (hard_[i].empty()) hard_[i] = "marker-link-in-article:" + marker_name(i);
        continue;
      }
      if (started && ends_article(i) && !declared_continues) {
        cut(html_ ? i : comment_start_above(i), "after-end:" + marker_name(i));
        return;
      }
      // The publisher's stated body goes on after it: the marker alone goes.
      if (started && ends_article(i) && hard_[i].empty()) hard_[i] = "marker-in-article:" + marker_name(i);
      if (is_readalso_header(f_[i])) {
        int box_end = 0;
        // HTML: the article's own text flow resuming after the box (ads and
        // asides in between) shows it too.
        // HTML: the header sits in an element of its own (a floated table, an
        // aside) that the body's flow resumes after: the element is the box.
        const ElementBox box = html_ && started ? element_box(i) : ElementBox{};
        if (box.end > i + 1 && flow_resumes_at(box.end, i)) {
          for (int k = box.begin; k < box.end; ++k) hard_[k] = named("read-also-box:", f_[i].phrase.phrase);
          i = box.end - 1;
          continue;
        }
        const bool next_story = heads_second_story(i);
        bool flow_resumes = html_ && !next_story && flow_resumes_at(i + 1, i);
        if (!started || declared_continues || article_resumes_after_box(i, &box_end) || flow_resumes) {
          if (!started || declared_continues || box_end <= i) box_end = end_of_box(i);
          for (int k = i; k < box_end; ++k) hard_[k] = named("read-also-box:", f_[i].phrase.phrase);
          i = box_end - 1;
          continue;
        }
        // --explain tells a second story under the header from a plain box.
        cut(i, named(next_story ? "after-next-story:" : "after-read-also:", f_[i].phrase.phrase));
        return;
      }
      if (body_like(i)) body_words += f_[i].words;
    }
    // Text: the region may stop right before the end marker (a "Reply"
    // line), with the comment above it still inside.
    if (!html_ && region_.end < n_ && ends_article(region_.end)) {
      const int at = comment_start_above(region_.end);
      if (at < region_.end) cut(at, "after-end:" + marker_name(region_.end));
    }
  }

  void cut(int at, const std::string& rule) {
    for (int k = at; k < n_; ++k) {
      if (k < region_.end || !d_[k].keep) d_[k].rule = rule;
    }
    cut_rule_from_ = at;
    if (at < region_.end) region_why_ += ", cut at #" + std::to_string(at);
    region_.end = std::min(region_.end, at);
  }

  // "Über Moritz Bachmann" followed by a one-paragraph bio that names him
  // again: the author's (or the company's) box after the article. Several
  // paragraphs of biography are content; a linked list item is a menu entry
  // (a heading often links the author's page).
  bool heads_about_box(int i) const {
    if (!f_[i].about_header || i + 1 >= n_ || f_[i + 1].words < w_.short_words) return false;
    const std::string& kind = page_.segments[i].kind;
    const bool linked = f_[i].link_density >= w_.about_header_max_link_density;
    if ((linked && kind != "h") || kind == "li" || kind == "td") return false;  // a heading may link the name
    if (i + 2 < n_ && f_[i + 2].terminal_punct && f_[i + 2].words >= w_.short_words) return false;
    const std::string& line = page_.segments[i].text;
    const std::string_view last_word = std::string_view(line).substr(line.find_last_of(' ') + 1);
    return page_.segments[i + 1].text.find(last_word) != std::string::npos;
  }

  // What --explain calls the end marker at `i`.
  std::string marker_name(int i) const {
    if (f_[i].about_header) return "about-box";
    return f_[i].phrase.phrase.empty() && f_[i].comment_header ? "comment-header" : std::string(f_[i].phrase.phrase);
  }

  // An end marker that heads a section: "Comments:" in a table cell labels
  // a column of a listing instead.
  bool ends_article(int i) const {
    return end_marker_[i] && page_.segments[i].kind != "td";
  }

  // Text: where an end marker (a "Reply" button) sits under a reader's
  // comment, the comment goes too when its author's name and date head it: a
  // line of a few words, a date line, one or two lines of prose, the marker.
  // The article must have started above the name.
  int comment_start_above(int marker) const {
    int k = marker - 1;
    for (int prose = 0; k > region_.begin && prose < 2 && !f_[k].date_only && f_[k].words >= w_.short_words; --k) ++prose;
    if (k == marker - 1 || k <= region_.begin || !f_[k].date_only) return marker;
    const int author = k - 1;
    const Features& name = f_[author];
    if (name.words < 1 || name.words > w_.comment_author_max_words || name.terminal_punct || name.date_only ||
        !hard_[author].empty()) {
      return marker;
    }
    int words_before = 0;
    for (int b = region_.begin; b < author; ++b) {
      if (body_like(b)) words_before += f_[b].words;
    }
    return words_before >= w_.article_started_words ? author : marker;
  }

  // An end marker that is a link ("Comments (3)", "Leave a comment") points
  // to a section, where a heading would start one.
  bool links_elsewhere(int i) const {
    return f_[i].phrase.role == PhraseRole::kEnd && f_[i].link_density >= w_.end_link_min_link_density;
  }

  // HTML: the first block under a comments/tags/related container.
  bool starts_end_section(int i) const {
    return !end_hint_[i].empty() && (i == 0 || end_hint_[i - 1].empty());
  }

  // Body paragraphs follow from `k` on, among at most end_section_resume_lines
  // other lines (a figure with its captions, a share bar, ads): the article
  // goes on.
  bool article_resumes_at(int k, int body_before) const {
    if (body_before < 0) return false;
    const int needed = static_cast<int>(w_.end_section_resume_paragraphs);
    int paragraphs = 0;
    for (int end = std::min(n_, k + static_cast<int>(w_.end_section_resume_lines)); k < end && paragraphs < needed; ++k) {
      if (end_marker_[k]) return false;
      if (is_paragraph(k) && end_hint_[k].empty() && !in_thread_[k] && same_flow(body_before, k)) ++paragraphs;
    }
    return paragraphs >= needed;
  }

  // The article's flow goes on at `k` after the box at `box`: seen from the
  // last body block before the box or from the longest one (a pull quote
  // deep in nested tables is last, the body's column holds the longest).
  bool flow_resumes_at(int k, int box) const {
    const int last = last_body_before(box), longest = longest_body_before(box);
    return article_resumes_at(k, last) || (longest != last && article_resumes_at(k, longest));
  }

  int longest_body_before(int i) const {
    int best = -1;
    for (int k = i - 1; k >= 0; --k) {
      if (d_[k].score > w_.keep_threshold && hard_[k].empty() && end_hint_[k].empty() &&
          (best < 0 || f_[k].words > f_[best].words)) best = k;
    }
    return best;
  }

  int last_body_before(int i) const {
    for (int k = i - 1; k >= 0; --k) {
      if (d_[k].score > w_.keep_threshold && hard_[k].empty() && end_hint_[k].empty()) return k;
    }
    return -1;
  }

  // Two blocks of one text flow: the second is inside the same article
  // markers as the first, and their nearest common element is at most
  // end_section_flow_levels above the first (the body's column, not the
  // page's wrapper that also holds teaser lists).
  bool same_flow(int a, int b) const {
    const Segment& first = page_.segments[a];
    const Segment& second = page_.segments[b];
    // Out of the containers that mark the article (class "story", <article>)
    // is out of the article, however close.
    if (second.hint_pos < first.hint_pos || (first.in_article && !second.in_article)) return false;
    const auto& c = page_.containers;
    int x = page_.segments[a].container, y = page_.segments[b].container;
    if (x < 0 || y < 0) return true;  // text input: one flow
    const int depth_a = c[x].depth;
    while (x != y && x >= 0 && y >= 0) {
      if (c[x].depth >= c[y].depth) x = c[x].parent; else y = c[y].parent;
    }
    return x >= 0 && x == y && depth_a - c[x].depth <= w_.end_section_flow_levels;
  }

  // The publisher's stated body (JSON-LD articleBody) goes on within a few
  // blocks after a marker: the marker heads a box inside the article.
  bool declared_body_follows(int marker) const {
    const int reach = static_cast<int>(w_.readalso_box_max_lines + w_.readalso_continue_paragraphs);
    for (int k = marker + 1; k < n_ && k <= marker + reach; ++k) {
      if (page_.segments[k].in_declared_body) return true;
    }
    return false;
  }

  // The blocks [begin, end) of the element around a header that holds none of
  // the body before it (the body's longest block marks its column); empty when
  // the header sits in the body's own element, the element is a page column
  // or the article's paragraphs go on inside it.
  struct ElementBox { int begin = 0, end = 0; };
  ElementBox element_box(int header) const {
    const int body = longest_body_before(header);
    const auto& c = page_.containers;
    int box = page_.segments[header].container;
    if (body < 0 || box < 0 || page_.segments[body].container < 0) return {};
    while (c[box].parent >= 0 && !contains(c[box].parent, page_.segments[body].container)) box = c[box].parent;
    if (contains(box, page_.segments[body].container)) return {};
    ElementBox found{header, header + 1};
    while (found.begin - 1 > body && contains(box, page_.segments[found.begin - 1].container)) --found.begin;
    while (found.end < n_ && contains(box, page_.segments[found.end].container)) ++found.end;
    if (found.end - found.begin > w_.element_box_max_lines) return {};
    // Paragraphs in a row in it: an article goes on in the element (a "Read
    // more" expander, a blog's next post with its own related links).
    for (int k = found.begin; k < found.end; ++k) {
      if (paragraphs_from(k) >= w_.readalso_continue_paragraphs) return {};
    }
    return found;
  }

  // Container `outer` is `inner` or one of its ancestors.
  bool contains(int outer, int inner) const {
    const auto& c = page_.containers;
    while (inner >= 0 && c[inner].depth > c[outer].depth) inner = c[inner].parent;
    return inner == outer;
  }

  // The lines after a "read also" header that are not paragraphs (its box).
  int end_of_box(int header) const {
    int k = header + 1;
    for (int lines = 0; k < n_ && lines < w_.readalso_box_max_lines && !is_paragraph(k); ++k, ++lines) {
      if (end_marker_[k]) break;
    }
    return k;
  }

  // A "read also" header followed by a box of a few headline lines (or none:
  // a "Read more" expander left in the text), then the same article again
  // (readalso_continue_paragraphs body paragraphs in a row, no dateline in
  // the box). A headline in the box may end in a full stop and look like a
  // paragraph; the run of paragraphs after it tells the article apart. A
  // second article after the header starts with its headline and dateline,
  // or with a headline its first paragraph retells (heads_second_story), so
  // it does not resume.
  bool article_resumes_after_box(int header, int* box_end) const {
    const int needed = static_cast<int>(w_.readalso_continue_paragraphs);
    if (heads_second_story(header)) return false;
    for (int start = header + 1; start < n_ && start <= header + 1 + w_.readalso_box_max_lines; ++start) {
      if (f_[start].date_only || end_marker_[start]) return teaser_list_then_article(header, box_end);
      if (paragraphs_from(start) >= needed) {
        *box_end = start;
        return true;
      }
    }
    return false;
  }

  // The "read also" header sits over one headline and the paragraphs of the
  // story it names: a second article, not this one resuming.
  bool heads_second_story(int header) const {
    return header + 2 < n_ && !is_paragraph(header + 1) && is_paragraph(header + 2) &&
           tells_story_of(header + 1, header + 2);
  }

  // The paragraph at `para` opens the story the headline at `headline`
  // names: at least story_headline_share of the headline's words of three
  // letters or more come back in it ("Government unveils plan to support
  // farmers" / "The government on Monday unveiled a plan to support farmers
  // ..."). A related story's headline shares few words with the paragraph
  // the article resumes with.
  bool tells_story_of(int headline, int para) const {
    const std::string title = fold_key(page_.segments[headline].text);
    const std::string text = fold_key(page_.segments[para].text);
    int words = 0, shared = 0;
    for (std::string_view word : split_words(title)) {
      if (count_chars(word) < 3) continue;
      ++words;
      shared += has_word(text, word);
    }
    return words >= w_.story_headline_min_words && shared >= w_.story_headline_share * words;
  }

  // A "read also" box of several teasers, each a headline (and byline) over
  // its date, then the article's paragraphs again: two or more dates, each
  // under a short line, tell a list apart from one second article under its
  // own headline and dateline.
  bool teaser_list_then_article(int header, int* box_end) const {
    const int needed = static_cast<int>(w_.readalso_continue_paragraphs);
    int dates = 0;
    for (int k = header + 1; k < n_ && k <= header + w_.readalso_teaser_box_max_lines; ++k) {
      if (end_marker_[k]) return false;
      if (f_[k].date_only) {
        if (f_[k - 1].date_only || k == header + 1 || f_[k - 1].words > w_.readalso_teaser_line_max_words) return false;
        ++dates;
        continue;
      }
      if (is_paragraph(k)) {
        if (dates < 2 || paragraphs_from(k) < needed) return false;
        *box_end = k;
        return true;
      }
      if (f_[k].words > w_.readalso_teaser_line_max_words) return false;
    }
    return false;
  }

  // How many paragraphs in a row start at `k` (up to readalso_continue_paragraphs).
  int paragraphs_from(int k) const {
    int paragraphs = 0;
    for (; k < n_ && paragraphs < w_.readalso_continue_paragraphs && is_paragraph(k); ++k) ++paragraphs;
    return paragraphs;
  }

  bool is_paragraph(int i) const {
    return hard_[i].empty() && f_[i].terminal_punct && f_[i].words >= 10 && d_[i].score > w_.paragraph_min_score;
  }

  void decide_inside_region() {
    for (int i = 0; i < n_; ++i) {
      if (!d_[i].rule.empty()) continue;  // already cut
      if (i < region_.begin || i >= region_.end) { d_[i].rule = hard_[i].empty() ? "outside-article" : hard_[i]; continue; }
      if (!hard_[i].empty()) { d_[i].rule = hard_[i]; continue; }
      if (d_[i].score > w_.keep_threshold) { d_[i].keep = true; d_[i].rule = "body"; }
    }
    drop_short_runs();
    keep_tables_in_article();
    drop_teaser_tail();
    drop_heading_runs();
    keep_sandwiched();
    keep_headings_over_prose();
    keep_lists_between_prose();
    keep_lists_after_colon();
    keep_numbered_lists();
    keep_counters_in_kept_lists();
    keep_unlinked_inside_article();
    drop_teasers_set_aside();
    for (int i = region_.begin; i < region_.end; ++i) {
      if (d_[i].rule.empty()) d_[i].rule = "weak";
    }
  }

  // HTML: between the first and the last block the article keeps, a block
  // that is mostly not links and carries no chrome class hint is part of the
  // article however it scores: a formula, a mail header, a price, an address,
  // a label over a table. The region and the hard chrome rules have already
  // had their say; what is left there is text the page shows inside the body.
  void keep_unlinked_inside_article() {
    if (!html_) return;
    int first = -1, last = -1;
    for (int i = region_.begin; i < region_.end; ++i) {
      if (!d_[i].keep) continue;
      if (first < 0) first = i;
      last = i;
    }
    for (int i = first + 1; i < last; ++i) {
      if (!d_[i].rule.empty() || page_.segments[i].hint_neg < 0) continue;
      if (f_[i].link_density > w_.inside_article_max_link_density) continue;
      d_[i].keep = true;
      d_[i].rule = "inside-article";
    }
  }

  // Text: a run of teasers the region search set aside that still sits
  // inside the article's span is no part of it.
  void drop_teasers_set_aside() {
    if (!teasers_set_aside_) return;
    for (int i = region_.begin; i < region_.end; ++i) {
      if (!teaser_run_[i]) continue;
      d_[i].keep = false;
      d_[i].rule = "teaser-list";
    }
  }

  // Menus, tag clouds and lists of headlines: many short lines in a row.
  void drop_short_runs() {
    int i = region_.begin;
    while (i < region_.end) {
      if (!in_short_run(i)) { ++i; continue; }
      int j = i;
      while (j < region_.end && (in_short_run(j) || !hard_[j].empty())) ++j;
      int shorts = 0;
      for (int k = i; k < j; ++k) shorts += hard_[k].empty();
      if (shorts >= w_.short_run_min) {
        for (int k = i; k < j; ++k) {
          if (hard_[k].empty()) { d_[k].keep = false; d_[k].rule = "short-run"; }
        }
      }
      i = j;
    }
  }

  // Text: a table next to the article's paragraphs is the article's.
  void keep_tables_in_article() {
    for (int i = region_.begin; i < region_.end;) {
      if (!table_cell_[i]) { ++i; continue; }
      int j = i;
      while (j < region_.end && table_cell_[j]) ++j;
      bool next_to_body = (i > region_.begin && prose_near(i - 1, -1)) || (j < region_.end && prose_near(j, +1));
      if (next_to_body) {
        for (int k = i; k < j; ++k) {
          if (in_box(k)) continue;  // a table inside a box goes with the box
          d_[k].keep = true;
          d_[k].rule = "table-cell";
        }
      }
      i = j;
    }
  }

  // Inside a "read also" box or a related/tags section within the article.
  bool in_box(int i) const {
    return hard_[i].rfind("read-also-box:", 0) == 0 || hard_[i].rfind("box-in-article:", 0) == 0;
  }

  // A kept prose line within two lines of `from`, looking in direction `step`.
  bool prose_near(int from, int step) const {
    for (int k = from, hops = 0; k >= region_.begin && k < region_.end && hops < 3; k += step, ++hops) {
      if (d_[k].keep && f_[k].terminal_punct && f_[k].words >= w_.short_words) return true;
    }
    return false;
  }

  // The region ends in a list of teasers: headline, one-sentence lead,
  // headline, lead ... (a "more news" list under the article, flattened).
  void drop_teaser_tail() {
    int end = region_.end;
    while (end > region_.begin && !d_[end - 1].keep) --end;
    int k = end, pairs = 0;
    while (k - 2 >= region_.begin) {
      if (is_teaser_lead(k - 1) && is_teaser_headline(k - 2)) {
        k -= 2;
        ++pairs;
      } else if (pairs >= w_.teaser_tail_min_pairs && !d_[k - 1].keep && is_short(k - 1)) {
        --k;  // a label between two lists of teasers ("Latest", "World")
      } else {
        break;
      }
    }
    if (pairs < w_.teaser_tail_min_pairs) return;
    for (int i = k; i < end; ++i) {
      d_[i].keep = false;
      d_[i].rule = "teaser-list";
    }
    region_.end = k;
  }

  // HTML: headings in a row with nothing under them ("Our latest stories":
  // a headline per teaser) are a list of links; an article's subheadings
  // each head some text.
  void drop_heading_runs() {
    if (!html_) return;
    int i = region_.begin;
    while (i < region_.end) {
      if (!is_headline_heading(i)) { ++i; continue; }
      int j = i;
      while (j < region_.end && is_headline_heading(j)) ++j;
      if (j - i >= w_.heading_run_min) {
        for (int k = i; k < j; ++k) {
          if (!d_[k].keep) continue;
          d_[k].keep = false;
          d_[k].rule = "heading-run";
        }
      }
      i = j;
    }
  }

  // A heading of headline length (old pages set whole paragraphs in <h4>).
  bool is_headline_heading(int i) const {
    return page_.segments[i].kind == "h" && f_[i].words <= w_.teaser_headline_max_words;
  }

  bool is_teaser_headline(int i) const {
    return hard_[i].empty() && !f_[i].terminal_punct && f_[i].words >= w_.teaser_headline_min_words &&
           f_[i].words <= w_.teaser_headline_max_words;
  }
  bool is_teaser_lead(int i) const {
    return hard_[i].empty() && f_[i].terminal_punct && f_[i].words <= w_.teaser_lead_max_words;
  }

  // Short lines that count towards a menu-like run. List items of an HTML
  // article with few links are the article's own lists, not menus.
  bool in_short_run(int i) const {
    if (!is_short(i) || !hard_[i].empty()) return false;
    const Segment& s = page_.segments[i];
    bool article_list = html_ && (s.kind == "li" || s.kind == "h") && f_[i].link_density < 0.3 && s.hint_neg == 0;
    return !article_list;
  }

  // "Tour dates:" / "You will need:" followed by a list: the list is the
  // article's, however short and unpunctuated its items.
  void keep_lists_after_colon() {
    // "Tour dates:" right after the last paragraph introduces the list even
    // though the region search stopped before it.
    const int next = region_.end;
    if (cut_rule_from_ < 0 && next > region_.begin && next < n_ && f_[next].colon_end && hard_[next].empty() &&
        f_[next].phrase.role == PhraseRole::kNone && d_[next - 1].keep && d_[next].score > -w_.region_floor) {
      d_[next].keep = true;
      d_[next].rule = "list-intro";
    }
    // "What you'll need:" caught in a menu-like run of short lines still
    // introduces the kept list right under it.
    for (int i = region_.begin; i + 1 < region_.end; ++i) {
      if (!d_[i].keep && d_[i].rule == "short-run" && f_[i].colon_end && f_[i].link_density == 0 &&
          f_[i].phrase.role == PhraseRole::kNone && d_[i + 1].keep) {
        d_[i].keep = true;
        d_[i].rule = "list-intro";
      }
    }
    for (int i = region_.begin; i < n_; ++i) {
      if (!d_[i].keep || !f_[i].colon_end) continue;
      int k = i + 1;
      for (int items = 0; k < n_ && items < w_.colon_list_max_items; ++k, ++items) {
        const bool dated = is_dated_list_item(k, i);
        // An item kept on its own merit is still one of the list's items;
        // a paragraph of prose is past the list.
        if (d_[k].keep && !f_[k].terminal_punct && f_[k].words <= w_.readalso_teaser_line_max_words) continue;
        if ((!hard_[k].empty() && !dated) || f_[k].phrase.role != PhraseRole::kNone || d_[k].keep) break;
        if (d_[k].rule.rfind("after-", 0) == 0 || (d_[k].score < -w_.region_soft_floor * 2 && !dated)) break;
        if (f_[k].words < 2) break;
        d_[k].keep = true;
        d_[k].rule = "list-after-colon";
      }
      if (k > region_.end && cut_rule_from_ < 0) region_.end = k;
    }
  }

  // "1) ...", "2) ...", "3) ..." from the article on: a numbered list that
  // opens at a kept line (or right under one) is the article's as long as
  // its numbers count up, with what stands between two items (a link, a
  // price: at most numbered_list_max_between lines) and as much after the
  // last item as after the others. A list of headlines elsewhere on the page
  // does not open at the article.
  void keep_numbered_lists() {
    for (int i = std::max(region_.begin, 1); i < n_; ++i) {
      if (f_[i].item_number != 1 || !(d_[i].keep || d_[i - 1].keep)) continue;
      std::vector<int> items{i};
      while (true) {
        const int next = next_numbered_item(items.back());
        if (next < 0) break;
        items.push_back(next);
      }
      if (static_cast<int>(items.size()) < w_.numbered_list_min_items) continue;
      // What follows the last item: as many lines as after the one before.
      const int tail = items.back() - items[items.size() - 2] - 1;
      int end = items.back() + 1;
      while (end < n_ && end <= items.back() + tail && can_join_numbered_list(end) && f_[end].item_number == 0) ++end;
      for (int k = i; k < end; ++k) {
        // An item's own number may read as a count or a date ("2- Days of
        // ..."): in the list it is the item's number.
        const bool numbered = f_[k].item_number > 0 && (hard_[k] == "counter" || hard_[k] == "date-only");
        if (d_[k].keep || (!hard_[k].empty() && !numbered) || f_[k].phrase.role != PhraseRole::kNone) continue;
        d_[k].keep = true;
        d_[k].rule = "numbered-list";
      }
      // Prose right under the list goes on with the article.
      while (end < n_ && end >= region_.end && d_[end].rule == "outside-article" && is_paragraph(end)) {
        d_[end].keep = true;
        d_[end].rule = "prose-after-list";
        ++end;
      }
      if (end > region_.end && cut_rule_from_ < 0) region_.end = end;
      i = end - 1;
    }
  }

  // The line of item (number of `item`) + 1, same mark, within
  // numbered_list_max_between lines; -1 when the count stops there.
  int next_numbered_item(int item) const {
    for (int k = item + 1; k < n_ && k <= item + 1 + w_.numbered_list_max_between; ++k) {
      if (!can_join_numbered_list(k)) return -1;
      if (f_[k].item_number == 0) continue;
      return f_[k].item_number == f_[item].item_number + 1 && f_[k].item_mark == f_[item].item_mark ? k : -1;
    }
    return -1;
  }

  // Past a cut or at an end marker, no list goes on.
  bool can_join_numbered_list(int k) const {
    return d_[k].rule.rfind("after-", 0) != 0 && f_[k].phrase.role != PhraseRole::kEnd;
  }

  // "July 2 -- Mohegan Sun Arena, Uncasville, CT" in a list of tour dates
  // reads as a dateline (month, number, "Sun"), but it is an item: more than
  // a date, and it starts like its neighbour in the list (month, number).
  bool is_dated_list_item(int k, int intro) const {
    if (hard_[k] != "date-only" || f_[k].pure_date || f_[k].lead_shape == 0) return false;
    const bool like_previous = k - 1 > intro && d_[k - 1].keep && f_[k - 1].lead_shape == f_[k].lead_shape;
    const bool like_next = k + 1 < n_ && hard_[k + 1].empty() && f_[k + 1].lead_shape == f_[k].lead_shape;
    return like_previous || like_next;
  }

  // HTML: "1 tsp cinnamon" reads like a "12 Comments" counter, but in a list
  // whose other items are kept ("2 kg ripe plums, stoned") it is an item of
  // the article's list. A list of nothing but counters (stats, vote counts)
  // stays out.
  void keep_counters_in_kept_lists() {
    if (!html_) return;
    int i = region_.begin;
    while (i < region_.end) {
      if (page_.segments[i].kind != "li") { ++i; continue; }
      const int j = list_end(i);
      bool kept_item = false;
      for (int k = i; k < j; ++k) kept_item |= d_[k].keep;
      for (int k = i; kept_item && k < j; ++k) {
        if (hard_[k] == "counter" && f_[k].link_density == 0) { d_[k].keep = true; d_[k].rule = "list-item"; }
      }
      i = j;
    }
  }

  // HTML: a list inside the article, between kept prose, of items that are
  // text rather than links: the article's own list, however short its items.
  // Text: the lists mark_framed_lists found, between kept paragraphs.
  void keep_lists_between_prose() {
    if (!html_) { keep_framed_lists(); return; }
    for (int i = region_.begin; i < region_.end;) {
      if (page_.segments[i].kind != "li") { ++i; continue; }
      const int j = list_end(i);
      double links = 0;
      bool all_open = true;
      for (int k = i; k < j; ++k) {
        links += f_[k].link_density;
        all_open &= d_[k].keep || d_[k].rule.empty();
      }
      const bool framed = i > region_.begin && j < region_.end && d_[i - 1].keep && d_[j].keep &&
                          (f_[i - 1].terminal_punct || f_[i - 1].colon_end) && f_[j].terminal_punct;
      if (all_open && framed && links / (j - i) < w_.list_max_link_density) {
        for (int k = i; k < j; ++k) {
          if (!d_[k].keep && hard_[k].empty()) { d_[k].keep = true; d_[k].rule = "list-item"; }
        }
      }
      i = j;
    }
  }

  // A framed list whose paragraphs on both sides were kept keeps its intro
  // and items.
  void keep_framed_lists() {
    for (int i = std::max(region_.begin, 1); i < region_.end;) {
      if (!in_framed_list_[i]) { ++i; continue; }
      int j = i;
      while (j < region_.end && in_framed_list_[j]) ++j;
      if (d_[i - 1].keep && j < region_.end && d_[j].keep) {
        for (int k = i; k < j; ++k) {
          if (!d_[k].keep && hard_[k].empty()) { d_[k].keep = true; d_[k].rule = "list-item"; }
        }
      }
      i = j;
    }
  }

  // Past the last item, inside the region, of the list whose item `first` is.
  int list_end(int first) const {
    int j = first;
    while (j < region_.end && page_.segments[j].kind == "li" && list_of(j) == list_of(first)) ++j;
    return j;
  }

  // The list element a list item's block belongs to (its container's parent).
  int list_of(int i) const {
    const int c = page_.segments[i].container;
    return c >= 0 ? page_.containers[c].parent : -1;
  }

  // A weak line between body lines is a subheading or a short paragraph.
  void keep_sandwiched() {
    for (int i = region_.begin; i < region_.end; ++i) {
      if (!d_[i].rule.empty()) continue;
      if (d_[i].score < -w_.region_floor) continue;
      const Segment& s = page_.segments[i];
      if (s.hint_neg < 0 || s.kind == "caption") continue;  // marked up as chrome
      bool before = nearest_kept(i, -1), after = nearest_kept(i, +1);
      if (before && after) { d_[i].keep = true; d_[i].rule = is_short(i) ? "subheading" : "between-body"; }
    }
  }

  // HTML and Markdown (scraped text marks no headings): a heading inside
  // the article right above a kept paragraph of prose titles that section,
  // however short or odd its words ("UREMIC BLEEDING", "Nature of the Work").
  void keep_headings_over_prose() {
    for (int i = region_.begin; i + 1 < region_.end; ++i) {
      const Segment& s = page_.segments[i];
      if (!d_[i].rule.empty() || s.heading_level < 1 || s.hint_neg < 0 || d_[i].score < -w_.region_floor) continue;
      if (d_[i + 1].keep && d_[i + 1].rule == "body" && f_[i + 1].terminal_punct) {
        d_[i].keep = true;
        d_[i].rule = "subheading";
      }
    }
  }

  bool nearest_kept(int i, int step) const {
    for (int k = i + step, hops = 0; k >= region_.begin && k < region_.end && hops < 3; k += step, ++hops) {
      if (d_[k].keep && d_[k].rule == "body") {
        // Only prose vouches for its neighbours; teaser lines do not.
        return f_[k].terminal_punct || d_[k].score >= w_.sandwich_min_score;
      }
      if (!d_[k].rule.empty() && d_[k].rule != "subheading") return false;
    }
    return false;
  }

  // The same label twice in a row among the kept ones (a photo's caption in
  // the figure and again in a lightbox, a headline in two templates): the
  // reader sees it once. Sentences may repeat on purpose (a refrain, a
  // pulled quote) and table cells do ("0", "0"), so only unpunctuated lines
  // of repeated_label_min_words to repeated_label_max_words words count.
  void drop_repeated_neighbours() {
    int previous = -1;
    for (int i = 0; i < n_; ++i) {
      if (!d_[i].keep) continue;
      const bool label = !f_[i].terminal_punct && f_[i].words >= w_.repeated_label_min_words &&
                         f_[i].words <= w_.repeated_label_max_words &&
                         !table_cell_[i] && page_.segments[i].kind != "td";
      if (label && previous >= 0 && page_.segments[i].text == page_.segments[previous].text) {
        d_[i].keep = false;
        d_[i].rule = "repeats-previous";
        continue;
      }
      previous = i;
    }
  }

  // HTML: a paragraph that is one link of a headline's length and no
  // sentence ("SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'") points
  // to another story. Decided after the region search, where such lines
  // between two posts of a blog page must not split it.
  void drop_linked_headlines() {
    if (!html_) return;
    for (int i = 0; i < n_; ++i) {
      if (d_[i].keep && page_.segments[i].is_paragraph_tag && !f_[i].terminal_punct &&
          f_[i].link_density >= w_.linked_headline_min_link_density && f_[i].words >= w_.linked_headline_min_words) {
        drop_as(i, "linked-headline");
      }
    }
  }

  // HTML: the publisher marks the body (itemprop=articleBody); kept lines
  // before it that are no sentence and no heading belong to the article's
  // header: the lead photo's caption, the byline ("حسام أبو العلا - القاهرة").
  void drop_header_lines_before_stated_body() {
    if (!html_) return;
    int first = 0;
    while (first < n_ && !page_.segments[first].in_stated_body) ++first;
    if (first == n_) return;
    for (int i = 0; i < first; ++i) {
      if (d_[i].keep && !f_[i].terminal_punct && page_.segments[i].kind != "h") drop_as(i, "before-stated-body");
    }
  }

  // The same above the body the page's JSON-LD states (articleBody), for
  // lines that are not part of it and come before any kept sentence (a
  // stated body may leave out the lists and tables of the story).
  void drop_header_lines_before_declared_body() {
    if (!html_) return;
    int first = 0;
    while (first < n_ && !page_.segments[first].in_declared_body &&
           !(d_[first].keep && f_[first].terminal_punct && f_[first].words >= w_.short_words))
      ++first;
    if (first == n_ || !page_.segments[first].in_declared_body) return;
    for (int i = 0; i < first; ++i) {
      if (d_[i].keep && page_.segments[i].outside_declared_body && !f_[i].terminal_punct &&
          page_.segments[i].kind != "h")
        drop_as(i, "before-declared-body");
    }
  }

  // The article's last kept blocks are its author's bio ("Phil Helsel is a
  // reporter for NBC News.") and the name line above it: an author box that
  // no class or header announced. Only at the end: a story may well be about
  // a reporter.
  void drop_trailing_author_bios() {
    int i = last_kept_before(n_);
    while (i >= 0) {
      // A bio that opens with the job counts only right under its name's line.
      const bool named_job = f_[i].job_first && i > 0 && is_name_line(i - 1);
      if (!f_[i].author_bio && !named_job) break;
      drop_as(i, "author-bio");
      const int above = last_kept_before(i);
      if (named_job && d_[i - 1].keep) drop_as(i - 1, "author-bio");
      else if (above >= 0 && names_bio(above, i)) drop_as(above, "author-bio");
      i = last_kept_before(i);
    }
  }

  bool is_name_line(int i) const {
    return f_[i].words >= 2 && f_[i].words <= w_.bio_name_max_words && !f_[i].terminal_punct && !f_[i].colon_end &&
           f_[i].phrase.role == PhraseRole::kNone;
  }

  // A short line without punctuation that the bio at `bio` starts with: the author's name.
  bool names_bio(int name, int bio) const {
    if (f_[name].words > w_.bio_name_max_words || f_[name].terminal_punct) return false;
    const std::string& line = page_.segments[name].text;
    const std::string_view first_word = std::string_view(line).substr(0, line.find(' '));
    return page_.segments[bio].text.rfind(first_word, 0) == 0;
  }

  int last_kept_before(int end) const {
    for (int k = end - 1; k >= 0; --k) if (d_[k].keep) return k;
    return -1;
  }

  void drop_as(int i, const char* rule) {
    d_[i].keep = false;
    d_[i].rule = rule;
  }

  // Pages that are not articles (link directories, listings, tables of
  // contents) leave almost nothing kept. Then everything that is neither
  // hard chrome nor mostly links is the page's content.
  void fall_back_when_no_article() {
    int kept_words = 0, page_words = 0;
    for (int i = 0; i < n_; ++i) {
      if (d_[i].keep) kept_words += f_[i].words;
      if (hard_[i].empty()) page_words += f_[i].words;
    }
    // Flattened text carries every menu line of the page, so a short article
    // is a small share of it: there only an (almost) empty result falls back.
    const bool small_share = html_ && kept_words < w_.fallback_share * page_words;
    if (kept_words >= w_.fallback_min_words && !small_share) return;
    const double min_score = html_ ? w_.fallback_html_min_score : w_.fallback_min_score;
    const double max_link_density = html_ ? w_.fallback_html_max_link_density : w_.fallback_max_link_density;
    const int end = fallback_end();
    for (int i = 0; i < end; ++i) {
      if (d_[i].keep || !hard_[i].empty() || d_[i].rule.rfind("after-", 0) == 0) continue;
      if (d_[i].score > min_score && f_[i].link_density < max_link_density &&
          page_.segments[i].hint_neg == 0) {
        d_[i].keep = true;
        d_[i].rule = "fallback-no-article";
      }
    }
  }

  // Where a page without an article ends: at the first end marker ("Tags",
  // "Comments") after the first line kept, or the page's end.
  int fallback_end() const {
    int first = region_.begin;
    for (int i = 0; i < n_; ++i) if (d_[i].keep) { first = i; break; }
    for (int i = first + 1; i < n_; ++i) if (end_marker_[i]) return i;
    return n_;
  }

  // HTML: a heading (not the page's h1) right above the first body block
  // titles the article or its first section.
  void keep_heading_before_body() {
    int first = -1;
    for (int i = 0; i < n_; ++i) if (d_[i].keep) { first = i; break; }
    if (first <= 0) return;
    const Segment& s = page_.segments[first - 1];
    if (s.heading_level >= 1 && hard_[first - 1].empty() && s.hint_neg == 0 &&
        d_[first - 1].rule.rfind("after-", 0) != 0) {
      d_[first - 1].keep = true;
      d_[first - 1].rule = "heading-before-body";
    }
  }

  // Scraped text starts with the headline: a title-like line right before
  // the first body line.
  void keep_headline() {
    if (html_) { keep_heading_before_body(); return; }
    int first = -1;
    for (int i = 0; i < n_; ++i) if (d_[i].keep) { first = i; break; }
    if (first <= 0) return;
    keep_title_before(first, "headline");
    // Each further record of a page of records has its own title.
    for (int start : record_starts_) {
      if (start > first && d_[start].keep) keep_title_before(start, "record-title");
    }
  }

  // A title-like line right above the body line `body` (datelines, bylines
  // and "updated" lines may sit between them).
  void keep_title_before(int body, const char* rule) {
    int j = body - 1;
    for (int skipped = 0; j > 0 && skipped < 3 && !hard_[j].empty() &&
                          (f_[j].date_only || hard_[j].rfind("chrome-phrase", 0) == 0);
         ++skipped) {
      --j;
    }
    const Features& f = f_[j];
    if (d_[j].keep || !hard_[j].empty() || f.words < 3 || f.words > 30 || is_end_marker(f) ||
        f.phrase.role != PhraseRole::kNone || d_[j].score < -w_.region_floor) {
      return;
    }
    if (f.terminal_punct && f.words > 20) return;
    if (j < body - 1 && headline_above_dateline(j)) j -= 2;
    d_[j].keep = true;
    d_[j].rule = rule;
  }

  // News pages print the headline above its dateline; a title-like line
  // right under the dateline (above the byline) is a photo's caption or a
  // standfirst ("الدكتور محمد عبد العاطي وزير الموارد المائية والري" under
  // "الإثنين، 24 أغسطس 2020 09:23 ص"; "Above: A WeWork coworking space in
  // San Francisco."). The line above the dateline is the headline when it is
  // no chrome, has no sentence end and at least as many words (a caption of
  // the same page is shorter than its headline more often than not). The
  // caller asks only when a byline or other chrome sits between the line and
  // the body: a blog prints the day's date above a post's title, right on
  // top of its text.
  bool headline_above_dateline(int j) const {
    if (j < 2 || !f_[j - 1].date_only) return false;
    const Features& above = f_[j - 2];
    return hard_[j - 2].empty() && !d_[j - 2].keep && above.words >= f_[j].words && above.words <= 30 &&
           !above.terminal_punct && above.phrase.role == PhraseRole::kNone;
  }

  const Page& page_;
  const std::vector<Features>& f_;
  bool html_;
  const Weights& w_;
  int n_;
  std::vector<Decision> d_;
  std::vector<std::string> hard_;
  std::vector<std::string_view> end_hint_;  // HTML: the end-section hint over the block (in its hint_names), or ""
  std::vector<bool> in_resumed_box_;   // a "read also" box the article resumes after
  std::vector<bool> in_widget_run_;    // a widget's second and later lines between prose (mark_widget_runs)
  std::vector<bool> box_line_;         // a widget box's header or button (Lexicon::is_widget_phrase)
  std::vector<bool> in_framed_list_;    // a list (its intro and items) between paragraphs (mark_framed_lists)
  std::vector<bool> pointer_run_head_;  // the first line of a run of pointers between paragraphs (mark_pointer_runs)
  std::vector<bool> in_pointer_run_;    // its second and later lines
  std::vector<bool> box_head_;         // the first line of a widget box between prose (mark_widget_runs)
  std::vector<int> record_starts_;      // text: first paragraphs of the records the region grew over
  std::vector<bool> in_thread_;        // HTML: the block is under a comment-thread hint
  std::vector<bool> end_marker_;       // the line ends the article (is_end_marker, or an "About <name>" box)
  std::vector<bool> teaser_run_;       // text: a line of a run of (headline, lead) pairs (mark_teaser_runs)
  bool teasers_set_aside_ = false;     // text: the region was found without the teaser runs
  std::vector<bool> table_cell_;       // text: the line is a cell of a table flattened one cell a line
  Span region_;
  std::string region_why_;  // how region_ was found, for --explain
  int cut_rule_from_ = -1;
};

}  // namespace

double segment_score(const Segment& seg, const Features& f, const Weights& w, bool language_known,
                     std::string* terms) {
  double total = 0;
  auto term = [&](const char* name, double v) { total += v; add_term(terms, name, v); };
  term("len", clamp((f.words - w.len_pivot) / w.len_scale, w.len_min, w.len_max));
  if (language_known) {
    double scale = std::min(f.words, 20) / 20.0;
    term("stop", clamp((f.stop_density - w.stop_pivot) * w.stop_gain, w.stop_min, w.stop_max) * scale);
  }
  if (f.terminal_punct) term("punct", w.terminal_punct);
  if (f.colon_end) term("colon", w.colon_end);
  if (f.commas > 0 && f.words >= 8) term("commas", w.comma_bonus);
  if (f.symbol_share > w.symbol_share_pivot) term("symbols", -w.symbol_share_penalty);
  if (f.urls) term("urls", -w.url_penalty * f.urls);
  if (f.handles) term("handles", -w.handle_penalty * f.handles);
  if (f.hashtags) term("hashtags", -w.hashtag_penalty * f.hashtags);
  if (f.date_only) term("date", -w.date_only_penalty);
  if (f.counter) term("counter", -w.counter_penalty);
  if (f.bullet) term("bullet", -w.bullet_penalty);
  if (f.tweet_signature) term("tweet", -w.tweet_signature_penalty);
  if (f.link_card) term("linkcard", -w.link_card_penalty);
  if (f.teaser) term("teaser", -w.teaser_penalty);
  if (f.phrase.role == PhraseRole::kChrome) term("phrase", -w.chrome_phrase_penalty);
  if (f.link_density > w.link_density_pivot) {
    term("links", -w.link_density_penalty * (f.link_density - w.link_density_pivot) / (1 - w.link_density_pivot));
  }
  if (seg.kind == "caption") term("caption", -w.caption_penalty);
  if (seg.hint_pos) term("hint+", std::min<double>(seg.hint_pos, w.hint_max) * w.hint_gain);
  if (seg.hint_neg) {
    // Long prose keeps most of its score in a chrome-named container: class
    // names are guesses by the page's authors, a paragraph of sentences is not.
    bool prose = f.words >= w.prose_min_words && f.terminal_punct && f.stop_density >= w.stop_pivot * 2;
    double gain = prose ? w.prose_hint_gain : 1.0;
    term("hint-", std::max<double>(seg.hint_neg, w.hint_min) * w.hint_gain * gain);
  }
  if (f.breadcrumb) term("breadcrumb", -w.breadcrumb_penalty);
  if (seg.in_article) term("article", w.in_article_bonus);
  if (seg.in_declared_body) term("declared", w.declared_body_bonus);
  if (seg.outside_declared_body && !seg.heading_level) term("undeclared", -w.declared_body_miss);
  if (seg.heading_level) term("heading", w.heading_bonus);
  if (seg.is_paragraph_tag) term("p", w.paragraph_tag_bonus);
  return total;
}

std::vector<Decision> classify(const Page& page, const std::vector<Features>& features, bool html,
                               bool language_known, const Lexicon& lexicon, std::string* region_why) {
  return Classifier(page, features, html, language_known, lexicon).run(region_why);
}

bool ignore_page_wide_negative_hints(Page& page, const Weights& weights) {
  std::size_t total = 0, hinted = 0;
  for (const Segment& s : page.segments) {
    total += s.text.size();
    if (s.hint_neg < 0) hinted += s.text.size();
  }
  if (total == 0 || hinted == 0 || hinted < weights.uninformative_hint_share * total) return false;
  for (Segment& s : page.segments) {
    if (s.hint_neg == 0) continue;
    s.hint_neg = 0;
    s.hint_names += " (negative hints ignored: they cover the whole page)";
  }
  return true;
}

bool kept_almost_nothing(const std::vector<Decision>& decisions, const std::vector<Features>& features,
                         const Weights& weights) {
  int kept_words = 0;
  for (std::size_t i = 0; i < decisions.size(); ++i) {
    if (decisions[i].keep) kept_words += features[i].words;
  }
  return kept_words < weights.fallback_min_words;
}

}  // namespace winnow::internal
