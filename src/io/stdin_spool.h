// SpoolStdin: standard input copied to a file, so that it can be read twice.

#ifndef ECHOES_IO_STDIN_SPOOL_H_
#define ECHOES_IO_STDIN_SPOOL_H_

#include <string>

#include "echoes/status.h"

namespace echoes {

// A file holding a copy of standard input; removed when the object is destroyed.
class StdinSpool {
 public:
  StdinSpool() = default;
  ~StdinSpool();
  StdinSpool(const StdinSpool&) = delete;  // owns the file
  StdinSpool& operator=(const StdinSpool&) = delete;

  // Copies all of standard input to a new file in `dir`. Errors: kIoError.
  Status Create(const std::string& dir);
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace echoes

#endif  // ECHOES_IO_STDIN_SPOOL_H_
