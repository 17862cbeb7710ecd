// ProgressLine: the live status line on a terminal's stderr.

#ifndef ECHOES_CLI_PROGRESS_LINE_H_
#define ECHOES_CLI_PROGRESS_LINE_H_

#include "echoes/dedup.h"

namespace echoes::cli {

// Redraws one stderr line with documents, MB/s and ETA. Does nothing unless stderr is
// a terminal and it is enabled, so pipes and log files stay clean.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled);
  ~ProgressLine() { Finish(); }
  ProgressLine(const ProgressLine&) = delete;  // owns the terminal line
  ProgressLine& operator=(const ProgressLine&) = delete;

  void Update(const DedupProgress& progress);
  // Clears the line and stops drawing, before the summary is printed.
  void Finish();

 private:
  bool active_;
  bool drawn_ = false;
};

}  // namespace echoes::cli

#endif  // ECHOES_CLI_PROGRESS_LINE_H_
