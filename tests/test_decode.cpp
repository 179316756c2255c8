// Tests for stage 1, decode: charset choice, binary detection, text cleanup.
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <random>
#include <string>

#include "decode.h"
#include "nfc_inert.h"

using winnow::internal::decode;
using winnow::internal::Decoded;

namespace {

// UTF-8 text re-encoded in `charset` with ICU (test data helper).
std::string encode(const std::string& utf8, const char* charset) {
  std::string out(utf8.size() * 4 + 16, '\0');
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), int32_t(out.size()), utf8.data(),
                           int32_t(utf8.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err)) << u_errorName(err);
  out.resize(size_t(n));
  return out;
}

Decoded dec(std::string_view bytes) { return decode(bytes, ""); }

// "مرحبا" in windows-1256 (م is E3; C3 would be أ).
const std::string kMarhaba1256 = "\xE3\xD1\xCD\xC8\xC7";
const std::string kMarhaba = "مرحبا";
const std::string kArabicParagraph =
    "اللغة العربية هي أكثر اللغات السامية تحدثا، وإحدى أكثر اللغات انتشارا في العالم، "
    "يتحدثها أكثر من أربعمائة مليون نسمة، ويتوزع متحدثوها في الوطن العربي، "
    "بالإضافة إلى العديد من المناطق الأخرى المجاورة.";

}  // namespace

// ------------------------------------------------------------------- BOMs

TEST(Decode, Utf8BomIsStripped) {
  Decoded d = dec("\xEF\xBB\xBFhello");
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_EQ(d.text, "hello");
}

TEST(Decode, Utf16LeBom) {
  Decoded d = dec(std::string("\xFF\xFE", 2) + encode("héllo " + kMarhaba, "UTF-16LE"));
  EXPECT_EQ(d.encoding, "UTF-16LE");
  EXPECT_EQ(d.text, "héllo " + kMarhaba);
  EXPECT_FALSE(d.binary);
}

TEST(Decode, Utf16BeBom) {
  Decoded d = dec(std::string("\xFE\xFF", 2) + encode("hello", "UTF-16BE"));
  EXPECT_EQ(d.encoding, "UTF-16BE");
  EXPECT_EQ(d.text, "hello");
}

TEST(Decode, Utf32LeBom) {
  Decoded d = dec(std::string("\xFF\xFE\0\0", 4) + encode("hi 😀", "UTF-32LE"));
  EXPECT_EQ(d.encoding, "UTF-32LE");
  EXPECT_EQ(d.text, "hi 😀");
}

// ---------------------------------------------------------- declarations

TEST(Decode, MetaCharsetWindows1256) {
  std::string page = "<html><head><meta charset=\"windows-1256\"></head><body><p>" +
                     kMarhaba1256 + "</p></body></html>";
  Decoded d = dec(page);
  EXPECT_EQ(d.encoding, "windows-1256");
  EXPECT_NE(d.text.find("<p>" + kMarhaba + "</p>"), std::string::npos);
}

TEST(Decode, MetaHttpEquivIso88596) {
  // In ISO-8859-6 "مرحبا" is E5 D1 CD C8 C7 (م is E3 in windows-1256).
  std::string page =
      "<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-6'><p>" +
      encode(kMarhaba, "ISO-8859-6") + "</p>";
  Decoded d = dec(page);
  EXPECT_EQ(d.encoding, "ISO-8859-6");
  EXPECT_NE(d.text.find(kMarhaba), std::string::npos);
}

TEST(Decode, ValidUtf8BeatsSingleByteMeta) {
  Decoded d = dec("<meta charset=windows-1252><p>café</p>");
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_NE(d.text.find("café"), std::string::npos);
}

TEST(Decode, Utf16MetaIsIgnored) {
  Decoded d = dec("<meta charset=utf-16><p>caf\xE9</p>");
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_NE(d.text.find("caf\xEF\xBF\xBD"), std::string::npos);
}

// -------------------------------------------------------------- detection

TEST(Decode, UndeclaredWindows1252) {
  Decoded d = dec("caf\xE9 r\xE9sum\xE9");
  EXPECT_EQ(d.encoding, "windows-1252");
  EXPECT_EQ(d.text, "café résumé");
}

TEST(Decode, UndeclaredWindows1252CurlyQuotes) {
  Decoded d = dec("\x93Quoted\x94 \x96 it\x92s na\xEFve");
  EXPECT_EQ(d.encoding, "windows-1252");
  EXPECT_EQ(d.text, "“Quoted” – it’s naïve");
}

TEST(Decode, UndeclaredWindows1256Arabic) {
  Decoded d = dec(encode(kArabicParagraph, "windows-1256"));
  EXPECT_EQ(d.encoding, "windows-1256");
  EXPECT_EQ(d.text, kArabicParagraph);
}

TEST(Decode, UndeclaredShortWindows1256Arabic) {
  Decoded d = dec(kMarhaba1256);
  EXPECT_EQ(d.encoding, "windows-1256");
  EXPECT_EQ(d.text, kMarhaba);
}

TEST(Decode, Utf16LeWithoutBom) {
  Decoded d = dec(encode("Hello, world.\nSecond line.", "UTF-16LE"));
  EXPECT_EQ(d.encoding, "UTF-16LE");
  EXPECT_EQ(d.text, "Hello, world.\nSecond line.");
  EXPECT_FALSE(d.binary);
}

TEST(Decode, Utf16BeArabicWithoutBom) {
  Decoded d = dec(encode(kArabicParagraph, "UTF-16BE"));
  EXPECT_EQ(d.encoding, "UTF-16BE");
  EXPECT_EQ(d.text, kArabicParagraph);
}

TEST(Decode, Utf16LeChineseWithoutBom) {
  const std::string chinese = "政府周三宣布了一系列旨在减少公共开支的措施，此前与工会进行了数月艰难的谈判。";
  Decoded d = dec(encode(chinese, "UTF-16LE"));
  EXPECT_EQ(d.encoding, "UTF-16LE");
  EXPECT_EQ(d.text, chinese);
}

TEST(Decode, ShiftJisIsNotTakenForUtf16) {
  const std::string japanese = "政府は水曜日、数か月にわたる労働組合との困難な交渉の末、公共支出を削減した。";
  Decoded d = dec(encode(japanese, "Shift_JIS"));
  EXPECT_EQ(d.encoding, "Shift_JIS");
  EXPECT_EQ(d.text, japanese);
}

TEST(Decode, Koi8rRussianIsNotTakenForArabic) {
  const std::string russian =
      "Правительство в среду объявило о ряде мер, направленных на сокращение "
      "государственных расходов, после нескольких месяцев трудных переговоров.";
  Decoded d = dec(encode(russian, "KOI8-R"));
  EXPECT_EQ(d.encoding, "KOI8-R");
  EXPECT_EQ(d.text, russian);
}

TEST(Decode, Iso2022JpIsNotTakenForUtf8) {
  const std::string japanese = "日本語のテキストです。これは試験です。";
  Decoded d = dec(encode(japanese, "ISO-2022-JP"));
  EXPECT_EQ(d.encoding, "ISO-2022-JP");
  EXPECT_EQ(d.text, japanese);
}

// ---------------------------------------------------------------- cleanup

TEST(Decode, InvalidUtf8BecomesReplacementChar) {
  // "a", stray continuation, "b", truncated 3-byte sequence, "c", overlong.
  Decoded d = dec("\xEF\xBB\xBF" "a\x80" "b\xE2\x82" "c\xC0\xAF");
  EXPECT_EQ(d.text, "a\uFFFDb\uFFFDc\uFFFD\uFFFD");
}

TEST(Decode, MostlyUtf8WithAStrayByteStaysUtf8) {
  Decoded d = dec("Ελληνικά κείμενα, ρωσικά: русский текст \xFF end");
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_EQ(d.text, "Ελληνικά κείμενα, ρωσικά: русский текст \uFFFD end");
}

TEST(Decode, MostlyUtf8BeatsLegacyMeta) {
  Decoded d = dec("<meta charset=iso-8859-1><p>Ελληνικά κείμενα, русский текст \xE9</p>");
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_NE(d.text.find("Ελληνικά κείμενα, русский текст \uFFFD"), std::string::npos);
}

TEST(Decode, ControlCharactersRemoved) {
  using namespace std::string_literals;
  Decoded d = dec("a\0b\x01" "c\td\x7F" "e\xC2\x80" "f\xC2\x9F" "g\n"s);
  EXPECT_EQ(d.text, "abc\tdefg\n");
}

TEST(Decode, CrLfAndLoneCrBecomeLf) {
  EXPECT_EQ(dec("a\r\nb\rc\n\rd\r").text, "a\nb\nc\n\nd\n");
}

TEST(Decode, NormalisedToNfc) {
  EXPECT_EQ(dec("cafe\xCC\x81").text, "caf\xC3\xA9");  // e + U+0301 -> U+00E9
}

TEST(Decode, ZeroWidthSpaceRemovedJoinersKept) {
  Decoded d = dec("a\u200Bb \u0645\u200C\u06CC \u200D\uFEFFx");
  EXPECT_EQ(d.text, "ab \u0645\u200C\u06CC \u200Dx");
}

// ----------------------------------------------------------------- binary

TEST(Decode, PngIsBinary) {
  std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
  Decoded d = dec(png);
  EXPECT_TRUE(d.binary);
  EXPECT_TRUE(d.text.empty());
}

TEST(Decode, PdfIsBinary) { EXPECT_TRUE(dec("%PDF-1.7\n%text-ish\n").binary); }

TEST(Decode, RandomBytesWithNulsAreBinary) {
  std::mt19937 rng(42);
  std::string bytes;
  for (int i = 0; i < 8192; ++i) bytes += (i % 7 == 0) ? '\0' : char(rng() & 0xFF);
  Decoded d = dec(bytes);
  EXPECT_TRUE(d.binary);
  EXPECT_TRUE(d.text.empty());
}

TEST(Decode, PlainTextIsNotBinary) { EXPECT_FALSE(dec("just some\ttext\f\n").binary); }

// --------------------------------------------------------------- forced

TEST(Decode, ForcedEncodingOverridesDetection) {
  // Valid UTF-8 bytes "Ã©" read as windows-1252 on request.
  Decoded d = decode("\xC3\xA9", "cp1252");
  EXPECT_EQ(d.encoding, "windows-1252");
  EXPECT_EQ(d.text, "Ã©");
  EXPECT_FALSE(d.bad_encoding);
}

TEST(Decode, ForcedEncodingBeatsMeta) {
  std::string page = "<meta charset=windows-1252><p>" + kMarhaba1256;
  Decoded d = decode(page, "windows-1256");
  EXPECT_EQ(d.encoding, "windows-1256");
  EXPECT_NE(d.text.find(kMarhaba), std::string::npos);
}

TEST(Decode, UnknownForcedEncodingIsReported) {
  Decoded d = decode("hello", "no-such-charset");
  EXPECT_TRUE(d.bad_encoding);
  EXPECT_TRUE(d.text.empty());
}

// ------------------------------------------------------------- robustness

TEST(Decode, EmptyInput) {
  Decoded d = dec("");
  EXPECT_TRUE(d.text.empty());
  EXPECT_FALSE(d.binary);
  EXPECT_FALSE(d.bad_encoding);
  EXPECT_EQ(d.encoding, "UTF-8");
}

TEST(Decode, ArbitraryBytesNeverCrashAndGiveValidUtf8) {
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string bytes(rng() % 300, '\0');
    for (char& c : bytes) c = char(rng() % 4 ? 0x80 + rng() % 0x80 : rng() & 0xFF);
    Decoded d = dec(bytes);
    // Re-decoding clean output is the identity.
    if (!d.binary) EXPECT_EQ(dec(d.text).text, d.text);
  }
}

TEST(Decode, OddLengthUtf16EndsWithReplacement) {
  Decoded d = dec(std::string("\xFF\xFEh\0i\0!", 7));
  EXPECT_EQ(d.text, "hi\uFFFD");
}

// The NFC fast path: a code point called inert must be left alone by NFC,
// also before a combining mark it could have composed with (that mark is
// never inert, so ICU then checks the whole text).
TEST(Decode, NfcInertCodePointsAreNfcStable) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  ASSERT_TRUE(U_SUCCESS(err));
  int inert = 0;
  for (UChar32 cp = 0; cp < 0x20000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    if (!winnow::internal::is_nfc_inert(char32_t(cp))) {
      EXPECT_GE(cp, 0x300);
      continue;
    }
    ++inert;
    ASSERT_EQ(nfc->getCombiningClass(cp), 0) << std::hex << cp;
    ASSERT_EQ(nfc->quickCheck(icu::UnicodeString(cp), err), UNORM_YES) << std::hex << cp;
  }
  EXPECT_GT(inert, 60000);
}
