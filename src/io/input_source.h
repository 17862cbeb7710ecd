// InputSource: one file to read, and how; ExpandInputs turns command-line inputs
// (files, directories, "-") into the ordered list of them.

#ifndef ECHOES_IO_INPUT_SOURCE_H_
#define ECHOES_IO_INPUT_SOURCE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "echoes/status.h"

namespace echoes {

enum class SourceKind {
  kJsonl,     // one JSON record per line
  kTextFile,  // the whole file is one document
  kHtmlFile,  // the whole file is one web page (only with ExpandOptions::web_pages)
  kWarc,      // WARC or WET records (only with ExpandOptions::web_pages)
};

struct ExpandOptions {
  // Also take *.html / *.htm files as pages and *.warc / *.wet as WARC (`echoes clean`).
  bool web_pages = false;
};

struct InputSource {
  std::string path;     // what to open
  std::string name;     // how messages name it: the path as given, or "-" for stdin
  std::string text_id;  // kTextFile, kHtmlFile: the document id, the path relative to its
                        // directory argument
  SourceKind kind = SourceKind::kJsonl;
  uint64_t size_on_disk = 0;
};

struct InputList {
  std::vector<InputSource> sources;
  uint64_t skipped_files = 0;  // files inside directories that are neither text nor JSONL
  uint64_t total_bytes = 0;    // sum of size_on_disk
};

// Expands `inputs` in order. A directory is walked recursively in byte order of the
// relative paths (so the order never depends on the file system): *.txt[.gz|.zst]
// files become text documents, *.jsonl / *.ndjson / *.json (optionally .gz/.zst)
// become JSONL sources, and other files are skipped and counted. A file named on the
// command line is a text document if it ends in .txt[.gz|.zst], JSONL otherwise.
// "-" stands for `stdin_path`, a copy of standard input the caller made.
// Errors: kNotFound (an input does not exist), kInvalidArgument (no inputs).
// With options.web_pages, *.html / *.htm[.gz|.zst] are web pages and *.warc / *.wet
// [.gz] are WARC files, in directories and on the command line alike.
Result<InputList> ExpandInputs(const std::vector<std::string>& inputs,
                               const std::string& stdin_path, const ExpandOptions& options = {});

// True if every source is an uncompressed file, so that a record can be read again at
// the offset where the first pass found it (pread, copy_file_range).
bool AllUncompressed(const std::vector<InputSource>& sources);

}  // namespace echoes

#endif  // ECHOES_IO_INPUT_SOURCE_H_
