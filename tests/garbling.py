"""The garbling every engine test starts from: text written in one code page, shown as another."""

from __future__ import annotations


def garble(text: str, true: str, shown: str) -> str:
    """``text`` written in ``true`` and read back as ``shown`` (both strict).

    >>> garble("Цей", "cp1251", "latin-1")
    'Öåé'
    """
    return text.encode(true).decode(shown)
