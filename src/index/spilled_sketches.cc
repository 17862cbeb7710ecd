// SpilledSketches: the band keys are transposed as they are written, so that reading a
// band back is one sequential read instead of a strided walk over every record.

#include "index/spilled_sketches.h"

#include <filesystem>
#include <system_error>
#include <utility>

namespace echoes {

SpilledSketches::SpilledSketches(std::string dir) : dir_(std::move(dir)) {}

SpilledSketches::~SpilledSketches() {
  signature_file_.Remove();
  band_files_.clear();  // removes the files, so that the directory is empty
  std::error_code ec;
  if (created_dir_) std::filesystem::remove(dir_, ec);
}

uint64_t SpilledSketches::bytes() const {
  uint64_t total = signature_file_.size();
  for (const auto& file : band_files_) total += file->size();
  return total;
}

Status SpilledSketches::Spill(DocumentTable* table) {
  if (records_ == 0 && band_files_.empty()) {
    std::error_code ec;
    created_dir_ = std::filesystem::create_directories(dir_, ec);
    if (ec) return Status::IoError(dir_ + ": cannot create directory: " + ec.message());
    signature_size_ = table->signature_size;
    band_count_ = table->band_count;
    if (Status s = signature_file_.Create(dir_ + "/signatures"); !s.ok()) return s;
    for (size_t band = 0; band < band_count_; ++band) {
      band_files_.push_back(std::make_unique<ScratchFile>());
      if (Status s = band_files_.back()->Create(dir_ + "/band-" + std::to_string(band)); !s.ok()) {
        return s;
      }
    }
  }
  if (table->signature_size != signature_size_ || table->band_count != band_count_) {
    return Status::Internal("sketch spill: sketch shape changed between spills");
  }
  const size_t records = signature_size_ > 0 ? table->signatures.size() / signature_size_ : 0;
  if (Status s = signature_file_.Append(table->signatures.data(),
                                        table->signatures.size() * sizeof(uint16_t));
      !s.ok()) {
    return s;
  }
  std::vector<uint32_t> column(records);
  for (size_t band = 0; band < band_count_; ++band) {
    for (size_t r = 0; r < records; ++r) column[r] = table->band_keys[r * band_count_ + band];
    if (Status s = band_files_[band]->Append(column.data(), records * sizeof(uint32_t)); !s.ok()) {
      return s;
    }
  }
  records_ += records;
  std::vector<uint16_t>().swap(table->signatures);
  std::vector<uint32_t>().swap(table->band_keys);
  return Status::Ok();
}

Status SpilledSketches::FinishWriting() {
  Result<const char*> mapped = signature_file_.Map();
  if (!mapped.ok()) return mapped.status();
  signatures_ = reinterpret_cast<const uint16_t*>(mapped.value());
  return Status::Ok();
}

Status SpilledSketches::ReadBand(size_t band, std::vector<uint32_t>* keys) const {
  keys->resize(static_cast<size_t>(records_));
  if (band >= band_files_.size()) return Status::Internal("sketch spill: no such band");
  return band_files_[band]->ReadAt(0, keys->data(), keys->size() * sizeof(uint32_t));
}

}  // namespace echoes
