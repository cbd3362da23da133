// SHA-256 of a byte string, as lowercase hex: identifies the exact policy file behind a result.
#pragma once

#include <string>
#include <string_view>

namespace claimcalc {

std::string sha256_hex(std::string_view bytes);

}  // namespace claimcalc
