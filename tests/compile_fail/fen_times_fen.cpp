// Multiplying money by money has no meaning: must not compile.
#include "engine/core/money.hpp"
int main() {
  claimcalc::Fen a = claimcalc::Fen::of(100);
  claimcalc::Fen b = claimcalc::Fen::of(200);
#ifdef CLAIMCALC_COMPILE_FAIL
  auto c = a * b;
  (void)c;
#endif
  return (a + b).value() == 300 ? 0 : 1;
}
