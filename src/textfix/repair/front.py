"""What the legacy engine asks of every line before its candidates, in one compiled call.

``legacy.repair`` asks each garbled line, before anything else: quote_signs' cheap shape
(:func:`~textfix.repair.quote_signs.looks_quoted`: may ``signs_quoted`` repair it?),
:func:`~textfix.repair.lone_words.lone_signs`, the :func:`~textfix.repair.gates.opening`
bits, ``ce_letters.looks_anyway`` (where the opening saw its characters), whether a letter
``stray_letters.looks_stray`` looks for stands in the line, and ``plausible(line)``. Each
is a compiled test already, but on a short line its Python call costs more than the test:
``_cgates.front`` asks them all in one call (:func:`_front_py` is the reference).

The bits beside the opening's (keep in step with _cgates_front.h): :data:`QUOTED` the cheap
shape; :data:`LONE` lone signs; :data:`NBSP` looks_anyway, :data:`ASK_NBSP` looks_anyway is
Python's to answer; :data:`LOOKED` a looked-for letter stands in the line; :data:`READS`
plausible is True, :data:`READS_NOT` it is False (only where the engine asks plausible: no
clean, typed or sign-capital bit, no looks_anyway; neither where a UTF-8 page is left to
round-trip, which Python does).

>>> bool(front("questo Þ usato") & LONE), bool(_front_py("questo Þ usato") & QUOTED)
(True, False)
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from textfix._native import load
from textfix.repair import letter_places
from textfix.repair._scan import native
from textfix.repair.base import DocumentContext
from textfix.repair.ce_letters import _looks_anyway_py
from textfix.repair.gates import (
    ANYWAY,
    CLEAN,
    SIGN_CAPITAL,
    TYPED,
    _compiled_opening,
    _opening_py,
    opening,
)
from textfix.repair.lone_words import _compiled_lone_signs, _lone_signs_py, lone_signs
from textfix.repair.plausible import _line_pages, _line_test
from textfix.repair.quote_signs import _compiled_looks, _looks_quoted_py
from textfix.repair.stray_letters import _LOOKED_RE
from textfix.repair.stray_letters import LOOKED as _LOOKED_LETTERS

_CGATES = load("textfix.repair._cgates")

QUOTED, LONE, NBSP, ASK_NBSP, LOOKED, READS, READS_NOT = 128, 256, 512, 1024, 2048, 4096, 8192
#: Bits after which the engine does not ask plausible (the line's gate is settled without).
_NO_PAGES = CLEAN | TYPED | SIGN_CAPITAL | NBSP


#: The context of a one-line document with no prior (as ``line.FRESH``, never written) whose
#: line ``document.quick_line_check`` answered IMPLAUSIBLE for: handed to the repairers of
#: that line alone (its first layer), so that :func:`front` does not ask ``plausible``'s
#: page test again (it failed: :data:`READS_NOT`).
IMPLAUSIBLE_LINE = DocumentContext()


def front(text: str, context: DocumentContext | None = None) -> int:
    """The bits of :func:`_front_py` (the opening's :data:`~textfix.repair.gates.ASK_TYPED`
    beyond the BMP, and :data:`ASK_NBSP` where looks_anyway's C twin leaves it to Python).
    Without the compiled module, the bits that send the engine to ask every test itself as
    before (:data:`QUOTED`, :data:`LOOKED`, :data:`ASK_NBSP` beside the opening's
    characters, no :data:`READS` bit) and :data:`LONE` as lone_signs answers. ``context``:
    the engine's, :data:`IMPLAUSIBLE_LINE` when the compiled document check already found
    ``plausible(text)`` False (the same bits, without its page test)."""
    compiled = _compiled_front()
    if compiled is not None and context is IMPLAUSIBLE_LINE:
        return compiled(text, True)
    if compiled is None:
        opened = opening(text)
        return (
            opened
            | QUOTED
            | LOOKED
            | (ASK_NBSP if opened & ANYWAY else 0)
            | (LONE if lone_signs(text) else 0)
        )
    return compiled(text)


def _front_py(text: str) -> int:
    """:func:`front` in pure Python (the reference of ``_cgates.front``)."""
    bits = _opening_py(text)
    bits |= LOOKED if _LOOKED_RE.search(text) else 0
    bits |= QUOTED if _looks_quoted_py(text) else 0
    bits |= LONE if _lone_signs_py(text) else 0
    bits |= NBSP if bits & ANYWAY and _looks_anyway_py(text) else 0
    if not bits & _NO_PAGES:
        pages = _line_pages(text)
        bits |= READS if pages == 0 else READS_NOT if pages < 0 else 0
    return bits


@cache
def _compiled_front() -> Callable[..., int] | None:
    """``_cgates.front``, handed the compiled tests of ``_cplausible`` it asks; ``None``
    without them (or without the compiled opening or letter tables)."""
    module = native()
    looks = _compiled_looks()
    lone = _compiled_lone_signs()
    if (
        _CGATES is None
        or module is None
        or looks is None
        or lone is None
        or _compiled_opening() is None
        or letter_places._compiled() is None
    ):
        return None
    test = _line_test()
    pages = test if test is getattr(module, "line_pages", None) else None
    _CGATES.init_front(looks, lone, pages, "".join(sorted(_LOOKED_LETTERS)))
    check: Callable[..., int] = _CGATES.front
    return check
