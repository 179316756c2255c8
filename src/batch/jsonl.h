// JSON lines: the records winnow writes with --format jsonl and the ones it
// reads with --input-format jsonl.
//
// Written, one a line, in this field order:
//   schema_version  winnow::kJsonSchemaVersion
//   path            raw input: the file (relative to IN_DIR with -r)
//   id, source      JSON lines input: the record's --id-field value (null
//                   when absent) and "FILE:LINE" where it was read
//   url             the record's --url-field, else the page's canonical URL
//   status          "ok", "empty" (no article found) or "failed"
//   error           failed only: why
//   title, language, text, counts {blocks, kept}
//   blocks          with --explain: every block's kind, keep, score, rule, text
#pragma once

#include <string>
#include <string_view>

#include "batch/doc_job.h"
#include "winnow.h"

namespace winnow::batch {

struct RecordFields {
  std::string html = "html";
  std::string id = "id";
  std::string url = "url";
};

struct InputRecord {
  bool ok = false;
  std::string document;         // the --html-field string
  std::string id_json = "null"; // the --id-field value as JSON text
  std::string url;              // the --url-field string, "" when absent
  std::string error;
};

InputRecord parse_input_record(std::string_view line, const RecordFields& fields);

// Who a written record is about.
struct RecordIdentity {
  bool from_json_line = false;
  std::string name;              // path, or "FILE:LINE" for JSON lines input
  std::string id_json = "null";
  std::string url;
};

std::string render_record(const RecordIdentity& who, const Result& result, DocStatus status, bool with_blocks);
std::string render_failed_record(const RecordIdentity& who, const std::string& error);

// "https://www.Example.com:8080/a" -> "www.example.com"; "" when not a URL.
std::string url_host(std::string_view url);

}  // namespace winnow::batch
