// Reads a file or stream, but never more than max_bytes + 1 bytes: a 300 MB file or /dev/zero costs no more than
// the limit, and the engine (which checks every size) still sees that the input is over it. Native only (the CLI
// and the policy folder reader).
#pragma once

#include <cstdio>
#include <string>

#include "engine/core/error.hpp"

namespace claimcalc::tools {

enum class FileKind { any, regular_only };

// An error (code policy_invalid, field the path) only when the file cannot be opened or read, or is not a regular
// file under regular_only: a FIFO, a device or a socket is refused before any read (a FIFO would block forever).
Result<std::string> read_file_capped(const std::string& path, std::size_t max_bytes, FileKind kind = FileKind::any);
Result<std::string> read_stream_capped(std::FILE* in, const std::string& name, std::size_t max_bytes);

// The next line (without its '\n') into line, keeping at most max_bytes + 1 bytes of it and skipping the rest; false
// at the end of the input. A last line without '\n' is still a line; an empty input has none.
bool read_line_capped(std::FILE* in, std::string& line, std::size_t max_bytes);

}  // namespace claimcalc::tools
