#include "engine/codec/result_codec.hpp"

#include "engine/core/split_parts.hpp"

namespace claimcalc::codec {

namespace {

json money_or_null(const std::optional<Fen>& v) { return v ? json(format_money(*v)) : json(nullptr); }

// The cited document once per answer: result.sources[ref]. Uses point at it with {ref, id, clause, quote?, note?}, so a
// 50-item answer does not repeat the same title, office and URL in every step.
json source_entry(const Source& s) {
  return {{"id", s.id},
          {"title", s.title},
          {"doc_no", s.doc_no},
          {"office", s.office},
          {"date", s.date},
          {"url", s.url},
          {"confidence", s.confidence == Confidence::official ? "official" : "secondary"}};
}

json source_json(const Policy& policy, const Citation& cite) {
  json j = json::object();
  j["id"] = cite.source_id;
  j["clause"] = cite.clause;
  if (!cite.quote.empty()) j["quote"] = cite.quote;
  if (!cite.note.empty()) j["note"] = cite.note;
  if (const Source* s = policy.source(cite.source_id)) {
    j["title"] = s->title;
    j["doc_no"] = s->doc_no;
    j["office"] = s->office;
    j["date"] = s->date;
    j["url"] = s->url;
    j["confidence"] = s->confidence == Confidence::official ? "official" : "secondary";
  }
  return j;
}

json source_ref(const Policy& policy, const Citation& cite, json* table) {
  if (table == nullptr) return source_json(policy, cite);
  json j = json::object();
  const std::string ref = policy.region + ":" + cite.source_id;
  j["ref"] = ref;
  j["id"] = cite.source_id;
  j["clause"] = cite.clause;
  if (!cite.quote.empty()) j["quote"] = cite.quote;
  if (!cite.note.empty()) j["note"] = cite.note;
  if (!table->contains(ref)) {
    const Source* s = policy.source(cite.source_id);
    (*table)[ref] = s != nullptr ? source_entry(*s) : json{{"id", cite.source_id}};
  }
  return j;
}

json value_json(const StepValue& v) {
  switch (v.kind) {
    case StepValue::Kind::money:
      return format_money(v.fen);
    case StepValue::Kind::ratio:
      return format_percent(v.ratio);
    case StepValue::Kind::count:
      return v.count;
    case StepValue::Kind::date:
    case StepValue::Kind::text:
      return std::string(v.text());
  }
  return nullptr;
}

// A split figure: exact ("1234.56"), a range ({low, high, reasons}, an open end null), or null.
json figure_json(const PartFigure& f) {
  if (f.range == nullptr) return money_or_null(f.exact);
  json reasons = json::array();
  for (const auto& r : f.range->reasons)
    reasons.push_back({{"needs", r.needs}, {"reason_zh", r.reason_zh}, {"reason_en", r.reason_en}});
  return json{
      {"low", money_or_null(f.range->low)}, {"high", money_or_null(f.range->high)}, {"reasons", std::move(reasons)}};
}

json split_json(const Estimate& est) {
  json j = json::object();
  for (const auto& p : split_parts()) j[std::string(p.name)] = figure_json(part_figure(est, p));
  return j;
}

json national_json(const Estimate& est) {
  json j = json::object();
  for (const auto& n : national_names()) j[std::string(n.national)] = figure_json(part_figure(est, split_part(n.part)));
  return j;
}

}  // namespace

json materials_json(const Policy& policy, const std::vector<Material>& materials, json* sources) {
  json out = json::array();
  for (const auto& m : materials) {
    json j = {{"id", m.id},
              {"name_zh", m.name_zh},
              {"name_en", m.name_en},
              {"original", m.original},
              {"source", source_ref(policy, m.cite, sources)}};
    if (!m.note_zh.empty()) j["note_zh"] = m.note_zh;
    if (!m.note_en.empty()) j["note_en"] = m.note_en;
    out.push_back(std::move(j));
  }
  return out;
}

json deadlines_json(const Policy& policy, const std::vector<Deadline>& deadlines, json* sources) {
  json out = json::array();
  for (const auto& d : deadlines) {
    const Weekday w = d.date.weekday();
    json j = {{"id", d.id},
              {"label_zh", d.label_zh},
              {"label_en", d.label_en},
              {"date", d.date.iso()},
              {"weekday_zh", weekday_name_zh(w)},
              {"weekday_en", weekday_name_en(w)},
              {"rule_zh", d.rule_zh},
              {"rule_en", d.rule_en},
              {"counted_from", d.counted_from.iso()},
              {"statutory_date", d.statutory_date.iso()},
              {"source", source_ref(policy, d.cite, sources)}};
    if (d.calendar_source != nullptr) {
      json cal = {{"source", d.calendar_source}};
      if (d.notice != nullptr)
        cal["notice"] = {{"title", d.notice->title},
                         {"doc_no", d.notice->doc_no},
                         {"office", "国务院办公厅"},
                         {"date", d.notice->date},
                         {"url", d.notice->url}};
      j["calendar"] = std::move(cal);
    }
    if (!d.holiday_note_zh.empty()) {
      j["holiday_note_zh"] = d.holiday_note_zh;
      j["holiday_note_en"] = d.holiday_note_en;
    }
    out.push_back(std::move(j));
  }
  return out;
}

json source_of(const Policy& policy, const Citation& cite) { return source_json(policy, cite); }

json estimate_to_json(const Estimate& est, const std::string& engine_version) {
  const Policy& policy = *est.policy;
  json r = json::object();
  r["split"] = split_json(est);
  r["national"] = national_json(est);
  json items = json::array();
  for (const auto& it : est.items) {
    json j = json::object();
    j["name"] = it.name;
    if (!it.code.empty()) j["code"] = it.code;
    j["class"] = std::string(name_of(it.item_class));
    j["total"] = format_money(it.total);
    j["out_of_catalogue"] = format_money(it.out_of_catalogue);
    j["over_ceiling"] = format_money(it.over_ceiling);
    j["class_b_upfront"] = money_or_null(it.class_b_upfront);
    j["in_scope"] = money_or_null(it.in_scope);
    j["selfpay_ratio"] = it.selfpay_ratio ? json(format_percent(*it.selfpay_ratio)) : json(nullptr);
    items.push_back(std::move(j));
  }
  r["items"] = std::move(items);
  json sources = json::object();
  json steps = json::array();
  for (const auto& s : est.trace.steps()) {
    json j = json::object();
    j["rule"] = rule_name(s.rule);
    j["text_zh"] = s.text_zh();
    j["text_en"] = s.text_en();
    json values = json::object();
    for (const auto& v : s.values) values[v.name] = value_json(v);
    j["amounts"] = std::move(values);
    j["source"] = s.cite ? source_ref(*est.layers.holding(*s.cite, &policy), *s.cite, &sources) : json(nullptr);
    steps.push_back(std::move(j));
  }
  r["steps"] = std::move(steps);
  const Policy& process_policy = est.process_policy != nullptr ? *est.process_policy : policy;
  r["materials"] = materials_json(process_policy, est.materials, &sources);
  r["deadlines"] = deadlines_json(process_policy, est.deadlines, &sources);
  json channels = json::array();
  for (const auto& c : est.channels) {
    json ch = {{"name_zh", c.name_zh},
               {"name_en", c.name_en},
               {"kind", c.online ? "online" : "offline"},
               {"source", source_ref(process_policy, c.cite, &sources)}};
    if (!c.note_zh.empty()) ch["note_zh"] = c.note_zh;
    if (!c.note_en.empty()) ch["note_en"] = c.note_en;
    channels.push_back(std::move(ch));
  }
  r["channels"] = std::move(channels);
  r["sources"] = std::move(sources);
  json questions = json::array();
  for (const auto& q : est.next_questions) {
    json j = {{"field", q.field}, {"question_zh", q.question_zh}, {"question_en", q.question_en}};
    if (q.narrows) j["narrows"] = {{"part", q.narrows->part}, {"by", money_or_null(q.narrows->by)}};
    questions.push_back(std::move(j));
  }
  r["next_questions"] = std::move(questions);
  json warnings = json::array();
  for (const auto& w : est.warnings)
    warnings.push_back({{"code", w.code}, {"message_zh", w.message_zh}, {"message_en", w.message_en}});
  r["warnings"] = std::move(warnings);
  json unknown = json::array();
  for (const auto& u : est.cannot_estimate)
    unknown.push_back({{"part", u.part}, {"needs", u.needs}, {"reason_zh", u.reason_zh}, {"reason_en", u.reason_en}});
  r["cannot_estimate"] = std::move(unknown);
  r["benefits_from"] = est.benefits_from ? json(est.benefits_from->iso()) : json(nullptr);
  json receipt = json::object();
  receipt["engine_version"] = engine_version;
  receipt["policy_id"] = policy.id();
  receipt["policy_region"] = policy.region;
  receipt["policy_name_zh"] = policy.name_zh;
  receipt["policy_version"] = policy.effective_from.iso();
  receipt["policy_hash"] = policy.hash;
  receipt["policy_last_verified"] = policy.last_verified;
  receipt["date_of_care"] = est.date_of_care.iso();
  r["receipt"] = std::move(receipt);
  return r;
}

json error_envelope(const Error& error) {
  json e = json::object();
  e["code"] = error_code_name(error.code);
  e["field"] = error.field;
  e["message_zh"] = error.message_zh;
  e["message_en"] = error.message_en;
  if (!error.regions.empty()) e["regions"] = error.regions;
  json j = json::object();
  j["ok"] = false;
  j["error"] = std::move(e);
  return j;
}

json ok_envelope(json result) {
  json j = json::object();
  j["ok"] = true;
  j["result"] = std::move(result);
  return j;
}

namespace {

std::string money_text(const std::optional<Fen>& v, bool zh) {
  if (!v) return zh ? "无法测算" : "not estimated";
  return zh ? format_money(*v) + "元" : "¥" + format_money(*v);
}

// A figure as text: exact, a range (8200.00–9808.32元), one end (至多/至少), or not estimated.
std::string figure_text(const Estimate& est, const char* part, const std::optional<Fen>& exact, bool zh) {
  const auto it = est.ranges.find(part);
  if (it == est.ranges.end()) return money_text(exact, zh);
  const Range& r = it->second;
  if (r.low && r.high)
    return zh ? format_money(*r.low) + "–" + format_money(*r.high) + "元"
              : "¥" + format_money(*r.low) + "–¥" + format_money(*r.high);
  if (r.high) return (zh ? "至多 " : "at most ") + money_text(r.high, zh);
  return (zh ? "至少 " : "at least ") + money_text(r.low, zh);
}

std::string cite_text(const Policy& policy, const Citation& cite, bool zh) {
  const Source* s = policy.source(cite.source_id);
  if (s == nullptr) return "";
  std::string t = zh ? "〔来源：" : " [source: ";
  t += s->title;
  if (!s->doc_no.empty()) t += (zh ? "，" : ", ") + s->doc_no;
  t += (zh ? "，" : ", ") + s->office;
  if (!cite.clause.empty()) t += (zh ? "，" : ", ") + cite.clause;
  if (s->confidence == Confidence::secondary) t += zh ? "（二手资料，待核对）" : " (secondary, to be verified)";
  t += zh ? "〕" : "]";
  return t;
}

void explain_one(const Estimate& est, bool zh, bool brief, std::string& out) {
  const Split& s = est.split;
  const auto f = [&](const char* part, const std::optional<Fen>& v) { return figure_text(est, part, v, zh); };
  if (!est.bill_given) {
    // Short: an operator reads it out in under a minute (about 250 characters with the lists below).
    out += zh ? "还没有账单，报销金额暂时算不出。\n" : "No bill yet, so the amounts cannot be worked out.\n";
  } else if (zh) {
    out += "总费用 " + money_text(s.total, true) + "：统筹基金支付 " + f("fund_paid", s.fund_paid) + "，大病保险支付 " +
           f("critical_illness_paid", s.critical_illness_paid) + "，个人负担 " + f("patient_pays", s.patient_pays) +
           "（个人自付 " + f("self_pay", s.self_pay) + " + 个人自费 " + money_text(s.self_funded, true) + "）。\n";
  } else {
    out += "Total " + money_text(s.total, false) + ": the fund pays " + f("fund_paid", s.fund_paid) +
           ", critical-illness insurance " + f("critical_illness_paid", s.critical_illness_paid) + ", the patient " +
           f("patient_pays", s.patient_pays) + " (self-pay " + f("self_pay", s.self_pay) + " + self-funded " +
           money_text(s.self_funded, false) + ").\n";
  }
  int n = 0;
  if (!brief) {
    for (const auto& step : est.trace.steps()) {
      out += std::to_string(++n) + ". " + (zh ? step.text_zh() : step.text_en());
      if (step.cite) out += cite_text(*est.layers.holding(*step.cite, est.policy), *step.cite, zh);
      out += "\n";
    }
    for (const auto& u : est.cannot_estimate)
      out += (zh ? "无法测算（" : "Not estimated (") + u.part.str() + (zh ? "）：" : "): ") +
             (zh ? u.reason_zh : u.reason_en).str() + "\n";
  }
  const Policy& process_policy = est.process_policy != nullptr ? *est.process_policy : *est.policy;
  if (!est.materials.empty()) out += zh ? "需带材料：\n" : "Documents to bring:\n";
  for (const auto& m : est.materials)
    out += "  - " + (zh ? m.name_zh : m.name_en) + (brief ? "" : cite_text(process_policy, m.cite, zh)) + "\n";
  for (const auto& d : est.deadlines) {
    out += (zh ? "截止日期：" : "Deadline: ") + (zh ? d.label_zh : d.label_en) + " " + d.date.iso() +
           (zh ? "（" + std::string(weekday_name_zh(d.date.weekday())) + "）"
               : " (" + std::string(weekday_name_en(d.date.weekday())) + ")") +
           (brief ? ""
                  : (zh ? "；" : "; ") + (zh ? d.rule_zh : d.rule_en) + cite_text(process_policy, d.cite, zh) +
                        (d.holiday_note_zh.empty() ? "" : (zh ? "；" + d.holiday_note_zh : " " + d.holiday_note_en))) +
           "\n";
  }
  // Read out, the channels are one sentence; without a bill the questions are about amounts nobody can say yet.
  for (std::size_t i = 0; i < est.channels.size(); ++i) {
    const Channel& c = est.channels[i];
    if (!brief || i == 0) out += zh ? "办理渠道：" : "Channel: ";
    out += (zh ? c.name_zh : c.name_en) + (brief ? "" : cite_text(process_policy, c.cite, zh));
    out += brief && i + 1 < est.channels.size() ? (zh ? "；" : "; ") : "\n";
  }
  for (const auto& q : est.next_questions)
    if (!brief || est.bill_given)
      out += (zh ? "还需确认：" : "Still to ask: ") + (zh ? q.question_zh : q.question_en) + "\n";
  if (!brief)
    for (const auto& w : est.warnings)
      out += (zh ? "提示：" : "Note: ") + (zh ? w.message_zh : w.message_en).str() + "\n";
}

}  // namespace

std::string explain_text(const Estimate& est, TextLanguage lang, bool brief) {
  std::string out;
  if (lang != TextLanguage::en) explain_one(est, true, brief, out);
  if (lang == TextLanguage::both) out += "\n";
  if (lang != TextLanguage::zh) explain_one(est, false, brief, out);
  return out;
}

json policy_summary(const Policy& p) {
  json j = json::object();
  j["region"] = p.region;
  j["name_zh"] = p.name_zh;
  j["name_en"] = p.name_en;
  j["province"] = p.province;
  j["effective_from"] = p.effective_from.iso();
  j["effective_to"] = p.effective_to ? json(p.effective_to->iso()) : json(nullptr);
  j["last_verified"] = p.last_verified;
  j["hash"] = p.hash;
  json schemes = json::array();
  for (const auto& [scheme, sp] : p.schemes) {
    json s = json::object();
    s["scheme"] = std::string(name_of(scheme));
    json persons = json::array();
    for (auto v : sp.persons) persons.push_back(std::string(name_of(v)));
    s["persons"] = persons;
    json tiers = json::array();
    for (auto v : sp.tiers) tiers.push_back(std::string(name_of(v)));
    s["tiers"] = tiers;
    json settings = json::array();
    for (const auto& kv : sp.settings) settings.push_back(std::string(name_of(kv.first)));
    s["settings"] = settings;
    // The chronic/special diseases a setting lists: the page offers them as a choice (the request's `disease`).
    json diseases = json::array();
    for (const auto& kv : sp.settings) {
      for (const auto& d : kv.second.diseases) {
        diseases.push_back(
            {{"id", d.id}, {"zh", d.name_zh}, {"en", d.name_en}, {"setting", std::string(name_of(kv.first))}});
      }
    }
    s["diseases"] = std::move(diseases);
    s["critical_illness"] = sp.critical_illness.has_value();
    schemes.push_back(std::move(s));
  }
  j["schemes"] = std::move(schemes);
  json sources = json::array();
  for (const auto& s : p.sources) {
    sources.push_back({{"id", s.id},
                       {"title", s.title},
                       {"doc_no", s.doc_no},
                       {"office", s.office},
                       {"date", s.date},
                       {"url", s.url},
                       {"confidence", s.confidence == Confidence::official ? "official" : "secondary"}});
  }
  j["sources"] = std::move(sources);
  return j;
}

}  // namespace claimcalc::codec
