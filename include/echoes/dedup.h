// RunDedup: the main job. Start here.
//
//   echoes::DedupOptions options;
//   options.out_dir = "out";
//   echoes::Result<echoes::DedupStats> stats = echoes::RunDedup({"corpus.jsonl.gz"}, options);
//   if (!stats.ok()) { /* stats.status().ToString() says why */ }
//
// RunDedup reads every input, finds the echoes among its documents (`exact`: same
// normalized text; `near`: word-shingle Jaccard >= threshold; `contained`: the smaller
// text's shingles mostly inside the other; `rewrite`: the same story sentence by
// sentence in other words), verifies every candidate, groups them into
// star clusters around a representative (no chaining), and writes into options.out_dir:
//   kept.jsonl      the kept input records, byte for byte as read (a text file becomes
//                   {"id": <relative path>, "text": <content>})
//   dropped.jsonl   {"id", "duplicate_of", "relation", "score"}, one per dropped record
//   clusters.jsonl  {"cluster", "representative", "members"}, one per group of 2 or more
//   edges.jsonl     {"a", "b", "relation", "score", "evidence"}, one per verified link
//   rejected.jsonl  {"source", "line", "reason", "message"}, one per unreadable record
//   stats.json      counts (kept + dropped + rejected == read), then a "run" object
//                   with timings, the only part that differs between identical runs
// Each file is written under a temporary name and renamed when complete.
//
// Representative of a cluster (the record kept): the earliest `date`; records with a
// date come before records without; then the longest text; then the first read. An
// excerpt never represents the text it is contained in.
//
// Determinism: the same inputs and options give byte-identical files (stats.json's
// "run" object aside), whatever the thread count.

#ifndef ECHOES_DEDUP_H_
#define ECHOES_DEDUP_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "echoes/status.h"

namespace echoes {

// How far a run has got; handed to DedupOptions::on_progress.
struct DedupProgress {
  const char* phase = "";    // "reading" or "writing"
  uint64_t records = 0;      // records read so far
  uint64_t bytes = 0;        // input bytes consumed so far (compressed, as on disk)
  uint64_t total_bytes = 0;  // size of all inputs on disk; 0 if unknown (stdin)
  double seconds = 0;        // since the run began
};

struct DedupOptions {
  // Directory for the output files; created if missing. Required.
  std::string out_dir;
  // Worker threads; 0 means one per hardware thread. Output does not depend on it.
  int threads = 0;
  // Stop at the first rejected record (Status code kStrictStop) instead of counting it.
  // Clean each record before comparing: HTML (a record whose text starts with markup,
  // or an .html file) is reduced to its article, flattened page text loses its chrome
  // lines (see echoes/clean.h). .html/.htm files in inputs are read as pages. Off: texts
  // are compared as they are.
  bool clean = false;
  bool strict = false;
  // JSON fields of a record. A missing id becomes "<file>:<line>".
  std::string id_field = "id";
  std::string text_field = "text";
  // Field holding the publication date (ISO 8601, RFC 2822 or Reuters style); it
  // chooses cluster representatives. Unparseable dates count as absent.
  std::string date_field = "date";
  // Find `near` and `contained` echoes too (MinHash-LSH over word shingles, every
  // candidate verified). Off: exact duplicates only.
  bool near = true;
  // Find `rewrite` echoes too: records that tell the same story sentence by sentence
  // in other words (spun, paraphrased, translated), found through shared sentence
  // sketches and verified by aligning their sentences. Compared are the records that
  // represent their clusters after exact and near matching. Costs a sentence split and
  // a stemmer per record: about a fifth of the near-duplicate speed.
  bool rewrite = true;
  // Words per shingle. 5 is what datatrove, text-dedup and NeMo Curator use.
  int shingle_size = 5;
  // MinHash values per signature. 128 gives a Jaccard estimate within ±0.035 (1 sd) at 0.8.
  int num_perm = 128;
  // Shingle Jaccard at or above which two documents are `near` duplicates.
  double threshold = 0.8;
  // Share of the smaller document's shingles found in the larger one at or above which
  // it is `contained` (an excerpt or a truncated copy).
  double containment = 0.8;
  // LSH bands and rows per band; 0 and 0 = chosen from threshold (see --dry-run).
  int bands = 0;
  int rows = 0;
  // Write every verified pair to edges.jsonl, not only the link from each dropped
  // record to its representative.
  bool all_edges = false;
  // If set, the intermediate data of the stages is also written to this directory:
  // sign.echoes (per-record hashes and sketches) and edges.echoes (verified edges), for
  // running the stages as separate processes (see src/pipeline/stage_files.h).
  std::string stages_dir;
  // Memory for the containment samples of the reading pass (bytes; ~8 per 16 words of
  // text). Past it they are sorted and spilled to runs in "<out_dir>/.samples-<pid>"
  // (removed at the end) and merged back when candidates are found; output is the same
  // either way. 0 = an eighth of the machine's physical memory. Not with stages_dir,
  // whose sign file holds all samples: there they stay in memory.
  uint64_t sample_memory = 0;
  // Memory for the signatures and band keys of the reading pass (bytes; 320 per record
  // with the default 128 slots and 16 bands). Past it they are written to files in
  // "<out_dir>/.sketches-<pid>" (removed after verification), and so are all later
  // ones; the bucket stage reads them back one band at a time and verification maps the
  // signatures. Output is the same either way. 0 = a quarter of the machine's physical
  // memory. Not with stages_dir: there they stay in memory.
  uint64_t sketch_memory = 0;
  // Records larger than this are rejected unread (bytes). Default 256 MiB: room for
  // any real document while bounding memory per thread.
  uint64_t max_record_bytes = uint64_t{256} << 20;
  // Called from the reading thread about 5 times a second; may be empty.
  std::function<void(const DedupProgress&)> on_progress;
};

// What a run did. Every record read ends kept, dropped or rejected.
struct DedupStats {
  uint64_t read = 0;
  uint64_t kept = 0;
  uint64_t dropped = 0;
  uint64_t rejected = 0;
  std::map<std::string, uint64_t> dropped_by_relation;             // "exact" -> n
  std::map<uint64_t, uint64_t> cluster_sizes;                      // size -> number of clusters
  std::vector<std::pair<std::string, uint64_t>> largest_clusters;  // representative, size
  uint64_t candidates = 0;      // candidate pairs from the LSH and sample indexes
  uint64_t verified_edges = 0;  // candidates confirmed as near or contained
  uint64_t exact_checks = 0;    // candidates decided on exact shingle sets, read again
  uint64_t spilled_samples = 0;  // containment samples spilled to disk (sample_memory)
  uint64_t sample_runs = 0;      // sorted runs they were written in
  uint64_t spilled_sketches = 0;  // records whose sketches went to disk (sketch_memory)
  uint64_t rewrite_candidates = 0;  // record pairs that share sentence keys or rare names
  uint64_t rewrite_name_candidates = 0;  // of them, pairs met by their rare names
  uint64_t rewrite_aligned = 0;     // of them, aligned sentence by sentence (names agree)
  uint64_t rewrite_sentence_pairs = 0;   // sentence pairs that met under a shared key
  uint64_t rewrite_skipped_buckets = 0;  // sentence keys too common to count (boilerplate)
  uint64_t rewrite_edges = 0;       // of them, verified rewrites
  int bands = 0;                // LSH plan used
  int rows = 0;
  std::map<std::string, uint64_t> rejected_by_reason;  // "invalid_json" -> n
  uint64_t clusters = 0;                               // groups of 2 or more records
  uint64_t largest_cluster = 0;                        // members in the largest group
  uint64_t repaired_utf8 = 0;   // records whose invalid UTF-8 was repaired, not rejected
  uint64_t generated_ids = 0;   // records without an id field
  uint64_t unparsed_dates = 0;  // date fields present but not understood
  uint64_t sources = 0;         // input files read (a directory counts its files)
  uint64_t skipped_files = 0;   // files in input directories that are neither .txt nor JSONL
  uint64_t input_bytes = 0;     // bytes read, after decompression
  uint64_t text_bytes = 0;      // bytes of document text, after JSON unescaping
  int threads = 0;
  double seconds = 0;                                         // wall time of the whole run
  std::vector<std::pair<std::string, double>> phase_seconds;  // wall time per stage, in order
  std::string out_dir;
};

// Runs the job described in the file comment over `inputs`: JSONL files (plain, .gz or
// .zst, detected from their bytes), directories (every *.txt file is one document,
// *.jsonl[.gz|.zst] files are read as JSONL), or "-" for JSONL on standard input.
// Errors: kInvalidArgument (bad options, no inputs), kNotFound (an input is missing),
// kIoError (cannot write out_dir), kStrictStop (strict and a record was rejected; the
// message names file, line and reason). Input damage is otherwise never an error:
// it is counted in rejected and listed in rejected.jsonl.
Result<DedupStats> RunDedup(const std::vector<std::string>& inputs, const DedupOptions& options);

// What a run would do, without reading the records: the LSH plan and its S-curve.
struct DedupPlan {
  int bands = 0;
  int rows = 0;
  std::vector<std::pair<double, double>> s_curve;  // (Jaccard, P(candidate)) for 0.5 .. 0.95
  uint64_t input_bytes = 0;                        // on disk
  uint64_t estimated_records = 0;  // from input_bytes at ~2 KB per record when unknown
  uint64_t bytes_per_record = 0;   // memory kept per record through the run
  uint64_t estimated_memory = 0;   // bytes at the peak, with what spills counted up to its budget
  uint64_t estimated_samples_bytes = 0;  // of it, containment samples (near only)
  uint64_t sample_budget = 0;  // bytes of samples held before they spill to disk
  uint64_t estimated_sketch_bytes = 0;  // of it, signatures and band keys (near only)
  uint64_t sketch_budget = 0;  // bytes of them held before all go to disk
};

// Plans a run over `inputs` with `options` (see echoes dedup --dry-run).
// Errors: kInvalidArgument, kNotFound.
Result<DedupPlan> PlanDedup(const std::vector<std::string>& inputs, const DedupOptions& options);

}  // namespace echoes

#endif  // ECHOES_DEDUP_H_
