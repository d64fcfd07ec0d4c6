"""Shapes of clean text that a single-byte round trip must not read as mojibake.

Each test takes a line and a same-length round trip of it and says whether the round trip
only reads one of clean text's own shapes as broken letters; the legacy engine's gates then
refuse it (:func:`textfix.repair.legacy.repair`), whatever its letter statistics gain:

- an acute accent sign written as an apostrophe (Dutch ``commando´s``, German ``Hol ´nen``,
  ``O´Malley``): cp850 shows cp1252's ``ï`` as ``´``, cp1252 iso8859-16's ``Ž``
  (:func:`apostrophe_read`);
- one inflection of a word swapped for another (Czech ``nehybný`` -> ``nehybně``: cp850
  shows cp1250's ``ě`` as ``ý``): :func:`endings_swapped`;
- letters whose case alone changes, other than capitals after small letters made small
  (``Ясную`` -> ``ясную``: mac-cyrillic and cp1251 swap ``я`` and ``Я``): :func:`case_only`;
- box drawing glued to a word read as letters of another script (``├─user`` ->
  ``ГДuser``: a tree read as cp1251 capitals): :func:`scripts_mixed`.

>>> apostrophe_read("Zie de commando´s.", "Zie de commandoïs.", lambda w: False)
True
>>> case_only("Ясную мысль", "ясную мысль"), case_only("длЯ всех", "для всех")
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Callable

from textfix.repair.gate_sheet import (
    ACCEPT_SCRIPTS_MIXED,
    CASE_ONLY,
    SCRIPTS_MIXED,
    accepted,
    answer,
)
from textfix.repair.narrow import narrow, wide
from textfix.repair.spans import word_pairs
from textfix.repair.tokens import token_spans
from textfix.scoring.endings import STEM, ending_langs
from textfix.scoring.model import odd_case, script_of

#: Signs writers put for an apostrophe that a round trip may read as a letter (the ASCII
#: apostrophe and backtick never change).
APOSTROPHES = frozenset("´’")
#: What an apostrophe joins to a word in the Latin-script languages: English ``'s 't 'd 'm
#: 're 've 'll``, Dutch ``'s 'en 'tje 't 'k``, German ``'s 'n 'ne 'nen 'nem 'ner 'm 'r``,
#: Afrikaans ``'n``; written after a word or as a word of its own.
CLITICS = frozenset(str.split("s t d m n k r ll re ve en ne nen nem ner em er es tje tjes je jes"))
#: Elided words before an apostrophe and a vowel (French ``l'``, ``d'``, ``qu'``; Italian
#: ``dell'``, ``un'``; Catalan ``l'``, ``d'``).
ELIDED = frozenset(
    str.split(
        "l d j m n s t c qu jusqu lorsqu puisqu aujourd dell all nell sull dall quell quest un"
    )
)
_VOWELS = frozenset("aeiouhàâäéèêëîïôöùûüyAEIOUHÀÂÄÉÈÊËÎÏÔÖÙÛÜY")


def _letters(text: str, i: int, step: int) -> str:
    """The run of letters next to ``text[i]`` (before it for ``step`` -1, after it for 1)."""
    j = i + step
    while 0 <= j < len(text) and text[j].isalpha():
        j += step
    return text[j + 1 : i] if step < 0 else text[i + 1 : j]


def _apostrophe_at(text: str, i: int) -> tuple[str, str] | None:
    """``(host, clitic)`` when the sign at ``text[i]`` stands where writers put an
    apostrophe (``host`` is "" for a clitic written as a word, ``clitic`` "" for a sign
    ending a word), else ``None``."""
    host, after = _letters(text, i, -1), _letters(text, i, 1)
    if host and i + 1 + len(after) < len(text) and text[i + 1 + len(after)] in APOSTROPHES:
        return None  # (quotes around a word: "´zin´")
    if after.lower() in CLITICS:
        return host, after  # "commando´s", "stat´en", "Hol ´nen"
    if host and (not after or after[0].isupper()):
        return host, ""  # "Hans´", "O´Malley", "d´Annunzio"
    if host.lower() in ELIDED and after[:1] in _VOWELS:
        return host, ""  # "L´école", "dell´anno"
    return None


def apostrophe_read(text: str, cand: str, known: Callable[[str], bool]) -> bool:
    """Every character the round trip changes is an apostrophe sign where writers put one
    (before a clitic, ending a word, before a capital or after an elided word), and a word
    it makes is no ``known`` word (of the line's language), or is only a clitic on a known
    word: ``commando´s`` is no ``commandoïs``, ``Hol ´nen`` no ``Hol Žnen``. The same sign
    inside a word (``ge´ntegreerde`` is cp1252 ``geïntegreerde`` shown as cp850) is mojibake.

    >>> known = {"ruïne", "ruine", "ma"}.__contains__
    >>> apostrophe_read("Hol ´nen Inder", "Hol Žnen Inder", known)
    True
    >>> apostrophe_read("Een ru´ne", "Een ruïne", known), apostrophe_read("ma´s", "maïs", known)
    (False, True)
    >>> apostrophe_read("ge´ntegreerde", "geïntegreerde", known)
    False
    """
    if len(text) != len(cand):
        return False
    changed = [i for i, (a, b) in enumerate(zip(text, cand, strict=True)) if a != b]
    if not changed or any(text[i] not in APOSTROPHES for i in changed):
        return False
    for i in changed:
        shape = _apostrophe_at(text, i)
        if shape is None:
            return False
        host, clitic = shape
        word = host + cand[i] + _letters(text, i, 1)
        if not known(word) or (host and clitic and known(host)):
            return True
    return False


def endings_swapped(text: str, cand: str, lang_bit: int) -> bool:
    """Every word the round trip changes keeps a stem of :data:`~textfix.scoring.endings.STEM`
    letters or more and trades one frequent ending of the language ``lang_bit`` names for
    another: one inflection read as another (Czech ``nehybný``, an adjective, is no
    ``nehybně``), which no letter statistics or word list can settle.

    >>> from textfix.scoring._data import langdata
    >>> cs = 1 << langdata().models["cs"].index
    >>> endings_swapped("Je nehybný.", "Je nehybně.", cs), endings_swapped("mýsto", "město", cs)
    (True, False)
    """
    if not lang_bit or len(text) != len(cand):
        return False
    pairs = word_pairs(text, cand)
    if not pairs:
        return False
    for a, b in pairs:
        stem = next((k for k, (x, y) in enumerate(zip(a, b, strict=True)) if x != y), len(a))
        if (
            stem < STEM
            or odd_case(a)  # (mojibake's capital inside a word: "директориЯ" is no form)
            or a[stem:].lower() == b[stem:].lower()
            or not ending_langs(a[stem:]) & ending_langs(b[stem:]) & lang_bit
        ):
            return False
    return True


def case_only(text: str, cand: str) -> bool:
    """The round trip changes only the case of letters, and makes small no capital that
    follows a small letter (mojibake's shape: ``длЯ Якого`` is ``для якого``): clean text
    capitalises words, so such a change mends nothing (``Ясную`` is no ``ясную``).

    >>> case_only("Ясную мысль", "ясную мысль"), case_only("моЯ книга", "моя книга")
    (True, False)
    """
    # (answered by the compiled gate sheet the accept test has already worked out)
    found = answer(text, cand, CASE_ONLY)
    if found is not None:
        return found
    if len(text) != len(cand) or text == cand:
        return False
    inner = False
    for i, (a, b) in enumerate(zip(text, cand, strict=True)):
        if a == b:
            continue
        if a.lower() != b.lower():
            return False
        inner = inner or (a.isupper() and i > 0 and text[i - 1].islower())
    return not inner


def _scripts(word: str) -> set[str]:
    return {script_of(ch) for ch in word if ch.isalpha()} - {"Other"}


#: Box drawing and block elements: what cp437 and cp866 text is meant to hold (trees,
#: frames, bars).
_DRAWING = wide(re.compile("[\u2500-\u259f]"))


def scripts_mixed(text: str, cand: str) -> bool:
    """The round trip reads box drawing glued to a word as letters of another script than
    the word's (``├─user@1000`` -> ``ГДuser@1000``: a tree drawn by ``systemctl status``
    read as cp1251 capitals). Mojibake's repairs take such words apart (``Siapanлeg`` is
    ``Siapanëeg``); where one makes them, the word's own letters were read wrong too
    (cp1256's ``╟ßXML`` is Arabic ``الXML``).

    >>> scripts_mixed("├─user", "ГДuser"), scripts_mixed("Siapanлeg", "Siapanëeg")
    (True, False)
    >>> scripts_mixed("╟ßXML", "الXML")
    False
    """
    if answer(text, cand, SCRIPTS_MIXED) is False:
        return False  # (the compiled gate sheet: no box drawing in the text)
    found = accepted(text, cand, ACCEPT_SCRIPTS_MIXED)  # (and the accept sheet: the words)
    if found is not None:
        return found
    if len(text) != len(cand) or narrow(text) or not _DRAWING.search(text):
        return False
    for start, end in token_spans(cand):
        before, word = text[start:end], cand[start:end]
        if (
            before != word
            and all(_DRAWING.match(a) for a, b in zip(before, word, strict=True) if a != b)
            and len(_scripts(word)) > 1
        ):
            return True
    return False
