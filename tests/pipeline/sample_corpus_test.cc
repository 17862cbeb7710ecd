// The bundled sample corpus (data/sample) against its labels: what the detectors built
// so far must find every pair of their relations and link nothing else.

#include <gtest/gtest.h>
#include <simdjson.h>

#include <map>
#include <set>

#include "echoes/dedup.h"
#include "test_util.h"

namespace echoes {
namespace {

using Pair = testing::IdPair;
using testing::Ordered;

// Relations the engine detects; labelled pairs of other relations (same_event: two
// independent stories about one event) must not be linked.
const std::set<std::string> kDetected = {"exact", "near", "contained", "rewrite"};

class SampleCorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string sample = std::string(ECHOES_SOURCE_DIR) + "/data/sample/";
    simdjson::dom::parser parser;
    simdjson::dom::document_stream labels;
    ASSERT_EQ(parser.load_many(sample + "labels.jsonl").get(labels), simdjson::SUCCESS);
    for (auto label : labels) {
      std::string_view a, b, relation;
      ASSERT_EQ(label["a"].get(a), simdjson::SUCCESS);
      ASSERT_EQ(label["b"].get(b), simdjson::SUCCESS);
      ASSERT_EQ(label["relation"].get(relation), simdjson::SUCCESS);
      labels_[Ordered(std::string(a), std::string(b))] = std::string(relation);
    }
    ASSERT_GT(labels_.size(), 50u);

    DedupOptions options;
    options.out_dir = dir_.File("out");
    Result<DedupStats> result = RunDedup({sample + "news.jsonl"}, options);
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    stats_ = result.value();

    simdjson::dom::parser cluster_parser;
    simdjson::dom::document_stream clusters;
    ASSERT_EQ(cluster_parser.load_many(dir_.File("out/clusters.jsonl")).get(clusters),
              simdjson::SUCCESS);
    for (auto cluster : clusters) {
      simdjson::dom::array members;
      ASSERT_EQ(cluster["members"].get(members), simdjson::SUCCESS);
      std::vector<std::string> ids;
      for (auto m : members) ids.emplace_back(std::string_view(m));
      for (size_t i = 0; i < ids.size(); ++i) {
        for (size_t j = i + 1; j < ids.size(); ++j) linked_.insert(Ordered(ids[i], ids[j]));
      }
      std::string_view rep;
      ASSERT_EQ(cluster["representative"].get(rep), simdjson::SUCCESS);
      representatives_.insert(std::string(rep));
    }
  }

  testing::TempDir dir_;
  std::map<Pair, std::string> labels_;
  std::set<Pair> linked_;
  std::set<std::string> representatives_;
  DedupStats stats_;
};

TEST_F(SampleCorpusTest, EveryLabelledPairOfADetectedRelationIsLinked) {
  int checked = 0, rewrites = 0, rewrites_linked = 0;
  for (const auto& [pair, relation] : labels_) {
    if (!kDetected.count(relation)) continue;
    if (relation == "rewrite") {
      ++rewrites;
      rewrites_linked += linked_.count(pair);
    }
    EXPECT_TRUE(linked_.count(pair)) << relation << ": " << pair.first << " — " << pair.second;
    ++checked;
  }
  EXPECT_GE(checked, 10);
  EXPECT_EQ(rewrites, 21);
  std::printf("labelled rewrite pairs linked: %d of %d\n", rewrites_linked, rewrites);
}

TEST_F(SampleCorpusTest, NothingElseIsLinked) {
  for (const Pair& pair : linked_) {
    auto label = labels_.find(pair);
    ASSERT_NE(label, labels_.end())
        << "unlabelled pair linked: " << pair.first << " — " << pair.second;
    EXPECT_TRUE(kDetected.count(label->second))
        << label->second << " pair linked as a duplicate: " << pair.first << " — " << pair.second;
  }
}

TEST_F(SampleCorpusTest, RepresentativesFollowTheDateThenLengthRule) {
  // A copy dated a day before its original represents the pair; equal dates and
  // equal texts fall back to the first read.
  EXPECT_TRUE(representatives_.count("harbor-bridge-copy-case"));
  EXPECT_TRUE(representatives_.count("museum-theft-orig"));
  EXPECT_EQ(stats_.kept + stats_.dropped + stats_.rejected, stats_.read);
  EXPECT_EQ(stats_.rejected, 0u);
}

// Uncertain pairs are settled on records read back: with pread from a plain file, by a
// streaming pass from a compressed one. Both must give the same verdicts.
TEST_F(SampleCorpusTest, PlainAndGzipInputsGiveTheSameEchoes) {
  ASSERT_GT(stats_.exact_checks, 0u) << "the sample must exercise exact checks";
  const std::string sample = std::string(ECHOES_SOURCE_DIR) + "/data/sample/news.jsonl";
  testing::WriteFile(dir_.File("news.jsonl.gz"), testing::Gzip(testing::ReadFile(sample)));
  DedupOptions options;
  options.out_dir = dir_.File("gz");
  Result<DedupStats> result = RunDedup({dir_.File("news.jsonl.gz")}, options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result.value().exact_checks, stats_.exact_checks);
  for (const char* name : {"clusters.jsonl", "edges.jsonl", "dropped.jsonl", "kept.jsonl"}) {
    EXPECT_EQ(testing::ReadFile(dir_.File(std::string("gz/") + name)),
              testing::ReadFile(dir_.File(std::string("out/") + name)))
        << name;
  }
}

}  // namespace
}  // namespace echoes
