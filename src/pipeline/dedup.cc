// RunDedup: the main job, as a sequence of stages over plain data.
//
//   expand inputs → read + parse + normalize + hash + sketch (parallel, DocumentTable)
//   → exact groups (sort by hash) → candidates (LSH bands, containment samples)
//   → verify (signatures; shingle sets read again near a threshold)
//   → star clusters → (rewrite) candidates from sentence sketches of the
//   representatives → verify (texts read again, sentences aligned) → star clusters of
//   the clusters → write result files → read again, write kept records
//
// Only DocumentTable (56 bytes + the id + the sketch per record) lives for the whole
// run; texts are read again instead of being held, so memory does not grow with
// corpus bytes.

#include "echoes/dedup.h"

#include <unistd.h>

#include <chrono>
#include <memory>
#include <filesystem>
#include <system_error>
#include <thread>

#include "cluster/exact_clusters.h"
#include "cluster/star_clusters.h"
#include "index/lsh_plan.h"
#include "index/sample_runs.h"
#include "index/spilled_sketches.h"
#include "io/input_source.h"
#include "io/stdin_spool.h"
#include "pipeline/document_table.h"
#include "pipeline/near_stage.h"
#include "pipeline/parallel_reader.h"
#include "pipeline/rewrite_stage.h"
#include "pipeline/stage_files.h"
#include "report/kept_file.h"
#include "report/result_files.h"
#include "report/stats_file.h"

namespace echoes {
namespace {

constexpr size_t kLargestClustersReported = 10;

Status ValidateOptions(const DedupOptions& options) {
  if (options.out_dir.empty()) return Status::InvalidArgument("no output directory (--out)");
  if (options.threads < 0) return Status::InvalidArgument("--threads must be 0 or more");
  if (options.id_field.empty() || options.text_field.empty() || options.date_field.empty()) {
    return Status::InvalidArgument("field names must not be empty");
  }
  if (options.max_record_bytes == 0) {
    return Status::InvalidArgument("the record size limit must be positive");
  }
  if (options.shingle_size < 1 || options.shingle_size > 32) {
    return Status::InvalidArgument("--shingle-size must be between 1 and 32");
  }
  if (options.num_perm < 8 || options.num_perm > 1024) {
    return Status::InvalidArgument("--num-perm must be between 8 and 1024");
  }
  if (!(options.threshold > 0 && options.threshold <= 1) ||
      !(options.containment > 0 && options.containment <= 1)) {
    return Status::InvalidArgument("--threshold and --containment must be in (0, 1]");
  }
  if ((options.bands == 0) != (options.rows == 0)) {
    return Status::InvalidArgument("give both --bands and --rows, or neither");
  }
  if (options.bands < 0 || options.rows < 0 || options.bands * options.rows > options.num_perm) {
    return Status::InvalidArgument("--bands × --rows must be at most --num-perm");
  }
  return Status::Ok();
}

int ResolveThreads(int requested) {
  if (requested > 0) return requested;
  const unsigned hardware = std::thread::hardware_concurrency();
  return hardware == 0 ? 1 : static_cast<int>(hardware);
}

SketchOptions ResolveSketch(const DedupOptions& options) {
  SketchOptions sketch;
  sketch.shingle_size = options.shingle_size;
  sketch.num_perm = options.num_perm;
  LshPlan plan{options.bands, options.rows};
  if (plan.bands == 0) plan = ChooseLshPlan(options.threshold, options.num_perm);
  sketch.bands = plan.bands;
  sketch.rows = plan.rows;
  return sketch;
}

// A memory budget: `set` bytes if given, else 1/`share_of_ram` of the machine's
// physical memory; unlimited with stage files, whose sign file needs every sketch.
uint64_t MemoryBudget(const DedupOptions& options, uint64_t set, uint64_t share_of_ram) {
  if (!options.stages_dir.empty()) return UINT64_MAX;
  if (set > 0) return set;
  const long pages = ::sysconf(_SC_PHYS_PAGES), page_size = ::sysconf(_SC_PAGESIZE);
  const uint64_t ram = pages > 0 && page_size > 0
                           ? static_cast<uint64_t>(pages) * static_cast<uint64_t>(page_size)
                           : uint64_t{16} << 30;
  return ram / share_of_ram;
}

// Bytes of containment samples the reading pass may hold (DedupOptions::sample_memory).
uint64_t SampleBudget(const DedupOptions& options) {
  return MemoryBudget(options, options.sample_memory, 8);
}

// Bytes of signatures and band keys it may hold (DedupOptions::sketch_memory).
uint64_t SketchBudget(const DedupOptions& options) {
  return MemoryBudget(options, options.sketch_memory, 4);
}

std::string DescribeRejection(const Rejection& r, const std::vector<InputSource>& sources) {
  std::string where = sources[r.source].name;
  if (r.line > 0) where += ":" + std::to_string(r.line);
  return where + ": " + RejectReasonName(r.reason) + ": " + r.message;
}

DedupStats CountOutcomes(const DocumentTable& table, const Clustering& clustering) {
  DedupStats stats;
  stats.read = table.docs.size();
  for (uint64_t i = 0; i < table.docs.size(); ++i) {
    if (table.docs[i].rejected) {
      ++stats.rejected;
    } else if (clustering.representative_of[i] == i) {
      ++stats.kept;
    } else {
      ++stats.dropped;
      ++stats.dropped_by_relation[RelationName(clustering.relation_of[i])];
    }
  }
  for (const Rejection& r : table.rejections)
    ++stats.rejected_by_reason[RejectReasonName(r.reason)];
  stats.clusters = clustering.clusters.size();
  std::vector<std::pair<uint64_t, uint64_t>> by_size;  // (size, cluster)
  for (size_t c = 0; c < clustering.clusters.size(); ++c) {
    const uint64_t size = clustering.clusters[c].members.size();
    stats.largest_cluster = std::max(stats.largest_cluster, size);
    ++stats.cluster_sizes[size];
    by_size.push_back({size, c});
  }
  std::sort(by_size.begin(), by_size.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : x.second < y.second;
  });
  for (size_t k = 0; k < by_size.size() && k < kLargestClustersReported; ++k) {
    const Cluster& cluster = clustering.clusters[by_size[k].second];
    stats.largest_clusters.push_back(
        {std::string(table.IdOf(cluster.representative)), cluster.members.size()});
  }
  stats.repaired_utf8 = table.repaired_utf8;
  stats.generated_ids = table.generated_ids;
  stats.unparsed_dates = table.unparsed_dates;
  stats.text_bytes = table.text_bytes;
  return stats;
}

}  // namespace

Result<DedupStats> RunDedup(const std::vector<std::string>& inputs, const DedupOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (Status s = ValidateOptions(options); !s.ok()) return s;
  if (inputs.empty()) return Status::InvalidArgument("no inputs given");

  std::error_code ec;
  std::filesystem::create_directories(options.out_dir, ec);
  if (ec) return Status::IoError(options.out_dir + ": cannot create directory: " + ec.message());

  StdinSpool spool;
  for (const std::string& input : inputs) {
    if (input != "-") continue;
    if (Status s = spool.Create(options.out_dir); !s.ok()) return s;
    break;
  }
  ExpandOptions expand;
  expand.web_pages = options.clean;
  Result<InputList> expanded = ExpandInputs(inputs, spool.path(), expand);
  if (!expanded.ok()) return expanded.status();
  const InputList& input_list = expanded.value();

  std::vector<std::pair<std::string, double>> phases;
  auto phase_start = std::chrono::steady_clock::now();
  const auto end_phase = [&](const char* name) {
    const auto now = std::chrono::steady_clock::now();
    phases.push_back({name, std::chrono::duration<double>(now - phase_start).count()});
    phase_start = now;
  };

  // Sign: every record parsed, normalized, hashed and (with near) sketched; with
  // rewrite, its sentences filed and its stems counted.
  const int threads = ResolveThreads(options.threads);
  const SketchOptions sketch = ResolveSketch(options);
  const SentenceSketchOptions sentence_sketch;
  DocumentTable table;
  auto spill = std::make_shared<SampleRuns>(options.out_dir + "/.samples-" +
                                            std::to_string(::getpid()));
  auto sketch_spill = std::make_shared<SpilledSketches>(options.out_dir + "/.sketches-" +
                                                        std::to_string(::getpid()));
  SpillTargets spill_targets;
  spill_targets.samples = spill.get();
  spill_targets.sample_budget = SampleBudget(options);
  spill_targets.sketches = sketch_spill.get();
  spill_targets.sketch_budget = SketchBudget(options);
  Result<uint64_t> read = ReadAllRecords(
      input_list.sources, options, options.near ? &sketch : nullptr,
      options.rewrite ? &sentence_sketch : nullptr, threads, start, input_list.total_bytes,
      spill_targets, &table);
  if (!read.ok()) return read.status();
  const uint64_t input_bytes = read.value();
  const uint64_t spilled_samples = spill->spilled_samples();
  const uint64_t sample_runs = spill->runs();
  if (sample_runs > 0) table.spilled_samples = spill;
  const uint64_t spilled_sketches = sketch_spill->records();
  if (spilled_sketches > 0) {
    table.spilled_sketches = sketch_spill;
    table.spilled_signatures = sketch_spill->signatures();
  }
  if (options.strict && !table.rejections.empty()) {
    return Status::StrictStop(DescribeRejection(table.rejections.front(), input_list.sources));
  }
  end_phase("read");
  if (table.docs.size() > UINT32_MAX) {
    return Status::InvalidArgument("more than 2^32 records in one run; split the corpus");
  }
  if (!options.stages_dir.empty()) {
    std::filesystem::create_directories(options.stages_dir, ec);
    if (ec)
      return Status::IoError(options.stages_dir + ": cannot create directory: " + ec.message());
    if (Status s = WriteSignStage(options.stages_dir + "/sign.echoes", table); !s.ok()) return s;
  }

  // Bucket, verify, cluster.
  Clustering clustering = ClusterExact(table);
  end_phase("exact groups");
  NearEdges near;
  if (options.near) {
    Result<NearEdges> found =
        FindNearEdges(table, clustering, input_list.sources, options, sketch, threads);
    if (!found.ok()) return found.status();
    near = std::move(found).value();
    table.spilled_samples.reset();
    spill.reset();  // the runs are read: their files go now, not at the end
    table.spilled_signatures = nullptr;
    table.spilled_sketches.reset();
    sketch_spill.reset();  // so do the sketches: nothing after verification uses them
    end_phase("candidates+verify");
    if (!options.stages_dir.empty()) {
      if (Status s = WriteEdgesStage(options.stages_dir + "/edges.echoes", near.edges); !s.ok()) {
        return s;
      }
    }
    for (const auto& sub : near.phase_seconds) phases.push_back({"  " + sub.first, sub.second});
    clustering = ClusterStars(table, clustering, near.edges);
  }
  end_phase("cluster");
  // Rewrites between the clusters' representatives; their edges join whole clusters.
  RewriteEdges rewrites;
  std::vector<Edge> edges = std::move(near.edges);
  if (options.rewrite) {
    Result<RewriteEdges> found =
        FindRewriteEdges(table, clustering, edges, input_list.sources, options,
                         sentence_sketch, threads);
    if (!found.ok()) return found.status();
    rewrites = std::move(found).value();
    edges.insert(edges.end(), rewrites.edges.begin(), rewrites.edges.end());
    if (!rewrites.edges.empty()) clustering = ClusterStars(table, clustering, edges);
    end_phase("rewrites");
    for (const auto& sub : rewrites.phase_seconds) phases.push_back({"  " + sub.first, sub.second});
  }

  // Filter: the result files, and the kept records read again. They are independent:
  // with a second thread the small files are written while kept.jsonl is.
  if (options.on_progress) {
    DedupProgress p;
    p.phase = "writing";
    p.records = table.docs.size();
    p.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    options.on_progress(p);
  }
  const auto write_results = [&]() -> Status {
    if (Status s = WriteDropped(options.out_dir, table, clustering, edges); !s.ok()) return s;
    if (Status s = WriteClusters(options.out_dir, table, clustering); !s.ok()) return s;
    if (Status s = WriteEdges(options.out_dir, table, clustering, edges, rewrites.evidence,
                              options.all_edges);
        !s.ok()) {
      return s;
    }
    return WriteRejected(options.out_dir, table, input_list.sources);
  };
  Status results_status;
  std::thread results_writer;
  if (threads > 1) {
    results_writer = std::thread([&] { results_status = write_results(); });
  } else {
    results_status = write_results();
  }
  Status kept_status =
      WriteKept(options.out_dir, input_list.sources, options, table, clustering, threads);
  if (results_writer.joinable()) results_writer.join();
  if (!results_status.ok()) return results_status;
  if (!kept_status.ok()) return kept_status;
  end_phase("write");

  DedupStats stats = CountOutcomes(table, clustering);
  stats.candidates = near.candidates;
  stats.verified_edges = edges.size() - rewrites.edges.size();
  stats.rewrite_candidates = rewrites.candidates;
  stats.rewrite_name_candidates = rewrites.name_candidates;
  stats.rewrite_aligned = rewrites.aligned;
  stats.rewrite_sentence_pairs = rewrites.sentence_pairs;
  stats.rewrite_skipped_buckets = rewrites.skipped_buckets;
  stats.rewrite_edges = rewrites.edges.size();
  stats.exact_checks = near.exact_checks;
  stats.spilled_samples = spilled_samples;
  stats.spilled_sketches = spilled_sketches;
  stats.sample_runs = sample_runs;
  if (options.near) {
    stats.bands = sketch.bands;
    stats.rows = sketch.rows;
  }
  stats.sources = input_list.sources.size();
  stats.skipped_files = input_list.skipped_files;
  stats.input_bytes = input_bytes;
  stats.threads = threads;
  stats.phase_seconds = std::move(phases);
  stats.out_dir = options.out_dir;
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (Status s = WriteStats(options.out_dir, stats); !s.ok()) return s;
  return stats;
}

Result<DedupPlan> PlanDedup(const std::vector<std::string>& inputs, const DedupOptions& options) {
  DedupOptions checked = options;
  if (checked.out_dir.empty()) checked.out_dir = ".";
  if (Status s = ValidateOptions(checked); !s.ok()) return s;
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    if (input != "-") files.push_back(input);
  }
  ExpandOptions expand;
  expand.web_pages = options.clean;
  Result<InputList> expanded = ExpandInputs(files.empty() ? inputs : files, "", expand);
  if (!expanded.ok() && !files.empty()) return expanded.status();

  DedupPlan plan;
  const SketchOptions sketch = ResolveSketch(options);
  plan.bands = options.near ? sketch.bands : 0;
  plan.rows = options.near ? sketch.rows : 0;
  for (int k = 0; k < 10 && options.near; ++k) {
    const double s = 0.5 + 0.05 * k;
    plan.s_curve.push_back({s, CandidateProbability(s, LshPlan{sketch.bands, sketch.rows})});
  }
  plan.input_bytes = expanded.ok() ? expanded.value().total_bytes : 0;
  constexpr uint64_t kTypicalRecordBytes = 2000;  // a web page's text, as a planning default
  plan.estimated_records = plan.input_bytes / kTypicalRecordBytes;
  // DocumentInfo + an id of ~24 bytes + exact clustering (8) + star clustering (~40),
  // and with near: 16-bit signature slots, 64-bit band keys, ~1 sample per 16 shingles.
  plan.bytes_per_record = sizeof(DocumentInfo) + 24 + 8 + 40;
  if (options.near) {
    plan.bytes_per_record += 2 * static_cast<uint64_t>(sketch.num_perm) +
                             4 * static_cast<uint64_t>(sketch.bands) + 8 * 350 / 16 +
                             8 * 2;  // band sort scratch, per record, one band at a time
  }
  plan.estimated_memory = plan.estimated_records * plan.bytes_per_record;
  if (options.near) plan.estimated_samples_bytes = plan.estimated_records * 8 * 350 / 16;
  plan.sample_budget = SampleBudget(options);
  if (options.near) {
    plan.estimated_sketch_bytes =
        plan.estimated_records * (2 * static_cast<uint64_t>(sketch.num_perm) +
                                  4 * static_cast<uint64_t>(sketch.bands));
  }
  plan.sketch_budget = SketchBudget(options);
  // What spills is held only up to its budget (and signatures are paged in from the
  // spill file as verification reads them, pages the kernel can drop).
  plan.estimated_memory -= plan.estimated_samples_bytes + plan.estimated_sketch_bytes;
  plan.estimated_memory += std::min(plan.estimated_samples_bytes, plan.sample_budget) +
                           std::min(plan.estimated_sketch_bytes, plan.sketch_budget);
  return plan;
}

}  // namespace echoes
