// A double never becomes a ratio: must not compile.
#include "engine/core/money.hpp"
int main() {
#ifdef CLAIMCALC_COMPILE_FAIL
  claimcalc::Ratio r(0.9);
#else
  claimcalc::Ratio r = claimcalc::Ratio::of_basis_points(9000);
#endif
  return r.units() > 0 ? 0 : 1;
}
