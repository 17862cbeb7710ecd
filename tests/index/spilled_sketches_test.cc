#include "index/spilled_sketches.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "index/candidates.h"
#include "test_util.h"

namespace echoes {
namespace {

using testing::TempDir;

// `records` records with random signatures and band keys drawn from a small range,
// so that many pairs collide in one or several bands.
DocumentTable RandomSketches(std::mt19937* rng, size_t records, size_t slots, size_t bands) {
  DocumentTable t;
  t.docs.resize(records);
  t.signature_size = slots;
  t.band_count = bands;
  for (size_t i = 0; i < records * slots; ++i) t.signatures.push_back(static_cast<uint16_t>((*rng)()));
  for (size_t i = 0; i < records * bands; ++i) t.band_keys.push_back((*rng)() % 300);
  return t;
}

// Moves records [begin, end) of `from`'s sketches into a table the reading pass would
// hold between two spills.
DocumentTable Slice(const DocumentTable& from, size_t begin, size_t end) {
  DocumentTable t;
  t.signature_size = from.signature_size;
  t.band_count = from.band_count;
  t.signatures.assign(from.signatures.begin() + begin * from.signature_size,
                      from.signatures.begin() + end * from.signature_size);
  t.band_keys.assign(from.band_keys.begin() + begin * from.band_count,
                     from.band_keys.begin() + end * from.band_count);
  return t;
}

TEST(SpilledSketchesTest, SpillsInSeveralPartsReadBackAsOneTable) {
  TempDir dir;
  std::mt19937 rng(5);
  const DocumentTable whole = RandomSketches(&rng, 1000, 8, 4);
  const std::string spill_dir = dir.File("spill");
  {
    SpilledSketches spill(spill_dir);
    for (auto [begin, end] : {std::pair{0, 10}, {10, 10}, {10, 600}, {600, 1000}}) {
      DocumentTable part = Slice(whole, begin, end);
      ASSERT_TRUE(spill.Spill(&part).ok());
      EXPECT_TRUE(part.signatures.empty() && part.band_keys.empty()) << "the memory is freed";
    }
    ASSERT_TRUE(spill.FinishWriting().ok());
    EXPECT_EQ(spill.records(), 1000u);
    EXPECT_EQ(spill.bytes(), 1000u * (8 * 2 + 4 * 4));
    EXPECT_TRUE(std::equal(whole.signatures.begin(), whole.signatures.end(), spill.signatures()));
    for (size_t band = 0; band < 4; ++band) {
      std::vector<uint32_t> keys;
      ASSERT_TRUE(spill.ReadBand(band, &keys).ok());
      ASSERT_EQ(keys.size(), 1000u);
      for (size_t r = 0; r < 1000; ++r) ASSERT_EQ(keys[r], whole.band_keys[r * 4 + band]) << r;
    }
    std::vector<uint32_t> keys;
    EXPECT_FALSE(spill.ReadBand(4, &keys).ok()) << "there are only 4 bands";
  }
  EXPECT_FALSE(std::filesystem::exists(spill_dir)) << "the destructor removes the files";
}

TEST(SpilledSketchesTest, BandCandidatesAreTheSameFromDisk) {
  TempDir dir;
  std::mt19937 rng(9);
  DocumentTable in_memory = RandomSketches(&rng, 2000, 4, 6);
  std::vector<uint32_t> units;
  for (uint32_t r = 0; r < 2000; r += 1 + r % 3) units.push_back(r);  // not every record
  const std::vector<CandidatePair> expected = BandCandidates(in_memory, units).value();
  ASSERT_GT(expected.size(), 1000u);

  DocumentTable spilled = RandomSketches(&rng, 0, 4, 6);
  spilled.docs.resize(2000);
  auto spill = std::make_shared<SpilledSketches>(dir.File("spill"));
  for (size_t begin = 0; begin < 2000; begin += 700) {
    DocumentTable part = Slice(in_memory, begin, std::min<size_t>(begin + 700, 2000));
    ASSERT_TRUE(spill->Spill(&part).ok());
  }
  ASSERT_TRUE(spill->FinishWriting().ok());
  spilled.spilled_sketches = spill;
  spilled.spilled_signatures = spill->signatures();
  for (int threads : {1, 2, 3}) {
    EXPECT_EQ(BandCandidates(spilled, units, threads).value(), expected) << threads << " threads";
  }
  EXPECT_TRUE(std::equal(in_memory.signatures.begin(), in_memory.signatures.end(),
                         spilled.SignatureOf(0)));
}

}  // namespace
}  // namespace echoes
