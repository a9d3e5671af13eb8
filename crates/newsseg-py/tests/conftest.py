"""Shared fixtures: the CLI binary, the seed page, generated dev-set dumps as JSONL shards, and
the CLI's own output on them (the reference every Python path is compared with).

The copyrighted corpus in ../shared is read at test time only; everything generated goes to
pytest's temporary directories.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Dict, List

import pytest

REPO = Path(__file__).resolve().parents[3]
SHARED = Path(os.environ.get("NEWSSEG_SHARED", REPO.parent / "shared"))
SHARDS = 4


@pytest.fixture(scope="session")
def cli() -> Path:
    """The release CLI (`cargo build --release -p newsseg-cli`), or $NEWSSEG_BIN."""
    path = Path(os.environ.get("NEWSSEG_BIN", REPO / "target" / "release" / "newsseg"))
    if not path.is_file():
        pytest.fail(f"{path} is missing: run `cargo build --release -p newsseg-cli` first")
    return path


def run_cli(cli: Path, *args: str, stdin: str | None = None) -> str:
    """Runs the CLI and returns its standard output; fails the test on a non-zero exit."""
    proc = subprocess.run(
        [str(cli), *args], input=stdin, capture_output=True, text=True, encoding="utf-8"
    )
    assert proc.returncode == 0, f"newsseg {' '.join(args)} failed:\n{proc.stderr}"
    return proc.stdout


def read_jsonl(path: Path) -> List[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} (the shared corpus beside the checkout) is absent")
    return path


@pytest.fixture(scope="session")
def seed_page() -> str:
    path = need_shared(SHARED / "seed" / "page-2021-08.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def devset_docs(cli: Path, tmp_path_factory: pytest.TempPathFactory) -> Dict[str, str]:
    """The seven dev sets (`newsseg gen --devsets`), 700 dumps: id (file stem) → text."""
    articles = need_shared(SHARED / "corpus" / "rmrb-dev.jsonl")
    out = tmp_path_factory.mktemp("devsets")
    run_cli(cli, "gen", "--articles", str(articles), "--devsets", str(out))
    docs = {p.stem: p.read_text(encoding="utf-8") for p in sorted(out.glob("*/*.txt"))}
    assert len(docs) == 700, f"expected 700 dev-set dumps, got {len(docs)}"
    return docs


@pytest.fixture(scope="session")
def corpus(devset_docs: Dict[str, str], seed_page: str) -> Dict[str, str]:
    """Every test dump: the dev sets, the seed page and two edge cases."""
    docs = dict(devset_docs)
    docs["seed-page-2021-08"] = seed_page
    docs["edge-empty"] = ""
    docs["edge-crlf"] = "某市召开会议\r\n\r\n本报讯　某市日前召开会议。\r\n"
    return docs


@pytest.fixture(scope="session")
def shards(corpus: Dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus as SHARDS JSONL files (`{"id", "text"}` per line), round-robin."""
    folder = tmp_path_factory.mktemp("shards")
    files = [open(folder / f"part-{i}.jsonl", "w", encoding="utf-8") for i in range(SHARDS)]
    for n, (doc_id, text) in enumerate(corpus.items()):
        files[n % SHARDS].write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
    for f in files:
        f.close()
    return folder


@pytest.fixture(scope="session")
def cli_split(cli: Path, shards: Path, tmp_path_factory: pytest.TempPathFactory) -> List[dict]:
    """`newsseg batch --split` records of every shard."""
    out = tmp_path_factory.mktemp("cli") / "split.jsonl"
    run_cli(cli, "batch", "--split", "--quiet", "--output", str(out), str(shards))
    records = read_jsonl(out)
    assert len(records) > 1000, "the dev sets hold about 1,900 articles"
    return records


@pytest.fixture(scope="session")
def cli_docs(cli: Path, shards: Path, tmp_path_factory: pytest.TempPathFactory) -> Dict[str, dict]:
    """`newsseg batch` (segmentation) records of every shard, by id."""
    out = tmp_path_factory.mktemp("cli") / "docs.jsonl"
    run_cli(cli, "batch", "--quiet", "--output", str(out), str(shards))
    docs = {r.pop("id"): r for r in read_jsonl(out)}
    return docs


@pytest.fixture(scope="session")
def expected_articles(cli_split: List[dict], cli_docs: Dict[str, dict]) -> Dict[str, dict]:
    """What every engine must produce: `<source id>/<n>` → the CLI record and dropped lines."""
    out = {}
    for rec in cli_split:
        doc = cli_docs[rec["id"]]
        dropped = sum(b["line_end"] - b["line_start"] + 1 for b in doc["dropped"])
        out[f"{rec['id']}/{rec['article']}"] = dict(rec, dropped_lines=dropped)
    return out
