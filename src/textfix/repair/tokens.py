"""A line's words, :data:`~textfix.scoring.model.TOKEN_RE`'s ``findall`` (:func:`tokens`)
and its matches' spans (:func:`token_spans`), through the compiled tokenizer where it is
built.

``_cplausible.tokens`` and ``_cplausible.token_spans`` (the tested twins of the pattern's
``findall`` and ``finditer``) are some ten times cheaper on a long line than the pattern's
character classes. They read the character class the plausibility tables hand over, so
they are taken only once :func:`plausible._words_test <textfix.repair.plausible._words_test>`
found them handed over (else, and with ``TEXTFIX_PURE_PYTHON`` set, the pattern answers).
This module imports no repair module at load time, so any of them may use it without an
import cycle.

>>> tokens("l’été, 2 fois"), token_spans("l’été, 2 fois")
(['l', 'été', 'fois'], [(0, 1), (2, 5), (9, 13)])
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from types import ModuleType

from textfix.scoring.model import TOKEN_RE


def tokens(text: str) -> list[str]:
    """``TOKEN_RE.findall(text)``, compiled where built.

    >>> tokens("Kuş uçtu_2x")
    ['Kuş', 'uçtu', 'x']
    """
    return _token_finder()(text)


def token_spans(text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in TOKEN_RE.finditer(text)]``, compiled where built: callers
    slice the words (and the same places of another text) from the spans.

    >>> token_spans("Kuş uçtu_2x")
    [(0, 3), (4, 8), (10, 11)]
    """
    return _span_finder()(text)


def _spans(text: str) -> list[tuple[int, int]]:
    """:func:`token_spans` in pure Python (the reference of ``_cplausible.token_spans``)."""
    return [m.span() for m in TOKEN_RE.finditer(text)]


@cache
def _compiled() -> ModuleType | None:
    """``_cplausible`` once the tables its tokenizer reads were handed over, else ``None``."""
    # (imported here: plausible and _scan import modules that use tokens())
    from textfix.repair._scan import native
    from textfix.repair.plausible import _words_pass, _words_test

    module = native()
    return None if module is None or _words_test() is _words_pass else module


@cache
def _token_finder() -> Callable[[str], list[str]]:
    """``_cplausible.tokens`` where :func:`_compiled`, else ``TOKEN_RE.findall``."""
    module = _compiled()
    if module is None:
        return TOKEN_RE.findall
    found: Callable[[str], list[str]] = module.tokens
    return found


@cache
def _span_finder() -> Callable[[str], list[tuple[int, int]]]:
    """``_cplausible.token_spans`` where :func:`_compiled`, else :func:`_spans`."""
    module = _compiled()
    if module is None:
        return _spans
    found: Callable[[str], list[tuple[int, int]]] = module.token_spans
    return found
