"""Throughput of newsseg on one machine: the CLI, datatrove and Ray Data, 1 and 2 workers.

    target/py-ci-venv/bin/python crates/newsseg-py/bench/scaling.py [--count 2000]

Generates `--count` page dumps with `newsseg gen` (from ../shared/corpus, under
target/scaling/), writes them as 8 JSONL shards, then times, on the same shards:
`newsseg batch --split --threads N`, a datatrove LocalPipelineExecutor (8 tasks, N workers)
with JsonlReader → ArticleSplitter → JsonlWriter, and Ray Data (read_json → split_dataset with
N actors → write_parquet; each Ray run in a fresh process and cluster, cluster start-up not
timed), each `--repeat` times, keeping the fastest (the machine is shared). CPU seconds
(user + system, of the CLI, of datatrove's workers, of every Ray process) are the steadier
figure on a busy machine. Every run must
produce the CLI's number of articles. Prints a Markdown table for
docs/SCALING.md. Needs the release CLI and a venv with the wheel and its test extra.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
WORK = REPO / "target" / "scaling"
INPUT = WORK / "input"
CLI = REPO / "target" / "release" / "newsseg"
SHARDS = 8


def generate(count: int) -> None:
    gen = WORK / f"gen-{count}"
    if not gen.is_dir():
        subprocess.run(
            [str(CLI), "gen", "--articles", str(REPO.parent / "shared/corpus/rmrb-dev.jsonl"),
             "--out", str(gen), "--count", str(count), "--preset", "mixed", "--seed", "7"],
            check=True,
        )
    shutil.rmtree(INPUT, ignore_errors=True)
    INPUT.mkdir(parents=True)
    files = [open(INPUT / f"part-{i}.jsonl", "w", encoding="utf-8") for i in range(SHARDS)]
    for n, path in enumerate(sorted(gen.glob("*.txt"))):
        line = json.dumps({"id": path.stem, "text": path.read_text(encoding="utf-8")}, ensure_ascii=False)
        files[n % SHARDS].write(line + "\n")
    for f in files:
        f.close()


def cpu_seconds() -> float:
    """User + system CPU of this process and its waited-for children."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        r = resource.getrusage(who)
        total += r.ru_utime + r.ru_stime
    return total


def tree_cpu() -> dict:
    """User + system CPU seconds of this process and each live descendant, by pid (from
    /proc): Ray's raylet, GCS and worker processes are not waited for by us, so rusage
    misses them."""
    tick = os.sysconf("SC_CLK_TCK")
    parent, cpu = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        parent[int(entry)] = int(fields[1])
        cpu[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    me, mine = os.getpid(), {}
    for pid in cpu:
        p = pid
        while p in parent and p != me:
            p = parent[p]
        if p == me:
            mine[pid] = cpu[pid]
    return mine


class TreeCpu:
    """CPU seconds of the process tree between `start` and `stop`, sampled every 0.1 s so
    that processes which exit meanwhile (Ray's actors when their operator completes) count
    up to their last sample."""

    def __init__(self) -> None:
        import threading

        self.base = tree_cpu()
        self.last = dict(self.base)
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while not self.done.wait(0.1):
            self.last.update(tree_cpu())

    def stop(self) -> float:
        self.done.set()
        self.thread.join()
        self.last.update(tree_cpu())
        return sum(self.last.values()) - sum(self.base.values())


def run_cli(threads: int, out: Path) -> int:
    subprocess.run(
        [str(CLI), "batch", "--split", "--quiet", "--threads", str(threads), "--output", str(out / "a.jsonl"), str(INPUT)],
        check=True,
    )
    with open(out / "a.jsonl", "rb") as f:
        return sum(1 for _ in f)


def run_datatrove(workers: int, out: Path) -> int:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from newsseg.datatrove import ArticleSplitter

    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(INPUT), glob_pattern="*.jsonl"),
            ArticleSplitter(),
            JsonlWriter(str(out / "docs"), output_filename="${rank}.jsonl", compression=None),
        ],
        tasks=SHARDS,
        workers=workers,
        start_method="fork",  # workers are our children, so their CPU time is counted
        logging_dir=str(out / "logs"),
    ).run()
    return sum(1 for f in (out / "docs").glob("*.jsonl") for _ in open(f, "rb"))


def run_ray(actors: int, out: Path) -> int:
    """In a fresh process: a fixed pool of `actors` segmenting actors on a local cluster of
    `actors` + 1 logical CPUs (the extra one for the read and write tasks)."""
    import pyarrow.parquet as pq
    import ray

    from newsseg.ray import split_dataset

    ray.init(num_cpus=actors + 1, include_dashboard=False, log_to_driver=False)
    start, cpu = time.perf_counter(), TreeCpu()
    ds = ray.data.read_json(str(INPUT), file_extensions=["jsonl"])
    split_dataset(ds, concurrency=actors, batch_size=64).write_parquet(str(out / "parquet"))
    wall, cpu = time.perf_counter() - start, cpu.stop()
    ray.shutdown()
    rows = pq.read_table(str(out / "parquet")).num_rows
    print(json.dumps({"wall": wall, "cpu": cpu, "rows": rows}))
    return rows


def timed(name: str, workers: int, fn) -> dict:
    out = WORK / "out" / f"{name}-{workers}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    if name == "ray":  # a fresh interpreter and cluster per run; cluster start-up not timed
        proc = subprocess.run(
            [sys.executable, __file__, "--ray-child", str(workers), str(out)],
            check=True, capture_output=True, text=True,
        )
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        return {"wall": result["wall"], "cpu": result["cpu"], "articles": result["rows"]}
    start, cpu = time.perf_counter(), cpu_seconds()
    articles = fn(workers, out)
    return {"wall": time.perf_counter() - start, "cpu": cpu_seconds() - cpu, "articles": articles}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per setting; the fastest counts")
    parser.add_argument("--engines", default="cli,datatrove,ray", help="comma-separated subset")
    parser.add_argument("--ray-child", nargs=2)
    args = parser.parse_args()
    if args.ray_child:
        run_ray(int(args.ray_child[0]), Path(args.ray_child[1]))
        return
    generate(args.count)
    docs = sum(1 for f in INPUT.glob("*.jsonl") for _ in open(f, "rb"))
    size = sum(f.stat().st_size for f in INPUT.glob("*.jsonl"))
    print(f"input: {docs} dumps, {size / 1e6:.1f} MB of JSONL in {SHARDS} shards; {os.cpu_count()} cores")
    print(f"load before: {os.getloadavg()}")
    rows = []
    for name, fn, label in (
        ("cli", run_cli, "`newsseg batch --split --threads {n}`"),
        ("datatrove", run_datatrove, f"datatrove, {SHARDS} tasks, {{n}} worker(s)"),
        ("ray", run_ray, "Ray Data, {n} actor(s), `num_cpus={n}+1`"),
    ):
        if name not in args.engines.split(","):
            continue
        for n in (1, 2):
            r = min((timed(name, n, fn) for _ in range(args.repeat)), key=lambda r: r["wall"])
            rows.append((label.format(n=n), r))
            print(
                f"  {label.format(n=n)}: {r['wall']:.1f} s, {r['cpu']:.1f} CPU s, {r['articles']} articles,"
                f" load {os.getloadavg()[0]:.2f}",
                flush=True,
            )
    expected = int(subprocess.run(
        [str(CLI), "batch", "--split", "--quiet", str(INPUT)], check=True, capture_output=True
    ).stdout.count(b"\n"))
    print()
    print("| engine | wall s | docs/s | MB/s | CPU s (user+sys) | MB per CPU-second | articles |")
    print("|---|---|---|---|---|---|---|")
    for label, r in rows:
        print(
            f"| {label} | {r['wall']:.1f} | {docs / r['wall']:.0f} | {size / 1e6 / r['wall']:.2f}"
            f" | {r['cpu']:.1f} | {size / 1e6 / r['cpu']:.2f} | {r['articles']} |"
        )
    print(f"\nload after: {os.getloadavg()}")
    bad = [label for label, r in rows if r["articles"] != expected]
    if bad:
        sys.exit(f"article counts differ from the CLI's ({expected}): {bad}")


if __name__ == "__main__":
    main()
