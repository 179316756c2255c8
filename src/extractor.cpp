// STUB: the pipeline driver.
#include "winnow.h"
#include "decode.h"
namespace winnow {
struct Extractor::Impl { Options options; };
Extractor::Extractor(Options o) : impl_(std::make_unique<Impl>()) { impl_->options = std::move(o); }
Extractor::~Extractor() = default;
Result Extractor::extract(std::string_view bytes) const {
  Result r;
  auto d = internal::decode(bytes, impl_->options.encoding);
  size_t start = 0;
  const std::string& t = d.text;
  while (start < t.size()) {
    size_t nl = t.find('\n', start);
    if (nl == std::string::npos) nl = t.size();
    if (nl > start) { Block b; b.text = t.substr(start, nl - start); b.kind = "p"; b.keep = true; r.blocks.push_back(b); }
    start = nl + 1;
  }
  r.input_type = "text"; r.encoding = d.encoding;
  return r;
}
}  // namespace winnow
