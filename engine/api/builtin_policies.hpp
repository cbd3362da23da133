// The built-in pack, compiled into the build: tools/bundle_policies validates every file under policies/ (the
// build fails on any error) and writes the policies in codec/compiled_pack's form, so that an engine starts
// without parsing or validating JSON.
#pragma once

#include <cstddef>

namespace claimcalc::api {

extern const unsigned char kCompiledPolicies[];
extern const std::size_t kCompiledPoliciesSize;

}  // namespace claimcalc::api
