#!/usr/bin/env python3
"""Instructions per call of each scenario of `benches/instructions.rs`,
counted by callgrind (deterministic: they do not depend on the machine's
load), in the release profile and in the dev profile that `cargo test`
uses, with the ratios to the hand-written stub and to mockall's equivalent.

Each case runs twice, with CALLS and 2 x CALLS calls; the difference of the
two counts, divided by CALLS, is the cost of one call without the setup.

Profiles: `release`; `dev`; `dev-runtime-opt` (dev, with
`[profile.dev.package.mockgen-runtime] opt-level = 2`: what that override
buys a test suite; code instantiated in the user's crate stays at its
opt-level).

Usage (from the repository root; needs valgrind):

    python3 benches/call_instructions.py [--calls 20000] [--profiles release,dev,dev-runtime-opt]
"""

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# (mockgen case, its mockall equivalent)
PEERS = {
    "mockgen-return_value": "mockall-return_const",
    "mockgen-side_effect": "mockall-returning",
    "mockgen-expect": "mockall-with_returning",
}
STUBS = {"by_u64": "stub-by_u64", "by_str": "stub-by_str"}


def build(profile):
    """Builds the bench in `profile`; returns the executable's path."""
    args = ["cargo", "build", "-q", "-p", "mockgen-benches", "--bench", "instructions",
            "--message-format=json"]
    if profile == "release":
        args.append("--release")
    if profile == "dev-runtime-opt":
        args += ["--config", 'profile.dev.package.mockgen-runtime.opt-level=2']
    out = subprocess.run(args, cwd=REPO, check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg["target"]["name"] == "instructions":
            return msg["executable"]
    sys.exit("no instructions executable")


def count(exe, case, calls):
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", exe, case, str(calls)],
        capture_output=True, text=True, check=True,
    )
    return int(re.search(r"Collected : (\d+)", result.stderr).group(1))


def cases(exe):
    usage = subprocess.run([exe], capture_output=True, text=True).stderr
    return usage.split("cases: ")[1].strip().split(", ")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=20000)
    parser.add_argument("--profiles", default="release,dev,dev-runtime-opt")
    opts = parser.parse_args()
    per_call = {}
    for profile in opts.profiles.split(","):
        exe = build(profile)
        for case in cases(exe):
            one, two = count(exe, case, opts.calls), count(exe, case, 2 * opts.calls)
            per_call[profile, case] = (two - one) / opts.calls
            print(f"{profile} {case}: {per_call[profile, case]:.0f}", file=sys.stderr)

    profiles = opts.profiles.split(",")
    print("| case | " + " | ".join(f"{p}: instructions per call | × stub | × mockall's equivalent"
                                   for p in profiles) + " |")
    print("|---|" + "---:|---:|---:|" * len(profiles))
    for case in sorted({c for _, c in per_call}):
        cells = []
        for p in profiles:
            n = per_call[p, case]
            stub = next((s for k, s in STUBS.items() if case.endswith(k)), "stub")
            peer = PEERS.get(case)
            cells += [f"{n:.0f}", f"{n / per_call[p, stub]:.2f}",
                      f"{n / per_call[p, peer]:.2f}" if peer else ""]
        print(f"| {case} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
