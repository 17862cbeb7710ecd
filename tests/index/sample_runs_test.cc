#include "index/sample_runs.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "index/candidates.h"
#include "test_util.h"

namespace echoes {
namespace {

using testing::TempDir;

// `records` records of up to 12 samples each from a vocabulary of `vocabulary` hashes
// (small ones make groups of every size), repeats within a record included.
std::vector<ShingleSample> RandomSamples(std::mt19937* rng, uint32_t records, uint32_t vocabulary) {
  std::vector<ShingleSample> samples;
  for (uint32_t r = 0; r < records; ++r) {
    const uint32_t count = (*rng)() % 13;
    for (uint32_t k = 0; k < count; ++k) {
      // Spread over all 32 bits, so the top-bit split of the in-memory path is used.
      samples.push_back({static_cast<uint32_t>((*rng)() % vocabulary) * 0x9E3779B1u, r});
    }
  }
  return samples;
}

// Spills `samples` (record order) in pieces of `run_samples` into `runs`, leaving the
// last piece as the in-memory tail.
std::vector<ShingleSample> SpillInPieces(std::vector<ShingleSample> samples, size_t run_samples,
                                         SampleRuns* runs) {
  std::vector<ShingleSample> piece;
  for (const ShingleSample& s : samples) {
    piece.push_back(s);
    if (piece.size() == run_samples) {
      EXPECT_TRUE(runs->Spill(&piece).ok());
    }
  }
  return piece;
}

TEST(SampleRunsTest, MergeGivesHashThenRecordOrderWithRepeats) {
  std::mt19937 rng(5);
  TempDir dir;
  const std::vector<ShingleSample> all = RandomSamples(&rng, 2000, 300);
  SampleRuns runs(dir.File("spill"));
  std::vector<ShingleSample> tail = SpillInPieces(all, 977, &runs);
  ASSERT_GE(runs.runs(), 5u);
  EXPECT_EQ(runs.spilled_samples() + tail.size(), all.size());

  std::vector<ShingleSample> merged;
  ASSERT_TRUE(runs.Merge(tail, [&](const ShingleSample& s) { merged.push_back(s); }).ok());
  std::vector<ShingleSample> expected = all;
  std::stable_sort(expected.begin(), expected.end(),
                   [](const ShingleSample& a, const ShingleSample& b) { return a.hash < b.hash; });
  EXPECT_EQ(merged, expected);
}

TEST(SampleRunsTest, RunsAndTheirDirectoryAreRemovedWithTheObject) {
  TempDir dir;
  const std::string spill = dir.File("spill");
  {
    SampleRuns runs(spill);
    std::vector<ShingleSample> samples = {{3, 0}, {1, 1}};
    ASSERT_TRUE(runs.Spill(&samples).ok());
    EXPECT_TRUE(samples.empty());
    EXPECT_TRUE(std::filesystem::exists(spill + "/samples-0.run"));
  }
  EXPECT_FALSE(std::filesystem::exists(spill));
}

TEST(SampleRunsTest, AnUnwritableDirectoryIsAnIoErrorNamingIt) {
  TempDir dir;
  testing::WriteFile(dir.File("file"), "not a directory");
  SampleRuns runs(dir.File("file") + "/spill");
  std::vector<ShingleSample> samples = {{3, 0}};
  const Status s = runs.Spill(&samples);
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_NE(s.message().find(dir.File("file") + "/spill"), std::string::npos) << s.ToString();
}

TEST(SampleRunsTest, ARunCutShortIsReportedNotGuessed) {
  TempDir dir;
  SampleRuns runs(dir.File("spill"));
  std::vector<ShingleSample> samples = {{3, 0}, {4, 1}, {5, 2}};
  ASSERT_TRUE(runs.Spill(&samples).ok());
  std::filesystem::resize_file(dir.File("spill/samples-0.run"), sizeof(ShingleSample));
  const Status s = runs.Merge({}, [](const ShingleSample&) {});
  EXPECT_EQ(s.code(), StatusCode::kInternal);
  EXPECT_NE(s.message().find("samples-0.run"), std::string::npos) << s.ToString();
}

// The candidates do not depend on whether, or in how many runs, the samples spilled.
TEST(SampleRunsTest, SpilledTablesGiveTheCandidatesOfInMemoryOnes) {
  std::mt19937 rng(23);
  for (uint32_t vocabulary : {1500u, 6000u, 30000u}) {
    TempDir dir;
    DocumentTable in_memory;
    const uint32_t n = 1500;
    in_memory.docs.resize(n);
    in_memory.samples = RandomSamples(&rng, n, vocabulary);
    std::vector<uint8_t> is_unit(n);
    for (uint8_t& u : is_unit) u = rng() % 6 != 0;

    for (size_t run_samples : {size_t{40}, size_t{500}, size_t{4000}}) {
      DocumentTable spilled;
      spilled.docs.resize(n);
      auto runs = std::make_shared<SampleRuns>(dir.File("spill" + std::to_string(run_samples)));
      spilled.samples = SpillInPieces(in_memory.samples, run_samples, runs.get());
      spilled.spilled_samples = runs;
      for (int threads : {1, 2}) {
        EXPECT_EQ(SampleCandidates(spilled, is_unit, 2, threads).value(),
                  SampleCandidates(in_memory, is_unit, 2, threads).value())
            << "vocabulary " << vocabulary << ", runs of " << run_samples << ", threads "
            << threads;
      }
    }
    ASSERT_FALSE(SampleCandidates(in_memory, is_unit).value().empty())
        << "vocabulary " << vocabulary << ": the comparison needs candidates";
  }
}

}  // namespace
}  // namespace echoes
