// A CLI that calls the codec directly: tests/layers/check.cmake must reject it (test layers_check_rejects).
#include "engine/api/api.hpp"
#include "engine/codec/process_codec.hpp"
#include "engine/core/policy.hpp"
