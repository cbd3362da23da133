// A policy file as a whole (its top level, which parts it must have, its name and folder), and a pack of files
// (versions of a region meet without overlap or gap). The parts are read by PolicyParser (policy_parser.hpp).
#include "engine/codec/policy_codec.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include "engine/codec/policy_parser.hpp"
#include "engine/core/limits.hpp"
#include "engine/core/sha256.hpp"

namespace claimcalc::codec {

namespace {

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

std::string file_region(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return "";
  const auto prev = path.rfind('/', slash - 1);
  return path.substr(prev == std::string::npos ? 0 : prev + 1, slash - (prev == std::string::npos ? 0 : prev + 1));
}

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
  std::vector<std::string> paths;
  for (const auto& f : files) {
    auto p = parse_policy(f, today);
    if (!p.ok()) return p.error();
    pack.policies.push_back(std::move(p.value()));
    paths.push_back(f.path);
  }
  if (auto err = check_versions(pack.policies, paths)) return *err;
  return pack;
}

std::optional<Error> check_versions(const std::vector<Policy>& policies, const std::vector<std::string>& paths) {
  // Versions of a region in date order: an overlap anywhere shows between neighbours.
  std::vector<std::size_t> order(policies.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const Policy& a = policies[x];
    const Policy& b = policies[y];
    return a.region != b.region ? a.region < b.region : a.effective_from < b.effective_from;
  });
  for (std::size_t k = 0; k + 1 < order.size(); ++k) {
    const Policy& early = policies[order[k]];
    const Policy& late = policies[order[k + 1]];
    if (early.region != late.region) continue;
    if (!early.effective_to || *early.effective_to > late.effective_from) {
      return make_error(
          ErrorCode::policy_invalid, paths[order[k]] + "#/effective_to",
          "同一地区的政策版本时间重叠：" + early.id() + " 应以 effective_to 结束于 " + late.effective_from.iso(),
          "versions of one region overlap: " + early.id() + " must end (effective_to) by " + late.effective_from.iso());
    }
    if (*early.effective_to < late.effective_from) {
      return make_error(ErrorCode::policy_invalid, paths[order[k]] + "#/effective_to",
                        "同一地区的政策版本之间有空档：" + early.id() + " 结束于 " + early.effective_to->iso() +
                            "，下一个版本从 " + late.effective_from.iso() + " 开始；请让两者相接",
                        "versions of one region leave a gap: " + early.id() + " ends on " + early.effective_to->iso() +
                            " but the next version starts on " + late.effective_from.iso() + "; make them meet");
    }
  }
  return std::nullopt;
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
