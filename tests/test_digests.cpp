// Output digests: winnow's text output on every page of ../shared/bench
// (HTML) and on the seeds must match tests/data/output_digests.tsv byte for
// byte. Speed work must not change a single output; quality work changes
// them on purpose and then regenerates the file with bench/update_digests.sh
// (which runs this test with WINNOW_UPDATE_DIGESTS set). Skipped when
// ../shared is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "sha256.h"
#include "winnow.h"

namespace fs = std::filesystem;

namespace {

const fs::path kShared = WINNOW_SHARED;
const fs::path kDigestFile = fs::path(WINNOW_TEST_DATA) / "output_digests.tsv";
constexpr const char* kUpdateVariable = "WINNOW_UPDATE_DIGESTS";
constexpr int kMaxReportedMismatches = 20;  // the rest are only counted

struct Input {
  std::string path;  // relative to ../shared, '/'-separated
  winnow::InputType type;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::vector<fs::path> sorted_files(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == extension) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Every bench page (HTML mode, as bench/quality.sh runs them) and every seed
// (auto mode, as the CLI runs them by default).
std::vector<Input> inputs() {
  std::vector<Input> all;
  for (const char* dataset : {"aeb", "readability-tests", "wceb-cleaneval"}) {
    for (const fs::path& page : sorted_files(kShared / "bench" / dataset / "html", ".html"))
      all.push_back({fs::relative(page, kShared).generic_string(), winnow::InputType::kHtml});
  }
  for (const fs::path& seed : sorted_files(kShared / "seeds", ".txt"))
    all.push_back({fs::relative(seed, kShared).generic_string(), winnow::InputType::kAuto});
  return all;
}

const char* type_name(winnow::InputType type) {
  return type == winnow::InputType::kHtml ? "html" : type == winnow::InputType::kText ? "text" : "auto";
}

// What the winnow command prints for the input (text format, no title).
std::string output_of(const winnow::Extractor& extractor, const std::string& bytes) {
  const winnow::Result result = extractor.extract(bytes);
  if (result.status != winnow::Status::kOk)
    return "status " + std::to_string(int(result.status)) + ": " + result.error;
  return winnow::render_text(result, false);
}

std::map<std::string, std::string> digests_of(const std::vector<Input>& all) {
  winnow::Options html_options, auto_options;
  html_options.input_type = winnow::InputType::kHtml;
  const winnow::Extractor html_extractor(html_options), auto_extractor(auto_options);
  std::map<std::string, std::string> digests;
  for (const Input& input : all) {
    const auto& extractor = input.type == winnow::InputType::kHtml ? html_extractor : auto_extractor;
    digests[input.path] = winnow_test::sha256_hex(output_of(extractor, read_file(kShared / input.path)));
  }
  return digests;
}

void write_digests(const fs::path& file, const std::vector<Input>& all,
                   const std::map<std::string, std::string>& digests) {
  std::ofstream out(file, std::ios::binary);
  out << "# sha256 of winnow's text output (render_text, no title) per input, path relative\n"
         "# to ../shared. Regenerate with bench/update_digests.sh when outputs change on purpose.\n"
         "# path\tmode\tsha256\n";
  for (const Input& input : all) out << input.path << '\t' << type_name(input.type) << '\t' << digests.at(input.path) << '\n';
}

// path -> digest from the stored file.
std::map<std::string, std::string> read_stored(const fs::path& file) {
  std::map<std::string, std::string> stored;
  std::istringstream lines(read_file(file));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab1 = line.find('\t'), tab2 = line.rfind('\t');
    if (tab1 == std::string::npos || tab2 == tab1) continue;
    stored[line.substr(0, tab1)] = line.substr(tab2 + 1);
  }
  return stored;
}

}  // namespace

TEST(OutputDigests, EveryBenchPageAndSeedUnchanged) {
  if (!fs::is_directory(kShared / "bench")) GTEST_SKIP() << "../shared/bench not present";
  const std::vector<Input> all = inputs();
  ASSERT_FALSE(all.empty());
  const std::map<std::string, std::string> digests = digests_of(all);

  if (const char* update = std::getenv(kUpdateVariable); update && *update) {
    write_digests(kDigestFile, all, digests);
    std::cout << "wrote " << all.size() << " digests to " << kDigestFile << "\n";
    return;
  }

  const auto stored = read_stored(kDigestFile);
  ASSERT_FALSE(stored.empty()) << kDigestFile << " missing or empty: run bench/update_digests.sh";
  int mismatches = 0;
  for (const Input& input : all) {
    auto found = stored.find(input.path);
    const bool same = found != stored.end() && found->second == digests.at(input.path);
    if (!same && ++mismatches <= kMaxReportedMismatches)
      ADD_FAILURE() << input.path << (found == stored.end() ? ": no stored digest" : ": output changed");
  }
  for (const auto& [path, digest] : stored)
    if (!digests.count(path)) ADD_FAILURE() << path << ": stored but no such input";
  EXPECT_EQ(mismatches, 0) << mismatches << " of " << all.size()
                           << " outputs differ; if on purpose, run bench/update_digests.sh";
}
