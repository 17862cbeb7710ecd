// libFuzzer target: any bytes as a WARC file (records, HTTP responses inside them).
// Built by bench/fuzz.sh (clang, -fsanitize=fuzzer,address,undefined).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>

#include "io/byte_source.h"
#include "io/warc_reader.h"

namespace {

// The fuzzer's bytes as a ByteSource, handed out in small reads to exercise refills.
class MemorySource : public echoes::ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  echoes::Result<size_t> Read(char* buffer, size_t capacity) override {
    const size_t n = std::min({capacity, bytes_.size() - at_, size_t{777}});
    std::memcpy(buffer, bytes_.data() + at_, n);
    at_ += n;
    return n;
  }
  uint64_t consumed() const override { return at_; }
  const char* format() const override { return "memory"; }

 private:
  std::string_view bytes_;
  size_t at_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  echoes::WarcReader reader(
      std::make_unique<MemorySource>(std::string_view(reinterpret_cast<const char*>(data), size)));
  echoes::WarcRecord record;
  for (int i = 0; i < 1000; ++i) {
    echoes::Result<bool> next = reader.Next(&record, 1 << 20);
    if (!next.ok() || !next.value()) break;
    echoes::HttpResponse response;
    (void)echoes::ParseHttpResponse(record.block, &response);
  }
  return 0;
}
