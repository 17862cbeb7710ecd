# Sourced by the bench/*.sh scripts: paths, the build, the Reuters base corpus, and the
# machine header every log starts with.
#   bench_setup NAME   sets cache, out, log; builds; converts Reuters if needed
#   bench_header TITLE CORPUS   prints date, commit, CPU, compiler and corpus
set -euo pipefail

bench_setup() {
  cache=${ECHOES_BENCH_CACHE:-/tmp/echoes-bench}
  # Outputs go to RAM (tmpfs) so that the figures measure echoes, not the disk's writeback.
  out=${ECHOES_BENCH_OUT:-/dev/shm/echoes-bench-out}
  mkdir -p "$cache" bench/logs
  scripts/build >/dev/null
  log=bench/logs/$1-$(date -u +%Y%m%d-%H%M%S).log
  [ -f "$cache/reuters.jsonl" ] || python3 bench/reuters_to_jsonl.py "$cache/reuters.jsonl"
}

bench_header() {
  echo "# $1"
  echo "date:     $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit:   $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (modified)')"
  echo "cpu:      $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') ($(nproc) cores)"
  echo "compiler: $(g++ --version | head -1)"
  echo "corpus:   $2 ($(stat -c %s "$2") bytes, $(wc -l <"$2") records)"
}
