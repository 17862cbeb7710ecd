#include "cli/exit_code.h"

namespace echoes::cli {

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return 0;
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotFound:
      return 1;
    case StatusCode::kStrictStop:
    case StatusCode::kCorruptInput:
      return 2;
    default:
      return 3;
  }
}

}  // namespace echoes::cli
