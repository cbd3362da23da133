// std::string's out-of-line members for the wasm modules, compiled here at the speed level.
//
// libc++ declares basic_string<char> an extern template: its members that are not inline (append, reserve, resize,
// the growth path...) are not compiled in the engine's objects but taken from emscripten's libc++.a, which is built
// at -Oz, so in the wasm every append called size(), __get_pointer() and char_traits::copy as functions (~10 % of
// one 10-item full estimate's time in V8's profile). Explicit instantiations here are found before the archive's, so
// the link takes these. This object is built without LTO (wasm/CMakeLists.txt): under LTO the speed files inlined
// the members into every caller (+1.7 KB br); as plain code they replace the archive's copies and the base is
// smaller. Measured: docs/size-and-start.md, "Room made".
#include <cstddef>
#include <string>

template std::basic_string<char>& std::basic_string<char>::append(const char*, std::size_t);
template std::basic_string<char>& std::basic_string<char>::append(std::size_t, char);
template void std::basic_string<char>::push_back(char);
template void std::basic_string<char>::reserve(std::size_t);
template void std::basic_string<char>::resize(std::size_t, char);
template std::basic_string<char>& std::basic_string<char>::insert(std::size_t, const char*, std::size_t);
template std::basic_string<char>& std::basic_string<char>::__assign_external(const char*, std::size_t);
template void std::basic_string<char>::__init(const char*, std::size_t);
template void std::basic_string<char>::__init_copy_ctor_external(const char*, std::size_t);
template void std::basic_string<char>::__grow_by(std::size_t, std::size_t, std::size_t, std::size_t, std::size_t,
                                                 std::size_t);
template void std::basic_string<char>::__grow_by_and_replace(std::size_t, std::size_t, std::size_t, std::size_t,
                                                             std::size_t, std::size_t, const char*);
