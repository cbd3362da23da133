// The policy file reader (engine/codec internal): one PolicyParser per file, its methods by job in
// policy_citation.cpp (conditions, citations, sources), policy_figures.cpp (figures, settings, schemes),
// policy_cross_region.cpp (cross_region) and policy_processes.cpp (processes, settlement errors);
// policy_codec.cpp reads the file as a whole, and the pack.
#pragma once

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/codec/reader.hpp"
#include "engine/core/policy.hpp"
#include "engine/core/policy_file.hpp"

namespace claimcalc::codec {

constexpr std::size_t kMaxPolicyText = 4096;
constexpr std::size_t kMaxQuoteChars = 200;

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

  Condition condition(const json& obj, const std::string& path);

  void source_ref(const std::string& id, const std::string& path);

  // The source's own sentence: required on a figure (kind == figure), at most kMaxQuoteChars characters.
  std::string quote(const json& obj, const std::string& path, bool required);

  Citation citation(const json& obj, const std::string& path, bool figure = false);

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

  std::vector<Figure<Fen>> amounts(const json& obj, std::string_view key, const std::string& path);

  std::optional<std::vector<Band>> bands(const json& list, const std::string& path, bool must_start_at_zero);

  std::vector<Figure<RatioSchedule>> schedules(const json& obj, std::string_view key, const std::string& path,
                                               bool must_start_at_zero);

  // Flat ratios that differ only by hospital level must not rise with the level unless a note says why. Linear in
  // the number of figures (a file may hold tens of thousands): figures are grouped by everything but the level, and
  // each group keeps the lowest ratio seen at each level.
  void check_level_order(const std::vector<Figure<RatioSchedule>>& list, const std::string& path);

  SettingPolicy setting(const json& obj, const std::string& path, bool chronic);

  std::optional<CriticalIllnessPolicy> critical_illness(const json& obj, const std::string& path);

  SchemePolicy scheme(const json& obj, const std::string& path);

  CrossRegionCondition cross_condition(const json& obj, const std::string& path);

  // Percentage points as a decimal string, "5" or "2.5": read as a ratio of that many percent.
  std::optional<Ratio> points(const json& obj, std::string_view key, const std::string& path);

  CrossRegionPolicy cross_region(const json& obj, const std::string& path);

  Material material(const json& m, const std::string& mp);

  DeadlineRule deadline(const json& d, const std::string& dp);

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
  std::pair<std::string, std::string> zh_en(const json& obj, const std::string& path);

  Process process(const json& obj, const std::string& path);

  SettlementErrorCause error_cause(const json& e, const std::string& ep);

  void sources(const json& root, Policy& p);
};

}  // namespace claimcalc::codec
