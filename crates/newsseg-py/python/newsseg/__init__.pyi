"""Type stubs of the native newsseg module."""

from typing import Any, Dict, Iterable, List, Literal, Optional, TypedDict, Union

__version__: str

Role = Literal[
    "kicker", "headline", "subtitle", "author", "byline", "subhead", "body", "caption",
    "credit", "noise", "dup",
]

class Block(TypedDict):
    """A contiguous run of input lines with one role."""

    start: int  # UTF-8 byte offset of the first byte
    end: int  # UTF-8 byte offset one past the last byte
    char_start: int  # offset into the Python str
    char_end: int
    line_start: int  # 1-based
    line_end: int  # 1-based, inclusive
    role: Role

class Article(TypedDict):
    title: str
    blocks: List[Block]

class Segmentation(TypedDict):
    articles: List[Article]
    dropped: List[Block]

class ArticleRecord(TypedDict):
    """One article as ``newsseg batch --split`` writes it (without ``id``)."""

    article: int
    title: str
    text: str
    roles: List[Role]
    spans: List[List[int]]  # [start, end) UTF-8 byte spans of the blocks
    char_spans: List[List[int]]  # [start, end) character spans of the blocks

class SplitResult(TypedDict):
    records: List[ArticleRecord]
    dropped_lines: int  # input lines set aside as page furniture or duplicates

class Segmenter:
    """Splits Chinese newspaper page dumps into articles.

    ``config`` is TOML text or a dict of the same structure; unknown keys and out-of-range
    values raise ``ValueError``, other types ``TypeError``.
    """

    def __init__(self, config: Union[str, Dict[str, Any], None] = None) -> None: ...
    def segment(self, text: str) -> Segmentation:
        """Segments one dump (the JSON contract of ``newsseg segment`` plus char offsets)."""
    def segment_many(self, texts: Iterable[str], threads: Optional[int] = None) -> List[Segmentation]:
        """``segment`` for many dumps, in parallel with the GIL released."""
    def split(self, text: str) -> List[ArticleRecord]:
        """One training-corpus record per article, as ``newsseg batch --split``."""
    def split_many(self, texts: Iterable[str], threads: Optional[int] = None) -> List[SplitResult]:
        """``split`` for many dumps in parallel, with each dump's dropped line count."""

__all__ = ["Segmenter", "__version__"]
