#!/usr/bin/env python3
"""Runs the `http` criterion bench several times and prints, for each case
and library, the median and min-max over runs of criterion's median, and
the ratio to the fastest of wiremock, httpmock and mockito in that case
(each ratio taken within one run).

Usage (from the repository root):

    CARGO_TARGET_DIR=/tmp/target-bench python3 benches/http_runs.py --runs 3

`start` is each library's pooled start (mockgen-http's `MockServer::pooled`);
`start unpooled` a fresh server (mockgen-http's `MockServer::start`,
wiremock's `builder().start()`), compared with wiremock's, the only anchor
that has one; the last line gives it against the anchors' pooled `start`.
"""

import argparse
import json
import os
import statistics
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LIBRARIES = ["mockgen-http", "wiremock", "httpmock", "mockito"]
ANCHORS = LIBRARIES[1:]
CASES = ["start", "start unpooled", "round trip", "1000 concurrent"]


def shown(ns):
    for unit, scale in (("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def ratios(times, anchor):
    values = [t / a for t, a in zip(times, anchor)]
    return f"{statistics.median(values):.2f} | {min(values):.2f}–{max(values):.2f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    opts = parser.parse_args()
    results = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target")) / "criterion"

    baselines = [f"http-run{k}" for k in range(1, opts.runs + 1)]
    for baseline in baselines:
        subprocess.run(
            ["cargo", "bench", "-q", "-p", "mockgen-benches", "--bench", "http", "--",
             "--save-baseline", baseline, "--noplot", "--quiet"],
            cwd=REPO, check=True, stdout=subprocess.DEVNULL,
        )

    ns = {}  # (library, case) -> [median ns, one per run]
    for baseline in baselines:
        for library in LIBRARIES:
            for case in CASES:
                path = results / library / case / baseline / "estimates.json"
                if path.exists():
                    median = json.loads(path.read_text())["median"]["point_estimate"]
                    ns.setdefault((library, case), []).append(median)

    def fastest_anchor(case):
        return [min(run) for run in zip(*(ns[a, case] for a in ANCHORS if (a, case) in ns))]

    print("| case | library | median | min–max | × fastest anchor (median) | (min–max) |")
    print("|---|---|---:|---:|---:|---:|")
    for case in CASES:
        for library in LIBRARIES:
            times = ns.get((library, case))
            if times:
                print(f"| {case} | {library} | {shown(statistics.median(times))} "
                      f"| {shown(min(times))}–{shown(max(times))} "
                      f"| {ratios(times, fastest_anchor(case))} |")
    print(f"\nmockgen-http start unpooled × the fastest anchor's pooled start: "
          f"{ratios(ns['mockgen-http', 'start unpooled'], fastest_anchor('start'))}")


if __name__ == "__main__":
    main()
