#include "engine/codec/process_codec.hpp"

#include "engine/codec/estimate_writer.hpp"
#include "engine/codec/json_writer.hpp"
#include "engine/codec/result_codec.hpp"

namespace claimcalc::codec {

namespace {

json unknown_json(const std::vector<CannotEstimate>& list) {
  json out = json::array();
  for (const auto& u : list)
    out.push_back({{"part", u.part}, {"needs", u.needs}, {"reason_zh", u.reason_zh}, {"reason_en", u.reason_en}});
  return out;
}

}  // namespace

json guide_to_json(const Guide& g) {
  json j = json::object();
  j["scenario"] = g.scenario;
  j["title_zh"] = g.title_zh;
  j["title_en"] = g.title_en;
  j["region"] = g.region != nullptr ? json(g.region->region) : json(nullptr);
  j["policy_id"] = g.region != nullptr ? json(g.region->id()) : json(nullptr);
  j["province_policy_id"] = g.province != nullptr ? json(g.province->id()) : json(nullptr);
  json steps = json::array();
  for (const auto& s : g.steps)
    steps.push_back(
        {{"text_zh", s.item.text_zh}, {"text_en", s.item.text_en}, {"source", source_of(*s.policy, s.item.cite)}});
  j["steps"] = std::move(steps);
  json materials = json::array();
  for (const auto& m : g.materials) materials.push_back(materials_json(*m.policy, {m.item})[0]);
  j["materials"] = std::move(materials);
  json deadlines = json::array();
  for (const auto& d : g.deadlines) deadlines.push_back(deadlines_json(*d.policy, {d.item})[0]);
  j["deadlines"] = std::move(deadlines);
  json channels = json::array();
  for (const auto& c : g.channels) {
    json ch = {{"name_zh", c.item.name_zh},
               {"name_en", c.item.name_en},
               {"kind", c.item.online ? "online" : "offline"},
               {"source", source_of(*c.policy, c.item.cite)}};
    if (!c.item.note_zh.empty()) ch["note_zh"] = c.item.note_zh;
    if (!c.item.note_en.empty()) ch["note_en"] = c.item.note_en;
    channels.push_back(std::move(ch));
  }
  j["channels"] = std::move(channels);
  json not_in_data = json::array();
  for (const auto& [zh, en] : g.not_in_data) not_in_data.push_back({{"zh", zh}, {"en", en}});
  j["not_in_data"] = std::move(not_in_data);
  j["cannot_estimate"] = unknown_json(g.cannot_estimate);
  return j;
}

json diagnosis_to_json(const std::vector<Diagnosis>& causes) {
  json list = json::array();
  for (const auto& d : causes) {
    json actions = json::array();
    for (const auto& [zh, en] : d.cause->actions) actions.push_back({{"text_zh", zh}, {"text_en", en}});
    json c = {{"id", d.cause->id},
              {"title_zh", d.cause->title_zh},
              {"title_en", d.cause->title_en},
              {"why_zh", d.cause->why_zh},
              {"why_en", d.cause->why_en},
              {"actions", std::move(actions)},
              {"matched", d.matched},
              {"source", source_of(*d.policy, d.cause->cite)}};
    if (!d.context_zh.empty()) {
      c["context_zh"] = d.context_zh;
      c["context_en"] = d.context_en;
    }
    list.push_back(std::move(c));
  }
  return json{{"causes", std::move(list)}};
}

namespace {

// An optional amount as the tree path wrote it: its money string, or null.
void append_fen_or_null(std::string& out, const std::optional<Fen>& v) {
  out += v ? "\"" + format_money(*v) + "\"" : std::string("null");
}

// A difference: one amount, or {high, low} where the corrected figure is a range.
void append_difference(std::string& out, const std::optional<Fen>& exact, const std::optional<Range>& range) {
  if (!range) return append_fen_or_null(out, exact);
  out += "{\"high\":";
  append_fen_or_null(out, range->high);
  out += ",\"low\":";
  append_fen_or_null(out, range->low);
  out += '}';
}

}  // namespace

void append_reverse_envelope(std::string& out, const ReverseOutcome& r, const char* engine_version, Charset charset) {
  // The corrected estimate by the estimate writer (no tree: the wasm base then links no estimate_to_json), then
  // spliced: {"ok":true,"result":{<estimate>}} becomes {"ok":true,"result":{"corrected":{<estimate>},...}}, the
  // members after it in sorted order, as dump_json wrote the tree.
  const std::size_t start = out.size();
  {
    JsonWriter w(out, charset);
    append_estimate_envelope(w, r.corrected, engine_version, Texts::both);
  }
  constexpr std::string_view kOpen = R"({"ok":true,"result":)";  // open_envelope's first bytes
  out.insert(start + kOpen.size(), R"({"corrected":)");
  out.pop_back();  // the envelope's brace: its result goes on
  out += R"(,"difference":{"critical_illness_paid":)";
  append_fen_or_null(out, r.critical_illness_difference);
  out += R"(,"fund_paid":)";
  append_difference(out, r.fund_difference, r.fund_difference_range);
  out += R"(,"patient_pays":)";
  append_difference(out, r.patient_difference, r.patient_difference_range);
  out += R"(},"direction":")";
  out += direction_name(r.direction);
  out += R"(","original":{"critical_illness_paid":)";
  append_fen_or_null(out, r.original.critical_illness_paid);
  out += R"(,"fund_paid":")" + format_money(r.original.fund_paid) + R"(","patient_pays":")" +
         format_money(r.original.patient_pays) + R"("}}})";
}

namespace {

std::string str(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

std::string source_line(const json& src, bool zh) {
  if (!src.is_object()) return "";
  std::string t = (zh ? "〔" : " [") + str(src, "title");
  if (!str(src, "doc_no").empty()) t += (zh ? "，" : ", ") + str(src, "doc_no");
  if (!str(src, "clause").empty()) t += (zh ? "，" : ", ") + str(src, "clause");
  if (str(src, "confidence") == "secondary") t += zh ? "（二手资料）" : " (secondary)";
  return t + (zh ? "〕" : "]");
}

}  // namespace

std::string guide_text(const json& g, bool zh) {
  const char* l = zh ? "_zh" : "_en";
  auto f = [&](const json& j, const std::string& k) { return str(j, (k + l).c_str()); };
  std::string out = f(g, "title") + "\n";
  int n = 0;
  for (const auto& s : g["steps"])
    out += std::to_string(++n) + ". " + f(s, "text") + source_line(s["source"], zh) + "\n";
  if (!g["materials"].empty()) out += zh ? "需带材料：\n" : "Documents:\n";
  for (const auto& m : g["materials"]) out += "  - " + f(m, "name") + source_line(m["source"], zh) + "\n";
  for (const auto& d : g["deadlines"])
    out += (zh ? "截止日期：" : "Deadline: ") + f(d, "label") + " " + str(d, "date") + " " + f(d, "weekday") + "；" +
           f(d, "rule") + source_line(d["source"], zh) + "\n";
  if (!g["channels"].empty()) out += zh ? "办理渠道：\n" : "Channels:\n";
  for (const auto& c : g["channels"])
    out += "  - " + f(c, "name") +
           (str(c, "kind") == "online" ? (zh ? "（线上）" : " (online)") : (zh ? "（线下）" : " (in person)")) +
           source_line(c["source"], zh) + "\n";
  for (const auto& u : g["not_in_data"])
    out += (zh ? "未收录：" : "Not in the data: ") + str(u, zh ? "zh" : "en") + "\n";
  for (const auto& u : g["cannot_estimate"]) out += (zh ? "无法计算：" : "Not computed: ") + f(u, "reason") + "\n";
  return out;
}

std::string diagnosis_text(const json& d, bool zh) {
  const char* l = zh ? "_zh" : "_en";
  auto f = [&](const json& j, const std::string& k) { return str(j, (k + l).c_str()); };
  std::string out;
  int n = 0;
  for (const auto& c : d["causes"]) {
    out += std::to_string(++n) + ". " + f(c, "title") + "：" + f(c, "why");
    if (!f(c, "context").empty()) out += " " + f(c, "context");
    out += source_line(c["source"], zh) + "\n";
    for (const auto& a : c["actions"]) out += "   → " + f(a, "text") + "\n";
  }
  return out;
}

}  // namespace claimcalc::codec
