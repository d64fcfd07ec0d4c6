"""Plausibility scoring: how much a string looks like real text in some language.

Public API (stable): :func:`score`, :class:`TextScore`, :func:`known_word`.

>>> score("Zażółć gęślą jaźń").lang
'pl'
"""

from __future__ import annotations

from textfix.scoring.model import (
    TextScore,
    known_word,
    lang_codes,
    score,
    script_of,
    word_band,
    word_langs,
)

__all__ = ["TextScore", "known_word", "lang_codes", "score", "script_of", "word_band", "word_langs"]
