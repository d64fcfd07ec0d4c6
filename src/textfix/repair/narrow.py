"""Lines all of whose characters are Latin-1, known at once where ``_cplausible`` is built.

CPython stores a string whose characters all lie below U+0100 one byte per character and
knows it without reading the string. A search for a class of characters beyond Latin-1 (box
drawing, Cyrillic look-alikes, cp1251's signs) cannot match such a line, and half the
garbled lines are such lines (text shown as cp1252 or Latin-1): the gates that search for
such a class (checked by :func:`wide` where it is defined) ask :func:`narrow` first.
:func:`narrow` is the compiled ``_cplausible.latin1`` (twin: :func:`latin1_py`); without the
module it answers ``False`` and the search itself answers, as before.

>>> wide(re.compile("[─-╿]")).pattern, narrow("Цей")
('[─-╿]', False)
>>> latin1_py("Ðåäàêò"), latin1_py("Цей")
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Callable

from textfix._native import load

#: Every Latin-1 character.
LATIN1 = "".join(map(chr, range(0x100)))


def wide(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern``, a class of characters (one character a match) of which none is Latin-1:
    it cannot match a line :func:`narrow` calls Latin-1. ``ValueError`` for another one."""
    if pattern.search(LATIN1) is not None:
        raise ValueError(f"{pattern.pattern!r} matches a Latin-1 character")
    return pattern


def latin1_py(text: str) -> bool:
    """Every character of ``text`` lies below U+0100 (the reference of ``latin1``)."""
    return not text or max(text) <= "\xff"


def _unknown(text: str) -> bool:
    return False


_COMPILED = load("textfix.repair._cplausible")
#: ``text`` is known to be Latin-1 at no cost: the compiled ``latin1``; without it, never
#: (a caller then searches as it did).
narrow: Callable[[str], bool] = _unknown if _COMPILED is None else _COMPILED.latin1
