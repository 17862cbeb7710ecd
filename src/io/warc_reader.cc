// WarcReader: header lines up to a blank line, then Content-Length bytes of block,
// then the two CRLFs that end a record.

#include "io/warc_reader.h"

#include <algorithm>
#include <cstdlib>

namespace echoes {
namespace {

constexpr size_t kReadBytes = 1 << 20;
constexpr size_t kMaxHeaderLine = 64 << 10;

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool EqualsFolded(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

}  // namespace

bool ParseHttpResponse(std::string_view block, HttpResponse* out) {
  *out = HttpResponse();
  size_t end = block.find("\r\n\r\n");
  size_t skip = 4;
  if (end == std::string_view::npos) {
    end = block.find("\n\n");
    skip = 2;
  }
  if (end == std::string_view::npos || !block.starts_with("HTTP/")) return false;
  const std::string_view head = block.substr(0, end);
  out->body = block.substr(end + skip);
  size_t line_end = head.find('\n');
  const std::string_view status_line = head.substr(0, line_end);
  const size_t space = status_line.find(' ');
  if (space != std::string_view::npos)
    out->status = std::atoi(std::string(status_line.substr(space + 1, 3)).c_str());
  while (line_end != std::string_view::npos) {
    const size_t start = line_end + 1;
    line_end = head.find('\n', start);
    const std::string_view line = head.substr(
        start, line_end == std::string_view::npos ? std::string_view::npos : line_end - start);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos ||
        !EqualsFolded(TrimSpace(line.substr(0, colon)), "content-type"))
      continue;
    const std::string value = Lower(TrimSpace(line.substr(colon + 1)));
    out->html = value.find("html") != std::string::npos;
    const size_t charset = value.find("charset=");
    if (charset != std::string::npos) {
      std::string_view name = std::string_view(value).substr(charset + 8);
      name = name.substr(0, name.find(';'));
      while (!name.empty() && (name.front() == '"' || name.front() == '\'')) name.remove_prefix(1);
      while (!name.empty() && (name.back() == '"' || name.back() == '\'' || name.back() == ' '))
        name.remove_suffix(1);
      out->charset = std::string(name);
    }
  }
  return true;
}

Result<bool> WarcReader::Fill(size_t bytes) {
  while (buffer_.size() - pos_ < bytes && !eof_) {
    if (pos_ > 0 && pos_ >= buffer_.size() / 2) {  // keep the buffer from growing forever
      buffer_.erase(0, pos_);
      pos_ = 0;
    }
    const size_t old = buffer_.size();
    buffer_.resize(old + kReadBytes);
    Result<size_t> n = source_->Read(buffer_.data() + old, kReadBytes);
    if (!n.ok()) {
      buffer_.resize(old);
      eof_ = true;
      return n.status();
    }
    buffer_.resize(old + n.value());
    if (n.value() == 0) eof_ = true;
  }
  return buffer_.size() - pos_ >= bytes;
}

Result<bool> WarcReader::ReadLine(std::string_view* line) {
  for (;;) {
    const size_t newline = buffer_.find('\n', pos_);
    if (newline != std::string::npos) {
      *line = std::string_view(buffer_).substr(pos_, newline - pos_);
      if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
      offset_ += newline + 1 - pos_;
      pos_ = newline + 1;
      return true;
    }
    if (buffer_.size() - pos_ > kMaxHeaderLine) {
      return Status::CorruptInput("a WARC header line longer than 64 KB at byte " +
                                  std::to_string(offset_));
    }
    Result<bool> more = Fill(buffer_.size() - pos_ + 1);
    if (!more.ok()) return more.status();
    if (!more.value()) return false;
  }
}

Result<bool> WarcReader::Next(WarcRecord* record, uint64_t max_block_bytes) {
  *record = WarcRecord();
  std::string_view line;
  // Skip blank lines between records.
  for (;;) {
    Result<bool> got = ReadLine(&line);
    if (!got.ok()) return got.status();
    if (!got.value()) {
      if (buffer_.size() > pos_) {
        return Status::CorruptInput("the file ends inside a WARC header at byte " +
                                    std::to_string(offset_));
      }
      return false;
    }
    if (!line.empty()) break;
  }
  record->offset = offset_ - line.size() - 1;
  if (!line.starts_with("WARC/")) {
    return Status::CorruptInput("not a WARC record at byte " + std::to_string(record->offset) +
                                " (expected \"WARC/1.0\")");
  }
  int64_t length = -1;
  for (;;) {
    Result<bool> got = ReadLine(&line);
    if (!got.ok()) return got.status();
    if (!got.value()) {
      return Status::CorruptInput("the file ends inside the header of the WARC record at byte " +
                                  std::to_string(record->offset));
    }
    if (line.empty()) break;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view name = TrimSpace(line.substr(0, colon));
    const std::string_view value = TrimSpace(line.substr(colon + 1));
    if (EqualsFolded(name, "WARC-Type")) record->type = std::string(value);
    if (EqualsFolded(name, "WARC-Target-URI")) record->target_uri = std::string(value);
    if (EqualsFolded(name, "WARC-Date")) record->date = std::string(value);
    if (EqualsFolded(name, "Content-Type")) record->content_type = std::string(value);
    if (EqualsFolded(name, "WARC-Record-ID")) {
      std::string_view id = value;
      if (id.starts_with('<') && id.ends_with('>')) id = id.substr(1, id.size() - 2);
      record->record_id = std::string(id);
    }
    if (EqualsFolded(name, "Content-Length")) {
      char* end = nullptr;
      const std::string digits(value);
      length = std::strtoll(digits.c_str(), &end, 10);
      if (end == digits.c_str() || *end != '\0' || length < 0) length = -2;
    }
  }
  if (length < 0) {
    return Status::CorruptInput("the WARC record at byte " + std::to_string(record->offset) +
                                " has no valid Content-Length");
  }
  const uint64_t size = static_cast<uint64_t>(length);
  Result<bool> got = Fill(static_cast<size_t>(std::min<uint64_t>(size, max_block_bytes)));
  if (!got.ok()) return got.status();
  if (!got.value()) {
    return Status::CorruptInput(
        "the file ends inside the WARC record at byte " + std::to_string(record->offset) + " (" +
        std::to_string(buffer_.size() - pos_) + " of " + std::to_string(size) + " content bytes)");
  }
  const size_t kept = static_cast<size_t>(std::min<uint64_t>(size, max_block_bytes));
  record->block.assign(buffer_, pos_, kept);
  pos_ += kept;
  offset_ += kept;
  // Skip the rest of an oversized block.
  for (uint64_t left = size - kept; left > 0;) {
    Result<bool> more = Fill(1);
    if (!more.ok()) return more.status();
    if (!more.value()) {
      return Status::CorruptInput("the file ends inside the WARC record at byte " +
                                  std::to_string(record->offset));
    }
    const size_t step = static_cast<size_t>(std::min<uint64_t>(left, buffer_.size() - pos_));
    pos_ += step;
    offset_ += step;
    left -= step;
  }
  return true;
}

}  // namespace echoes
