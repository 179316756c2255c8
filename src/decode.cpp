// Stage 1, decode: raw bytes -> clean NFC UTF-8 text.
//
// 1. Pick a charset: the forced name; else a BOM; else BOM-less UTF-16 told
//    by the pattern of its high bytes (NULs for ASCII, 0x06 for Arabic, CJK
//    ranges); else <meta charset>/http-equiv in the first 4 KiB when the
//    bytes are not valid UTF-8 (a UTF-16 label means UTF-8, as in browsers);
//    else UTF-8 if valid (or nearly all valid); else ICU's detector, with an
//    Arabic check: ICU often calls windows-1256 Arabic a Latin charset.
//    Web labels map the WHATWG way (ISO-8859-1 and ASCII -> windows-1252).
// 2. Binary input gives binary=true: magic numbers (PNG, JPEG, GIF, PDF,
//    ZIP, gzip, ELF...), or over 10% NUL/C0 control bytes in the first
//    64 KiB (of the decoded text for UTF-16/32).
// 3. Convert with ucnv in chunks (undecodable bytes -> U+FFFD) straight into
// 4. a hand-written linear cleanup pass: invalid UTF-8 -> U+FFFD (one per
//    maximal subpart), drop NUL, C0 and C1 controls and DEL but \t \n,
//    CRLF/CR/FF/VT/NEL -> LF, drop U+FEFF and U+200B (keep ZWNJ/ZWJ).
// 5. NFC via ICU, only when a code point NFC may change was seen (a combining
//    mark, a singleton: nfc_inert.h) and the text is not already NFC, so most
//    text never touches ICU.
#include "decode.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <cstring>
#include <memory>

#include "byte_runs.h"
#include "nfc_inert.h"

namespace winnow::internal {
namespace {

constexpr size_t kSniffBytes = 64 * 1024;  // what binary/charset guesses look at
constexpr size_t kMetaBytes = 4096;        // where <meta charset> must appear
constexpr char kUtf8[] = "UTF-8";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// ----------------------------------------------------------------- helpers

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }

bool is_html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool starts_with_ci(std::string_view s, size_t pos, std::string_view prefix) {
  if (s.size() - pos < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (ascii_lower(s[pos + i]) != prefix[i]) return false;
  return true;
}

bool equals_ci(std::string_view a, std::string_view b) {
  return a.size() == b.size() && starts_with_ci(a, 0, b);
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

ConverterPtr open_converter(const std::string& name) {
  if (name.empty()) return nullptr;  // ucnv_open("") would open the default
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr cnv(ucnv_open(name.c_str(), &err));
  if (U_FAILURE(err)) return nullptr;
  return cnv;
}

// ------------------------------------------------------------ charset names

// The usual spelling of a charset label ICU knows ("cp1256" -> "windows-1256",
// "utf8" -> "UTF-8"); "" when ICU knows no such charset.
std::string canonical_charset(std::string_view label) {
  while (!label.empty() && is_html_space(label.front())) label.remove_prefix(1);
  while (!label.empty() && is_html_space(label.back())) label.remove_suffix(1);
  std::string name(label);
  if (name.empty() || name.size() > 64 || name.find('\0') != std::string::npos) return {};
  ConverterPtr cnv = open_converter(name);
  if (!cnv) return {};
  auto standard = [&](const char* tag) -> std::string {
    UErrorCode err = U_ZERO_ERROR;
    const char* s = ucnv_getStandardName(name.c_str(), tag, &err);
    if (U_FAILURE(err) || s == nullptr) return {};
    std::string_view v(s);
    if (v.find(':') != v.npos || v.starts_with("Extended_")) return {};  // IANA oddities
    return std::string(v);
  };
  for (const char* tag : {"MIME", "IANA", "WINDOWS", "JAVA"})
    if (auto s = standard(tag); !s.empty()) return s;
  UErrorCode err = U_ZERO_ERROR;
  const char* internal = ucnv_getName(cnv.get(), &err);
  return U_SUCCESS(err) && internal ? std::string(internal) : name;
}

bool is_utf16_or_32(std::string_view charset) {
  return charset.starts_with("UTF-16") || charset.starts_with("UTF-32");
}

// Labels found in web pages or guessed by ICU, mapped the way browsers do
// (WHATWG Encoding): Latin-1 and ASCII labels mean windows-1252, etc.
// Returns a canonical name, or "" if unknown.
std::string web_charset(std::string_view label) {
  if (equals_ci(label, "x-user-defined")) return "windows-1252";
  std::string c = canonical_charset(label);
  if (c == "ISO-8859-1" || c == "US-ASCII") return "windows-1252";
  if (c == "ISO-8859-9") return "windows-1254";
  if (c == "TIS-620" || c == "x-iso-8859-11") return "windows-874";
  if (c == "GB2312" || c == "GBK") return "GB18030";
  return c;
}

// -------------------------------------------------------------- UTF-8 core

// One step of UTF-8 decoding at p (p < end). `len` bytes are consumed; `cp` is
// the code point, or -1 for an invalid sequence, in which case `len` covers
// its maximal subpart (the Unicode "one U+FFFD per maximal subpart" rule).
struct Utf8Step {
  int32_t cp;
  size_t len;
};

inline __attribute__((always_inline)) Utf8Step utf8_step(const unsigned char* p,
                                                         const unsigned char* end) {
  const unsigned c = *p;
  if (c < 0x80) return {int32_t(c), 1};
  if (c >= 0xC2 && c <= 0xDF && end - p >= 2 && (p[1] & 0xC0) == 0x80)  // common case
    return {int32_t(((c & 0x1F) << 6) | (p[1] & 0x3F)), 2};
  int need;
  uint32_t cp;
  unsigned lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1, cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2, cp = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3, cp = c & 0x07;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // > U+10FFFF
  } else {
    return {-1, 1};  // stray continuation byte, C0, C1, F5..FF
  }
  const unsigned char* q = p + 1;
  for (int i = 0; i < need; ++i, ++q) {
    if (q == end || *q < lo || *q > hi) return {-1, size_t(q - p)};
    cp = (cp << 6) | (*q & 0x3F);
    lo = 0x80, hi = 0xBF;
  }
  return {int32_t(cp), size_t(q - p)};
}

bool is_valid_utf8(std::string_view s) {
  auto p = reinterpret_cast<const unsigned char*>(s.data());
  const auto end = p + s.size();
  while ((p = skip_ascii(p, end)) < end) {
    Utf8Step st = utf8_step(p, end);
    if (st.cp < 0) return false;
    p += st.len;
  }
  return true;
}

// True when the invalid sequences are rare next to valid multi-byte ones: a
// UTF-8 page with a few stray bytes, not a legacy-charset page.
bool mostly_utf8(std::string_view s) {
  auto p = reinterpret_cast<const unsigned char*>(s.data());
  const auto end = p + s.size();
  size_t good = 0, bad = 0;
  while (p < end) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    Utf8Step st = utf8_step(p, end);
    (st.cp < 0 ? bad : good) += 1;
    p += st.len;
  }
  return good >= 4 && bad * 8 <= good;
}

// --------------------------------------------------------- cleanup + NFC

// Byte classes for the cleanup loop.
enum ByteClass : uint8_t { kPlain, kDrop, kCr, kNewline, kMulti };

constexpr std::array<uint8_t, 256> make_byte_classes() {
  std::array<uint8_t, 256> t{};
  for (int b = 0; b < 256; ++b) {
    if (b >= 0x80) t[b] = kMulti;
    else if (b == '\t' || b == '\n' || (b >= 0x20 && b < 0x7F)) t[b] = kPlain;
    else if (b == '\r') t[b] = kCr;
    else if (b == '\f' || b == '\v') t[b] = kNewline;  // page/line breaks
    else t[b] = kDrop;  // NUL, other C0 controls, DEL
  }
  return t;
}
constexpr std::array<uint8_t, 256> kByteClass = make_byte_classes();

// Does this decoded non-ASCII character need rewriting (invalid, C1
// control, BOM/ZWNBSP, zero-width space)?
bool needs_rewrite(int32_t cp) { return cp <= 0x9F || cp == 0xFEFF || cp == 0x200B; }

void rewrite_char(int32_t cp, std::string& out) {
  if (cp < 0) out += kReplacement;
  else if (cp == 0x85) out += '\n';  // NEL; other C1 controls, U+FEFF, U+200B go
}

// One linear pass over possibly invalid UTF-8; see the file comment. Fed in
// chunks that each hold whole characters (or invalid bytes): all of a UTF-8
// input at once, or the converter's output piece by piece. Bytes that need no
// change are copied in runs; plain text is skipped sixteen bytes at a time
// (byte_runs.h).
class TextCleaner {
 public:
  explicit TextCleaner(size_t expected_size) { out_.reserve(expected_size); }

  void feed(std::string_view chunk) {
    auto p = reinterpret_cast<const unsigned char*>(chunk.data());
    const auto end = p + chunk.size();
    if (lf_after_cr_ && p < end && *p == '\n') ++p;  // CR ended the last chunk
    lf_after_cr_ = false;
    const unsigned char* run = p;  // start of the bytes to copy unchanged
    auto flush = [&] { out_.append(reinterpret_cast<const char*>(run), size_t(p - run)); };
    // Plain text (printable ASCII, tab, LF) is copied as is, in runs.
    while ((p = skip_plain_text(p, end)) < end) {
      const uint8_t cls = kByteClass[*p];
      if (cls == kMulti) {
        const Utf8Step st = utf8_step(p, end);
        if (!needs_rewrite(st.cp)) {
          if (!maybe_not_nfc_ && st.cp >= 0x300) maybe_not_nfc_ = !is_nfc_inert(char32_t(st.cp));
          p += st.len;
          continue;
        }
        flush();
        rewrite_char(st.cp, out_);
        p += st.len;
      } else {
        flush();
        if (cls != kDrop) out_ += '\n';  // CR, FF, VT
        ++p;
        if (cls == kCr) {
          if (p == end) lf_after_cr_ = true;
          else if (*p == '\n') ++p;
        }
      }
      run = p;
    }
    flush();
  }

  // The cleaned text, NFC-normalised.
  std::string finish() {
    if (maybe_not_nfc_) normalize_nfc(out_);
    return std::move(out_);
  }

 private:
  static void normalize_nfc(std::string& text);

  std::string out_;
  bool lf_after_cr_ = false;
  bool maybe_not_nfc_ = false;  // saw a code point NFC may change (nfc_inert.h)
};

void TextCleaner::normalize_nfc(std::string& text) {
  if (text.size() > size_t(INT32_MAX)) return;
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return;
  icu::StringPiece piece(text.data(), int32_t(text.size()));
  if (nfc->isNormalizedUTF8(piece, err) || U_FAILURE(err)) return;
  std::string result;
  icu::StringByteSink<std::string> sink(&result, int32_t(text.size()));
  err = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, piece, sink, nullptr, err);
  if (U_SUCCESS(err)) text.swap(result);
}

// ------------------------------------------------------- binary detection

bool has_binary_magic(std::string_view b) {
  using namespace std::string_view_literals;
  static constexpr std::string_view kMagic[] = {
      "\x89PNG\r\n\x1a\n"sv,     "\xFF\xD8\xFF"sv,          "GIF87a"sv,
      "GIF89a"sv,                "%PDF-"sv,                 "PK\x03\x04"sv,
      "PK\x05\x06"sv,            "\x1F\x8B"sv,              "\x7F" "ELF"sv,
      "\xFD" "7zXZ\0"sv,         "7z\xBC\xAF\x27\x1C"sv,    "\x28\xB5\x2F\xFD"sv,
      "Rar!\x1A\x07"sv,          "\0asm"sv,                 "\xCA\xFE\xBA\xBE"sv,
      "SQLite format 3\0"sv,     "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv,
      "wOFF"sv,                  "wOF2"sv,                  "OggS\0"sv,
      "ID3\x03"sv,               "ID3\x04"sv,               "\0\0\x01\0"sv,
  };
  for (std::string_view m : kMagic)
    if (b.starts_with(m)) return true;
  if (b.size() >= 12 && b.starts_with("RIFF")) {
    std::string_view kind = b.substr(8, 4);
    if (kind == "WEBP" || kind == "WAVE" || kind == "AVI ") return true;
  }
  if (b.size() >= 12 && b.substr(4, 4) == "ftyp") return true;  // MP4, HEIC, ...
  return false;
}

// NUL and C0 control bytes other than \t \n \r \f (and ESC, which ISO-2022
// text uses) in more than 10% of the first 64 KiB, and at least 8 of them so
// a short snippet with a stray control character still counts as text.
bool too_many_controls(std::string_view s) {
  s = s.substr(0, kSniffBytes);
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* const end = p + s.size();
  size_t bad = 0;
  // From control byte to control byte, sixteen bytes a step (byte_runs.h).
  for (; (p = skip_non_control(p, end)) < end; ++p)
    bad += *p != '\t' && *p != '\n' && *p != '\r' && *p != '\f' && *p != 0x1B;
  return bad >= 8 && bad * 10 > s.size();
}

// ------------------------------------------------------- charset guessing

std::string_view sniff_bom(std::string_view b, size_t& bom_len) {
  struct Bom {
    std::string_view bytes;
    const char* charset;
  };
  using namespace std::string_view_literals;
  static constexpr Bom kBoms[] = {
      {"\xEF\xBB\xBF"sv, "UTF-8"},       {"\xFF\xFE\0\0"sv, "UTF-32LE"},
      {"\0\0\xFE\xFF"sv, "UTF-32BE"},    {"\xFF\xFE"sv, "UTF-16LE"},
      {"\xFE\xFF"sv, "UTF-16BE"},
  };
  for (const Bom& bom : kBoms) {
    if (b.starts_with(bom.bytes)) {
      bom_len = bom.bytes.size();
      return bom.charset;
    }
  }
  return {};
}

// Byte histograms of the even and odd offsets of the first 4 KiB.
struct ParityHistogram {
  std::array<size_t, 256> at[2]{};
  size_t units = 0;
};

ParityHistogram parity_histogram(std::string_view s) {
  ParityHistogram h;
  h.units = std::min<size_t>(s.size(), 4096) / 2;
  for (size_t i = 0; i < h.units; ++i) {
    h.at[0][static_cast<unsigned char>(s[2 * i])]++;
    h.at[1][static_cast<unsigned char>(s[2 * i + 1])]++;
  }
  return h;
}

// How many bytes are the high byte of a CJK, kana, Hangul, CJK punctuation,
// fullwidth or ASCII UTF-16 unit.
size_t cjk_high_bytes(const std::array<size_t, 256>& h) {
  size_t n = h[0x00] + h[0x30] + h[0xFF];
  for (int b = 0x4E; b <= 0x9F; ++b) n += h[b];
  for (int b = 0xAC; b <= 0xD7; ++b) n += h[b];
  return n;
}

// The same, leaving out the ones that are also ASCII letters.
size_t non_ascii_cjk_high_bytes(const std::array<size_t, 256>& h) {
  size_t n = h[0x30] + h[0xFF];
  for (int b = 0x80; b <= 0x9F; ++b) n += h[b];
  for (int b = 0xAC; b <= 0xD7; ++b) n += h[b];
  return n;
}

// Is this BOM-less UTF-16 with the high byte of each unit at offset `hi`
// (1 = little endian)? Text in one script has a near-constant high byte:
// 0x00 for ASCII, 0x06 for Arabic, 0x04 for Cyrillic... while low bytes are
// almost never NUL. CJK text has high bytes in a few ranges, low bytes all
// over the place.
bool looks_like_utf16(const ParityHistogram& h, int hi, bool valid_utf8) {
  const size_t units = h.units;
  const std::array<size_t, 256>& high = h.at[hi];
  const std::array<size_t, 256>& low = h.at[1 - hi];
  if (units < 2) return false;
  if (low[0] * 50 <= units) {
    if (high[0] * 10 >= units * 3) return true;  // mostly ASCII/Latin-1
    // One small-alphabet script block (U+0100..U+1FFF) plus ASCII spaces.
    auto top = std::max_element(high.begin() + 1, high.begin() + 0x20);
    if (high[0] * 20 >= units && (high[0] + *top) * 10 >= units * 8) return true;
  }
  // CJK: not for text that is valid UTF-8 or whose "high bytes" are mostly
  // ASCII letters. Legacy double-byte charsets (Shift_JIS, GBK, Big5, EUC)
  // have a similar parity pattern, but their trail bytes are never below 0x40.
  if (valid_utf8 || units < 16 || low[0] * 10 > units) return false;
  size_t low_below_40 = 0;
  for (int b = 1; b < 0x40; ++b) low_below_40 += low[b];
  return cjk_high_bytes(high) * 100 >= units * 85 && non_ascii_cjk_high_bytes(high) * 8 >= units &&
         cjk_high_bytes(low) * 100 <= units * 65 && low_below_40 * 10 >= units;
}

std::string_view sniff_utf16(std::string_view b) {
  const ParityHistogram h = parity_histogram(b);
  const bool valid_utf8 = is_valid_utf8(b.substr(0, 2 * h.units));
  if (looks_like_utf16(h, 1, valid_utf8)) return "UTF-16LE";
  if (looks_like_utf16(h, 0, valid_utf8)) return "UTF-16BE";
  return {};
}

// Value of a charset=... parameter inside a Content-Type value.
std::string_view charset_from_content(std::string_view content) {
  for (size_t i = 0; (i = content.find_first_of("cC", i)) != content.npos; ++i) {
    if (!starts_with_ci(content, i, "charset")) continue;
    size_t j = i + 7;
    while (j < content.size() && is_html_space(content[j])) ++j;
    if (j >= content.size() || content[j] != '=') continue;
    ++j;
    while (j < content.size() && is_html_space(content[j])) ++j;
    char quote = 0;
    if (j < content.size() && (content[j] == '"' || content[j] == '\'')) quote = content[j++];
    size_t k = j;
    while (k < content.size() && content[k] != quote && content[k] != ';' &&
           (quote || !is_html_space(content[k])))
      ++k;
    return content.substr(j, k - j);
  }
  return {};
}

// Parses the attributes of a <meta> tag starting at pos (just after "<meta");
// returns its charset label or "". Advances pos past the tag.
std::string_view meta_tag_charset(std::string_view s, size_t& pos) {
  std::string_view charset, content;
  bool content_type = false;
  while (pos < s.size()) {
    while (pos < s.size() && (is_html_space(s[pos]) || s[pos] == '/')) ++pos;
    if (pos >= s.size() || s[pos] == '>') break;
    size_t name_start = pos;
    while (pos < s.size() && !is_html_space(s[pos]) && s[pos] != '=' && s[pos] != '>' &&
           s[pos] != '/')
      ++pos;
    std::string_view name = s.substr(name_start, pos - name_start);
    while (pos < s.size() && is_html_space(s[pos])) ++pos;
    std::string_view value;
    if (pos < s.size() && s[pos] == '=') {
      ++pos;
      while (pos < s.size() && is_html_space(s[pos])) ++pos;
      if (pos < s.size() && (s[pos] == '"' || s[pos] == '\'')) {
        char q = s[pos++];
        size_t end = s.find(q, pos);
        if (end == s.npos) end = s.size();
        value = s.substr(pos, end - pos);
        pos = std::min(end + 1, s.size());
      } else {
        size_t start = pos;
        while (pos < s.size() && !is_html_space(s[pos]) && s[pos] != '>') ++pos;
        value = s.substr(start, pos - start);
      }
    }
    if (equals_ci(name, "charset") && charset.empty()) charset = value;
    if (equals_ci(name, "content")) content = value;
    if (equals_ci(name, "http-equiv") && equals_ci(value, "content-type")) content_type = true;
  }
  if (!charset.empty()) return charset;
  return content_type ? charset_from_content(content) : std::string_view{};
}

// Charset label from the first <meta charset> / http-equiv Content-Type in
// the first 4 KiB, skipping comments (a simplified WHATWG prescan).
std::string_view find_meta_charset(std::string_view bytes) {
  std::string_view s = bytes.substr(0, kMetaBytes);
  size_t pos = 0;
  while ((pos = s.find('<', pos)) != s.npos) {
    if (s.compare(pos, 4, "<!--") == 0) {
      size_t end = s.find("-->", pos + 4);
      if (end == s.npos) return {};
      pos = end + 3;
    } else if (starts_with_ci(s, pos, "<meta") && pos + 5 < s.size() &&
               (is_html_space(s[pos + 5]) || s[pos + 5] == '/')) {
      pos += 5;
      std::string_view label = meta_tag_charset(s, pos);
      if (!label.empty()) return label;
    } else {
      ++pos;
    }
  }
  return {};
}

// Up to 64 KiB for the statistical guessers: the first 4 KiB block plus the
// blocks that contain non-ASCII bytes, so a long ASCII head doesn't hide them.
std::string sample_for_detection(std::string_view b) {
  constexpr size_t kBlock = 4096;
  std::string sample(b.substr(0, kBlock));
  for (size_t i = kBlock; i < b.size() && sample.size() < kSniffBytes; i += kBlock) {
    std::string_view block = b.substr(i, kBlock);
    if (std::any_of(block.begin(), block.end(), [](char c) { return c & 0x80; }))
      sample.append(block);
  }
  return sample;
}

// Is this Arabic (or Persian/Urdu) text in windows-1256? Letters there are
// C1-DA, DC-DF, E1, E3-E6, EC-ED, harakat F0-FA, Persian/Urdu letters in
// 81-9F/AA/C0/FF. Arabic words are runs of such bytes with alef (C7) and lam
// (E1) the commonest letters; Latin or Cyrillic text read as 1256 has short
// runs or other letters.
bool is_1256_arabic_byte(unsigned char c) {
  switch (c) {
    case 0x81: case 0x8D: case 0x8E: case 0x90: case 0x98: case 0x9F: case 0xA1:
    case 0xAA: case 0xBA: case 0xBF: case 0xC0: case 0xE1: case 0xEC: case 0xED:
    case 0xF0: case 0xF1: case 0xF2: case 0xF3: case 0xF5: case 0xF6: case 0xF8:
    case 0xFA: case 0xFF:
      return true;
    default:
      return (c >= 0xC1 && c <= 0xDA) || (c >= 0xDC && c <= 0xDF) || (c >= 0xE3 && c <= 0xE6);
  }
}

bool looks_like_arabic_1256(std::string_view s) {
  size_t high = 0, arabic = 0, alef_lam = 0, runs = 0;
  bool in_run = false;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      in_run = false;
      continue;
    }
    ++high;
    arabic += is_1256_arabic_byte(c);
    alef_lam += c == 0xC7 || c == 0xE1;
    runs += !in_run;
    in_run = true;
  }
  return high >= 4 && arabic * 100 >= high * 85 && alef_lam * 10 >= high &&
         high * 2 >= runs * 5;  // mean run of non-ASCII bytes >= 2.5
}

struct Guess {
  std::string charset;  // "" if none
  int confidence = 0;   // ICU's 0..100
};

// ICU's best guess among charsets we can decode. Matches at confidence 10 or
// less are ICU's "anything goes" baseline and are ignored.
Guess icu_detect(std::string_view sample, bool html) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&err),
                                                                 &ucsdet_close);
  if (U_FAILURE(err)) return {};
  ucsdet_setText(det.get(), sample.data(), int32_t(sample.size()), &err);
  ucsdet_enableInputFilter(det.get(), html);
  int32_t n = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &n, &err);
  if (U_FAILURE(err)) return {};
  for (int32_t i = 0; i < n; ++i) {
    UErrorCode e = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[i], &e);
    const int confidence = ucsdet_getConfidence(matches[i], &e);
    if (U_FAILURE(e) || name == nullptr || confidence <= 10) continue;
    std::string_view v(name);
    // EBCDIC guesses are nearly always wrong on web text; BOM-less UTF-16/32
    // was already sniffed and ICU's low-confidence guesses here are noise.
    if (v.starts_with("IBM42") || is_utf16_or_32(v)) continue;
    if (std::string c = web_charset(v); !c.empty()) return {c, confidence};
  }
  return {};
}

// Charsets whose upper half is mostly Latin letters.
bool is_latin_charset(std::string_view c) {
  static constexpr std::string_view kLatin[] = {
      "windows-1250", "windows-1252", "windows-1254", "windows-1257", "windows-1258",
      "ISO-8859-1",   "ISO-8859-2",   "ISO-8859-3",   "ISO-8859-4",   "ISO-8859-9",
      "ISO-8859-10",  "ISO-8859-13",  "ISO-8859-14",  "ISO-8859-15",  "ISO-8859-16"};
  return std::find(std::begin(kLatin), std::end(kLatin), c) != std::end(kLatin);
}

std::string convert_to_utf8(std::string_view in, UConverter* cnv);

// Does decoding `sample` as `charset` produce U+FFFD or C1 controls?
bool has_undecodable(std::string_view sample, const std::string& charset) {
  ConverterPtr cnv = open_converter(charset);
  if (!cnv) return true;
  std::string text = convert_to_utf8(sample, cnv.get());
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    auto a = static_cast<unsigned char>(text[i]), b = static_cast<unsigned char>(text[i + 1]);
    if (a == 0xC2 && b >= 0x80 && b <= 0x9F) return true;  // U+0080..U+009F
    if (a == 0xEF && b == 0xBF && i + 2 < text.size() && text[i + 2] == '\xBD') return true;
  }
  return false;
}

// Guess for bytes that are not valid UTF-8 and carry no usable declaration.
// ICU tends to call windows-1256 Arabic a Latin charset, Persian ISO-8859-6,
// or a few words Shift_JIS: when the bytes look like 1256 Arabic and ICU's
// guess is unsure, Latin, or ISO-8859-6 with undecodable bytes, take 1256.
std::string detect_legacy_charset(std::string_view bytes) {
  std::string sample = sample_for_detection(bytes);
  bool html = sample.find('<') != std::string::npos;
  Guess guess = icu_detect(sample, html);
  if (guess.charset.empty()) guess = {"windows-1252", 0};
  if (guess.charset == "windows-1256" || !looks_like_arabic_1256(sample)) return guess.charset;
  const bool doubtful = guess.confidence < 50 || is_latin_charset(guess.charset) ||
                        (guess.charset == "ISO-8859-6" && has_undecodable(sample, "ISO-8859-6"));
  return doubtful ? "windows-1256" : guess.charset;
}

// The charset to decode with when none is forced; sets bom_len to the number
// of leading BOM bytes to skip.
std::string choose_charset(std::string_view bytes, size_t& bom_len) {
  if (std::string_view bom = sniff_bom(bytes, bom_len); !bom.empty()) return std::string(bom);
  if (std::string_view u16 = sniff_utf16(bytes); !u16.empty()) return std::string(u16);

  // Valid UTF-8 (or UTF-8 with a few stray bytes) beats a legacy label:
  // mislabelled pages are common. Not for 7-bit ISO-2022 text, which is
  // always "valid UTF-8".
  const bool valid = is_valid_utf8(bytes) || mostly_utf8(bytes.substr(0, kSniffBytes));
  std::string meta = web_charset(find_meta_charset(bytes));
  if (is_utf16_or_32(meta)) meta = kUtf8;  // HTML spec: a UTF-16 meta means UTF-8
  if (!meta.empty() && (!valid || meta.starts_with("ISO-2022"))) return meta;
  if (valid) {
    std::string_view head = bytes.substr(0, kSniffBytes);
    if (head.find("\x1B$") == head.npos && head.find("\x1B(") == head.npos) return kUtf8;
    Guess guess = icu_detect(head, head.find('<') != head.npos);
    return guess.charset.starts_with("ISO-2022") ? guess.charset : kUtf8;
  }
  return detect_legacy_charset(bytes);
}

// ------------------------------------------------------------- conversion

// Every undecodable or unmapped input sequence becomes one U+FFFD (ICU's own
// substitution would give U+001A for some single-byte tables).
void to_unicode_replace(const void*, UConverterToUnicodeArgs* args, const char*, int32_t,
                        UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset / close / clone
  static const UChar kFffd = 0xFFFD;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kFffd, 1, 0, err);
}

// Writes code point cp as UTF-8 at w; returns the end.
char* put_utf8(char* w, uint32_t cp) {
  if (cp < 0x80) {
    *w++ = char(cp);
  } else if (cp < 0x800) {
    *w++ = char(0xC0 | (cp >> 6));
    *w++ = char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *w++ = char(0xE0 | (cp >> 12));
    *w++ = char(0x80 | ((cp >> 6) & 0x3F));
    *w++ = char(0x80 | (cp & 0x3F));
  } else {
    *w++ = char(0xF0 | (cp >> 18));
    *w++ = char(0x80 | ((cp >> 12) & 0x3F));
    *w++ = char(0x80 | ((cp >> 6) & 0x3F));
    *w++ = char(0x80 | (cp & 0x3F));
  }
  return w;
}

// Writes UTF-16 units as UTF-8 at w (3 bytes per unit at most) and returns
// the end; a high surrogate at the end of a chunk waits in `pending` for its
// partner. Unpaired surrogates become U+FFFD.
char* utf16_to_utf8(const UChar* p, const UChar* end, UChar& pending, char* w) {
  for (; p < end; ++p) {
    const UChar u = *p;
    if (pending) {
      if (U16_IS_TRAIL(u)) {
        w = put_utf8(w, U16_GET_SUPPLEMENTARY(pending, u));
        pending = 0;
        continue;
      }
      w = put_utf8(w, 0xFFFD);
      pending = 0;
    }
    if (U16_IS_LEAD(u)) pending = u;
    else if (U16_IS_TRAIL(u)) w = put_utf8(w, 0xFFFD);
    else w = put_utf8(w, u);
  }
  return w;
}

// Decodes `in` with cnv, handing the UTF-8 to sink(std::string_view) in
// chunks of whole characters.
template <class Sink>
void convert(std::string_view in, UConverter* cnv, Sink&& sink) {
  UErrorCode err = U_ZERO_ERROR;
  ucnv_reset(cnv);
  ucnv_setToUCallBack(cnv, to_unicode_replace, nullptr, nullptr, nullptr, &err);
  constexpr size_t kChunk = 16 * 1024;
  std::unique_ptr<UChar[]> buf(new UChar[kChunk]);
  std::unique_ptr<char[]> utf8(new char[3 * kChunk + 8]);  // + two U+FFFD at the end
  const char* src = in.data();
  const char* const src_end = in.data() + in.size();
  UChar pending = 0;
  for (;;) {
    UChar* target = buf.get();
    err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv, &target, buf.get() + kChunk, &src, src_end, nullptr, true, &err);
    char* w = utf16_to_utf8(buf.get(), target, pending, utf8.get());
    const bool more = err == U_BUFFER_OVERFLOW_ERROR;
    if (!more && U_FAILURE(err)) w = put_utf8(w, 0xFFFD);  // e.g. truncated last character
    if (!more && pending) w = put_utf8(w, 0xFFFD);
    sink(std::string_view(utf8.get(), size_t(w - utf8.get())));
    if (!more) break;
  }
}

std::string convert_to_utf8(std::string_view in, UConverter* cnv) {
  std::string out;
  convert(in, cnv, [&](std::string_view chunk) { out += chunk; });
  return out;
}

}  // namespace

// ------------------------------------------------------------------ entry

Decoded decode(std::string_view bytes, std::string_view forced_encoding) {
  Decoded out;
  std::string charset;
  size_t bom_len = 0;
  if (!forced_encoding.empty()) {
    charset = canonical_charset(forced_encoding);
    if (charset.empty()) {
      out.bad_encoding = true;
      return out;
    }
  }
  if (bytes.empty()) {
    out.encoding = charset.empty() ? kUtf8 : charset;
    return out;
  }
  if (has_binary_magic(bytes)) {
    out.binary = true;
    return out;
  }
  if (charset.empty()) charset = choose_charset(bytes, bom_len);
  std::string_view body = bytes.substr(bom_len);

  ConverterPtr cnv = open_converter(charset);
  if (!cnv) {  // cannot happen for names we produced; be safe anyway
    charset = kUtf8;
    cnv = open_converter(charset);
  }
  const bool ascii_compatible = cnv && ucnv_getMinCharSize(cnv.get()) == 1;
  if (ascii_compatible && too_many_controls(body)) {
    out.binary = true;
    return out;
  }

  if (charset == kUtf8 || !cnv) {
    TextCleaner cleaner(body.size());
    cleaner.feed(body);
    out.text = cleaner.finish();
  } else {
    if (!ascii_compatible && too_many_controls(convert_to_utf8(body.substr(0, kSniffBytes),
                                                               cnv.get()))) {
      out.binary = true;
      return out;
    }
    TextCleaner cleaner(2 * body.size());
    convert(body, cnv.get(), [&](std::string_view chunk) { cleaner.feed(chunk); });
    out.text = cleaner.finish();
  }
  out.encoding = std::move(charset);
  return out;
}

}  // namespace winnow::internal
