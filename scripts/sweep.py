#!/usr/bin/env python3
"""Measures newsseg on every evaluation set at once and compares two such measurements.

usage: scripts/sweep.py run NAME [--bin PATH] [--config FILE] [--env KEY=VALUE ...] [--jobs N]
       scripts/sweep.py diff BASE NAME
       scripts/sweep.py table NAME [BASE]

`run` scores one binary and configuration (`newsseg eval --gold DIR --json`) on each set
below that exists, two at a time by default, and keeps newsseg's metrics as
`target/sweeps/NAME/SET.json`. `--env` sets an environment variable for the runs (an
experiment switched on by one, for instance). Sets, in this order, each under the name the
closing notes and docs/METRICS.md use:

  the dev sets            target/devsets/SET     (newsseg gen --devsets target/devsets)
  fixtures, seed          target/gold-corpus, target/gold-seed (as .ci/run copies them)
  h-SET, the held-out sets target/heldout/SET    (sh scripts/heldout.sh)
  pdf, pdfh, wide, raw, rawh  target/pdfpages/{clean,heldout-clean,wide,raw,raw-heldout}
                          (sh scripts/pdfsets.sh)

A missing set is skipped with a note. `diff BASE NAME` prints, for each metric, how many
sets moved up and down from BASE to NAME (Pk and WindowDiff count as up when they fall) and
which, with the sum of the moves; `table` prints the main metrics of a run, with the move
from BASE in thousandths. See docs/METRICS.md, "Measuring a change".
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys

DEV_SETS = ["clean", "scrambled", "wrapped", "columns", "interleaved", "crossed", "justified"]
PDF_SETS = [("pdf", "clean"), ("pdfh", "heldout-clean"), ("wide", "wide"), ("raw", "raw"),
            ("rawh", "raw-heldout")]
SWEEPS = "target/sweeps"
# Metrics where lower is better.
LOWER_IS_BETTER = {"pk", "windowdiff"}
DIFF_METRICS = ["pk", "windowdiff", "boundary_f1", "bcubed_f1", "exact_match", "role_macro_f1",
                "order_exact", "order_tau", "dup_p", "dup_r"]
TABLE_METRICS = ["pk", "bcubed_f1", "exact_match", "role_macro_f1", "order_exact", "order_tau"]


def sets():
    """(name, directory) of every evaluation set, in report order."""
    out = [(s, f"target/devsets/{s}") for s in DEV_SETS]
    out += [("fixtures", "target/gold-corpus"), ("seed", "target/gold-seed")]
    out += [(f"h-{s}", f"target/heldout/{s}") for s in DEV_SETS]
    out += [(name, f"target/pdfpages/{d}") for name, d in PDF_SETS]
    return out


def score(binary, config, env, name, directory):
    command = [binary, "eval", "--gold", directory, "--json", "--worst", "0"]
    if config:
        command += ["--config", config]
    run = subprocess.run(command, capture_output=True, text=True, env=env)
    if run.returncode != 0:
        sys.exit(f"error: {' '.join(command)} failed:\n{run.stderr}")
    return name, json.loads(run.stdout)["systems"]["newsseg"]


def run(args):
    env = dict(os.environ)
    for pair in args.env:
        key, sep, value = pair.partition("=")
        if not sep:
            sys.exit(f"error: --env {pair}: expected KEY=VALUE")
        env[key] = value
    out = os.path.join(SWEEPS, args.name)
    os.makedirs(out, exist_ok=True)
    present = []
    for name, directory in sets():
        if os.path.isdir(directory):
            present.append((name, directory))
        else:
            print(f"note: {name}: {directory} is missing, skipped", file=sys.stderr)
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        jobs = [pool.submit(score, args.bin, args.config, env, n, d) for n, d in present]
        for job in jobs:
            name, metrics = job.result()
            with open(os.path.join(out, f"{name}.json"), "w") as f:
                json.dump(metrics, f)
    print(f"{len(present)} sets scored into {out}")


def load(name):
    directory = os.path.join(SWEEPS, name)
    if not os.path.isdir(directory):
        sys.exit(f"error: no sweep {name} under {SWEEPS} (run `scripts/sweep.py run {name}`)")
    runs = {}
    for set_name, _ in sets():
        path = os.path.join(directory, f"{set_name}.json")
        if os.path.exists(path):
            with open(path) as f:
                runs[set_name] = json.load(f)
    return runs


def gain(metric, before, after):
    """The move from `before` to `after`, positive when it is better."""
    return before - after if metric in LOWER_IS_BETTER else after - before


def diff(args):
    base, new = load(args.base), load(args.name)
    for metric in DIFF_METRICS:
        up, down, total = [], [], 0.0
        for set_name in base:
            before, after = base[set_name].get(metric), new.get(set_name, {}).get(metric)
            if before is None or after is None:
                continue
            move = gain(metric, before, after)
            total += move
            if move > 1e-9:
                up.append(f"{set_name} {after - before:+.3f}")
            elif move < -1e-9:
                down.append(f"{set_name} {after - before:+.3f}")
        print(f"{metric:14} sum {total:+.4f}  up {len(up)}  down {len(down)}")
        for label, moved in (("up", up), ("down", down)):
            if moved:
                print(f"    {label:4} {', '.join(moved)}")


def table(args):
    new = load(args.name)
    base = load(args.base) if args.base else {}
    print(f"{'set':14}" + "".join(f"{m[:12]:>14}" for m in TABLE_METRICS))
    for set_name, metrics in new.items():
        cells = []
        for metric in TABLE_METRICS:
            value = metrics.get(metric)
            before = base.get(set_name, {}).get(metric)
            if value is None:
                cells.append(f"{'-':>14}")
            elif before is not None and abs(value - before) > 1e-9:
                cells.append(f"{value:.3f} ({round((value - before) * 1000):+d})".rjust(14))
            else:
                cells.append(f"{value:14.3f}")
        print(f"{set_name:14}" + "".join(cells))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("run", help="score every set")
    p.add_argument("name")
    p.add_argument("--bin", default="target/release/newsseg")
    p.add_argument("--config")
    p.add_argument("--env", action="append", default=[], metavar="KEY=VALUE")
    p.add_argument("--jobs", type=int, default=2)
    p.set_defaults(func=run)
    p = commands.add_parser("diff", help="sets up and down, per metric")
    p.add_argument("base")
    p.add_argument("name")
    p.set_defaults(func=diff)
    p = commands.add_parser("table", help="main metrics per set")
    p.add_argument("name")
    p.add_argument("base", nargs="?")
    p.set_defaults(func=table)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
