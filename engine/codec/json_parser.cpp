#include "engine/codec/json_parser.hpp"

#include "engine/codec/double_range.hpp"

#include <initializer_list>

namespace claimcalc::codec {

namespace {

constexpr int kEof = -1;

bool digit(int c) { return c >= '0' && c <= '9'; }

enum class Token {
  begin_array,
  begin_object,
  end_array,
  end_object,
  name_separator,
  value_separator,
  literal_true,
  literal_false,
  literal_null,
  value_string,
  value_unsigned,
  value_integer,
  value_float,
  end_of_input,
  parse_error
};

// nlohmann's lexer, state for state: read() counts every character it reads, EOF included, and unread() takes one
// back, so `read_` is the position its errors report.
class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::size_t position() const { return read_; }
  std::string& text() { return buffer_; }
  std::uint64_t unsigned_value = 0;
  std::int64_t integer_value = 0;
  bool overflow = false;  // the last token failed as a number beyond a double's range

  Token scan() {
    overflow = false;
    if (read_ == 0 && !skip_bom()) return Token::parse_error;
    do {
      read();
    } while (current_ == ' ' || current_ == '\t' || current_ == '\n' || current_ == '\r');
    switch (current_) {
      case '[':
        return Token::begin_array;
      case ']':
        return Token::end_array;
      case '{':
        return Token::begin_object;
      case '}':
        return Token::end_object;
      case ':':
        return Token::name_separator;
      case ',':
        return Token::value_separator;
      case 't':
        return literal("true", Token::literal_true);
      case 'f':
        return literal("false", Token::literal_false);
      case 'n':
        return literal("null", Token::literal_null);
      case '"':
        return string();
      case '\0':
      case kEof:
        return Token::end_of_input;
      default:
        return current_ == '-' || digit(current_) ? number() : Token::parse_error;
    }
  }

 private:
  int read() {
    ++read_;
    if (unread_) {
      unread_ = false;
    } else {
      current_ = next_ < text_.size() ? static_cast<unsigned char>(text_[next_++]) : kEof;
    }
    return current_;
  }
  void unread() {
    unread_ = true;
    --read_;
  }
  void add(int c) { buffer_ += static_cast<char>(c); }

  bool skip_bom() {
    if (read() == 0xEF) return read() == 0xBB && read() == 0xBF;
    unread();
    return true;
  }

  Token literal(std::string_view word, Token token) {
    for (std::size_t i = 1; i < word.size(); ++i)
      if (read() != static_cast<unsigned char>(word[i])) return Token::parse_error;
    return token;
  }

  // Four hex digits after \u, or -1 at the first that is not one.
  int codepoint() {
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
  bool bytes_in(std::initializer_list<int> ranges) {
    add(current_);
    for (auto r = ranges.begin(); r != ranges.end(); r += 2) {
      const int c = read();
      if (c < r[0] || c > r[1]) return false;
      add(c);
    }
    return true;
  }

  bool escape() {
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
  bool utf8(int c) {
    if (c >= 0xC2 && c <= 0xDF) return bytes_in({0x80, 0xBF});
    if (c == 0xE0) return bytes_in({0xA0, 0xBF, 0x80, 0xBF});
    if (c == 0xED) return bytes_in({0x80, 0x9F, 0x80, 0xBF});
    if (c >= 0xE1 && c <= 0xEF) return bytes_in({0x80, 0xBF, 0x80, 0xBF});
    if (c == 0xF0) return bytes_in({0x90, 0xBF, 0x80, 0xBF, 0x80, 0xBF});
    if (c >= 0xF1 && c <= 0xF3) return bytes_in({0x80, 0xBF, 0x80, 0xBF, 0x80, 0xBF});
    if (c == 0xF4) return bytes_in({0x80, 0x8F, 0x80, 0xBF, 0x80, 0xBF});
    return false;
  }

  Token string() {
    buffer_.clear();
    while (true) {
      const int c = read();
      if (c == '"') return Token::value_string;
      if (c == kEof || (c >= 0 && c < 0x20)) return Token::parse_error;
      if (c == '\\') {
        if (!escape()) return Token::parse_error;
      } else if (c < 0x80) {
        add(c);
      } else if (!utf8(c)) {
        return Token::parse_error;
      }
    }
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, read one character past its end and that one taken back.
  Token number() {
    buffer_.clear();
    Token type = Token::value_unsigned;
    int c = current_;
    if (c == '-') {
      type = Token::value_integer;
      add(c);
      c = read();
      if (!digit(c)) return Token::parse_error;
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
      type = Token::value_float;
      add(c);
      if (!digit(read())) return Token::parse_error;
      do {
        add(current_);
      } while (digit(read()));
      c = current_;
    }
    if (c == 'e' || c == 'E') {
      type = Token::value_float;
      add(c);
      c = read();
      if (c == '+' || c == '-') {
        add(c);
        c = read();
      }
      if (!digit(c)) return Token::parse_error;
      do {
        add(current_);
      } while (digit(read()));
    }
    unread();
    if (type != Token::value_float && whole(type == Token::value_integer)) return type;
    overflow = overflows_double(buffer_);
    return overflow ? Token::parse_error : Token::value_float;
  }

  // The whole number in buffer_ into unsigned_value or integer_value; false when it is out of their range (it is
  // then read as any other number, as strtoull/strtoll report ERANGE).
  bool whole(bool negative) {
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

  std::string_view text_;
  std::size_t next_ = 0;
  std::size_t read_ = 0;
  int current_ = kEof;
  bool unread_ = false;
  std::string buffer_;
};

// nlohmann's parser loop: the events and the checks in its order, so the first failure is the same one.
class Parser {
 public:
  Parser(std::string_view text, JsonEvents& events) : lexer_(text), events_(events) { next(); }

  bool parse() {
    if (!value_loop()) return false;
    if (next() != Token::end_of_input) return fail();
    return true;
  }

 private:
  Token next() {
    last_ = lexer_.scan();
    return last_;
  }
  // number_overflow: where a value is expected, a number beyond a double's range is reported as that (nlohmann's
  // parser checks a float for being finite only there); anywhere else it is a syntax error like any token.
  bool fail(bool number_overflow = false) {
    events_.parse_error(lexer_.position(), number_overflow);
    return false;
  }
  bool member_key() {
    if (!events_.key(lexer_.text())) return false;
    if (next() != Token::name_separator) return fail();
    next();
    return true;
  }

  bool value_loop() {
    std::string open;       // the open containers, innermost last: 'a' array, 'o' object
    bool evaluate = false;  // a container just closed: go on with its parent
    while (true) {
      if (!evaluate) {
        switch (last_) {
          case Token::begin_object:
            if (!events_.start_object()) return false;
            if (next() == Token::end_object) {
              if (!events_.end_object()) return false;
              break;
            }
            if (last_ != Token::value_string) return fail();
            if (!member_key()) return false;
            open += 'o';
            continue;
          case Token::begin_array:
            if (!events_.start_array()) return false;
            if (next() == Token::end_array) {
              if (!events_.end_array()) return false;
              break;
            }
            open += 'a';
            continue;
          case Token::value_float:
            if (!events_.number_text(lexer_.text())) return false;
            break;
          case Token::literal_false:
            if (!events_.boolean(false)) return false;
            break;
          case Token::literal_true:
            if (!events_.boolean(true)) return false;
            break;
          case Token::literal_null:
            if (!events_.null()) return false;
            break;
          case Token::value_integer:
            if (!events_.number_integer(lexer_.integer_value)) return false;
            break;
          case Token::value_unsigned:
            if (!events_.number_unsigned(lexer_.unsigned_value)) return false;
            break;
          case Token::value_string:
            if (!events_.string(lexer_.text())) return false;
            break;
          case Token::parse_error:
            return fail(lexer_.overflow);
          default:
            return fail();
        }
      }
      evaluate = false;
      if (open.empty()) return true;
      if (open.back() == 'a') {
        if (next() == Token::value_separator) {
          next();
          continue;
        }
        if (last_ != Token::end_array) return fail();
        if (!events_.end_array()) return false;
        open.pop_back();
        evaluate = true;
        continue;
      }
      if (next() == Token::value_separator) {
        if (next() != Token::value_string) return fail();
        if (!member_key()) return false;
        continue;
      }
      if (last_ != Token::end_object) return fail();
      if (!events_.end_object()) return false;
      open.pop_back();
      evaluate = true;
    }
  }

  Lexer lexer_;
  JsonEvents& events_;
  Token last_ = Token::end_of_input;
};

}  // namespace

bool read_json(std::string_view text, JsonEvents& events) {
  Parser parser(text, events);
  return parser.parse();
}

}  // namespace claimcalc::codec
