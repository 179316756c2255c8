// What the main thread does with each outcome, in input order:
//   OutputSink    report row, JSON line or --explain listing, failure note
//   LearningSink  --learn-repeats' first pass: feeds the RepeatLearner
#pragma once

#include "batch/doc_job.h"
#include "batch/learn_repeats.h"
#include "batch/progress.h"
#include "batch/record_output.h"
#include "batch/report.h"

namespace winnow::batch {

class OutcomeSink {
 public:
  virtual ~OutcomeSink() = default;
  virtual void accept(DocOutcome& outcome) = 0;
  // True when the batch should stop (its output is gone).
  virtual bool wants_stop() const { return false; }
};

class OutputSink : public OutcomeSink {
 public:
  // `records` null in tree mode: then stream texts are --explain listings for stderr.
  OutputSink(ProgressLine& progress, ReportWriter& report, RecordOutput* records, bool quiet,
             bool records_from_json_lines);
  void accept(DocOutcome& outcome) override;
  bool wants_stop() const override;

 private:
  ProgressLine& progress_;
  ReportWriter& report_;
  RecordOutput* records_;
  bool quiet_;
  bool records_from_json_lines_;
};

class LearningSink : public OutcomeSink {
 public:
  // `groups_in_order`: a group's documents all come together (tree walk),
  // so each group is learned as soon as the next begins.
  LearningSink(RepeatLearner& learner, bool groups_in_order);
  void accept(DocOutcome& outcome) override;

 private:
  RepeatLearner& learner_;
  bool groups_in_order_;
  std::optional<std::string> current_group_;
};

}  // namespace winnow::batch
