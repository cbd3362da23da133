// A double never becomes money: must not compile.
#include "engine/core/money.hpp"
int main() {
#ifdef CLAIMCALC_COMPILE_FAIL
  claimcalc::Fen a(12.34);
#else
  claimcalc::Fen a = claimcalc::Fen::of(1234);
#endif
  return a.value() == 1234 ? 0 : 1;
}
