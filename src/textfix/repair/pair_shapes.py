"""The character scans of the legacy engine's last gate, over a repair pair at once in C.

``legacy._clean_shape_read`` asks of nearly every garbled line's best round trip whether it
only moves a broken shape around (:mod:`unmended`) or only swaps accents (:mod:`accent_swaps`);
each first scans the pair (``text``, ``cand``) character by character in Python, and the scans
all fail on most repairs. The compiled ``_cplausible.pair_shapes`` scans the pair once and
answers three of them (bits below); the gates ask :func:`pair_shapes` first and run their own
(reference) Python bodies only where it answers ``None``: no compiled module, lengths that
differ, or a character beyond the BMP. :func:`pair_shapes_py` is the twin the tests compare.

>>> pair_shapes_py("ðDe la", "ÜDe la") & BEFORE_CAPITALISED, pair_shapes_py("Portâl", "Portāl")
(1, 2)
>>> pair_shapes_py("Punnd Èire", "Punnd éire") & TITLE_WORDS
4
"""

from __future__ import annotations

from functools import cache
from types import ModuleType

from textfix._native import load

#: unmended._before_capitalised
BEFORE_CAPITALISED = 1
#: accent_swaps._accents_only_changed
ACCENTS_ONLY = 2
#: accent_swaps._title_words
TITLE_WORDS = 4

_BMP = 0x10000


@cache
def _compiled() -> ModuleType | None:
    """``_cplausible`` holding accent_swaps' accented letters, or ``None`` without it."""
    module = load("textfix.repair._cplausible")
    if module is None:
        return None
    from textfix.repair.accent_swaps import _accented_py  # (it asks this module)

    # One bit per BMP character, from the reference definition (about 30 ms, once).
    table = bytearray(_BMP // 8)
    for i in range(_BMP):
        if _accented_py(chr(i)):
            table[i >> 3] |= 1 << (i & 7)
    module.init_accented(bytes(table))
    return module


def pair_shapes(text: str, cand: str) -> int | None:
    """The bits of :func:`pair_shapes_py` in C, or ``None`` without the compiled module, for
    lengths that differ or a character beyond the BMP (the gates' Python bodies answer)."""
    module = _compiled()
    if module is None:
        return None
    found: int | None = module.pair_shapes(text, cand)
    return found


def pair_shapes_py(text: str, cand: str) -> int:
    """The answers of the three scans for the same-length pair, as bits (the reference of
    the compiled ``pair_shapes``)."""
    from textfix.repair.accent_swaps import _accents_only_changed, _title_words_py
    from textfix.repair.unmended import _before_capitalised_py

    return (
        BEFORE_CAPITALISED * _before_capitalised_py(text, cand)
        | ACCENTS_ONLY * _accents_only_changed(text, cand)
        | TITLE_WORDS * _title_words_py(text, cand)
    )
