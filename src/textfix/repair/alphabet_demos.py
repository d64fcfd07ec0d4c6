"""Alphabet demonstrations: clean text that lists letters rather than writing words.

Keyboard help, font samples and language primers write letters in pairs of cases
(``Ææ Øø Åå``, ``ŠšŽž``) or list the accented vowels in order (``ÀÉÎÕÜ``). Such lines
look like mojibake to letter statistics (a run of accented letters, no known word), but a
round trip through the wrong pair of code pages breaks the very pattern that makes them
lines of letters: ``Ææ`` becomes ``ΤΣ`` (cp737 shown as cp437), ``àéîõü`` becomes
``айохь``. Real mojibake of a pair is a pair again (cp1251 shown as latin-1 keeps case
offsets: ``Жж`` shows as ``Ææ`` and comes back as ``Жж``), so a repair may keep pairs but
never break them.

>>> demo_rewritten("Ææ Øø Åå", "ΤΣ Øø ΠΗ"), demo_rewritten("Ææ Øø", "Жж Шш")
(True, False)
>>> demo_rewritten("àéîõü", "айохь"), demo_rewritten("Öåé òåêñò", "Цей текст")
(True, False)
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

from textfix.repair.gate_sheet import DEMO, answer

#: Tokens: runs of non-space characters, ASCII punctuation around them stripped.
_TOKEN = re.compile(r"[^\s!-/:-@\[-`{-~]+")

#: A vowel listing needs this many accented vowels in alphabetical order.
LISTED_VOWELS = 5

_VOWELS = "aeiouy"


def _case_pairs(word: str) -> bool:
    """``word`` is one or more pairs of a non-ASCII capital and its own small letter.

    >>> _case_pairs("Ææ"), _case_pairs("ŠšŽž"), _case_pairs("Aa"), _case_pairs("Ёлка")
    (True, True, False, False)
    """
    if len(word) % 2 or word.isascii():
        return False
    pairs = zip(word[::2], word[1::2], strict=True)
    return all(a.isupper() and a != b and a.lower() == b for a, b in pairs)


def _base(ch: str) -> str:
    """The letter under the accents of ``ch`` (``"é"`` -> ``"e"``)."""
    return unicodedata.normalize("NFD", ch)[0].lower()


def _vowel_listing(word: str) -> bool:
    """``word`` is LISTED_VOWELS or more accented vowels whose letters follow the
    alphabet's order of vowels, each a different one (``ÀÉÎÕÜ``, ``àéíóú``).

    >>> _vowel_listing("ÀÉÎÕÜ"), _vowel_listing("àéíóú"), _vowel_listing("áéòú")
    (True, True, False)
    >>> _vowel_listing("Öåé"), _vowel_listing("òåêñò"), _vowel_listing("aeiou")
    (False, False, False)
    """
    if len(word) < LISTED_VOWELS or word.isascii():
        return False
    order = []
    for ch in word:  # (most words stop at their first letter)
        vowel = accented_vowel(ch, -1)
        if vowel < 0:
            return False
        order.append(vowel)
    return all(x < y for x, y in pairwise(order))


def accented_vowel(ch: str, other: int) -> int:
    """Index in ``aeiouy`` of the Latin vowel under the accents of ``ch``, or ``other`` for
    a letter that is no Latin vowel or a vowel without an accent.

    >>> accented_vowel("Õ", -1), accented_vowel("o", -1), accented_vowel("ж", -1)
    (3, -1, -1)
    """
    b = _base(ch)
    if b not in _VOWELS or b == ch.lower():
        return other
    return _VOWELS.index(b)


def _demo(word: str) -> bool:
    return word.isalpha() and (_case_pairs(word) or _vowel_listing(word))


def _demo_tokens(text: str) -> list[tuple[int, int]]:
    """Spans of the tokens of ``text`` that demonstrate letters, when every token with a
    non-ASCII letter does and they are two or more, or one of four letters or more; else
    none. (A lone pair among words is no demonstration: koi8-r's "но" shows as ``Œœ`` in
    mac-roman.)

    >>> _demo_tokens("Ææ Øø"), _demo_tokens("ŠšŽž"), _demo_tokens("Ææ"), _demo_tokens("x Œœ ÷ñ")
    ([(0, 2), (3, 5)], [(0, 4)], [], [])
    """
    spans = []
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token.isascii() or not any(ch.isalpha() and not ch.isascii() for ch in token):
            continue
        if not _demo(token):
            return []
        spans.append(m.span())
    if len(spans) >= 2 or (spans and spans[0][1] - spans[0][0] >= 4):
        return spans
    return []


def demo_rewritten(text: str, cand: str) -> bool:
    """The repair ``cand`` of ``text`` (a round trip of the same length) turns a line whose
    non-ASCII words all demonstrate letters (case pairs, vowel listings) into one where a
    word no longer does.

    >>> demo_rewritten("ŠšŽž", "ляпа"), demo_rewritten("Jäähalli Åå", "Jäähalli Åå")
    (True, False)
    """
    found = answer(text, cand, DEMO)
    if found is not None:
        return found
    if len(text) != len(cand):
        return False
    return any(
        cand[start:end] != text[start:end] and not _demo(cand[start:end])
        for start, end in _demo_tokens(text)
    )
