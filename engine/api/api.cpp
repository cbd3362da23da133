#include "engine/api/api.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "engine/api/builtin_divisions.hpp"
#include "engine/api/builtin_policies.hpp"
#include "engine/api/operations.hpp"
#include "engine/codec/compiled_pack.hpp"
#include "engine/codec/coverage_codec.hpp"
#include "engine/codec/json_input.hpp"
#include "engine/codec/kept_sources.hpp"
#include "engine/codec/policy_codec.hpp"
#include "engine/codec/process_codec.hpp"
#include "engine/codec/reader.hpp"
#include "engine/codec/request_codec.hpp"
#include "engine/codec/result_codec.hpp"
#include "engine/core/coverage.hpp"
#include "engine/core/estimate.hpp"
#include "engine/core/limits.hpp"
#include "engine/core/region_files.hpp"
#include "engine/core/region_resolve.hpp"
#include "engine/core/sha256.hpp"

namespace claimcalc::api {

using codec::json;

const char* engine_version() { return "0.1.0"; }

namespace {
codec::Charset charset_of(CallOptions options) { return options.ascii ? codec::Charset::ascii : codec::Charset::utf8; }
}  // namespace

Engine::Kept::Kept() : kept_(std::make_unique<codec::KeptSources>()) {}
Engine::Kept::~Kept() = default;
Engine::Kept::Kept(const Kept& /*other*/) : Kept() {}
Engine::Kept::Kept(Kept&&) noexcept = default;
Engine::Kept& Engine::Kept::operator=(const Kept& other) {
  if (this != &other) kept_ = std::make_unique<codec::KeptSources>();
  return *this;
}
Engine::Kept& Engine::Kept::operator=(Kept&&) noexcept = default;

std::string error_envelope(const Error& error, CallOptions options) {
  return codec::dump_json(codec::error_envelope(error), charset_of(options));
}

namespace {
// The region file of a split build whose key (&RegionFile::region: its region id; &RegionFile::sha256: its SHA-256
// in hex) is value, or null.
const RegionFile* region_file(const char* RegionFile::*key, std::string_view value) {
  for (std::size_t i = 0; i < kRegionFileCount; ++i)
    if (value == kRegionFiles[i].*key) return &kRegionFiles[i];
  return nullptr;
}

// The built-in policies, validated when the build compiled them (tools/bundle_policies): read, not re-validated.
// In a split build the regions with a file of their own are index entries (unread) until read_region.
Result<std::vector<Policy>> builtin_policies() {
  auto policies =
      codec::read_compiled(std::string_view(reinterpret_cast<const char*>(kCompiledPolicies), kCompiledPoliciesSize));
  if (policies.ok() && kRegionFileCount != 0)
    for (auto& p : policies.value()) p.unread = region_file(&RegionFile::region, p.region) != nullptr;
  return policies;
}

#ifndef CLAIMCALC_WASM_BASE
// The built-in policies with each index entry this pack has read replaced by what was read (validate_policy checks
// a draft beside the built-in files, whichever of them the engine has read so far).
Result<std::vector<Policy>> builtin_as_read(const PolicyPack& pack) {
  auto builtin = builtin_policies();
  if (!builtin.ok()) return builtin;
  for (auto& b : builtin.value()) {
    if (!b.unread) continue;
    for (const auto& p : pack.policies) {
      if (p.unread || p.hash != b.hash || p.id() != b.id()) continue;
      b = p;
      break;
    }
  }
  return builtin;
}
#endif

// A pack of these policies over the built-in place registry: every engine's pack is made here.
PolicyPack over_registry(std::vector<Policy> policies) {
  PolicyPack pack;
  pack.policies = std::move(policies);
  pack.divisions = builtin_divisions();
  return pack;
}

// Files parsed and validated as a pack, joined by the built-in policies of the regions they do not hold, and
// checked against the region registry.
Result<PolicyPack> pack_of(const std::vector<PolicyFile>& files, std::string_view today, std::vector<Policy> kept) {
  std::optional<Date> day;
  if (!today.empty()) {
    auto parsed = Date::parse(today, "today");
    if (!parsed.ok()) return parsed.error();
    day = parsed.value();
  }
  auto loaded = codec::load_pack(files, day);
  if (!loaded.ok()) return loaded.error();
  auto& policies = loaded.value().policies;
  for (auto& p : kept) policies.push_back(std::move(p));
  PolicyPack pack = over_registry(std::move(policies));
  if (auto err = check_places(pack)) return *err;
  return pack;
}
}  // namespace

Result<Engine> Engine::builtin() {
  auto policies = builtin_policies();
  if (!policies.ok()) return policies.error();
  return Engine(std::make_shared<const PolicyPack>(over_registry(std::move(policies.value()))));
}

Result<Engine> Engine::from_files(const std::vector<PolicyFile>& files, std::string_view today) {
  auto pack = pack_of(files, today, {});
  if (!pack.ok()) return pack.error();
  return Engine(std::make_shared<const PolicyPack>(std::move(pack.value())));
}

Result<Engine> Engine::read_region(std::string_view bytes) const {
  const RegionFile* file = region_file(&RegionFile::sha256, sha256_hex(bytes));
  if (file == nullptr) {
    return make_error(ErrorCode::policy_invalid, "region_file",
                      "不是本引擎的地区政策文件：SHA-256 与内置索引不符（文件损坏，或来自另一版本）",
                      "not a region file of this engine: its SHA-256 matches no entry of the built-in index (a "
                      "damaged file, or one of another build)");
  }
  const std::string region = file->region;
  const auto& held = pack_->policies;
  if (std::none_of(held.begin(), held.end(), [&](const Policy& p) { return p.unread && p.region == region; }))
    return *this;  // already read, or replaced by a loaded pack
  // The file's SHA-256 is the one the build wrote into the index, so its bytes are what bundle_policies validated:
  // read, not re-validated, as the built-in pack is.
  auto read = codec::read_compiled(bytes);
  if (!read.ok()) return read.error();
  auto pack = std::make_shared<PolicyPack>(*pack_);
  std::size_t next = 0;
  for (auto& p : pack->policies) {
    if (!p.unread || p.region != region) continue;
    if (next < read.value().size() && read.value()[next].id() == p.id()) p = std::move(read.value()[next++]);
  }
  Engine engine = *this;
  engine.pack_ = std::move(pack);
  return engine;
}

std::vector<std::string> Engine::stale_regions(std::string_view today_iso) const {
  auto today = Date::parse(today_iso, "today");
  if (!today.ok()) return {};
  return codec::stale_regions(*pack_, today.value());
}

Result<Engine> Engine::from_pack_json(std::string_view pack) {
  auto parsed = codec::parse_json(pack, limits::kMaxBatchBytes, "pack");
  if (!parsed.ok()) return parsed.error();
  const json& j = parsed.value();
  codec::Reader r(codec::Reader::Style::dotted, "");
  if (!r.expect_object(j, "pack")) return r.error();
  r.known_fields(j, "pack", {"files", "replace", "today"});
  const bool replace = r.boolean(j, "replace", "pack", false).value_or(false);
  const std::string today = r.text(j, "today", "pack", false, 16).value_or("");
  if (r.failed()) return r.error();
  const json* files = codec::Reader::get(j, "files");
  if (files == nullptr || !files->is_array()) {
    return make_error(ErrorCode::wrong_type, "pack.files", "应为 {\"files\":[{\"path\",\"content\"}]}",
                      "expected {\"files\":[{\"path\",\"content\"}]}");
  }
  if (files->empty())
    return make_error(ErrorCode::missing_field, "pack.files", "政策包没有文件", "the pack holds no files");
  std::vector<PolicyFile> list;
  for (std::size_t i = 0; i < files->size(); ++i) {
    const json& f = (*files)[i];
    if (!f.is_object() || !f.contains("path") || !f["path"].is_string() || !f.contains("content") ||
        !f["content"].is_string()) {
      return make_error(ErrorCode::wrong_type, "pack.files[" + std::to_string(i) + "]",
                        "每个文件须有字符串 path 和 content", "each file needs string path and content");
    }
    list.push_back({f["path"].get<std::string>(), f["content"].get<std::string>()});
  }
  // A pack adds regions or replaces the built-in versions of the regions it holds; only "replace": true drops the
  // built-in regions it does not hold (so an empty or national-only pack cannot wipe them by accident).
  std::vector<Policy> kept;
  if (!replace) {
    auto builtin = builtin_policies();
    if (!builtin.ok()) return builtin.error();
    std::set<std::string> regions;
    for (const auto& f : list) regions.insert(f.path.substr(0, f.path.find('/')));
    for (auto& p : builtin.value())
      if (regions.count(p.region) == 0) kept.push_back(std::move(p));
  }
  auto built = pack_of(list, today, std::move(kept));
  if (!built.ok()) return built.error();
  return Engine(std::make_shared<const PolicyPack>(std::move(built.value())));
}

std::size_t Engine::policy_count() const { return pack_->policies.size(); }

namespace {

std::string dump(const json& j) { return codec::dump_json(j); }
std::string dump(codec::Charset charset, const json& j) { return codec::dump_json(j, charset); }

std::optional<codec::TextLanguage> language_of(std::string_view lang) {
  if (lang == "zh") return codec::TextLanguage::zh;
  if (lang == "en") return codec::TextLanguage::en;
  if (lang == "both") return codec::TextLanguage::both;
  return std::nullopt;
}

json language_error() {
  return codec::error_envelope(
      make_error(ErrorCode::unknown_value, "lang", "语言应为 zh、en 或 both", "lang must be zh, en or both"));
}

json text_envelope(std::string text) {
  json r = json::object();
  r["text"] = std::move(text);
  return codec::ok_envelope(std::move(r));
}

json explain_value(const json& request, const PolicyPack& pack, std::string_view lang, bool brief = false) {
  const auto tl = language_of(lang);
  if (!tl) return language_error();
  auto claim = codec::parse_claim(request);
  if (!claim.ok()) return codec::error_envelope(claim.error());
  if (!claim.value().step_texts) {
    // explain is the sentences: a figures-only answer would leave nothing to read.
    return codec::error_envelope(make_error(ErrorCode::inconsistent, "detail",
                                            "explain 需要完整结果，不能使用 detail: figures",
                                            "explain needs the full answer; detail cannot be figures"));
  }
  claim.value().texts = Texts::both;  // explain's languages are its lang's, read from the steps
  auto est = claimcalc::estimate(claim.value(), pack);
  if (!est.ok()) return codec::error_envelope(est.error());
  return text_envelope(codec::explain_text(est.value(), *tl, brief));
}

// A guide or diagnosis answer rendered as text: Chinese, English, or both with a blank line between.
json as_text(const json& envelope, std::string_view lang, std::string (*render)(const json&, bool)) {
  const auto tl = language_of(lang);
  if (!tl) return language_error();
  if (!envelope.contains("ok") || !envelope["ok"].get<bool>()) return envelope;
  const json& result = envelope["result"];
  std::string out;
  if (*tl != codec::TextLanguage::en) out += render(result, true);
  if (*tl == codec::TextLanguage::both) out += "\n";
  if (*tl != codec::TextLanguage::zh) out += render(result, false);
  return text_envelope(std::move(out));
}

// Parses an operation's input within its byte limit and runs the operation on it.
template <class Op>
std::string with_input(std::string_view text, std::size_t max_bytes, const char* field, Op op) {
  auto parsed = codec::parse_json(text, max_bytes, field);
  return dump(parsed.ok() ? op(parsed.value()) : codec::error_envelope(parsed.error()));
}

}  // namespace

std::string Engine::estimate(std::string_view request) const {
  if (plain_path_) {
    if (auto answer = ops::plain_estimate(request, *pack_, kept_.get())) return std::move(*answer);
  }
  auto parsed = codec::parse_json(request, limits::kMaxRequestBytes, "request");
  if (!parsed.ok()) return dump(codec::error_envelope(parsed.error()));
  std::string out;
  ops::append_estimate(parsed.value(), {}, *pack_, out, codec::Charset::utf8, nullptr, nullptr, kept_.get());
  return out;
}

std::string Engine::explain(std::string_view request, std::string_view lang) const {
  return with_input(request, limits::kMaxRequestBytes, "request",
                    [&](const json& j) { return explain_value(j, *pack_, lang); });
}

std::string Engine::estimate_many(std::string_view requests) const {
  auto parsed = codec::parse_json(requests, limits::kMaxBatchBytes, "requests");
  if (!parsed.ok()) return dump(codec::error_envelope(parsed.error()));
  std::string out;
  ops::estimate_many(
      parsed.value(), {}, *pack_, [&](std::string_view piece) { out += piece; }, codec::Charset::utf8, kept_.get());
  return out;
}

std::string Engine::guide(std::string_view input) const {
  return with_input(input, limits::kMaxRequestBytes, "input", [&](const json& j) { return ops::guide(j, *pack_); });
}

std::string Engine::guide_text(std::string_view input, std::string_view lang) const {
  return with_input(input, limits::kMaxRequestBytes, "input",
                    [&](const json& j) { return as_text(ops::guide(j, *pack_), lang, codec::guide_text); });
}

std::string Engine::diagnose(std::string_view input) const {
  return with_input(input, limits::kMaxRequestBytes, "input", [&](const json& j) { return ops::diagnose(j, *pack_); });
}

std::string Engine::diagnosis_text(std::string_view input, std::string_view lang) const {
  return with_input(input, limits::kMaxRequestBytes, "input",
                    [&](const json& j) { return as_text(ops::diagnose(j, *pack_), lang, codec::diagnosis_text); });
}

std::string Engine::reverse(std::string_view input) const {
  auto parsed = codec::parse_json(input, limits::kMaxRequestBytes, "input");
  return parsed.ok() ? ops::reverse(parsed.value(), *pack_) : dump(codec::error_envelope(parsed.error()));
}

std::string Engine::policies() const { return dump(ops::policies(*pack_, nullptr)); }

std::string Engine::policy(std::string_view region) const {
  const std::string r(region);
  return dump(ops::policies(*pack_, &r));
}

std::string Engine::coverage(std::string_view format) const {
  if (auto unread = unread_regions(*pack_)) return dump(codec::error_envelope(*unread));
  if (format == "table") return codec::coverage_table(pack_coverage(*pack_));
  if (format == "markdown") return codec::coverage_markdown(pack_coverage(*pack_), pack_->divisions);
  return dump(ops::coverage(*pack_));
}

std::string Engine::scaffold(std::string_view input) const {
  if (auto unread = unread_regions(*pack_)) return dump(codec::error_envelope(*unread));
  auto parsed = codec::parse_json(input, limits::kMaxRequestBytes, "input");
  return dump(parsed.ok() ? ops::scaffold(parsed.value(), *pack_) : codec::error_envelope(parsed.error()));
}

std::string Engine::call(std::string_view envelope) const {
  std::string out;
  call(envelope, [&](std::string_view piece) { out += piece; });
  return out;
}

namespace {

// Whether a tree-made answer (any op but the estimates) is the error `lead` begins: an error envelope starts with its
// code (keys sorted).
bool starts(std::string_view answer, std::string_view lead) {
  return std::string_view(answer.data(), std::min(answer.size(), lead.size())) == lead;
}

}  // namespace

CallNotes Engine::call(std::string_view envelope, const std::function<void(std::string_view)>& emit,
                       CallOptions options) const {
  // Every answer below is written in this charset by the engine's writers (the tree-made ones through dump_json's).
  const codec::Charset charset = charset_of(options);
  if (plain_path_) {
    if (auto notes = ops::plain_call(envelope, *pack_, emit, charset, kept_.get())) return *notes;
  }
  // The errors met before an operation runs are none of the noted ones.
  const auto refuse = [&](const Error& e) {
    emit(dump(charset, codec::error_envelope(e)));
    return CallNotes{};
  };
  auto parsed = codec::parse_json(envelope, limits::kMaxBatchBytes, "call");
  if (!parsed.ok()) return refuse(parsed.error());
  const json& j = parsed.value();
  const json* op = j.is_object() && j.contains("op") ? &j["op"] : nullptr;
  const std::string name = op != nullptr && op->is_string() ? op->get<std::string>() : "";
  auto payload = [&](const char* key) -> const json* { return j.contains(key) ? &j[key] : nullptr; };
  // The same byte limits as each op's own entry point: only a batch may be bigger than one request.
  if (name != "estimate_many" && envelope.size() > limits::kMaxRequestBytes) {
    return refuse(make_error(
        ErrorCode::too_large, "call", "输入过大：超过 " + std::to_string(limits::kMaxRequestBytes) + " 字节上限",
        "input too large: over the limit of " + std::to_string(limits::kMaxRequestBytes) + " bytes"));
  }
  if (name == "estimate_many") {
    const json* reqs = payload("requests");
    if (reqs == nullptr)
      return refuse(make_error(ErrorCode::missing_field, "requests", "缺少 requests", "requests is missing"));
    const auto defaults = codec::parse_answer_choices(j);
    if (!defaults.ok()) return refuse(defaults.error());
    return ops::estimate_many(*reqs, defaults.value(), *pack_, emit, charset, kept_.get());
  }
  if (name == "estimate" && payload("request") != nullptr) {
    std::string out;
    CallNotes notes;
    notes.region_not_loaded =
        ops::append_estimate(*payload("request"), {}, *pack_, out, charset, nullptr, nullptr, kept_.get());
    emit(out);
    return notes;
  }
  // reverse writes its answer as text; the other ops below build a tree.
  const std::string answer = name == "reverse" ? ops::reverse(j, *pack_, charset) : dump(charset, [&]() -> json {
    if (name == "estimate" || name == "explain") {
      const json* req = payload("request");
      if (req == nullptr)
        return codec::error_envelope(
            make_error(ErrorCode::missing_field, "request", "缺少 request", "request is missing"));
      const json* lang = payload("lang");
      // "brief": true gives what an operator reads out (result_codec.hpp).
      const json* brief = payload("brief");
      return explain_value(*req, *pack_,
                           lang == nullptr     ? "both"
                           : lang->is_string() ? lang->get<std::string>()
                                               : "",
                           brief != nullptr && brief->is_boolean() && brief->get<bool>());
    }
    if (name == "guide") return ops::guide(j, *pack_);
    if (name == "diagnose") return ops::diagnose(j, *pack_);
    if (name == "policies") return ops::policies(*pack_, nullptr);
    if (name == "policy") {
      const json* region = payload("region");
      const std::string r = region != nullptr && region->is_string() ? region->get<std::string>() : "";
      return ops::policies(*pack_, &r);
    }
    if (name == "vocabulary") return ops::vocabulary(*pack_);
#ifndef CLAIMCALC_WASM_BASE
    // The wasm base (wasm/CMakeLists.txt) leaves the policy validator to the authoring module: there this op is
    // unknown_command, which the loader answers by switching to claimcalc-author.wasm (docs/size-and-start.md).
    if (name == "validate_policy") {
      auto builtin = builtin_as_read(*pack_);
      if (!builtin.ok()) return codec::error_envelope(builtin.error());
      return ops::validate_policy(j, std::move(builtin.value()));
    }
#endif
    if (name == "version") return codec::ok_envelope(json{{"engine_version", engine_version()}});
    return codec::error_envelope(make_error(ErrorCode::unknown_command, "op", "未知操作「" + name.substr(0, 64) + "」",
                                            "unknown operation \"" + name.substr(0, 64) + "\""));
  }());
  emit(answer);
  CallNotes notes{starts(answer, R"({"error":{"code":"region_not_loaded")"),
                  starts(answer, R"({"error":{"code":"unknown_command")")};
#ifndef CLAIMCALC_WASM_BASE
  // validate_policy's estimate sits inside its answer (a false match, a name that says it, costs the host a read).
  if (name == "validate_policy") notes.region_not_loaded = answer.find("\"region_not_loaded\"") != std::string::npos;
#endif
  return notes;
}

}  // namespace claimcalc::api
