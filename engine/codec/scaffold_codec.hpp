// `claimcalc policies new <region> <effective-from>`: a new policy version scaffolded from the registry, with every
// part listed as absent (open_questions) until a notice gives it. The file validates as it stands, so the region
// answers the process questions from its upper layers at once and names every missing figure.
#pragma once

#include <string>

#include "engine/core/date.hpp"
#include "engine/core/error.hpp"
#include "engine/core/policy.hpp"

namespace claimcalc::codec {

struct Scaffold {
  std::string path;  // <region>/<effective-from>.json
  std::string content;
  std::string previous;  // the version that must now end (effective_to), if the region has one
};

// place: pack id, Chinese name or code (a province for a province layer); id: the region id for a region new to
// the pack (default: its code); today: the host's date for last_verified.
Result<Scaffold> scaffold_policy(const std::string& place, const Date& effective_from, const std::string& id,
                                 const Date& today, const PolicyPack& pack);

}  // namespace claimcalc::codec
