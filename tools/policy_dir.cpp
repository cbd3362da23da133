#include "tools/policy_dir.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace claimcalc::tools {

namespace fs = std::filesystem;

Result<std::vector<PolicyFile>> read_policy_dir(const std::string& dir) {
  std::vector<PolicyFile> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return make_error(ErrorCode::policy_invalid, dir, "政策文件夹不存在", "policy folder does not exist");
  }
  for (const auto& region : fs::directory_iterator(dir, ec)) {
    if (!region.is_directory()) continue;
    for (const auto& entry : fs::directory_iterator(region.path(), ec)) {
      if (entry.path().extension() != ".json") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      const std::string rel = region.path().filename().string() + "/" + entry.path().filename().string();
      files.push_back({rel, bytes.str()});
    }
  }
  if (ec) return make_error(ErrorCode::policy_invalid, dir, "无法读取政策文件夹", "cannot read the policy folder");
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return files;
}

}  // namespace claimcalc::tools
