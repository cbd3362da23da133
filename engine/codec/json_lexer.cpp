#include "engine/codec/json_lexer.hpp"

#include "engine/codec/double_range.hpp"

namespace claimcalc::codec {

bool JsonLexer::skip_bom() {
  if (read() == 0xEF) return read() == 0xBB && read() == 0xBF;
  unread();
  return true;
}

JsonToken JsonLexer::literal(std::string_view word, JsonToken token) {
  for (std::size_t i = 1; i < word.size(); ++i)
    if (read() != static_cast<unsigned char>(word[i])) return JsonToken::parse_error;
  return token;
}

// Four hex digits after \u, or -1 at the first that is not one.
int JsonLexer::codepoint() {
  int value = 0;
  for (int shift = 12; shift >= 0; shift -= 4) {
    const int c = read();
    int d = -1;
    if (digit(c)) d = c - '0';
    if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    if (d < 0) return -1;
    value += d << shift;
  }
  return value;
}

// Reads bytes in the given ranges (pairs of lowest, highest), one byte each; false at the first out of range.
bool JsonLexer::bytes_in(std::initializer_list<int> ranges) {
  add(current_);
  for (auto r = ranges.begin(); r != ranges.end(); r += 2) {
    const int c = read();
    if (c < r[0] || c > r[1]) return false;
    add(c);
  }
  return true;
}

bool JsonLexer::escape() {
  const int c = read();
  switch (c) {
    case '"':
    case '\\':
    case '/':
      add(c);
      return true;
    case 'b':
      add('\b');
      return true;
    case 'f':
      add('\f');
      return true;
    case 'n':
      add('\n');
      return true;
    case 'r':
      add('\r');
      return true;
    case 't':
      add('\t');
      return true;
    case 'u':
      break;
    default:
      return false;
  }
  int cp = codepoint();
  if (cp < 0) return false;
  if (cp >= 0xD800 && cp <= 0xDBFF) {
    if (read() != '\\' || read() != 'u') return false;
    const int low = codepoint();
    if (low < 0xDC00 || low > 0xDFFF) return false;
    cp = (cp << 10) + low - 0x35FDC00;
  } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
    return false;
  }
  const auto u = static_cast<unsigned>(cp);
  if (u < 0x80) {
    add(cp);
  } else if (u <= 0x7FF) {
    add(static_cast<int>(0xC0u | (u >> 6u)));
    add(static_cast<int>(0x80u | (u & 0x3Fu)));
  } else if (u <= 0xFFFF) {
    add(static_cast<int>(0xE0u | (u >> 12u)));
    add(static_cast<int>(0x80u | ((u >> 6u) & 0x3Fu)));
    add(static_cast<int>(0x80u | (u & 0x3Fu)));
  } else {
    add(static_cast<int>(0xF0u | (u >> 18u)));
    add(static_cast<int>(0x80u | ((u >> 12u) & 0x3Fu)));
    add(static_cast<int>(0x80u | ((u >> 6u) & 0x3Fu)));
    add(static_cast<int>(0x80u | (u & 0x3Fu)));
  }
  return true;
}

// UTF-8 as RFC 3629 has it (no overlongs, no surrogates, nothing above U+10FFFF), as nlohmann checks it.
bool JsonLexer::utf8(int c) {
  if (c >= 0xC2 && c <= 0xDF) return bytes_in({0x80, 0xBF});
  if (c == 0xE0) return bytes_in({0xA0, 0xBF, 0x80, 0xBF});
  if (c == 0xED) return bytes_in({0x80, 0x9F, 0x80, 0xBF});
  if (c >= 0xE1 && c <= 0xEF) return bytes_in({0x80, 0xBF, 0x80, 0xBF});
  if (c == 0xF0) return bytes_in({0x90, 0xBF, 0x80, 0xBF, 0x80, 0xBF});
  if (c >= 0xF1 && c <= 0xF3) return bytes_in({0x80, 0xBF, 0x80, 0xBF, 0x80, 0xBF});
  if (c == 0xF4) return bytes_in({0x80, 0x8F, 0x80, 0xBF, 0x80, 0xBF});
  return false;
}

JsonToken JsonLexer::string() {
  buffer_.clear();
  while (true) {
    const int c = read();
    if (c == '"') return JsonToken::value_string;
    if (c == kEof || (c >= 0 && c < 0x20)) return JsonToken::parse_error;
    if (c == '\\') {
      if (!escape()) return JsonToken::parse_error;
    } else if (c < 0x80) {
      add(c);
    } else if (!utf8(c)) {
      return JsonToken::parse_error;
    }
  }
}

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, read one character past its end and that one taken back.
JsonToken JsonLexer::number() {
  buffer_.clear();
  JsonToken type = JsonToken::value_unsigned;
  int c = current_;
  if (c == '-') {
    type = JsonToken::value_integer;
    add(c);
    c = read();
    if (!digit(c)) return JsonToken::parse_error;
  }
  add(c);
  c = read();
  if (buffer_.back() != '0') {
    while (digit(c)) {
      add(c);
      c = read();
    }
  }
  if (c == '.') {
    type = JsonToken::value_float;
    add(c);
    if (!digit(read())) return JsonToken::parse_error;
    do {
      add(current_);
    } while (digit(read()));
    c = current_;
  }
  if (c == 'e' || c == 'E') {
    type = JsonToken::value_float;
    add(c);
    c = read();
    if (c == '+' || c == '-') {
      add(c);
      c = read();
    }
    if (!digit(c)) return JsonToken::parse_error;
    do {
      add(current_);
    } while (digit(read()));
  }
  unread();
  if (type != JsonToken::value_float && whole(type == JsonToken::value_integer)) return type;
  overflow = overflows_double(buffer_);
  return overflow ? JsonToken::parse_error : JsonToken::value_float;
}

// The whole number in buffer_ into unsigned_value or integer_value; false when it is out of their range (it is
// then read as any other number, as strtoull/strtoll report ERANGE).
bool JsonLexer::whole(bool negative) {
  std::uint64_t v = 0;
  for (std::size_t i = negative ? 1 : 0; i < buffer_.size(); ++i) {
    const auto d = static_cast<std::uint64_t>(buffer_[i] - '0');
    if (v > (UINT64_MAX - d) / 10) return false;
    v = v * 10 + d;
  }
  if (!negative) {
    unsigned_value = v;
    return true;
  }
  if (v > static_cast<std::uint64_t>(INT64_MAX) + 1) return false;
  integer_value = v == 0 ? 0 : -static_cast<std::int64_t>(v - 1) - 1;
  return true;
}

}  // namespace claimcalc::codec
