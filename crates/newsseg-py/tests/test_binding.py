"""The native binding against the CLI: same articles, offsets, records; errors."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Dict, List

import pytest

import newsseg
from conftest import run_cli

CHAR_KEYS = ("char_start", "char_end")


def without_chars(seg: dict) -> dict:
    """A Python segmentation with the character offsets removed: the CLI's JSON contract."""
    strip = lambda b: {k: v for k, v in b.items() if k not in CHAR_KEYS}  # noqa: E731
    return {
        "articles": [
            {"title": a["title"], "blocks": [strip(b) for b in a["blocks"]]} for a in seg["articles"]
        ],
        "dropped": [strip(b) for b in seg["dropped"]],
    }


def all_blocks(seg: dict) -> List[dict]:
    return [b for a in seg["articles"] for b in a["blocks"]] + seg["dropped"]


@pytest.fixture(scope="module")
def segmenter() -> newsseg.Segmenter:
    return newsseg.Segmenter()


def test_seed_page_same_as_cli_segment(cli: Path, seed_page: str, segmenter) -> None:
    expected = json.loads(run_cli(cli, "segment", "--format", "json", "-", stdin=seed_page))
    got = segmenter.segment(seed_page)
    assert len(got["articles"]) >= 3
    assert without_chars(got) == expected


def test_devset_dumps_same_as_cli_segment(cli: Path, devset_docs: Dict[str, str], segmenter) -> None:
    # One dump of each dev set through `newsseg segment` itself...
    for prefix in ("clean", "scrambled", "wrapped"):
        doc_id = next(k for k in devset_docs if k.startswith(prefix))
        expected = json.loads(
            run_cli(cli, "segment", "--format", "json", "-", stdin=devset_docs[doc_id])
        )
        assert without_chars(segmenter.segment(devset_docs[doc_id])) == expected, doc_id


def test_segment_many_same_as_cli_batch(corpus: Dict[str, str], cli_docs: Dict[str, dict], segmenter) -> None:
    ids = list(corpus)
    for threads in (None, 1, 2):
        got = segmenter.segment_many([corpus[i] for i in ids], threads=threads)
        assert len(got) == len(ids)
        mismatched = [i for i, seg in zip(ids, got) if without_chars(seg) != cli_docs[i]]
        assert not mismatched, f"threads={threads}: {mismatched[:5]}"
    assert sum(len(d["articles"]) for d in cli_docs.values()) > 1000


def test_split_same_as_cli_batch_split(corpus: Dict[str, str], cli_split: List[dict], segmenter) -> None:
    expected: Dict[str, list] = {i: [] for i in corpus}
    for rec in cli_split:
        rec = dict(rec)
        expected[rec.pop("id")].append(rec)
    for doc_id, text in corpus.items():
        assert segmenter.split(text) == expected[doc_id], doc_id
    many = segmenter.split_many(list(corpus.values()), threads=2)
    assert [m["records"] for m in many] == [expected[i] for i in corpus]


def test_split_many_dropped_lines(corpus: Dict[str, str], cli_docs: Dict[str, dict], segmenter) -> None:
    many = segmenter.split_many(list(corpus.values()))
    for doc_id, result in zip(corpus, many):
        lines = sum(b["line_end"] - b["line_start"] + 1 for b in cli_docs[doc_id]["dropped"])
        assert result["dropped_lines"] == lines, doc_id
    assert sum(m["dropped_lines"] for m in many) > 0


def test_char_offsets_slice_like_byte_offsets(corpus: Dict[str, str], segmenter) -> None:
    checked = 0
    for text in corpus.values():
        data = text.encode("utf-8")
        for block in all_blocks(segmenter.segment(text)):
            by_bytes = data[block["start"] : block["end"]].decode("utf-8")
            assert text[block["char_start"] : block["char_end"]] == by_bytes
            assert by_bytes.strip()
            checked += 1
        for rec in segmenter.split(text):
            parts = [text[s:e] for s, e in rec["char_spans"]]
            assert "\n".join(parts) == rec["text"]
            assert [data[s:e].decode() for s, e in rec["spans"]] == parts
    assert checked > 10000
    # Non-BMP characters count as one Python character each.
    text = "𠀀𠀁县召开会议\n\n本报讯　𠀂县近日召开会议，部署工作。\n"
    for block in all_blocks(segmenter.segment(text)):
        assert text[block["char_start"] : block["char_end"]] == text.encode()[block["start"] : block["end"]].decode()


def test_config_toml_and_dict_agree_with_cli(cli: Path, seed_page: str, tmp_path: Path) -> None:
    toml = "[linker]\nenabled = false\n\n[detectors.cohesion]\nenabled = false\n"
    config = {"linker": {"enabled": False}, "detectors": {"cohesion": {"enabled": False}}}
    (tmp_path / "c.toml").write_text(toml)
    expected = json.loads(
        run_cli(cli, "segment", "--format", "json", "--config", str(tmp_path / "c.toml"), "-", stdin=seed_page)
    )
    by_toml = newsseg.Segmenter(toml).segment(seed_page)
    by_dict = newsseg.Segmenter(config).segment(seed_page)
    assert by_toml == by_dict
    assert without_chars(by_dict) == expected
    assert by_dict != newsseg.Segmenter().segment(seed_page), "the config must change something"
    assert "cohesion" not in repr(newsseg.Segmenter(config))


@pytest.mark.parametrize(
    "config, message",
    [
        ("bogus = 1", "unknown field `bogus`"),
        ({"bogus": 1}, "unknown field `bogus`"),
        ({"decoder": {"new_story_kost": 1.0}}, "unknown field `new_story_kost`"),
        ("[decoder]\nnew_story_kost = 1.0", "unknown field `new_story_kost`"),
        ({"detectors": {"nope": {"enabled": True}}}, "unknown detector `nope`"),
        ({"decoder": {"new_story_cost": "high"}}, "invalid configuration"),
        ("[linker", "TOML parse error"),
    ],
)
def test_bad_config_raises_value_error(config, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        newsseg.Segmenter(config)


def test_bad_input_raises_type_error(segmenter) -> None:
    with pytest.raises(TypeError, match="config must be None, str"):
        newsseg.Segmenter(42)
    with pytest.raises(TypeError, match="text must be str, not bytes"):
        segmenter.segment("标题".encode())
    with pytest.raises(TypeError, match="text must be str, not NoneType"):
        segmenter.split(None)
    with pytest.raises(TypeError, match=r"texts\[1\] must be str, not int"):
        segmenter.segment_many(["甲", 2])
    with pytest.raises(TypeError, match="not a single str"):
        segmenter.split_many("甲乙")
    with pytest.raises(TypeError, match="iterable of str, not int"):
        segmenter.segment_many(5)
    with pytest.raises(ValueError, match="threads must be at least 1"):
        segmenter.segment_many(["甲"], threads=0)
    with pytest.raises(UnicodeEncodeError):
        segmenter.segment("\ud800")  # a lone surrogate is no UTF-8 text
    assert segmenter.segment("") == {"articles": [], "dropped": []}
    assert segmenter.split(" \n\n") == []
    assert segmenter.segment_many([]) == []
    assert segmenter.segment_many(iter(["", ""])) == [{"articles": [], "dropped": []}] * 2


def test_segment_many_releases_the_gil(corpus: Dict[str, str], segmenter) -> None:
    # The native call must last long enough for the check below to mean something: double
    # the input until one call takes half a second, however fast newsseg becomes.
    texts = list(corpus.values())
    while True:
        start = time.perf_counter()
        segmenter.segment_many(texts, threads=1)
        if time.perf_counter() - start >= 0.5:
            break
        texts = texts * 2
    done = threading.Event()
    spins = 0

    def work() -> None:
        segmenter.segment_many(texts, threads=1)
        done.set()

    worker = threading.Thread(target=work)
    start = time.perf_counter()
    worker.start()
    while not done.is_set():
        spins += 1
    worker.join()
    elapsed = time.perf_counter() - start
    # This loop turns ~10-20 million times a second on this machine. With the GIL held for
    # the native call it could run only in the switch interval (5 ms) before the call.
    assert spins > 500_000 * elapsed, f"{spins} loop turns in {elapsed:.2f} s"


def test_package_ships_stubs_and_version() -> None:
    package = Path(newsseg.__file__).parent
    assert (package / "py.typed").is_file()
    assert "def segment_many" in (package / "__init__.pyi").read_text()
    assert newsseg.__version__.count(".") == 2
    assert newsseg.Segmenter.__doc__ and "TOML" in newsseg.Segmenter.__doc__
    assert "GIL" in newsseg.Segmenter.segment_many.__doc__


def test_readme_python_example_runs() -> None:
    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python") :]
    code = section[section.index("```python") + len("```python") : section.index("```\n", section.index("```python") + 9)]
    scope: dict = {}
    exec(compile(code, "README.md", "exec"), scope)  # its asserts must hold
    assert len(scope["many"]) == 1000 and scope["records"][0]["title"] == "甲县推进乡村振兴"
