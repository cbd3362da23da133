// The built-in pack, compiled into the build: tools/bundle_policies validates every file under policies/ (the
// build fails on any error) and writes the policies in codec/compiled_pack's form, so that an engine starts
// without parsing or validating JSON. Two forms share these names: builtin_policies.cpp (whole) and
// builtin_index.cpp (split); a build links one.
#pragma once

#include <cstddef>

namespace claimcalc::api {

extern const unsigned char kCompiledPolicies[];
extern const std::size_t kCompiledPoliciesSize;

// A split build (the wasm) ships each region but the national rules as its own file, regions/<region>.ccp, read
// on first need (Engine::read_region): kCompiledPolicies then holds those regions' index entries (header only) and
// this table the SHA-256 (hex) of each file. A whole build (native) holds every region and an empty table.
struct RegionFile {
  const char* region;
  const char* sha256;
};
extern const RegionFile kRegionFiles[];
extern const std::size_t kRegionFileCount;

}  // namespace claimcalc::api
