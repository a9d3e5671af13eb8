"""Ray Data adapter: split page dumps into article rows with ``Dataset.map_batches``.

    import ray
    from newsseg.ray import split_dataset

    ray.init()                                   # or ray.init(address="auto") on a cluster
    ds = ray.data.read_json("dumps/")            # *.jsonl: one row per line, "id" and "text"
    split_dataset(ds).write_parquet("articles/")

``ArticleSplitter`` is a callable class, so each Ray worker process (actor) builds one
``Segmenter`` and reuses it for every batch it gets. Ray and pyarrow are optional
dependencies (``pip install 'newsseg[ray]'``), imported when this module is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Tuple, Union

try:
    import pyarrow as pa
except ImportError as err:  # pragma: no cover - exercised only without pyarrow
    raise ImportError("newsseg.ray needs Ray Data and pyarrow: pip install 'newsseg[ray]'") from err

from newsseg import Segmenter

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import ray.data

__all__ = ["ArticleSplitter", "split_dataset", "OUTPUT_COLUMNS"]

#: Columns of the output rows: the ``newsseg batch --split`` record fields (``id`` is the
#: source document's id), then the dump's dropped line count.
OUTPUT_COLUMNS = ("id", "article", "title", "text", "roles", "spans", "char_spans", "dropped_lines")

_SPANS = pa.list_(pa.list_(pa.int64(), 2))


class ArticleSplitter:
    """Batch function for ``Dataset.map_batches``: one output row per article.

    Takes pyarrow tables (``batch_format="pyarrow"``), pandas data frames
    (``batch_format="pandas"``) or dicts of columns, and returns the same kind (dicts come
    back as pyarrow tables), with the columns of ``OUTPUT_COLUMNS``.

    Args:
        config: newsseg configuration, TOML text or a dict (see ``newsseg.Segmenter``).
        text_column: the column holding each dump's text.
        id_column: the column holding each dump's id (copied, type preserved, to ``id``).
        threads: native threads per batch; Ray parallelises over workers, so the default 1
            keeps one core per worker (reserve more with ``num_cpus`` when raising it).
    """

    def __init__(
        self,
        config: Union[str, Dict[str, Any], None] = None,
        text_column: str = "text",
        id_column: str = "id",
        threads: int = 1,
    ) -> None:
        self.segmenter = Segmenter(config)
        self.text_column = text_column
        self.id_column = id_column
        self.threads = threads

    def __call__(
        self, batch: Union["pa.Table", "pandas.DataFrame", Dict[str, Any]]
    ) -> Union["pa.Table", "pandas.DataFrame"]:
        as_pandas = type(batch).__name__ == "DataFrame"
        if as_pandas:
            table = pa.Table.from_pandas(batch, preserve_index=False)
        elif isinstance(batch, pa.Table):
            table = batch
        else:
            table = pa.table(dict(batch))
        for col in (self.text_column, self.id_column):
            if col not in table.column_names:
                raise KeyError(f"batch has no column {col!r} (columns: {table.column_names})")
        texts = table.column(self.text_column).to_pylist()
        results = self.segmenter.split_many(texts, threads=self.threads)
        source: List[int] = []
        cols: Dict[str, list] = {c: [] for c in OUTPUT_COLUMNS[1:]}
        for i, result in enumerate(results):
            for rec in result["records"]:
                source.append(i)
                for c in ("article", "title", "text", "roles", "spans", "char_spans"):
                    cols[c].append(rec[c])
                cols["dropped_lines"].append(result["dropped_lines"])
        out = pa.table(
            {
                "id": table.column(self.id_column).take(pa.array(source, pa.int64())),
                "article": pa.array(cols["article"], pa.int64()),
                "title": pa.array(cols["title"], pa.string()),
                "text": pa.array(cols["text"], pa.string()),
                "roles": pa.array(cols["roles"], pa.list_(pa.string())),
                "spans": pa.array(cols["spans"], _SPANS),
                "char_spans": pa.array(cols["char_spans"], _SPANS),
                "dropped_lines": pa.array(cols["dropped_lines"], pa.int64()),
            }
        )
        return out.to_pandas() if as_pandas else out


def split_dataset(
    ds: "ray.data.Dataset",
    *,
    config: Union[str, Dict[str, Any], None] = None,
    concurrency: Union[int, Tuple[int, int], None] = None,
    num_cpus: float = 1,
    batch_size: int = 256,
    text_column: str = "text",
    id_column: str = "id",
) -> "ray.data.Dataset":
    """``ds`` (one row per dump) to a dataset of one row per article (``OUTPUT_COLUMNS``).

    Runs ``ArticleSplitter`` on a pool of actors, each reserving ``num_cpus`` CPUs and holding
    one ``Segmenter``, on pyarrow batches of ``batch_size`` dumps. ``concurrency``: an int
    for a fixed pool of that many actors, ``(min, max)`` for a pool that grows with the
    queued input; default ``(1, CPUs of the cluster - 1)``.

    Leave CPUs for the read and write tasks: a fixed pool that reserves every CPU of the
    cluster leaves none for reading, and the job waits forever for input.
    """
    import ray
    import ray.data

    if concurrency is None:
        cpus = int(ray.cluster_resources().get("CPU", 1))
        concurrency = (1, max(1, cpus - 1))
    if isinstance(concurrency, int):
        compute = ray.data.ActorPoolStrategy(size=concurrency)
    else:
        compute = ray.data.ActorPoolStrategy(min_size=concurrency[0], max_size=concurrency[1])
    return ds.map_batches(
        ArticleSplitter,
        fn_constructor_kwargs={"config": config, "text_column": text_column, "id_column": id_column},
        compute=compute,
        batch_format="pyarrow",
        batch_size=batch_size,
        num_cpus=num_cpus,
    )
