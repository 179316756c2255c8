#!/usr/bin/env python3
"""Before/after table for bench/speed.sh --baseline.

usage: speed_compare.py WORK_DIR RUNS [--json FILE]

WORK_DIR holds before.<n>.json and after.<n>.json (n = 1..RUNS), each one run
of winnow_speed. Per build it keeps the best run of each dataset (shortest
time, highest peak RSS, lowest start-up median) and prints the two side by side.
"""
import json
import sys


def best(runs):
    """The best figures over winnow_speed JSON reports of one build."""
    merged = {"in_process": {}, "batch": {}, "startup_ms": {}}
    for report in runs:
        for name, r in report.get("in_process", {}).items():
            if name not in merged["in_process"] or r["seconds"] < merged["in_process"][name]["seconds"]:
                merged["in_process"][name] = r
        for name, r in report.get("batch", {}).items():
            kept = merged["batch"].get(name)
            if kept is None or r["seconds"] < kept["seconds"]:
                peak = max(r["peak_rss_mb"], kept["peak_rss_mb"]) if kept else r["peak_rss_mb"]
                merged["batch"][name] = dict(r, peak_rss_mb=peak)
            else:
                kept["peak_rss_mb"] = max(kept["peak_rss_mb"], r["peak_rss_mb"])
        for key in ("version", "tiny_page"):
            value = report.get("startup_ms", {}).get(key)
            if value is not None:
                merged["startup_ms"][key] = min(value, merged["startup_ms"].get(key, value))
    return merged


def load(work, prefix, runs):
    return [json.load(open(f"{work}/{prefix}.{n}.json")) for n in range(1, runs + 1)]


def main():
    args = sys.argv[1:]
    json_out = None
    if "--json" in args:
        i = args.index("--json")
        json_out = args[i + 1]
        del args[i:i + 2]
    work, runs = args[0], int(args[1])
    before, after = best(load(work, "before", runs)), best(load(work, "after", runs))

    print(f"before / after, best of {runs} alternating runs each")
    print(f"{'in-process':18} {'pages':>5} {'MB':>6} {'pages/s before':>15} {'after':>9} "
          f"{'MB/s before':>12} {'after':>8}")
    for name, a in after["in_process"].items():
        b = before["in_process"].get(name, {})
        print(f"{name:18} {a['pages']:5d} {a['bytes'] / 1e6:6.1f} {b.get('pages_per_s', 0):15.1f} "
              f"{a['pages_per_s']:9.1f} {b.get('mb_per_s', 0):12.2f} {a['mb_per_s']:8.2f}")
    print(f"\n{'stage ms/page':18} " + " ".join(f"{s:>17}" for s in
                                                next(iter(after["in_process"].values()))["stage_ms_per_page"]))
    for name, a in after["in_process"].items():
        b = before["in_process"].get(name, {}).get("stage_ms_per_page", {})
        cells = [f"{b.get(s, 0):8.3f}>{v:8.3f}" for s, v in a["stage_ms_per_page"].items()]
        print(f"{name:18} " + " ".join(cells))
    print(f"\n{'batch -j 1':18} {'pages/s before':>15} {'after':>9} {'MB/s before':>12} {'after':>8} "
          f"{'RSS MB before':>14} {'after':>7} {'limit':>7}")
    for name, a in after["batch"].items():
        b = before["batch"].get(name, {})
        print(f"{name:18} {b.get('pages_per_s', 0):15.1f} {a['pages_per_s']:9.1f} "
              f"{b.get('mb_per_s', 0):12.2f} {a['mb_per_s']:8.2f} {b.get('peak_rss_mb', 0):14.1f} "
              f"{a['peak_rss_mb']:7.1f} {a['rss_limit_mb']:7.1f}")
    sb, sa = before["startup_ms"], after["startup_ms"]
    print(f"\nstart-up ms (median): --version {sb.get('version', 0):.2f} -> {sa.get('version', 0):.2f}, "
          f"one-paragraph page {sb.get('tiny_page', 0):.2f} -> {sa.get('tiny_page', 0):.2f}")
    if json_out:
        with open(json_out, "w") as f:
            json.dump({"runs": runs, "before": before, "after": after}, f, indent=2)


if __name__ == "__main__":
    main()
