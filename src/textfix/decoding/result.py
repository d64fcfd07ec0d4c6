"""What :func:`textfix.decode` returns, and the one exception it may raise."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

#: How undecodable bytes are handled: ``"replace"`` puts U+FFFD, ``"surrogateescape"`` keeps
#: each byte as a lone surrogate (so the exact bytes can be written back), ``"strict"`` raises.
Errors = Literal["replace", "surrogateescape", "strict"]
ERRORS_MODES: tuple[str, ...] = ("replace", "surrogateescape", "strict")

#: Reported encoding of a file whose lines are in different encodings.
MIXED = "mixed"

#: At most this many byte offsets are kept in :class:`Undecodable` (the count stays exact),
#: so that a huge damaged file cannot blow up memory.
MAX_OFFSETS = 10_000


class DecodeError(UnicodeError):
    """Raised by ``decode(..., errors="strict")`` when some bytes cannot be decoded.

    >>> err = DecodeError("cp1251", 5)
    >>> (err.encoding, err.offset)
    ('cp1251', 5)
    >>> str(err)
    'cannot decode byte at offset 5 as cp1251'
    """

    def __init__(self, encoding: str, offset: int, reason: str = "") -> None:
        self.encoding = encoding
        self.offset = offset
        message = f"cannot decode byte at offset {offset} as {encoding}"
        super().__init__(f"{message}: {reason}" if reason else message)


class Segment(NamedTuple):
    """Lines ``start_line`` (0-based, inclusive) to ``end_line`` (exclusive) in ``encoding``."""

    start_line: int
    end_line: int
    encoding: str


@dataclass(frozen=True)
class Undecodable:
    """Bytes that no chosen codec could decode: exact ``count``, first offsets in ``offsets``.

    >>> Undecodable(2, (4, 9))
    Undecodable(count=2, offsets=(4, 9))
    >>> bool(Undecodable())
    False
    """

    count: int = 0
    offsets: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return self.count > 0


@dataclass(frozen=True)
class Decoded:
    """Decoded text and how it was decoded.

    ``encoding`` is Python's canonical codec name (``codecs.lookup(name).name``), or
    ``"mixed"`` when lines are in different encodings; ``segments`` then tells which lines
    are in which. ``confidence`` is in [0, 1].

    >>> d = Decoded("Цей", "cp1251", 0.9, [Segment(0, 1, "cp1251")])
    >>> d.text, d.is_binary, d.undecodable.count
    ('Цей', False, 0)
    """

    text: str
    encoding: str
    confidence: float
    segments: list[Segment] = field(default_factory=list)
    is_binary: bool = False
    undecodable: Undecodable = field(default_factory=Undecodable)

    @property
    def encodings(self) -> list[str]:
        """The distinct encodings used, in order of first appearance.

        >>> Decoded("", "mixed", 1.0, [Segment(0, 2, "utf-8"), Segment(2, 3, "cp1251")]).encodings
        ['utf-8', 'cp1251']
        """
        seen: list[str] = []
        for seg in self.segments or [Segment(0, 0, self.encoding)]:
            if seg.encoding not in seen:
                seen.append(seg.encoding)
        return seen
