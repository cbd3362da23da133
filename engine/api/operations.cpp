#include "engine/api/operations.hpp"

#include <algorithm>
#include <optional>

#include "engine/api/api.hpp"
#include "engine/api/builtin_divisions.hpp"
#include "engine/codec/coverage_codec.hpp"
#include "engine/codec/estimate_writer.hpp"
#include "engine/codec/figures_codec.hpp"
#include "engine/codec/plain_request.hpp"
#include "engine/codec/policy_codec.hpp"
#include "engine/codec/process_codec.hpp"
#include "engine/codec/reader.hpp"
#include "engine/codec/request_codec.hpp"
#include "engine/codec/result_codec.hpp"
#include "engine/codec/scaffold_codec.hpp"
#include "engine/codec/vocabulary_codec.hpp"
#include "engine/core/coverage.hpp"
#include "engine/core/cross_region.hpp"
#include "engine/core/diagnosis.hpp"
#include "engine/core/estimate.hpp"
#include "engine/core/guide.hpp"
#include "engine/core/limits.hpp"
#include "engine/core/region_files.hpp"
#include "engine/core/region_resolve.hpp"
#include "engine/core/reverse.hpp"
#include "engine/core/sha256.hpp"

namespace claimcalc::api::ops {

namespace {

json input_error(ErrorCode code, const std::string& field, const std::string& zh, const std::string& en) {
  return codec::error_envelope(make_error(code, field, zh, en));
}

// An error met inside the nested "request" of a guide, diagnosis or reverse input names its field from the top.
json request_error(Error e) {
  e.field = "request." + e.field;
  return codec::error_envelope(e);
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
    if (auto err = resolve_claim_places(claim.value(), pack)) {
      ctx.error = with_prefix(*err);
      return ctx;
    }
    ctx.claim = std::move(claim.value());
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
  if (!ctx.error) ctx.error = unread_layers(ctx.layers, nullptr, ctx.claim ? "request.insured_region" : "region");
  return ctx;
}

}  // namespace

bool append_answer(Claim& claim, const PolicyPack& pack, std::string& out, codec::Charset charset) {
  codec::JsonWriter w(out, charset);
  return append_answer(claim, pack, w);
}

namespace {

// An answer settled in the caller's cache and room, written by w.
bool answer_into(Claim& claim, const PolicyPack& pack, codec::JsonWriter& w, codec::BatchTexts* texts,
                 ContextCache& contexts, EstimateRoom& room, codec::KeptSources* kept) {
  const Texts languages = claim.texts;
  // The request's choice, not the trace's: a bill-less estimate rebuilds its trace (estimate.cpp's without_amounts),
  // so the trace cannot tell a figures-only request from a full one.
  const bool figures = !claim.step_texts;
  auto est = room.estimate_in_place(claim, pack, contexts);
  if (!est.ok()) {
    codec::write_error_envelope(w, est.error());
    return est.error().code == ErrorCode::region_not_loaded;
  }
  if (figures) {
    codec::append_figures_envelope(w, *est.value(), engine_version(), {languages, texts});
  } else {
    codec::append_estimate_envelope(w, *est.value(), engine_version(), languages, kept);
  }
  return false;
}

}  // namespace

bool append_answer(Claim& claim, const PolicyPack& pack, codec::JsonWriter& w, codec::BatchTexts* texts,
                   ContextCache* contexts, EstimateRoom* room, codec::KeptSources* kept) {
  // A batch's cache and room as they are: an answer's own are made only when the caller has none (made and dropped
  // with every answer of a batch, a room's two Estimates cost a figures-only request ~300 instructions).
  if (contexts != nullptr && room != nullptr) return answer_into(claim, pack, w, texts, *contexts, *room, kept);
  ContextCache own_contexts;
  EstimateRoom own_room;
  return answer_into(claim, pack, w, texts, contexts != nullptr ? *contexts : own_contexts,
                     room != nullptr ? *room : own_room, kept);
}

bool append_estimate(const json& request, const codec::AnswerChoices& defaults, const PolicyPack& pack,
                     std::string& out, codec::Charset charset, ContextCache* contexts, EstimateRoom* room,
                     codec::KeptSources* kept) {
  auto claim = codec::parse_claim(request);
  if (!claim.ok()) {
    out += codec::dump_json(codec::error_envelope(claim.error()), charset);
    return false;
  }
  if (defaults.figures && !request.contains("detail")) claim.value().step_texts = false;
  if (!request.contains("texts")) claim.value().texts = defaults.texts;
  codec::JsonWriter w(out, charset);
  return append_answer(claim.value(), pack, w, nullptr, contexts, room, kept);
}

namespace {

// An ok envelope around an array whose elements are already text, as dump_json would write it.
constexpr std::string_view kOkArrayOpen = "{\"ok\":true,\"result\":[";
constexpr std::string_view kOkArrayClose = "]}";
// A batch's answers go out in runs of whole answers of about this size: each piece crosses to the host (in the wasm,
// one call out and one UTF-8 decode), so one piece per short answer cost more than the answer; a run still keeps
// the memory of a 10,000-request batch to one run.
constexpr std::size_t kRunBytes = 64 << 10;

}  // namespace

CallNotes estimate_many(const json& requests, const codec::AnswerChoices& defaults, const PolicyPack& pack,
                        const Emit& emit, codec::Charset charset, codec::KeptSources* kept) {
  if (!requests.is_array()) {
    emit(codec::dump_json(input_error(ErrorCode::wrong_type, "requests", "应为请求数组（[...]）",
                                      "expected an array of requests ([...])"),
                          charset));
    return {};
  }
  if (requests.size() > limits::kMaxBatchRequests) {
    emit(codec::dump_json(
        input_error(ErrorCode::too_large, "requests",
                    "批量请求过多：最多 " + std::to_string(limits::kMaxBatchRequests) + " 个",
                    "too many requests in one batch: at most " + std::to_string(limits::kMaxBatchRequests)),
        charset));
    return {};
  }
  emit(kOkArrayOpen);
  CallNotes notes;
  std::string run;
  // As plain_call's: what the pack says for the batch's places and dates, and the storage each answer is settled
  // in, kept from request to request.
  ContextCache contexts;
  EstimateRoom room;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    if (i != 0) run += ',';
    if (append_estimate(requests[i], defaults, pack, run, charset, &contexts, &room, kept))
      notes.region_not_loaded = true;
    if (run.size() >= kRunBytes || i + 1 == requests.size()) {
      emit(run);
      run.clear();
    }
  }
  emit(kOkArrayClose);
  return notes;
}

std::optional<CallNotes> plain_call(std::string_view envelope, const PolicyPack& pack, const Emit& emit,
                                    codec::Charset charset, codec::KeptSources* kept) {
  auto call = codec::read_plain_call(envelope);
  if (!call) return std::nullopt;
  if (call->many) emit(kOkArrayOpen);
  CallNotes notes;
  std::string run;
  // A run's room at once: grown answer by answer, it was copied at each doubling (the wasm's memcpy is a loop).
  run.reserve(kRunBytes);
  {
    // One writer for the whole batch: each run is handed out and the writer starts again in the same room.
    codec::JsonWriter w(run, charset);
    // The batch texts pay from the second answer on; for one answer, building the cache cost more than it saved
    // (a 10-item figures estimate in the wasm: 25.0 -> 17.8 us without it). Same bytes either way.
    std::optional<codec::BatchTexts> texts;
    if (call->requests.size() > 1) texts.emplace();
    // What the pack says for the batch's few places and dates, worked out once (the pack stays as it is for the
    // call, so each context is the same every time it is asked for).
    ContextCache contexts;
    // The storage each answer is settled in, kept from answer to answer (engine/core/estimate_room.hpp).
    EstimateRoom room;
    for (std::size_t i = 0; i < call->requests.size(); ++i) {
      auto& r = call->requests[i];
      if (call->defaults.figures && !r.detail_given) r.claim.step_texts = false;
      if (!r.texts_given) r.claim.texts = call->defaults.texts;
      if (i != 0) w.verbatim(",");
      // Straight to the answer: this batch's cache and room are there (append_answer's choice of its own is not).
      if (answer_into(r.claim, pack, w, texts ? &*texts : nullptr, contexts, room, kept))
        notes.region_not_loaded = true;
      if (w.text().size() >= kRunBytes || i + 1 == call->requests.size()) {
        emit(w.text());
        w.restart();
      }
    }
  }
  if (call->many) emit(kOkArrayClose);
  return notes;
}

std::optional<std::string> plain_estimate(std::string_view request, const PolicyPack& pack, codec::KeptSources* kept) {
  auto plain = codec::read_plain_request(request);
  if (!plain) return std::nullopt;
  std::string out;
  {
    codec::JsonWriter w(out);  // its end is the string's when it goes
    append_answer(plain->claim, pack, w, nullptr, nullptr, nullptr, kept);
  }
  return out;
}

namespace {

// A guide or diagnosis input, {op?, <subject key>, region?, request?}: its subject text and region, or the reader's
// error envelope.
struct Question {
  std::string subject;
  std::string region;
  std::optional<json> error;
};

Question question_of(const json& input, const char* subject_key, std::size_t max_bytes) {
  Question q;
  codec::Reader r(codec::Reader::Style::dotted, "");
  if (r.expect_object(input, "input")) {
    r.known_fields(input, "", {"op", subject_key, "region", "request"});
    q.subject = r.text(input, subject_key, "", true, max_bytes).value_or("");
    q.region = r.text(input, "region", "", false, 64).value_or("");
  }
  if (r.failed()) q.error = codec::error_envelope(r.error());
  return q;
}

// Whether the question's care is in the insured's province (for rules written for one kind of care elsewhere).
std::optional<CareScope> care_scope_of(const Context& ctx, const PolicyPack& pack) {
  if (!ctx.claim) return std::nullopt;
  const Policy* insured = ctx.layers.city != nullptr ? ctx.layers.city : ctx.layers.province;
  return care_scope(*ctx.claim, insured != nullptr ? insured->province : std::string(), pack);
}

}  // namespace

json guide(const json& input, const PolicyPack& pack) {
  const Question q = question_of(input, "scenario", 64);
  if (q.error) return *q.error;
  if (!is_scenario(q.subject)) {
    return input_error(ErrorCode::unknown_value, "scenario", std::string("未知的办理事项，可选：") + scenario_list(),
                       std::string("unknown scenario; expected one of: ") + scenario_list());
  }
  const Context ctx = context_of(input, pack, q.region);
  if (ctx.error) return codec::error_envelope(*ctx.error);
  const Guide g = build_guide(q.subject, ctx.layers, ctx.claim ? &*ctx.claim : nullptr, care_scope_of(ctx, pack));
  return codec::ok_envelope(codec::guide_to_json(g));
}

json diagnose(const json& input, const PolicyPack& pack) {
  const Question q = question_of(input, "symptom", 2000);
  if (q.error) return *q.error;
  const Context ctx = context_of(input, pack, q.region);
  if (ctx.error) return codec::error_envelope(*ctx.error);
  return codec::ok_envelope(codec::diagnosis_to_json(
      claimcalc::diagnose(q.subject, ctx.claim ? &*ctx.claim : nullptr, ctx.layers, care_scope_of(ctx, pack))));
}

std::string reverse(const json& input, const PolicyPack& pack, codec::Charset charset) {
  const auto tree = [&](const json& envelope) { return codec::dump_json(envelope, charset); };
  codec::Reader r(codec::Reader::Style::dotted, "");
  if (!r.expect_object(input, "input")) return tree(codec::error_envelope(r.error()));
  r.known_fields(input, "", {"op", "original", "request"});
  const json* original = codec::Reader::get(input, "original");
  if (original == nullptr)
    return tree(input_error(ErrorCode::missing_field, "original", "缺少原结算结果 original", "original is missing"));
  if (!r.expect_object(*original, "original")) return tree(codec::error_envelope(r.error()));
  r.known_fields(*original, "original", {"fund_paid", "critical_illness_paid", "patient_pays", "total"});
  Settled settled;
  settled.fund_paid = r.money(*original, "fund_paid", "original", true).value_or(Fen::zero());
  settled.critical_illness_paid = r.money(*original, "critical_illness_paid", "original", false);
  settled.patient_pays = r.money(*original, "patient_pays", "original", true).value_or(Fen::zero());
  const auto total = r.money(*original, "total", "original", false);
  if (r.failed()) return tree(codec::error_envelope(r.error()));
  // Without the critical-illness figure, a total on the settlement gives it by difference; otherwise it stays
  // unknown (a zero taken for granted would misstate that fund's difference).
  if (total && !settled.critical_illness_paid && *total >= settled.fund_paid + settled.patient_pays)
    settled.critical_illness_paid = *total - settled.fund_paid - settled.patient_pays;
  if (total &&
      settled.fund_paid + settled.critical_illness_paid.value_or(Fen::zero()) + settled.patient_pays != *total) {
    return tree(input_error(ErrorCode::inconsistent, "original.total", "原结算的统筹、大病与个人支付之和不等于总费用",
                            "the original fund, critical-illness and patient parts do not add up to its total"));
  }
  const json* req = codec::Reader::get(input, "request");
  if (req == nullptr)
    return tree(input_error(ErrorCode::missing_field, "request", "缺少更正后的请求 request", "request is missing"));
  auto claim = codec::parse_claim(*req);
  if (!claim.ok()) return tree(request_error(claim.error()));
  claim.value().texts = Texts::both;  // the corrected estimate is written in both languages (docs/api.md)
  auto est = claimcalc::estimate(claim.value(), pack);
  if (!est.ok()) return tree(request_error(est.error()));
  std::string out;
  codec::append_reverse_envelope(out, reverse_settlement(settled, std::move(est.value())), engine_version(), charset);
  return out;
}

json policies(const PolicyPack& pack, const std::string* region) {
  // The summaries are the regions' contents (schemes, settings, sources), which only read region files hold: the
  // one place that asks for every file, for Engine::policies()/policy() and both ops of Engine::call alike.
  if (auto unread = unread_regions(pack)) return codec::error_envelope(*unread);
  json list = json::array();
  for (const auto& p : pack.policies)
    if (region == nullptr || p.region == *region) list.push_back(codec::policy_summary(p));
  if (region != nullptr && list.empty()) {
    return input_error(ErrorCode::unknown_region, "region", "没有地区「" + *region + "」的政策数据",
                       "no policy data for region \"" + *region + "\"");
  }
  return codec::ok_envelope(std::move(list));
}

json coverage(const PolicyPack& pack) {
  return codec::ok_envelope(codec::coverage_json(pack_coverage(pack), pack.divisions));
}

json scaffold(const json& input, const PolicyPack& pack) {
  codec::Reader r(codec::Reader::Style::dotted, "");
  if (!r.expect_object(input, "input")) return codec::error_envelope(r.error());
  r.known_fields(input, "", {"op", "region", "effective_from", "today", "id"});
  const auto region = r.text(input, "region", "", true, 64);
  const auto from = r.date(input, "effective_from", "", true);
  const auto today = r.date(input, "today", "", true);
  const auto id = r.text(input, "id", "", false, 64).value_or("");
  if (r.failed()) return codec::error_envelope(r.error());
  auto s = codec::scaffold_policy(*region, *from, id, *today, pack);
  if (!s.ok()) return codec::error_envelope(s.error());
  json out = {{"path", s.value().path}, {"content", s.value().content}};
  out["previous"] = s.value().previous.empty() ? json(nullptr) : json(s.value().previous);
  return codec::ok_envelope(std::move(out));
}

json vocabulary(const PolicyPack& pack) { return codec::ok_envelope(codec::vocabulary_json(pack)); }

json validate_policy(const json& input, std::vector<Policy> base) {
  codec::Reader r(codec::Reader::Style::dotted, "");
  if (!r.expect_object(input, "input")) return codec::error_envelope(r.error());
  r.known_fields(input, "", {"op", "path", "content", "request"});
  const auto path = r.text(input, "path", "", true, 200);
  const auto content = r.text(input, "content", "", true, limits::kMaxBatchBytes);
  if (r.failed()) return codec::error_envelope(r.error());
  auto pack = codec::load_pack({{*path, *content}});
  if (!pack.ok()) return codec::error_envelope(pack.error());
  // The draft replaces a built-in file of the same path, as a corrected version would; the versions of its region
  // must still meet.
  std::vector<std::string> paths{*path};
  for (auto& p : base) {
    std::string built_in = p.id() + ".json";  // built-in paths are region/effective_from.json (checked at build)
    if (built_in == *path) continue;
    pack.value().policies.push_back(std::move(p));
    paths.push_back(std::move(built_in));
  }
  if (auto err = codec::check_versions(pack.value().policies, paths)) return codec::error_envelope(*err);
  pack.value().divisions = builtin_divisions();
  if (auto err = check_places(pack.value())) return codec::error_envelope(*err);
  const std::string hash = sha256_hex(*content);
  json summary = json::array();
  for (const auto& p : pack.value().policies)
    if (p.hash == hash) summary.push_back(codec::policy_summary(p));
  json out{{"valid", true}, {"path", *path}, {"sha256", hash}, {"policies", std::move(summary)}};
  if (const json* req = codec::Reader::get(input, "request"); req != nullptr) {
    std::string text;
    append_estimate(*req, {}, pack.value(), text);
    // The engine's own answer (whole numbers and strings only, so the tree writes it back unchanged).
    auto parsed = codec::parse_json(text, limits::kMaxBatchBytes, "estimate");
    json answer = parsed.ok() ? std::move(parsed.value()) : json();
    json* result = answer.contains("result") ? &answer["result"] : nullptr;
    if (result != nullptr && result->contains("receipt") && (*result)["receipt"].value("policy_hash", "") == hash) {
      // In the languages the request's "texts" asks for.
      const auto choices = codec::parse_answer_choices(*req);
      const Texts texts = choices.ok() ? choices.value().texts : Texts::both;
      json warning = {{"code", "unreviewed_local_policy"}};
      if (has(texts, Texts::zh))
        warning["message_zh"] =
            "本结果用了未经审核的本地政策文件 " + *path + "（SHA-256 " + hash + "），仅供核对草稿。";
      if (has(texts, Texts::en))
        warning["message_en"] = "This answer used an unreviewed local policy file " + *path + " (SHA-256 " + hash +
                                "); it is for checking the draft only.";
      (*result)["warnings"].push_back(std::move(warning));
    }
    out["estimate"] = std::move(answer);
  }
  return codec::ok_envelope(std::move(out));
}

}  // namespace claimcalc::api::ops
