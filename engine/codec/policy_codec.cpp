#include "engine/codec/policy_codec.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "engine/codec/ratio_order.hpp"
#include "engine/codec/reader.hpp"
#include "engine/core/limits.hpp"
#include "engine/core/sha256.hpp"

namespace claimcalc::codec {

namespace {

constexpr std::size_t kMaxPolicyText = 4096;
constexpr std::size_t kMaxQuoteChars = 200;

std::string file_region(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return "";
  const auto prev = path.rfind('/', slash - 1);
  return path.substr(prev == std::string::npos ? 0 : prev + 1, slash - (prev == std::string::npos ? 0 : prev + 1));
}

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

// "<region>/<effective-from>.json", the region a plain id: a pack path never climbs out of its folder.
bool is_pack_path(const std::string& path) {
  const auto slash = path.find('/');
  if (slash == std::string::npos || slash == 0 || path.find('/', slash + 1) != std::string::npos) return false;
  for (std::size_t i = 0; i < slash; ++i) {
    const char c = path[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  }
  const std::string name = path.substr(slash + 1);
  return name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0 && name.find("..") == std::string::npos;
}

class PolicyParser {
 public:
  PolicyParser(const PolicyFile& file, std::string region)
      : r_(Reader::Style::pointer, file.path), region_(std::move(region)) {}
  Reader r_;
  std::string region_;  // the folder's region id: every citation of the file resolves in it
  std::set<std::string> source_ids_;
  std::set<std::string> secondary_ids_;
  std::set<std::string> used_ids_;

  void fail(const std::string& path, const std::string& zh, const std::string& en) {
    r_.fail(ErrorCode::policy_invalid, path, zh, en);
  }

  Condition condition(const json& obj, const std::string& path) {
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

  void source_ref(const std::string& id, const std::string& path) {
    if (r_.failed()) return;
    if (source_ids_.count(id) == 0)
      fail(path, "引用了不存在的来源「" + id + "」：请先在 sources 里列出它",
           "refers to unknown source \"" + id + "\": list it under sources first");
    used_ids_.insert(id);
  }

  // The source's own sentence: required on a figure (kind == figure), at most kMaxQuoteChars characters.
  std::string quote(const json& obj, const std::string& path, bool required) {
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

  Citation citation(const json& obj, const std::string& path, bool figure = false) {
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

  template <class V, class ReadValue>
  std::vector<Figure<V>> figures(const json& obj, std::string_view key, const std::string& path,
                                 std::initializer_list<std::string_view> value_fields, ReadValue read_value) {
    std::vector<Figure<V>> out;
    const json* list = Reader::get(obj, key);
    if (list == nullptr || r_.failed()) return out;
    const std::string p = r_.child(path, key);
    if (!r_.expect_array(*list, p)) return out;
    for (std::size_t i = 0; i < list->size() && !r_.failed(); ++i) {
      const json& f = (*list)[i];
      const std::string fp = r_.index(p, i);
      if (!r_.expect_object(f, fp)) break;
      std::vector<std::string_view> known{"when", "source", "clause", "quote", "also", "note"};
      known.insert(known.end(), value_fields.begin(), value_fields.end());
      for (auto it = f.begin(); it != f.end(); ++it) {
        if (std::find(known.begin(), known.end(), it.key()) == known.end()) {
          fail(r_.child(fp, it.key()), "未知字段「" + it.key() + "」", "unknown field \"" + it.key() + "\"");
          break;
        }
      }
      Figure<V> fig;
      fig.when = condition(f, fp);
      auto v = read_value(f, fp);
      fig.cite = citation(f, fp, true);
      if (auto n = r_.text(f, "note", fp, false, kMaxPolicyText)) fig.note = *n;
      fig.cite.note = fig.note;
      if (!v || r_.failed()) break;
      fig.value = std::move(*v);
      out.push_back(std::move(fig));
    }
    return out;
  }

  std::vector<Figure<Fen>> amounts(const json& obj, std::string_view key, const std::string& path) {
    return figures<Fen>(obj, key, path, {"amount"},
                        [&](const json& f, const std::string& fp) { return r_.money(f, "amount", fp, true); });
  }

  std::optional<std::vector<Band>> bands(const json& list, const std::string& path, bool must_start_at_zero) {
    std::vector<Band> out;
    if (!r_.expect_array(list, path)) return std::nullopt;
    if (list.empty()) {
      fail(path, "分段不能为空", "bands must not be empty");
      return std::nullopt;
    }
    for (std::size_t i = 0; i < list.size() && !r_.failed(); ++i) {
      const json& b = list[i];
      const std::string bp = r_.index(path, i);
      if (!r_.expect_object(b, bp)) break;
      r_.known_fields(b, bp, {"from", "to", "ratio"});
      Band band;
      band.from = r_.money(b, "from", bp, true).value_or(Fen::zero());
      band.to = r_.money(b, "to", bp, false);
      band.ratio = r_.ratio(b, "ratio", bp, true).value_or(Ratio::zero());
      if (r_.failed()) break;
      if (band.to && *band.to <= band.from)
        fail(bp, "分段上限必须大于下限", "a band's upper edge must be above its lower edge");
      if (i == 0 && must_start_at_zero && band.from != Fen::zero())
        fail(bp, "第一段必须从 0 开始", "the first band must start at 0");
      if (i > 0) {
        const Band& prev = out.back();
        if (!prev.to)
          fail(bp, "无上限的分段之后不能再有分段", "no band may follow one without an upper edge");
        else if (*prev.to != band.from)
          fail(bp, "分段之间不能有空隙或重叠：本段下限应等于上一段上限",
               "bands must not leave gaps or overlap: this band must start where the previous one ends");
      }
      out.push_back(band);
    }
    if (r_.failed()) return std::nullopt;
    return out;
  }

  std::vector<Figure<RatioSchedule>> schedules(const json& obj, std::string_view key, const std::string& path,
                                               bool must_start_at_zero) {
    return figures<RatioSchedule>(
        obj, key, path, {"ratio", "bands", "band_measure"},
        [&](const json& f, const std::string& fp) -> std::optional<RatioSchedule> {
          RatioSchedule s;
          const json* flat = Reader::get(f, "ratio");
          const json* banded = Reader::get(f, "bands");
          if ((flat == nullptr) == (banded == nullptr)) {
            fail(fp, "每项须有且只有 ratio（固定比例）或 bands（分段）之一",
                 "give exactly one of ratio (flat) or bands");
            return std::nullopt;
          }
          if (flat != nullptr) {
            auto ratio = r_.ratio(f, "ratio", fp, true);
            if (!ratio) return std::nullopt;
            s.bands.push_back(Band{Fen::zero(), std::nullopt, *ratio});
          } else {
            auto b = bands(*banded, r_.child(fp, "bands"), must_start_at_zero);
            if (!b) return std::nullopt;
            s.bands = std::move(*b);
          }
          s.measure = r_.enumeration<BandMeasure>(f, "band_measure", fp, false).value_or(BandMeasure::stay);
          return s;
        });
  }

  // Flat ratios that differ only by hospital level must not rise with the level unless a note says why. Linear in
  // the number of figures (a file may hold tens of thousands): figures are grouped by everything but the level, and
  // each group keeps the lowest ratio seen at each level.
  void check_level_order(const std::vector<Figure<RatioSchedule>>& list, const std::string& path) {
    constexpr std::size_t kLevels = static_cast<std::size_t>(HospitalLevel::level3) + 1;
    using Lowest = std::array<std::optional<Ratio>, kLevels>;
    const auto checked = [](const Figure<RatioSchedule>& f) {
      return f.value.bands.size() == 1 && f.when.levels.size() == 1 && f.note.empty();
    };
    const auto group_of = [](const Condition& w) {
      std::string key;
      for (auto v : w.persons) key += std::to_string(static_cast<int>(v)) + ",";
      key += ";";
      for (auto v : w.tiers) key += std::to_string(static_cast<int>(v)) + ",";
      for (const auto& v : {w.stay_from, w.age_min, w.age_max}) key += ";" + (v ? std::to_string(*v) : "-");
      return key;
    };
    std::map<std::string, Lowest> groups;
    for (const auto& f : list) {
      if (!checked(f)) continue;
      auto& low = groups[group_of(f.when)][static_cast<std::size_t>(f.when.levels[0])];
      if (!low || f.value.bands[0].ratio < *low) low = f.value.bands[0].ratio;
    }
    for (std::size_t j = 0; j < list.size(); ++j) {
      const auto& b = list[j];
      if (!checked(b)) continue;
      const Lowest& low = groups[group_of(b.when)];
      for (std::size_t level = 0; level < static_cast<std::size_t>(b.when.levels[0]); ++level) {
        if (low[level] && *low[level] < b.value.bands[0].ratio) {
          fail(r_.index(path, j), "较高等级医院的支付比例高于较低等级，且未加 note 说明",
               "the ratio at a higher hospital level is above a lower level's, without a note explaining why");
          return;
        }
      }
    }
  }

  SettingPolicy setting(const json& obj, const std::string& path, bool chronic) {
    SettingPolicy s;
    if (!r_.expect_object(obj, path)) return s;
    r_.known_fields(obj, path,
                    {"class_b_upfront_share", "deductible_basis", "deductible", "ratio", "annual_cap", "monthly_cap",
                     "diseases", "note"});
    s.class_b_upfront_share =
        figures<Ratio>(obj, "class_b_upfront_share", path, {"ratio"},
                       [&](const json& f, const std::string& fp) { return r_.ratio(f, "ratio", fp, true); });
    s.deductible_basis =
        r_.enumeration<DeductibleBasis>(obj, "deductible_basis", path, false).value_or(DeductibleBasis::per_stay);
    s.deductible = amounts(obj, "deductible", path);
    s.ratio = schedules(obj, "ratio", path, true);
    if (!r_.failed()) check_level_order(s.ratio, r_.child(path, "ratio"));
    if (!r_.failed()) {
      if (auto problem = check_retiree_order(s.ratio))
        fail(r_.index(r_.child(path, "ratio"), problem->index), problem->zh, problem->en);
    }
    s.annual_cap = amounts(obj, "annual_cap", path);
    s.monthly_cap = amounts(obj, "monthly_cap", path);
    if (const json* list = Reader::get(obj, "diseases")) {
      const std::string p = r_.child(path, "diseases");
      if (!chronic) fail(p, "只有 chronic_outpatient 可以列出病种", "only chronic_outpatient may list diseases");
      if (r_.expect_array(*list, p)) {
        for (std::size_t i = 0; i < list->size() && !r_.failed(); ++i) {
          const json& d = (*list)[i];
          const std::string dp = r_.index(p, i);
          if (!r_.expect_object(d, dp)) break;
          r_.known_fields(d, dp, {"id", "name_zh", "name_en", "deductible", "ratio", "annual_cap", "note"});
          Disease dis;
          dis.id = r_.text(d, "id", dp, true, 64).value_or("");
          dis.name_zh = r_.text(d, "name_zh", dp, true, kMaxPolicyText).value_or("");
          dis.name_en = r_.text(d, "name_en", dp, false, kMaxPolicyText).value_or("");
          dis.deductible = amounts(d, "deductible", dp);
          dis.ratio = schedules(d, "ratio", dp, true);
          dis.annual_cap = amounts(d, "annual_cap", dp);
          s.diseases.push_back(std::move(dis));
        }
      }
    }
    return s;
  }

  std::optional<CriticalIllnessPolicy> critical_illness(const json& obj, const std::string& path) {
    CriticalIllnessPolicy ci;
    if (!r_.expect_object(obj, path)) return std::nullopt;
    r_.known_fields(obj, path, {"applies_to", "base_parts", "ratio", "annual_cap", "note"});
    ci.applies_to = r_.enum_list<Setting>(obj, "applies_to", path);
    if (ci.applies_to.empty() && !r_.failed())
      fail(r_.child(path, "applies_to"), "applies_to 不能缺少或为空：大病保险总要适用于某种就医",
           "applies_to must name at least one setting: otherwise the critical-illness insurance never applies");
    if (Reader::get(obj, "base_parts") == nullptr)
      fail(r_.child(path, "base_parts"), "缺少 base_parts", "base_parts is missing");
    ci.base_parts = r_.enum_list<CriticalIllnessPart>(obj, "base_parts", path);
    ci.ratio = schedules(obj, "ratio", path, false);
    ci.annual_cap = amounts(obj, "annual_cap", path);
    return ci;
  }

  SchemePolicy scheme(const json& obj, const std::string& path) {
    SchemePolicy s;
    if (!r_.expect_object(obj, path)) return s;
    r_.known_fields(obj, path,
                    {"persons", "tiers", "waiting_period", "inpatient", "outpatient", "chronic_outpatient",
                     "critical_illness", "note"});
    s.persons = r_.enum_list<Person>(obj, "persons", path);
    // persons may be left to the province's layer (docs/policy-format.md, Layers).
    s.tiers = r_.enum_list<Tier>(obj, "tiers", path);
    if (const json* w = Reader::get(obj, "waiting_period")) {
      const std::string wp = r_.child(path, "waiting_period");
      if (r_.expect_object(*w, wp)) {
        r_.known_fields(*w, wp, {"months", "days", "source", "clause", "quote", "also", "note"});
        WaitingPeriod wait;
        wait.months = static_cast<int>(r_.integer(*w, "months", wp, false, 0, 120).value_or(0));
        wait.days = static_cast<int>(r_.integer(*w, "days", wp, false, 0, 3650).value_or(0));
        wait.cite = citation(*w, wp, true);
        wait.cite.note = r_.text(*w, "note", wp, false, kMaxPolicyText).value_or("");
        s.waiting_period = wait;
      }
    }
    for (Setting st : {Setting::inpatient, Setting::outpatient, Setting::chronic_outpatient}) {
      if (const json* v = Reader::get(obj, name_of(st))) {
        s.settings[st] = setting(*v, r_.child(path, name_of(st)), st == Setting::chronic_outpatient);
      }
    }
    if (const json* v = Reader::get(obj, "critical_illness")) {
      s.critical_illness = critical_illness(*v, r_.child(path, "critical_illness"));
    }
    return s;
  }

  CrossRegionCondition cross_condition(const json& obj, const std::string& path) {
    CrossRegionCondition c;
    const json* w = Reader::get(obj, "when");
    if (w == nullptr) return c;
    const std::string p = r_.child(path, "when");
    if (!r_.expect_object(*w, p)) return c;
    r_.known_fields(*w, p, {"filing", "scope", "setting", "settlement"});
    c.filings = r_.enum_list<Filing>(*w, "filing", p);
    c.settings = r_.enum_list<Setting>(*w, "setting", p);
    c.settlements = r_.enum_list<SettlementMode>(*w, "settlement", p);
    c.scope = r_.enumeration<CareScope>(*w, "scope", p, false);
    return c;
  }

  // Percentage points as a decimal string, "5" or "2.5": read as a ratio of that many percent.
  std::optional<Ratio> points(const json& obj, std::string_view key, const std::string& path) {
    auto t = r_.text(obj, key, path, true, 16);
    if (!t) return std::nullopt;
    const json as_percent = json::object({{std::string(key), *t + "%"}});
    return r_.ratio(as_percent, key, path, true);
  }

  CrossRegionPolicy cross_region(const json& obj, const std::string& path) {
    CrossRegionPolicy c;
    if (!r_.expect_object(obj, path)) return c;
    r_.known_fields(obj, path,
                    {"ratio_multipliers", "ratio_cuts", "validity", "critical_illness_excludes_reduction", "note"});
    if (Reader::get(obj, "ratio_multipliers") != nullptr && Reader::get(obj, "ratio_cuts") != nullptr)
      fail(r_.child(path, "ratio_cuts"), "ratio_multipliers 与 ratio_cuts 只能用一种：按原文的写法选择",
           "give either ratio_multipliers or ratio_cuts, as the text states the rule, not both");
    if (const json* list = Reader::get(obj, "ratio_cuts")) {
      const std::string p = r_.child(path, "ratio_cuts");
      if (r_.expect_array(*list, p)) {
        for (std::size_t i = 0; i < list->size() && !r_.failed(); ++i) {
          const json& m = (*list)[i];
          const std::string mp = r_.index(p, i);
          if (!r_.expect_object(m, mp)) break;
          r_.known_fields(m, mp, {"when", "points", "points_max", "source", "clause", "quote", "also", "note"});
          RatioMultiplier rm;
          rm.in_points = true;
          rm.when = cross_condition(m, mp);
          const bool exact = Reader::get(m, "points") != nullptr;
          if (exact == (Reader::get(m, "points_max") != nullptr)) {
            fail(mp, "每项须有且只有 points（降低的百分点）或 points_max（原文只给上限）之一",
                 "give exactly one of points (the cut in percentage points) or points_max (the text gives only a "
                 "ceiling)");
            break;
          }
          auto pts = points(m, exact ? "points" : "points_max", mp);
          if (!pts) break;
          if (exact)
            rm.cut = *pts;
          else
            rm.cut_max = *pts;
          rm.cite = citation(m, mp, true);
          rm.cite.note = r_.text(m, "note", mp, false, kMaxPolicyText).value_or("");
          c.ratio_multipliers.push_back(rm);
        }
      }
    }
    if (const json* list = Reader::get(obj, "ratio_multipliers")) {
      const std::string p = r_.child(path, "ratio_multipliers");
      if (r_.expect_array(*list, p)) {
        for (std::size_t i = 0; i < list->size() && !r_.failed(); ++i) {
          const json& m = (*list)[i];
          const std::string mp = r_.index(p, i);
          if (!r_.expect_object(m, mp)) break;
          r_.known_fields(m, mp, {"when", "multiplier", "source", "clause", "quote", "also", "note"});
          RatioMultiplier rm;
          rm.when = cross_condition(m, mp);
          rm.multiplier = r_.ratio(m, "multiplier", mp, true).value_or(Ratio::zero());
          rm.cite = citation(m, mp, true);
          rm.cite.note = r_.text(m, "note", mp, false, kMaxPolicyText).value_or("");
          c.ratio_multipliers.push_back(rm);
        }
      }
    }
    if (const json* list = Reader::get(obj, "validity")) {
      const std::string p = r_.child(path, "validity");
      if (r_.expect_array(*list, p)) {
        for (std::size_t i = 0; i < list->size() && !r_.failed(); ++i) {
          const json& v = (*list)[i];
          const std::string vp = r_.index(p, i);
          if (!r_.expect_object(v, vp)) break;
          r_.known_fields(v, vp,
                          {"filing", "scope", "months", "at_least", "source", "clause", "quote", "also", "note"});
          FilingValidity fv;
          fv.filings = r_.enum_list<Filing>(v, "filing", vp);
          if (auto m = r_.integer(v, "months", vp, false, 1, 1200)) fv.months = static_cast<int>(*m);
          fv.at_least = r_.boolean(v, "at_least", vp, false).value_or(false);
          fv.scope = r_.enumeration<CareScope>(v, "scope", vp, false);
          fv.cite = citation(v, vp, true);
          c.validity.push_back(fv);
        }
      }
    }
    if (const json* ex = Reader::get(obj, "critical_illness_excludes_reduction")) {
      const std::string p = r_.child(path, "critical_illness_excludes_reduction");
      if (r_.expect_object(*ex, p)) {
        r_.known_fields(*ex, p, {"source", "clause", "quote", "also", "note"});
        c.critical_illness_excludes_reduction = citation(*ex, p);
      }
    }
    return c;
  }

  Material material(const json& m, const std::string& mp) {
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

  DeadlineRule deadline(const json& d, const std::string& dp) {
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

  template <class T, class ReadOne>
  std::vector<T> list_of(const json& obj, std::string_view key, const std::string& path, ReadOne read_one) {
    std::vector<T> out;
    const json* list = Reader::get(obj, key);
    if (list == nullptr || r_.failed()) return out;
    const std::string p = r_.child(path, key);
    if (!r_.expect_array(*list, p)) return out;
    for (std::size_t i = 0; i < list->size() && !r_.failed(); ++i) out.push_back(read_one((*list)[i], r_.index(p, i)));
    return out;
  }

  // {"zh": ..., "en": ...}: one sentence in both languages.
  std::pair<std::string, std::string> zh_en(const json& obj, const std::string& path) {
    std::pair<std::string, std::string> out;
    if (!r_.expect_object(obj, path)) return out;
    r_.known_fields(obj, path, {"zh", "en"});
    out.first = r_.text(obj, "zh", path, true, kMaxPolicyText).value_or("");
    out.second = r_.text(obj, "en", path, true, kMaxPolicyText).value_or("");
    return out;
  }

  Process process(const json& obj, const std::string& path) {
    Process pr;
    if (!r_.expect_object(obj, path)) return pr;
    r_.known_fields(obj, path,
                    {"title_zh", "title_en", "steps", "materials", "deadlines", "channels", "not_in_data", "note"});
    pr.title_zh = r_.text(obj, "title_zh", path, true, kMaxPolicyText).value_or("");
    pr.title_en = r_.text(obj, "title_en", path, true, kMaxPolicyText).value_or("");
    pr.steps = list_of<ProcessStep>(obj, "steps", path, [&](const json& st, const std::string& sp) {
      ProcessStep step;
      if (!r_.expect_object(st, sp)) return step;
      r_.known_fields(st, sp, {"text_zh", "text_en", "source", "clause", "quote", "note"});
      step.text_zh = r_.text(st, "text_zh", sp, true, kMaxPolicyText).value_or("");
      step.text_en = r_.text(st, "text_en", sp, true, kMaxPolicyText).value_or("");
      step.cite = citation(st, sp);
      step.cite.note = r_.text(st, "note", sp, false, kMaxPolicyText).value_or("");
      return step;
    });
    pr.materials = list_of<Material>(obj, "materials", path,
                                     [&](const json& m, const std::string& mp) { return material(m, mp); });
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

  SettlementErrorCause error_cause(const json& e, const std::string& ep) {
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

  void sources(const json& root, Policy& p) {
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
};

std::string file_stem(const std::string& path) {
  const auto slash = path.rfind('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  const auto dot = name.rfind(".json");
  return dot == std::string::npos ? name : name.substr(0, dot);
}

}  // namespace

Result<Policy> parse_policy(const PolicyFile& file, const std::optional<Date>& today) {
  if (!is_pack_path(file.path)) {
    return make_error(ErrorCode::policy_invalid, file.path.substr(0, 256),
                      "政策文件路径须为 <地区>/<生效日期>.json（地区只含小写字母、数字、_ 和 -）",
                      "a policy file's path must be <region>/<effective-from>.json (the region of a-z, 0-9, _ and -)");
  }
  auto parsed = parse_json(file.bytes, limits::kMaxPolicyBytes, file.path, JsonPaths::pointer);
  if (!parsed.ok()) {
    Error e = parsed.error();
    e.code = e.code == ErrorCode::too_large ? ErrorCode::too_large : ErrorCode::policy_invalid;
    return e;
  }
  const json& root = parsed.value();
  PolicyParser pp(file, file_region(file.path));
  Reader& r = pp.r_;
  Policy p;
  if (!r.expect_object(root, "")) return r.error();
  r.known_fields(root, "",
                 {"schema_version", "region", "region_code", "layer", "name_zh", "name_en", "province",
                  "effective_from", "effective_to", "last_verified", "sources", "insurance_year", "schemes",
                  "cross_region", "processes", "settlement_errors", "note", "open_questions"});
  const auto version = r.integer(root, "schema_version", "", true, 1, 1);
  p.region = r.text(root, "region", "", true, 64).value_or("");
  p.name_zh = r.text(root, "name_zh", "", true, 256).value_or("");
  p.name_en = r.text(root, "name_en", "", true, 256).value_or("");
  p.province = r.text(root, "province", "", true, 64).value_or("");
  if (auto code = r.text(root, "region_code", "", false, 6)) {
    if (code->size() != 6 || code->find_first_not_of("0123456789") != std::string::npos || (*code)[0] == '0')
      pp.fail("/region_code", "应为 6 位行政区划代码（GB/T 2260），例如 \"440100\"",
              "expected a 6-digit division code (GB/T 2260), e.g. \"440100\"");
    else
      p.region_code = static_cast<std::int32_t>(std::atol(code->c_str()));
  }
  if (auto layer = r.text(root, "layer", "", false, 16)) {
    if (*layer == "national")
      p.layer = Layer::national;
    else if (*layer == "province")
      p.layer = Layer::province;
    else if (*layer == "city")
      p.layer = Layer::city;
    else
      r.unknown_value("/layer", *layer, "national, province, city");
  }
  if (auto d = r.date(root, "effective_from", "", true)) p.effective_from = *d;
  p.effective_to = r.date(root, "effective_to", "", false);
  if (auto d = r.date(root, "last_verified", "", true)) {
    p.last_verified = d->iso();
    if (today && *today < *d)
      pp.fail("/last_verified", "last_verified 晚于今天（" + today->iso() + "）：核对日期不能在未来",
              "last_verified is after today (" + today->iso() + "): figures cannot be checked in the future");
  }
  if (r.failed()) return r.error();
  (void)version;
  if (p.effective_to && *p.effective_to <= p.effective_from)
    pp.fail("/effective_to", "effective_to 必须晚于 effective_from", "effective_to must be after effective_from");
  pp.sources(root, p);
  if (const json* y = Reader::get(root, "insurance_year")) {
    if (r.expect_object(*y, "/insurance_year")) {
      r.known_fields(*y, "/insurance_year", {"start", "source", "clause", "quote", "also", "note"});
      const auto start = r.text(*y, "start", "/insurance_year", true, 8);
      InsuranceYear iy;
      const auto digits = [](const std::string& t) {
        return std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
      };
      if (start && start->size() == 5 && (*start)[2] == '-' && digits(start->substr(0, 2)) &&
          digits(start->substr(3, 2)) &&
          Date::valid(2000, std::atoi(start->substr(0, 2).c_str()), std::atoi(start->substr(3, 2).c_str()))) {
        iy.start_month = std::atoi(start->substr(0, 2).c_str());
        iy.start_day = std::atoi(start->substr(3, 2).c_str());
      } else if (start) {
        pp.fail("/insurance_year/start", "应为 MM-DD，例如 \"01-01\"", "expected MM-DD, e.g. \"01-01\"");
      }
      iy.cite = pp.citation(*y, "/insurance_year", true);
      p.insurance_year = iy;
    }
  }
  const json* schemes = Reader::get(root, "schemes");
  // A file without schemes is a layer others inherit from (national, a province): it must carry what they inherit.
  const bool layer = Reader::get(root, "cross_region") != nullptr || Reader::get(root, "processes") != nullptr;
  if (schemes == nullptr && !layer)
    pp.fail("/schemes",
            "缺少 schemes：政策文件至少须有一种险种（employee 或 resident），或供继承的 cross_region/processes",
            "schemes is missing: a policy file needs at least one scheme (employee or resident), or the cross_region "
            "or processes other files inherit");
  if (schemes != nullptr && schemes->is_object() && schemes->empty())
    pp.fail("/schemes", "schemes 为空：至少须有一种险种（employee 或 resident）",
            "schemes is empty: give at least one scheme (employee or resident)");
  if (schemes != nullptr && r.expect_object(*schemes, "/schemes")) {
    r.known_fields(*schemes, "/schemes", {"employee", "resident"});
    for (Scheme s : {Scheme::employee, Scheme::resident}) {
      if (const json* v = Reader::get(*schemes, name_of(s))) {
        p.schemes[s] = pp.scheme(*v, "/schemes/" + std::string(name_of(s)));
      }
    }
  }
  if (const json* cr = Reader::get(root, "cross_region")) p.cross_region = pp.cross_region(*cr, "/cross_region");
  if (const json* procs = Reader::get(root, "processes")) {
    if (r.expect_object(*procs, "/processes")) {
      r.known_fields(*procs, "/processes",
                     {"manual_claim", "reverse_settlement", "late_claim", "cross_region_filing", "special_disease"});
      for (auto it = procs->begin(); it != procs->end() && !r.failed(); ++it)
        p.processes[it.key()] = pp.process(it.value(), "/processes/" + it.key());
    }
  }
  p.settlement_errors = pp.list_of<SettlementErrorCause>(
      root, "settlement_errors", "", [&](const json& e, const std::string& ep) { return pp.error_cause(e, ep); });
  if (r.failed()) return r.error();
  for (std::size_t i = 0; i < p.sources.size() && !r.failed(); ++i) {
    if (pp.used_ids_.count(p.sources[i].id) == 0)
      pp.fail(r.child(r.index("/sources", i), "id"),
              "来源「" + p.sources[i].id + "」没有被任何数字或规则引用：删去它，或在用到它的地方写上 source",
              "source \"" + p.sources[i].id +
                  "\" is not cited by any figure or rule: remove it, or cite it where it is used");
  }
  if (r.failed()) return r.error();
  const std::string folder = file_region(file.path);
  if (!folder.empty() && folder != p.region)
    pp.fail("/region", "region 与所在文件夹名「" + folder + "」不一致",
            "region differs from its folder \"" + folder + "\"");
  if (file_stem(file.path) != p.effective_from.iso())
    pp.fail("/effective_from", "文件名必须等于 effective_from", "the file name must equal effective_from");
  if (r.failed()) return r.error();
  p.hash = sha256_hex(file.bytes);
  return p;
}

Result<PolicyPack> load_pack(const std::vector<PolicyFile>& files, const std::optional<Date>& today) {
  PolicyPack pack;
  for (const auto& f : files) {
    auto p = parse_policy(f, today);
    if (!p.ok()) return p.error();
    pack.policies.push_back(std::move(p.value()));
  }
  // Versions of a region in date order: an overlap anywhere shows between neighbours.
  std::vector<std::size_t> order(pack.policies.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const Policy& a = pack.policies[x];
    const Policy& b = pack.policies[y];
    return a.region != b.region ? a.region < b.region : a.effective_from < b.effective_from;
  });
  for (std::size_t k = 0; k + 1 < order.size(); ++k) {
    const Policy& early = pack.policies[order[k]];
    const Policy& late = pack.policies[order[k + 1]];
    if (early.region != late.region) continue;
    if (!early.effective_to || *early.effective_to > late.effective_from) {
      return make_error(
          ErrorCode::policy_invalid, files[order[k]].path + "#/effective_to",
          "同一地区的政策版本时间重叠：" + early.id() + " 应以 effective_to 结束于 " + late.effective_from.iso(),
          "versions of one region overlap: " + early.id() + " must end (effective_to) by " + late.effective_from.iso());
    }
    if (*early.effective_to < late.effective_from) {
      return make_error(ErrorCode::policy_invalid, files[order[k]].path + "#/effective_to",
                        "同一地区的政策版本之间有空档：" + early.id() + " 结束于 " + early.effective_to->iso() +
                            "，下一个版本从 " + late.effective_from.iso() + " 开始；请让两者相接",
                        "versions of one region leave a gap: " + early.id() + " ends on " + early.effective_to->iso() +
                            " but the next version starts on " + late.effective_from.iso() + "; make them meet");
    }
  }
  return pack;
}

std::vector<std::string> stale_regions(const PolicyPack& pack, const Date& today) {
  std::vector<std::string> out;
  const Date limit = today.plus_months_clamped(-12);
  for (const Policy& p : pack.policies) {
    if (pack.latest(p.region) != &p) continue;
    auto verified = Date::parse(p.last_verified, "last_verified");
    if (verified.ok() && verified.value() < limit)
      out.push_back(p.id() + ": last verified " + p.last_verified + ", more than 12 months before " + today.iso() +
                    "; read its figures against the sources again");
  }
  return out;
}

}  // namespace claimcalc::codec
