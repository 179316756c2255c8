#!/usr/bin/env bash
# Quality and speed of winnow on the shared benchmark pages (../shared/bench).
#
#   bench/quality.sh [OPTIONS] [WINNOW_BIN]
#
# For each dataset (aeb, readability-tests, wceb-cleaneval) winnow runs
#   html     in HTML mode on every <ds>/html/<id>.html
#   flat     with -t text on the page flattened by render_text.py (all visible text)
#   textwin  (aeb only) with -t text on the flattened page cut to a window around
#            the article by make_textwin.py
#   markdown with -t auto on the page turned into Markdown by turndown
#            (bench/render_markdown.js; needs node and npm: turndown is installed
#            from the npm registry into the cache once; skipped without them)
# and score.py scores each against <ds>/gold (ROUGE-LSum; on aeb also --metric aeb).
# Speed is the wall time of running winnow over the pages, one process per page.
# See bench/README.md.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
all_datasets=(aeb readability-tests wceb-cleaneval)

usage() {
  cat <<'EOF'
usage: bench/quality.sh [OPTIONS] [WINNOW_BIN]

Runs winnow over the shared benchmark pages (../shared/bench) in HTML mode, on the
flattened text and (aeb) on the windowed text, scores each with score.py and prints
mean P/R/F1, pages/s and MB/s per dataset and mode.

  WINNOW_BIN      the binary to measure (default: build/winnow in the repository)
  --only DATASET  one dataset: aeb, readability-tests or wceb-cleaneval (repeatable)
  --jobs N        run N pages at a time with xargs -P (default 1; pages/s is only
                  comparable across runs with the same N)
  --work DIR      predictions, logs and scores (default: build/bench-out)
  --cache DIR     flattened and windowed text, rendered once (default: build/bench-cache)
  -h, --help      this text
EOF
}

bin=$repo/build/winnow
jobs=1
work=$repo/build/bench-out
cache=$repo/build/bench-cache
only=()
while (($#)); do
  case $1 in
    --only) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; only+=("$2"); shift 2 ;;
    --only=*) only+=("${1#*=}"); shift ;;
    --jobs) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; jobs=$2; shift 2 ;;
    --jobs=*) jobs=${1#*=}; shift ;;
    --work) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; work=$2; shift 2 ;;
    --work=*) work=${1#*=}; shift ;;
    --cache) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; cache=$2; shift 2 ;;
    --cache=*) cache=${1#*=}; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "bench: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) bin=$1; shift ;;
  esac
done
[[ $jobs =~ ^[1-9][0-9]*$ ]] || { echo "bench: --jobs needs a positive integer" >&2; exit 2; }

bench=$repo/../shared/bench
if [[ ! -d $bench ]]; then
  echo "bench: ../shared/bench not found, skipping"
  exit 0
fi
bench=$(cd "$bench" && pwd)

datasets=()
if ((${#only[@]})); then
  for d in "${only[@]}"; do
    case " ${all_datasets[*]} " in
      *" $d "*) datasets+=("$d") ;;
      *) echo "bench: unknown dataset '$d' (one of: ${all_datasets[*]})" >&2; exit 2 ;;
    esac
  done
else
  datasets=("${all_datasets[@]}")
fi

[[ $bin == */* ]] || bin=./$bin
if [[ ! -x $bin ]]; then
  echo "bench: winnow binary '$bin' not found or not executable (build it: .ci/setup)" >&2
  exit 1
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
command -v python3 >/dev/null || { echo "bench: python3 is needed" >&2; exit 1; }
mkdir -p "$work" "$cache"
work=$(cd "$work" && pwd)
cache=$(cd "$cache" && pwd)

now() { echo "$EPOCHREALTIME"; }
t_start=$(now)

# Flattened (and windowed) text is rendered once into the cache; a stamp marks a
# complete rendering and goes stale when the renderer script (or the input
# rendering) is newer.
ensure_rendered() {  # out_dir "newer-than files" command [args...]
  local out=$1 deps=$2 dep
  local stamp=$out/.complete
  shift 2
  if [[ -f $stamp ]]; then
    local fresh=1
    for dep in $deps; do [[ $stamp -nt $dep ]] || fresh=0; done
    ((fresh)) && return
  fi
  echo "bench: rendering $out" >&2
  rm -rf -- "$out"
  mkdir -p "$out"
  "$@" >&2
  date > "$stamp"
}

# turndown (HTML to Markdown) from the npm registry, into the cache, once.
# Prints its directory, or nothing when node or npm is missing or the install
# fails (the markdown mode is then skipped).
turndown_dir() {
  local dir=$cache/npm
  command -v node >/dev/null && command -v npm >/dev/null || return 0
  if [[ ! -d $dir/node_modules/turndown ]]; then
    echo "bench: installing turndown into $dir" >&2
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --silent turndown@7 >&2 || return 0
  fi
  echo "$dir"
}

# Runs winnow with the given flags over IN_DIR/*.<ext> into OUT_DIR/<id>.txt, one
# process per page, JOBS at a time. Prints "pages bytes seconds failures".
run_winnow() {  # in_dir ext out_dir log flags...
  local in_dir=$1 ext=$2 out_dir=$3 log=$4
  shift 4
  rm -rf -- "$out_dir"
  mkdir -p "$out_dir"
  : > "$log"
  local pages bytes t0 t1 fails
  pages=$(find "$in_dir" -maxdepth 1 -type f -name "*.$ext" | wc -l)
  bytes=$(find "$in_dir" -maxdepth 1 -type f -name "*.$ext" -printf '%s\n' | awk '{s+=$1} END {print s+0}')
  t0=$(now)
  # One shell per batch of 16 pages, one winnow process per page; a failing page
  # is logged and leaves no prediction (score.py counts it as empty).
  # shellcheck disable=SC2016  # the inner script expands its own arguments
  find "$in_dir" -maxdepth 1 -type f -name "*.$ext" -print0 |
    xargs -0 -r -n 16 -P "$jobs" sh -c '
      bin=$1 out=$2 ext=$3 log=$4; shift 4
      flags=$1; shift
      for f do
        id=${f##*/}; id=${id%."$ext"}
        rc=0
        "$bin" $flags < "$f" > "$out/$id.txt" 2> "$log.$$.err" || rc=$?
        if [ -s "$log.$$.err" ]; then sed "s|^|$id: |" "$log.$$.err" >> "$log.$$"; fi
        if [ "$rc" -ne 0 ]; then
          echo "FAILED $f (exit $rc)" >> "$log.$$"; rm -f "$out/$id.txt"
        fi
      done' sh "$bin" "$out_dir" "$ext" "$log" "$*" || true
  t1=$(now)
  rm -f "$log".*.err
  cat "$log".* >> "$log" 2>/dev/null || true
  rm -f "$log".*
  fails=$(grep -c '^FAILED ' "$log" || true)
  echo "$pages $bytes $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}') $fails"
}

# score.py --json prints {"metric": ..., "summary": {"<ds>": {...}}}; the default
# (wceb) metric has mean_precision/mean_recall/mean_f1, --metric aeb has
# precision/recall/f1 (F1 = harmonic mean of the mean P and mean R).
score() {  # gold_dir pred_dir json_out [--metric aeb]
  local gold=$1 pred=$2 json=$3
  shift 3
  python3 "$bench/score.py" "$gold" "$pred" --json "$@" > "$json"
  python3 - "$json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
s = next(v for k, v in d["summary"].items() if not k.startswith("_"))
if d["metric"] == "aeb":
    p, r, f = s["precision"], s["recall"], s["f1"]
else:
    p, r, f = s["mean_precision"], s["mean_recall"], s["mean_f1"]
fmt = lambda x: "-" if x is None or x != x else f"{x:.3f}"
print(fmt(p), fmt(r), fmt(f), s["n"], s["missing"])
EOF
}

turndown=$(turndown_dir)
[[ -n $turndown ]] || echo "bench: node/npm or turndown unavailable, markdown mode skipped" >&2

rows=()
header=$(printf '%-18s %-8s %-6s %6s %6s %6s %6s %5s %9s %8s %8s' \
  dataset mode metric pages P R F1 fail pages/s MB/s time)

for ds in "${datasets[@]}"; do
  dsdir=$bench/$ds
  [[ -d $dsdir/html && -d $dsdir/gold ]] || { echo "bench: $dsdir has no html/ or gold/, skipped" >&2; continue; }
  ensure_rendered "$cache/flat/$ds" "$bench/render_text.py" \
    python3 "$bench/render_text.py" "$dsdir/html" "$cache/flat/$ds"
  modes=(html flat)
  if [[ $ds == aeb ]]; then
    ensure_rendered "$cache/textwin/$ds" "$bench/make_textwin.py $cache/flat/$ds/.complete" \
      python3 "$bench/make_textwin.py" "$cache/flat/$ds" "$dsdir/gold" "$cache/textwin/$ds"
    modes+=(textwin)
  fi
  if [[ -n $turndown ]]; then
    ensure_rendered "$cache/markdown/$ds" "$repo/bench/render_markdown.js" \
      node "$repo/bench/render_markdown.js" "$turndown" "$dsdir/html" "$cache/markdown/$ds"
    modes+=(markdown)
  fi
  for mode in "${modes[@]}"; do
    case $mode in
      html) in_dir=$dsdir/html ext=html flags=(-t html) ;;
      markdown) in_dir=$cache/markdown/$ds ext=md flags=(-t auto) ;;
      *) in_dir=$cache/$mode/$ds ext=txt flags=(-t text) ;;
    esac
    out_dir=$work/$mode/$ds
    mkdir -p "$work/logs" "$work/scores"
    echo "bench: $ds $mode: winnow ${flags[*]} over $in_dir" >&2
    read -r pages bytes secs fails < <(run_winnow "$in_dir" "$ext" "$out_dir" "$work/logs/$mode-$ds.log" "${flags[@]}")
    read -r pps mbps < <(awk -v n="$pages" -v b="$bytes" -v s="$secs" \
      'BEGIN { if (s <= 0) s = 0.001; printf "%.1f %.2f\n", n / s, b / 1e6 / s }')
    metrics=(rouge)
    [[ $ds == aeb ]] && metrics+=(aeb)
    for metric in "${metrics[@]}"; do
      margs=()
      [[ $metric == aeb ]] && margs=(--metric aeb)
      read -r p r f n _missing < <(score "$dsdir/gold" "$out_dir" \
        "$work/scores/$mode-$ds-$metric.json" "${margs[@]}")
      if [[ $metric == rouge ]]; then
        rows+=("$(printf '%-18s %-8s %-6s %6s %6s %6s %6s %5s %9s %8s %7ss' \
          "$ds" "$mode" "$metric" "$n" "$p" "$r" "$f" "$fails" "$pps" "$mbps" "$secs")")
      else
        rows+=("$(printf '%-18s %-8s %-6s %6s %6s %6s %6s' "" "" "$metric" "$n" "$p" "$r" "$f")")
      fi
    done
  done
done

t_end=$(now)
echo
version=$("$bin" --version </dev/null 2>/dev/null | head -1 || true)
echo "winnow: $bin (${version:-version unknown})"
echo "jobs: $jobs (one process per page); metric rouge = score.py default (ROUGE-LSum, mean of pages),"
echo "aeb = score.py --metric aeb (F1 of mean P and mean R); fail = pages where winnow exited non-zero"
echo "$header"
printf '%s\n' "${rows[@]}"
awk -v a="$t_start" -v b="$t_end" 'BEGIN {printf "total bench time: %.1f s\n", b - a}'
echo "predictions, logs and score JSON: $work"
