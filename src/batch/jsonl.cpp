#include "batch/jsonl.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <nlohmann/json.hpp>

#include "unicode_text.h"

namespace winnow::batch {
namespace {

using ordered_json = nlohmann::ordered_json;

ordered_json record_head(const RecordIdentity& who) {
  ordered_json record;
  record["schema_version"] = kJsonSchemaVersion;
  if (who.from_json_line) {
    record["id"] = ordered_json::parse(who.id_json, nullptr, false);
    if (record["id"].is_discarded()) record["id"] = nullptr;
    record["source"] = who.name;
  } else {
    record["path"] = who.name;
  }
  return record;
}

std::size_t count_kept(const Result& result) {
  return static_cast<std::size_t>(
      std::count_if(result.blocks.begin(), result.blocks.end(), [](const Block& b) { return b.keep; }));
}

ordered_json blocks_of(const Result& result) {
  ordered_json blocks = ordered_json::array();
  for (const Block& block : result.blocks) {
    blocks.push_back({{"kind", block.kind},
                      {"keep", block.keep},
                      {"score", std::round(block.score * 100.0) / 100.0},
                      {"rule", block.rule},
                      {"text", internal::collapse_whitespace(block.text)}});
  }
  return blocks;
}

std::string dump_line(const ordered_json& record) {
  return record.dump(-1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace

InputRecord parse_input_record(std::string_view line, const RecordFields& fields) {
  InputRecord parsed;
  nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
  if (record.is_discarded()) {
    parsed.error = "invalid JSON";
    return parsed;
  }
  if (!record.is_object()) {
    parsed.error = "not a JSON object";
    return parsed;
  }
  if (auto id = record.find(fields.id); id != record.end()) parsed.id_json = id->dump();
  if (auto url = record.find(fields.url); url != record.end() && url->is_string()) parsed.url = url->get<std::string>();
  auto document = record.find(fields.html);
  if (document == record.end() || !document->is_string()) {
    parsed.error = "no string field \"" + fields.html + "\" (see --html-field)";
    return parsed;
  }
  parsed.document = document->get<std::string>();
  parsed.ok = true;
  return parsed;
}

std::string render_record(const RecordIdentity& who, const Result& result, DocStatus status, bool with_blocks) {
  ordered_json record = record_head(who);
  record["url"] = who.url.empty() ? result.url : who.url;
  record["status"] = status_name(status);
  record["title"] = internal::collapse_whitespace(result.title);
  record["language"] = result.language;
  record["text"] = result.text();
  record["counts"] = {{"blocks", result.blocks.size()}, {"kept", count_kept(result)}};
  if (with_blocks) record["blocks"] = blocks_of(result);
  return dump_line(record);
}

std::string render_failed_record(const RecordIdentity& who, const std::string& error) {
  ordered_json record = record_head(who);
  record["url"] = who.url;
  record["status"] = status_name(DocStatus::kFailed);
  record["error"] = error;
  record["title"] = "";
  record["language"] = "";
  record["text"] = "";
  record["counts"] = {{"blocks", 0}, {"kept", 0}};
  return dump_line(record);
}

std::string url_host(std::string_view url) {
  std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (std::size_t at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  if (!rest.starts_with('[')) rest = rest.substr(0, rest.find(':'));
  std::string host(rest);
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return host;
}

}  // namespace winnow::batch
