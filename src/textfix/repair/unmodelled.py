"""Clean spellings of orthographies no model covers, which a round trip reads as mojibake.

Refused by the legacy engine's last gate (:func:`unmodelled_read`, from
``legacy._clean_shape_read``), when the word the repair makes is no known word:

- Turkmen's ``ý`` and ``Ý`` beside a vowel, read as Turkish ``ı`` and ``İ`` (cp1254 shown as
  cp1252): Turkmen writes ``ý`` as a glide before or after a vowel (``Ýewropa``,
  ``Kuweýt``), Turkish writes ``ı`` beside a vowel almost nowhere, but before its ``y``
  (``kopyalanıyor``: ``y`` does not count as a vowel here), so the Turkish reading of such a
  word needs a known word (``İade``), not the line's other words alone (Turkmen ``dili`` is
  Turkish too);
- an apostrophe after a word's first ``n`` or ``m``, before a consonant, read as a letter
  (mac-latin2 ``í`` shown as cp1252 ``’``): the prenasal apostrophe of Mande and Bantu
  names (``N’Ko``, ``N’Djamena``, ``M’Bour``); Spanish or Czech words that start so
  (``mínimo``) are known words.

>>> unmodelled_read("ispan dili (Ýewropa)", "ispan dili (İewropa)")
True
>>> unmodelled_read("n’kó", "níků"), unmodelled_read("m’nimo", "mínimo")
(True, False)
>>> unmodelled_read("Kapýy", "Kapıy"), unmodelled_read("kopyalanýyor", "kopyalanıyor")
(False, False)
"""

from __future__ import annotations

from textfix.repair.ce_letters import _vowel
from textfix.repair.gate_sheet import ACCEPT_UNMODELLED, accepted
from textfix.repair.gates import changed_at
from textfix.scoring.model import word_langs

#: Turkmen's glide and the Turkish letters cp1254 has at its bytes.
_GLIDES = {"ý": "ı", "Ý": "İ"}
#: Where a word starts: the line's start, a space or an opening sign.
_OPENING = frozenset("([\"'«“‘„")


def _word_at(text: str, i: int) -> str:
    """The run of letters around ``text[i]``."""
    start, end = i, i + 1
    while start and text[start - 1].isalpha():
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end]


def _vowel_at(text: str, i: int) -> bool:
    """``text[i]`` is a vowel other than ``y`` (out of range: no)."""
    if not 0 <= i < len(text) or not text[i].isalpha():
        return False
    ch = text[i].lower()
    return ch != "y" and _vowel(ch)


def _glide_read(text: str, cand: str, changed: list[int]) -> bool:
    return all(
        _GLIDES.get(text[i]) == cand[i]
        and (_vowel_at(text, i - 1) or _vowel_at(text, i + 1))
        and not word_langs(_word_at(cand, i))
        for i in changed
    )


def _prenasal_read(text: str, cand: str, changed: list[int]) -> bool:
    for i in changed:
        after = text[i + 1 : i + 2]
        if (
            text[i] == "’"
            and i
            and text[i - 1] in "nmNM"
            and (i == 1 or text[i - 2].isspace() or text[i - 2] in _OPENING)
            and after.isalpha()
            and not _vowel(after.lower())
            and not word_langs(_word_at(cand, i))
        ):
            return True
    return False


def unmodelled_read(text: str, cand: str) -> bool:
    """The same-length round trip ``cand`` of ``text`` reads a clean spelling of an
    unmodelled orthography as mojibake, making no known word (see the module's docstring)."""
    if len(text) != len(cand) or text == cand:
        return False
    if "’" not in text and "ý" not in text and "Ý" not in text:
        # (cheap, three searches in C: the signs both readings need, the apostrophe and
        # _GLIDES' letters; most repairs have none: legacy._clean_shape_read asks them too)
        return False
    if accepted(text, cand, ACCEPT_UNMODELLED) is False:
        return False  # (the accept sheet: no changed place either reading takes)
    changed = list(changed_at(text, cand))
    return _glide_read(text, cand, changed) or _prenasal_read(text, cand, changed)
