#include "engine/codec/json_writer.hpp"

#include <algorithm>
#include <cstring>

namespace claimcalc::codec {

namespace {

// The UTF-8 sequence starting at s[i] (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF): its length
// when valid; otherwise how many bytes of it to replace by one U+FFFD, as nlohmann's dump does (the lead byte and
// the continuation bytes that still fit; the byte that broke the sequence is read again as a new one).
struct Utf8 {
  std::size_t length;
  bool valid;
};

Utf8 utf8_sequence(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t need = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return {1, false};
  }
  std::size_t k = 1;
  for (; k <= need && i + k < s.size(); ++k) {
    const auto x = static_cast<unsigned char>(s[i + k]);
    if (k == 1 ? (x < lo || x > hi) : (x & 0xC0) != 0x80) break;
  }
  return {k, k == need + 1};
}

// Whether any of 8 bytes is outside printable ASCII or is '"' or '\\' (SWAR: the usual has-zero-byte test on
// v ^ '"' and v ^ '\\', and has-less-than-0x20 once no byte has its high bit set).
bool any_special(std::uint64_t v) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  const std::uint64_t quote = v ^ (kOnes * '"');
  const std::uint64_t backslash = v ^ (kOnes * '\\');
  return ((v & kHigh) | ((v - kOnes * 0x20) & ~v & kHigh) | ((quote - kOnes) & ~quote & kHigh) |
          ((backslash - kOnes) & ~backslash & kHigh)) != 0;
}

void escape(std::string& out, unsigned char c) {
  static const char kHex[] = "0123456789abcdef";
  switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 15];
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  const std::size_t size = text.size();
  std::size_t i = 0;
  std::size_t run = 0;  // start of the text not yet appended: it needs no escape
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  while (i < size) {
    const unsigned char c = byte(i);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      ++i;
      while (size - i >= 8) {  // ASCII runs: 8 bytes at a time
        std::uint64_t v;
        std::memcpy(&v, text.data() + i, 8);
        if (any_special(v)) break;
        i += 8;
      }
      continue;
    }
    // Most text is Chinese: three-byte sequences whose lead byte needs no range check on the second byte.
    if (c >= 0xE1 && c <= 0xEF && c != 0xED && size - i >= 3 && (byte(i + 1) & 0xC0) == 0x80 &&
        (byte(i + 2) & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    std::size_t n = 1;
    if (c >= 0x80) {
      const Utf8 seq = utf8_sequence(text, i);
      if (seq.valid) {
        i += seq.length;
        continue;
      }
      n = seq.length;
    }
    out.append(text.data() + run, i - run);
    if (c >= 0x80) {
      out += "\xEF\xBF\xBD";  // invalid UTF-8, replaced as dump_json does
    } else {
      escape(out, c);
    }
    i += n;
    run = i;
  }
  out.append(text.data() + run, size - run);
  out += '"';
}

void reserve_more(std::string& out, std::size_t more) {
  const std::size_t need = out.size() + more;
  if (need > out.capacity()) out.reserve(std::max(need, 2 * out.capacity()));
}

void JsonWriter::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_) out_ += ',';
  first_ = false;
}

void JsonWriter::open(char c) {
  separate();
  out_ += c;
  first_ = true;
}

void JsonWriter::close(char c) {
  out_ += c;
  first_ = false;
}

void JsonWriter::key(std::string_view name) {
  separate();
  out_ += '"';
  out_ += name;
  out_ += "\":";
  after_key_ = true;
}

void JsonWriter::key_text(std::string_view name) {
  separate();
  append_json_string(out_, name);
  out_ += ':';
  after_key_ = true;
}

void JsonWriter::string(std::string_view text) {
  separate();
  append_json_string(out_, text);
}

void JsonWriter::raw(std::string_view json_text) {
  separate();
  out_ += json_text;
}

void JsonWriter::integer(std::int64_t value) {
  separate();
  out_ += std::to_string(value);
}

}  // namespace claimcalc::codec
