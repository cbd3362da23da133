// Typed, non-throwing reads from a JSON tree. The first error wins and names the field by its path: dotted
// for requests ("items[3].amount"), file plus JSON pointer for policy files ("shenzhen/2023-10-01.json#/...").
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/codec/json_input.hpp"
#include "engine/core/date.hpp"
#include "engine/core/money.hpp"
#include "engine/core/vocabulary.hpp"

namespace claimcalc::codec {

class Reader {
 public:
  enum class Style { dotted, pointer };
  Reader(Style style, std::string file, ErrorCode code_for_policy_errors = ErrorCode::policy_invalid)
      : style_(style), file_(std::move(file)), policy_code_(code_for_policy_errors) {}

  std::string child(const std::string& path, std::string_view key) const;
  std::string index(const std::string& path, std::size_t i) const;

  bool failed() const { return error_.has_value(); }
  const Error& error() const { return *error_; }
  void fail(ErrorCode code, const std::string& path, std::string zh, std::string en);

  bool expect_object(const json& j, const std::string& path);
  bool expect_array(const json& j, const std::string& path);
  // Any member not in names is an error: a typo must not silently change an answer.
  void known_fields(const json& obj, const std::string& path, std::initializer_list<std::string_view> names);
  // The member, or nullptr when absent or null.
  static const json* get(const json& obj, std::string_view key);

  std::optional<std::string> text(const json& obj, std::string_view key, const std::string& path, bool required,
                                  std::size_t max_bytes);
  std::optional<Fen> money(const json& obj, std::string_view key, const std::string& path, bool required,
                           bool allow_negative = false);
  std::optional<Ratio> ratio(const json& obj, std::string_view key, const std::string& path, bool required);
  std::optional<Date> date(const json& obj, std::string_view key, const std::string& path, bool required);
  std::optional<std::int64_t> integer(const json& obj, std::string_view key, const std::string& path, bool required,
                                      std::int64_t min, std::int64_t max);
  std::optional<bool> boolean(const json& obj, std::string_view key, const std::string& path, bool required);

  template <class E>
  std::optional<E> enumeration(const json& obj, std::string_view key, const std::string& path, bool required) {
    const auto name = text(obj, key, path, required, 64);
    if (!name) return std::nullopt;
    auto v = from_name<E>(*name);
    if (!v) unknown_value(child(path, key), *name, names_list<E>());
    return v;
  }
  // A single name or an array of names.
  template <class E>
  std::vector<E> enum_list(const json& obj, std::string_view key, const std::string& path) {
    std::vector<E> out;
    const json* v = get(obj, key);
    if (v == nullptr || failed()) return out;
    const std::string p = child(path, key);
    if (v->is_string()) {
      if (auto e = enumeration<E>(obj, key, path, true)) out.push_back(*e);
      return out;
    }
    if (!expect_array(*v, p)) return out;
    for (std::size_t i = 0; i < v->size() && !failed(); ++i) {
      const json& item = (*v)[i];
      if (!item.is_string()) {
        wrong_type(index(p, i), "字符串", "a string");
        break;
      }
      auto e = from_name<E>(item.get_ref<const std::string&>());
      if (!e) {
        unknown_value(index(p, i), item.get_ref<const std::string&>(), names_list<E>());
        break;
      }
      out.push_back(*e);
    }
    return out;
  }

  void wrong_type(const std::string& path, const std::string& expected_zh, const std::string& expected_en);
  // The text of a field that holds a decimal: a string, or a JSON number (fractions keep their source text).
  std::optional<std::string> decimal_text(const json& obj, std::string_view key, const std::string& path, bool required,
                                          const char* what_zh, const char* what_en);
  void unknown_value(const std::string& path, const std::string& got, std::string_view expected);

 private:
  // The member at p (child(path, key)), or nullptr when absent, null or after a failure; a required one that is
  // absent fails with missing_field.
  const json* member(const json& obj, std::string_view key, const std::string& p, bool required);
  ErrorCode code(ErrorCode input_code) const { return style_ == Style::pointer ? policy_code_ : input_code; }
  std::string where(const std::string& path) const;
  Style style_;
  std::string file_;
  ErrorCode policy_code_;
  std::optional<Error> error_;
};

}  // namespace claimcalc::codec
