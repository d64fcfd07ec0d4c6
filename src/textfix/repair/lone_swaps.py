"""A lone clean word that a round trip reads as another language's word, one letter swapped.

A line of one word has no other word to back a repair, and a one-letter swap barely moves
the letter statistics: the repaired word being listed in some language is then all the
evidence, and a known word of one language is one letter away from many clean words of
another. The legacy engine's gates let such a repair pass on that known word alone (its
letter statistics gain less than ``legacy.MIN_GAIN``); :func:`own_word_swapped` refuses it,
from ``legacy._clean_shape_read``, where the shown word is as plausibly a clean word that
its own language's list cannot vouch for:

- a Serbian or Macedonian capital that cp1251 has where mac-cyrillic keeps its capitals
  (``Ђ Ѓ Љ Њ Ќ Ћ Џ``) starts the word, the round trip swaps only that capital, the shown
  word is a word or form of theirs and the repaired word is neither: a clean name
  (``Љубинка`` is ``Љубин`` + ``ка``, no Russian ``Кубинка``; their lists lack most names,
  and a Serbian spelling alone proves nothing: :mod:`~textfix.repair.mac_words`'s
  principle). Garbled Cyrillic words make no Serbian form (``Ќедоступно`` is
  ``Недоступно``) or one of theirs (``Ќорвешка`` is Macedonian ``Норвешка``);
- the word reads best, by letter statistics, as a language whose list is thin
  (``legacy.THIN_LISTS``: CLDR's strings) and every letter of whose alphabet the shown
  page holds, and is spelled as it writes (capitals only at the start or all, letters of
  its alphabet, every pair of letters one its statistics have seen), the swap keeps the
  letter's case, and the repair gains less than ``legacy.ENDING_GAIN`` (the two spellings
  read alike): Albanian ``kalbëta`` is no Lithuanian ``kalbėta`` (cp1257 shown as cp1252),
  only missing from Albanian's list, and Breton ``KARMIÑ`` no Polish ``KARMIĄ`` (cp1250
  shown as cp437). The same principle as ``legacy._swapped``'s for a line that reads well,
  which keeps most lone Lithuanian words whose ``ė`` shows as ``ë`` as they are (of 5,664
  one-``ė`` stems that then read as Albanian, the engine repaired 230, now 210); the dev
  set's garbled words of this shape read worse than their repair (``Vïtola`` has a pair of
  letters Frisian never writes, ``SlovÓnija`` a capital inside, ``éelezniki`` a case
  flipped).

- a language listing the repaired word writes the letter it replaces too, and the repair
  gains less than ``legacy.ENDING_GAIN``: Estonian ``sõrakesil`` is no ``särakesil``
  (cp1252 shown as cp850), only a form its list lacks (``legacy._own_letters_swapped``'s
  principle for a line that reads well). A garbled Czech ``dóchody`` (``důchody``) stays
  too.

Left: a lone all-capitals Cyrillic word that koi8-r and cp1251 read as small letters of a
known word (``ОЕБС`` -> ``певу``) gains as little as garbled ones (``ДЕБЕР`` is ``девет``),
and a Serbian form whose repair is a Serbian word too (``Љутова`` -> ``Кутова``) looks as
a garbled Cyrillic word does (``Љанада`` is ``Канада``).

>>> own_word_swapped("kalbëta", "kalbėta", "cp1252", 0.17)
True
>>> own_word_swapped("Љубинка", "Кубинка", "cp1251", 0.04)
True
>>> own_word_swapped("Ќедоступно", "Недоступно", "cp1251", 0.5)
False
>>> own_word_swapped("Modelio grupës", "Modelio grupės", "cp1252", 0.0)
False
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from textfix.chains import charset
from textfix.repair.line_language import padded_lower
from textfix.repair.mac_words import _SERBIAN_SHOWN, _langs, _serbian
from textfix.scoring._data import langdata
from textfix.scoring.model import odd_case, score, script_of, word_langs

#: Runs of letters (the line's words).
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _legacy() -> tuple[
    frozenset[str], float, Callable[[tuple[tuple[int, int], ...], set[str]], bool]
]:
    """``legacy.THIN_LISTS``, ``legacy.ENDING_GAIN`` and ``legacy._own_letters_swapped``
    (imported on first use: legacy imports this module)."""
    from textfix.repair.legacy import ENDING_GAIN, THIN_LISTS, _own_letters_swapped

    return THIN_LISTS, ENDING_GAIN, _own_letters_swapped


@cache
def _writes(shown: str, lang: str) -> bool:
    """Code page ``shown`` holds every letter of ``lang``'s alphabet: clean text of ``lang``
    may stand in it as it is (a DOS page may lack some capitals: Breton's ``Ê`` in cp437)."""
    chars = charset(shown)
    model = langdata().models.get(lang)
    if chars is None or model is None:
        return False
    return all(ch in chars for ch in model.alphabet if ch.isalpha())


def own_word_swapped(text: str, cand: str, shown: str, gain: float) -> bool:
    """The same-length round trip ``cand`` of ``text`` (shown in code page ``shown``,
    gaining ``gain`` in letter statistics) only swaps one letter of the line's only word,
    which reads as a clean word of a language whose list cannot tell (see the module's
    docstring). The caller asks only where the gain is below ``legacy.MIN_GAIN``."""
    thin_lists, level, _ = _legacy()
    if len(text) != len(cand) or (gain >= level and _SERBIAN_SHOWN.isdisjoint(text)):
        return False  # (neither shape below: most repairs asked)
    words = _WORD.findall(text)
    if len(words) != 1:
        return False  # (most lines: more words than one)
    word = words[0]
    start = text.index(word)
    end = start + len(word)
    if text[:start] != cand[:start] or text[end:] != cand[end:]:
        return False
    changed = [i for i in range(start, end) if text[i] != cand[i]]
    if len(changed) != 1:
        return False
    at = changed[0]
    old, new = text[at], cand[at]
    if not (
        old.isalpha()
        and new.isalpha()
        and script_of(old) == script_of(new)
        and old.isupper() == new.isupper()
    ):
        return False  # (a case flipped is mojibake's shape: DOS and Mac pages move capitals)
    if at == start and old in _SERBIAN_SHOWN:
        return _serbian_name(word, cand[start:end])
    return gain < level and (
        _own_letter(old, cand[start:end]) or _thin_listed(word, shown, thin_lists)
    )


def _own_letter(old: str, made: str) -> bool:
    """A language listing the word ``made`` writes the letter ``old`` it replaces too
    (``legacy._own_letters_swapped`` of that one word and letter)."""
    return _legacy()[2](((1, word_langs(made)),), {old.lower()})


def _serbian_name(word: str, made: str) -> bool:
    """``word``, led by a Serbian or Macedonian capital that the round trip swaps, is a word
    or form of theirs, and the word ``made`` is neither."""
    serbian = _serbian()[0]
    return bool(_langs(word) & serbian) and not _langs(made) & serbian


def _thin_listed(word: str, shown: str, thin_lists: frozenset[str]) -> bool:
    """``word`` reads best as a language of a thin list that ``shown`` writes, spelled as it
    writes: capitals only at the start or all, letters of its alphabet, each pair of letters
    (and the word's first and last) seen in its letter statistics."""
    if odd_case(word):
        return False
    lang = score(word).lang
    if lang not in thin_lists or not _writes(shown, lang):
        return False
    model = langdata().models[lang]
    padded, seen = padded_lower(word), model.bigrams
    if not {ch for ch in padded if ch > "\x7f"} <= model.alphabet:
        return False
    return all(padded[i : i + 2] in seen for i in range(len(padded) - 1))
