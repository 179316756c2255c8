#!/usr/bin/env bash
# Speed of winnow on one core (issue #5): pages/s and MB/s per dataset in HTML
# mode and over the flattened text of all pages, in-process with a breakdown
# by stage and as one `winnow -r DIR -o OUT -j 1` process, its peak RSS, and
# the binary's start-up time. See bench/README.md.
#
#   bench/speed.sh [--runs N] [--json FILE] [--cpu N] [--build DIR] [--baseline DIR]
#
#   --runs N        best of N runs (default 3)
#   --json FILE     also write the figures as JSON
#   --cpu N         the core everything is pinned to with taskset (default 1)
#   --build DIR     the build to measure (default build; winnow and winnow_speed are built)
#   --baseline DIR  another build (with winnow_speed) to compare with: the two run
#                   alternately, one run each at a time, best of N each
#
# Skips cleanly (exit 0) when ../shared/bench is absent.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench=$repo/../shared/bench
runs=3 json="" cpu=1 build=$repo/build baseline=""
while (($#)); do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --json) json=$2; shift 2 ;;
    --cpu) cpu=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --baseline) baseline=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "speed: unknown argument $1" >&2; exit 2 ;;
  esac
done

if [[ ! -d $bench ]]; then
  echo "speed: ../shared/bench not found, skipping"
  exit 0
fi
bench=$(cd "$bench" && pwd)
cmake --build "$build" --target winnow winnow_speed -j2 >/dev/null

# The flattened text (text mode's input), rendered once; re-rendered when
# render_text.py is newer than the stamp.
flat=$repo/build/bench-cache/flat-all
if [[ ! -f $flat/.complete || $bench/render_text.py -nt $flat/.complete ]]; then
  echo "speed: rendering the flattened text into $flat" >&2
  rm -rf -- "$flat"
  mkdir -p "$flat"
  python3 "$bench/render_text.py" --data "$bench" "$flat" >&2
  date > "$flat/.complete"
fi

# Batch outputs on tmpfs when there is one, for this build and the baseline
# alike: the figures are then winnow's, not the output filesystem's.
[[ -d /dev/shm ]] && export TMPDIR=/dev/shm

datasets=(--html "aeb=$bench/aeb/html" --html "readability-tests=$bench/readability-tests/html"
          --html "wceb-cleaneval=$bench/wceb-cleaneval/html" --text "flat-text=$flat")

# One measurement of the build in $1 (best of $2 runs), JSON into $3.
measure() {
  taskset -c "$cpu" "$1/winnow_speed" --runs "$2" --json "$3" --winnow "$1/winnow" "${datasets[@]}"
}

if [[ -z $baseline ]]; then
  out=${json:-$(mktemp /tmp/winnow-speed.XXXXXX.json)}
  measure "$build" "$runs" "$out"
  [[ -n $json ]] || rm -f "$out"
  exit 0
fi

# Before/after in one run: alternate the two builds, one run each at a time.
work=$(mktemp -d /tmp/winnow-speed-cmp.XXXXXX)
trap 'rm -rf "$work"' EXIT
for ((run = 1; run <= runs; run++)); do
  echo "speed: run $run of $runs: baseline" >&2
  measure "$baseline" 1 "$work/before.$run.json" >/dev/null
  echo "speed: run $run of $runs: $build" >&2
  measure "$build" 1 "$work/after.$run.json" >/dev/null
done
python3 "$repo/bench/speed_compare.py" "$work" "$runs" ${json:+--json "$json"}
