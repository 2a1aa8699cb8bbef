#!/usr/bin/env python3
"""Compile cost of a mocked trait: mockgen vs mockall vs a hand-written stub.

Writes a throwaway Cargo workspace (its own root, outside this one) with one
crate per backend and trait size, then measures in one run:

* the crate's own rebuild time, dependencies already built: touch the lib,
  `cargo build`, several runs (median, min-max; wall time, and the CPU
  time of cargo and rustc, which the machine's load moves much less), both
  from scratch (`CARGO_INCREMENTAL=0`: all of the crate's code is compiled
  again) and incrementally (cargo's default: what is unchanged is reused);
* the expanded code per method: `cargo rustc --profile=check --
  -Zunpretty=expanded` (non-blank lines, bytes), less the same trait alone,
  divided by the number of methods.

Usage (from the repository root):

    CARGO_TARGET_DIR=/tmp/target-bench python3 benches/compile-cost/compile_cost.py

Options: --sizes 20,200,1000  --runs 3  --out target/tmp/compile-cost
         --mockgen PATH (the mockgen crate to measure; default: this repository's)
         --distinct (every method's signature different from every other's:
                     the return types get an array `[u8; k]` of their own)
         --traits K (each crate holds K traits of N methods each, as a
                     crate of many small traits does; N is then per trait)
         --profile dev|release (the profile of the rebuilds; default dev)
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BACKENDS = ("mockgen", "mockall", "hand")
MOCKALL = "0.15"
MODES = {"full": {"CARGO_INCREMENTAL": "0"}, "incremental": {"CARGO_INCREMENTAL": "1"}}

# Method shapes, cycled: (name, receiver, [(arg, type, owned type)], return).
SHAPES = [
    ("get", "&self", [("key", "&str", "String")], "Option<Vec<u8>>"),
    ("put", "&mut self", [("key", "&str", "String"), ("value", "&[u8]", "Vec<u8>")],
     "Result<(), String>"),
    ("count", "&self", [], "u64"),
    ("name", "&self", [("id", "u64", "u64")], "String"),
    ("list", "&self", [("prefix", "&str", "String"), ("limit", "u64", "u64")], "Vec<String>"),
    ("notify", "&self",
     [("topic", "String", "String"), ("payload", "&[u8]", "Vec<u8>"), ("retries", "u64", "u64")],
     None),
    ("clear", "&mut self", [], None),
    ("lookup", "&self",
     [("a", "u64", "u64"), ("b", "u64", "u64"), ("tag", "&str", "String"),
      ("data", "&[u8]", "Vec<u8>")],
     "Result<u64, String>"),
    ("rename", "&mut self", [("from", "String", "String"), ("to", "String", "String")],
     "Option<String>"),
    ("check", "&self", [("data", "&[u8]", "Vec<u8>")], "bool"),
]


# With `--distinct`, no two methods have the same signature types: the ten
# shapes cycle as before, and the k-th round returns `(R, [u8; k])`.
DISTINCT = False


def methods(n):
    for i in range(n):
        name, receiver, args, ret = SHAPES[i % len(SHAPES)]
        if DISTINCT:
            k = i // len(SHAPES)
            ret = f"({ret}, [u8; {k}])" if ret else f"[u8; {k}]"
        yield f"{name}_{i}", receiver, args, ret


def signature(name, receiver, args, ret):
    params = "".join(f", {a}: {t}" for a, t, _ in args)
    arrow = f" -> {ret}" if ret else ""
    return f"fn {name}({receiver}{params}){arrow}"


# With `--traits K`, each crate holds K traits (`Service0`, ...) of the
# same N methods.
TRAITS = 1


def trait_name(t):
    return "Service" if TRAITS == 1 else f"Service{t}"


def trait_source(n, attribute=""):
    body = "".join(f"    {signature(*m)};\n" for m in methods(n))
    return "".join(f"{attribute}pub trait {trait_name(t)} {{\n{body}}}\n"
                   for t in range(TRAITS))


def hand_source(n):
    return hand_trait(n, 0)[0].replace("{SLOT}", SLOT) + "".join(
        hand_trait(n, t)[1] for t in range(TRAITS))


SLOT = """
use std::sync::Mutex;

/// Recorded arguments and the value every call returns.
pub struct Slot<A, R> {
    pub calls: Mutex<Vec<A>>,
    pub returns: Mutex<Option<R>>,
}

impl<A, R> Default for Slot<A, R> {
    fn default() -> Self {
        Slot { calls: Mutex::new(Vec::new()), returns: Mutex::new(None) }
    }
}

impl<A, R: Clone> Slot<A, R> {
    pub fn call(&self, args: A) -> R {
        self.calls.lock().unwrap().push(args);
        self.returns.lock().unwrap().clone().expect("no return value configured")
    }
}
"""


def hand_trait(n, t):
    """(the traits and the `Slot` helper, the stub of trait `t`)."""
    fields, impls = [], []
    for name, receiver, args, ret in methods(n):
        owned = "".join(f"{o}, " for _, _, o in args)
        record = "".join(
            f"{a}.to_owned(), " if t.startswith("&") else f"{a}, " for a, t, _ in args
        )
        fields.append(f"    pub {name}: Slot<({owned}), {ret or '()'}>,\n")
        impls.append(f"    {signature(name, receiver, args, ret)} {{\n"
                     f"        self.{name}.call(({record}))\n    }}\n")
    trait = trait_name(t)
    stub = (f"\n#[derive(Default)]\npub struct Hand{trait} {{\n" + "".join(fields)
            + f"}}\n\nimpl {trait} for Hand{trait} {{\n" + "".join(impls) + "}\n")
    return trait_source(n) + "{SLOT}", stub


def crate_files(backend, n, mockgen):
    """(Cargo.toml dependencies, src/lib.rs) of one crate."""
    if backend == "mockgen":
        dep = f'mockgen = {{ path = "{mockgen}" }}'
        return dep, "use mockgen::prelude::*;\n\n" + trait_source(n, "#[automock]\n")
    if backend == "mockall":
        dep = f'mockall = "{MOCKALL}"'
        return dep, "use mockall::automock;\n\n" + trait_source(n, "#[automock]\n")
    if backend == "hand":
        return "", hand_source(n)
    return "", trait_source(n)  # the baseline: the trait alone


def write_workspace(root, sizes, mockgen):
    names = []
    for n in sizes:
        for backend in (*BACKENDS, "trait"):
            name = f"{backend}_{n}"
            dep, lib = crate_files(backend, n, mockgen)
            (root / name / "src").mkdir(parents=True, exist_ok=True)
            (root / name / "Cargo.toml").write_text(
                f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\n'
                f"publish = false\n\n[dependencies]\n{dep}\n"
            )
            write_if_changed(root / name / "src" / "lib.rs", lib)
            names.append(name)
    members = ", ".join(f'"{name}"' for name in names)
    (root / "Cargo.toml").write_text(
        f'[workspace]\nresolver = "2"\nmembers = [{members}]\n'
    )


def write_if_changed(path, text):
    if not path.exists() or path.read_text() != text:
        path.write_text(text)


def cargo(root, *args, env=None, capture=False):
    result = subprocess.run(
        ["cargo", *args], cwd=root, env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True,
    )
    if result.returncode != 0:
        sys.exit(f"cargo {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


PROFILE = "dev"


def rebuild_seconds(root, name, mode):
    """(wall seconds, CPU seconds) of one rebuild. The CPU time (user and
    system, of cargo and the rustc it waits for) barely moves with the
    machine's load, where the wall time does."""
    (root / name / "src" / "lib.rs").touch()
    start, cpu = time.perf_counter(), children_cpu()
    cargo(root, "build", "-q", "-p", name, "--profile", PROFILE, env=MODES[mode])
    return time.perf_counter() - start, children_cpu() - cpu


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def expanded_size(root, name):
    """Non-blank lines and bytes of the crate's expanded source."""
    (root / name / "src" / "lib.rs").touch()  # `cargo rustc` skips a fresh crate
    # RUSTC_BOOTSTRAP changes what cargo knows of the target, so that every
    # dependency would be rebuilt: it gets a target directory of its own.
    target = Path(os.environ.get("CARGO_TARGET_DIR", root / "target")) / "unpretty"
    text = cargo(root, "rustc", "-q", "-p", name, "--profile=check", "--",
                 "-Zunpretty=expanded", capture=True,
                 env={"RUSTC_BOOTSTRAP": "1", "CARGO_TARGET_DIR": str(target)})
    return sum(1 for line in text.splitlines() if line.strip()), len(text.encode())


def label(n):
    """The methods of a crate: `200`, or `20 × 10` for 20 traits of 10."""
    return str(n) if TRAITS == 1 else f"{TRAITS} × {n}"


def spread(xs):
    return f"{statistics.median(xs):.2f}", f"{min(xs):.2f}–{max(xs):.2f}"


def ratio_rows(table, n, what):
    """mockgen's median over mockall's and the stub's, and the range of the
    ratios per run. Runs are interleaved: the crates of one run saw the
    same load."""
    mode = "full" if what.startswith("full") else "incremental"
    med = {b: statistics.median(table[(b, n), mode]) for b in BACKENDS}
    per_run = {b: [m / o for m, o in zip(table[("mockgen", n), mode], table[(b, n), mode])]
               for b in ("mockall", "hand")}
    return [f"| mockall, {what} | {label(n)} | {med['mockgen'] / med['mockall']:.1%} "
            f"| {min(per_run['mockall']):.1%}–{max(per_run['mockall']):.1%} |",
            f"| hand-written, {what} | {label(n)} | {med['mockgen'] / med['hand']:.2f}× "
            f"| {min(per_run['hand']):.2f}–{max(per_run['hand']):.2f}× |"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="20,200,1000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=REPO / "target" / "tmp" / "compile-cost")
    parser.add_argument("--mockgen", type=Path, default=REPO / "mockgen")
    parser.add_argument("--distinct", action="store_true")
    parser.add_argument("--traits", type=int, default=1)
    parser.add_argument("--profile", default="dev")
    opts = parser.parse_args()
    global DISTINCT, TRAITS, PROFILE
    DISTINCT, TRAITS, PROFILE = opts.distinct, opts.traits, opts.profile
    sizes = [int(s) for s in opts.sizes.split(",")]
    root = opts.out.resolve()
    root.mkdir(parents=True, exist_ok=True)
    write_workspace(root, sizes, opts.mockgen.resolve())

    crates = [(b, n) for n in sizes for b in BACKENDS]
    print(f"building dependencies in {root} ...", file=sys.stderr)
    for backend, n in crates:
        for mode in MODES:  # dependencies, the incremental cache, and a warm-up
            rebuild_seconds(root, f"{backend}_{n}", mode)

    size = {}
    for n in sizes:
        base_lines, base_bytes = expanded_size(root, f"trait_{n}")
        for backend in BACKENDS:
            lines, nbytes = expanded_size(root, f"{backend}_{n}")
            methods_in_crate = n * TRAITS
            size[backend, n] = ((lines - base_lines) / methods_in_crate,
                                (nbytes - base_bytes) / methods_in_crate)

    times = {(crate, mode): [] for crate in crates for mode in MODES}
    cpu = {(crate, mode): [] for crate in crates for mode in MODES}
    for run in range(opts.runs):  # interleaved, so that drift hits every crate alike
        print(f"rebuild run {run + 1}/{opts.runs} ...", file=sys.stderr)
        for (backend, n), mode in times:
            wall, used = rebuild_seconds(root, f"{backend}_{n}", mode)
            times[(backend, n), mode].append(wall)
            cpu[(backend, n), mode].append(used)

    rows = ["| backend | methods | full rebuild s: median | min–max "
            "| incremental rebuild s: median | min–max "
            "| expanded lines/method | expanded bytes/method |",
            "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for crate in crates:
        cells = [c for mode in MODES for c in spread(times[crate, mode])]
        lines, nbytes = size[crate]
        rows.append(f"| {crate[0]} | {label(crate[1])} | {' | '.join(cells)} "
                    f"| {lines:.1f} | {nbytes:.0f} |")
    rows += ["", "| backend | methods | full rebuild CPU s: median | min–max "
             "| incremental rebuild CPU s: median | min–max |",
             "|---|---:|---:|---:|---:|---:|"]
    for crate in crates:
        cells = [c for mode in MODES for c in spread(cpu[crate, mode])]
        rows.append(f"| {crate[0]} | {label(crate[1])} | {' | '.join(cells)} |")
    rows += ["", "| ratio, mockgen to (same run) | methods | value | per run: min–max |",
             "|---|---:|---:|---:|"]
    for n in sizes:
        for unit, i in (("lines", 0), ("bytes", 1)):
            ratio = size["mockgen", n][i] / size["mockall", n][i]
            rows.append(f"| mockall, expanded {unit} per method | {label(n)} | {ratio:.1%} | |")
        for measure, table in (("", times), (" CPU", cpu)):
            for mode in MODES:
                rows += ratio_rows(table, n, f"{mode} rebuild{measure}")
    table = "\n".join(rows) + "\n"
    (root / "results.md").write_text(table)
    print(table)


if __name__ == "__main__":
    main()
