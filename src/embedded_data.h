// Access to the heuristic data files of src/data/, compiled into the library.
#pragma once

#include <string_view>

namespace winnow::internal {

// Contents of src/data/<name>.txt; "" when there is no such file.
std::string_view embedded_data(std::string_view name);

}  // namespace winnow::internal
