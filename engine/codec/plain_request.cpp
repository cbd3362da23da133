#include "engine/codec/plain_request.hpp"

#include "engine/codec/request_codec.hpp"
#include "engine/core/limits.hpp"

namespace claimcalc::codec {

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 (RFC 3629: no overlongs, surrogates or values above U+10FFFF).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const auto cont = [&](std::size_t k) { return k < s.size() && (b(k) & 0xC0) == 0x80; };
  const unsigned char c = b(i);
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    if ((c == 0xE0 && b(i + 1) < 0xA0) || (c == 0xED && b(i + 1) > 0x9F)) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    if ((c == 0xF0 && b(i + 1) < 0x90) || (c == 0xF4 && b(i + 1) > 0x8F)) return 0;
    return 4;
  }
  return 0;
}

// A cursor over the text; every read returns false to decline.
class Scanner {
 public:
  explicit Scanner(PlainScan& s) : s_(s) {}

  void ws() {
    while (s_.pos < s_.text.size()) {
      const char c = s_.text[s_.pos];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      ++s_.pos;
    }
  }
  bool peek(char c) {
    ws();
    return s_.pos < s_.text.size() && s_.text[s_.pos] == c;
  }
  bool eat(char c) {
    if (!peek(c)) return false;
    ++s_.pos;
    return true;
  }
  bool at_end() {
    ws();
    return s_.pos == s_.text.size();
  }
  // A string with no escapes and no control characters, in valid UTF-8.
  bool string(std::string_view& out) {
    if (!eat('"')) return false;
    const std::size_t start = s_.pos;
    const std::string_view t = s_.text;
    while (s_.pos < t.size()) {
      const auto c = static_cast<unsigned char>(t[s_.pos]);
      if (c == '"') {
        out = t.substr(start, s_.pos - start);
        ++s_.pos;
        return true;
      }
      if (c == '\\' || c < 0x20) return false;
      if (c >= 0x80) {
        const std::size_t n = utf8_length(t, s_.pos);
        if (n == 0) return false;
        s_.pos += n;
      } else {
        ++s_.pos;
      }
    }
    return false;
  }
  // A non-negative whole number written plainly (no sign, fraction or exponent), at most 15 digits.
  bool whole(std::int64_t& out) {
    ws();
    const std::string_view t = s_.text;
    std::size_t i = s_.pos;
    std::int64_t v = 0;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9' && i - s_.pos < 16) v = v * 10 + (t[i++] - '0');
    const std::size_t digits = i - s_.pos;
    if (digits == 0 || digits > 15 || (digits > 1 && t[s_.pos] == '0')) return false;
    if (i < t.size() && (t[i] == '.' || t[i] == 'e' || t[i] == 'E' || (t[i] >= '0' && t[i] <= '9'))) return false;
    s_.pos = i;
    out = v;
    return true;
  }
  // {"key": value, ...}: calls member(key) for each; member reads the value. No key twice (bit per known key).
  template <class F>
  bool object(F&& member) {
    if (!eat('{')) return false;
    if (eat('}')) return true;
    do {
      std::string_view key;
      if (!string(key) || !eat(':')) return false;
      if (!member(key)) return false;
    } while (eat(','));
    return eat('}');
  }
  template <class F>
  bool array(F&& element) {
    if (!eat('[')) return false;
    if (eat(']')) return true;
    do {
      if (!element()) return false;
    } while (eat(','));
    return eat(']');
  }

 private:
  PlainScan& s_;
};

// Each key at most once: a bit per position in a list of known keys.
struct Seen {
  std::uint64_t bits = 0;
  bool first(int k) {
    const std::uint64_t bit = std::uint64_t{1} << k;
    if ((bits & bit) != 0) return false;
    bits |= bit;
    return true;
  }
};

template <std::size_t N>
int key_index(const std::string_view (&keys)[N], std::string_view key) {
  for (std::size_t i = 0; i < N; ++i)
    if (keys[i] == key) return static_cast<int>(i);
  return -1;
}

bool text(Scanner& s, std::size_t max_bytes, std::string& out) {
  std::string_view v;
  if (!s.string(v) || v.size() > max_bytes) return false;
  out.assign(v.data(), v.size());
  return true;
}

template <class E>
bool enumeration(Scanner& s, E& out) {
  std::string_view v;
  if (!s.string(v) || v.size() > 64) return false;
  const auto e = from_name<E>(v);
  if (!e) return false;
  out = *e;
  return true;
}

bool date(Scanner& s, std::string_view field, Date& out) {
  std::string_view v;
  if (!s.string(v) || v.size() > 32) return false;
  auto d = Date::parse(v, field);
  if (!d.ok()) return false;
  out = d.value();
  return true;
}

bool date(Scanner& s, std::string_view field, std::optional<Date>& out) {
  Date d = Date::unchecked(2000, 1, 1);
  if (!date(s, field, d)) return false;
  out = d;
  return true;
}

// Money as a decimal string, not negative (JSON numbers for money go the full path).
bool money(Scanner& s, Fen& out) {
  std::string_view v;
  if (!s.string(v)) return false;
  auto m = parse_money(v, "");
  if (!m.ok() || m.value() < Fen::zero()) return false;
  out = m.value();
  return true;
}

bool ratio(Scanner& s, Ratio& out) {
  std::string_view v;
  if (!s.string(v)) return false;
  auto r = parse_ratio(v, "");
  if (!r.ok()) return false;
  out = r.value();
  return true;
}

bool whole(Scanner& s, std::int64_t min, std::int64_t max, std::int64_t& out) {
  return s.whole(out) && out >= min && out <= max;
}

constexpr std::string_view kItemKeys[] = {"name",     "code",       "class",         "insured_class", "amount",
                                          "quantity", "unit_price", "price_ceiling", "selfpay_ratio"};

// As read_item in request_codec.cpp, for the cases it accepts.
bool item(Scanner& s, BillItem& it) {
  Seen seen;
  bool has_class = false;
  std::optional<Fen> amount, unit_price;
  std::optional<std::int64_t> quantity;
  const bool ok = s.object([&](std::string_view key) {
    const int k = key_index(kItemKeys, key);
    if (k < 0 || !seen.first(k)) return false;
    switch (k) {
      case 0:
        return text(s, limits::kMaxTextBytes, it.name);
      case 1:
        return text(s, 64, it.code);
      case 2:
        has_class = true;
        return enumeration(s, it.item_class);
      case 3: {
        ItemClass c{};
        if (!enumeration(s, c)) return false;
        it.insured_class = c;
        return true;
      }
      case 4:
        return money(s, amount.emplace());
      case 5:
        return whole(s, 1, limits::kMaxQuantity, quantity.emplace());
      case 6:
        return money(s, unit_price.emplace());
      case 7:
        return money(s, it.price_ceiling.emplace());
      default:
        return ratio(s, it.selfpay_ratio.emplace());
    }
  });
  if (!ok || !has_class || quantity.has_value() != unit_price.has_value()) return false;
  if (quantity) {
    const Fen product = times(*unit_price, *quantity);
    if (product.value() > limits::kMaxMoneyFen || (amount && *amount != product)) return false;
    it.quantity = quantity;
    it.unit_price = unit_price;
    it.amount = product;
  } else if (amount) {
    it.amount = *amount;
  } else {
    return false;
  }
  if (it.price_ceiling && !it.quantity) return false;
  if (it.selfpay_ratio && it.item_class == ItemClass::out_of_catalogue && !it.insured_class) return false;
  return true;
}

constexpr std::string_view kYearKeys[] = {"stays",
                                          "deductible_paid",
                                          "in_scope",
                                          "fund_paid",
                                          "critical_illness_base",
                                          "critical_illness_paid",
                                          "outpatient_pool_paid",
                                          "outpatient_pool_paid_this_month",
                                          "disease_fund_paid"};

bool year_to_date(Scanner& s, YearToDate& y) {
  Seen seen;
  const bool ok = s.object([&](std::string_view key) {
    const int k = key_index(kYearKeys, key);
    if (k < 0 || !seen.first(k)) return false;
    if (k == 0) {
      std::int64_t stays = 0;
      if (!whole(s, 0, limits::kMaxStays, stays)) return false;
      y.stays = static_cast<int>(stays);
      return true;
    }
    YearToDate::Given& g = y.given;
    const std::pair<Fen*, bool*> fields[] = {{nullptr, nullptr},
                                             {&y.deductible_paid, &g.deductible_paid},
                                             {&y.in_scope, &g.in_scope},
                                             {&y.fund_paid, &g.fund_paid},
                                             {&y.critical_illness_base, &g.critical_illness_base},
                                             {&y.critical_illness_paid, &g.critical_illness_paid},
                                             {&y.outpatient_pool_paid, &g.outpatient_pool_paid},
                                             {&y.outpatient_pool_paid_this_month, &g.outpatient_pool_paid_this_month},
                                             {&y.disease_fund_paid, &g.disease_fund_paid}};
    *fields[k].second = true;
    return money(s, *fields[k].first);
  });
  return ok && !(y.outpatient_pool_paid_this_month > y.outpatient_pool_paid);
}

bool totals(Scanner& s, Claim& c) {
  constexpr std::string_view kKeys[] = {"class_a", "class_b", "out_of_catalogue"};
  constexpr ItemClass kClasses[] = {ItemClass::class_a, ItemClass::class_b, ItemClass::out_of_catalogue};
  Seen seen;
  std::optional<Fen> amounts[3];
  const bool ok = s.object([&](std::string_view key) {
    const int k = key_index(kKeys, key);
    if (k < 0 || !seen.first(k)) return false;
    return money(s, amounts[k].emplace());
  });
  if (!ok) return false;
  c.items_are_totals = true;
  for (int k = 0; k < 3; ++k) {
    if (!amounts[k]) continue;
    BillItem item;
    item.name = std::string(label_zh(kClasses[k])) + "合计";
    item.item_class = kClasses[k];
    item.amount = *amounts[k];
    c.items.push_back(std::move(item));
  }
  return !c.items.empty();
}

constexpr std::string_view kRequestKeys[] = {
    "insured_region", "care_region",      "care_province",  "scheme",       "person",         "tier",   "age",
    "setting",        "disease",          "hospital_level", "date_of_care", "discharge_date", "filing", "filing_date",
    "settlement",     "enrolment_status", "enrolment_date", "year_to_date", "items",          "totals", "detail"};

}  // namespace

std::optional<PlainRequest> read_plain_request_at(PlainScan& scan) {
  Scanner s(scan);
  PlainRequest out;
  Claim& c = out.claim;
  Seen seen;
  std::optional<bool> figures;
  bool has_care_region = false;
  const bool ok = s.object([&](std::string_view key) {
    const int k = key_index(kRequestKeys, key);
    if (k < 0 || !seen.first(k)) return false;
    switch (k) {
      case 0:
        return text(s, 64, c.insured_region);
      case 1:
        has_care_region = true;
        return text(s, 64, c.care_region);
      case 2:
        return text(s, 64, c.care_province);
      case 3:
        return enumeration(s, c.scheme);
      case 4:
        return enumeration(s, c.person.emplace());
      case 5:
        return enumeration(s, c.tier.emplace());
      case 6: {
        std::int64_t age = 0;
        if (!whole(s, 0, limits::kMaxAge, age)) return false;
        c.age = static_cast<int>(age);
        return true;
      }
      case 7:
        return enumeration(s, c.setting);
      case 8:
        return text(s, 64, c.disease);
      case 9:
        return enumeration(s, c.hospital_level.emplace());
      case 10:
        return date(s, "date_of_care", c.date_of_care);
      case 11:
        return date(s, "discharge_date", c.discharge_date);
      case 12:
        c.filing_given = true;
        return enumeration(s, c.filing);
      case 13:
        return date(s, "filing_date", c.filing_date);
      case 14:
        c.settlement_given = true;
        return enumeration(s, c.settlement);
      case 15:
        c.enrolment_status_given = true;
        return enumeration(s, c.enrolment_status);
      case 16:
        return date(s, "enrolment_date", c.enrolment_date);
      case 17:
        return year_to_date(s, c.year_to_date);
      case 18:
        return s.array([&] {
          if (c.items.size() >= limits::kMaxItems) return false;
          c.items.emplace_back();
          return item(s, c.items.back());
        });
      case 19:
        return totals(s, c);
      default: {
        std::string_view d;
        if (!s.string(d) || (d != "full" && d != "figures")) return false;
        figures = d == "figures";
        return true;
      }
    }
  });
  if (!ok) return std::nullopt;
  // Required fields, exactly one of items and totals, and the checks parse_claim makes after reading.
  const auto given = [&](int k) { return (seen.bits >> k & 1) != 0; };
  if (!given(0) || !given(3) || !given(7) || !given(10) || given(18) == given(19) || c.items.empty())
    return std::nullopt;
  Fen sum;
  for (const auto& it : c.items) {
    sum += it.amount;
    if (sum.value() > limits::kMaxMoneyFen) return std::nullopt;
  }
  if (!has_care_region) c.care_region = c.insured_region;
  if (check_claim(c)) return std::nullopt;
  out.detail_given = figures.has_value();
  c.step_texts = !figures.value_or(false);
  return out;
}

std::optional<PlainRequest> read_plain_request(std::string_view text) {
  if (text.size() > limits::kMaxRequestBytes) return std::nullopt;
  PlainScan scan{text, 0};
  auto request = read_plain_request_at(scan);
  Scanner s(scan);
  if (!request || !s.at_end()) return std::nullopt;
  return request;
}

std::optional<PlainCall> read_plain_call(std::string_view text) {
  if (text.size() > limits::kMaxBatchBytes) return std::nullopt;
  constexpr std::string_view kKeys[] = {"op", "detail", "request", "requests"};
  PlainScan scan{text, 0};
  Scanner s(scan);
  Seen seen;
  PlainCall call;
  std::string_view op;
  const bool ok = s.object([&](std::string_view key) {
    const int k = key_index(kKeys, key);
    if (k < 0 || !seen.first(k)) return false;
    if (k == 0) return s.string(op);
    if (k == 1) {
      std::string_view d;
      if (!s.string(d) || (d != "full" && d != "figures")) return false;
      call.figures_default = d == "figures";
      return true;
    }
    const auto one = [&] {
      if (call.requests.size() >= limits::kMaxBatchRequests) return false;
      auto r = read_plain_request_at(scan);
      if (!r) return false;
      call.requests.push_back(std::move(*r));
      return true;
    };
    return k == 2 ? one() : s.array(one);
  });
  if (!ok || !s.at_end()) return std::nullopt;
  const auto given = [&](int k) { return (seen.bits >> k & 1) != 0; };
  // One request in an envelope has the one-request byte limit (api.cpp's call).
  if (op == "estimate" && given(2) && !given(1) && !given(3) && text.size() <= limits::kMaxRequestBytes) return call;
  if (op == "estimate_many" && given(3) && !given(2)) {
    call.many = true;
    return call;
  }
  return std::nullopt;
}

}  // namespace claimcalc::codec
