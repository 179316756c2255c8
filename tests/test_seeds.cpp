// The user's own examples (../shared/seeds, read-only, skipped when absent):
// every line labelled K is in the output and no line labelled D is.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "winnow.h"

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string line; std::getline(ss, line);) out.push_back(line);
  return out;
}

// Letters only: whitespace and invisible marks (NBSP, ZWSP) are tidied by
// the renderer, so lines are compared without them.
std::string letters_only(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) { ++i; continue; }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x8B) { i += 2; continue; }
    out += static_cast<char>(c);
  }
  return out;
}

}  // namespace

TEST(Seeds, BodyKeptAndChromeDropped) {
  fs::path dir = fs::path(WINNOW_SHARED) / "seeds";
  if (!fs::is_directory(dir / "labels")) GTEST_SKIP() << "../shared/seeds not present";
  winnow::Extractor ex;
  int seeds = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    fs::path labels_path = dir / "labels" / (entry.path().stem().string() + ".labels");
    if (!fs::exists(labels_path)) continue;
    ++seeds;
    auto text = read_file(entry.path());
    auto lines = split_lines(text);
    auto labels = split_lines(read_file(labels_path));
    std::string out = letters_only(ex.extract(text).text());
    for (std::size_t i = 0; i < lines.size() && i < labels.size(); ++i) {
      std::string line = letters_only(lines[i]);
      if (line.empty() || line.size() < 12) continue;
      bool found = out.find(line) != std::string::npos;
      if (labels[i] == "K") EXPECT_TRUE(found) << entry.path().filename() << " lost line " << i + 1;
      if (labels[i] == "D") EXPECT_FALSE(found) << entry.path().filename() << " kept chrome line " << i + 1;
    }
  }
  EXPECT_EQ(seeds, 5);
}
