// Where a figure comes from: its condition (when), its citation (source, clause, quote, also) and the file's
// sources.
#include "engine/codec/policy_parser.hpp"
#include "engine/core/limits.hpp"

namespace claimcalc::codec {

namespace {

// A source's date: a calendar date, a month when the day is not shown, or an explicit "undated".
bool source_date_ok(const std::string& d) {
  if (d == "undated") return true;
  auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i)
      if (i >= d.size() || d[i] < '0' || d[i] > '9') return false;
    return true;
  };
  if (d.size() == 7) return digits(0, 4) && d[4] == '-' && digits(5, 2);
  if (d.size() != 10 || !digits(0, 4) || d[4] != '-' || !digits(5, 2) || d[7] != '-' || !digits(8, 2)) return false;
  return Date::valid(std::atoi(d.substr(0, 4).c_str()), std::atoi(d.substr(5, 2).c_str()),
                     std::atoi(d.substr(8, 2).c_str()));
}

std::size_t utf8_chars(const std::string& s) {
  std::size_t n = 0;
  for (char ch : s)
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;  // count every byte that does not continue a character
  return n;
}

// A source's address: a web page (never javascript:, data: or a file), or an explicit statement that there is none.
bool is_source_url(const std::string& u) {
  if (u.rfind("unknown", 0) == 0) return true;
  const bool web = u.rfind("https://", 0) == 0 || u.rfind("http://", 0) == 0;
  if (!web) return false;
  for (const char ch : u) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= ' ' || c == 0x7f) return false;
  }
  return u.size() > u.find("//") + 2;
}

}  // namespace

Condition PolicyParser::condition(const json& obj, const std::string& path) {
  Condition c;
  const json* w = Reader::get(obj, "when");
  if (w == nullptr) return c;
  const std::string p = r_.child(path, "when");
  if (!r_.expect_object(*w, p)) return c;
  r_.known_fields(*w, p, {"hospital_level", "person", "tier", "stay", "age_min", "age_max", "care_from", "care_to"});
  c.levels = r_.enum_list<HospitalLevel>(*w, "hospital_level", p);
  c.persons = r_.enum_list<Person>(*w, "person", p);
  c.tiers = r_.enum_list<Tier>(*w, "tier", p);
  if (const auto stay = r_.enumeration<StayOrder>(*w, "stay", p, false)) {
    c.stay_from = *stay == StayOrder::first ? 1 : 2;
    if (*stay == StayOrder::first) c.stay_to = 1;
  }
  if (auto v = r_.integer(*w, "age_min", p, false, 0, limits::kMaxAge)) c.age_min = static_cast<int>(*v);
  if (auto v = r_.integer(*w, "age_max", p, false, 0, limits::kMaxAge)) c.age_max = static_cast<int>(*v);
  c.care_from = r_.date(*w, "care_from", p, false);
  c.care_to = r_.date(*w, "care_to", p, false);
  if (r_.failed()) return c;
  if (c.age_min && c.age_max && *c.age_min > *c.age_max)
    fail(r_.child(p, "age_min"), "age_min 大于 age_max：没有人能符合", "age_min is above age_max: no one can match");
  if (c.care_from && c.care_to && *c.care_to < *c.care_from)
    fail(r_.child(p, "care_from"), "care_from 晚于 care_to：没有日期能符合",
         "care_from is after care_to: no date can match");
  return c;
}

void PolicyParser::source_ref(const std::string& id, const std::string& path) {
  if (r_.failed()) return;
  if (source_ids_.count(id) == 0)
    fail(path, "引用了不存在的来源「" + id + "」：请先在 sources 里列出它",
         "refers to unknown source \"" + id + "\": list it under sources first");
  used_ids_.insert(id);
}

// The source's own sentence: required on a figure (kind == figure), at most kMaxQuoteChars characters.
std::string PolicyParser::quote(const json& obj, const std::string& path, bool required) {
  auto q = r_.text(obj, "quote", path, false, kMaxPolicyText);
  if (r_.failed()) return "";
  if (!q || q->empty()) {
    if (required)
      fail(r_.child(path, "quote"), "缺少 quote：请粘贴来源中写明这个数字的原句（不超过200字）",
           "quote is missing: paste the source's own sentence that states this figure (at most 200 characters)");
    return "";
  }
  if (utf8_chars(*q) > kMaxQuoteChars)
    fail(r_.child(path, "quote"), "quote 超过200字：只保留写明这个数字的那一句",
         "quote is over 200 characters: keep only the sentence that states the figure");
  return *q;
}

Citation PolicyParser::citation(const json& obj, const std::string& path, bool figure) {
  Citation c;
  c.layer = region_;
  if (auto s = r_.text(obj, "source", path, true, 64)) {
    c.source_id = *s;
    source_ref(*s, r_.child(path, "source"));
  }
  if (auto s = r_.text(obj, "clause", path, false, kMaxPolicyText)) c.clause = *s;
  c.quote = quote(obj, path, figure);
  if (const json* also = Reader::get(obj, "also")) {
    const std::string ap = r_.child(path, "also");
    if (r_.expect_array(*also, ap)) {
      for (std::size_t i = 0; i < also->size() && !r_.failed(); ++i) {
        const std::string ip = r_.index(ap, i);
        if (!r_.expect_object((*also)[i], ip)) break;
        r_.known_fields((*also)[i], ip, {"source", "clause", "quote"});
        Corroboration k;
        k.source_id = r_.text((*also)[i], "source", ip, true, 64).value_or("");
        source_ref(k.source_id, r_.child(ip, "source"));
        k.clause = r_.text((*also)[i], "clause", ip, false, kMaxPolicyText).value_or("");
        k.quote = quote((*also)[i], ip, true);
        if (!r_.failed() && k.source_id == c.source_id)
          fail(r_.child(ip, "source"), "also 必须是另一个来源", "also must name a different source");
        c.also.push_back(std::move(k));
      }
    }
  }
  if (figure && !r_.failed() && secondary_ids_.count(c.source_id) != 0 && c.also.empty())
    fail(r_.child(path, "also"),
         "这个数字只有一个二手来源：请在 also 里加上另一个独立且数字一致的来源及其原句；找不到就删去这个数字",
         "this figure rests on one secondary source: add a second, independent source that agrees under also, with "
         "its quote; if there is none, remove the figure");
  return c;
}

void PolicyParser::sources(const json& root, Policy& p) {
  const json* list = Reader::get(root, "sources");
  if (list == nullptr) {
    fail("/sources", "缺少 sources：每个数字都必须有出处", "sources is missing: every figure needs one");
    return;
  }
  if (!r_.expect_array(*list, "/sources")) return;
  for (std::size_t i = 0; i < list->size() && !r_.failed(); ++i) {
    const json& s = (*list)[i];
    const std::string sp = r_.index("/sources", i);
    if (!r_.expect_object(s, sp)) return;
    r_.known_fields(s, sp, {"id", "title", "doc_no", "office", "date", "url", "confidence", "note"});
    Source src;
    src.id = r_.text(s, "id", sp, true, 64).value_or("");
    src.title = r_.text(s, "title", sp, true, kMaxPolicyText).value_or("");
    src.doc_no = r_.text(s, "doc_no", sp, false, kMaxPolicyText).value_or("");
    src.office = r_.text(s, "office", sp, true, kMaxPolicyText).value_or("");
    src.date = r_.text(s, "date", sp, true, 16).value_or("");
    if (!r_.failed() && !source_date_ok(src.date))
      fail(r_.child(sp, "date"), "日期应为 YYYY-MM-DD、YYYY-MM，或写 \"undated\"（来源上没有日期）",
           "date must be YYYY-MM-DD, YYYY-MM, or \"undated\" when the source shows none");
    src.url = r_.text(s, "url", sp, true, kMaxPolicyText).value_or("");
    if (!r_.failed() && !is_source_url(src.url))
      fail(r_.child(sp, "url"), "来源网址须以 http:// 或 https:// 开头（或明确写 \"unknown …\"）",
           "a source's url must start with http:// or https:// (or say \"unknown …\" explicitly)");
    src.note = r_.text(s, "note", sp, false, kMaxPolicyText).value_or("");
    src.confidence = r_.enumeration<Confidence>(s, "confidence", sp, true).value_or(Confidence::official);
    if (src.confidence == Confidence::secondary) secondary_ids_.insert(src.id);
    if (!r_.failed() && !source_ids_.insert(src.id).second)
      fail(r_.child(sp, "id"), "来源编号重复", "duplicate source id");
    p.sources.push_back(std::move(src));
  }
}

}  // namespace claimcalc::codec
