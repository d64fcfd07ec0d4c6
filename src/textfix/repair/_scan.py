"""Hands the tables of the per-word plausibility test to its compiled twin, once.

``textfix.repair._cplausible`` (optional, built from ``_cplausible.c``) computes
``plausible._words_pass`` for a whole line in one call: tokens, signs, inert words, bigram
masks and ``reach.becomes_word`` (skeleton filter, word filter, CRC-32 word index, round-trip
images). It reads the very tables the pure-Python code reads, handed over here; when any of
them has a shape the C code does not know, the compiled path is not used at all.

>>> native() is None or callable(native().scan)
True
"""

from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

from textfix._native import load
from textfix.chains import single_byte_steps
from textfix.repair import reach
from textfix.repair._badness import program, repeated_program
from textfix.scoring._data import langdata
from textfix.scoring._wordindex import WordIndex
from textfix.scoring.model import _MARKS, _NOT_LETTERS, TOKEN_RE

#: The token pattern the C tokenizer implements (model.TOKEN_RE must still be this).
_TOKEN_PATTERN = rf"(?:[^\W\d_{_NOT_LETTERS}]|[{_MARKS}])+"


def native() -> ModuleType | None:
    """The compiled module, or ``None`` (not built, or ``TEXTFIX_PURE_PYTHON`` set)."""
    return load("textfix.repair._cplausible")


def _index_arrays(index: object) -> tuple[object, ...] | None:
    """The word index's arrays as the C code reads them, or ``None`` for another index."""
    if not isinstance(index, WordIndex):
        return None
    # The C code reads the arrays in place: 4-byte highs and starts, 2-byte lows and slots.
    highs, lows, slots, starts = index._highs, index._lows, index._slots, index._starts
    if (highs.itemsize, lows.itemsize, slots.itemsize, starts.itemsize) != (4, 2, 2, 4):
        return None
    nonzero = bytes(bool(m) for m in index._masks)
    return highs, lows, slots, starts, nonzero, index._bits, index._shift


def _fits_in_64_bits(values: Iterable[int]) -> bool:
    return all(0 <= v < 1 << 64 for v in values)


def compiled_scan(inner: str, signs: str, masks: dict[str, int]) -> Callable[[str], bool] | None:
    """The compiled ``_words_pass`` for the plausibility tables ``inner`` (letters that keep
    a word from being inert), ``signs`` and the bigram ``masks``; ``None`` when the module is
    missing or a table does not fit it."""
    module = native()
    spelling = reach._spelling()
    index = _index_arrays(langdata().word_mask)
    if module is None or spelling is None or index is None or TOKEN_RE.pattern != _TOKEN_PATTERN:
        return None
    letters = langdata().letter_mask
    if not (_fits_in_64_bits(masks.values()) and _fits_in_64_bits(letters.values())):
        return None
    steps = len(single_byte_steps())
    images = reach._image_table()
    fit_rows = array("Q")
    for ch in spelling.fits:
        fit_rows.frombytes(spelling.fits[ch].to_bytes(8 * steps, sys.byteorder))
    bloom = reach.reach_filter()
    blank = reach._blank_lengths()
    try:
        module.init(
            _MARKS,
            _NOT_LETTERS,
            inner,
            signs,
            masks,
            letters,
            spelling.languages | spelling.ascii_bit,
            spelling.ascii_bit,
            steps,
            "".join(images),
            "".join("".join(row) for row in images.values()),
            "".join(spelling.fits),
            fit_rows,
            reach.MAX_WORD,
            None if bloom is None else bloom._table,
            bytes(n in blank for n in range(reach.MAX_WORD + 1)),
            *index,
        )
    except (ValueError, OverflowError, TypeError):
        return None
    scan: Callable[[str], bool] = module.scan
    return scan


def compiled_line_test(
    sets: tuple[str, ...], lead: dict[str, int], cont: dict[str, int]
) -> Callable[[str], int] | None:
    """The compiled ``plausible._line_pages`` (after :func:`compiled_scan` succeeded), for
    the character ``sets`` of ``plausible._Tables.line_sets`` and the UTF-8 ``lead`` and
    ``cont`` page masks; ``None`` when the module is missing or a table does not fit it."""
    module = native()
    if module is None or not (_fits_in_64_bits(lead.values()) and _fits_in_64_bits(cont.values())):
        return None
    try:
        module.init_line(*sets, lead, cont)
    except (ValueError, OverflowError, TypeError):
        return None
    test: Callable[[str], int] = module.line_pages
    return test


#: Pattern slots of the compiled matcher, and the function answering for each.
BADNESS, UTF8_SHAPE, UTF8_DETECTOR = 0, 1, 2
_SEARCHES = ("is_bad", "utf8_shape", "utf8_detected")


def compiled_search(pattern: re.Pattern[str], slot: int = BADNESS) -> Callable[[str], bool] | None:
    """A compiled ``pattern.search(text) is not None`` for a pattern of the shape
    :func:`textfix.repair._badness.program` reads (ftfy's badness pattern in ``slot``
    :data:`BADNESS`, ``utf8.SHAPE`` in :data:`UTF8_SHAPE`), or ``None``."""
    search: Callable[[str], bool] | None = _handed_over(slot, program, pattern)
    return search


def compiled_spans(pattern: re.Pattern[str]) -> Callable[[str], list[tuple[int, int]]] | None:
    """A compiled ``[m.span() for m in pattern.finditer(text)]`` for a pattern of the shape
    :func:`textfix.repair._badness.repeated_program` reads (ftfy's ``UTF8_DETECTOR_RE``,
    in slot :data:`UTF8_DETECTOR`), or ``None``."""
    spans: Callable[[str], list[tuple[int, int]]] | None = _handed_over(
        UTF8_DETECTOR, repeated_program, pattern
    )
    return spans


def _handed_over(
    slot: int, reader: Callable[[re.Pattern[str]], Any], pattern: re.Pattern[str]
) -> Any:
    """The compiled function of ``slot`` once ``pattern``, as ``reader`` spells it out, is
    handed over to it; ``None`` without the module or when the reader refuses the pattern."""
    module = native()
    if module is None:
        return None
    try:
        spelled = reader(pattern)
    except (AttributeError, IndexError, TypeError, ValueError):
        return None  # a parse tree of another shape (``re._parser`` is private): the regex
    if spelled is None:
        return None
    try:
        module.init_search(slot, *spelled)
    except (ValueError, OverflowError, TypeError):
        return None
    return getattr(module, _SEARCHES[slot])
