"""Quotation marks of iso8859-13 shown as latin-1 signs.

iso8859-13 (Baltic) keeps latin-1's letters where latin-1 has the ones Estonian uses (``õ ä
ö ü``) and puts its quotation marks where latin-1 has signs: ``“`` at 0xB4 (``´``), ``”`` at
0xA1 (``¡``), ``„`` at 0xA5 (``¥``). An Estonian line written in it and shown as latin-1 or
cp1252 reads ``Väärtus ´%(value)s¡``: no letter is broken, so neither letter statistics
nor word lists move, but an acute accent opening a word and an inverted exclamation mark
closing one pair up as no clean text writes them (none of 495,772 clean lines of the dev,
Debian prose, CLDR, hunspell, Faker and wheel sets has ``¡`` beside ``´`` or ``¥``; Spanish
opens with ``¡``). With the line's words naming a language written in iso8859-13, the pair
is the evidence (:func:`signs_quoted`).

>>> signs_quoted("Väärtus ´%(value)s¡ ei ole lubatud väärtus.")
('Väärtus “%(value)s” ei ole lubatud väärtus.', (('iso8859-13', 'cp1252'),))
>>> signs_quoted("¡Hola! don´t") is None
True
"""

from __future__ import annotations

from textfix.chains import fits
from textfix.repair.ce_letters import UNLISTED, _votes
from textfix.repair.line_language import LINE_VOTES, prose
from textfix.scoring._data import langdata
from textfix.scoring.model import score
from textfix.types import Chain

#: The true code page and the pages it is shown as.
TRUE = "iso8859-13"
SHOWN = ("cp1252", "iso8859-1")
#: The signs latin-1 shows iso8859-13's quotation marks as: openers and the closer.
OPENERS = "´¥"
CLOSER = "¡"
#: What may stand right after a closing quotation mark (or before an opening one: any
#: non-letter; a closer after a space or an opener after a letter pairs nothing).
_AFTER_CLOSE = frozenset(" .,;:!?)]}»-–—…")


def signs_quoted(text: str) -> tuple[str, Chain] | None:
    """The repair of ``text`` (a line) through iso8859-13 shown as cp1252 or latin-1 when
    every character it changes is one of those signs, they come out as pairs of an opening
    quotation mark (at a word's start) and a closing one (at a word's end), and the
    repaired line's words name a language written in iso8859-13 (:func:`_named`); else
    None."""
    if CLOSER not in text or not any(ch in text for ch in OPENERS):
        return None  # (cheap: nearly every line stops here)
    if not _paired(text):
        return None
    for shown in SHOWN:
        try:
            cand = text.encode(shown).decode(TRUE)
        except UnicodeError:
            continue
        if any(a != b and a not in OPENERS + CLOSER for a, b in zip(text, cand, strict=True)):
            return None  # other characters change: the engine's to judge
        return (cand, ((TRUE, shown),)) if _named(cand) else None
    return None


def _named(cand: str) -> bool:
    """The words of ``cand`` (3+ letters, ASCII ones included, outside placeholders) are
    known words of a language written in iso8859-13, :data:`LINE_VOTES` of them at least,
    and of no other language more often (short Estonian words are Czech ones too: "pole",
    "teda"); or the letter statistics of its prose read it as such a language (few of an
    Estonian line's inflected words are listed: "Lehekülg", "täisarvuks"; the pairs are
    the evidence, the language only names the code page)."""
    votes = _votes(prose(cand))
    top = max((n for index, n in votes.items() if index != UNLISTED), default=0)
    return any(
        votes[model.index] >= max(LINE_VOTES, top) and fits(TRUE, model.code)
        for model in langdata().models.values()
    ) or fits(TRUE, score(prose(cand)).lang)


def _paired(text: str) -> bool:
    """Every opener stands at a word's start (after no letter or digit, before a non-space),
    every closer at a word's end (after a non-space, before a space, punctuation or the
    end), and they alternate, opener first."""
    want_open = True
    for i, ch in enumerate(text):
        if ch in OPENERS:
            before = text[i - 1] if i else " "
            after = text[i + 1 : i + 2]
            if not want_open or before.isalnum() or after in ("", " "):
                return False
            want_open = False
        elif ch == CLOSER:
            before = text[i - 1] if i else " "
            after = text[i + 1 : i + 2]
            if want_open or before.isspace() or (after and after not in _AFTER_CLOSE):
                return False
            want_open = True
    return want_open
