// Helpers shared by the batch-mode tests (tests/test_batch*.cpp): a scratch
// folder, running the winnow binary, reading a whole output tree.
#pragma once

#include <stdlib.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>
#include "test_support.h"

namespace batch_test {

namespace fs = std::filesystem;

using ScratchDir = winnow_test::ScratchDir;

using winnow_test::shell_quote;

inline void write_file(const std::string& path, const std::string& content) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

struct WinnowRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `winnow ARGS` through the shell in `dir` (already quoted where needed).
inline WinnowRun run_winnow(const ScratchDir& dir, const std::string& args, const std::string& stdin_path = "/dev/null") {
  const std::string out = dir / ".stdout", err = dir / ".stderr";
  const std::string command = "cd " + shell_quote(dir.path()) + " && exec " + shell_quote(WINNOW_BIN) + " " + args +
                              " <" + shell_quote(stdin_path) + " >" + shell_quote(out) + " 2>" + shell_quote(err);
  WinnowRun run;
  int status = std::system(command.c_str());
  if (status != -1 && WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  run.out = read_file(out);
  run.err = read_file(err);
  fs::remove(out);
  fs::remove(err);
  return run;
}

// Every regular file under `root`: relative path -> content.
inline std::map<std::string, std::string> read_tree(const std::string& root) {
  std::map<std::string, std::string> files;
  std::error_code error;
  for (auto it = fs::recursive_directory_iterator(root, error); !error && it != fs::recursive_directory_iterator();
       it.increment(error)) {
    if (it->is_regular_file()) files[fs::relative(it->path(), root).string()] = read_file(it->path().string());
  }
  return files;
}

// A TSV report: rows of fields (the header row included).
inline std::vector<std::vector<std::string>> read_tsv(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(read_file(path));
  for (std::string line; std::getline(lines, line);) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      fields.push_back(line.substr(start, tab - start));
    fields.push_back(line.substr(start));
    rows.push_back(std::move(fields));
  }
  return rows;
}

// Report rows by path (column 0).
inline std::map<std::string, std::vector<std::string>> rows_by_path(const std::string& report_path) {
  std::map<std::string, std::vector<std::string>> rows;
  for (auto& row : read_tsv(report_path)) rows[row.at(0)] = row;
  return rows;
}

}  // namespace batch_test
