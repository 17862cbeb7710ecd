// echoes_clean_pages: cleans every page of a directory of HTML files (.html or
// .html.gz) held in memory, and reports pages/s and MB/s of parse + extract on one
// core; with --out, writes one JSON line per page: {"id", "text", "title", "author",
// "date", "seconds"} for bench/wcxb_compare.sh to score.
//
// Usage: echoes_clean_pages DIR [--out FILE.jsonl] [--repeat N]

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "echoes/clean.h"
#include "io/byte_source.h"
#include "report/json_writer.h"
#include "util/keep_freed_memory.h"

int main(int argc, char** argv) {
  echoes::KeepFreedMemoryInHeap();  // as the CLI does
  if (argc < 2) {
    std::fprintf(stderr, "usage: echoes_clean_pages DIR [--out FILE.jsonl] [--repeat N]\n");
    return 1;
  }
  std::string out_path;
  int repeat = 1;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--out") == 0) out_path = argv[i + 1];
    if (std::strcmp(argv[i], "--repeat") == 0) repeat = std::max(1, std::atoi(argv[i + 1]));
  }
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(argv[1])) {
    const std::string name = entry.path().filename().string();
    if (name.find(".htm") != std::string::npos) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  std::vector<std::string> pages;
  size_t bytes = 0;
  for (const std::string& name : names) {
    echoes::Result<std::string> page = echoes::ReadWholeFile(std::string(argv[1]) + "/" + name);
    if (!page.ok()) {
      std::fprintf(stderr, "%s\n", page.status().ToString().c_str());
      return 1;
    }
    pages.push_back(std::move(page.value()));
    bytes += pages.back().size();
  }

  echoes::PageCleaner cleaner;
  echoes::CleanedPage page;
  std::vector<double> seconds(pages.size(), 0.0);
  std::string jsonl;
  size_t failed = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < repeat; ++r) {
    for (size_t i = 0; i < pages.size(); ++i) {
      const auto t0 = std::chrono::steady_clock::now();
      const echoes::Status status = cleaner.CleanHtml(pages[i], "", &page);
      seconds[i] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      failed += !status.ok();
      if (r + 1 == repeat && !out_path.empty()) {
        const std::string id = names[i].substr(0, names[i].find('.'));
        jsonl += "{\"id\":";
        echoes::AppendJsonString(&jsonl, id);
        jsonl += ",\"text\":";
        echoes::AppendJsonString(&jsonl, page.text);
        jsonl += ",\"title\":";
        echoes::AppendJsonString(&jsonl, page.title);
        jsonl += ",\"author\":";
        echoes::AppendJsonString(&jsonl, page.author);
        jsonl += ",\"date\":";
        if (page.date.empty()) {
          jsonl += "null";
        } else {
          echoes::AppendJsonString(&jsonl, page.date);
        }
        jsonl += ",\"seconds\":" + std::to_string(seconds[i]) + "}\n";
      }
    }
  }
  const double total =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!out_path.empty()) {
    FILE* f = std::fopen(out_path.c_str(), "wb");
    if (f == nullptr || std::fwrite(jsonl.data(), 1, jsonl.size(), f) != jsonl.size()) {
      std::fprintf(stderr, "cannot write %s\n", out_path.c_str());
      return 1;
    }
    std::fclose(f);
  }
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  const double n = static_cast<double>(pages.size()) * repeat;
  std::printf(
      "echoes clean: %zu pages (%.1f MB) x %d in %.3f s: %.0f pages/s, %.1f MB/s, "
      "%zu failed, peak RSS %ld MB\n",
      pages.size(), bytes / 1e6, repeat, total, n / total, bytes * repeat / 1e6 / total, failed,
      usage.ru_maxrss / 1024);
  return 0;
}
