#include "batch/output_names.h"

#include <map>

#include "batch/glob_filter.h"

namespace winnow::batch {
namespace {

// Input indexes by the output name they would take.
using Claims = std::map<std::string, std::vector<std::size_t>>;

Claims claims_of(const std::vector<std::string>& chosen) {
  Claims claims;
  for (std::size_t i = 0; i < chosen.size(); ++i) claims[chosen[i]].push_back(i);
  return claims;
}

std::string join_names(const std::vector<std::string>& input_names, const std::vector<std::size_t>& indexes) {
  std::string joined;
  for (std::size_t i : indexes) {
    if (!joined.empty()) joined += ", ";
    joined += input_names[i];
  }
  return joined;
}

}  // namespace

std::string default_output_name(std::string_view input_name, std::string_view extension) {
  std::string_view stem = without_gz_suffix(input_name);
  if (!has_no_extension(stem)) stem = stem.substr(0, stem.rfind('.'));
  return std::string(stem) + std::string(extension);
}

std::vector<OutputName> output_names(const std::vector<std::string>& input_names,
                                     std::string_view extension) {
  std::vector<std::string> chosen;
  std::vector<bool> full_name(input_names.size(), false);
  for (const auto& name : input_names) chosen.push_back(default_output_name(name, extension));
  std::vector<OutputName> result(input_names.size());
  // Each round moves at least one input to its full name; full names are
  // distinct (the input names are), so this ends.
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& [output, indexes] : claims_of(chosen)) {
      if (indexes.size() < 2) continue;
      const std::string sharing = join_names(input_names, indexes);
      for (std::size_t i : indexes) {
        result[i].note = "name collision (" + sharing + "): output keeps the full input name";
        if (full_name[i]) continue;
        full_name[i] = true;
        chosen[i] = input_names[i] + std::string(extension);
        changed = true;
      }
    }
  }
  for (std::size_t i = 0; i < input_names.size(); ++i) result[i].name = chosen[i];
  return result;
}

}  // namespace winnow::batch
