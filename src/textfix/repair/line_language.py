"""The language a line's other words are written in, and repairs of letters foreign to it.

A single-byte mix-up often breaks only one or two words of a line, and their broken letters
may happen to be letters of some other language (cp1257's ``š`` shows as cp1252's ``ð``,
an Icelandic letter: ``Iðsaugokite juos saugioje vietoje``). Letter statistics of the broken
word alone then read it as that other language; the rest of the line says otherwise. When
the line's untouched words name one language, written in the chain's code page, and the
repair turns letters that language does not have into letters it has, in words that were no
known word of any language, the line's own words are the evidence.

>>> line_language("Iðsaugokite juos saugioje vietoje dabar")
('lt', 4, 0)
>>> alphabet_repair("Ýþ akýþýnýza görev ekleyin", "İş akışınıza görev ekleyin", "cp1254")
True
>>> alphabet_repair("Guðrún juos saugioje vietoje", "Gušrún juos saugioje vietoje", "cp1257")
False
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from functools import cache, lru_cache

from textfix.chains import family_langs, fits
from textfix.repair.plausible import COMMON_SYMBOLS, plausible
from textfix.repair.tokens import token_spans, tokens
from textfix.scoring import word_langs
from textfix.scoring._data import LangModel, langdata
from textfix.scoring.model import _token_script, compiled_line_language, line_votes

#: Untouched words of at least this many letters vote for a line's language (shorter ones
#: are shared by too many languages).
VOTE_LETTERS = 3
#: Votes a language needs, and by how many it must lead every other language.
LINE_VOTES = 2
LEAD = 1

#: What is no prose of the line: format placeholders (``%(count)s``, ``{name}``), markup,
#: entities and URLs ("count" there votes for English in a Lithuanian line). Each
#: alternative with the literals every match of it holds (a line lacking one of each
#: alternative's cannot match: :func:`prose` skips the search, as on most lines).
_NOT_PROSE_PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"%\([^)\s]*\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]", ("%(", ")")),
    (r"\{[^{}\s]*\}", ("{", "}")),
    (r"<[^<>]*>", ("<", ">")),
    (r"&#?\w+;", ("&", ";")),
    (r"\b[a-z][a-z0-9+.-]*://\S+", ("://",)),
)
_NOT_PROSE = re.compile("|".join(part for part, _needs in _NOT_PROSE_PARTS))


def _may_hold_not_prose(text: str) -> bool:
    """Whether ``text`` holds every literal :data:`_NOT_PROSE_PARTS` gives some alternative
    (else the pattern cannot match it): the table written out, as a loop costs about as
    much as the search it saves (the tests compare it with the table)."""
    return (
        ("%(" in text and ")" in text)
        or ("{" in text and "}" in text)
        or ("<" in text and ">" in text)
        or ("&" in text and ";" in text)
        or "://" in text
    )


@lru_cache(maxsize=4096)  # the gates ask it of the same repaired line several times
def prose(text: str) -> str:
    """``text`` with its placeholders, markup, entities and URLs blanked out: the words
    that tell the line's language.

    >>> prose("Lahter %(field_type)s: <b>tüüp</b>")
    'Lahter  :  tüüp '
    """
    # (a character of each alternative's first literal, asked inline: most lines hold none)
    if (
        "%" in text or "{" in text or "<" in text or "&" in text or "://" in text
    ) and _may_hold_not_prose(text):
        return _NOT_PROSE.sub(" ", text)
    return text  # (nothing the pattern can match, as in most lines: a search costs more)


def _lower(ch: str) -> str:
    """A letter lower-cased as the alphabets are (Turkish ``İ`` is ``i``)."""
    return "i" if ch == "İ" else ch.lower()


def padded_lower(word: str) -> str:
    """``word`` lower-cased letter by letter as the alphabets are, between two spaces: the
    form in which letter bigram tables read a word's edges.

    >>> padded_lower("İzmir"), padded_lower("ΟΔΟΣ")
    (' izmir ', ' οδοσ ')
    """
    if "İ" in word or "Σ" in word:  # (str.lower makes "i̇" of one, a final "ς" of the other)
        return " " + "".join(map(_lower, word)) + " "
    return " " + word.lower() + " "


@lru_cache(maxsize=4096)  # the gates ask it of the same line several times
def line_language(text: str) -> tuple[str | None, int, int]:
    """The language most words of ``text`` (``VOTE_LETTERS``+ letters, ASCII ones included,
    outside placeholders and markup) are known words of, its votes, and the votes of the
    runner-up. A word votes only for languages of its own script; capitalised ASCII words
    in a line with words of another script are names and do not vote."""
    found = compiled_line_language(VOTE_LETTERS)(text)  # (a line that is its own prose)
    if found is not None:
        return found
    words_of_prose = prose(text)
    compiled = line_votes(words_of_prose, VOTE_LETTERS)
    if compiled is not None:
        return compiled
    votes = word_votes(words_of_prose)
    if not votes:
        return None, 0, 0
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    index, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    code = next(c for c, m in langdata().models.items() if m.index == index)
    return code, top, second


def word_votes(text: str, names_vote: bool = False) -> Counter[int]:
    """For each language (by model index), how many words of ``text`` (``VOTE_LETTERS``+
    letters, ASCII ones included) are known words of it. A word votes only for languages
    of its own script (word lists of other scripts hold loans: "See", "pole" are in the
    Greek list too); unless ``names_vote``, capitalised ASCII words in a line with words
    of another script are names ("Напишано од David MacKenzie") and do not vote (the long
    ASCII lists of Turkish and Estonian would claim them; small ones are the line's prose,
    "il valore predefinito УЈ un numero"). The pure-Python count behind the compiled
    ``line_votes``.

    >>> votes = word_votes("Iðsaugokite juos saugioje vietoje")
    >>> votes[langdata().models["lt"].index]
    3
    """
    by_script = langdata().pool_mask
    words = tokens(text)
    latin = names_vote or all(_token_script(w) in ("Latn", "Other") for w in words)
    votes: Counter[int] = Counter()
    for word in words:
        # (short words are shared by too many languages)
        if len(word) < VOTE_LETTERS or (not latin and word.isascii() and not word.islower()):
            continue
        mask = word_langs(word) & by_script.get(_token_script(word), 0)
        while mask:
            low = mask & -mask
            votes[low.bit_length() - 1] += 1
            mask ^= low
    return votes


def named_lang(text: str, like: str | None) -> str | None:
    """The language :func:`line_language` names with :data:`LINE_VOTES` votes and a
    :data:`LEAD`, if it is written in the script of ``like`` (a language code), else None.

    >>> named_lang("Labot ðo dokumentu", "vi"), named_lang("Labot ðo dokumentu", "ru")
    ('lv', None)
    """
    model = _named_model(text)
    models = langdata().models
    if model is None or like not in models:
        return None
    return model.code if model.script == models[like].script else None


def named_index(text: str) -> int:
    """The model index of the language :func:`named_lang` names for ``text`` (whatever the
    script), or -1.

    >>> named_index("Iðsaugokite juos saugioje vietoje dabar") >= 0, named_index("xyz")
    (True, -1)
    """
    model = _named_model(text)
    return -1 if model is None else model.index


def _named_model(text: str) -> LangModel | None:
    """The model of the language :func:`line_language` names with :data:`LINE_VOTES`
    votes and a :data:`LEAD` over every other, else None."""
    lang, votes, second = line_language(text)
    if lang is None or votes < LINE_VOTES or votes - second < LEAD:
        return None
    return langdata().models.get(lang)


def foreign_to_line(text: str) -> bool:
    """The line's words name a language (see :func:`alphabet_repair`) whose code pages are
    single-byte ones and whose alphabet lacks some non-ASCII letter of the line: a repair
    may have letters to mend even when the line reads well letter by letter.

    >>> foreign_to_line("Iðsaugokite juos saugioje vietoje, raktø")
    True
    >>> foreign_to_line("Išsaugokite juos saugioje vietoje, raktų"), foreign_to_line("déjà vu")
    (False, False)
    """
    if plausible(text):
        return False  # the accept test passes it: the engine never looks (keep it sound)
    model = _named_model(text)
    if model is None:
        return False
    return any(ch > "\x7f" and _foreign(text, i, model.alphabet) for i, ch in enumerate(text))


def alphabet_repair(text: str, cand: str, true: str) -> bool:
    """The words the repair leaves alone name one language (:data:`LINE_VOTES` of them, by
    :data:`LEAD` more than any other) written in ``true``'s code pages; every word it
    changes was no known word of any language and had a letter outside that language's
    alphabet, and every letter it changes becomes a letter of that alphabet, every changed
    word wholly of its letters (``Ýþ akýþýnýza görev ekleyin`` is Turkish ``İş akışınıza``;
    Icelandic ``Guðrún`` in a Lithuanian line is a name, not ``Gušrún``: ``ú`` is no
    Lithuanian letter either)."""
    if len(text) != len(cand) or text == cand or plausible(text):
        return False
    model = _named_model(text)
    if model is None or not fits(true, model.code):
        return False
    alphabet = model.alphabet
    for start, end in token_spans(cand):
        word, before = cand[start:end], text[start:end]
        if word == before:
            continue
        if word_langs(before):
            return False  # a known word changed: no foreign spelling to mend
        if not all(ch.isascii() or _lower(ch) in alphabet for ch in word):
            return False
    # The letters made stand in sequences the languages of that code page have: a language
    # without a model may share the line's words and spell with the "foreign" letters
    # (Turkmen "koýra-çini dili" is no Turkish "koıra": no Turkish word has "oı").
    if not _attested(cand, text, _family_bigrams(true, model.code)):
        return False
    # Every changed character is foreign to the alphabet (a letter of another, or a symbol
    # prose does not use) and becomes a letter of it (Catalan "col·locar" keeps its dot).
    return all(
        a == b or (_foreign(text, i, alphabet) and _lower(b) in alphabet)
        for i, (a, b) in enumerate(zip(text, cand, strict=True))
    )


@lru_cache(maxsize=64)
def _family_bigrams(true: str, lang: str) -> frozenset[str]:
    """Letter bigrams of ``lang`` and of every language written in ``true``'s family (a
    small model such as Azerbaijani's lacks many of Turkish's)."""
    models = langdata().models
    codes = (family_langs(true) | {lang}) & models.keys()
    return frozenset(bg for code in codes for bg in models[code].bigrams)


def _attested(cand: str, text: str, bigrams: Collection[str]) -> bool:
    """Every letter bigram (word edges as spaces) touching a character ``cand`` changed
    from ``text`` is in ``bigrams``.

    >>> tr = {" k": 0.0, "ko": 0.0, "oy": 0.0, "ı ": 0.0, "nı": 0.0}
    >>> _attested("koı", "koý", tr), _attested("konı", "koný", tr)
    (False, True)
    """

    def at(i: int) -> str:
        return _lower(cand[i]) if 0 <= i < len(cand) and cand[i].isalpha() else " "

    for i, (a, b) in enumerate(zip(text, cand, strict=True)):
        if a != b and (at(i - 1) + at(i) not in bigrams or at(i) + at(i + 1) not in bigrams):
            return False
    return True


def _foreign(text: str, i: int, alphabet: frozenset[str]) -> bool:
    """``text[i]`` is a letter outside ``alphabet``, or a non-ASCII symbol prose does not use
    (cp437 shows ``ö`` as ``÷``), or common punctuation glued between two letters (mac-roman
    shows ``ú`` as ``˙``, cp437 as ``·``): spaces, punctuation between words, apostrophes
    and Catalan's ``l·l`` are no foreign spelling.

    >>> alphabet = frozenset("abcčdeėlgr")
    >>> [_foreign("ėð÷«e", i, alphabet) for i in range(5)]
    [False, True, True, False, False]
    >>> _foreign("Aseg·rate", 4, alphabet), _foreign("col·legi", 3, alphabet)
    (True, False)
    >>> _foreign("PROGRES¡STAS", 7, alphabet)
    False
    """
    ch = text[i]
    if ch.isalpha():
        return _lower(ch) not in alphabet
    if ch <= "\x7f" or ch.isspace():
        return False
    if ch not in COMMON_SYMBOLS:
        return True
    # (between small letters: capitals around one are codes and abbreviations as often)
    inside = 0 < i < len(text) - 1 and text[i - 1].islower() and text[i + 1].islower()
    return inside and ch not in _INNER and text[i - 1 : i + 2] != "l·l"


#: Signs real words hold between letters (``l’homme``).
_INNER = "’‘'"


def code_of(bit: int) -> str | None:
    """Language code of a one-bit mask (the first model with that bit).

    >>> code_of(1 << langdata().models["et"].index), code_of(0)
    ('et', None)
    """
    return _codes_by_bit().get(bit)


@cache
def _codes_by_bit() -> dict[int, str]:
    """One-bit mask -> language code (the first model with that bit, as a scan would find)."""
    codes: dict[int, str] = {}
    for code, model in langdata().models.items():
        codes.setdefault(1 << model.index, code)
    return codes
