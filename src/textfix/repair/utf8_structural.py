"""UTF-8 shown through a code page, where ftfy's heuristic passes: decodes that prove themselves.

ftfy repairs UTF-8 mojibake when its badness heuristic flags the line, and the legacy
engine's letter statistics speak for the scripts it models. Two shapes fall between them:

- text in scripts no single-byte code page holds (Chinese, Japanese, Korean...), shown as
  cp1251 or koi8-r: ``гЃЇеЏ–`` is ``は取`` (ftfy does not read koi8-r at all). A line with a
  mojibake shape (capitals inside words, box drawing between letters) whose whole-line
  strict UTF-8 decode makes two or more such characters and no other non-ASCII letter is
  its own evidence. (Well-formed Cyrillic words can decode by chance through cp866, whose
  small letters are lead and continuation bytes: ``уелски``; the shape rules those out.)
- an accented letter in a line of Latin words shown as two Cyrillic ones (``predefinito ГЁ
  un``): the decode makes letters of the alphabet of the language the line's other words
  are known words of, in place of letters of another script.

>>> repair("il valore ГЁ un numero intero", DocumentContext()).text
'il valore è un numero intero'
>>> repair("Привет, как дела", DocumentContext()) is None
True
"""

from __future__ import annotations

import unicodedata
from functools import cache

from textfix.chains import UTF8_STEPS, single_byte_steps
from textfix.repair.base import DocumentContext, Step
from textfix.repair.legacy import _utf8_round_trips, _voted_model, core
from textfix.scoring.model import mojibake_shape, script_of

#: Display code pages of the UTF-8 chains, each once, in the chain table's order.
_SHOWN = tuple(dict.fromkeys(shown for _true, shown in UTF8_STEPS))
#: Characters a decode must never make: controls (tab excepted), U+FFFD, private use,
#: unassigned code points.
_BAD_CATEGORIES = frozenset({"Cc", "Co", "Cn", "Cs"})
#: Characters the decode must consume beyond what it makes for the first kind: two
#: three-byte sequences.
MIN_CONSUMED = 4
#: Known words of the line needed to name its language (the second kind).
LINE_VOTES = 2

CONFIDENCE_UNHELD = 0.95
CONFIDENCE_LINE_LETTERS = 0.9


@cache
def _held() -> frozenset[str]:
    """Characters some single-byte code page of the chain table holds."""
    held: set[str] = set()
    for step, _table in single_byte_steps():
        for codec in step:
            held.update(bytes(range(0x80, 0x100)).decode(codec, errors="ignore"))
    for shown in _SHOWN:
        held.update(bytes(range(0x80, 0x100)).decode(shown, errors="ignore"))
    return frozenset(held)


def _clean_decode(text: str, decoded: str) -> bool:
    """The decode made no control, replacement, private-use or unassigned character."""
    return not any(
        ch == "\ufffd" or unicodedata.category(ch) in _BAD_CATEGORIES
        for ch in set(decoded) - set(text)
        if ch != "\t"
    )


def _only_unheld(text: str, decoded: str) -> bool:
    """Every non-ASCII character of the decode is one no single-byte page holds, or
    punctuation (quotes, dashes), and the decode consumed two sequences or more. Two or
    more of those unheld characters are letters or symbols (emoji), and an unheld mark
    follows an unheld letter: a decode that makes only marks and punctuation of scripts the
    line does not write (clean ``aранска`` through cp866 reads as a Samaritan mark after
    the Latin ``a`` and a Tai Tham sign) is chance.

    >>> _only_unheld("гЃЇеЏ–", "は取"), _only_unheld("aранска", "a\u082d\u1aa0")
    (True, False)
    """
    if len(text) - len(decoded) < MIN_CONSUMED:
        return False
    held = _held()
    unheld = 0
    for i, ch in enumerate(decoded):
        if ch <= "\x7f":
            continue
        kind = unicodedata.category(ch)[0]
        if ch in held:
            if kind != "P":
                return False
        elif kind in "LS":
            unheld += 1
        elif kind == "M" and not (i and decoded[i - 1] not in held and decoded[i - 1] > "\x7f"):
            return False  # a mark on nothing it belongs to
    return unheld >= 2


def _letters_of_the_line(text: str, decoded: str) -> bool:
    """The decode makes only letters, of the alphabet of the language 2+ known words of the
    line name, in place of characters that are not letters of that language's script."""
    made = set(decoded) - set(text)
    gone = {ch for ch in set(text) - set(decoded) if ch > "\x7f"}
    if not made or not gone or not all(ch.isalpha() for ch in made):
        return False
    model = _voted_model(decoded, LINE_VOTES)
    if model is None:
        return False
    return all(ch.lower() in model.alphabet for ch in made) and all(
        not (ch.isalpha() and script_of(ch) == model.script) for ch in gone
    )


def repair(text: str, context: DocumentContext) -> Step | None:
    """A whole-line UTF-8 repair of one of the two self-evident kinds, or ``None``."""
    if text.isascii():
        return None
    shaped: bool | None = None  # computed once, when a decode needs it
    # The legacy engine's strict whole-line UTF-8 round trips, first sequence checked first.
    for decoded, chain in _utf8_round_trips(text):
        if decoded == text or not _clean_decode(text, decoded):
            continue
        if shaped is None:
            shaped = mojibake_shape(core(text))
        if shaped and _only_unheld(text, decoded):
            return Step(decoded, chain, CONFIDENCE_UNHELD)
        if _letters_of_the_line(text, decoded):
            return Step(decoded, chain, CONFIDENCE_LINE_LETTERS)
    return None
