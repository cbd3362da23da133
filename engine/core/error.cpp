#include "engine/core/error.hpp"

namespace claimcalc {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::malformed_json:
      return "malformed_json";
    case ErrorCode::too_large:
      return "too_large";
    case ErrorCode::wrong_type:
      return "wrong_type";
    case ErrorCode::missing_field:
      return "missing_field";
    case ErrorCode::unknown_field:
      return "unknown_field";
    case ErrorCode::unknown_value:
      return "unknown_value";
    case ErrorCode::invalid_money:
      return "invalid_money";
    case ErrorCode::negative_amount:
      return "negative_amount";
    case ErrorCode::invalid_ratio:
      return "invalid_ratio";
    case ErrorCode::invalid_date:
      return "invalid_date";
    case ErrorCode::inconsistent:
      return "inconsistent";
    case ErrorCode::unknown_region:
      return "unknown_region";
    case ErrorCode::no_policy_for_date:
      return "no_policy_for_date";
    case ErrorCode::unknown_command:
      return "unknown_command";
    case ErrorCode::policy_invalid:
      return "policy_invalid";
    case ErrorCode::region_not_loaded:
      return "region_not_loaded";
  }
  return "unknown";
}

Error make_error(ErrorCode code, std::string field, std::string message_zh, std::string message_en) {
  return Error{code, std::move(field), std::move(message_zh), std::move(message_en), {}};
}

}  // namespace claimcalc
