// wasm ABI calling the codec: must be rejected.
#include "engine/codec/json_input.hpp"
