// The output file name of each input file of one folder (tree mode).
//
// An input's output name is its name with the extension (after a ".gz", if
// any, is removed) replaced by the output extension: "a.html" -> "a.txt",
// "b.htm.gz" -> "b.txt", "README" -> "README.txt". When two inputs of one
// folder would get the same output name ("a.html" and "a.txt"), each of
// them keeps its full name plus the extension ("a.html.txt", "a.txt.txt")
// and carries a note saying so.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace winnow::batch {

struct OutputName {
  std::string name;
  std::string note;  // "" or why the full input name was kept
};

std::string default_output_name(std::string_view input_name, std::string_view extension);

// `input_names` are the file names of one folder (distinct); `extension`
// is ".txt" or ".json". The result is in the order of `input_names`.
std::vector<OutputName> output_names(const std::vector<std::string>& input_names,
                                     std::string_view extension);

}  // namespace winnow::batch
