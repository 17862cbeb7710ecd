#!/usr/bin/env bash
# Main-content extraction on the WCXB article pages (../shared/data/wcxb-articles):
# echoes, readability-lxml and Readability.js on the same pages, one core each, one
# after the other; then word-level P/R/F1, with/without snippets, title and date
# accuracy, pages/s (bench/wcxb_score.py) on the whole set, the development half (even
# ids, used while tuning echoes), the held-out half (odd ids) and the CI subset.
# Usage: bench/wcxb_compare.sh [--echoes-only]. Log in bench/logs/wcxb-*.log. With
# --echoes-only, peer outputs left in the output directory by an earlier run are scored
# again beside echoes' new one.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${ECHOES_SHARED_DATA:-../shared/data}/wcxb-articles
[ -d "$data" ] || { echo "no $data" >&2; exit 1; }
out=${ECHOES_BENCH_OUT:-/dev/shm/echoes-wcxb}
mkdir -p "$out" bench/logs
scripts/build >/dev/null
log=bench/logs/wcxb-$(date -u +%Y%m%d-%H%M%S).log
outputs=("$out/echoes.jsonl")

# Each extractor: a command that reads the pages directory and writes its JSONL.
run_echoes() { taskset -c 0 build/echoes_clean_pages "$data/html" --out "$out/echoes.jsonl"; }
run_readability_lxml() {
  taskset -c 0 /usr/bin/python3 bench/peers/readability_lxml.py "$data/html" \
    "$out/readability-lxml.jsonl" 2>"$out/readability-lxml.err"
}
run_readability_js() {
  NODE_PATH="$peers/node/node_modules" taskset -c 0 node bench/peers/readability_js.mjs \
    "$data/html" "$out/readability-js.jsonl" 2>"$out/readability-js.err"
}

{
  echo "# WCXB main-content extraction: echoes vs readability-lxml vs Readability.js"
  echo "date:     $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit:   $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (modified)')"
  echo "cpu:      $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') ($(nproc) cores)"
  echo "pages:    $(ls "$data/html" | wc -l) from $data"
  echo
  /usr/bin/time -f "echoes peak RSS %M KB" bash -c "$(declare -f run_echoes); data=$data out=$out run_echoes" 2>&1
  if [ "${1:-}" != "--echoes-only" ]; then
    peers=$(bench/install_peers.sh)
    /usr/bin/time -f "readability-lxml peak RSS %M KB" bash -c \
      "$(declare -f run_readability_lxml); data=$data out=$out run_readability_lxml" 2>&1
    /usr/bin/time -f "Readability.js peak RSS %M KB" bash -c \
      "$(declare -f run_readability_js); data=$data out=$out peers=$peers run_readability_js" 2>&1
    outputs+=("$out/readability-lxml.jsonl" "$out/readability-js.jsonl")
  else
    # The peers' outputs of an earlier full run, if present, are scored again beside.
    for peer in readability-lxml readability-js; do
      [ -f "$out/$peer.jsonl" ] && outputs+=("$out/$peer.jsonl") && echo "($peer: earlier run's output, re-scored)"
    done
  fi
  for split in all dev holdout ci; do
    echo
    python3 bench/wcxb_score.py "${outputs[@]}" --truth "$data/ground-truth" --split "$split"
  done
} | tee "$log"
echo "log: $log"
