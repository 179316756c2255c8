// libFuzzer target: any bytes, read as HTML, as scraped text and as Markdown, extract
// without a crash, a sanitizer report or a hang, and render as text, JSON and
// --explain. Built with clang only (cmake -DWINNOW_FUZZ=ON, see README).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "winnow.h"

namespace {

const winnow::Extractor& extractor(winnow::InputType type) {
  static const winnow::Extractor html([] {
    winnow::Options o;
    o.input_type = winnow::InputType::kHtml;
    return o;
  }());
  static const winnow::Extractor text([] {
    winnow::Options o;
    o.input_type = winnow::InputType::kText;
    return o;
  }());
  static const winnow::Extractor markdown([] {
    winnow::Options o;
    o.input_type = winnow::InputType::kMarkdown;
    return o;
  }());
  return type == winnow::InputType::kHtml ? html : type == winnow::InputType::kMarkdown ? markdown : text;
}

void extract_and_render(winnow::InputType type, std::string_view bytes) {
  const winnow::Result r = extractor(type).extract(bytes);
  (void)winnow::render_text(r, true);
  (void)winnow::render_json(r, true);
  (void)winnow::render_explain(r);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  extract_and_render(winnow::InputType::kHtml, bytes);
  extract_and_render(winnow::InputType::kText, bytes);
  extract_and_render(winnow::InputType::kMarkdown, bytes);
  return 0;
}
