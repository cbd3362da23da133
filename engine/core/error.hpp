// Errors are values: every failure reachable from input is one of these codes, with the field it concerns
// and a sentence in Chinese and in English. No exceptions, no aborts.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace claimcalc {

// A closed list: each code is exercised by a hostile input in tests/unit/error_codes_test.cpp.
enum class ErrorCode {
  malformed_json,      // not JSON at all, or invalid UTF-8
  too_large,           // over a byte, item or nesting limit (limits.hpp)
  wrong_type,          // a field of the wrong JSON type
  missing_field,       // a field the case needs is absent
  unknown_field,       // a field name claimcalc does not know (usually a typo)
  unknown_value,       // an enum value outside the glossary list
  invalid_money,       // not a decimal with at most two places, or out of range
  negative_amount,     // money below zero where only zero or more makes sense
  invalid_ratio,       // a ratio outside [0, 1] or with too many places
  invalid_date,        // not YYYY-MM-DD or not a calendar date
  inconsistent,        // fields that contradict each other (discharge before admission, ...)
  unknown_region,      // no policy for that region id
  no_policy_for_date,  // the region has policies, none in force on the date of care
  unknown_command,     // an API operation that does not exist
  policy_invalid,      // a policy file breaks the schema or a validation rule
  region_not_loaded,   // a built-in region whose file (split build) is not read yet: the loader supplies it
};

const char* error_code_name(ErrorCode code);

struct Error {
  ErrorCode code;
  std::string field;  // request field path (e.g. "items[3].amount") or, for policies, file#/json/pointer
  std::string message_zh;
  std::string message_en;
  // region_not_loaded only: the region files to read (ids in pack order), named apart from field so a host reads
  // them without parsing a field or a message.
  std::vector<std::string> regions;
};

Error make_error(ErrorCode code, std::string field, std::string message_zh, std::string message_en);

// Holds a T or an Error. Small on purpose: the engine needs nothing more.
template <class T>
class Result {
 public:
  // Moved in where the value is a temporary (an estimate is moved once, not twice, on its way out).
  Result(T&& value) : v_(std::move(value)) {}    // NOLINT(google-explicit-constructor): returns read naturally
  Result(const T& value) : v_(value) {}          // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)
  bool ok() const { return v_.index() == 0; }
  const T& value() const { return std::get<0>(v_); }
  T& value() { return std::get<0>(v_); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace claimcalc
