// A JSON text read into events, as nlohmann's sax_parse (strict, no comments) gives them: the same events in the
// same order, the same verdicts, the same error positions (characters read, EOF counted, as its lexer counts them).
// It exists for size: nlohmann's lexer brings strtod, extended-precision arithmetic and printf into the wasm (~13 KB
// brotli with the serializer, docs/size-and-start.md), and claimcalc keeps every fraction as its source text anyway.
// tests/unit/json_parser_test.cpp holds it equal to nlohmann's parser on generated and mutated inputs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace claimcalc::codec {

// Receives the events; returning false stops the reading (read_json then returns false).
class JsonEvents {
 public:
  virtual ~JsonEvents() = default;
  virtual bool null() = 0;
  virtual bool boolean(bool value) = 0;
  virtual bool number_integer(std::int64_t value) = 0;    // a negative whole number within int64
  virtual bool number_unsigned(std::uint64_t value) = 0;  // a whole number within uint64
  virtual bool number_text(std::string& text) = 0;        // any other finite number, as written
  virtual bool string(std::string& value) = 0;
  virtual bool key(std::string& name) = 0;
  virtual bool start_object() = 0;
  virtual bool end_object() = 0;
  virtual bool start_array() = 0;
  virtual bool end_array() = 0;
  // at: characters read when the error was seen; number_overflow: a number beyond IEEE binary64's range (1e309).
  virtual void parse_error(std::size_t at, bool number_overflow) = 0;
};

bool read_json(std::string_view text, JsonEvents& events);

}  // namespace claimcalc::codec
