// The subcommands of the echoes CLI. Each parses its own flags (CLI11), calls the
// library, and turns the result into an exit code:
//   0 ok, 1 usage error, 2 input error under --strict, 3 internal or I/O error.

#ifndef ECHOES_CLI_COMMANDS_H_
#define ECHOES_CLI_COMMANDS_H_

namespace echoes::cli {

// echoes dedup INPUT... --out DIR [flags]. argv[0] is "dedup".
int DedupCommand(int argc, char** argv);

// echoes clean INPUT... --out FILE [flags]. argv[0] is "clean".
int CleanCommand(int argc, char** argv);

// echoes explain A B [--json]. argv[0] is "explain".
int ExplainCommand(int argc, char** argv);

}  // namespace echoes::cli

#endif  // ECHOES_CLI_COMMANDS_H_
