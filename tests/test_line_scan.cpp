// scan_line and count_newlines (text mode's line splitting) agree with the
// plain definitions: find('\n'), std::count, collapse_whitespace.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "line_scan.h"
#include "unicode_text.h"

namespace winnow::internal {
namespace {

// Random text from bytes that matter to the scan: spaces, newlines, other
// whitespace, controls, UTF-8 bytes (valid or not) and letters.
std::string random_text(std::mt19937& rng, size_t length) {
  static constexpr char kBytes[] = "  \n\t\r\x01\x7F\xC2\xA0\xD0\xB0\xE2\x80" "abcdefghij.,";
  std::uniform_int_distribution<int> pick(0, sizeof kBytes - 2), plain(0, 3);
  std::string text;
  for (size_t i = 0; i < length; ++i) text += plain(rng) ? "abcdef ghi"[pick(rng) % 10] : kBytes[pick(rng)];
  return text;
}

TEST(LineScan, AgreesWithFindAndCollapseWhitespace) {
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    const std::string text = random_text(rng, static_cast<size_t>(rng() % 90));
    EXPECT_EQ(count_newlines(text), static_cast<size_t>(std::count(text.begin(), text.end(), '\n')));
    for (size_t start = 0; start <= text.size();) {
      const LineScan scan = scan_line(text, start);
      const size_t newline = text.find('\n', start);
      ASSERT_EQ(scan.end, newline == std::string::npos ? text.size() : newline) << text;
      const std::string_view line = std::string_view(text).substr(start, scan.end - start);
      if (scan.plain) EXPECT_EQ(collapse_whitespace(line), line) << text;
      start = scan.end + 1;
    }
  }
}

TEST(LineScan, TellsPlainLines) {
  const std::string text = "one two three four five six seven\n  lead\ntrail \ndouble  space\n\ttab\nend";
  std::vector<bool> plain;
  for (size_t start = 0; start <= text.size();) {
    const LineScan scan = scan_line(text, start);
    plain.push_back(scan.plain);
    start = scan.end + 1;
  }
  EXPECT_EQ(plain, (std::vector<bool>{true, false, false, false, false, true}));
}

TEST(LineScan, CountsNewlinesPastTheCounters) {
  // More than 255 sixteen-byte steps of newlines: the byte counters overflow
  // if they are not summed in time.
  const std::string text(16 * 1000 + 5, '\n');
  EXPECT_EQ(count_newlines(text), text.size());
}

}  // namespace
}  // namespace winnow::internal
