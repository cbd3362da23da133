// codec reaching up: must be rejected.
#include "engine/api/api.hpp"
