"""Splitting a document into lines the way textfix sees them.

Lines are split on ``"\\n"`` only. ``str.splitlines`` is never used: it also breaks at
U+0085, U+2028 and friends, and U+0085 is exactly what UTF-8 mojibake produces
(``"…"`` in UTF-8 shown as latin-1 ends in ``"\\x85"``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple


class Line(NamedTuple):
    """One line: ``text`` without its ending, ``start`` its offset in the document."""

    start: int
    text: str
    ending: str  # "\n", "\r\n" or "" (last line without newline)


def iter_lines(document: str) -> Iterator[Line]:
    """Yield the lines of ``document``; joining ``text + ending`` gives it back exactly.

    >>> [tuple(x) for x in iter_lines("a\\r\\nb\\n")]
    [(0, 'a', '\\r\\n'), (3, 'b', '\\n')]
    >>> [tuple(x) for x in iter_lines("a\\x85b")]
    [(0, 'a\\x85b', '')]
    """
    pos = 0
    n = len(document)
    while pos < n:
        nl = document.find("\n", pos)
        if nl < 0:
            yield Line(pos, document[pos:], "")
            return
        if nl > pos and document[nl - 1] == "\r":
            yield Line(pos, document[pos : nl - 1], "\r\n")
        else:
            yield Line(pos, document[pos:nl], "\n")
        pos = nl + 1
