// Adding a ratio to money mixes units: must not compile.
#include "engine/core/money.hpp"
int main() {
  claimcalc::Fen a = claimcalc::Fen::of(100);
  claimcalc::Ratio r = claimcalc::Ratio::of_basis_points(9000);
#ifdef CLAIMCALC_COMPILE_FAIL
  auto c = a + r;
  (void)c;
#endif
  return claimcalc::apply_ratio(a, r).value() == 90 ? 0 : 1;
}
