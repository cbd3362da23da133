#include "engine/codec/coverage_codec.hpp"

namespace claimcalc::codec {

namespace {

const char* layer_name(Layer l) {
  switch (l) {
    case Layer::national:
      return "national";
    case Layer::province:
      return "province";
    case Layer::city:
      return "city";
  }
  return "city";
}

json part_json(const PartCoverage& p) {
  json j = {{"part", p.part}, {"present", p.present}};
  j["layer"] = p.present ? json(p.layer) : json(nullptr);
  j["confidence"] = p.present ? json(p.secondary ? "secondary" : "official") : json(nullptr);
  return j;
}

std::pair<int, int> source_counts(const Policy& p) {
  int official = 0, secondary = 0;
  for (const auto& s : p.sources) (s.confidence == Confidence::official ? official : secondary) += 1;
  return {official, secondary};
}

std::string code_text(const Policy& p) { return p.region_code != 0 ? std::to_string(p.region_code) : "—"; }

std::string cell(const PartCoverage& p, const std::string& region) {
  if (!p.present) return "—";
  std::string s = p.secondary ? "◐ secondary" : "✓ official";
  if (p.layer != region) s += " (from " + p.layer + ")";
  return s;
}

std::string pad(const std::string& s, std::size_t width) {
  std::size_t chars = 0;
  for (char ch : s) chars += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
  return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

}  // namespace

json coverage_json(const std::vector<RegionCoverage>& regions, const DivisionRegistry& registry) {
  json out = json::object();
  out["registry"] = {{"source", registry.source}, {"divisions", registry.count}};
  json list = json::array();
  for (const auto& rc : regions) {
    const Policy& p = *rc.policy;
    const auto [official, secondary] = source_counts(p);
    json r = {{"region", p.region},
              {"name_zh", p.name_zh},
              {"name_en", p.name_en},
              {"layer", layer_name(p.layer)},
              {"province", p.province},
              {"effective_from", p.effective_from.iso()},
              {"last_verified", p.last_verified},
              {"versions", rc.versions},
              {"sources", {{"official", official}, {"secondary", secondary}}}};
    r["region_code"] = p.region_code != 0 ? json(std::to_string(p.region_code)) : json(nullptr);
    r["effective_to"] = p.effective_to ? json(p.effective_to->iso()) : json(nullptr);
    json schemes = json::object();
    for (const auto& sc : rc.schemes) {
      json parts = json::array();
      for (const auto& part : sc.parts) parts.push_back(part_json(part));
      schemes[std::string(name_of(sc.scheme))] = std::move(parts);
    }
    r["schemes"] = std::move(schemes);
    json common = json::array();
    for (const auto& part : rc.common) common.push_back(part_json(part));
    r["common"] = std::move(common);
    list.push_back(std::move(r));
  }
  out["regions"] = std::move(list);
  return out;
}

std::string coverage_table(const std::vector<RegionCoverage>& regions) {
  std::string out = pad("region", 14) + pad("scheme", 10) + pad("effective", 12) + pad("verified", 12) +
                    pad("present", 9) + pad("secondary", 11) + "absent\n";
  for (const auto& rc : regions) {
    const Policy& p = *rc.policy;
    const auto row = [&](const std::string& scheme, const std::vector<PartCoverage>& parts) {
      int present = 0, secondary = 0;
      std::string absent;
      for (const auto& part : parts) {
        present += part.present ? 1 : 0;
        secondary += part.present && part.secondary ? 1 : 0;
        if (!part.present) absent += (absent.empty() ? "" : ", ") + part.part;
      }
      out += pad(p.region, 14) + pad(scheme, 10) + pad(p.effective_from.iso(), 12) + pad(p.last_verified, 12) +
             pad(std::to_string(present) + "/" + std::to_string(parts.size()), 9) + pad(std::to_string(secondary), 11) +
             (absent.empty() ? "-" : absent) + "\n";
    };
    for (const auto& sc : rc.schemes) row(std::string(name_of(sc.scheme)), sc.parts);
    row("process", rc.common);
  }
  return out;
}

std::string coverage_markdown(const std::vector<RegionCoverage>& regions, const DivisionRegistry& registry) {
  std::string md =
      "# Policy coverage\n\n"
      "Generated from policies/ by `claimcalc policies coverage --markdown > policies/COVERAGE.md`; do not edit by "
      "hand (a test fails when this file is stale).\n\n"
      "Every city and province is a known place: the registry holds " +
      std::to_string(registry.count) + " divisions (" + registry.source +
      "). A city without a file gets the process answers from its province's and the national layer, and an "
      "estimate names the figures that are missing (`cannot_estimate`), never a default.\n\n"
      "Legend: ✓ official source · ◐ secondary sources only · (from X) inherited from layer X · — absent: the engine "
      "reports `cannot_estimate` for it.\n\n"
      "| region | name | layer | code | effective from | last verified | versions | sources (official / secondary) |\n"
      "|---|---|---|---|---|---|---|---|\n";
  for (const auto& rc : regions) {
    const Policy& p = *rc.policy;
    const auto [official, secondary] = source_counts(p);
    md += "| " + p.region + " | " + p.name_zh + " | " + layer_name(p.layer) + " | " + code_text(p) + " | " +
          p.effective_from.iso() + " | " + p.last_verified + " | " + std::to_string(rc.versions) + " | " +
          std::to_string(official) + " / " + std::to_string(secondary) + " |\n";
  }
  for (const auto& rc : regions) {
    const Policy& p = *rc.policy;
    md += "\n## " + p.name_zh + " (" + p.region + ")\n\n| part | employee | resident |\n|---|---|---|\n";
    for (std::size_t i = 0; i < rc.schemes.front().parts.size(); ++i) {
      md += "| " + rc.schemes[0].parts[i].part + " | " + cell(rc.schemes[0].parts[i], p.region) + " | " +
            cell(rc.schemes[1].parts[i], p.region) + " |\n";
    }
    for (const auto& part : rc.common) md += "| " + part.part + " | " + cell(part, p.region) + " | (both) |\n";
  }
  return md;
}

}  // namespace claimcalc::codec
