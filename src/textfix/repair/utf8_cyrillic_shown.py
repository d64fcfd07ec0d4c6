"""Latin-script UTF-8 shown through a Cyrillic code page (cp1251, koi8-r): structural evidence.

A Latin letter beyond ASCII is two UTF-8 bytes (three for Vietnamese's), a lead byte
0xC0-0xEF and continuation bytes 0x80-0xBF. cp1251 and koi8-r show every lead byte as a
Cyrillic letter and most continuation bytes as signs (quotation marks, dashes, box
drawing, ``≥``, ``⌠``): Irish ``Ó`` is cp1251's ``Г“`` and koi8-r's ``ц⌠``, Azerbaijani
``Kifayət`` is koi8-r's ``Kifayи≥t``, Welsh ``Ynglŷn â'r`` is ``Ynglе╥n ц╒'r``. ftfy's
heuristic passes such lines (it does not read koi8-r at all), a lone garbled letter
hardly moves the engine's letter statistics, and their languages' word lists are thin,
so no other repairer takes them.

The shape is its own evidence when the whole line's strict UTF-8 round trip through the
page makes only letters of one Latin-script language's alphabet (the line's other words
are ASCII, so Latin: the line has an ASCII word or word part of two letters or more), and
EVERY multi-byte sequence it reads shows as a Cyrillic letter either followed by a sign
(a continuation byte no Cyrillic word writes after a letter) or glued to ASCII letters in
one word (``Kifayи``: no Cyrillic word is spelled with Latin letters). Clean Cyrillic text
never gets here: its small letters are lead bytes that a letter, not a continuation,
follows, so its round trip fails or makes Cyrillic letters (``Р»`` is ``л``), and a letter
followed by a letter the page puts at a continuation byte (koi8-r's ``её``, ``ţ``) is
neither glued to ASCII letters nor followed by a sign.

Asked after ftfy's chains and :mod:`~textfix.repair.utf8_structural`, before the legacy
engine (which may read such a line as some single-byte step and fail its gates).

>>> repair("Kifayи≥t", DocumentContext()).text
'Kifayət'
>>> repair("Г“ Highne", DocumentContext()).text
'Ó Highne'
>>> repair("её ID", DocumentContext()) is None
True
"""

from __future__ import annotations

import re
from functools import cache

from textfix.repair.base import DocumentContext, Step
from textfix.repair.legacy import _utf8_round_trips
from textfix.scoring._data import langdata

#: Display pages whose lead bytes are all Cyrillic letters (koi8-u is koi8-r's Ukrainian
#: variant; the first decode in table order names the chain).
_PAGES = frozenset({"cp1251", "koi8-r", "koi8-u"})

#: A Latin word (or part of one) of the line outside the garbled letters.
_ASCII_WORD = re.compile("[A-Za-z]{2}")

CONFIDENCE = 0.9


@cache
def _latin_alphabets() -> tuple[frozenset[str], ...]:
    """The alphabets (small letters) of the Latin-script language models."""
    return tuple(
        frozenset(model.alphabet) for model in langdata().models.values() if model.script == "Latn"
    )


@cache
def _latin_letters() -> frozenset[str]:
    """Every letter of :func:`_latin_alphabets`."""
    return frozenset().union(*_latin_alphabets())


def _sequence_length(lead: int) -> int:
    """Bytes of the UTF-8 sequence a lead byte starts (0 for a byte that is no lead)."""
    if 0xC0 <= lead < 0xE0:
        return 2
    if 0xE0 <= lead < 0xF0:
        return 3
    return 4 if 0xF0 <= lead < 0xF8 else 0


def _glued(decoded: str, at: int) -> bool:
    """The letter at ``at`` stands in one word (a run of letters) with an ASCII letter."""
    start = at
    while start and decoded[start - 1].isalpha():
        start -= 1
    end = at + 1
    while end < len(decoded) and decoded[end].isalpha():
        end += 1
    return any(ch.isascii() for ch in decoded[start:end])


def shown_latin(text: str, decoded: str, shown: str) -> bool:
    """Whether ``decoded``, the strict whole-line UTF-8 round trip of ``text`` through
    ``shown``, makes only letters of one Latin-script alphabet, each from a sequence with
    structural evidence (a sign among its continuations, or glued to ASCII letters).

    >>> shown_latin("ц⌠ Highne", "Ó Highne", "koi8-r")
    True
    >>> shown_latin("ГЁ Highne", "è Highne", "cp1251")  # a letter after a letter, alone
    False
    """
    if _ASCII_WORD.search(decoded) is None:
        return False
    made: set[str] = set()
    i = j = 0  # (positions in text and in decoded)
    while i < len(text):
        if text[i].isascii():
            i += 1
            j += 1
            continue
        length = _sequence_length(text[i].encode(shown)[0])
        letter = decoded[j].lower()
        if not length or not letter.isalpha() or letter not in _latin_letters():
            return False  # (at the first letter no Latin alphabet holds: Cyrillic text)
        continuations = text[i + 1 : i + length]
        if all(ch.isalpha() for ch in continuations) and not _glued(decoded, j):
            return False
        made.add(letter)
        i += length
        j += 1
    return bool(made) and any(made <= alphabet for alphabet in _latin_alphabets())


def repair(text: str, context: DocumentContext) -> Step | None:
    """The whole-line UTF-8 repair of a Latin-script line shown as cp1251 or koi8-r whose
    shape proves it (:func:`shown_latin`), or ``None``."""
    if text.isascii():
        return None
    for decoded, chain in _utf8_round_trips(text):
        shown = chain[0][1]
        if shown in _PAGES and decoded != text and shown_latin(text, decoded, shown):
            return Step(decoded, chain, CONFIDENCE)
    return None
