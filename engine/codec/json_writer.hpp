// Writes JSON text straight into a string, for answers on the fast path (figures only) where building an
// nlohmann tree and dumping it cost more than the estimate itself. Output matches dump_json byte for byte for the
// same values in the same key order (string escapes included), so both paths can be compared as text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace claimcalc::codec {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // A member name (plain ASCII, written as is); the value written next belongs to it.
  void key(std::string_view name);
  void string(std::string_view text);
  void raw(std::string_view json_text);
  void integer(std::int64_t value);
  void boolean(bool value) { raw(value ? "true" : "false"); }
  void null() { raw("null"); }

 private:
  void separate();
  void open(char c);
  void close(char c);
  std::string& out_;
  bool first_ = true;  // no comma before the next value
  bool after_key_ = false;
};

// Appends text as a JSON string (quotes included), escaped as nlohmann's dump escapes it; invalid UTF-8 is
// replaced by U+FFFD as dump_json does.
void append_json_string(std::string& out, std::string_view text);

}  // namespace claimcalc::codec
