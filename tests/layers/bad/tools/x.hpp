// a tool header re-exporting the codec to the CLI: must be rejected.
#include "engine/codec/policy_codec.hpp"
