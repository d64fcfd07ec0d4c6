"""Broken lines a round trip does not make right: left alone.

Source text is sometimes broken in ways no single-byte round trip explains; a repair then
only swaps one broken shape for another, and the one rule (never damage text) says to leave
such a line as it is. Refused by the legacy engine's last gate (:func:`unmended`, from
``legacy._clean_shape_read``):

- a letter glued before a capitalised word (``ðDe la``), made another (``ÜDe``, ``šDe``):
  no letter there makes a word of clean case (no orthography writes two capitals before a
  small letter, nor a small one before a capital), so the repair moves the broken case
  around rather than mending it;
- the letter a repair makes, written as itself elsewhere on the line where the page the
  line was shown as cannot show it (``znacznikóœ ... domyślny`` is no cp1250
  ``znacznikóś`` shown as cp1252, which has no ``ś``): the line writes that letter right,
  so its sign here is no mojibake of it. (Not for other letters the page cannot show: the
  engine repairs a line shown through two pages one page at a time, ``voÁby ... by╗`` is
  Slovak shown as cp850 and cp437. Nor for UTF-8, whose half-repaired documents mix.)

>>> unmended("ðDe la", "ÜDe la"), unmended("znacznikóœ domyślny", "znacznikóś domyślny")
(True, True)
>>> unmended("dzieÑ", "dzień"), unmended("ÁQué", "¡Qué"), unmended("Baèa", "Bača")
(False, False, False)
"""

from __future__ import annotations

import re
from functools import cache
from itertools import compress
from operator import ne

from textfix.chains import charset
from textfix.repair.gates import changed_at
from textfix.repair.held import unheld
from textfix.repair.pair_shapes import BEFORE_CAPITALISED, pair_shapes


def _before_capitalised(text: str, cand: str) -> bool:
    """A changed character becomes a letter glued before a capital and a small letter, at
    a word's start (``ÜDe``, ``šDe``): no letter there makes a word of clean case."""
    # (the compiled scan of the pair where it answers: most repairs make no such letter)
    bits = pair_shapes(text, cand)
    if bits is not None:
        return bool(bits & BEFORE_CAPITALISED)
    return _before_capitalised_py(text, cand)


def _before_capitalised_py(text: str, cand: str) -> bool:
    for i in changed_at(text, cand):
        # (the capital ahead first: most changed letters stand before a small one)
        if (
            cand[i + 1 : i + 2].isupper()
            and cand[i + 2 : i + 3].islower()
            and cand[i].isalpha()
            and (i == 0 or not cand[i - 1].isalpha())
        ):
            return True
    return False


@cache
def page_unheld(shown: str) -> re.Pattern[str] | None:
    """:func:`~textfix.repair.held.unheld` of the page ``shown``, or ``None`` for no
    single-byte page (no repair of the engine is shown as one). Where it finds nothing in
    the line, :func:`unmended` is ``False`` but for a broken case (the engine's last gate
    asks it first, see ``legacy._clean_shape_read``)."""
    return None if charset(shown) is None else unheld(shown)


def _typed_letters(text: str, cand: str, true: str, shown: str) -> bool:
    """A letter the repair makes stands untouched elsewhere on the line, where the code page
    ``shown`` cannot show it (and ``true``, a single-byte page, writes it)."""
    if true == "utf-8" or true.startswith("sloppy"):
        return False  # (see the module's docstring)
    # (one search in C: where the page shows every character of the line, none untouched
    # is made; most lines end here)
    unheld_ch = page_unheld(shown)
    if unheld_ch is None or unheld_ch.search(text) is None:
        return False
    holds = charset(shown) or frozenset()
    made = set(compress(cand, map(ne, text, cand))) - holds
    for ch in filter(str.isalpha, made):
        # (an untouched place holds it: the same letter in the line and in the repair)
        i = text.find(ch)
        while i >= 0:
            if cand[i] == ch:
                return True
            i = text.find(ch, i + 1)
    return False


def unmended(
    text: str, cand: str, true: str = "cp1250", shown: str = "cp1252", shapes: int | None = None
) -> bool:
    """The same-length round trip ``cand`` of ``text`` (written in the code page ``true``,
    shown as ``shown``) only moves a broken shape around (see the module's docstring).
    ``shapes``: the pair's compiled :func:`pair_shapes` where the caller has it."""
    if len(text) != len(cand) or text == cand:
        return False
    if shapes is None:
        return _before_capitalised(text, cand) or _typed_letters(text, cand, true, shown)
    return bool(shapes & BEFORE_CAPITALISED) or _typed_letters(text, cand, true, shown)
