// echoes: a thin dispatcher over the library. Each subcommand lives in its own file.

#include <cstring>
#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "util/keep_freed_memory.h"

namespace {

struct Command {
  const char* name;
  int (*run)(int argc, char** argv);
  const char* summary;
};

constexpr Command kCommands[] = {
    {"dedup", echoes::cli::DedupCommand,
     "find exact, near and contained duplicates; write kept, dropped, clusters, edges"},
    {"clean", echoes::cli::CleanCommand,
     "the article out of web pages (HTML, WARC/WET, scraped text): text, title, date"},
    {"explain", echoes::cli::ExplainCommand,
     "is B a rewrite of A? the sentence alignment side by side, the score and the relation"},
};

void PrintUsage(std::ostream& out) {
  out << "echoes: find every echo of a text in a corpus: exact copies, near-duplicates,\n"
         "excerpts and rewrites, with the evidence for each link.\n\n"
         "Usage: echoes COMMAND [ARGS...]\n\nCommands:\n";
  for (const Command& c : kCommands) out << "  " << c.name << "    " << c.summary << "\n";
  out << "\nRun 'echoes COMMAND --help' for a command's flags and examples.\n"
         "Examples: echoes dedup data/sample/news.jsonl --out out/\n"
         "          echoes clean pages/ --out clean.jsonl\n";
}

}  // namespace

int main(int argc, char** argv) {
  echoes::KeepFreedMemoryInHeap();
  try {
    if (argc < 2) {
      PrintUsage(std::cerr);
      return 1;
    }
    if (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0 ||
        std::strcmp(argv[1], "help") == 0) {
      PrintUsage(std::cout);
      return 0;
    }
    for (const Command& c : kCommands) {
      if (std::strcmp(argv[1], c.name) == 0) return c.run(argc - 1, argv + 1);
    }
    std::cerr << "echoes: unknown command '" << argv[1] << "'\n\n";
    PrintUsage(std::cerr);
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "echoes: internal error: " << e.what() << "\n";
    return 3;
  } catch (...) {
    std::cerr << "echoes: internal error\n";
    return 3;
  }
}
