#include "io/stdin_spool.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace echoes {

StdinSpool::~StdinSpool() {
  if (!path_.empty()) ::unlink(path_.c_str());
}

Status StdinSpool::Create(const std::string& dir) {
  std::string path = dir + "/.stdin-" + std::to_string(::getpid()) + ".spool";
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return Status::IoError(path + ": cannot create: " + std::strerror(errno));
  path_ = path;
  std::vector<char> buffer(1 << 20);
  for (;;) {
    ssize_t n = ::read(STDIN_FILENO, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return Status::IoError(std::string("standard input: read failed: ") + std::strerror(errno));
    }
    if (n == 0) break;
    for (ssize_t done = 0; done < n;) {
      ssize_t w = ::write(fd, buffer.data() + done, static_cast<size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) {
        ::close(fd);
        return Status::IoError(path + ": write failed: " + std::strerror(errno));
      }
      done += w;
    }
  }
  if (::close(fd) != 0) return Status::IoError(path + ": close failed: " + std::strerror(errno));
  return Status::Ok();
}

}  // namespace echoes
