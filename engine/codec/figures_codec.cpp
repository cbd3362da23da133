#include "engine/codec/figures_codec.hpp"

#include "engine/codec/json_writer.hpp"
#include "engine/core/split_parts.hpp"

namespace claimcalc::codec {

namespace {

// Keys are literals: their lengths are known at the call (no strlen per key in the wasm build).
template <std::size_t N>
void money(JsonWriter& w, const char (&key)[N], Fen v) {
  w.key(key);
  w.money(v);
}

template <std::size_t N>
void money(JsonWriter& w, const char (&key)[N], const std::optional<Fen>& v) {
  w.key(key);
  if (v) {
    w.money(*v);
  } else {
    w.null();
  }
}

// As figure_json in result_codec.cpp: exact, a range ({high, low, reasons} in dump order), or null.
void figure(JsonWriter& w, const PartFigure& f, Sentences sentences) {
  if (f.range == nullptr) {
    if (f.exact) {
      w.money(*f.exact);
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
    write_sentence(w, sentences.batch, r.needs);
    write_sentences(w, sentences, "reason_en", r.reason_en, "reason_zh", r.reason_zh);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

SplitFigures::SplitFigures(const Estimate& est, Sentences sentences) : sentences_(sentences) {
  for (std::size_t p = 0; p < figure_.size(); ++p) figure_[p] = part_figure(est, split_parts()[p]);
}

void SplitFigures::write(JsonWriter& w, std::size_t p) {
  if (end_[p] != 0) {
    w.repeat(begin_[p], end_[p]);
    return;
  }
  begin_[p] = w.offset();
  figure(w, figure_[p], sentences_);
  end_[p] = w.offset();
}

// The tables are sorted by name, the order nlohmann writes a full answer's keys in.
void write_split(JsonWriter& w, SplitFigures& figures) {
  w.begin_object();
  for (std::size_t p = 0; p < split_parts().size(); ++p) {
    w.key(split_parts()[p].name);
    figures.write(w, p);
  }
  w.end_object();
}

void write_national(JsonWriter& w, SplitFigures& figures) {
  w.begin_object();
  for (const auto& n : national_names()) {
    w.key(n.national);
    figures.write(w, n.part_index);
  }
  w.end_object();
}

void write_items(JsonWriter& w, const std::vector<ItemResult>& list) {
  w.begin_array();
  for (const auto& it : list) {
    w.begin_object();
    w.key("class");
    w.plain_string(name_of(it.item_class));
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
      w.percent(*it.selfpay_ratio);
    } else {
      w.null();
    }
    money(w, "total", it.total);
    w.end_object();
  }
  w.end_array();
}

void write_text(JsonWriter& w, std::string_view key, std::string_view value) {
  w.key(key);
  w.string(value);
}

void write_benefits_from(JsonWriter& w, const Estimate& est) {
  w.key("benefits_from");
  if (est.benefits_from) {
    w.string(est.benefits_from->iso());
  } else {
    w.null();
  }
}

void write_cannot_estimate(JsonWriter& w, const Estimate& est, Sentences sentences) {
  w.key("cannot_estimate");
  w.begin_array();
  for (const auto& u : est.cannot_estimate) {
    w.begin_object();
    w.key("needs");
    write_sentence(w, sentences.batch, u.needs);
    w.key("part");
    write_sentence(w, sentences.batch, u.part);
    write_sentences(w, sentences, "reason_en", u.reason_en, "reason_zh", u.reason_zh);
    w.end_object();
  }
  w.end_array();
}

void write_receipt_tail(JsonWriter& w, const Policy& policy, const char* engine_version) {
  write_text(w, "engine_version", engine_version);
  write_text(w, "policy_hash", policy.hash);
  write_text(w, "policy_id", policy.id());
  write_text(w, "policy_last_verified", policy.last_verified);
  write_text(w, "policy_name_zh", policy.name_zh);
  write_text(w, "policy_region", policy.region);
  write_text(w, "policy_version", policy.effective_from.iso());
  w.end_object();
}

void write_receipt(JsonWriter& w, const Estimate& est, const char* engine_version) {
  w.key("receipt");
  w.begin_object();
  write_text(w, "date_of_care", est.date_of_care.iso());
  write_receipt_tail(w, *est.policy, engine_version);
}

void write_warnings(JsonWriter& w, const Estimate& est, Sentences sentences) {
  w.key("warnings");
  w.begin_array();
  for (const auto& x : est.warnings) {
    w.begin_object();
    w.key("code");
    write_sentence(w, sentences.batch, x.code);
    write_sentences(w, sentences, "message_en", x.message_en, "message_zh", x.message_zh);
    w.end_object();
  }
  w.end_array();
}

void open_envelope(JsonWriter& w, const Estimate& est, Sentences sentences) {
  w.begin_object();
  w.key("ok");
  w.boolean(true);
  w.key("result");
  w.begin_object();
  write_benefits_from(w, est);
  write_cannot_estimate(w, est, sentences);
}

void close_envelope(JsonWriter& w, const Estimate& est, Sentences sentences) {
  write_warnings(w, est, sentences);
  w.end_object();
  w.end_object();
}

void write_error_envelope(JsonWriter& w, const Error& error, BatchTexts* texts) {
  w.begin_object();
  w.key("error");
  w.begin_object();
  w.key("code");
  w.string(error_code_name(error.code));
  w.key("field");
  w.string(error.field);
  w.key("message_en");
  write_sentence(w, texts, std::string_view(error.message_en));
  w.key("message_zh");
  write_sentence(w, texts, std::string_view(error.message_zh));
  if (!error.regions.empty()) {
    w.key("regions");
    w.begin_array();
    for (const auto& r : error.regions) w.string(r);
    w.end_array();
  }
  w.end_object();
  w.key("ok");
  w.boolean(false);
  w.end_object();
}

void append_figures_envelope(std::string& out, const Estimate& est, const char* engine_version) {
  // Room for the whole answer at once: growing the string step by step cost a fifth of the writing.
  reserve_more(out, 1024 + 256 * est.items.size() + 512 * (est.cannot_estimate.size() + est.warnings.size()));
  JsonWriter w(out);
  append_figures_envelope(w, est, engine_version);
}

void append_figures_envelope(JsonWriter& w, const Estimate& est, const char* engine_version, Sentences sentences) {
  open_envelope(w, est, sentences);
  w.key("items");
  write_items(w, est.items);
  SplitFigures figures(est, sentences);
  w.key("national");
  write_national(w, figures);
  if (sentences.batch != nullptr) {
    w.key("receipt");
    w.begin_object();
    write_text(w, "date_of_care", est.date_of_care.iso());
    w.continued(sentences.batch->receipt_tail(est, engine_version));
  } else {
    write_receipt(w, est, engine_version);
  }
  w.key("split");
  write_split(w, figures);
  close_envelope(w, est, sentences);
}

}  // namespace claimcalc::codec
