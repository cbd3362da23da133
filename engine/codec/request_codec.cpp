#include "engine/codec/request_codec.hpp"

#include "engine/codec/reader.hpp"
#include "engine/core/limits.hpp"

namespace claimcalc::codec {

namespace {

void read_year_to_date(Reader& r, const json& req, YearToDate& y) {
  const json* v = Reader::get(req, "year_to_date");
  if (v == nullptr || !r.expect_object(*v, "year_to_date")) return;
  const std::string p = "year_to_date";
  r.known_fields(*v, p,
                 {"stays", "deductible_paid", "in_scope", "fund_paid", "critical_illness_base", "critical_illness_paid",
                  "outpatient_pool_paid", "outpatient_pool_paid_this_month", "disease_fund_paid"});
  if (auto s = r.integer(*v, "stays", p, false, 0, limits::kMaxStays)) y.stays = static_cast<int>(*s);
  const auto read = [&](const char* key, Fen& to, bool& given) {
    const auto m = r.money(*v, key, p, false);
    to = m.value_or(Fen::zero());
    given = m.has_value();
  };
  read("deductible_paid", y.deductible_paid, y.given.deductible_paid);
  read("in_scope", y.in_scope, y.given.in_scope);
  read("fund_paid", y.fund_paid, y.given.fund_paid);
  read("critical_illness_base", y.critical_illness_base, y.given.critical_illness_base);
  read("critical_illness_paid", y.critical_illness_paid, y.given.critical_illness_paid);
  read("outpatient_pool_paid", y.outpatient_pool_paid, y.given.outpatient_pool_paid);
  read("outpatient_pool_paid_this_month", y.outpatient_pool_paid_this_month, y.given.outpatient_pool_paid_this_month);
  read("disease_fund_paid", y.disease_fund_paid, y.given.disease_fund_paid);
  if (!r.failed() && y.outpatient_pool_paid_this_month > y.outpatient_pool_paid) {
    r.fail(ErrorCode::inconsistent, "year_to_date.outpatient_pool_paid_this_month", "本月已支付不能多于本年已支付",
           "paid this month cannot exceed paid this year");
  }
}

BillItem read_item(Reader& r, const json& it, const std::string& p) {
  BillItem item;
  if (!r.expect_object(it, p)) return item;
  r.known_fields(
      it, p,
      {"name", "code", "class", "insured_class", "amount", "quantity", "unit_price", "price_ceiling", "selfpay_ratio"});
  item.name = r.text(it, "name", p, false, limits::kMaxTextBytes).value_or("");
  item.code = r.text(it, "code", p, false, 64).value_or("");
  item.item_class = r.enumeration<ItemClass>(it, "class", p, true).value_or(ItemClass::class_a);
  item.insured_class = r.enumeration<ItemClass>(it, "insured_class", p, false);
  const auto amount = r.money(it, "amount", p, false);
  const auto quantity = r.integer(it, "quantity", p, false, 1, limits::kMaxQuantity);
  const auto unit_price = r.money(it, "unit_price", p, false);
  item.price_ceiling = r.money(it, "price_ceiling", p, false);
  item.selfpay_ratio = r.ratio(it, "selfpay_ratio", p, false);
  if (r.failed()) return item;
  if (quantity.has_value() != unit_price.has_value()) {
    r.fail(ErrorCode::missing_field, r.child(p, quantity ? "unit_price" : "quantity"), "数量和单价须同时填写",
           "quantity and unit_price go together");
    return item;
  }
  if (quantity) {
    item.quantity = quantity;
    item.unit_price = unit_price;
    const Fen product = times(*unit_price, *quantity);
    if (product.value() > limits::kMaxMoneyFen) {
      r.fail(ErrorCode::invalid_money, r.child(p, "unit_price"), "数量×单价超过金额上限",
             "quantity × unit_price exceeds the amount limit");
      return item;
    }
    if (amount && *amount != product) {
      r.fail(ErrorCode::inconsistent, r.child(p, "amount"), "金额与 数量×单价 不一致",
             "amount differs from quantity × unit_price");
      return item;
    }
    item.amount = product;
  } else if (amount) {
    item.amount = *amount;
  } else {
    r.fail(ErrorCode::missing_field, r.child(p, "amount"), "须填写金额，或数量和单价",
           "give amount, or quantity and unit_price");
    return item;
  }
  if (item.price_ceiling && !item.quantity) {
    r.fail(ErrorCode::missing_field, r.child(p, "quantity"), "填写限价（price_ceiling，按单价）时须同时填写数量和单价",
           "price_ceiling is per unit: give quantity and unit_price with it");
  }
  if (item.selfpay_ratio && item.item_class == ItemClass::out_of_catalogue && !item.insured_class) {
    r.fail(ErrorCode::inconsistent, r.child(p, "selfpay_ratio"), "目录外项目全部自费，不应填写自付比例",
           "an out-of-catalogue item is wholly self-funded; it takes no selfpay_ratio");
  }
  return item;
}

void read_bill(Reader& r, const json& req, Claim& c) {
  const json* items = Reader::get(req, "items");
  const json* totals = Reader::get(req, "totals");
  if (items == nullptr && totals == nullptr) {
    c.bill_given = false;  // materials, deadlines and channels still follow from the situation
    return;
  }
  if (items != nullptr && totals != nullptr) {
    r.fail(ErrorCode::inconsistent, "items", "items（费用明细）与 totals（按类别合计）只能填写其一",
           "give only one of items (the bill) or totals (by class)");
    return;
  }
  if (items != nullptr) {
    if (!r.expect_array(*items, "items")) return;
    if (items->empty()) {
      r.fail(ErrorCode::missing_field, "items", "费用明细不能为空", "items must not be empty");
      return;
    }
    if (items->size() > limits::kMaxItems) {
      r.fail(ErrorCode::too_large, "items", "费用明细过多：最多 " + std::to_string(limits::kMaxItems) + " 项",
             "too many items: at most " + std::to_string(limits::kMaxItems));
      return;
    }
    for (std::size_t i = 0; i < items->size() && !r.failed(); ++i)
      c.items.push_back(read_item(r, (*items)[i], r.index("items", i)));
  } else {
    if (!r.expect_object(*totals, "totals")) return;
    r.known_fields(*totals, "totals", {"class_a", "class_b", "out_of_catalogue"});
    c.items_are_totals = true;
    const std::pair<const char*, ItemClass> kinds[] = {{"class_a", ItemClass::class_a},
                                                       {"class_b", ItemClass::class_b},
                                                       {"out_of_catalogue", ItemClass::out_of_catalogue}};
    for (const auto& [key, cls] : kinds) {
      if (auto amount = r.money(*totals, key, "totals", false)) {
        BillItem item;
        item.name = std::string(label_zh(cls)) + "合计";
        item.item_class = cls;
        item.amount = *amount;
        c.items.push_back(item);
      }
    }
    if (c.items.empty() && !r.failed())
      r.fail(ErrorCode::missing_field, "totals", "totals 至少须有一个类别的金额", "totals needs at least one class");
  }
  if (r.failed()) return;
  Fen sum;
  for (const auto& item : c.items) {
    sum += item.amount;
    if (sum.value() > limits::kMaxMoneyFen) {
      r.fail(ErrorCode::invalid_money, items != nullptr ? "items" : "totals", "费用总额超过上限（十亿元）",
             "the bill's total exceeds the limit (one billion yuan)");
      return;
    }
  }
}

}  // namespace

std::optional<Error> check_claim(const Claim& c) {
  // Most claims have none of what is checked below: said at once (the plain reader calls this for every request).
  const auto national = [](const std::string& id) { return id.size() == 8 && std::string_view(id) == "national"; };
  if (!c.discharge_date && !c.filing_date && !national(c.insured_region) && !national(c.care_region))
    return std::nullopt;
  if (c.discharge_date && *c.discharge_date < c.date_of_care) {
    return make_error(ErrorCode::inconsistent, "discharge_date", "出院日期不能早于就医（入院）日期",
                      "discharge_date cannot be before date_of_care");
  }
  if (c.discharge_date && c.discharge_date->days() - c.date_of_care.days() > limits::kMaxStayDays) {
    return make_error(
        ErrorCode::inconsistent, "discharge_date",
        "住院超过 " + std::to_string(limits::kMaxStayDays) + " 天：请核对入院和出院日期",
        "a stay of more than " + std::to_string(limits::kMaxStayDays) + " days: check date_of_care and discharge_date");
  }
  // "national" names the national rules every region inherits, not a place where anyone is insured or treated.
  for (const auto& [field, id] : {std::pair{"insured_region", &c.insured_region}, {"care_region", &c.care_region}}) {
    if (*id == "national") {
      return make_error(
          ErrorCode::unknown_region, field, "「national」是全国通用规则，不是参保或就医地区：请填写城市",
          "\"national\" is the national rules, not a region where one is insured or treated: give the city");
    }
  }
  if (c.filing_date && !c.filing_given) {
    return make_error(ErrorCode::missing_field, "filing", "填写了备案日期（filing_date）时须同时填写备案类型 filing",
                      "filing_date needs filing (the kind of filing) beside it");
  }
  if (c.filing_date && c.filing == Filing::none) {
    return make_error(ErrorCode::inconsistent, "filing_date", "未备案（filing 为 none）时不应填写备案日期",
                      "filing_date given while filing is none");
  }
  // care_province (id, name or code) is checked where places are resolved (engine/core/region_resolve.cpp),
  // against the care region: a mistyped province would silently count as out of province and change the ratio.
  return std::nullopt;
}

std::optional<Texts> texts_named(std::string_view name) {
  constexpr std::string_view kNames[] = {"none", "zh", "en", "both"};  // in the enum's order
  for (unsigned i = 0; i < 4; ++i)
    if (kNames[i] == name) return static_cast<Texts>(i);
  return std::nullopt;
}

namespace {

// "detail" and "texts", of a request or beside a batch's requests.
void read_answer_choices(Reader& r, const json& obj, bool& figures, Texts& texts) {
  if (const auto detail = r.text(obj, "detail", "", false, 64)) {
    if (*detail == "figures") {
      figures = true;
    } else if (*detail != "full") {
      r.unknown_value("detail", *detail, "full, figures");
    }
  }
  if (const auto name = r.text(obj, "texts", "", false, 64)) {
    if (const auto t = texts_named(*name)) {
      texts = *t;
    } else {
      r.unknown_value("texts", *name, "both, zh, en, none");
    }
  }
}

}  // namespace

Result<AnswerChoices> parse_answer_choices(const json& object) {
  Reader r(Reader::Style::dotted, "", ErrorCode::policy_invalid);
  AnswerChoices d;
  if (object.is_object()) read_answer_choices(r, object, d.figures, d.texts);
  if (r.failed()) return r.error();
  return d;
}

Result<Claim> parse_claim(const json& req) {
  Reader r(Reader::Style::dotted, "", ErrorCode::policy_invalid);
  Claim c;
  if (!r.expect_object(req, "request")) return r.error();
  r.known_fields(req, "", {"insured_region", "care_region",    "care_province", "scheme",
                           "person",         "tier",           "age",           "setting",
                           "disease",        "hospital_level", "date_of_care",  "discharge_date",
                           "filing",         "filing_date",    "settlement",    "enrolment_status",
                           "enrolment_date", "year_to_date",   "items",         "totals",
                           "detail",         "texts"});
  c.insured_region = r.text(req, "insured_region", "", true, 64).value_or("");
  c.care_region = r.text(req, "care_region", "", false, 64).value_or(c.insured_region);
  c.scheme = r.enumeration<Scheme>(req, "scheme", "", true).value_or(Scheme::employee);
  c.person = r.enumeration<Person>(req, "person", "", false);
  c.tier = r.enumeration<Tier>(req, "tier", "", false);
  if (auto a = r.integer(req, "age", "", false, 0, limits::kMaxAge)) c.age = static_cast<int>(*a);
  c.setting = r.enumeration<Setting>(req, "setting", "", true).value_or(Setting::inpatient);
  c.disease = r.text(req, "disease", "", false, 64).value_or("");
  c.hospital_level = r.enumeration<HospitalLevel>(req, "hospital_level", "", false);
  if (auto d = r.date(req, "date_of_care", "", true)) c.date_of_care = *d;
  c.discharge_date = r.date(req, "discharge_date", "", false);
  if (auto f = r.enumeration<Filing>(req, "filing", "", false)) {
    c.filing = *f;
    c.filing_given = true;
  }
  c.care_province = r.text(req, "care_province", "", false, 64).value_or("");
  c.filing_date = r.date(req, "filing_date", "", false);
  if (auto st = r.enumeration<SettlementMode>(req, "settlement", "", false)) {
    c.settlement = *st;
    c.settlement_given = true;
  }
  if (auto s = r.enumeration<EnrolmentStatus>(req, "enrolment_status", "", false)) {
    c.enrolment_status = *s;
    c.enrolment_status_given = true;
  }
  c.enrolment_date = r.date(req, "enrolment_date", "", false);
  read_year_to_date(r, req, c.year_to_date);
  read_bill(r, req, c);
  bool figures = false;
  read_answer_choices(r, req, figures, c.texts);
  c.step_texts = !figures;
  if (r.failed()) return r.error();

  if (auto error = check_claim(c)) return *error;
  return c;
}

}  // namespace claimcalc::codec
