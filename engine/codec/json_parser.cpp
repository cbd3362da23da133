#include "engine/codec/json_parser.hpp"

#include "engine/codec/json_lexer.hpp"

namespace claimcalc::codec {

namespace {

// nlohmann's parser loop: the events and the checks in its order, so the first failure is the same one.
class Parser {
 public:
  Parser(std::string_view text, JsonEvents& events) : lexer_(text), events_(events) { next(); }

  bool parse() {
    if (!value_loop()) return false;
    if (next() != JsonToken::end_of_input) return fail();
    return true;
  }

 private:
  JsonToken next() {
    last_ = lexer_.scan();
    return last_;
  }
  // number_overflow: where a value is expected, a number beyond IEEE binary64's range is reported as that (nlohmann's
  // parser checks a floating-point number for being finite only there); anywhere else it is a syntax error like any
  // token.
  bool fail(bool number_overflow = false) {
    events_.parse_error(lexer_.position(), number_overflow);
    return false;
  }
  bool member_key() {
    if (!events_.key(lexer_.text())) return false;
    if (next() != JsonToken::name_separator) return fail();
    next();
    return true;
  }

  bool value_loop() {
    std::string open;       // the open containers, innermost last: 'a' array, 'o' object
    bool evaluate = false;  // a container just closed: go on with its parent
    while (true) {
      if (!evaluate) {
        switch (last_) {
          case JsonToken::begin_object:
            if (!events_.start_object()) return false;
            if (next() == JsonToken::end_object) {
              if (!events_.end_object()) return false;
              break;
            }
            if (last_ != JsonToken::value_string) return fail();
            if (!member_key()) return false;
            open += 'o';
            continue;
          case JsonToken::begin_array:
            if (!events_.start_array()) return false;
            if (next() == JsonToken::end_array) {
              if (!events_.end_array()) return false;
              break;
            }
            open += 'a';
            continue;
          case JsonToken::value_float:
            if (!events_.number_text(lexer_.text())) return false;
            break;
          case JsonToken::literal_false:
            if (!events_.boolean(false)) return false;
            break;
          case JsonToken::literal_true:
            if (!events_.boolean(true)) return false;
            break;
          case JsonToken::literal_null:
            if (!events_.null()) return false;
            break;
          case JsonToken::value_integer:
            if (!events_.number_integer(lexer_.integer_value)) return false;
            break;
          case JsonToken::value_unsigned:
            if (!events_.number_unsigned(lexer_.unsigned_value)) return false;
            break;
          case JsonToken::value_string:
            if (!events_.string(lexer_.text())) return false;
            break;
          case JsonToken::parse_error:
            return fail(lexer_.overflow);
          default:
            return fail();
        }
      }
      evaluate = false;
      if (open.empty()) return true;
      if (open.back() == 'a') {
        if (next() == JsonToken::value_separator) {
          next();
          continue;
        }
        if (last_ != JsonToken::end_array) return fail();
        if (!events_.end_array()) return false;
        open.pop_back();
        evaluate = true;
        continue;
      }
      if (next() == JsonToken::value_separator) {
        if (next() != JsonToken::value_string) return fail();
        if (!member_key()) return false;
        continue;
      }
      if (last_ != JsonToken::end_object) return fail();
      if (!events_.end_object()) return false;
      open.pop_back();
      evaluate = true;
    }
  }

  JsonLexer lexer_;
  JsonEvents& events_;
  JsonToken last_ = JsonToken::end_of_input;
};

}  // namespace

bool read_json(std::string_view text, JsonEvents& events) {
  Parser parser(text, events);
  return parser.parse();
}

}  // namespace claimcalc::codec
