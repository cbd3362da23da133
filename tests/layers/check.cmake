# The layers as a build fact (docs/api.md, "The C++ entry point and the layers"): fails, naming file and include,
# when a source reaches past its layer. Run by ctest as `cmake -DROOT=<source dir> -P tests/layers/check.cmake`.
#   engine/core   the standard library (no I/O headers) and Boost; nothing of engine/codec, engine/api, nlohmann
#   engine/codec  no engine/api
#   engine/api/api.hpp  no nlohmann, no engine/codec; of engine/core only the plain values it re-exports
#   cli/ and wasm/   no engine/codec; of engine/core only what api.hpp re-exports
#   tools/ headers (the CLI includes them)   no engine/codec
cmake_minimum_required(VERSION 3.20)
if(NOT ROOT)
  message(FATAL_ERROR "usage: cmake -DROOT=<source dir> -P check.cmake")
endif()

set(violations "")

# rule(<files> <quoted|angled> <forbidden regex> <allowed regex> <why>): an include of that kind that matches
# `forbidden` and not `allowed` is a violation (an empty `allowed` allows nothing).
function(rule files kind forbidden allowed why)
  foreach(f IN LISTS files)
    file(STRINGS ${f} lines REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS lines)
      if(kind STREQUAL "quoted" AND line MATCHES "#[ \t]*include[ \t]*\"([^\"]+)\"")
        set(shown "\"${CMAKE_MATCH_1}\"")
      elseif(kind STREQUAL "angled" AND line MATCHES "#[ \t]*include[ \t]*<([^>]+)>")
        set(shown "<${CMAKE_MATCH_1}>")
      else()
        continue()
      endif()
      set(inc ${CMAKE_MATCH_1})
      if(inc MATCHES "${forbidden}" AND (allowed STREQUAL "" OR NOT inc MATCHES "${allowed}"))
        file(RELATIVE_PATH rel ${ROOT} ${f})
        list(APPEND violations "${rel}: includes ${shown} (${why})")
      endif()
    endforeach()
  endforeach()
  set(violations "${violations}" PARENT_SCOPE)
endfunction()

set(REEXPORTED "^engine/core/(error|policy_file|limits)\\.hpp$")
file(GLOB core_files ${ROOT}/engine/core/*.cpp ${ROOT}/engine/core/*.hpp)
file(GLOB codec_files ${ROOT}/engine/codec/*.cpp ${ROOT}/engine/codec/*.hpp)
file(GLOB api_header ${ROOT}/engine/api/api.hpp)
file(GLOB_RECURSE caller_files ${ROOT}/cli/*.cpp ${ROOT}/cli/*.hpp ${ROOT}/wasm/*.cpp ${ROOT}/wasm/*.hpp)
file(GLOB tool_headers ${ROOT}/tools/*.hpp)

rule("${core_files}" quoted "." "^engine/core/" "engine/core includes only engine/core")
rule("${core_files}" angled "[/.]|^(iostream|fstream|sstream|istream|ostream|cstdio|filesystem)$" "^boost/"
     "engine/core links only the standard library, without I/O, and Boost")
rule("${codec_files}" quoted "^engine/api/" "" "engine/codec sits below engine/api")
rule("${api_header}" quoted "." "${REEXPORTED}" "api.hpp shows only strings and plain values")
rule("${api_header}" angled "[/.]" "" "api.hpp shows only strings and plain values")
rule("${caller_files}" quoted "^engine/(codec|core)/" "${REEXPORTED}"
     "callers reach the engine only through engine/api/api.hpp")
rule("${tool_headers}" quoted "^engine/codec/" "" "the CLI includes tools/ headers, and the CLI never sees the codec")

if(violations)
  list(LENGTH violations n)
  list(JOIN violations "\n  " text)
  message(FATAL_ERROR "${n} layer violation(s):\n  ${text}")
endif()
list(LENGTH core_files n_core)
list(LENGTH codec_files n_codec)
list(LENGTH caller_files n_callers)
message(STATUS "layers ok: ${n_core} core, ${n_codec} codec and ${n_callers} caller files checked")
