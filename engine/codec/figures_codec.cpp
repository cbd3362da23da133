#include "engine/codec/figures_codec.hpp"

#include "engine/codec/json_writer.hpp"
#include "engine/core/split_parts.hpp"

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

// As figure_json in result_codec.cpp: exact, a range ({high, low, reasons} in dump order), or null.
void figure(JsonWriter& w, std::string_view key, const PartFigure& f) {
  w.key(key);
  if (f.range == nullptr) {
    if (f.exact) {
      w.string(format_money(*f.exact));
    } else {
      w.null();
    }
    return;
  }
  w.begin_object();
  money(w, "high", f.range->high);
  money(w, "low", f.range->low);
  w.key("reasons");
  w.begin_array();
  for (const auto& r : f.range->reasons) {
    w.begin_object();
    w.key("needs");
    w.string(r.needs);
    w.key("reason_en");
    w.string(r.reason_en);
    w.key("reason_zh");
    w.string(r.reason_zh);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

// The tables are sorted by name, the order nlohmann writes a full answer's keys in.
void split(JsonWriter& w, const Estimate& est) {
  w.begin_object();
  for (const auto& p : split_parts()) figure(w, p.name, part_figure(est, p));
  w.end_object();
}

void national(JsonWriter& w, const Estimate& est) {
  w.begin_object();
  for (const auto& n : national_names()) figure(w, n.national, part_figure(est, split_part(n.part)));
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
  // Room for the whole answer at once: growing the string step by step cost a fifth of the writing.
  out.reserve(out.size() + 1024 + 256 * est.items.size() + 512 * (est.cannot_estimate.size() + est.warnings.size()));
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
  national(w, est);
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
  split(w, est);
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
