// echoes dedup: flags → DedupOptions → RunDedup → summary and exit code.

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/parse_flags.h"
#include "cli/progress_line.h"
#include "echoes/dedup.h"

namespace echoes::cli {
namespace {

constexpr const char* kFooter = R"(
Inputs:
  FILE.jsonl[.gz|.zst]  one JSON object per line (datatrove/Dolma style: "id", "text",
                        optional "date"); compression is recognised from the bytes
  DIR                   every *.txt file below it is one document (id = relative path);
                        *.jsonl[.gz|.zst] files below it are read as JSONL
  -                     JSONL on standard input

Outputs in --out DIR (each written to a temporary name, then renamed):
  kept.jsonl       kept records, byte for byte as read
  dropped.jsonl    {"id", "duplicate_of", "relation", "score"}
  clusters.jsonl   {"cluster", "representative", "members"}
  edges.jsonl      {"a", "b", "relation", "score", "evidence"}
  rejected.jsonl   {"source", "line", "reason", "message"}: unreadable records
  stats.json       counts (kept + dropped + rejected == read), then timings

Relations: exact (same normalized text), near (word-shingle Jaccard >= --threshold),
contained (the smaller text's shingles >= --containment inside the other), rewrite
(the same story sentence by sentence in other words: spun, paraphrased, translated;
two articles about one event that merely quote the same people are not linked).
Candidates come from MinHash-LSH over shingles and from sketches of each sentence's
stems, and are all verified (shingle Jaccard; sentence alignment for rewrites, whose
edges list the aligned sentences). Clusters are stars around a representative, so
every dropped record was verified against the record it is a duplicate of, or follows
a cluster member that was (its edge names that member in "via").

The record kept from each cluster has the earliest date; then the longest text; then
the one read first. An excerpt never displaces the text that contains it. Output is
identical for any --threads.

Exit codes: 0 ok, 1 usage error, 2 a record was rejected under --strict,
            3 internal or I/O error.

Examples:
  echoes dedup data/sample/news.jsonl --out out/
  zcat crawl-*.jsonl.gz | echoes dedup - --out out/ --threads 8
  echoes dedup articles/ --out out/ --strict
  echoes dedup pages/ --out out/ --clean            # HTML or scraped pages: chrome removed first
  echoes dedup crawl.jsonl --out out/ --no-rewrite  # data cleaning at full speed
  echoes dedup corpus.jsonl.zst --out out/ --threshold 0.7 --dry-run)";

void PrintSummary(const DedupStats& s) {
  std::string relations;
  for (const auto& [name, count] : s.dropped_by_relation) {
    relations += (relations.empty() ? " (" : ", ") + name + " " + std::to_string(count);
  }
  if (!relations.empty()) relations += ")";
  std::printf(
      "echoes dedup: read %llu, kept %llu, dropped %llu%s, rejected %llu; "
      "%llu clusters (largest %llu)\n",
      static_cast<unsigned long long>(s.read), static_cast<unsigned long long>(s.kept),
      static_cast<unsigned long long>(s.dropped), relations.c_str(),
      static_cast<unsigned long long>(s.rejected), static_cast<unsigned long long>(s.clusters),
      static_cast<unsigned long long>(s.largest_cluster));
  const double seconds = s.seconds > 0 ? s.seconds : 1e-9;
  std::printf("  %.1f MB in %.2f s: %.1f MB/s, %.0f docs/s on %d thread%s\n",
              static_cast<double>(s.input_bytes) / 1e6, s.seconds,
              static_cast<double>(s.input_bytes) / 1e6 / seconds,
              static_cast<double>(s.read) / seconds, s.threads, s.threads == 1 ? "" : "s");
  if (s.rejected > 0) {
    std::string reasons;
    for (const auto& [name, count] : s.rejected_by_reason) {
      reasons += (reasons.empty() ? "" : ", ") + std::to_string(count) + " " + name;
    }
    std::printf("  rejected: %s (see %s/rejected.jsonl)\n", reasons.c_str(), s.out_dir.c_str());
  }
  std::printf(
      "  outputs in %s/: kept.jsonl dropped.jsonl clusters.jsonl edges.jsonl "
      "rejected.jsonl stats.json\n",
      s.out_dir.c_str());
}

// --dry-run: the LSH plan, its S-curve and the memory estimate.
// One line of the plan for a part of the memory that spills past `budget` bytes.
void PrintSpillPlan(const char* what, uint64_t estimated, uint64_t budget, const char* spilling,
                    const char* flag) {
  if (estimated == 0) return;
  const double mb = static_cast<double>(estimated) / 1e6;
  if (budget == UINT64_MAX) {
    std::printf("%s: about %.1f MB of it, all in memory (--save-stages).\n", what, mb);
    return;
  }
  std::printf("%s: about %.1f MB of it; %s (%s %llu).\n", what, mb,
              estimated > budget ? spilling : "they fit in memory", flag,
              static_cast<unsigned long long>(budget >> 20));
}

int PrintPlan(const std::vector<std::string>& inputs, const DedupOptions& options) {
  Result<DedupPlan> result = PlanDedup(inputs, options);
  if (!result.ok()) {
    std::cerr << "echoes dedup: " << result.status().ToString() << "\n";
    return ExitCodeFor(result.status());
  }
  const DedupPlan& plan = result.value();
  if (plan.bands == 0) {
    std::printf("exact duplicates only (--exact-only): no LSH\n");
  } else {
    std::printf(
        "LSH: %d bands x %d rows of %d MinHash values, word %d-grams, near at Jaccard "
        ">= %.2f, contained at >= %.2f\n",
        plan.bands, plan.rows, options.num_perm, options.shingle_size, options.threshold,
        options.containment);
    std::printf("\n  Jaccard  P(candidate)\n");
    for (const auto& [s, p] : plan.s_curve) {
      std::printf("  %7.2f  %12.4f  %s\n", s, p,
                  std::string(static_cast<size_t>(p * 40), '#').c_str());
    }
    std::printf(
        "\nEvery candidate is verified (signatures, then exact shingle sets near the\n"
        "threshold), so the curve trades verification time for recall.\n");
  }
  std::printf("\nInput: %.1f MB on disk, about %llu records at 2 KB each.\n",
              static_cast<double>(plan.input_bytes) / 1e6,
              static_cast<unsigned long long>(plan.estimated_records));
  std::printf("Memory: about %llu bytes per record; %.1f MB at the peak, with what spills "
              "held up to its budget.\n",
              static_cast<unsigned long long>(plan.bytes_per_record),
              static_cast<double>(plan.estimated_memory) / 1e6);
  PrintSpillPlan("Containment samples", plan.estimated_samples_bytes, plan.sample_budget,
                 "they will spill to sorted runs on disk", "--sample-memory-mb");
  PrintSpillPlan("Signatures and band keys", plan.estimated_sketch_bytes, plan.sketch_budget,
                 "they will go to files on disk, read back a band at a time",
                 "--sketch-memory-mb");
  return 0;
}

}  // namespace

int DedupCommand(int argc, char** argv) {
  DedupOptions options;
  std::vector<std::string> inputs;
  bool quiet = false;
  uint64_t max_record_mb = options.max_record_bytes >> 20;
  uint64_t sample_memory_mb = 0;
  uint64_t sketch_memory_mb = 0;

  CLI::App app(
      "Find the echoes in a corpus and keep one record of each: exact duplicates "
      "(same text after Unicode NFKC, case folding and punctuation folding), near "
      "duplicates (word-shingle Jaccard) and contained excerpts, each verified.",
      "echoes dedup");
  app.add_option("INPUT", inputs, "JSONL files (.gz/.zst too), directories of .txt, or - for stdin")
      ->required();
  app.add_option("-o,--out", options.out_dir, "output directory (created if missing)")->required();
  app.add_option("-t,--threads", options.threads,
                 "worker threads; 0 = one per core (output is the same for any value)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_flag("--clean", options.clean,
               "compare articles, not pages: clean HTML and scraped page text first (as "
               "'echoes clean' does); also reads .html/.htm files");
  app.add_flag("--strict", options.strict,
               "stop at the first unreadable record with exit code 2, instead of counting it");
  app.add_flag("-q,--quiet", quiet, "no progress line and no summary");
  app.add_option("--id-field", options.id_field, "JSON field holding the record id")
      ->capture_default_str();
  app.add_option("--text-field", options.text_field, "JSON field holding the text")
      ->capture_default_str();
  app.add_option("--date-field", options.date_field,
                 "JSON field holding the publication date (picks the representative)")
      ->capture_default_str();
  bool exact_only = false;
  bool dry_run = false;
  bool no_rewrite = false;
  app.add_flag("--exact-only", exact_only,
               "exact duplicates only: no MinHash, no near, contained or rewrite echoes");
  app.add_flag("--no-rewrite", no_rewrite,
               "exact, near and contained only: no sentence sketches or alignment "
               "(about 5x faster)");
  app.add_option("--threshold", options.threshold,
                 "shingle Jaccard at or above which two texts are near duplicates")
      ->capture_default_str()
      ->check(CLI::Range(0.01, 1.0));
  app.add_option("--containment", options.containment,
                 "share of the smaller text's shingles inside the other for 'contained'")
      ->capture_default_str()
      ->check(CLI::Range(0.01, 1.0));
  app.add_option("--shingle-size", options.shingle_size, "words per shingle")
      ->capture_default_str()
      ->check(CLI::Range(1, 32));
  app.add_option("--num-perm", options.num_perm, "MinHash values per signature")
      ->capture_default_str()
      ->check(CLI::Range(8, 1024));
  app.add_option("--bands", options.bands, "LSH bands (0 = chosen from --threshold)")
      ->capture_default_str();
  app.add_option("--rows", options.rows, "LSH rows per band (0 = chosen from --threshold)")
      ->capture_default_str();
  app.add_flag("--all-edges", options.all_edges,
               "write every verified pair to edges.jsonl, not only each dropped record's link");
  app.add_option("--save-stages", options.stages_dir,
                 "also write the stages' intermediate data (sign.echoes, edges.echoes) here");
  app.add_flag("--dry-run", dry_run,
               "print the plan (LSH bands, S-curve, memory estimate) and read nothing");
  app.add_option("--max-record-mb", max_record_mb,
                 "records larger than this many MiB are rejected unread")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--sample-memory-mb", sample_memory_mb,
                 "MiB of containment samples (~8 bytes per 16 words read) to hold while "
                 "reading; beyond it they are sorted and spilled to OUT/.samples-PID, "
                 "merged back, then removed (same output). 0 = an eighth of RAM; "
                 "ignored with --save-stages")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--sketch-memory-mb", sketch_memory_mb,
                 "MiB of signatures and band keys (320 bytes per record) to hold while "
                 "reading; beyond it all go to OUT/.sketches-PID, read back a band at a "
                 "time, then removed (same output). 0 = a quarter of RAM; ignored with "
                 "--save-stages")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.footer(kFooter);

  if (std::optional<int> stop = ParseFlags(app, argc, argv, "dedup")) return *stop;
  options.max_record_bytes = max_record_mb << 20;
  options.sample_memory = sample_memory_mb << 20;
  options.sketch_memory = sketch_memory_mb << 20;
  options.near = !exact_only;
  options.rewrite = !exact_only && !no_rewrite;
  if (dry_run) return PrintPlan(inputs, options);

  ProgressLine progress(!quiet);
  options.on_progress = [&progress](const DedupProgress& p) { progress.Update(p); };
  Result<DedupStats> result = RunDedup(inputs, options);
  progress.Finish();
  if (!result.ok()) {
    const Status& status = result.status();
    if (status.code() == StatusCode::kStrictStop) {
      std::cerr << "echoes dedup: stopped at the first rejected record (--strict): "
                << status.message() << "\n";
    } else {
      std::cerr << "echoes dedup: " << status.ToString() << "\n";
    }
    return ExitCodeFor(status);
  }
  if (!quiet) PrintSummary(result.value());
  return 0;
}

}  // namespace echoes::cli
