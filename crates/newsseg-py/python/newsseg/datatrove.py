"""A datatrove pipeline step that splits page dumps into one document per article.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from newsseg.datatrove import ArticleSplitter

    LocalPipelineExecutor(
        pipeline=[JsonlReader("in/"), ArticleSplitter(), JsonlWriter("out/")],
        tasks=8, workers=2, logging_dir="logs/",
    ).run()

The same pipeline runs on a Slurm cluster with ``SlurmPipelineExecutor`` (docs/SCALING.md).
datatrove is an optional dependency (``pip install newsseg[datatrove]``); it is imported when
this module is.
"""

from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional, Union

try:
    from datatrove.data import Document, DocumentsPipeline
    from datatrove.pipeline.base import PipelineStep
except ImportError as err:  # pragma: no cover - exercised only without datatrove
    raise ImportError(
        "newsseg.datatrove needs datatrove: pip install 'newsseg[datatrove]'"
    ) from err

from newsseg import Segmenter

__all__ = ["ArticleSplitter"]


class ArticleSplitter(PipelineStep):
    """Turns each input ``Document`` (a page dump) into one ``Document`` per article.

    The output document's ``text`` is the article's text (its blocks in reading order joined
    with newlines, as ``newsseg batch --split`` writes it), its ``id`` is
    ``"<source id>/<article index>"``, and its metadata holds ``source_id``, ``article``
    (0-based index), ``title`` and ``dropped_lines`` (input lines of the dump set aside as page
    furniture or duplicates), plus ``roles``, ``spans`` and ``char_spans`` when ``spans`` is
    true, after the source document's own metadata when ``keep_metadata`` is true. Dumps
    without articles give no document.

    Args:
        config: newsseg configuration, TOML text or a dict (see ``newsseg.Segmenter``).
        batch_size: dumps segmented per native call.
        threads: native threads per call; datatrove parallelises over tasks and workers, so
            the default 1 keeps one core per worker.
        spans: add the per-block roles and byte/char spans to the metadata.
        keep_metadata: copy the source document's metadata into each article's.
    """

    name = "📰 newsseg article splitter"
    type = "✂️ - SPLITTER"

    def __init__(
        self,
        config: Union[str, Dict[str, Any], None] = None,
        batch_size: int = 64,
        threads: int = 1,
        spans: bool = True,
        keep_metadata: bool = True,
    ) -> None:
        super().__init__()
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.config = config
        self.batch_size = batch_size
        self.threads = threads
        self.spans = spans
        self.keep_metadata = keep_metadata
        self._segmenter: Optional[Segmenter] = Segmenter(config)  # validates config early

    def __getstate__(self) -> dict:
        # Executors pickle the pipeline to send it to workers; each builds its own segmenter.
        state = self.__dict__.copy()
        state["_segmenter"] = None
        return state

    def _articles(self, docs: List[Document]) -> Iterator[Document]:
        if self._segmenter is None:
            self._segmenter = Segmenter(self.config)
        with self.track_time(unit="batch"):
            results = self._segmenter.split_many([d.text for d in docs], threads=self.threads)
        for doc, result in zip(docs, results):
            self.stat_update("dumps")
            self.stat_update("articles", value=len(result["records"]))
            self.stat_update("dropped_lines", value=result["dropped_lines"])
            for rec in result["records"]:
                metadata = dict(doc.metadata) if self.keep_metadata else {}
                metadata.update(
                    source_id=doc.id,
                    article=rec["article"],
                    title=rec["title"],
                    dropped_lines=result["dropped_lines"],
                )
                if self.spans:
                    metadata.update(
                        roles=rec["roles"], spans=rec["spans"], char_spans=rec["char_spans"]
                    )
                out = Document(text=rec["text"], id=f"{doc.id}/{rec['article']}", metadata=metadata)
                self.update_doc_stats(out)
                yield out

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Yields the articles of every document of ``data``, in input order."""
        batch: List[Document] = []
        for doc in data or ():
            batch.append(doc)
            if len(batch) >= self.batch_size:
                yield from self._articles(batch)
                batch = []
        if batch:
            yield from self._articles(batch)
