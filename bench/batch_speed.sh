#!/usr/bin/env bash
# Batch-mode speed: pages/s of `winnow -r` over every ../shared/bench/*/html
# page (all datasets together) with -j 1 and -j 2, and the ratio between
# them (issue #4's target: -j 2 at least 1.8 times -j 1).
#   bench/batch_speed.sh [WINNOW_BIN]        default build/winnow
#   RUNS=5 bench/batch_speed.sh              best of N runs per setting (default 5: this class of machine varies by 20% from run to run)
# Skips cleanly (exit 0) when ../shared/bench is absent.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bench=$repo/../shared/bench
bin=${1:-${WINNOW_BIN:-$repo/build/winnow}}
runs=${RUNS:-5}

if [[ ! -d $bench ]]; then
  echo "bench: ../shared/bench not found, skipping"
  exit 0
fi
if [[ ! -x $bin ]]; then
  echo "bench: $bin is not built (cmake --build build)" >&2
  exit 2
fi

# Outputs go to memory (/dev/shm) when there is one: the figure is winnow's
# pages/s, and a disk's journal serialises the writes of the two workers
# (seen here: -j 2 / -j 1 fell from 1.84x to 1.72x with outputs on ext4).
work=$(mktemp -d /dev/shm/winnow-batch-speed.XXXXXX 2>/dev/null || mktemp -d /tmp/winnow-batch-speed.XXXXXX)
trap 'rm -rf "$work"' EXIT
pages=$(find -L "$bench" -path '*/html/*.html' -type f | wc -l)
bytes=$(find -L "$bench" -path '*/html/*.html' -type f -printf '%s\n' | awk '{s += $1} END {print s}')

calc() { awk "BEGIN { print $1 }"; }

# Best wall time (seconds) of $runs runs of one setting.
best_seconds() {
  local jobs=$1 best="" start end seconds
  for ((run = 0; run < runs; run++)); do
    rm -rf "$work/out"
    start=$(date +%s.%N)
    "$bin" -r "$bench" -o "$work/out" --include '*/html/*.html' -t html -j "$jobs" -q ||
      { echo "bench: winnow -j $jobs failed" >&2; exit 1; }
    end=$(date +%s.%N)
    seconds=$(calc "$end - $start")
    if [[ -z $best ]] || (($(calc "$seconds < $best"))); then best=$seconds; fi
  done
  echo "$best"
}

echo "bench: $pages pages, $(calc "int($bytes / 1000000)") MB of HTML, best of $runs runs, $(nproc) cores"
declare -A rate
for jobs in 1 2; do
  seconds=$(best_seconds "$jobs")
  rate[$jobs]=$(calc "$pages / $seconds")
  printf 'bench: -j %d  %7.1f pages/s  %6.2f MB/s  (%.2f s)\n' "$jobs" "${rate[$jobs]}" \
    "$(calc "$bytes / 1000000 / $seconds")" "$seconds"
done
printf 'bench: -j 2 / -j 1 = %.2fx (target >= 1.80x)\n' "$(calc "${rate[2]} / ${rate[1]}")"
