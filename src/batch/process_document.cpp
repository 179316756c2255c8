#include "batch/process_document.h"

#include "batch/document_reader.h"
#include "batch/learn_repeats.h"
#include "unicode_text.h"

namespace winnow::batch {
namespace {

// The document's bytes, identity and group, or why they cannot be had.
struct LoadedDocument {
  bool ok = false;
  std::string bytes;
  RecordIdentity identity;
  std::string group;
  std::string error;
  std::optional<FileId> file_id;  // of a document read from a file
};

LoadedDocument load(const DocJob& job, const DocumentSettings& settings) {
  LoadedDocument loaded;
  loaded.identity.from_json_line = job.json_line;
  loaded.identity.name = job.name;
  loaded.group = job.group;
  if (job.json_line) {
    InputRecord record = parse_input_record(job.bytes, settings.fields);
    loaded.identity.id_json = record.id_json;
    loaded.identity.url = record.url;
    loaded.group = url_host(record.url);
    loaded.error = record.error;
    loaded.bytes = std::move(record.document);
    loaded.ok = record.ok;
    return loaded;
  }
  if (job.source_path.empty()) {
    loaded.bytes = job.bytes;
    loaded.ok = true;
    return loaded;
  }
  ReadDocument read = read_document(job.source_path, settings.max_bytes);
  loaded.ok = read.ok;
  loaded.error = std::move(read.error);
  loaded.bytes = std::move(read.bytes);
  loaded.file_id = read.id;
  return loaded;
}

std::string status_error(const Result& result) {
  if (!result.error.empty()) return result.error;
  switch (result.status) {
    case Status::kTooLarge: return "input is over --max-bytes";
    case Status::kBinary: return "binary input, not a text document";
    case Status::kBadEncoding: return "unknown encoding";
    case Status::kOk: break;
  }
  return "unexpected status";
}

DocOutcome outcome_head(const DocJob& job) {
  DocOutcome outcome;
  outcome.seq = job.seq;
  outcome.name = job.name;
  outcome.group = job.group;
  outcome.input_bytes = job.input_bytes;
  outcome.reason = job.note;
  return outcome;
}

DocOutcome fail(const DocJob& job, const RecordIdentity& identity, std::string reason, bool records) {
  DocOutcome outcome = failed_outcome(job, std::move(reason));
  if (records) outcome.stream_text = render_failed_record(identity, outcome.reason);
  return outcome;
}

bool is_tree_mode(const DocumentSettings& settings) { return settings.tree != nullptr; }

// --resume: the output exists and is not older than the input.
bool skip_as_current(const DocJob& job, const DocumentSettings& settings, DocOutcome& outcome) {
  if (!settings.resume || !is_tree_mode(settings) || job.source_path.empty()) return false;
  std::uint64_t output_bytes = 0;
  if (!output_is_current(settings.tree->path_of(job.output_dir, job.output_name), job.source_path, output_bytes))
    return false;
  outcome.status = DocStatus::kSkipped;
  outcome.output_bytes = output_bytes;
  outcome.reason = "output is up to date (--resume)";
  return true;
}

// `body` is result.text(), made once (render_text without a title is it).
std::string tree_output(const Result& result, std::string body, const DocumentSettings& settings) {
  if (settings.format == "json") return render_json(result, settings.explain);
  if (body.empty()) return body;
  return settings.with_title ? render_text(result, true) : body;
}

}  // namespace

DocOutcome process_document(const DocJob& job, const DocumentSettings& settings, GroupExtractors& extractors) {
  const bool records = !is_tree_mode(settings);
  RecordIdentity identity{job.json_line, job.name, "null", ""};
  if (job.not_followed) {
    DocOutcome outcome = outcome_head(job);
    outcome.status = DocStatus::kSkipped;
    outcome.reason = job.failure;
    return outcome;
  }
  if (!job.failure.empty()) return fail(job, identity, job.failure, records);
  DocOutcome outcome = outcome_head(job);
  if (skip_as_current(job, settings, outcome)) return outcome;

  LoadedDocument loaded = load(job, settings);
  if (!loaded.ok) return fail(job, loaded.identity, loaded.error, records);
  outcome.group = loaded.group;
  const Result result = extractors.for_group(loaded.group)->extract(loaded.bytes);
  if (result.status != Status::kOk) return fail(job, loaded.identity, status_error(result), records);

  std::string body = result.text();
  const bool found = !body.empty();
  outcome.status = found ? DocStatus::kOk : DocStatus::kEmpty;
  outcome.language = result.language;
  outcome.title = internal::collapse_whitespace(result.title);
  if (records) {
    outcome.stream_text = render_record(loaded.identity, result, outcome.status, settings.explain);
    outcome.output_bytes = outcome.stream_text.size();
    return outcome;
  }
  outcome.pending_output = tree_output(result, std::move(body), settings);
  outcome.has_pending_output = true;
  outcome.output_bytes = outcome.pending_output.size();
  outcome.output_dir = job.output_dir;
  outcome.output_name = job.output_name;
  outcome.input_id = loaded.file_id;
  if (settings.explain && settings.format != "json")
    outcome.stream_text = "== " + job.name + "\n" + render_explain(result);
  return outcome;
}

void commit_document(DocOutcome& outcome, OutputTree& tree) {
  if (!outcome.has_pending_output) return;
  std::string error = tree.write(outcome.output_dir, outcome.output_name, outcome.pending_output, outcome.input_id);
  outcome.pending_output.clear();
  outcome.has_pending_output = false;
  if (error.empty()) return;
  outcome.status = DocStatus::kFailed;
  outcome.reason = error;
  outcome.output_bytes = 0;
}

DocOutcome learn_from_document(const DocJob& job, const DocumentSettings& settings, GroupExtractors& extractors) {
  DocOutcome outcome = outcome_head(job);
  if (job.not_followed || !job.failure.empty()) return outcome;
  LoadedDocument loaded = load(job, settings);
  if (!loaded.ok) return outcome;
  outcome.group = loaded.group;
  const Result result = extractors.for_group(loaded.group)->extract(loaded.bytes);
  if (result.status == Status::kOk) outcome.block_keys = learning_keys(result);
  return outcome;
}

}  // namespace winnow::batch
