// ParseFlags: the one way every subcommand turns argv into flags; AddShareOption, the
// one way a flag that is a share (0 to 1) is declared.

#ifndef ECHOES_CLI_PARSE_FLAGS_H_
#define ECHOES_CLI_PARSE_FLAGS_H_

#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>
#include <string>

namespace echoes::cli {

// Parses argv into `app`. Returns the exit code when the command should stop here:
// 0 after printing --help, 1 after a usage error (named, with a pointer to --help);
// nothing when the command should run.
inline std::optional<int> ParseFlags(CLI::App& app, int argc, char** argv,
                                     const std::string& command) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::ParseError& e) {
    std::cerr << "echoes " << command << ": " << e.what() << "\nRun 'echoes " << command
              << " --help' for usage.\n";
    return 1;
  }
  return std::nullopt;
}

// A flag holding a share between 0 and 1, with its default shown in --help.
inline void AddShareOption(CLI::App& app, const std::string& name, double* value,
                           const std::string& help) {
  app.add_option(name, *value, help)->capture_default_str()->check(CLI::Range(0.0, 1.0));
}

}  // namespace echoes::cli

#endif  // ECHOES_CLI_PARSE_FLAGS_H_
