#include "batch/outcome_sinks.h"

#include "batch/jsonl.h"

namespace winnow::batch {

OutputSink::OutputSink(ProgressLine& progress, ReportWriter& report, RecordOutput* records, bool quiet,
                       bool records_from_json_lines)
    : progress_(progress),
      report_(report),
      records_(records),
      quiet_(quiet),
      records_from_json_lines_(records_from_json_lines) {}

void OutputSink::accept(DocOutcome& outcome) {
  report_.add(outcome);
  if (outcome.status == DocStatus::kFailed && !quiet_)
    progress_.print("winnow: " + outcome.name + ": " + outcome.reason + "\n");
  if (records_ == nullptr) {
    if (!outcome.stream_text.empty()) progress_.print(outcome.stream_text);
    return;
  }
  if (outcome.stream_text.empty() && outcome.status == DocStatus::kFailed)
    outcome.stream_text = render_failed_record(RecordIdentity{records_from_json_lines_, outcome.name, "null", ""},
                                               outcome.reason);
  records_->write(outcome.stream_text);
}

bool OutputSink::wants_stop() const { return records_ != nullptr && (records_->closed() || !records_->error().empty()); }

LearningSink::LearningSink(RepeatLearner& learner, bool groups_in_order)
    : learner_(learner), groups_in_order_(groups_in_order) {}

void LearningSink::accept(DocOutcome& outcome) {
  if (groups_in_order_ && current_group_ && *current_group_ != outcome.group) learner_.finish_group(*current_group_);
  current_group_ = outcome.group;
  learner_.add(outcome.group, std::move(outcome.block_keys));
}

}  // namespace winnow::batch
