// ExpandInputs: command-line inputs → an ordered list of sources.

#include "io/input_source.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "io/byte_source.h"

namespace echoes {
namespace {

namespace fs = std::filesystem;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The name without a trailing compression suffix.
std::string_view StripCompression(std::string_view name) {
  for (std::string_view ext : {".gz", ".zst"}) {
    if (EndsWith(name, ext)) return name.substr(0, name.size() - ext.size());
  }
  return name;
}

bool IsTextName(std::string_view name) { return EndsWith(StripCompression(name), ".txt"); }

bool IsJsonlName(std::string_view name) {
  std::string_view base = StripCompression(name);
  return EndsWith(base, ".jsonl") || EndsWith(base, ".ndjson") || EndsWith(base, ".json");
}

bool IsHtmlName(std::string_view name) {
  std::string_view base = StripCompression(name);
  return EndsWith(base, ".html") || EndsWith(base, ".htm");
}

bool IsWarcName(std::string_view name) {
  std::string_view base = StripCompression(name);
  return EndsWith(base, ".warc") || EndsWith(base, ".wet");
}

// The kind a file name gives, or false for files to skip.
bool KindOfName(std::string_view name, const ExpandOptions& options, SourceKind* kind) {
  if (IsTextName(name)) {
    *kind = SourceKind::kTextFile;
  } else if (IsJsonlName(name)) {
    *kind = SourceKind::kJsonl;
  } else if (options.web_pages && IsHtmlName(name)) {
    *kind = SourceKind::kHtmlFile;
  } else if (options.web_pages && IsWarcName(name)) {
    *kind = SourceKind::kWarc;
  } else {
    return false;
  }
  return true;
}

uint64_t SizeOf(const fs::path& path) {
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  return ec ? 0 : static_cast<uint64_t>(size);
}

Status AddDirectory(const std::string& dir, const ExpandOptions& options, InputList* list) {
  std::error_code ec;
  std::vector<std::string> relative;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) return Status::IoError(dir + ": cannot list: " + ec.message());
  for (const fs::directory_entry& entry : it) {
    if (!entry.is_regular_file(ec)) continue;
    relative.push_back(fs::relative(entry.path(), dir, ec).generic_string());
  }
  std::sort(relative.begin(), relative.end());
  for (const std::string& rel : relative) {
    fs::path full = fs::path(dir) / rel;
    InputSource source;
    source.path = full.string();
    source.name = source.path;
    source.size_on_disk = SizeOf(full);
    if (!KindOfName(rel, options, &source.kind)) {
      ++list->skipped_files;
      continue;
    }
    if (source.kind == SourceKind::kTextFile || source.kind == SourceKind::kHtmlFile) {
      source.text_id = rel;
    }
    list->total_bytes += source.size_on_disk;
    list->sources.push_back(std::move(source));
  }
  return Status::Ok();
}

}  // namespace

Result<InputList> ExpandInputs(const std::vector<std::string>& inputs,
                               const std::string& stdin_path, const ExpandOptions& options) {
  if (inputs.empty()) return Status::InvalidArgument("no inputs given");
  InputList list;
  for (const std::string& input : inputs) {
    if (input == "-") {
      InputSource source;
      source.path = stdin_path;
      source.name = "-";
      source.size_on_disk = SizeOf(stdin_path);
      list.total_bytes += source.size_on_disk;
      list.sources.push_back(std::move(source));
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(input, ec);
    if (ec || !fs::exists(status)) return Status::NotFound(input + ": no such file or directory");
    if (fs::is_directory(status)) {
      Status s = AddDirectory(input, options, &list);
      if (!s.ok()) return s;
      continue;
    }
    InputSource source;
    source.path = input;
    source.name = input;
    source.size_on_disk = SizeOf(input);
    if (!KindOfName(input, options, &source.kind)) source.kind = SourceKind::kJsonl;
    if (source.kind == SourceKind::kTextFile || source.kind == SourceKind::kHtmlFile) {
      source.text_id = input;
    }
    list.total_bytes += source.size_on_disk;
    list.sources.push_back(std::move(source));
  }
  return list;
}

bool AllUncompressed(const std::vector<InputSource>& sources) {
  for (const InputSource& source : sources) {
    Result<std::unique_ptr<ByteSource>> opened = OpenByteSource(source.path);
    if (!opened.ok() || std::string_view(opened.value()->format()) != "plain") return false;
  }
  return true;
}

}  // namespace echoes
