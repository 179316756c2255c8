#!/usr/bin/env bash
# Regenerates tests/data/output_digests.tsv: the sha256 of winnow's text
# output on every ../shared/bench HTML page and every seed, which
# tests/test_digests.cpp compares against. Run it after a change that alters
# outputs on purpose (heuristics, data files); never to make a speed change
# pass. Review the diff of the .tsv before committing it.
#   bench/update_digests.sh [BUILD_DIR]      default build
# Skips cleanly (exit 0) when ../shared/bench is absent.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build}

if [[ ! -d $repo/../shared/bench ]]; then
  echo "update_digests: ../shared/bench not found, skipping"
  exit 0
fi
cmake --build "$build" --target winnow_tests -j2 >/dev/null
WINNOW_UPDATE_DIGESTS=1 "$build/tests/winnow_tests" --gtest_filter='OutputDigests.*' --gtest_brief=1
git -C "$repo" diff --stat -- tests/data/output_digests.tsv
