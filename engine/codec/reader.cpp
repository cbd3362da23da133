#include "engine/codec/reader.hpp"

namespace claimcalc::codec {

std::string Reader::child(const std::string& path, std::string_view key) const {
  if (style_ == Style::pointer) return path + "/" + std::string(key);
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string Reader::index(const std::string& path, std::size_t i) const {
  if (style_ == Style::pointer) return path + "/" + std::to_string(i);
  return path + "[" + std::to_string(i) + "]";
}

std::string Reader::where(const std::string& path) const {
  if (style_ == Style::pointer) return file_ + "#" + path;
  return path;
}

void Reader::fail(ErrorCode c, const std::string& path, std::string zh, std::string en) {
  if (error_) return;
  error_ = make_error(code(c), where(path), std::move(zh), std::move(en));
}

void Reader::wrong_type(const std::string& path, const std::string& expected_zh, const std::string& expected_en) {
  fail(ErrorCode::wrong_type, path, "字段类型不正确：应为" + expected_zh, "wrong type: expected " + expected_en);
}

void Reader::unknown_value(const std::string& path, const std::string& got, std::string_view expected) {
  const std::string shown = got.size() > 64 ? got.substr(0, 0) + "…" : got;
  fail(ErrorCode::unknown_value, path, "取值「" + shown + "」无效，可选：" + std::string(expected),
       "unknown value \"" + shown + "\"; expected one of: " + std::string(expected));
}

bool Reader::expect_object(const json& j, const std::string& path) {
  if (failed()) return false;
  if (!j.is_object()) {
    wrong_type(path, "对象（{...}）", "an object ({...})");
    return false;
  }
  return true;
}

bool Reader::expect_array(const json& j, const std::string& path) {
  if (failed()) return false;
  if (!j.is_array()) {
    wrong_type(path, "数组（[...]）", "an array ([...])");
    return false;
  }
  return true;
}

void Reader::known_fields(const json& obj, const std::string& path, std::initializer_list<std::string_view> names) {
  if (failed() || !obj.is_object()) return;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    bool known = false;
    for (auto n : names) known = known || it.key() == n;
    if (!known) {
      const std::string key = it.key().size() > 64 ? it.key().substr(0, 64) : it.key();
      fail(ErrorCode::unknown_field, child(path, key), "未知字段「" + key + "」（是否拼写有误？）",
           "unknown field \"" + key + "\" (a typo?)");
      return;
    }
  }
}

const json* Reader::get(const json& obj, std::string_view key) {
  if (!obj.is_object()) return nullptr;
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return nullptr;
  return &*it;
}

const json* Reader::member(const json& obj, std::string_view key, const std::string& p, bool required) {
  if (failed()) return nullptr;
  const json* v = get(obj, key);
  if (v == nullptr && required) fail(ErrorCode::missing_field, p, "缺少必填字段", "required field is missing");
  return v;
}

std::optional<std::string> Reader::text(const json& obj, std::string_view key, const std::string& path, bool required,
                                        std::size_t max_bytes) {
  const std::string p = child(path, key);
  const json* v = member(obj, key, p, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    wrong_type(p, "字符串", "a string");
    return std::nullopt;
  }
  const std::string& s = v->get_ref<const std::string&>();
  if (s.size() > max_bytes) {
    fail(ErrorCode::too_large, p, "文字过长：超过 " + std::to_string(max_bytes) + " 字节",
         "text too long: over " + std::to_string(max_bytes) + " bytes");
    return std::nullopt;
  }
  return s;
}

std::optional<Fen> Reader::money(const json& obj, std::string_view key, const std::string& path, bool required,
                                 bool allow_negative) {
  const auto textual = decimal_text(obj, key, path, required, "金额字符串（如 \"1234.56\"）",
                                    "an amount as a decimal string (e.g. \"1234.56\")");
  if (!textual) return std::nullopt;
  const std::string p = child(path, key);
  auto r = parse_money(*textual, where(p));
  if (!r.ok()) {
    fail(ErrorCode::invalid_money, p, r.error().message_zh, r.error().message_en);
    return std::nullopt;
  }
  if (!allow_negative && r.value() < Fen::zero()) {
    fail(ErrorCode::negative_amount, p, "金额不能为负数", "amount must not be negative");
    return std::nullopt;
  }
  return r.value();
}

std::optional<Ratio> Reader::ratio(const json& obj, std::string_view key, const std::string& path, bool required) {
  const auto textual = decimal_text(obj, key, path, required, "比例字符串（如 \"0.9\" 或 \"90%\"）",
                                    "a ratio string (e.g. \"0.9\" or \"90%\")");
  if (!textual) return std::nullopt;
  const std::string p = child(path, key);
  auto r = parse_ratio(*textual, where(p));
  if (!r.ok()) {
    fail(ErrorCode::invalid_ratio, p, r.error().message_zh, r.error().message_en);
    return std::nullopt;
  }
  return r.value();
}

std::optional<std::string> Reader::decimal_text(const json& obj, std::string_view key, const std::string& path,
                                                bool required, const char* what_zh, const char* what_en) {
  const std::string p = child(path, key);
  const json* v = member(obj, key, p, required);
  if (v == nullptr) return std::nullopt;
  if (v->is_string()) return v->get_ref<const std::string&>();
  // A whole number as nlohmann's dump writes it (to_string: the serializer would bring printf into the wasm).
  if (v->is_number_unsigned()) return std::to_string(v->get<std::uint64_t>());
  if (v->is_number_integer()) return std::to_string(v->get<std::int64_t>());
  if (is_fraction(*v)) return fraction_text(*v);
  wrong_type(p, what_zh, what_en);
  return std::nullopt;
}

std::optional<Date> Reader::date(const json& obj, std::string_view key, const std::string& path, bool required) {
  const auto s = text(obj, key, path, required, 32);
  if (!s) return std::nullopt;
  auto r = Date::parse(*s, key);
  if (!r.ok()) {
    fail(ErrorCode::invalid_date, child(path, key), r.error().message_zh, r.error().message_en);
    return std::nullopt;
  }
  return r.value();
}

std::optional<std::int64_t> Reader::integer(const json& obj, std::string_view key, const std::string& path,
                                            bool required, std::int64_t min, std::int64_t max) {
  const std::string p = child(path, key);
  const json* v = member(obj, key, p, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number_integer()) {
    wrong_type(p, "整数", "a whole number");
    return std::nullopt;
  }
  const bool is_unsigned = v->is_number_unsigned();
  const auto value = is_unsigned ? static_cast<std::int64_t>(std::min<std::uint64_t>(
                                       v->get<std::uint64_t>(), static_cast<std::uint64_t>(INT64_MAX)))
                                 : v->get<std::int64_t>();
  if (value < min || value > max) {
    fail(ErrorCode::inconsistent, p,
         "数值超出范围：应在 " + std::to_string(min) + " 到 " + std::to_string(max) + " 之间",
         "out of range: expected " + std::to_string(min) + " to " + std::to_string(max));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> Reader::boolean(const json& obj, std::string_view key, const std::string& path, bool required) {
  const std::string p = child(path, key);
  const json* v = member(obj, key, p, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_boolean()) {
    wrong_type(p, "true 或 false", "true or false");
    return std::nullopt;
  }
  return v->get<bool>();
}

}  // namespace claimcalc::codec
