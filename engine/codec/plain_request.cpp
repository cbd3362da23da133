#include "engine/codec/plain_request.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>

#include "engine/codec/plain_scanner.hpp"
#include "engine/codec/request_codec.hpp"
#include "engine/core/limits.hpp"

namespace claimcalc::codec {

namespace {

using namespace plain;  // the scanner's reads are this file's words

constexpr std::string_view kRequestNames[] = {
    "insured_region", "care_region",      "care_province",  "scheme",       "person",         "tier",   "age",
    "setting",        "disease",          "hospital_level", "date_of_care", "discharge_date", "filing", "filing_date",
    "settlement",     "enrolment_status", "enrolment_date", "year_to_date", "items",          "totals", "detail",
    "texts"};
static_assert(distinct_keys(kRequestNames));
const KeySet kRequestKeys(kRequestNames);

constexpr std::string_view kItemNames[] = {"name",     "code",       "class",         "insured_class", "amount",
                                           "quantity", "unit_price", "price_ceiling", "selfpay_ratio"};
static_assert(distinct_keys(kItemNames));
const KeySet kItemKeys(kItemNames);

constexpr std::string_view kYearNames[] = {"stays",
                                           "deductible_paid",
                                           "in_scope",
                                           "fund_paid",
                                           "critical_illness_base",
                                           "critical_illness_paid",
                                           "outpatient_pool_paid",
                                           "outpatient_pool_paid_this_month",
                                           "disease_fund_paid"};
static_assert(distinct_keys(kYearNames));
const KeySet kYearKeys(kYearNames);

constexpr ItemClass kTotalClasses[] = {ItemClass::class_a, ItemClass::class_b, ItemClass::out_of_catalogue};
constexpr std::string_view kTotalNames[] = {"class_a", "class_b", "out_of_catalogue"};
static_assert(distinct_keys(kTotalNames));
const KeySet kTotalKeys(kTotalNames);

// The bill lines a request's totals become, named as parse_claim names them: the class's Chinese label and 合计. Put
// together once at start-up, not per request (a label call and a copy per line).
struct TotalLines {
  struct Line {
    char name[64];
    std::size_t size;  // 0: the name does not fit (declined, as it always was)
  };
  Line lines[3];
  TotalLines() {  // NOLINT(cppcoreguidelines-pro-type-member-init): each line is filled below
    constexpr std::string_view kTotal = "合计";
    for (std::size_t k = 0; k < 3; ++k) {
      const std::string_view label = label_zh(kTotalClasses[k]);
      Line& line = lines[k];
      line.size = 0;
      if (label.size() + kTotal.size() > sizeof line.name) continue;
      std::memcpy(line.name, label.data(), label.size());
      std::memcpy(line.name + label.size(), kTotal.data(), kTotal.size());
      line.size = label.size() + kTotal.size();
    }
  }
};
const TotalLines kTotalLines;

constexpr std::string_view kCallNames[] = {"op", "detail", "request", "requests", "texts"};
static_assert(distinct_keys(kCallNames));
const KeySet kCallKeys(kCallNames);

// What reading one text needs beside the scanner: the orders of keys learned so far, and the size of the last bill.
struct Reading {
  explicit Reading(std::string_view text) : s(text) {}
  Scanner s;
  std::size_t items_before = 1;  // items in the bill read last
  KeyOrder<std::size(kRequestNames)> request;
  KeyOrder<std::size(kItemNames)> item;
  KeyOrder<std::size(kYearNames)> year;
  KeyOrder<std::size(kTotalNames)> totals;
  KeyOrder<std::size(kCallNames)> call;
};

// As read_item in request_codec.cpp, for the cases it accepts.
bool item(Reading& r, BillItem& it) {
  Scanner& s = r.s;
  Seen seen;
  bool has_class = false;
  std::optional<Fen> amount, unit_price;
  std::optional<std::int64_t> quantity;
  const bool ok = s.object(kItemKeys, r.item, [&](int k) {
    if (!seen.first(k)) return false;
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

bool year_to_date(Reading& r, YearToDate& y) {
  Scanner& s = r.s;
  Seen seen;
  const bool ok = s.object(kYearKeys, r.year, [&](int k) {
    if (!seen.first(k)) return false;
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
  if (!s.name(name)) return false;
  const auto t = texts_named(name);
  if (t) out = *t;
  return t.has_value();
}

// "detail": "full" | "figures", as whether it asks for figures.
bool figures(Scanner& s, bool& out) {
  std::string_view d;
  if (!s.name(d) || (d != "full" && d != "figures")) return false;
  out = d == "figures";
  return true;
}

bool totals(Reading& r, Claim& c) {
  Scanner& s = r.s;
  Seen seen;
  std::optional<Fen> amounts[3];
  const bool ok =
      s.object(kTotalKeys, r.totals, [&](int k) { return seen.first(k) && money(s, amounts[k].emplace()); });
  if (!ok) return false;
  c.items_are_totals = true;
  c.items.reserve(3);
  for (int k = 0; k < 3; ++k) {
    if (!amounts[k]) continue;
    const TotalLines::Line& line = kTotalLines.lines[k];
    if (line.size == 0) return false;
    BillItem& item = c.items.emplace_back();
    item.name.append(line.name, line.size);
    item.item_class = kTotalClasses[k];
    item.amount = *amounts[k];
  }
  return !c.items.empty();
}

// The items of a bill, with room for as many as the bill read before had (bills of a batch are alike), so the list
// is seldom moved as it grows.
bool items(Reading& r, Claim& c) {
  c.items.reserve(r.items_before);
  const bool ok = r.s.array([&] {
    if (c.items.size() >= limits::kMaxItems) return false;
    return item(r, c.items.emplace_back());
  });
  r.items_before = c.items.size();
  return ok;
}

// One plain request object at the scanner, into out.
bool request(Reading& r, PlainRequest& out) {
  Scanner& s = r.s;
  Claim& c = out.claim;
  Seen seen;
  bool figures_asked = false;
  const bool ok = s.object(kRequestKeys, r.request, [&](int k) {
    if (!seen.first(k)) return false;
    switch (k) {
      case 0:
        return text(s, 64, c.insured_region);
      case 1:
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
        return date(s, c.date_of_care);
      case 11:
        return date(s, c.discharge_date);
      case 12:
        c.filing_given = true;
        return enumeration(s, c.filing);
      case 13:
        return date(s, c.filing_date);
      case 14:
        c.settlement_given = true;
        return enumeration(s, c.settlement);
      case 15:
        c.enrolment_status_given = true;
        return enumeration(s, c.enrolment_status);
      case 16:
        return date(s, c.enrolment_date);
      case 17:
        return year_to_date(r, c.year_to_date);
      case 18:
        return items(r, c);
      case 19:
        return totals(r, c);
      case 20:
        return figures(s, figures_asked);
      default:
        return texts(s, c.texts);
    }
  });
  if (!ok) return false;
  // Required fields, exactly one of items and totals, and the checks parse_claim makes after reading.
  if (!seen.has(0) || !seen.has(3) || !seen.has(7) || !seen.has(10) || seen.has(18) == seen.has(19) || c.items.empty())
    return false;
  Fen sum;
  for (const auto& it : c.items) {
    sum += it.amount;
    if (sum.value() > limits::kMaxMoneyFen) return false;
  }
  if (!seen.has(1)) c.care_region.append(c.insured_region);  // empty until now; as with the totals' names
  if (check_claim(c)) return false;
  out.detail_given = seen.has(20);
  out.texts_given = seen.has(21);
  c.step_texts = !figures_asked;
  return true;
}

}  // namespace

std::optional<PlainRequest> read_plain_request(std::string_view text) {
  if (text.size() > limits::kMaxRequestBytes) return std::nullopt;
  Reading r(text);
  std::optional<PlainRequest> out(std::in_place);
  if (!request(r, *out) || !r.s.at_end()) return std::nullopt;
  return out;
}

std::optional<PlainCall> read_plain_call(std::string_view text) {
  if (text.size() > limits::kMaxBatchBytes) return std::nullopt;
  Reading r(text);
  Scanner& s = r.s;
  Seen seen;
  std::optional<PlainCall> out(std::in_place);
  PlainCall& call = *out;
  std::string_view op;
  const bool ok = s.object(kCallKeys, r.call, [&](int k) {
    if (!seen.first(k)) return false;
    if (k == 0) return s.name(op);
    if (k == 1) return figures(s, call.defaults.figures);
    if (k == 4) return texts(s, call.defaults.texts);
    const auto one = [&] {
      auto& requests = call.requests;
      if (requests.size() >= limits::kMaxBatchRequests) return false;
      const std::size_t from = s.offset();
      if (!request(r, requests.emplace_back())) return false;
      // The requests of a batch are alike: room for as many as the first one's length says the rest holds, so the
      // claims are not moved as the list grows (it still grows if they are not alike).
      if (requests.size() == 1) {
        const std::size_t length = std::max<std::size_t>(s.offset() - from, 1);
        requests.reserve(std::min(limits::kMaxBatchRequests, 1 + (text.size() - from) / length));
      }
      return true;
    };
    return k == 2 ? one() : s.array(one);
  });
  if (!ok || !s.at_end()) return std::nullopt;
  // One request in an envelope has the one-request byte limit (api.cpp's call).
  if (op == "estimate" && seen.has(2) && !seen.has(1) && !seen.has(3) && !seen.has(4) &&
      text.size() <= limits::kMaxRequestBytes)
    return out;
  if (op == "estimate_many" && seen.has(3) && !seen.has(2)) {
    call.many = true;
    return out;
  }
  return std::nullopt;
}

}  // namespace claimcalc::codec
