#include "engine/codec/plain_request.hpp"

#include "engine/codec/plain_scanner.hpp"
#include "engine/codec/request_codec.hpp"
#include "engine/core/limits.hpp"

namespace claimcalc::codec {

namespace {

using namespace plain;  // the scanner's reads are this file's words

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

bool texts(Scanner& s, Texts& out) {
  std::string_view name;
  if (!s.string(name)) return false;
  const auto t = texts_named(name);
  if (t) out = *t;
  return t.has_value();
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
  c.items.reserve(3);
  for (int k = 0; k < 3; ++k) {
    if (!amounts[k]) continue;
    BillItem item;
    const std::string_view label = label_zh(kClasses[k]);
    constexpr std::string_view kTotal = "合计";
    item.name.reserve(label.size() + kTotal.size());
    item.name.append(label).append(kTotal);
    item.item_class = kClasses[k];
    item.amount = *amounts[k];
    c.items.push_back(std::move(item));
  }
  return !c.items.empty();
}

constexpr std::string_view kRequestKeys[] = {
    "insured_region", "care_region",      "care_province",  "scheme",       "person",         "tier",   "age",
    "setting",        "disease",          "hospital_level", "date_of_care", "discharge_date", "filing", "filing_date",
    "settlement",     "enrolment_status", "enrolment_date", "year_to_date", "items",          "totals", "detail",
    "texts"};

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
      case 20: {
        std::string_view d;
        if (!s.string(d) || (d != "full" && d != "figures")) return false;
        figures = d == "figures";
        return true;
      }
      default:
        return texts(s, c.texts);
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
  out.texts_given = given(21);
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
  constexpr std::string_view kKeys[] = {"op", "detail", "request", "requests", "texts"};
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
      call.defaults.figures = d == "figures";
      return true;
    }
    if (k == 4) return texts(s, call.defaults.texts);
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
  if (op == "estimate" && given(2) && !given(1) && !given(3) && !given(4) && text.size() <= limits::kMaxRequestBytes)
    return call;
  if (op == "estimate_many" && given(3) && !given(2)) {
    call.many = true;
    return call;
  }
  return std::nullopt;
}

}  // namespace claimcalc::codec
