// Build step: turns the administrative-division package pinned in policies/national/divisions/ into the region
// registry compiled into claimcalc (a C++ array). Fails the build when the installed package is not the pinned
// version, or when its data does not have the shape the manifest describes.
//   gen_divisions MANIFEST.json PACKAGE_DIR OUT.cpp
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using nlohmann::json;

struct Entry {
  long code = 0;
  std::string name;
  std::string short_name;
  bool province_level = false;
  bool city_level = false;
};

bool read_json(const std::string& path, json& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "gen_divisions: cannot read " << path << " (run scripts/setup.sh: it installs the package)\n";
    return false;
  }
  std::ostringstream s;
  s << in.rdbuf();
  out = json::parse(s.str(), nullptr, false);
  if (out.is_discarded()) {
    std::cerr << "gen_divisions: " << path << " is not valid JSON\n";
    return false;
  }
  return true;
}

std::vector<std::string> strings(const json& j, const char* key) {
  std::vector<std::string> out;
  if (!j.contains(key) || !j[key].is_array()) return out;
  for (const auto& v : j[key])
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::size_t characters(const std::string& s) {
  std::size_t n = 0;
  for (char ch : s)
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
  return n;
}

std::string short_name(const std::string& name, const json& rules) {
  const auto suffixes = strings(rules, "suffixes");
  const auto autonomous = strings(rules, "autonomous_suffixes");
  const auto ethnic = strings(rules, "ethnic_names");
  for (const auto& suffix : suffixes) {
    if (!ends_with(name, suffix)) continue;
    std::string s = name.substr(0, name.size() - suffix.size());
    bool is_autonomous = false;
    for (const auto& a : autonomous) is_autonomous = is_autonomous || a == suffix;
    for (bool stripped = is_autonomous; stripped;) {
      stripped = false;
      for (const auto& e : ethnic) {
        if (!ends_with(s, e)) continue;
        const std::string t = s.substr(0, s.size() - e.size());
        if (characters(t) < 2) continue;
        s = t;
        stripped = true;
        break;
      }
    }
    return characters(s) >= 2 ? s : name;
  }
  return name;
}

bool code_of(const json& node, long& code) {
  if (!node.is_object() || !node.contains("code") || !node["code"].is_string() || !node.contains("name") ||
      !node["name"].is_string())
    return false;
  const std::string c = node["code"].get<std::string>();
  if (c.size() != 6 || c.find_first_not_of("0123456789") != std::string::npos) return false;
  code = std::stol(c);
  return true;
}

std::string escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: gen_divisions MANIFEST.json PACKAGE_DIR OUT.cpp\n";
    return 2;
  }
  json manifest, package, data;
  if (!read_json(argv[1], manifest)) return 1;
  const std::string pkg_dir = argv[2];
  if (!read_json(pkg_dir + "/package.json", package)) return 1;
  const std::string want = manifest.value("version", "");
  const std::string have = package.value("version", "");
  const std::string name = manifest.value("package", "");
  if (package.value("name", "") != name || have != want) {
    std::cerr << "gen_divisions: installed " << package.value("name", "?") << " " << have << ", the manifest pins "
              << name << " " << want << " (run scripts/setup.sh)\n";
    return 1;
  }
  if (!read_json(pkg_dir + "/" + manifest.value("file", "level.json"), data) || !data.is_array()) return 1;
  const json rules = manifest.contains("short_name") ? manifest["short_name"] : json::object();
  std::set<long> municipalities;
  for (const auto& m : strings(manifest, "municipalities")) municipalities.insert(std::stol(m));

  std::vector<Entry> entries;
  for (const auto& p : data) {
    long pcode = 0;
    if (!code_of(p, pcode) || pcode % 10000 != 0) {
      std::cerr << "gen_divisions: unexpected province entry " << p.dump().substr(0, 80) << "\n";
      return 1;
    }
    const bool municipality = municipalities.count(pcode) != 0;
    const std::string pname = p["name"].get<std::string>();
    entries.push_back({pcode, pname, short_name(pname, rules), true, municipality});
    if (municipality || !p.contains("children") || !p["children"].is_array()) continue;
    for (const auto& c : p["children"]) {
      long ccode = 0;
      if (!code_of(c, ccode) || ccode / 10000 * 10000 != pcode) {
        std::cerr << "gen_divisions: unexpected entry under " << pcode << ": " << c.dump().substr(0, 80) << "\n";
        return 1;
      }
      if (ccode % 100 != 0) continue;  // a district of a special administrative region, not a city
      if (ccode % 10000 == 9000) {     // 省直辖县级行政区划: a grouping whose members are pooling regions
        if (!c.contains("children") || !c["children"].is_array()) continue;
        for (const auto& k : c["children"]) {
          long kcode = 0;
          if (!code_of(k, kcode)) return 1;
          const std::string kname = k["name"].get<std::string>();
          entries.push_back({kcode, kname, short_name(kname, rules), false, true});
        }
        continue;
      }
      const std::string cname = c["name"].get<std::string>();
      entries.push_back({ccode, cname, short_name(cname, rules), false, true});
    }
  }
  std::set<long> seen;
  for (const auto& e : entries) {
    if (!seen.insert(e.code).second) {
      std::cerr << "gen_divisions: code " << e.code << " appears twice\n";
      return 1;
    }
    // The short name is always the full name's beginning (suffixes and ethnic names come off the end): stored
    // as its length in bytes, which keeps the registry's strings once in the wasm.
    if (e.name.compare(0, e.short_name.size(), e.short_name) != 0 || e.short_name.size() > 255) {
      std::cerr << "gen_divisions: short name " << e.short_name << " is not the beginning of " << e.name << "\n";
      return 1;
    }
  }

  std::ofstream out(argv[3], std::ios::binary);
  out << "// Generated by tools/gen_divisions from " << name << " " << have
      << " (policies/national/divisions/). Do not edit.\n"
      << "#include \"engine/api/builtin_divisions.hpp\"\n\nnamespace claimcalc::api {\n\n"
      << "const char kDivisionSource[] = \"" << escaped(name + " " + have) << "\";\n"
      << "const Division kDivisions[] = {\n";
  for (const auto& e : entries) {
    out << "    {" << e.code << ", \"" << escaped(e.name) << "\", " << e.short_name.size() << ", "
        << (e.province_level ? "true" : "false") << ", " << (e.city_level ? "true" : "false") << "},\n";
  }
  out << "};\nconst std::size_t kDivisionCount = " << entries.size() << ";\n\n}  // namespace claimcalc::api\n";
  std::cout << "registry: " << entries.size() << " divisions from " << name << " " << have << "\n";
  return out.good() ? 0 : 1;
}
