// The tokens of a JSON text, for codec/json_parser's Parser (its one user; json_parser.hpp says why claimcalc reads
// JSON itself).
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace claimcalc::codec {

enum class JsonToken {
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
class JsonLexer {
 public:
  explicit JsonLexer(std::string_view text) : text_(text) {}

  std::size_t position() const { return read_; }
  std::string& text() { return buffer_; }
  std::uint64_t unsigned_value = 0;
  std::int64_t integer_value = 0;
  bool overflow = false;  // the last token failed as a number beyond IEEE binary64's range

  // The next token; its text (a string's value, a number as written) is text(). Inline: the parser's loop calls it
  // for every token.
  JsonToken scan();

 private:
  static constexpr int kEof = -1;
  static bool digit(int c) { return c >= '0' && c <= '9'; }

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

  // The helpers of string() and number() are inline (defined in json_lexer.cpp, where their only callers are) so
  // that the compiler folds them in as it did when the lexer was local to json_parser.cpp: out of line, reading a
  // JSON text took 18 % more instructions (callgrind, 114 KB of policies and requests).
  bool skip_bom();
  JsonToken literal(std::string_view word, JsonToken token);
  JsonToken string();
  inline bool escape();
  inline int codepoint();
  inline bool utf8(int c);
  inline bool bytes_in(std::initializer_list<int> ranges);
  JsonToken number();
  inline bool whole(bool negative);

  std::string_view text_;
  std::size_t next_ = 0;
  std::size_t read_ = 0;
  int current_ = kEof;
  bool unread_ = false;
  std::string buffer_;
};

inline JsonToken JsonLexer::scan() {
  overflow = false;
  if (read_ == 0 && !skip_bom()) return JsonToken::parse_error;
  do {
    read();
  } while (current_ == ' ' || current_ == '\t' || current_ == '\n' || current_ == '\r');
  switch (current_) {
    case '[':
      return JsonToken::begin_array;
    case ']':
      return JsonToken::end_array;
    case '{':
      return JsonToken::begin_object;
    case '}':
      return JsonToken::end_object;
    case ':':
      return JsonToken::name_separator;
    case ',':
      return JsonToken::value_separator;
    case 't':
      return literal("true", JsonToken::literal_true);
    case 'f':
      return literal("false", JsonToken::literal_false);
    case 'n':
      return literal("null", JsonToken::literal_null);
    case '"':
      return string();
    case '\0':
    case kEof:
      return JsonToken::end_of_input;
    default:
      return current_ == '-' || digit(current_) ? number() : JsonToken::parse_error;
  }
}

}  // namespace claimcalc::codec
