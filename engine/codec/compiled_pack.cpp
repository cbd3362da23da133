#include "engine/codec/compiled_pack.hpp"

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <type_traits>
#include <utility>

#include "engine/core/vocabulary.hpp"

namespace claimcalc::codec {

namespace {

// "CCP" and the format's version: a change to the Policy structures changes io() below and this number.
constexpr std::string_view kMagic = "CCP1";

// One description of every structure serves both directions: io(a, x) names each member in order, and the
// archive (Out or In) writes or reads it. Integers are zigzag varints; text is an index into the string table that
// precedes the structures (each distinct text once: source ids, layers and clauses repeat in every citation, and
// text kept apart from the numbers compresses better).
class Out {
 public:
  std::string bytes;
  std::string texts;
  void number(std::int64_t v) {
    auto z = static_cast<std::uint64_t>(v) << 1 ^ static_cast<std::uint64_t>(v >> 63);
    while (z >= 0x80) {
      bytes += static_cast<char>((z & 0x7f) | 0x80);
      z >>= 7;
    }
    bytes += static_cast<char>(z);
  }
  void text(std::string& s) {
    number(static_cast<std::int64_t>(s.size()));
    texts += s;
  }
  std::size_t count(std::size_t n) {
    number(static_cast<std::int64_t>(n));
    return n;
  }
  bool present(bool has) {
    number(has ? 1 : 0);
    return has;
  }
  template <class T>
  void operator()(T& x);
};

class In {
 public:
  explicit In(std::string_view b) : rest_(b) {}
  bool failed = false;
  void read_texts() {
    const std::size_t n = count(0);
    texts_ = rest_.substr(0, n);
    rest_.remove_prefix(n);
  }
  bool at_end() const { return rest_.empty(); }
  std::int64_t number() {
    std::uint64_t z = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (rest_.empty()) return fail();
      const auto c = static_cast<unsigned char>(rest_.front());
      rest_.remove_prefix(1);
      z |= static_cast<std::uint64_t>(c & 0x7f) << shift;
      if ((c & 0x80) == 0) return static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1);
    }
    return fail();
  }
  void text(std::string& s) {
    const std::int64_t n = number();
    if (n < 0 || static_cast<std::uint64_t>(n) > texts_.size()) return static_cast<void>(fail());
    s.assign(texts_.substr(0, static_cast<std::size_t>(n)));
    texts_.remove_prefix(static_cast<std::size_t>(n));
  }
  // A length the remaining bytes can hold (every element takes at least one byte), so a damaged length cannot
  // make a huge allocation.
  std::size_t count(std::size_t /*unused*/) {
    const std::int64_t n = number();
    if (n < 0 || static_cast<std::uint64_t>(n) > rest_.size()) return static_cast<std::size_t>(fail());
    return static_cast<std::size_t>(n);
  }
  bool present(bool /*unused*/) { return number() == 1; }
  std::int64_t in_range(std::int64_t lo, std::int64_t hi) {
    const std::int64_t v = number();
    return v < lo || v > hi ? fail() : v;
  }
  template <class T>
  void operator()(T& x);

 private:
  std::int64_t fail() {
    failed = true;
    rest_ = {};
    return 0;
  }
  std::string_view rest_;
  std::string_view texts_;
};

template <class E>
std::int64_t enum_last() {
  if constexpr (std::is_same_v<E, Layer>) {
    return static_cast<std::int64_t>(Layer::city);
  } else {
    static const auto n = static_cast<std::int64_t>(Vocabulary<E>::names().size());
    return n - 1;
  }
}

// A value to read into (Date has no default: only parse() and from_days() make one).
template <class T>
T blank() {
  if constexpr (std::is_same_v<T, Date>)
    return Date::from_days(0);
  else
    return T{};
}

template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};
template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_map : std::false_type {};
template <class K, class V>
struct is_map<std::map<K, V>> : std::true_type {};
template <class T>
struct is_pair : std::false_type {};
template <class A, class B>
struct is_pair<std::pair<A, B>> : std::true_type {};

// The parts every structure is made of. Out and In differ only in number/text/count/present.
template <class A, class T>
void part(A& a, T& x) {
  constexpr bool reading = std::is_same_v<A, In>;
  if constexpr (std::is_same_v<T, std::string>) {
    a.text(x);
  } else if constexpr (std::is_same_v<T, bool>) {
    if constexpr (reading)
      x = a.in_range(0, 1) == 1;
    else
      a.number(x ? 1 : 0);
  } else if constexpr (std::is_enum_v<T>) {
    if constexpr (reading)
      x = static_cast<T>(a.in_range(0, enum_last<T>()));
    else
      a.number(static_cast<std::int64_t>(x));
  } else if constexpr (std::is_integral_v<T>) {
    if constexpr (reading)
      x = static_cast<T>(a.in_range(std::numeric_limits<T>::min(), std::numeric_limits<T>::max()));
    else
      a.number(static_cast<std::int64_t>(x));
  } else if constexpr (std::is_same_v<T, Fen>) {
    if constexpr (reading)
      x = Fen::of(a.number());
    else
      a.number(x.value());
  } else if constexpr (std::is_same_v<T, Ratio>) {
    if constexpr (reading)
      x = Ratio::of_units(a.number());
    else
      a.number(x.units());
  } else if constexpr (std::is_same_v<T, Date>) {
    // Days since 1970 within years 1900..2200: every Date the parser accepts.
    if constexpr (reading)
      x = Date::from_days(a.in_range(-25567, 84006));
    else
      a.number(x.days());
  } else if constexpr (is_optional<T>::value) {
    if (a.present(x.has_value())) {
      if constexpr (reading) x.emplace(blank<typename T::value_type>());
      a(*x);
    }
  } else if constexpr (is_vector<T>::value) {
    const std::size_t n = a.count(x.size());
    if constexpr (reading) {
      // push_back, as the JSON reader fills the same vectors: the wasm then holds one copy of that code, not a
      // resize() per element type as well.
      for (std::size_t i = 0; i < n && !a.failed; ++i) {
        auto e = blank<typename T::value_type>();
        a(e);
        x.push_back(std::move(e));
      }
    } else {
      for (auto& e : x) a(e);
    }
  } else if constexpr (is_map<T>::value) {
    const std::size_t n = a.count(x.size());
    if constexpr (reading) {
      for (std::size_t i = 0; i < n && !a.failed; ++i) {
        typename T::key_type k{};
        a(k);
        a(x[k]);
      }
    } else {
      for (auto& [k, v] : x) {
        auto key = k;
        a(key);
        a(v);
      }
    }
  } else if constexpr (is_pair<T>::value) {
    a(x.first);
    a(x.second);
  } else {
    io(a, x);
  }
}

template <class T>
void Out::operator()(T& x) {
  part(*this, x);
}
template <class T>
void In::operator()(T& x) {
  if (!failed) part(*this, x);
}

// A member added to a structure of engine/core/policy.hpp and not to its io() below would be dropped from the
// built-in pack without a word. The sizes of the native 64-bit libstdc++ build (the one CI's tests run) stop that
// build (a failed static_assert here): whoever changes a structure adds the member to io() and writes the new size.
#if defined(__x86_64__) && defined(__GLIBCXX__)
static_assert(sizeof(Source) == 232);
static_assert(sizeof(Corroboration) == 96);
static_assert(sizeof(Citation) == 184);
static_assert(sizeof(Condition) == 136);
static_assert(sizeof(Band) == 32);
static_assert(sizeof(Figure<Fen>) == 360);
static_assert(sizeof(Figure<RatioSchedule>) == 384);
static_assert(sizeof(RatioSchedule) == 32);
static_assert(sizeof(Disease) == 168);
static_assert(sizeof(SettingPolicy) == 152);
static_assert(sizeof(CriticalIllnessPolicy) == 96);
static_assert(sizeof(WaitingPeriod) == 192);
static_assert(sizeof(SchemePolicy) == 400);
static_assert(sizeof(CrossRegionCondition) == 80);
static_assert(sizeof(RatioMultiplier) == 304);
static_assert(sizeof(FilingValidity) == 232);
static_assert(sizeof(CrossRegionPolicy) == 240);
static_assert(sizeof(Material) == 376);
static_assert(sizeof(DeadlineRule) == 296);
static_assert(sizeof(Channel) == 320);
static_assert(sizeof(ProcessStep) == 256);
static_assert(sizeof(Process) == 184);
static_assert(sizeof(SettlementErrorCause) == 408);
static_assert(sizeof(InsuranceYear) == 192);
static_assert(sizeof(Policy) == 832);
#endif

// The members of each structure, in declaration order (engine/core/policy.hpp).
template <class A>
void io(A& a, Source& x) {
  a(x.id), a(x.title), a(x.doc_no), a(x.office), a(x.date), a(x.url), a(x.confidence), a(x.note);
}
template <class A>
void io(A& a, Corroboration& x) {
  a(x.source_id), a(x.clause), a(x.quote);
}
template <class A>
void io(A& a, Citation& x) {
  a(x.layer), a(x.source_id), a(x.clause), a(x.quote), a(x.also), a(x.note);
}
template <class A>
void io(A& a, Condition& x) {
  a(x.levels), a(x.persons), a(x.tiers), a(x.stay_from), a(x.stay_to), a(x.age_min), a(x.age_max), a(x.care_from),
      a(x.care_to);
}
template <class A>
void io(A& a, Band& x) {
  a(x.from), a(x.to), a(x.ratio);
}
template <class A, class V>
void io(A& a, Figure<V>& x) {
  a(x.when), a(x.value), a(x.cite), a(x.note);
}
template <class A>
void io(A& a, RatioSchedule& x) {
  a(x.bands), a(x.measure);
}
template <class A>
void io(A& a, Disease& x) {
  a(x.id), a(x.name_zh), a(x.name_en), a(x.deductible), a(x.ratio), a(x.annual_cap);
}
template <class A>
void io(A& a, SettingPolicy& x) {
  a(x.class_b_upfront_share), a(x.deductible_basis), a(x.deductible), a(x.ratio), a(x.annual_cap), a(x.monthly_cap),
      a(x.diseases);
}
template <class A>
void io(A& a, CriticalIllnessPolicy& x) {
  a(x.applies_to), a(x.base_parts), a(x.ratio), a(x.annual_cap);
}
template <class A>
void io(A& a, WaitingPeriod& x) {
  a(x.days), a(x.months), a(x.cite);
}
template <class A>
void io(A& a, SchemePolicy& x) {
  a(x.persons), a(x.tiers), a(x.waiting_period), a(x.settings), a(x.critical_illness);
}
template <class A>
void io(A& a, CrossRegionCondition& x) {
  a(x.filings), a(x.scope), a(x.settings), a(x.settlements);
}
template <class A>
void io(A& a, RatioMultiplier& x) {
  a(x.when), a(x.multiplier), a(x.cut), a(x.cut_max), a(x.in_points), a(x.cite);
}
template <class A>
void io(A& a, FilingValidity& x) {
  a(x.filings), a(x.scope), a(x.months), a(x.at_least), a(x.cite);
}
template <class A>
void io(A& a, CrossRegionPolicy& x) {
  a(x.ratio_multipliers), a(x.validity), a(x.critical_illness_excludes_reduction);
}
template <class A>
void io(A& a, Material& x) {
  a(x.id), a(x.name_zh), a(x.name_en), a(x.original), a(x.note_zh), a(x.note_en), a(x.settings), a(x.cite);
}
template <class A>
void io(A& a, DeadlineRule& x) {
  a(x.id), a(x.label_zh), a(x.label_en), a(x.from), a(x.count), a(x.n), a(x.cite);
}
template <class A>
void io(A& a, Channel& x) {
  a(x.name_zh), a(x.name_en), a(x.online), a(x.note_zh), a(x.note_en), a(x.cite);
}
template <class A>
void io(A& a, ProcessStep& x) {
  a(x.text_zh), a(x.text_en), a(x.scope), a(x.cite);
}
template <class A>
void io(A& a, Process& x) {
  a(x.title_zh), a(x.title_en), a(x.steps), a(x.materials), a(x.deadlines), a(x.channels), a(x.not_in_data);
}
template <class A>
void io(A& a, SettlementErrorCause& x) {
  a(x.id), a(x.keywords), a(x.title_zh), a(x.title_en), a(x.why_zh), a(x.why_en), a(x.actions), a(x.likely_when),
      a(x.scope), a(x.cite);
}
template <class A>
void io(A& a, InsuranceYear& x) {
  a(x.start_month), a(x.start_day), a(x.cite);
}
template <class A>
void io(A& a, Policy& x) {
  a(x.region), a(x.name_zh), a(x.name_en), a(x.province), a(x.layer), a(x.region_code), a(x.effective_from),
      a(x.effective_to), a(x.last_verified), a(x.sources), a(x.insurance_year), a(x.schemes), a(x.cross_region),
      a(x.processes), a(x.settlement_errors), a(x.hash);
  // unread is not written: whether a region is an index entry is the build's table (api/builtin_policies.hpp).
}

}  // namespace

std::string compile_policies(const std::vector<Policy>& policies) {
  Out structures;
  std::vector<Policy> copy = policies;
  structures(copy);
  Out out;
  out.bytes = kMagic;
  out.count(structures.texts.size());
  return out.bytes + structures.texts + structures.bytes;
}

Result<std::vector<Policy>> read_compiled(std::string_view bytes) {
  std::vector<Policy> policies;
  const bool magic = bytes.substr(0, kMagic.size()) == kMagic;
  In in(magic ? bytes.substr(kMagic.size()) : std::string_view());
  if (magic) in.read_texts();
  if (magic) in(policies);
  if (!magic || in.failed || !in.at_end())
    return make_error(ErrorCode::policy_invalid, "pack", "编译后的政策包已损坏或版本不符",
                      "the compiled policy pack is damaged or of another format version");
  return policies;
}

}  // namespace claimcalc::codec
