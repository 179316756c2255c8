#include "batch/doc_job.h"

namespace winnow::batch {

const char* status_name(DocStatus status) {
  switch (status) {
    case DocStatus::kOk: return "ok";
    case DocStatus::kEmpty: return "empty";
    case DocStatus::kFailed: return "failed";
    case DocStatus::kSkipped: return "skipped";
  }
  return "failed";
}

DocOutcome failed_outcome(const DocJob& job, std::string reason) {
  DocOutcome outcome;
  outcome.seq = job.seq;
  outcome.name = job.name;
  outcome.group = job.group;
  outcome.status = DocStatus::kFailed;
  outcome.reason = std::move(reason);
  outcome.input_bytes = job.input_bytes;
  return outcome;
}

}  // namespace winnow::batch
