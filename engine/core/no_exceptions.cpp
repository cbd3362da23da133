// Builds without exceptions (the wasm, the fuzz targets, the no-exception CI job) need boost's hook defined.
// Reaching it means a checked integer overflowed, which limits.hpp makes impossible from input: abort (in the wasm,
// a trap the loader reports before it starts a fresh instance).
#ifdef BOOST_NO_EXCEPTIONS
#include <boost/throw_exception.hpp>

#include <cstdlib>

namespace boost {
BOOST_NORETURN void throw_exception(std::exception const& /*e*/) { std::abort(); }
BOOST_NORETURN void throw_exception(std::exception const& /*e*/, boost::source_location const& /*loc*/) {
  std::abort();
}
}  // namespace boost
#endif
