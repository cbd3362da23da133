#include "tools/capped_read.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace claimcalc::tools {

namespace {

Error unreadable(const std::string& name, const std::string& why) {
  return make_error(ErrorCode::policy_invalid, name, "无法读取文件：" + why, "cannot read the file: " + why);
}

// Reads fd to its end or to max_bytes + 1, whichever comes first.
Result<std::string> read_fd(int fd, const std::string& name, std::size_t max_bytes) {
  std::string out;
  char chunk[1 << 16];
  while (true) {
    const std::size_t room = max_bytes + 1 - out.size();
    const ssize_t n = ::read(fd, chunk, room < sizeof chunk ? room : sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return unreadable(name, std::strerror(errno));
    if (n == 0) return out;
    out.append(chunk, static_cast<std::size_t>(n));
    if (out.size() > max_bytes) return out;
  }
}

}  // namespace

Result<std::string> read_file_capped(const std::string& path, std::size_t max_bytes, FileKind kind) {
  // O_NONBLOCK so that opening a FIFO cannot wait for a writer; regular files ignore it.
  const int flags = O_RDONLY | O_CLOEXEC | (kind == FileKind::regular_only ? O_NONBLOCK : 0);
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) return unreadable(path, std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const std::string why = std::strerror(errno);
    ::close(fd);
    return unreadable(path, why);
  }
  if (kind == FileKind::regular_only && !S_ISREG(st.st_mode)) {
    ::close(fd);
    return unreadable(path, "not a regular file (a FIFO, device, socket or folder)");
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return unreadable(path, "it is a folder");
  }
  auto out = read_fd(fd, path, max_bytes);
  ::close(fd);
  return out;
}

Result<std::string> read_stream_capped(std::FILE* in, const std::string& name, std::size_t max_bytes) {
  return read_fd(::fileno(in), name, max_bytes);
}

bool read_line_capped(std::FILE* in, std::string& line, std::size_t max_bytes) {
  line.clear();
  bool any = false;
  int c;
  while ((c = std::getc(in)) != EOF) {
    any = true;
    if (c == '\n') return true;
    if (line.size() <= max_bytes) line += static_cast<char>(c);
  }
  return any;
}

}  // namespace claimcalc::tools
