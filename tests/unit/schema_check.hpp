// A small JSON Schema checker for the hand-written schemas in docs/schema/ (a subset of draft 2020-12: type,
// enum, properties, required, additionalProperties, items, minItems, minProperties, pattern, anyOf, $ref to
// "#/$defs/<name>"). Enough to hold every policy file and every case request to the documented shape.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace test {

// Each violation as "<JSON pointer>: <reason>"; empty when the value conforms.
std::vector<std::string> schema_errors(const nlohmann::json& schema, const nlohmann::json& value);

// Every property name a schema declares anywhere (properties of every object, $defs included).
std::vector<std::string> schema_property_names(const nlohmann::json& schema);

}  // namespace test
