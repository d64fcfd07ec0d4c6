"""A search for one character class, compiled where built (the regex is the reference).

A garbled line's path asks a few searches of one class each ("does the line hold a
character the shown page cannot show", "where is its first character beyond ASCII"); re
spends most of such a search setting up its state and a match object. :func:`one_class`
builds the class's pattern and, from the same characters, ``_cgates.one_class``'s two
callables: ``found(text)``, truthy exactly where ``pattern.search(text)`` finds a match,
and ``first(text)``, the index where it starts, or -1. Without the compiled module they
are the pattern's own search (``found`` is ``pattern.search`` itself).

>>> beyond = one_class("".join(map(chr, range(0x80))), negated=True)
>>> beyond.pattern.search("ok é") is not None, bool(beyond.found("ok é")), beyond.first("ok é")
(True, True, 3)
>>> bool(beyond.found("plain")), beyond.first("plain")
(False, -1)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import NamedTuple

from textfix._native import load
from textfix.chains import charset

_CGATES = load("textfix.repair._cgates")


class OneClass(NamedTuple):
    """A class's pattern (the reference) and its two searches."""

    pattern: re.Pattern[str]
    #: Truthy where ``pattern.search(text)`` matches (a bool, or the match itself).
    found: Callable[[str], object]
    #: The start of ``pattern.search(text)``, or -1.
    first: Callable[[str], int]


def _first_py(pattern: re.Pattern[str]) -> Callable[[str], int]:
    """``first`` in pure Python: the start of the pattern's search."""
    search = pattern.search

    def first(text: str) -> int:
        found = search(text)
        return -1 if found is None else found.start()

    return first


def one_class(chars: Iterable[str], negated: bool = False) -> OneClass:
    """The class of ``chars`` (or of every other character, ``negated``): its pattern and
    searches (see the module's docstring)."""
    members = "".join(sorted(set(chars)))
    pattern = re.compile("[" + ("^" if negated else "") + "".join(map(re.escape, members)) + "]")
    if _CGATES is None:
        return OneClass(pattern, pattern.search, _first_py(pattern))
    found, first = _CGATES.one_class(members, negated)
    return OneClass(pattern, found, first)


@cache
def _bmp() -> str:
    """Every character of the BMP, lone surrogates included (what :func:`bmp_class` reads)."""
    return "".join(map(chr, range(0x10000)))


def bmp_class(pattern: re.Pattern[str]) -> OneClass:
    """``pattern`` (one class, written with ranges or categories: ``[^\\S\\x00-\\x7f]``)
    kept as the reference, and searches of the BMP characters it matches, for a pattern no
    character beyond the BMP matches (the tests check every code point)."""
    if _CGATES is None:
        return OneClass(pattern, pattern.search, _first_py(pattern))
    members = "".join(sorted(set(pattern.findall(_bmp()))))
    found, first = _CGATES.one_class(members, False)
    return OneClass(pattern, found, first)


@cache
def page_unheld(shown: str) -> OneClass | None:
    """The class of the characters the single-byte page ``shown`` cannot encode (the
    pattern of :func:`~textfix.repair.held.unheld`), or ``None`` for no such page."""
    holds = charset(shown)
    return None if holds is None else one_class(holds, negated=True)


@cache
def unheld_found(shown: str) -> Callable[[str], object] | None:
    """``found`` of :func:`page_unheld` (``None`` for no single-byte page): whether the
    page ``shown`` cannot encode a character of the line, asked of most garbled lines."""
    unheld = page_unheld(shown)
    return None if unheld is None else unheld.found
