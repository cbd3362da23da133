// Force-included (-include) into every wasm translation unit, before anything else.
//
// Boost 1.74's Multiprecision (Debian 12) writes bare try/catch in templates the engine never instantiates
// (lexical_cast fallbacks, iostream reading). GCC accepts them under -fno-exceptions; clang, and so emcc,
// rejects them at parse time. Later Boost releases wrap them in BOOST_MP_TRY/BOOST_MP_CATCH, which expand to
// if (true) / if (false) without exceptions; this does the same for 1.74, only while its headers are read,
// the way nlohmann/json does with JSON_NOEXCEPTION. A throw that would still happen goes to
// boost::throw_exception (engine/core/no_exceptions.cpp), which aborts: a trap the loader reports.
#pragma once

#if !defined(__cpp_exceptions)
// The standard headers first, so the macros below never touch them.
#include <cstdint>
#include <istream>
#include <limits>
#include <ostream>
#include <sstream>
#include <string>
#include <type_traits>

#include <boost/config.hpp>
#include <boost/throw_exception.hpp>

// `catch(...)` must stay a function-like macro: a space would make it an object-like one.
// clang-format off
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wkeyword-macro"
#define try if (true)
#define catch(...) if (false)
// rational.hpp's operator>> rethrows (`throw;`); nothing else may, so any other throw still fails the build.
#define throw
#include <boost/rational.hpp>
#undef throw
#include <boost/multiprecision/cpp_int.hpp>
#undef catch
#undef try
#pragma clang diagnostic pop
// clang-format on
#endif
