#include "engine/api/api.hpp"

#include "engine/api/builtin_divisions.hpp"
#include "engine/api/builtin_policies.hpp"
#include "engine/codec/coverage_codec.hpp"
#include "engine/codec/json_input.hpp"
#include "engine/codec/process_codec.hpp"
#include "engine/codec/reader.hpp"
#include "engine/codec/request_codec.hpp"
#include "engine/codec/scaffold_codec.hpp"
#include "engine/core/diagnosis.hpp"
#include "engine/core/estimate.hpp"
#include "engine/core/guide.hpp"
#include "engine/core/limits.hpp"
#include "engine/core/region_resolve.hpp"
#include "engine/core/reverse.hpp"

namespace claimcalc::api {

using codec::json;

const char* engine_version() { return "0.1.0"; }

DivisionRegistry builtin_divisions() { return {kDivisions, kDivisionCount, kDivisionSource}; }

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
  pack.value().divisions = builtin_divisions();
  if (auto err = check_places(pack.value())) return *err;
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
    return dump(codec::error_envelope(
        make_error(ErrorCode::too_large, "requests", "批量请求过多", "too many requests in one batch")));
  }
  json out = json::array();
  for (const auto& req : list) out.push_back(estimate_value(req));
  return dump(codec::ok_envelope(std::move(out)));
}

namespace {

json input_error(ErrorCode code, const std::string& field, const std::string& zh, const std::string& en) {
  return codec::error_envelope(make_error(code, field, zh, en));
}

// The optional "request" of a guide or diagnosis: parsed, its places resolved, and the layers of rules in force
// for its insured place (a city without a policy still has its province's and the national rules).
struct Context {
  std::optional<Claim> claim;
  Layers layers;
  std::optional<Error> error;
};

Context context_of(const json& input, const PolicyPack& pack, std::string region_id) {
  Context ctx;
  const auto with_prefix = [](Error e) {
    e.field = "request." + e.field;
    return e;
  };
  if (input.contains("request") && !input["request"].is_null()) {
    auto claim = codec::parse_claim(input["request"]);
    if (!claim.ok()) {
      ctx.error = with_prefix(claim.error());
      return ctx;
    }
    auto resolved = resolve_claim_places(claim.value(), pack);
    if (!resolved.ok()) {
      ctx.error = with_prefix(resolved.error());
      return ctx;
    }
    ctx.claim = resolved.value();
    region_id = ctx.claim->insured_region;
  } else if (!region_id.empty() && region_id != "national") {
    auto place = resolve_place(region_id, pack, "region");
    if (!place.ok()) {
      ctx.error = place.error();
      return ctx;
    }
    region_id = place.value().id();
  }
  if (region_id == "national") region_id.clear();
  ctx.layers = layers_for(region_id, pack, ctx.claim ? &ctx.claim->date_of_care : nullptr);
  const Policy* any_version = region_id.empty() ? nullptr : pack.latest(region_id);
  if (any_version != nullptr && any_version->layer == Layer::city && ctx.layers.city == nullptr) {
    ctx.error = make_error(ErrorCode::no_policy_for_date, "request.date_of_care", "该日期没有已收录的有效政策版本",
                           "no policy version in force on that date");
  }
  return ctx;
}

}  // namespace

json Engine::guide_value(const json& input) const {
  codec::Reader r(codec::Reader::Style::dotted, "");
  if (!r.expect_object(input, "input")) return codec::error_envelope(r.error());
  r.known_fields(input, "", {"op", "scenario", "region", "request"});
  const auto scenario = r.text(input, "scenario", "", true, 64);
  const auto region = r.text(input, "region", "", false, 64).value_or("");
  if (r.failed()) return codec::error_envelope(r.error());
  if (!is_scenario(*scenario)) {
    return input_error(ErrorCode::unknown_value, "scenario", std::string("未知的办理事项，可选：") + scenario_list(),
                       std::string("unknown scenario; expected one of: ") + scenario_list());
  }
  const Context ctx = context_of(input, pack_, region);
  if (ctx.error) return codec::error_envelope(*ctx.error);
  const Guide g = build_guide(*scenario, ctx.layers, ctx.claim ? &*ctx.claim : nullptr);
  return codec::ok_envelope(codec::guide_to_json(g));
}

json Engine::diagnose_value(const json& input) const {
  codec::Reader r(codec::Reader::Style::dotted, "");
  if (!r.expect_object(input, "input")) return codec::error_envelope(r.error());
  r.known_fields(input, "", {"op", "symptom", "region", "request"});
  const auto symptom = r.text(input, "symptom", "", true, 2000);
  const auto region = r.text(input, "region", "", false, 64).value_or("");
  if (r.failed()) return codec::error_envelope(r.error());
  const Context ctx = context_of(input, pack_, region);
  if (ctx.error) return codec::error_envelope(*ctx.error);
  return codec::ok_envelope(
      codec::diagnosis_to_json(claimcalc::diagnose(*symptom, ctx.claim ? &*ctx.claim : nullptr, ctx.layers)));
}

json Engine::reverse_value(const json& input) const {
  codec::Reader r(codec::Reader::Style::dotted, "");
  if (!r.expect_object(input, "input")) return codec::error_envelope(r.error());
  r.known_fields(input, "", {"op", "original", "request"});
  const json* original = codec::Reader::get(input, "original");
  if (original == nullptr)
    return input_error(ErrorCode::missing_field, "original", "缺少原结算结果 original", "original is missing");
  if (!r.expect_object(*original, "original")) return codec::error_envelope(r.error());
  r.known_fields(*original, "original", {"fund_paid", "critical_illness_paid", "patient_pays", "total"});
  Settled settled;
  settled.fund_paid = r.money(*original, "fund_paid", "original", true).value_or(Fen::zero());
  settled.critical_illness_paid = r.money(*original, "critical_illness_paid", "original", false).value_or(Fen::zero());
  settled.patient_pays = r.money(*original, "patient_pays", "original", true).value_or(Fen::zero());
  const auto total = r.money(*original, "total", "original", false);
  if (r.failed()) return codec::error_envelope(r.error());
  if (total && settled.fund_paid + settled.critical_illness_paid + settled.patient_pays != *total) {
    return input_error(ErrorCode::inconsistent, "original.total", "原结算的统筹、大病与个人支付之和不等于总费用",
                       "the original fund, critical-illness and patient parts do not add up to its total");
  }
  const json* req = codec::Reader::get(input, "request");
  if (req == nullptr)
    return input_error(ErrorCode::missing_field, "request", "缺少更正后的请求 request", "request is missing");
  auto claim = codec::parse_claim(*req);
  if (!claim.ok()) {
    Error e = claim.error();
    e.field = "request." + e.field;
    return codec::error_envelope(e);
  }
  auto est = claimcalc::estimate(claim.value(), pack_);
  if (!est.ok()) {
    Error e = est.error();
    e.field = "request." + e.field;
    return codec::error_envelope(e);
  }
  return codec::ok_envelope(
      codec::reverse_to_json(reverse_settlement(settled, std::move(est.value())), engine_version()));
}

std::string Engine::guide(std::string_view input) const {
  auto parsed = codec::parse_json(input, limits::kMaxRequestBytes, "input");
  return dump(parsed.ok() ? guide_value(parsed.value()) : codec::error_envelope(parsed.error()));
}

std::string Engine::diagnose(std::string_view input) const {
  auto parsed = codec::parse_json(input, limits::kMaxRequestBytes, "input");
  return dump(parsed.ok() ? diagnose_value(parsed.value()) : codec::error_envelope(parsed.error()));
}

std::string Engine::reverse(std::string_view input) const {
  auto parsed = codec::parse_json(input, limits::kMaxRequestBytes, "input");
  return dump(parsed.ok() ? reverse_value(parsed.value()) : codec::error_envelope(parsed.error()));
}

std::string Engine::policies() const {
  json list = json::array();
  for (const auto& p : pack_.policies) list.push_back(codec::policy_summary(p));
  return dump(codec::ok_envelope(std::move(list)));
}

std::string Engine::coverage(std::string_view format) const {
  const auto regions = pack_coverage(pack_);
  if (format == "table") return codec::coverage_table(regions);
  if (format == "markdown") return codec::coverage_markdown(regions, pack_.divisions);
  return dump(codec::ok_envelope(codec::coverage_json(regions, pack_.divisions)));
}

json Engine::scaffold_value(const json& input) const {
  codec::Reader r(codec::Reader::Style::dotted, "");
  if (!r.expect_object(input, "input")) return codec::error_envelope(r.error());
  r.known_fields(input, "", {"op", "region", "effective_from", "today", "id"});
  const auto region = r.text(input, "region", "", true, 64);
  const auto from = r.date(input, "effective_from", "", true);
  const auto today = r.date(input, "today", "", true);
  const auto id = r.text(input, "id", "", false, 64).value_or("");
  if (r.failed()) return codec::error_envelope(r.error());
  auto s = codec::scaffold_policy(*region, *from, id, *today, pack_);
  if (!s.ok()) return codec::error_envelope(s.error());
  json out = {{"path", s.value().path}, {"content", s.value().content}};
  out["previous"] = s.value().previous.empty() ? json(nullptr) : json(s.value().previous);
  return codec::ok_envelope(std::move(out));
}

std::string Engine::scaffold(std::string_view input) const {
  auto parsed = codec::parse_json(input, limits::kMaxRequestBytes, "input");
  return dump(parsed.ok() ? scaffold_value(parsed.value()) : codec::error_envelope(parsed.error()));
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
      return dump(
          codec::error_envelope(make_error(ErrorCode::missing_field, "request", "缺少 request", "request is missing")));
    if (name == "estimate") return dump(estimate_value(*req));
    return explain(codec::dump_json(*req), codec::TextLanguage::both);
  }
  if (name == "estimate_many") {
    const json* reqs = payload("requests");
    if (reqs == nullptr || !reqs->is_array())
      return dump(codec::error_envelope(
          make_error(ErrorCode::wrong_type, "requests", "应为请求数组", "expected an array of requests")));
    json out = json::array();
    for (const auto& req : *reqs) out.push_back(estimate_value(req));
    return dump(codec::ok_envelope(std::move(out)));
  }
  if (name == "guide") return dump(guide_value(j));
  if (name == "diagnose") return dump(diagnose_value(j));
  if (name == "reverse") return dump(reverse_value(j));
  if (name == "policies") return policies();
  if (name == "policy") {
    const json* region = payload("region");
    return policy(region != nullptr && region->is_string() ? region->get<std::string>() : "");
  }
  if (name == "coverage") return coverage("json");
  if (name == "new_version") return dump(scaffold_value(j));
  if (name == "version") return dump(codec::ok_envelope(json{{"engine_version", engine_version()}}));
  return dump(
      codec::error_envelope(make_error(ErrorCode::unknown_command, "op", "未知操作「" + name.substr(0, 64) + "」",
                                       "unknown operation \"" + name.substr(0, 64) + "\"")));
}

}  // namespace claimcalc::api
