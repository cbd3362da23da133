#include "engine/codec/json_input.hpp"

#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "engine/codec/double_range.hpp"
#include "engine/codec/json_parser.hpp"
#include "engine/codec/json_writer.hpp"
#include "engine/core/limits.hpp"

namespace claimcalc::codec {

namespace {

// Marks a binary value as "a number's source text" (the byte is arbitrary; nothing else in claimcalc makes binaries).
constexpr std::uint8_t kFractionSubtype = 0x46;

json fraction(const std::string& text) {
  return json::binary(json::binary_t::container_type(text.begin(), text.end()), kFractionSubtype);
}

// Where a value sits: an object's key or an array's index, one per open container plus the value itself.
struct Step {
  std::string key;
  std::size_t index = 0;
  bool in_array = false;
};

std::string place(const std::vector<Step>& steps, JsonPaths paths) {
  std::string out;
  for (const auto& s : steps) {
    if (paths == JsonPaths::pointer) {
      out += "/" + (s.in_array ? std::to_string(s.index) : s.key);
    } else if (s.in_array) {
      out += "[" + std::to_string(s.index) + "]";
    } else {
      out += (out.empty() ? "" : ".") + s.key;
    }
  }
  return out;
}

// Builds the tree from read_json's events: to keep fractional numbers as text, to refuse a key given twice, and to
// stop at the depth limit before anything recursive (the tree's destructor) can meet hostile nesting.
class DomBuilder final : public JsonEvents {
 public:
  DomBuilder(json& root, const std::vector<std::size_t>& quoted_numbers) : root_(root), quoted_(quoted_numbers) {}
  bool too_deep = false;
  bool number_overflow = false;
  std::optional<std::vector<Step>> duplicate;  // where the second copy of a key sits
  std::size_t error_at = 0;

  bool null() override { return put(json(nullptr)); }
  bool boolean(bool v) override { return put(json(v)); }
  bool number_integer(std::int64_t v) override { return put(json(v)); }
  bool number_unsigned(std::uint64_t v) override { return put(json(v)); }
  bool number_text(std::string& text) override { return put(fraction(text)); }
  bool string(std::string& v) override {
    // A number out of IEEE binary64's range was quoted first (see quote_overflowing_numbers); it is still a number.
    const std::size_t ordinal = strings_seen_++;
    if (next_quoted_ < quoted_.size() && quoted_[next_quoted_] == ordinal) {
      ++next_quoted_;
      return put(fraction(v));
    }
    return put(json(std::move(v)));
  }
  bool start_object() override { return open(json::object()); }
  bool start_array() override { return open(json::array()); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(std::string& k) override {
    ++strings_seen_;
    key_ = std::move(k);
    return true;
  }
  void parse_error(std::size_t at, bool overflow) override {
    error_at = at;
    number_overflow = overflow;
  }

 private:
  // The step of the value about to be placed in the innermost open container.
  Step next_step() const {
    Step s;
    const json* top = stack_.back();
    s.in_array = top->is_array();
    s.index = s.in_array ? top->size() : 0;
    s.key = key_;
    return s;
  }
  bool put(json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return true;
    }
    json* top = stack_.back();
    if (top->is_array()) {
      top->push_back(std::move(v));
      return true;
    }
    if (top->contains(key_)) {
      auto where = steps_;
      where.push_back(next_step());
      duplicate = std::move(where);
      return false;
    }
    (*top)[key_] = std::move(v);
    return true;
  }
  bool open(json v) {
    if (static_cast<int>(stack_.size()) >= limits::kMaxJsonDepth) {
      too_deep = true;
      return false;
    }
    if (stack_.empty()) {
      root_ = std::move(v);
      stack_.push_back(&root_);
      return true;
    }
    const Step step = next_step();
    if (!put(std::move(v))) return false;
    json* top = stack_.back();
    stack_.push_back(top->is_array() ? &top->back() : &(*top)[step.key]);
    steps_.push_back(step);
    return true;
  }
  bool close() {
    stack_.pop_back();
    if (!steps_.empty()) steps_.pop_back();
    return true;
  }

  json& root_;
  const std::vector<std::size_t>& quoted_;
  std::size_t next_quoted_ = 0;
  std::size_t strings_seen_ = 0;
  std::vector<json*> stack_;
  std::vector<Step> steps_;
  std::string key_;
};

bool is_number_char(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// The reader refuses a number out of IEEE binary64's range (1e309) as if the whole input were not JSON (as nlohmann's
// does). Only then, this one linear pass puts such numbers in quotes and returns the ordinals (among all string tokens,
// keys included) of the strings it made, so the builder can turn them back into numbers and the field's reader can name
// the field.
std::vector<std::size_t> quote_overflowing_numbers(std::string_view text, std::string& out) {
  std::vector<std::size_t> quoted;
  std::size_t strings = 0;
  bool in_string = false;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) {
        out += text[i + 1];
        i += 2;
        continue;
      }
      in_string = c != '"';
      ++i;
      continue;
    }
    if (c == '"') {
      in_string = true;
      ++strings;
      out += c;
      ++i;
      continue;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      std::size_t end = i;
      while (end < text.size() && is_number_char(text[end])) ++end;
      const std::string number(text.substr(i, end - i));
      if (overflows_double(number)) {
        quoted.push_back(strings++);
        out += '"' + number + '"';
      } else {
        out += number;
      }
      i = end;
      continue;
    }
    out += c;
    ++i;
  }
  return quoted;
}

Error malformed(std::string_view field, std::size_t at, const char* zh_why, const char* en_why) {
  return make_error(ErrorCode::malformed_json, std::string(field),
                    std::string("输入不是有效的 JSON：") + zh_why + "（第 " + std::to_string(at) + " 字节附近）",
                    std::string("input is not valid JSON: ") + en_why + " (near byte " + std::to_string(at) + ")");
}

}  // namespace

Result<json> parse_json(std::string_view text, std::size_t max_bytes, std::string_view field, JsonPaths paths) {
  if (text.size() > max_bytes) {
    return make_error(ErrorCode::too_large, std::string(field),
                      "输入过大：超过 " + std::to_string(max_bytes) + " 字节上限",
                      "input too large: over the limit of " + std::to_string(max_bytes) + " bytes");
  }
  // The reader (as nlohmann's) takes a NUL byte for the end of the input, so "{...}\0garbage" would pass.
  if (const void* nul = std::memchr(text.data(), 0, text.size())) {
    const auto at = static_cast<std::size_t>(static_cast<const char*>(nul) - text.data());
    return malformed(field, at, "含有 NUL 字节", "it holds a NUL byte");
  }
  std::string requoted;
  std::vector<std::size_t> quoted;
  json root;
  for (int attempt = 0; attempt < 2; ++attempt) {
    const std::string_view source = attempt == 0 ? text : std::string_view(requoted);
    root = json();
    DomBuilder builder(root, quoted);
    if (read_json(source, builder)) return root;
    if (builder.too_deep) {
      return make_error(ErrorCode::too_large, std::string(field),
                        "输入嵌套过深：超过 " + std::to_string(limits::kMaxJsonDepth) + " 层",
                        "input nested too deeply: over " + std::to_string(limits::kMaxJsonDepth) + " levels");
    }
    if (builder.duplicate) {
      const std::string where = place(*builder.duplicate, paths);
      const std::string name = builder.duplicate->back().key.substr(0, 64);
      const std::string f = paths == JsonPaths::pointer        ? std::string(field) + "#" + where
                            : where.empty() || where[0] == '[' ? std::string(field) + where
                                                               : where;
      return make_error(ErrorCode::malformed_json, f, "键「" + name + "」出现了两次：不知道该用哪一个",
                        "the key \"" + name + "\" appears twice: which one is meant is ambiguous");
    }
    if (!builder.number_overflow || attempt == 1) {
      return malformed(field, builder.error_at, "语法错误、值之后还有多余内容，或含有无效的 UTF-8 字符",
                       "a syntax error, bytes after the value, or invalid UTF-8");
    }
    quoted = quote_overflowing_numbers(text, requoted);
  }
  return malformed(field, 0, "无法解析", "cannot be parsed");
}

bool is_fraction(const json& j) {
  return j.is_binary() && j.get_binary().has_subtype() && j.get_binary().subtype() == kFractionSubtype;
}

std::string fraction_text(const json& j) {
  if (!is_fraction(j)) return {};
  const auto& bytes = j.get_binary();
  return std::string(bytes.begin(), bytes.end());
}

namespace {

// As nlohmann's dump(-1, ' ', false, replace) writes a value (its serializer brings printf and floating-point
// formatting into the wasm). No tree claimcalc writes holds a binary floating-point number: parse_json keeps fractions
// as text and no code makes a binary64 number, so that case is not written.
void write_value(JsonWriter& w, const json& j) {
  switch (j.type()) {
    case json::value_t::object:
      w.begin_object();
      for (const auto& [name, value] : j.get_ref<const json::object_t&>()) {
        w.key_text(name);
        write_value(w, value);
      }
      w.end_object();
      return;
    case json::value_t::array:
      w.begin_array();
      for (const auto& value : j.get_ref<const json::array_t&>()) write_value(w, value);
      w.end_array();
      return;
    case json::value_t::string:
      w.string(j.get_ref<const std::string&>());
      return;
    case json::value_t::boolean:
      w.boolean(j.get<bool>());
      return;
    case json::value_t::number_integer:
      w.integer(j.get<std::int64_t>());
      return;
    case json::value_t::number_unsigned:
      w.unsigned_integer(j.get<std::uint64_t>());
      return;
    case json::value_t::binary: {
      // {"bytes":[...],"subtype":n}, as nlohmann writes a binary value (a fraction's text, if one were written).
      const auto& bytes = j.get_binary();
      w.begin_object();
      w.key("bytes");
      w.begin_array();
      for (const std::uint8_t b : bytes) w.integer(b);
      w.end_array();
      w.key("subtype");
      if (bytes.has_subtype()) {
        w.unsigned_integer(bytes.subtype());
      } else {
        w.null();
      }
      w.end_object();
      return;
    }
    default:
      w.null();
  }
}

}  // namespace

std::string dump_json(const json& j, Charset charset) {
  std::string out;
  {
    JsonWriter w(out, charset);
    write_value(w, j);
  }
  return out;
}

}  // namespace claimcalc::codec
