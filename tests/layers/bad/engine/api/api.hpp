// api.hpp showing the codec: must be rejected.
#include "engine/codec/result_codec.hpp"
#include <nlohmann/json.hpp>
