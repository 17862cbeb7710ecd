// libFuzzer target: any bytes as an HTML page and as flattened page text. Built by
// bench/fuzz.sh (clang, -fsanitize=fuzzer,address,undefined).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "echoes/clean.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static echoes::PageCleaner* cleaner = [] {
    echoes::CleanOptions options;
    options.max_page_seconds = 1.0;
    return new echoes::PageCleaner(options);
  }();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  echoes::CleanedPage page;
  (void)cleaner->CleanHtml(bytes, "", &page);
  (void)cleaner->CleanHtml(bytes, "windows-1251", &page);
  page = echoes::CleanPageTextToPage(bytes);
  return 0;
}
