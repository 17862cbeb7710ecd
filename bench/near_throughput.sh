#!/usr/bin/env bash
# Near-duplicate throughput of `echoes dedup` (read → sketch → candidates → verify →
# cluster → write) on ~1.1 GB of Reuters-composed documents with planted echoes
# (bench/make_near_corpus.py), against the reading floor (bench/floor.cc: read + parse +
# normalize + tokenize, nothing else). 1 and 2 threads, best of three, peak RSS; then the
# same with rewrite detection on (echoes' default), the figure of issue 9.
# Usage: bench/near_throughput.sh [SIZE_MB]  (default 1100). Log in bench/logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
size_mb=${1:-1100}
bench_setup near
corpus=$cache/near-${size_mb}mb.jsonl
[ -f "$corpus" ] || python3 bench/make_near_corpus.py "$cache/reuters.jsonl" "$corpus" --size-mb "$size_mb"
bytes=$(stat -c %s "$corpus")

run() {  # run THREADS MODE_FLAGS... → prints one table row (fastest of three)
  # Rewrite detection is off unless the first flag is "+rewrite" (echoes' default).
  local threads=$1; shift
  local best="" best_wall="" rewrite=--no-rewrite
  if [ "${1:-}" = "+rewrite" ]; then rewrite=""; fi
  for _ in 1 2 3; do
    rm -rf "$out"
    sync  # the last run's output still being written back would slow this run's write
    /usr/bin/time -f "%e %U %S %M" -o "$cache/time.txt" \
      build/echoes dedup "$corpus" --out "$out" --threads "$threads" --quiet $rewrite ${@/+rewrite/}
    read -r wall user sys rss <"$cache/time.txt"
    if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then
      best_wall=$wall
      best=$(awk -v b="$bytes" -v t="$threads" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
        -v m="${*:-near}" 'BEGIN { c = u + s; printf "%-12s %7d %8.2f %8.2f %11.1f %11.1f %9.0f", m, t, w, c, b/1e6/w, b/1e6/c, r/1024 }')
      cp "$out/stats.json" "$cache/stats-best.json"
    fi
  done
  echo "$best"
}

{
  bench_header "echoes near-duplicate throughput" "$corpus"
  cat "$corpus" >/dev/null  # page cache: measure echoes, not the disk
  echo
  echo "floor (read + parse + normalize + tokenize, 1 thread):"
  build/echoes_floor "$corpus"
  echo
  printf "%-12s %7s %8s %8s %11s %11s %9s\n" mode threads wall_s cpu_s "MB/s(wall)" "MB/s/core" peak_MB
  run 1 --exact-only
  run 1
  one=$(grep -o '"seconds": [0-9.]*' "$cache/stats-best.json" | head -1 | cut -d' ' -f2)
  echo "  phases (1 thread): $(grep -o '"phases": {[^}]*}' "$cache/stats-best.json")"
  echo "  $(grep -o '"dropped_by_relation": {[^}]*}' "$cache/stats-best.json"), $(grep -o '"candidates": [0-9]*' "$cache/stats-best.json"), $(grep -o '"exact_checks": [0-9]*' "$cache/stats-best.json")"
  run 2
  two=$(grep -o '"seconds": [0-9.]*' "$cache/stats-best.json" | head -1 | cut -d' ' -f2)
  echo "  phases (2 threads): $(grep -o '"phases": {[^}]*}' "$cache/stats-best.json")"
  awk -v a="$one" -v b="$two" 'BEGIN { printf "speed-up 1 -> 2 threads: %.2fx\n", a / b }'
  echo
  echo "with rewrite detection (echoes' default):"
  run 1 +rewrite
  echo "  phases (1 thread): $(grep -o '"phases": {[^}]*}' "$cache/stats-best.json")"
  echo "  rewrite edges: $(grep -o '"rewrite_edges": [0-9]*' "$cache/stats-best.json")"
  run 2 +rewrite
} | tee "$log"
echo "log: $log"
