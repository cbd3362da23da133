#include "engine/codec/figures_codec.hpp"

#include "engine/codec/json_writer.hpp"

namespace claimcalc::codec {

namespace {

void money(JsonWriter& w, const char* key, Fen v) {
  w.key(key);
  w.string(format_money(v));
}

void money(JsonWriter& w, const char* key, const std::optional<Fen>& v) {
  w.key(key);
  if (v) {
    w.string(format_money(*v));
  } else {
    w.null();
  }
}

void split(JsonWriter& w, const Split& s) {
  w.begin_object();
  money(w, "class_b_upfront", s.class_b_upfront);
  money(w, "critical_illness_paid", s.critical_illness_paid);
  money(w, "deductible_applied", s.deductible_applied);
  money(w, "fund_paid", s.fund_paid);
  money(w, "in_scope", s.in_scope);
  money(w, "out_of_catalogue", s.out_of_catalogue);
  money(w, "over_ceiling", s.over_ceiling);
  money(w, "patient_pays", s.patient_pays);
  money(w, "self_funded", s.self_funded);
  money(w, "self_pay", s.self_pay);
  money(w, "total", s.total);
  w.end_object();
}

// The national settlement list's names; see national_json in result_codec.cpp.
void national(JsonWriter& w, const Split& s) {
  w.begin_object();
  money(w, "act_pay_dedc", s.deductible_applied);
  money(w, "fulamt_ownpay_amt", s.out_of_catalogue);
  money(w, "hifmi_pay", s.critical_illness_paid);
  money(w, "hifp_pay", s.fund_paid);
  money(w, "inscp_scp_amt", s.in_scope);
  money(w, "medfee_sumamt", s.total);
  money(w, "overlmt_selfpay", s.over_ceiling);
  money(w, "preselfpay_amt", s.class_b_upfront);
  money(w, "psn_cash_pay", s.patient_pays);
  money(w, "psn_part_amt", s.patient_pays);
  w.end_object();
}

void items(JsonWriter& w, const std::vector<ItemResult>& list) {
  w.begin_array();
  for (const auto& it : list) {
    w.begin_object();
    w.key("class");
    w.string(name_of(it.item_class));
    money(w, "class_b_upfront", it.class_b_upfront);
    if (!it.code.empty()) {
      w.key("code");
      w.string(it.code);
    }
    money(w, "in_scope", it.in_scope);
    w.key("name");
    w.string(it.name);
    money(w, "out_of_catalogue", it.out_of_catalogue);
    money(w, "over_ceiling", it.over_ceiling);
    w.key("selfpay_ratio");
    if (it.selfpay_ratio) {
      w.string(format_percent(*it.selfpay_ratio));
    } else {
      w.null();
    }
    money(w, "total", it.total);
    w.end_object();
  }
  w.end_array();
}

void text(JsonWriter& w, const char* key, const std::string& value) {
  w.key(key);
  w.string(value);
}

}  // namespace

void append_figures_envelope(std::string& out, const Estimate& est, const char* engine_version) {
  const Policy& policy = *est.policy;
  JsonWriter w(out);
  w.begin_object();
  w.key("ok");
  w.boolean(true);
  w.key("result");
  w.begin_object();
  w.key("benefits_from");
  if (est.benefits_from) {
    w.string(est.benefits_from->iso());
  } else {
    w.null();
  }
  w.key("cannot_estimate");
  w.begin_array();
  for (const auto& u : est.cannot_estimate) {
    w.begin_object();
    text(w, "needs", u.needs);
    text(w, "part", u.part);
    text(w, "reason_en", u.reason_en);
    text(w, "reason_zh", u.reason_zh);
    w.end_object();
  }
  w.end_array();
  w.key("items");
  items(w, est.items);
  w.key("national");
  national(w, est.split);
  w.key("receipt");
  w.begin_object();
  text(w, "date_of_care", est.date_of_care.iso());
  text(w, "engine_version", engine_version);
  text(w, "policy_hash", policy.hash);
  text(w, "policy_id", policy.id());
  text(w, "policy_last_verified", policy.last_verified);
  text(w, "policy_name_zh", policy.name_zh);
  text(w, "policy_region", policy.region);
  text(w, "policy_version", policy.effective_from.iso());
  w.end_object();
  w.key("split");
  split(w, est.split);
  w.key("warnings");
  w.begin_array();
  for (const auto& x : est.warnings) {
    w.begin_object();
    text(w, "code", x.code);
    text(w, "message_en", x.message_en);
    text(w, "message_zh", x.message_zh);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.end_object();
}

}  // namespace claimcalc::codec
