// The exit code every subcommand gives for a library Status.

#ifndef ECHOES_CLI_EXIT_CODE_H_
#define ECHOES_CLI_EXIT_CODE_H_

#include "echoes/status.h"

namespace echoes::cli {

// 0 ok; 1 usage (bad flag, missing input); 2 input error under --strict; 3 internal
// or I/O error.
int ExitCodeFor(const Status& status);

}  // namespace echoes::cli

#endif  // ECHOES_CLI_EXIT_CODE_H_
