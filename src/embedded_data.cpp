#include "embedded_data.h"

#include <utility>

namespace winnow::internal {

extern const std::pair<std::string_view, std::string_view> kEmbeddedData[];
extern const int kEmbeddedDataCount;

std::string_view embedded_data(std::string_view name) {
  for (int i = 0; i < kEmbeddedDataCount; ++i) {
    if (kEmbeddedData[i].first == name) return kEmbeddedData[i].second;
  }
  return {};
}

}  // namespace winnow::internal
