"""Latin capitals a DOS code page holds where cp1252 shows signs: the Latin twin of
:func:`textfix.repair.gates.capital_behind_sign`.

cp857 writes Turkish ``Ş Ö Ç İ Ü`` at bytes where cp1252 has ``ž ™ € ˜ š``, so a Turkish word
starting with one of those capitals, shown as cp1252, starts with a sign or a stray small
letter: ``žablon`` is ``Şablon``, ``™zbekistan`` is ``Özbekistan``. One capital barely moves
the letter statistics and the shown word may read well enough, so the line's own evidence is
the word: unknown as shown, known (in a language written in the true code page) once its
letters go through the step. Real signs stand before known words or before none.
"""

from __future__ import annotations

import re
from functools import cache

from textfix.chains import STEPS, family_langs
from textfix.repair.narrow import narrow, wide
from textfix.scoring import word_langs
from textfix.scoring._data import langdata
from textfix.types import Step

#: The steps whose true page holds capitals where the shown page has signs or small letters.
SIGN_CAPITAL_STEPS: tuple[Step, ...] = tuple(
    step for step in (("cp857", "cp1252"), ("cp775", "cp1252")) if step in STEPS
)


@cache
def _capitals(step: Step) -> dict[str, str]:
    """The shown characters at 0x80-0x9F, cp1252's signs and odd letters (no capitals: a
    capital shown as a capital is no sign of anything), that ``step``'s true page reads as
    capital letters. (Above 0x9F both pages hold common letters: "écrit", "àla".)"""
    true, shown = step
    out: dict[str, str] = {}
    for byte in range(0x80, 0xA0):
        try:
            seen, meant = bytes([byte]).decode(shown), bytes([byte]).decode(true)
        except UnicodeDecodeError:
            continue
        if meant.isupper() and seen != meant and not seen.isupper():
            out[seen] = meant
    return out


@cache
def _sign_before_word(step: Step) -> re.Pattern[str]:
    """One of ``step``'s shown characters starting a word, before a small letter."""
    signs = "".join(map(re.escape, sorted(_capitals(step))))
    return re.compile(rf"(?<![^\W\d_])[{signs}](?=[^\W\d_])[^\W\d_]*")


@cache
def signs() -> str:
    """Every shown character of any step, sorted: a line with none of them has no capital
    behind a sign (``gates.opening`` looks for them in C)."""
    return "".join(sorted({sign for step in SIGN_CAPITAL_STEPS for sign in _capitals(step)}))


@cache
def _any_sign() -> re.Pattern[str]:
    """Any shown character of any step: most lines have none (one cheap scan)."""
    return wide(re.compile("[" + "".join(map(re.escape, signs())) + "]"))


@cache
def _family_mask(true: str) -> int:
    models = langdata().models
    return sum(1 << models[c].index for c in family_langs(true) if c in models)


def capital_behind_latin_sign(text: str) -> Step | None:
    """The first step of :data:`SIGN_CAPITAL_STEPS` that turns a word of ``text`` starting
    with one of its signs from no known word into a known word of a language written in the
    step's true page, or ``None``.

    >>> capital_behind_latin_sign("žablon etiketleri"), capital_behind_latin_sign("˜spanya")
    (('cp857', 'cp1252'), ('cp857', 'cp1252'))
    >>> capital_behind_latin_sign("™ marks and žena"), capital_behind_latin_sign("Šablon")
    (None, None)
    """
    if narrow(text) or _any_sign().search(text) is None:
        return None
    for step in SIGN_CAPITAL_STEPS:
        true, shown = step
        for m in _sign_before_word(step).finditer(text):
            word = m.group()
            try:
                fixed = word.encode(shown).decode(true)
            except UnicodeError:
                continue
            if (
                fixed[0].isupper()
                and not word_langs(word)
                and word_langs(fixed) & _family_mask(true)
            ):
                return step
    return None
