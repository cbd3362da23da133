#include "tools/policy_dir.hpp"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <system_error>

#include "engine/core/limits.hpp"
#include "tools/capped_read.hpp"

namespace claimcalc::tools {

namespace fs = std::filesystem;

namespace {

Error folder_error(const std::string& where, const std::error_code& ec) {
  return make_error(ErrorCode::policy_invalid, where, "无法读取：" + ec.message(), "cannot read: " + ec.message());
}

// The entries of one folder, sorted, with no exception on any filesystem error (a symlink loop, a vanished entry,
// a folder without permission): only the two-level layout is read, so no walk can go round a loop.
Result<std::vector<fs::path>> entries(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) return folder_error(dir.string(), ec);
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) return folder_error(dir.string(), ec);
    out.push_back(it->path());
  }
  if (ec) return folder_error(dir.string(), ec);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

Result<std::vector<PolicyFile>> read_policy_dir(const std::string& dir) {
  std::vector<PolicyFile> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return make_error(ErrorCode::policy_invalid, dir, "政策文件夹不存在", "policy folder does not exist");
  }
  auto regions = entries(dir);
  if (!regions.ok()) return regions.error();
  for (const auto& region : regions.value()) {
    // Other files beside the region folders (README.md, COVERAGE.md) are not policies.
    const fs::file_status st = fs::status(region, ec);
    if (ec) return folder_error(region.string(), ec);
    if (!fs::is_directory(st)) continue;
    auto names = entries(region);
    if (!names.ok()) return names.error();
    for (const auto& entry : names.value()) {
      if (entry.extension() != ".json") continue;
      // Sub-folders of a region folder hold build inputs (national/divisions), not policy versions.
      if (fs::is_directory(fs::status(entry, ec))) continue;
      const std::string rel = region.filename().string() + "/" + entry.filename().string();
      // Read one byte past the limit so that parse_policy reports the file as too large.
      auto bytes = read_file_capped(entry.string(), limits::kMaxPolicyBytes, FileKind::regular_only);
      if (!bytes.ok()) {
        Error e = bytes.error();
        e.field = rel;
        return e;
      }
      files.push_back({rel, std::move(bytes.value())});
    }
  }
  return files;
}

Date host_today() {
  const std::time_t now = std::time(nullptr);
  return Date::from_days(static_cast<std::int64_t>(now / 86400));
}

}  // namespace claimcalc::tools
