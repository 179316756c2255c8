// The library's extraction of a string, for the tests that check what a
// small page or scraped text comes out as.
#pragma once

#include <string>

#include "winnow.h"

namespace winnow_test {

// Scraped text, one paragraph a line, cleaned with the default options.
inline std::string clean(const std::string& text) {
  winnow::Options o;
  o.input_type = winnow::InputType::kText;
  return winnow::Extractor(o).extract(text).text();
}

// An HTML page cleaned with the default options.
inline std::string clean_html(const std::string& html) {
  winnow::Options o;
  o.input_type = winnow::InputType::kHtml;
  return winnow::Extractor(o).extract(html).text();
}

}  // namespace winnow_test
