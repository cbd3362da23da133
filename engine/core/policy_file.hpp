// A policy file as read from a folder, a bundle or a pack sent by a page: its path and its text. Plain data,
// so the API can take policy files without its callers seeing the codec.
#pragma once

#include <string>

namespace claimcalc {

struct PolicyFile {
  std::string path;  // relative to the policy folder: "<region>/<effective-from>.json"
  std::string bytes;
};

}  // namespace claimcalc
