#include "schema_check.hpp"

#include <regex>
#include <set>

namespace test {

namespace {

using nlohmann::json;

bool has_type(const json& v, const std::string& type) {
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "string") return v.is_string();
  if (type == "integer") return v.is_number_integer();
  if (type == "number") return v.is_number();
  if (type == "boolean") return v.is_boolean();
  if (type == "null") return v.is_null();
  return false;
}

class Checker {
 public:
  explicit Checker(const json& root) : root_(root) {}
  std::vector<std::string> errors;

  void check(const json& s, const json& v, const std::string& at) {
    if (s.contains("$ref")) {
      const std::string ref = s["$ref"].get<std::string>();
      const std::string prefix = "#/$defs/";
      if (ref.rfind(prefix, 0) != 0 || !root_["$defs"].contains(ref.substr(prefix.size()))) {
        errors.push_back(at + ": unresolvable $ref " + ref);
        return;
      }
      check(root_["$defs"][ref.substr(prefix.size())], v, at);
    }
    if (s.contains("type")) {
      bool ok = false;
      if (s["type"].is_string()) ok = has_type(v, s["type"].get<std::string>());
      for (const auto& t : s["type"].is_array() ? s["type"] : json::array())
        ok = ok || has_type(v, t.get<std::string>());
      if (!ok) {
        errors.push_back(at + ": expected type " + s["type"].dump());
        return;
      }
    }
    if (s.contains("enum") && std::find(s["enum"].begin(), s["enum"].end(), v) == s["enum"].end())
      errors.push_back(at + ": " + v.dump() + " is not one of " + s["enum"].dump());
    if (s.contains("pattern") && v.is_string() &&
        !std::regex_search(v.get<std::string>(), std::regex(s["pattern"].get<std::string>())))
      errors.push_back(at + ": " + v.dump() + " does not match " + s["pattern"].get<std::string>());
    if (s.contains("anyOf")) {
      bool any = false;
      for (const auto& alt : s["anyOf"]) {
        Checker c(root_);
        c.check(alt, v, at);
        any = any || c.errors.empty();
      }
      if (!any) errors.push_back(at + ": matches none of anyOf");
    }
    if (v.is_object()) object(s, v, at);
    if (v.is_array()) array(s, v, at);
  }

 private:
  void object(const json& s, const json& v, const std::string& at) {
    for (const auto& r : s.value("required", json::array()))
      if (!v.contains(r.get<std::string>())) errors.push_back(at + ": missing " + r.get<std::string>());
    if (s.contains("minProperties") && v.size() < s["minProperties"].get<std::size_t>())
      errors.push_back(at + ": fewer than " + s["minProperties"].dump() + " members");
    const json props = s.value("properties", json::object());
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string child = at + "/" + it.key();
      if (props.contains(it.key())) {
        check(props[it.key()], it.value(), child);
      } else if (s.contains("additionalProperties")) {
        const json& extra = s["additionalProperties"];
        if (extra.is_boolean() && !extra.get<bool>())
          errors.push_back(child + ": not in the schema");
        else if (extra.is_object())
          check(extra, it.value(), child);
      }
    }
  }

  void array(const json& s, const json& v, const std::string& at) {
    if (s.contains("minItems") && v.size() < s["minItems"].get<std::size_t>())
      errors.push_back(at + ": fewer than " + s["minItems"].dump() + " items");
    if (!s.contains("items")) return;
    for (std::size_t i = 0; i < v.size(); ++i) check(s["items"], v[i], at + "/" + std::to_string(i));
  }

  const json& root_;
};

void collect(const json& s, std::set<std::string>& out) {
  if (s.is_object()) {
    if (s.contains("properties") && s["properties"].is_object())
      for (auto it = s["properties"].begin(); it != s["properties"].end(); ++it) out.insert(it.key());
    for (const auto& kv : s.items()) collect(kv.value(), out);
  } else if (s.is_array()) {
    for (const auto& x : s) collect(x, out);
  }
}

}  // namespace

std::vector<std::string> schema_errors(const json& schema, const json& value) {
  Checker c(schema);
  c.check(schema, value, "");
  return c.errors;
}

std::vector<std::string> schema_property_names(const json& schema) {
  std::set<std::string> out;
  collect(schema, out);
  return {out.begin(), out.end()};
}

}  // namespace test
