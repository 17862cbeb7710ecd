// echoes_floor: the reading floor of a dedup run, for bench/near_throughput.sh.
//
// Reads JSONL inputs exactly as `echoes dedup` does (RecordBatcher: large reads, line
// cutting), parses each record's text with simdjson, normalizes it and splits it into
// tokens, and nothing else: no hashing, no sketching, no output. What echoes does
// beyond this is the price of finding echoes. One thread.
//
// Usage: echoes_floor FILE.jsonl...

#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "echoes/normalize.h"
#include "io/input_source.h"
#include "io/record_batcher.h"

int main(int argc, char** argv) {
  std::vector<std::string> inputs(argv + 1, argv + argc);
  echoes::Result<echoes::InputList> list = echoes::ExpandInputs(inputs, "");
  if (!list.ok()) {
    std::fprintf(stderr, "echoes_floor: %s\n", list.status().ToString().c_str());
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  echoes::RecordBatcher batcher(&list.value().sources, 4 << 20, uint64_t{256} << 20);
  echoes::RecordBatch batch;
  simdjson::ondemand::parser parser;
  echoes::TextNormalizer normalizer;
  std::string normalized;
  uint64_t records = 0, tokens = 0, text_bytes = 0;
  while (batcher.Next(&batch)) {
    for (const echoes::RecordRef& r : batch.records) {
      if (r.kind != echoes::RecordKind::kJsonLine) continue;
      simdjson::ondemand::document doc;
      std::string_view text;
      if (parser
              .iterate(simdjson::padded_string_view(batch.bytes.data() + r.offset, r.size,
                                                    batch.bytes.size() - r.offset))
              .get(doc) ||
          doc["text"].get_string().get(text)) {
        continue;
      }
      normalizer.Normalize(text, &normalized);
      echoes::ForEachToken(normalized, [&](std::string_view) { ++tokens; });
      text_bytes += text.size();
      ++records;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double mb = static_cast<double>(batcher.decompressed_bytes()) / 1e6;
  std::printf("floor: %llu records, %llu tokens, %.1f MB in %.2f s: %.1f MB/s\n",
              static_cast<unsigned long long>(records), static_cast<unsigned long long>(tokens), mb,
              seconds, mb / seconds);
  return 0;
}
