#include "batch/report.h"

namespace winnow::batch {
namespace {

constexpr std::size_t kFlushBytes = std::size_t{1} << 16;

std::string folder_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

std::string tsv_field(const std::string& text) {
  std::string field;
  field.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\': field += "\\\\"; break;
      case '\t': field += "\\t"; break;
      case '\n': field += "\\n"; break;
      case '\r': field += "\\r"; break;
      default: field += c;
    }
  }
  return field;
}

ReportWriter::ReportWriter(const std::string& path) : path_(path) {
  if (path_.empty()) return;
  std::string error;
  file_ = AtomicFile::create(folder_of(path_), error);
  if (!file_) {
    error_ = "cannot write report " + path_ + ": " + error;
    return;
  }
  append("path\tstatus\tinput_bytes\toutput_bytes\tlanguage\ttitle\treason\n");
}

void ReportWriter::append(const std::string& text) {
  pending_ += text;
  if (pending_.size() < kFlushBytes || !error_.empty()) return;
  std::string error;
  if (!file_->write(pending_, error)) error_ = "cannot write report " + path_ + ": " + error;
  pending_.clear();
}

void ReportWriter::add(const DocOutcome& outcome) {
  if (!file_) return;
  append(tsv_field(outcome.name) + "\t" + status_name(outcome.status) + "\t" + std::to_string(outcome.input_bytes) +
         "\t" + std::to_string(outcome.output_bytes) + "\t" + tsv_field(outcome.language) + "\t" +
         tsv_field(outcome.title) + "\t" + tsv_field(outcome.reason) + "\n");
}

std::string ReportWriter::finish() {
  if (!file_) return error_;
  std::string error;
  if (error_.empty() && !file_->write(pending_, error)) error_ = "cannot write report " + path_ + ": " + error;
  if (error_.empty() && !file_->commit(path_, error)) error_ = "cannot write report " + path_ + ": " + error;
  file_.reset();
  return error_;
}

}  // namespace winnow::batch
