// A core file that reaches for JSON: tests/layers/check.cmake must reject it (test layers_check_rejects).
#include <nlohmann/json.hpp>
#include <fstream>
