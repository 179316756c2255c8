// ShortWordTable (the lexicon's word table) answers as StringTable does.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "short_word_table.h"
#include "string_table.h"

namespace winnow::internal {
namespace {

// A random word of 1 to 24 bytes from a small alphabet (so that lookups of
// random words often hit), with UTF-8 lead bytes now and then.
std::string random_word(std::mt19937& rng) {
  static constexpr char kAlphabet[] = "abcde\xD0\xB0\xD9";
  std::uniform_int_distribution<int> length(1, 24), letter(0, sizeof kAlphabet - 2);
  std::string word(static_cast<size_t>(length(rng)), ' ');
  for (char& c : word) c = kAlphabet[letter(rng)];
  return word;
}

TEST(ShortWordTable, FindsWhatStringTableFinds) {
  std::mt19937 rng(5);
  ShortWordTable<int> table;
  StringTable<int> reference;
  for (int i = 0; i < 3000; ++i) {
    const std::string word = random_word(rng);
    table[word] += i;
    reference[word] += i;
  }
  EXPECT_GT(table.size(), 1000u);
  for (int i = 0; i < 20000; ++i) {
    const std::string word = random_word(rng);
    // Padded: the word followed by other bytes, as in a segment's key.
    const std::string padded = word + " " + random_word(rng) + std::string(16, 'x');
    const int* expected = reference.find(word);
    const int* found = table.find(word);
    const int* found_padded = table.find_padded(std::string_view(padded.data(), word.size()));
    ASSERT_EQ(expected == nullptr, found == nullptr) << word;
    ASSERT_EQ(expected == nullptr, found_padded == nullptr) << word;
    if (expected) {
      EXPECT_EQ(*expected, *found) << word;
      EXPECT_EQ(*expected, *found_padded) << word;
    }
  }
}

TEST(ShortWordTable, KeysAtTheInlineLimit) {
  ShortWordTable<int> table;
  const std::string sixteen(16, 'a'), seventeen(17, 'a');
  table[sixteen] = 16;
  table[seventeen] = 17;
  table["a"] = 1;
  EXPECT_EQ(*table.find(sixteen), 16);
  EXPECT_EQ(*table.find(seventeen), 17);
  EXPECT_EQ(*table.find("a"), 1);
  EXPECT_EQ(table.find(std::string(15, 'a')), nullptr);
  EXPECT_EQ(table.find(std::string(18, 'a')), nullptr);
  EXPECT_EQ(table.find(""), nullptr);
}

TEST(ShortWordTable, FindPaddedOrNoneNeverNull) {
  ShortWordTable<int> table;
  table["word"] = 3;
  const std::string padded = "word" + std::string(16, ' ') + "other" + std::string(16, ' ');
  EXPECT_EQ(&table.find_padded_or_none(std::string_view(padded.data(), 4)), table.find("word"));
  const int& absent = table.find_padded_or_none(std::string_view(padded.data() + 20, 5));
  EXPECT_EQ(&absent, &table.none());
  EXPECT_EQ(absent, 0);
  EXPECT_EQ(&table.find_padded_or_none(std::string(20, 'z')), &table.none());  // a long key
}

// Inline keys are told apart by their zero padding, so a key with a NUL
// byte lives on the side, and find tells it from the key cut at its NUL.
TEST(ShortWordTable, KeysWithANulByte) {
  ShortWordTable<int> table;
  table["a"] = 1;
  EXPECT_EQ(table.find(std::string_view("a\0", 2)), nullptr);
  table[std::string_view("a\0", 2)] = 2;
  table[std::string_view("b\0c", 3)] = 3;
  EXPECT_EQ(*table.find("a"), 1);
  EXPECT_EQ(*table.find(std::string_view("a\0", 2)), 2);
  EXPECT_EQ(*table.find(std::string_view("b\0c", 3)), 3);
  EXPECT_EQ(table.find("b"), nullptr);
  EXPECT_EQ(table.size(), 3u);
  const std::string padded = "a" + std::string(16, ' ');
  EXPECT_EQ(*table.find_padded(std::string_view(padded.data(), 1)), 1);
}

TEST(ShortWordTable, EmptyTableFindsNothing) {
  const ShortWordTable<int> table;
  const std::string padded = "word" + std::string(16, '\0');
  EXPECT_EQ(table.find("word"), nullptr);
  EXPECT_EQ(table.find_padded(std::string_view(padded.data(), 4)), nullptr);
}

}  // namespace
}  // namespace winnow::internal
