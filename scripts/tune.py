#!/usr/bin/env python3
"""Coordinate descent over newsseg's configuration on gold sets, under the CI gates.

usage: scripts/tune.py [--rounds N] [--out FILE.toml] [--bin PATH]

Starts from the built-in configuration (`newsseg config`) and scores each candidate with
`newsseg eval --config` on the dev sets (`target/devsets/SET` for each CI gate
`.ci/gates/SET.toml`) and the team's fixtures (`target/gold-corpus`), and holds the seed page
(`target/gold-seed`) to exact, role and order 1. The score of a set is B-cubed F1 + 2 x exact match + role macro-F1
- Pk, plus half of order exact + order tau where the set has reading order to score; a
shortfall under a CI gate (`.ci/gates/SET.toml`) costs twenty times its size. Each round
tries every parameter below one step up and one step down and keeps the first step that
gains more than 0.002; it stops after `--rounds` rounds or a round without a gain, and
writes the best configuration as TOML (default `target/tuned.toml`).

The held-out sets (`sh scripts/heldout.sh`) and the PDF sets (`sh scripts/pdfsets.sh`) are
not scored here: check a tuned configuration on them (`newsseg eval --gold DIR --config
target/tuned.toml`) before taking any of it. See docs/METRICS.md, "Tuning".
"""
import argparse
import concurrent.futures
import copy
import json
import os
import subprocess
import sys
import tempfile
import tomllib

GATES = ".ci/gates"
# (section, key, step): decoder and linker keys, and detector weights.
PARAMETERS = (
    [("decoder", k, s) for k, s in [
        ("new_story_cost", 0.25), ("headless_story_cost", 0.25), ("inner_byline_cost", 0.5),
        ("kicker_prior", 0.2), ("headline_prior", 0.2), ("trailing_headline_prior", 0.25),
        ("subtitle_prior", 0.25), ("author_prior", 0.25), ("byline_prior", 0.25),
        ("subhead_prior", 0.2), ("single_subhead_cost", 0.1), ("caption_prior", 0.25),
        ("credit_prior", 0.25)]]
    + [("linker", k, s) for k, s in [
        ("head_join_threshold", 0.05), ("continuation_threshold", 0.25),
        ("dump_order_bonus", 0.25), ("tail_move_margin", 0.03)]]
    + [("detectors", name, 0.15) for name in [
        "author", "byline", "closing", "cohesion", "continuation", "headline", "opening",
        "photo", "spacing", "subhead", "width"]]
)
GAIN = 0.002
GATE_PENALTY = 20.0


def to_toml(config):
    out = []
    for section in ("decoder", "linker"):
        if config[section]:
            out.append(f"[{section}]")
            out += [f"{k} = {v}" for k, v in config[section].items()]
    for name, weight in config["detectors"].items():
        out += [f"[detectors.{name}]", f"weight = {weight}"]
    return "\n".join(out) + "\n"


def evaluate(binary, gold, config_path):
    run = subprocess.run([binary, "eval", "--gold", gold, "--json", "--config", config_path],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"error: newsseg eval --gold {gold} failed:\n{run.stderr}")
    return json.loads(run.stdout)["systems"]["newsseg"]


def gate_shortfall(metrics, gate_file):
    with open(gate_file, "rb") as f:
        gate = tomllib.load(f)
    short = 0.0
    for key, bound in gate.get("min", {}).items():
        if metrics.get(key) is not None:
            short += max(0.0, bound - metrics[key])
    for key, bound in gate.get("max", {}).items():
        if metrics.get(key) is not None:
            short += max(0.0, metrics[key] - bound)
    return short


def score(binary, config, sets):
    with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as f:
        f.write(to_toml(config))
        path = f.name
    try:
        with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
            results = dict(zip(sets, pool.map(lambda s: evaluate(binary, sets[s], path), sets)))
    finally:
        os.remove(path)
    seed = results.pop("seed")
    if min(seed["exact_match"], seed["role_macro_f1"], seed["order_exact"]) < 1.0:
        return float("-inf")
    total = 0.0
    for name, m in results.items():
        total += m["bcubed_f1"] + 2 * m["exact_match"] + m["role_macro_f1"] - m["pk"]
        if name != "corpus" and m.get("order_exact") is not None:
            total += 0.5 * (m["order_exact"] + m["order_tau"])
        total -= GATE_PENALTY * gate_shortfall(m, f"{GATES}/{name}.toml")
    return total


def builtin_config(binary):
    """The tuned keys of the built-in configuration (`newsseg config`)."""
    run = subprocess.run([binary, "config"], capture_output=True, text=True, check=True)
    builtin = tomllib.loads(run.stdout)
    config = {section: {} for section in ("decoder", "linker", "detectors")}
    for section, key, _ in PARAMETERS:
        value = builtin[section][key]
        config[section][key] = value["weight"] if section == "detectors" else value
    return config


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", default="target/tuned.toml")
    parser.add_argument("--bin", default="target/release/newsseg")
    args = parser.parse_args()
    # The dev sets are those the CI gates hold (the fixtures and the seed page have gates too).
    dev_sets = sorted(name[:-len(".toml")] for name in os.listdir(GATES) if name.endswith(".toml"))
    sets = {name: f"target/devsets/{name}" for name in dev_sets if name not in ("corpus", "seed")}
    sets["corpus"] = "target/gold-corpus"
    sets["seed"] = "target/gold-seed"
    for gold in sets.values():
        if not os.path.isdir(gold):
            sys.exit(f"error: {gold} is missing (see README: the dev sets, and .ci/run for the fixtures and seed)")
    current = builtin_config(args.bin)
    best = score(args.bin, current, sets)
    print(f"start {best:.4f}", flush=True)
    for round_ in range(args.rounds):
        gained = False
        for section, key, step in PARAMETERS:
            for delta in (step, -step):
                candidate = copy.deepcopy(current)
                candidate[section][key] = round(current[section][key] + delta, 4)
                s = score(args.bin, candidate, sets)
                if s > best + GAIN:
                    print(f"round {round_}: {section}.{key} {current[section][key]} -> "
                          f"{candidate[section][key]}: {best:.4f} -> {s:.4f}", flush=True)
                    best, current, gained = s, candidate, True
                    break
        if not gained:
            break
    with open(args.out, "w") as f:
        f.write(to_toml(current))
    print(f"best {best:.4f}, written to {args.out}")


if __name__ == "__main__":
    main()
