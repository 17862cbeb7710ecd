#include "cli/progress_line.h"

#include <unistd.h>

#include <cstdio>

namespace echoes::cli {

ProgressLine::ProgressLine(bool enabled) : active_(enabled && ::isatty(STDERR_FILENO) != 0) {}

void ProgressLine::Finish() {
  if (drawn_) std::fputs("\r\033[K", stderr);
  drawn_ = false;
  active_ = false;
}

void ProgressLine::Update(const DedupProgress& p) {
  if (!active_) return;
  const double seconds = p.seconds > 0 ? p.seconds : 1e-9;
  const double mb_per_s = static_cast<double>(p.bytes) / 1e6 / seconds;
  char eta[32] = "";
  if (p.total_bytes > 0 && p.bytes > 0 && p.bytes < p.total_bytes) {
    const double left =
        seconds * static_cast<double>(p.total_bytes - p.bytes) / static_cast<double>(p.bytes);
    std::snprintf(eta, sizeof eta, "  %3.0f%%  ETA %d:%02d",
                  100.0 * static_cast<double>(p.bytes) / static_cast<double>(p.total_bytes),
                  static_cast<int>(left) / 60, static_cast<int>(left) % 60);
  }
  std::fprintf(stderr, "\r\033[K%s  %llu docs  %.1f MB/s%s", p.phase,
               static_cast<unsigned long long>(p.records), mb_per_s, eta);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace echoes::cli
