// Stage files: a header, then length-prefixed arrays of trivially copyable structs.

#include "pipeline/stage_files.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <type_traits>

#include "io/atomic_file.h"

namespace echoes {
namespace {

constexpr char kMagic[8] = {'E', 'C', 'H', 'O', 'E', 'S', '0', '1'};
// 2: one-permutation signatures over rotate-xor shingle hashes.
constexpr uint32_t kVersion = 4;

class Writer {
 public:
  explicit Writer(AtomicFile* file) : file_(file) {}
  void Bytes(const void* data, size_t size) {
    if (status_.ok())
      status_ = file_->Append(std::string_view(static_cast<const char*>(data), size));
  }
  void U64(uint64_t v) { Bytes(&v, sizeof v); }
  template <typename T>
  void Array(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    U64(v.size());
    Bytes(v.data(), v.size() * sizeof(T));
  }
  void String(const std::string& s) {
    U64(s.size());
    Bytes(s.data(), s.size());
  }
  const Status& status() const { return status_; }

 private:
  AtomicFile* file_;
  Status status_;
};

class Reader {
 public:
  Reader(std::string data, std::string path) : data_(std::move(data)), path_(std::move(path)) {}
  bool Bytes(void* out, size_t size) {
    if (size > data_.size() - pos_) return Fail("truncated");
    std::memcpy(out, data_.data() + pos_, size);
    pos_ += size;
    return true;
  }
  bool U64(uint64_t* v) { return Bytes(v, sizeof *v); }
  template <typename T>
  bool Array(std::vector<T>* v) {
    uint64_t n;
    if (!U64(&n)) return false;
    if (n > (data_.size() - pos_) / sizeof(T)) return Fail("truncated array");
    v->resize(n);
    return Bytes(v->data(), n * sizeof(T));
  }
  bool String(std::string* s) {
    uint64_t n;
    if (!U64(&n) || n > data_.size() - pos_) return Fail("truncated string");
    s->assign(data_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool Fail(const std::string& why) {
    if (error_.empty()) error_ = why;
    return false;
  }
  bool at_end() const { return pos_ == data_.size(); }
  Status error() const {
    return Status::CorruptInput(path_ + ": not a valid echoes stage file: " + error_);
  }

 private:
  std::string data_;
  std::string path_;
  size_t pos_ = 0;
  std::string error_;
};

Status WriteHeader(Writer* w, const char kind[4]) {
  w->Bytes(kMagic, sizeof kMagic);
  w->Bytes(kind, 4);
  const uint32_t version = kVersion;
  w->Bytes(&version, sizeof version);
  return w->status();
}

bool ReadHeader(Reader* r, const char kind[4]) {
  char magic[8], got_kind[4];
  uint32_t version;
  if (!r->Bytes(magic, 8) || !r->Bytes(got_kind, 4) || !r->Bytes(&version, 4)) return false;
  if (std::memcmp(magic, kMagic, 8) != 0) return r->Fail("bad magic");
  if (std::memcmp(got_kind, kind, 4) != 0) return r->Fail("wrong kind of stage file");
  if (version != kVersion) return r->Fail("format version " + std::to_string(version));
  return true;
}

Result<std::string> Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (!std::filesystem::exists(path)) return Status::NotFound(path + ": no such file");
    return Status::IoError(path + ": cannot open");
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Opens the atomic file named by `path` (directory + name).
Status OpenFor(const std::string& path, AtomicFile* file) {
  const std::filesystem::path p(path);
  const std::string dir = p.has_parent_path() ? p.parent_path().string() : ".";
  return file->Open(dir, p.filename().string());
}

}  // namespace

Status WriteSignStage(const std::string& path, const DocumentTable& t) {
  AtomicFile file;
  if (Status s = OpenFor(path, &file); !s.ok()) return s;
  Writer w(&file);
  if (Status s = WriteHeader(&w, "SIGN"); !s.ok()) return s;
  w.Array(t.docs);
  w.String(t.ids);
  w.U64(t.rejections.size());
  for (const Rejection& r : t.rejections) {
    w.U64(r.record);
    w.U64(r.source);
    w.U64(r.line);
    w.U64(static_cast<uint64_t>(r.reason));
    w.String(r.message);
  }
  for (uint64_t v : {t.repaired_utf8, t.generated_ids, t.unparsed_dates, t.text_bytes,
                     uint64_t{t.signature_size}, uint64_t{t.band_count}}) {
    w.U64(v);
  }
  w.Array(t.signatures);
  w.Array(t.band_keys);
  w.Array(t.samples);
  w.U64(t.sentence_bands);
  w.Array(t.sentence_keys);
  w.Array(t.name_stems);
  w.U64(t.term_weights ? t.term_weights->documents() : 0);
  w.Array(t.term_weights ? t.term_weights->counts() : std::vector<uint32_t>());
  if (!w.status().ok()) return w.status();
  return file.Commit();
}

Result<DocumentTable> ReadSignStage(const std::string& path) {
  Result<std::string> data = Slurp(path);
  if (!data.ok()) return data.status();
  Reader r(std::move(data).value(), path);
  DocumentTable t;
  uint64_t rejections = 0;
  bool ok = ReadHeader(&r, "SIGN") && r.Array(&t.docs) && r.String(&t.ids) && r.U64(&rejections);
  for (uint64_t i = 0; ok && i < rejections; ++i) {
    Rejection rej;
    uint64_t source = 0, reason = 0;
    ok = r.U64(&rej.record) && r.U64(&source) && r.U64(&rej.line) && r.U64(&reason) &&
         r.String(&rej.message);
    rej.source = static_cast<uint32_t>(source);
    rej.reason = static_cast<RejectReason>(reason);
    t.rejections.push_back(std::move(rej));
  }
  uint64_t signature_size = 0, band_count = 0;
  ok = ok && r.U64(&t.repaired_utf8) && r.U64(&t.generated_ids) && r.U64(&t.unparsed_dates) &&
       r.U64(&t.text_bytes) && r.U64(&signature_size) && r.U64(&band_count) &&
       r.Array(&t.signatures) && r.Array(&t.band_keys) && r.Array(&t.samples);
  uint64_t sentence_bands = 0, weighed_documents = 0;
  std::vector<uint32_t> stem_counts;
  ok = ok && r.U64(&sentence_bands) && r.Array(&t.sentence_keys) && r.Array(&t.name_stems) && r.U64(&weighed_documents) &&
       r.Array(&stem_counts);
  if (!ok) return r.error();
  if (!r.at_end()) {
    r.Fail("trailing bytes");
    return r.error();
  }
  t.signature_size = signature_size;
  t.band_count = band_count;
  t.sentence_bands = sentence_bands;
  const size_t n = t.docs.size();
  bool consistent =
      t.signatures.size() == n * signature_size && t.band_keys.size() == n * band_count;
  uint64_t sentences = 0, names = 0;
  for (const DocumentInfo& d : t.docs) {
    sentences += d.sentences;
    names += d.names;
  }
  consistent = consistent && t.sentence_keys.size() == sentences * sentence_bands &&
               t.name_stems.size() == names;
  if (!stem_counts.empty()) {
    t.term_weights = std::make_unique<TermWeights>();
    consistent = consistent && t.term_weights->SetCounts(std::move(stem_counts), weighed_documents);
    t.term_weights->TableWeights();
  }
  for (const DocumentInfo& d : t.docs)
    consistent = consistent && d.id_offset + d.id_size <= t.ids.size();
  for (const ShingleSample& s : t.samples) consistent = consistent && s.record < n;
  for (const Rejection& rej : t.rejections) consistent = consistent && rej.record < n;
  if (!consistent) {
    r.Fail("sizes do not match the record count");
    return r.error();
  }
  return t;
}

Status WriteEdgesStage(const std::string& path, const std::vector<Edge>& edges) {
  AtomicFile file;
  if (Status s = OpenFor(path, &file); !s.ok()) return s;
  Writer w(&file);
  if (Status s = WriteHeader(&w, "EDGE"); !s.ok()) return s;
  w.Array(edges);
  if (!w.status().ok()) return w.status();
  return file.Commit();
}

Result<std::vector<Edge>> ReadEdgesStage(const std::string& path) {
  Result<std::string> data = Slurp(path);
  if (!data.ok()) return data.status();
  Reader r(std::move(data).value(), path);
  std::vector<Edge> edges;
  if (!ReadHeader(&r, "EDGE") || !r.Array(&edges)) return r.error();
  if (!r.at_end()) {
    r.Fail("trailing bytes");
    return r.error();
  }
  return edges;
}

}  // namespace echoes
