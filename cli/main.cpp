// claimcalc: the native command for help desks, scripts and batch work. Everything goes through engine/api.
#include <nlohmann/json.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "engine/api/api.hpp"
#include "engine/core/limits.hpp"
#include "tools/capped_read.hpp"
#include "tools/policy_dir.hpp"

namespace {

using claimcalc::api::Engine;
using nlohmann::json;

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;  // the tool itself could not run (policy folder unreadable or invalid)
constexpr int kExitBadInput = 2;

const char* kUsage =
    "claimcalc — 医保报销测算 / medical-insurance claim estimates\n"
    "\n"
    "usage:\n"
    "  claimcalc [--policies DIR] estimate [FILE|-]        one request -> one response envelope (JSON)\n"
    "  claimcalc [--policies DIR] explain [FILE|-] [--lang zh|en|both]\n"
    "                                                      the explanation as plain text to read aloud\n"
    "  claimcalc [--policies DIR] batch                    JSON Lines in (stdin) -> JSON Lines out (stdout)\n"
    "  claimcalc [--policies DIR] guide SCENARIO [--region R] [FILE|-] [--text]\n"
    "                                                      steps, documents, dated deadlines and channels for\n"
    "                                                      manual_claim, reverse_settlement, late_claim,\n"
    "                                                      cross_region_filing or special_disease (FILE: a request)\n"
    "  claimcalc [--policies DIR] diagnose \"SYMPTOM\" [FILE|-] [--text]\n"
    "                                                      likely causes of a settlement error, in order\n"
    "  claimcalc [--policies DIR] reverse [FILE|-]         {\"original\":{...},\"request\":{...}} -> difference\n"
    "  claimcalc [--policies DIR] call [FILE|-]            one API operation {\"op\":...} (docs/api.md) -> envelope\n"
    "  claimcalc [--policies DIR] policies list            the regions and versions known\n"
    "  claimcalc [--policies DIR] policies show REGION     one region's versions, schemes and sources\n"
    "  claimcalc policies validate [DIR]                   check a policy folder (default: the built-in pack)\n"
    "  claimcalc [--policies DIR] policies new REGION EFFECTIVE_FROM [--id ID] [--out DIR]\n"
    "                                                      scaffold a version from the registry, every part\n"
    "                                                      absent (REGION: 南京, 南京市, 320100 or a pack id)\n"
    "  claimcalc [--policies DIR] policies coverage [--json|--markdown]\n"
    "                                                      per region and scheme: parts present, official or\n"
    "                                                      secondary, effective date, last verified\n"
    "  claimcalc --version\n"
    "\n"
    "exit status: 0 ok, 2 bad input (the envelope on stdout names the field), 1 the tool could not run.\n";

// Envelopes are dumped with sorted keys, so an ok one starts with {"ok":true and an error one with {"error":.
bool envelope_ok(const std::string& envelope) { return envelope.rfind("{\"ok\":true", 0) == 0; }

// FILE, or standard input for "" and "-", saying so on stderr when it cannot be read. Reads at most max_bytes + 1 bytes
// (a 300 MB file or /dev/zero costs no more): the engine, which holds every limit (engine/core/limits.hpp), then
// refuses the input as too large, as it would on any other channel.
bool read_input(const std::string& arg, std::string& out, std::size_t max_bytes) {
  auto read = arg.empty() || arg == "-" ? claimcalc::tools::read_stream_capped(stdin, "stdin", max_bytes)
                                        : claimcalc::tools::read_file_capped(arg, max_bytes);
  if (!read.ok()) {
    std::cerr << "claimcalc: cannot read " << (arg.empty() ? "-" : arg) << "\n";
    return false;
  }
  out = std::move(read.value());
  return true;
}

// A JSON string for a command-line word (which may hold any bytes: invalid UTF-8 is replaced, never an abort).
std::string json_string(const std::string& word) {
  return json(word).dump(-1, ' ', false, json::error_handler_t::replace);
}

// JSON Lines: each answer carries its input line number, keeping the envelope's keys in sorted order.
std::string with_line(const std::string& envelope, std::size_t line) {
  const std::string member = "\"line\":" + std::to_string(line);
  if (envelope_ok(envelope)) return "{" + member + "," + envelope.substr(1);
  const std::string tail = ",\"ok\":false}";
  if (envelope.size() > tail.size() && envelope.compare(envelope.size() - tail.size(), tail.size(), tail) == 0)
    return envelope.substr(0, envelope.size() - tail.size()) + "," + member + tail;
  return envelope;
}

int print_envelope(const std::string& envelope) {
  std::cout << envelope << "\n";
  if (envelope_ok(envelope)) return kExitOk;
  const json j = json::parse(envelope, nullptr, false);
  if (!j.is_discarded() && j.contains("error")) {
    std::cerr << "claimcalc: " << j["error"].value("field", "") << ": " << j["error"].value("message_en", "") << "\n";
  }
  return kExitBadInput;
}

// A {"text"} answer printed as plain text; an error envelope as print_envelope prints it.
int print_text(const std::string& envelope) {
  if (!envelope_ok(envelope)) return print_envelope(envelope);
  std::cout << json::parse(envelope)["result"]["text"].get<std::string>();
  return kExitOk;
}

Engine load_engine_or_exit(const std::string& dir) {
  auto engine = [&]() {
    if (dir.empty()) return Engine::builtin();
    auto files = claimcalc::tools::read_policy_dir(dir);
    if (!files.ok()) return claimcalc::Result<Engine>(files.error());
    return Engine::from_files(files.value(), claimcalc::tools::host_today().iso());
  }();
  if (!engine.ok()) {
    std::cerr << "claimcalc: policies: " << engine.error().field << ": " << engine.error().message_en << "\n";
    std::exit(kExitFailure);
  }
  return engine.value();
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string policy_dir;
  std::string lang = "both";
  std::string region;
  bool as_text = false;
  std::string new_id;
  std::string out_dir;
  std::vector<std::string> rest;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--policies" && i + 1 < args.size()) {
      policy_dir = args[++i];
    } else if (args[i] == "--lang" && i + 1 < args.size()) {
      lang = args[++i];
    } else if (args[i] == "--region" && i + 1 < args.size()) {
      region = args[++i];
    } else if (args[i] == "--id" && i + 1 < args.size()) {
      new_id = args[++i];
    } else if (args[i] == "--out" && i + 1 < args.size()) {
      out_dir = args[++i];
    } else if (args[i] == "--text") {
      as_text = true;
    } else if (args[i] == "--help" || args[i] == "-h") {
      std::cout << kUsage;
      return kExitOk;
    } else if (args[i] == "--version") {
      std::cout << "claimcalc " << claimcalc::api::engine_version() << "\n";
      return kExitOk;
    } else {
      rest.push_back(args[i]);
    }
  }
  if (rest.empty()) {
    std::cerr << kUsage;
    return kExitBadInput;
  }
  const std::string command = rest[0];
  const std::string operand = rest.size() > 1 ? rest[1] : "";

  if (command == "policies" && operand == "validate") {
    const std::string dir = rest.size() > 2 ? rest[2] : policy_dir;
    const std::string today = claimcalc::tools::host_today().iso();
    const Engine engine = load_engine_or_exit(dir);
    for (const auto& line : engine.stale_regions(today)) std::cerr << "warning: stale: " << line << "\n";
    std::cout << "ok: " << engine.policy_count() << " policy file(s) valid\n";
    return kExitOk;
  }
  const Engine engine = load_engine_or_exit(policy_dir);

  if (command == "estimate" || command == "explain") {
    std::string input;
    if (!read_input(operand, input, claimcalc::limits::kMaxRequestBytes)) return kExitBadInput;
    if (command == "estimate") return print_envelope(engine.estimate(input));
    return print_text(engine.explain(input, lang));
  }
  if (command == "guide" || command == "diagnose") {
    if (operand.empty()) {
      std::cerr << kUsage;
      return kExitBadInput;
    }
    // The input is written as text around the request's own bytes, so that the engine parses the request once, with
    // its depth, size and ambiguity checks (no parse here without them). Bytes after the request's value make the
    // input malformed, or repeat a member (an error), or at most name a region the request's own region overrides.
    std::string input = "{";
    if (rest.size() > 2) {
      std::string text;
      if (!read_input(rest[2], text, claimcalc::limits::kMaxRequestBytes)) return kExitBadInput;
      input += "\"request\":" + text + "\n,";
    }
    input += std::string("\"") + (command == "guide" ? "scenario" : "symptom") + "\":" + json_string(operand);
    if (!region.empty()) input += ",\"region\":" + json_string(region);
    input += "}";
    if (!as_text) return print_envelope(command == "guide" ? engine.guide(input) : engine.diagnose(input));
    return print_text(command == "guide" ? engine.guide_text(input, lang) : engine.diagnosis_text(input, lang));
  }
  if (command == "call") {
    std::string input;
    if (!read_input(operand, input, claimcalc::limits::kMaxBatchBytes)) return kExitBadInput;
    return print_envelope(engine.call(input));
  }
  if (command == "reverse") {
    std::string input;
    if (!read_input(operand, input, claimcalc::limits::kMaxRequestBytes)) return kExitBadInput;
    return print_envelope(engine.reverse(input));
  }
  if (command == "batch") {
    // Every input line gets one answer, numbered from 1, blank lines included (their answer is an error), so a
    // consumer matching answers to lines is never shifted. A line over the request limit is read no further.
    std::string line;
    bool all_ok = true;
    std::size_t number = 0;
    while (claimcalc::tools::read_line_capped(stdin, line, claimcalc::limits::kMaxRequestBytes)) {
      const std::string out = engine.estimate(line);
      all_ok = all_ok && envelope_ok(out);
      std::cout << with_line(out, ++number) << "\n";
    }
    return all_ok ? kExitOk : kExitBadInput;
  }
  if (command == "policies" && operand == "new") {
    if (rest.size() < 4) {
      std::cerr << kUsage;
      return kExitBadInput;
    }
    json input = {{"region", rest[2]}, {"effective_from", rest[3]}, {"today", claimcalc::tools::host_today().iso()}};
    if (!new_id.empty()) input["id"] = new_id;
    const std::string envelope = engine.scaffold(input.dump());
    if (!envelope_ok(envelope)) return print_envelope(envelope);
    const json result = json::parse(envelope)["result"];
    if (out_dir.empty()) {
      std::cout << result["content"].get<std::string>();
    } else {
      const std::string path = out_dir + "/" + result["path"].get<std::string>();
      std::filesystem::create_directories(std::filesystem::path(path).parent_path());
      std::ofstream(path, std::ios::binary) << result["content"].get<std::string>();
      std::cerr << "wrote " << path << "\n";
    }
    if (result["previous"].is_string())
      std::cerr << "claimcalc: give " << result["previous"].get<std::string>() << " an effective_to of " << rest[3]
                << " so the versions do not overlap\n";
    return kExitOk;
  }
  if (command == "policies" && operand == "coverage") {
    const std::string format = rest.size() > 2 ? rest[2] : "";
    if (format == "--json") return print_envelope(engine.coverage("json"));
    if (!format.empty() && format != "--markdown") {
      std::cerr << kUsage;
      return kExitBadInput;
    }
    std::cout << engine.coverage(format.empty() ? "table" : "markdown");
    return kExitOk;
  }
  if (command == "policies" && operand == "list") {
    std::cout << engine.policies() << "\n";
    return kExitOk;
  }
  if (command == "policies" && operand == "show" && rest.size() > 2) {
    return print_envelope(engine.policy(rest[2]));
  }
  std::cerr << kUsage;
  return kExitBadInput;
}
