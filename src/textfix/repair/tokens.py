"""A line's words, :data:`~textfix.scoring.model.TOKEN_RE`'s ``findall``, through the
compiled tokenizer where it is built.

``_cplausible.tokens`` (the tested twin of ``TOKEN_RE.findall``) is some ten times cheaper
on a long line than the pattern's character classes. It reads the character class the
plausibility tables hand over, so it is taken only once :func:`plausible._words_test
<textfix.repair.plausible._words_test>` found them handed over (else, and with
``TEXTFIX_PURE_PYTHON`` set, the pattern answers). This module imports no repair module at
load time, so any of them may use :func:`tokens` without an import cycle.

>>> tokens("l’été, 2 fois")
['l', 'été', 'fois']
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from textfix.scoring.model import TOKEN_RE


def tokens(text: str) -> list[str]:
    """``TOKEN_RE.findall(text)``, compiled where built.

    >>> tokens("Kuş uçtu_2x")
    ['Kuş', 'uçtu', 'x']
    """
    return _token_finder()(text)


@cache
def _token_finder() -> Callable[[str], list[str]]:
    """``_cplausible.tokens`` once the tables it reads were handed over, else
    ``TOKEN_RE.findall``."""
    # (imported here: plausible and _scan import modules that use tokens())
    from textfix.repair._scan import native
    from textfix.repair.plausible import _words_pass, _words_test

    module = native()
    if module is None or _words_test() is _words_pass:
        return TOKEN_RE.findall
    found: Callable[[str], list[str]] = module.tokens
    return found
