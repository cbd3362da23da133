#include "engine/api/api.hpp"

#include "engine/api/builtin_policies.hpp"
#include "engine/codec/json_input.hpp"
#include "engine/codec/request_codec.hpp"
#include "engine/core/estimate.hpp"
#include "engine/core/limits.hpp"

namespace claimcalc::api {

using codec::json;

const char* engine_version() { return "0.1.0"; }

Result<Engine> Engine::builtin() {
  std::vector<codec::PolicyFile> files;
  for (std::size_t i = 0; i < kEmbeddedPolicyCount; ++i) {
    files.push_back({kEmbeddedPolicies[i].path, std::string(kEmbeddedPolicies[i].bytes, kEmbeddedPolicies[i].size)});
  }
  return from_files(files);
}

Result<Engine> Engine::from_files(const std::vector<codec::PolicyFile>& files) {
  auto pack = codec::load_pack(files);
  if (!pack.ok()) return pack.error();
  return Engine(std::move(pack.value()));
}

Result<Engine> Engine::from_pack_json(std::string_view pack) {
  auto parsed = codec::parse_json(pack, limits::kMaxBatchBytes, "pack");
  if (!parsed.ok()) return parsed.error();
  const json& j = parsed.value();
  const json* files = j.is_object() && j.contains("files") ? &j["files"] : nullptr;
  if (files == nullptr || !files->is_array()) {
    return make_error(ErrorCode::wrong_type, "pack.files", "应为 {\"files\":[{\"path\",\"content\"}]}",
                      "expected {\"files\":[{\"path\",\"content\"}]}");
  }
  std::vector<codec::PolicyFile> list;
  for (std::size_t i = 0; i < files->size(); ++i) {
    const json& f = (*files)[i];
    if (!f.is_object() || !f.contains("path") || !f["path"].is_string() || !f.contains("content") ||
        !f["content"].is_string()) {
      return make_error(ErrorCode::wrong_type, "pack.files[" + std::to_string(i) + "]",
                        "每个文件须有字符串 path 和 content", "each file needs string path and content");
    }
    list.push_back({f["path"].get<std::string>(), f["content"].get<std::string>()});
  }
  return from_files(list);
}

namespace {

Result<Estimate> run(const json& request, const PolicyPack& pack) {
  auto claim = codec::parse_claim(request);
  if (!claim.ok()) return claim.error();
  return claimcalc::estimate(claim.value(), pack);
}

std::string dump(const json& j) { return codec::dump_json(j); }

}  // namespace

json Engine::estimate_value(const json& request) const {
  auto est = run(request, pack_);
  if (!est.ok()) return codec::error_envelope(est.error());
  return codec::ok_envelope(codec::estimate_to_json(est.value(), engine_version()));
}

std::string Engine::estimate(std::string_view request) const {
  auto parsed = codec::parse_json(request, limits::kMaxRequestBytes, "request");
  if (!parsed.ok()) return dump(codec::error_envelope(parsed.error()));
  return dump(estimate_value(parsed.value()));
}

std::string Engine::explain(std::string_view request, codec::TextLanguage lang) const {
  auto parsed = codec::parse_json(request, limits::kMaxRequestBytes, "request");
  if (!parsed.ok()) return dump(codec::error_envelope(parsed.error()));
  auto est = run(parsed.value(), pack_);
  if (!est.ok()) return dump(codec::error_envelope(est.error()));
  json r = json::object();
  r["text"] = codec::explain_text(est.value(), lang);
  return dump(codec::ok_envelope(std::move(r)));
}

std::string Engine::estimate_many(std::string_view requests) const {
  auto parsed = codec::parse_json(requests, limits::kMaxBatchBytes, "requests");
  if (!parsed.ok()) return dump(codec::error_envelope(parsed.error()));
  const json& list = parsed.value();
  if (!list.is_array()) {
    return dump(codec::error_envelope(make_error(ErrorCode::wrong_type, "requests", "应为请求数组（[...]）",
                                                 "expected an array of requests ([...])")));
  }
  if (list.size() > limits::kMaxBatchRequests) {
    return dump(codec::error_envelope(make_error(ErrorCode::too_large, "requests", "批量请求过多",
                                                 "too many requests in one batch")));
  }
  json out = json::array();
  for (const auto& req : list) out.push_back(estimate_value(req));
  return dump(codec::ok_envelope(std::move(out)));
}

std::string Engine::policies() const {
  json list = json::array();
  for (const auto& p : pack_.policies) list.push_back(codec::policy_summary(p));
  return dump(codec::ok_envelope(std::move(list)));
}

std::string Engine::policy(std::string_view region) const {
  json list = json::array();
  for (const auto& p : pack_.policies)
    if (p.region == region) list.push_back(codec::policy_summary(p));
  if (list.empty()) {
    return dump(codec::error_envelope(make_error(ErrorCode::unknown_region, "region",
                                                 "没有地区「" + std::string(region) + "」的政策数据",
                                                 "no policy data for region \"" + std::string(region) + "\"")));
  }
  return dump(codec::ok_envelope(std::move(list)));
}

std::string Engine::call(std::string_view envelope) const {
  auto parsed = codec::parse_json(envelope, limits::kMaxBatchBytes, "call");
  if (!parsed.ok()) return dump(codec::error_envelope(parsed.error()));
  const json& j = parsed.value();
  const json* op = j.is_object() && j.contains("op") ? &j["op"] : nullptr;
  const std::string name = op != nullptr && op->is_string() ? op->get<std::string>() : "";
  auto payload = [&](const char* key) -> const json* { return j.contains(key) ? &j[key] : nullptr; };
  if (name == "estimate" || name == "explain") {
    const json* req = payload("request");
    if (req == nullptr)
      return dump(codec::error_envelope(make_error(ErrorCode::missing_field, "request", "缺少 request", "request is missing")));
    if (name == "estimate") return dump(estimate_value(*req));
    return explain(codec::dump_json(*req), codec::TextLanguage::both);
  }
  if (name == "estimate_many") {
    const json* reqs = payload("requests");
    if (reqs == nullptr || !reqs->is_array())
      return dump(codec::error_envelope(make_error(ErrorCode::wrong_type, "requests", "应为请求数组", "expected an array of requests")));
    json out = json::array();
    for (const auto& req : *reqs) out.push_back(estimate_value(req));
    return dump(codec::ok_envelope(std::move(out)));
  }
  if (name == "policies") return policies();
  if (name == "policy") {
    const json* region = payload("region");
    return policy(region != nullptr && region->is_string() ? region->get<std::string>() : "");
  }
  if (name == "version") return dump(codec::ok_envelope(json{{"engine_version", engine_version()}}));
  return dump(codec::error_envelope(make_error(ErrorCode::unknown_command, "op", "未知操作「" + name.substr(0, 64) + "」",
                                               "unknown operation \"" + name.substr(0, 64) + "\"")));
}

}  // namespace claimcalc::api
