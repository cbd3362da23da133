#include "engine/codec/plain_request.hpp"

#include <algorithm>

#include "engine/codec/plain_scanner.hpp"
#include "engine/codec/request_codec.hpp"
#include "engine/core/limits.hpp"

namespace claimcalc::codec {

namespace {

using namespace plain;  // the scanner's reads are this file's words

constexpr std::string_view kItemNames[] = {"name",     "code",       "class",         "insured_class", "amount",
                                           "quantity", "unit_price", "price_ceiling", "selfpay_ratio"};
constexpr KeySet kItemKeys(kItemNames);
static_assert(kItemKeys.distinct());

// As read_item in request_codec.cpp, for the cases it accepts.
bool item(Scanner& s, BillItem& it) {
  Seen seen;
  bool has_class = false;
  std::optional<Fen> amount, unit_price;
  std::optional<std::int64_t> quantity;
  const bool ok = s.object(kItemKeys, [&](int k) {
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

constexpr std::string_view kYearNames[] = {"stays",
                                           "deductible_paid",
                                           "in_scope",
                                           "fund_paid",
                                           "critical_illness_base",
                                           "critical_illness_paid",
                                           "outpatient_pool_paid",
                                           "outpatient_pool_paid_this_month",
                                           "disease_fund_paid"};
constexpr KeySet kYearKeys(kYearNames);
static_assert(kYearKeys.distinct());

bool year_to_date(Scanner& s, YearToDate& y) {
  Seen seen;
  const bool ok = s.object(kYearKeys, [&](int k) {
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

constexpr ItemClass kTotalClasses[] = {ItemClass::class_a, ItemClass::class_b, ItemClass::out_of_catalogue};
constexpr std::string_view kTotalNames[] = {"class_a", "class_b", "out_of_catalogue"};
constexpr KeySet kTotalKeys(kTotalNames);
static_assert(kTotalKeys.distinct());

// A total's bill line is named as parse_claim names it: the class's Chinese label and 合计. Made once.
const std::string& total_name(int k) {
  static const std::string kNames[] = {std::string(label_zh(kTotalClasses[0])) + "合计",
                                       std::string(label_zh(kTotalClasses[1])) + "合计",
                                       std::string(label_zh(kTotalClasses[2])) + "合计"};
  return kNames[k];
}

bool totals(Scanner& s, Claim& c) {
  Seen seen;
  std::optional<Fen> amounts[3];
  const bool ok = s.object(kTotalKeys, [&](int k) { return seen.first(k) && money(s, amounts[k].emplace()); });
  if (!ok) return false;
  c.items_are_totals = true;
  c.items.reserve(3);
  for (int k = 0; k < 3; ++k) {
    if (!amounts[k]) continue;
    BillItem& item = c.items.emplace_back();
    item.name.append(total_name(k));  // appended to the empty name: cheaper than a copy assignment
    item.item_class = kTotalClasses[k];
    item.amount = *amounts[k];
  }
  return !c.items.empty();
}

constexpr std::string_view kRequestNames[] = {
    "insured_region", "care_region",      "care_province",  "scheme",       "person",         "tier",   "age",
    "setting",        "disease",          "hospital_level", "date_of_care", "discharge_date", "filing", "filing_date",
    "settlement",     "enrolment_status", "enrolment_date", "year_to_date", "items",          "totals", "detail",
    "texts"};
constexpr KeySet kRequestKeys(kRequestNames);
static_assert(kRequestKeys.distinct());

// The items of a bill: read into `scratch` (the caller's, kept across requests), then moved into the claim at their
// count, so a bill costs one allocation however many items it has.
bool items(Scanner& s, std::vector<BillItem>& scratch, Claim& c) {
  scratch.clear();
  const bool ok = s.array([&] {
    if (scratch.size() >= limits::kMaxItems) return false;
    return item(s, scratch.emplace_back());
  });
  if (!ok) return false;
  c.items.reserve(scratch.size());
  for (auto& it : scratch) c.items.push_back(std::move(it));
  return true;
}

// One plain request object at the scanner, into out.
bool request(Scanner& s, std::vector<BillItem>& scratch, PlainRequest& out) {
  Claim& c = out.claim;
  Seen seen;
  bool figures_asked = false;
  const bool ok = s.object(kRequestKeys, [&](int k) {
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
        return year_to_date(s, c.year_to_date);
      case 18:
        return items(s, scratch, c);
      case 19:
        return totals(s, c);
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

constexpr std::string_view kCallNames[] = {"op", "detail", "request", "requests", "texts"};
constexpr KeySet kCallKeys(kCallNames);
static_assert(kCallKeys.distinct());

}  // namespace

std::optional<PlainRequest> read_plain_request(std::string_view text) {
  if (text.size() > limits::kMaxRequestBytes) return std::nullopt;
  Scanner s(text);
  std::vector<BillItem> scratch;
  std::optional<PlainRequest> out(std::in_place);
  if (!request(s, scratch, *out) || !s.at_end()) return std::nullopt;
  return out;
}

std::optional<PlainCall> read_plain_call(std::string_view text) {
  if (text.size() > limits::kMaxBatchBytes) return std::nullopt;
  Scanner s(text);
  Seen seen;
  std::optional<PlainCall> out(std::in_place);
  PlainCall& call = *out;
  std::vector<BillItem> scratch;
  std::string_view op;
  const bool ok = s.object(kCallKeys, [&](int k) {
    if (!seen.first(k)) return false;
    if (k == 0) return s.name(op);
    if (k == 1) return figures(s, call.defaults.figures);
    if (k == 4) return texts(s, call.defaults.texts);
    const auto one = [&] {
      auto& requests = call.requests;
      if (requests.size() >= limits::kMaxBatchRequests) return false;
      const std::size_t from = s.offset();
      if (!request(s, scratch, requests.emplace_back())) return false;
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
