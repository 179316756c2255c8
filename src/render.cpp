// STUB: replaced by the render stage.
#include "winnow.h"
namespace winnow {
std::string Result::text() const {
  std::string out;
  for (const auto& b : blocks) if (b.keep) { if (!out.empty()) out += "\n"; out += b.text + "\n"; }
  return out;
}
std::string render_text(const Result& r, bool) { return r.text(); }
std::string render_json(const Result& r, bool) { return r.text(); }
std::string render_explain(const Result&) { return {}; }
}  // namespace winnow
