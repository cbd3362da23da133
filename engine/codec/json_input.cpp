#include "engine/codec/json_input.hpp"

#include <string>
#include <vector>

#include "engine/core/limits.hpp"

namespace claimcalc::codec {

namespace {

// A SAX handler that builds the tree itself, to keep fractional numbers as text and to stop at the depth limit before
// anything recursive (the tree's destructor) can meet hostile nesting.
class DomBuilder {
 public:
  explicit DomBuilder(json& root) : root_(root) {}
  bool too_deep = false;

  bool null() { return put(json(nullptr)) != nullptr; }
  bool boolean(bool v) { return put(json(v)) != nullptr; }
  bool number_integer(json::number_integer_t v) { return put(json(v)) != nullptr; }
  bool number_unsigned(json::number_unsigned_t v) { return put(json(v)) != nullptr; }
  bool number_float(json::number_float_t /*v*/, const json::string_t& text) { return put(json(text)) != nullptr; }
  bool string(json::string_t& v) { return put(json(std::move(v))) != nullptr; }
  bool binary(json::binary_t& /*v*/) { return false; }
  bool start_object(std::size_t /*n*/) { return open(json::object()); }
  bool start_array(std::size_t /*n*/) { return open(json::array()); }
  bool end_object() {
    stack_.pop_back();
    return true;
  }
  bool end_array() {
    stack_.pop_back();
    return true;
  }
  bool key(json::string_t& k) {
    key_ = k;
    return true;
  }
  bool parse_error(std::size_t /*pos*/, const std::string& /*token*/, const nlohmann::detail::exception& /*ex*/) {
    return false;
  }

 private:
  json* put(json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    json* top = stack_.back();
    if (top->is_array()) {
      top->push_back(std::move(v));
      return &top->back();
    }
    json& slot = (*top)[key_];
    slot = std::move(v);
    return &slot;
  }
  bool open(json v) {
    if (static_cast<int>(stack_.size()) >= limits::kMaxJsonDepth) {
      too_deep = true;
      return false;
    }
    stack_.push_back(put(std::move(v)));
    return true;
  }

  json& root_;
  std::vector<json*> stack_;
  std::string key_;
};

}  // namespace

Result<json> parse_json(std::string_view text, std::size_t max_bytes, std::string_view field) {
  if (text.size() > max_bytes) {
    return make_error(ErrorCode::too_large, std::string(field),
                      "输入过大：超过 " + std::to_string(max_bytes) + " 字节上限",
                      "input too large: over the limit of " + std::to_string(max_bytes) + " bytes");
  }
  json root;
  DomBuilder builder(root);
  const bool ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true, false);
  if (builder.too_deep) {
    return make_error(ErrorCode::too_large, std::string(field),
                      "输入嵌套过深：超过 " + std::to_string(limits::kMaxJsonDepth) + " 层",
                      "input nested too deeply: over " + std::to_string(limits::kMaxJsonDepth) + " levels");
  }
  if (!ok) {
    return make_error(ErrorCode::malformed_json, std::string(field), "输入不是有效的 JSON（或含有无效的 UTF-8 字符）",
                      "input is not valid JSON (or holds invalid UTF-8)");
  }
  return root;
}

std::string dump_json(const json& j, int indent) { return j.dump(indent, ' ', false, json::error_handler_t::replace); }

}  // namespace claimcalc::codec
