"""newsseg: split Chinese newspaper page dumps into articles.

The work is done by the Rust library (``newsseg._native``); this package re-exports it.
Adapters for distributed engines live in ``newsseg.datatrove`` (datatrove ``PipelineStep``)
and ``newsseg.ray`` (Ray Data ``map_batches``); they import their engine lazily, so
``import newsseg`` needs neither.
"""

from newsseg._native import Segmenter, __version__

__all__ = ["Segmenter", "__version__"]
