#!/usr/bin/env bash
# One large `echoes dedup` run with its memory watched: /usr/bin/time -v (wall, peak
# RSS, swaps), the machine's used memory and swap traffic every 5 s, and stats.json.
# For the 10-million-document run of issue 7:
#   python3 bench/make_near_corpus.py reuters.jsonl near-23000mb.jsonl --size-mb 23000
#   bench/scale_run.sh near-23000mb.jsonl --threads 2 --no-rewrite [--sketch-memory-mb N ...]
# Output goes to $ECHOES_SCALE_OUT (default /tmp/echoes-scale-out, on disk: a run this
# size writes ~20 GB of kept.jsonl). Log in bench/logs/scale-*.log.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$1
shift
out=${ECHOES_SCALE_OUT:-/tmp/echoes-scale-out}
mkdir -p bench/logs
log=bench/logs/scale-$(date -u +%Y%m%d-%H%M%S).log
rm -rf "$out"
{
  echo "# echoes dedup at scale"
  echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (modified)')"
  echo "cpu:     $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') ($(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, swap $(free -g | awk '/Swap:/ {print $2}') GB)"
  echo "corpus:  $corpus ($(stat -c %s "$corpus") bytes)"
  echo "command: build/echoes dedup $corpus --out $out --quiet $*"
  echo
  echo "## memory used on the machine, every 5 s (free -m), and swap traffic since the start"
} >"$log"
swap_in0=$(awk '/pswpin/ {print $2}' /proc/vmstat)
swap_out0=$(awk '/pswpout/ {print $2}' /proc/vmstat)
(
  while true; do
    echo "$(date -u +%H:%M:%S) $(free -m | awk '/Mem:/ {print $3}') MB used" \
      "pswpin $(($(awk '/pswpin/ {print $2}' /proc/vmstat) - swap_in0))" \
      "pswpout $(($(awk '/pswpout/ {print $2}' /proc/vmstat) - swap_out0))" >>"$log.mem"
    sleep 5
  done
) &
watcher=$!
trap 'kill $watcher 2>/dev/null || true' EXIT
/usr/bin/time -v -o "$log.time" build/echoes dedup "$corpus" --out "$out" --quiet "$@"
kill $watcher
{
  cat "$log.mem"
  echo
  echo "## /usr/bin/time -v"
  grep -E "Elapsed|Maximum resident|User time|System time|Swaps|Exit status" "$log.time"
  echo
  echo "## stats.json"
  cat "$out/stats.json"
} >>"$log"
rm -f "$log.mem" "$log.time"
echo "$log"
