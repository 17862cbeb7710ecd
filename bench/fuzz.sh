#!/usr/bin/env bash
# Builds the libFuzzer targets (bench/fuzz/) with clang and ASan+UBSan, and runs each
# for SECONDS (default 600) on one core (ECHOES_FUZZ_CPU, default 1), starting from
# seed inputs made here (WCXB pages when ../shared/data is present, a hand-made WARC
# record).
# Usage: bench/fuzz.sh [SECONDS]. Log in bench/logs/fuzz-*.log.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
build=build-fuzz
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DECHOES_FUZZ=ON -DECHOES_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
taskset -c "${ECHOES_FUZZ_CPU:-1}" cmake --build "$build" -j1 --target echoes_fuzz_html echoes_fuzz_warc >/dev/null
work=${ECHOES_FUZZ_DIR:-/tmp/echoes-fuzz}
mkdir -p "$work/html" "$work/warc" bench/logs
pages=${ECHOES_SHARED_DATA:-../shared/data}/wcxb-articles/html
if [ -d "$pages" ] && [ "$(ls "$work/html" | wc -l)" -lt 20 ]; then
  # head closes the pipe early, so zcat's SIGPIPE is expected, not a failure.
  for f in $(ls "$pages" | head -40); do
    { zcat "$pages/$f" || true; } | head -c 60000 >"$work/html/${f%.gz}"
  done
fi
printf '<html><body><article><p>Seed page with <b>bold</b> text.</p></article></body></html>' >"$work/html/seed.html"
body='HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>hello</p>'
printf "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:x>\r\nContent-Length: %d\r\n\r\n$body\r\n\r\n" \
  "$(printf "$body" | wc -c)" >"$work/warc/seed.warc"
log=bench/logs/fuzz-$(date -u +%Y%m%d-%H%M%S).log
{
  echo "# echoes fuzzing: $seconds s per target, commit $(git rev-parse --short HEAD)"
  for target in html warc; do
    echo "## $target"
    taskset -c "${ECHOES_FUZZ_CPU:-1}" "$build/echoes_fuzz_$target" "$work/$target" -max_total_time="$seconds" -max_len=200000 \
      -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 2>&1 | grep -E "^(#|Done|stat::|==|SUMMARY)" | tail -15 ||
      echo "(the fuzzer stopped on a finding: crash-* / timeout-* files are in $(pwd))"
  done
} | tee "$log"
echo "log: $log"
