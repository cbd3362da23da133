// Item adjudication: each bill line split into outside the catalogue, above the price ceiling, class-B
// upfront share and in scope.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "engine/core/claim.hpp"
#include "engine/core/estimate.hpp"
#include "engine/core/figure_lookup.hpp"
#include "engine/core/trace.hpp"

namespace claimcalc {

struct Adjudication {
  Fen total;
  Fen out_of_catalogue;
  Fen over_ceiling;
  std::optional<Fen> class_b_upfront;  // absent when the policy lacks the share and an item lacks its own
  std::optional<Fen> in_scope;
  std::string_view upfront_needs;  // why class_b_upfront is absent ("" when present; a literal)
};

// setting may be null (the policy does not cover the setting): then only class-B items that print their own
// self-pay ratio can be split. Each item's result is added to results: the answer's own list (Estimate::items),
// whose storage a batch keeps from answer to answer (estimate_room.hpp).
Adjudication adjudicate(const std::vector<BillItem>& items, const SettingPolicy* setting, const LookupContext& ctx,
                        Trace& trace, std::vector<ItemResult>& results);

}  // namespace claimcalc
