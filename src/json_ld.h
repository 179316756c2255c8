// JSON-LD (<script type="application/ld+json">): what the publisher itself
// states about the page. Read for metadata and to locate and check the
// article container; never output as it stands.
#pragma once

#include <string>
#include <string_view>

namespace winnow::internal {

struct JsonLd {
  std::string type;           // "@type" of the object that gave articleBody or headline
  std::string headline;
  std::string article_body;   // the longest articleBody (or text) stated
  std::string date_published;
  std::string author;         // author name (first one when several)
};

// Merges what one script's JSON states into `out` (fields already set are
// kept, except a longer articleBody). Invalid JSON is ignored.
void read_json_ld(std::string_view json, JsonLd* out);

}  // namespace winnow::internal
