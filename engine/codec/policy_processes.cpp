// processes (steps, materials, deadlines, channels, not_in_data per scenario) and settlement_errors.
#include "engine/codec/policy_parser.hpp"

namespace claimcalc::codec {

Material PolicyParser::material(const json& m, const std::string& mp) {
  Material mat;
  if (!r_.expect_object(m, mp)) return mat;
  r_.known_fields(
      m, mp, {"id", "name_zh", "name_en", "original", "note_zh", "note_en", "setting", "source", "clause", "quote"});
  mat.id = r_.text(m, "id", mp, true, 64).value_or("");
  mat.name_zh = r_.text(m, "name_zh", mp, true, kMaxPolicyText).value_or("");
  mat.name_en = r_.text(m, "name_en", mp, true, kMaxPolicyText).value_or("");
  mat.original = r_.boolean(m, "original", mp, false).value_or(true);
  mat.note_zh = r_.text(m, "note_zh", mp, false, kMaxPolicyText).value_or("");
  mat.note_en = r_.text(m, "note_en", mp, false, kMaxPolicyText).value_or("");
  mat.settings = r_.enum_list<Setting>(m, "setting", mp);
  mat.cite = citation(m, mp);
  return mat;
}

DeadlineRule PolicyParser::deadline(const json& d, const std::string& dp) {
  DeadlineRule rule;
  if (!r_.expect_object(d, dp)) return rule;
  r_.known_fields(d, dp,
                  {"id", "label_zh", "label_en", "from", "count", "n", "source", "clause", "quote", "also", "note"});
  rule.id = r_.text(d, "id", dp, true, 64).value_or("");
  rule.label_zh = r_.text(d, "label_zh", dp, true, kMaxPolicyText).value_or("");
  rule.label_en = r_.text(d, "label_en", dp, true, kMaxPolicyText).value_or("");
  rule.from = r_.enumeration<DeadlineFrom>(d, "from", dp, true).value_or(DeadlineFrom::expense);
  rule.count = r_.enumeration<DeadlineCount>(d, "count", dp, true).value_or(DeadlineCount::months);
  rule.n = static_cast<int>(r_.integer(d, "n", dp, true, 1, 3650).value_or(1));
  rule.cite = citation(d, dp, true);
  rule.cite.note = r_.text(d, "note", dp, false, kMaxPolicyText).value_or("");
  return rule;
}

// {"zh": ..., "en": ...}: one sentence in both languages.
std::pair<std::string, std::string> PolicyParser::zh_en(const json& obj, const std::string& path) {
  std::pair<std::string, std::string> out;
  if (!r_.expect_object(obj, path)) return out;
  r_.known_fields(obj, path, {"zh", "en"});
  out.first = r_.text(obj, "zh", path, true, kMaxPolicyText).value_or("");
  out.second = r_.text(obj, "en", path, true, kMaxPolicyText).value_or("");
  return out;
}

Process PolicyParser::process(const json& obj, const std::string& path) {
  Process pr;
  if (!r_.expect_object(obj, path)) return pr;
  r_.known_fields(obj, path,
                  {"title_zh", "title_en", "steps", "materials", "deadlines", "channels", "not_in_data", "note"});
  pr.title_zh = r_.text(obj, "title_zh", path, true, kMaxPolicyText).value_or("");
  pr.title_en = r_.text(obj, "title_en", path, true, kMaxPolicyText).value_or("");
  pr.steps = list_of<ProcessStep>(obj, "steps", path, [&](const json& st, const std::string& sp) {
    ProcessStep step;
    if (!r_.expect_object(st, sp)) return step;
    r_.known_fields(st, sp, {"text_zh", "text_en", "scope", "source", "clause", "quote", "note"});
    step.text_zh = r_.text(st, "text_zh", sp, true, kMaxPolicyText).value_or("");
    step.text_en = r_.text(st, "text_en", sp, true, kMaxPolicyText).value_or("");
    step.scope = r_.enumeration<CareScope>(st, "scope", sp, false);
    step.cite = citation(st, sp);
    step.cite.note = r_.text(st, "note", sp, false, kMaxPolicyText).value_or("");
    return step;
  });
  pr.materials =
      list_of<Material>(obj, "materials", path, [&](const json& m, const std::string& mp) { return material(m, mp); });
  pr.deadlines = list_of<DeadlineRule>(obj, "deadlines", path,
                                       [&](const json& d, const std::string& dp) { return deadline(d, dp); });
  pr.channels = list_of<Channel>(obj, "channels", path, [&](const json& c, const std::string& cp) {
    Channel ch;
    if (!r_.expect_object(c, cp)) return ch;
    r_.known_fields(c, cp, {"name_zh", "name_en", "kind", "note_zh", "note_en", "source", "clause", "quote"});
    ch.name_zh = r_.text(c, "name_zh", cp, true, kMaxPolicyText).value_or("");
    ch.name_en = r_.text(c, "name_en", cp, true, kMaxPolicyText).value_or("");
    ch.online = r_.enumeration<ChannelKind>(c, "kind", cp, true) == ChannelKind::online;
    ch.note_zh = r_.text(c, "note_zh", cp, false, kMaxPolicyText).value_or("");
    ch.note_en = r_.text(c, "note_en", cp, false, kMaxPolicyText).value_or("");
    ch.cite = citation(c, cp);
    return ch;
  });
  pr.not_in_data = list_of<std::pair<std::string, std::string>>(
      obj, "not_in_data", path, [&](const json& u, const std::string& up) { return zh_en(u, up); });
  return pr;
}

SettlementErrorCause PolicyParser::error_cause(const json& e, const std::string& ep) {
  SettlementErrorCause c;
  if (!r_.expect_object(e, ep)) return c;
  r_.known_fields(e, ep,
                  {"id", "keywords", "title_zh", "title_en", "why_zh", "why_en", "actions", "likely_when", "scope",
                   "source", "clause", "quote"});
  c.id = r_.text(e, "id", ep, true, 64).value_or("");
  c.title_zh = r_.text(e, "title_zh", ep, true, kMaxPolicyText).value_or("");
  c.title_en = r_.text(e, "title_en", ep, true, kMaxPolicyText).value_or("");
  c.why_zh = r_.text(e, "why_zh", ep, true, kMaxPolicyText).value_or("");
  c.why_en = r_.text(e, "why_en", ep, true, kMaxPolicyText).value_or("");
  c.keywords = list_of<std::string>(e, "keywords", ep, [&](const json& k, const std::string& kp) {
    if (!k.is_string()) r_.wrong_type(kp, "字符串", "a string");
    return k.is_string() ? k.get<std::string>() : std::string();
  });
  c.actions = list_of<std::pair<std::string, std::string>>(
      e, "actions", ep, [&](const json& a, const std::string& ap) { return zh_en(a, ap); });
  c.likely_when = r_.enumeration<LikelyWhen>(e, "likely_when", ep, false);
  c.scope = r_.enumeration<CareScope>(e, "scope", ep, false);
  c.cite = citation(e, ep);
  return c;
}

}  // namespace claimcalc::codec
