// The province-level divisions of the mainland, by the ids the request and the policies use (pinyin, as in
// policies' "province"). Interim vocabulary until the region registry (policies/national, issue 9) lands: then
// these answers come from it.
#pragma once

#include <string>
#include <string_view>

namespace claimcalc {

bool is_province_id(std::string_view id);
// The four municipalities directly under the central government are their own province (北京、天津、上海、重庆).
bool is_municipality(std::string_view id);
// "beijing, tianjin, ...", for error messages.
std::string province_ids_list();

}  // namespace claimcalc
