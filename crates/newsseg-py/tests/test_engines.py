"""The datatrove and Ray Data adapters, run for real, against `newsseg batch --split`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict

import pytest

RECORD_KEYS = ("article", "title", "text", "roles", "spans", "char_spans", "dropped_lines")


def assert_same_articles(got: Dict[str, dict], expected: Dict[str, dict]) -> None:
    """`got` and `expected` map `<source id>/<n>` to records with RECORD_KEYS (and `id`)."""
    assert len(got) == len(expected)
    assert set(got) == set(expected)
    bad = [k for k in expected if any(got[k][f] != expected[k][f] for f in RECORD_KEYS + ("id",))]
    assert not bad, f"{len(bad)} articles differ, e.g. {bad[:3]}"


# ---------------------------------------------------------------------------- datatrove


def test_datatrove_pipeline_same_as_cli(shards: Path, expected_articles: Dict[str, dict], tmp_path: Path) -> None:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from newsseg.datatrove import ArticleSplitter

    out = tmp_path / "out"
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(shards), glob_pattern="*.jsonl"),
            ArticleSplitter(batch_size=16),
            JsonlWriter(str(out), output_filename="${rank}.jsonl", compression=None),
        ],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    files = sorted(out.glob("*.jsonl"))
    assert [f.name for f in files] == ["00000.jsonl", "00001.jsonl"], "one output per task"
    got = {}
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            meta = doc["metadata"]
            assert doc["id"] == f"{meta['source_id']}/{meta['article']}"
            assert doc["id"] not in got, "each article once"
            assert meta["file_path"].endswith(".jsonl"), "the reader's metadata is kept"
            got[doc["id"]] = dict(
                meta, id=meta["source_id"], text=doc["text"], dropped_lines=meta.get("dropped_lines", 0)
            )
    assert_same_articles(got, expected_articles)
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    splitter = next(s for s in stats if "newsseg" in s["name"])
    assert splitter["stats"]["articles"]["total"] == len(expected_articles)


def test_datatrove_step_options_and_pickling(corpus: Dict[str, str]) -> None:
    import pickle

    from datatrove.data import Document

    from newsseg.datatrove import ArticleSplitter

    with pytest.raises(ValueError, match="unknown field `bogus`"):
        ArticleSplitter(config={"bogus": 1})
    step = pickle.loads(pickle.dumps(ArticleSplitter(config="[linker]\nenabled = false", spans=False, keep_metadata=False)))
    docs = [Document(text=corpus["seed-page-2021-08"], id="seed", metadata={"src": "x"}), Document(text="", id="empty")]
    out = list(step.run(iter(docs)))
    assert out and all(d.id.startswith("seed/") for d in out)
    assert set(out[0].metadata) == {"source_id", "article", "title", "dropped_lines"}
    assert [d.metadata["article"] for d in out] == list(range(len(out)))


# ---------------------------------------------------------------------------- Ray Data


@pytest.fixture(scope="module")
def ray_cluster():
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def test_ray_map_batches_same_as_cli(ray_cluster, shards: Path, expected_articles: Dict[str, dict], tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from newsseg.ray import OUTPUT_COLUMNS, split_dataset

    ds = ray_cluster.data.read_json(str(shards), file_extensions=["jsonl"])
    out = tmp_path / "articles"
    split_dataset(ds, concurrency=(1, 2), batch_size=32).write_parquet(str(out))
    table = pq.read_table(str(out))
    assert tuple(table.column_names) == OUTPUT_COLUMNS
    got: Dict[str, dict] = {}
    for row in table.to_pylist():
        key = f"{row['id']}/{row['article']}"
        assert key not in got, "each article once"
        got[key] = row
    assert_same_articles(got, expected_articles)


def test_ray_batch_formats(corpus: Dict[str, str], expected_articles: Dict[str, dict]) -> None:
    import pandas as pd
    import pyarrow as pa

    from newsseg.ray import OUTPUT_COLUMNS, ArticleSplitter

    ids = ["seed-page-2021-08", "edge-empty", "edge-crlf", "clean-0000-20190226-p05"]
    batch = {"doc": ids, "body": [corpus[i] for i in ids]}
    fn = ArticleSplitter(text_column="body", id_column="doc")
    expected = [v for k, v in expected_articles.items() if k.split("/")[0] in ids]
    expected.sort(key=lambda r: (ids.index(r["id"]), r["article"]))

    by_arrow = fn(pa.table(batch))
    by_pandas = fn(pd.DataFrame(batch))
    by_dict = fn(batch)
    assert isinstance(by_arrow, pa.Table) and isinstance(by_pandas, pd.DataFrame)
    rows = by_arrow.to_pylist()
    assert [(r["id"], r["article"]) for r in rows] == [(r["id"], r["article"]) for r in expected]
    for row, exp in zip(rows, expected):
        assert {k: row[k] for k in RECORD_KEYS} == {k: exp[k] for k in RECORD_KEYS}
    assert by_dict.equals(by_arrow)
    assert list(by_pandas.columns) == list(OUTPUT_COLUMNS)
    assert by_pandas["text"].tolist() == [r["text"] for r in rows]
    empty = fn(pa.table({"doc": ["a"], "body": [""]}))
    assert empty.num_rows == 0 and empty.schema == by_arrow.schema
    with pytest.raises(KeyError, match="no column 'text'"):
        ArticleSplitter()(pa.table({"id": ["a"], "body": ["x"]}))
