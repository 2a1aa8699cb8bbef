#!/usr/bin/env python3
"""Runs the `call` criterion bench several times and prints, for each
benchmark, the median and min-max over runs of criterion's median, and the
ratios to the hand-written stub (each ratio taken within one run).

Usage (from the repository root):

    CARGO_TARGET_DIR=/tmp/target-bench python3 benches/call_runs.py --runs 5 [--profile dev]

`--profile dev` builds the bench in the profile `cargo test` uses (the
ratios to mockall's mocks are then those of a test suite).
"""

import argparse
import json
import os
import statistics
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", default="bench")
    opts = parser.parse_args()
    results = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target")) / "criterion"

    baselines = [f"{opts.profile}-run{k}" for k in range(1, opts.runs + 1)]
    for baseline in baselines:
        subprocess.run(
            ["cargo", "bench", "-q", "-p", "mockgen-benches", "--bench", "call",
             "--profile", opts.profile, "--",
             "--save-baseline", baseline, "--noplot", "--quiet"],
            cwd=REPO, check=True, stdout=subprocess.DEVNULL,
        )

    ns = {}  # (group, function) -> [median ns, one per run]
    for baseline in baselines:
        for path in sorted(results.glob(f"*/*/{baseline}/estimates.json")):
            bench = json.loads((path.parent / "benchmark.json").read_text())
            median = json.loads(path.read_text())["median"]["point_estimate"]
            ns.setdefault((bench["group_id"], bench["function_id"]), []).append(median)

    print("| benchmark | ns per call: median | min–max | × stub (median) | × stub (min–max) |")
    print("|---|---:|---:|---:|---:|")
    for (group, function), times in ns.items():
        stub = ns[group, "stub"]
        ratios = [t / s for t, s in zip(times, stub)]
        print(f"| {group}/{function} | {statistics.median(times):.1f} "
              f"| {min(times):.1f}–{max(times):.1f} | {statistics.median(ratios):.2f} "
              f"| {min(ratios):.2f}–{max(ratios):.2f} |")


if __name__ == "__main__":
    main()
