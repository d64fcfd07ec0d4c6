"""Cheap checks that let clean text through without scoring.

Most non-ASCII lines are clean; a line passes when every word with a non-ASCII letter is a
known word and nothing in it has the shape of mojibake (C1 controls, symbols glued inside
words, superscripts or fractions right before a small letter).

>>> looks_clean("Le café est déjà prêt")
True
>>> looks_clean("Le cafщ est dщjр prъt"), looks_clean("³adny dzieñ")
(False, False)
>>> looks_clean("Die Straße"), looks_clean("Sprßvcovskß dokumentßcia")
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from itertools import compress, count
from operator import ne

from textfix._native import load
from textfix.repair import mac_words
from textfix.repair.ce_letters import ANYWAY_CHARS
from textfix.repair.gate_sheet import (
    CAPITALISES,
    MIDDLE_DOTS,
    NO_ALPHABET,
    SHORT_WORDS,
    answer,
    core_words,
    typed_scan,
)
from textfix.repair.gate_sheet import _compiled as _sheet_tables
from textfix.repair.narrow import narrow, wide
from textfix.repair.one_class import OneClass, one_class
from textfix.repair.plausible import typed_in_unicode
from textfix.repair.sign_capitals import signs as latin_signs
from textfix.repair.tokens import tokens
from textfix.scoring._data import langdata
from textfix.scoring.model import CHAR_TABLE_SIZE, composed, script_of, word_langs

_CGATES = load("textfix.repair._cgates")

#: Words with at least one non-ASCII character (letters, marks and glued symbols).
_WORD_RE = re.compile(r"[^\s!-/:-@\[-`{-~]*[^\x00-\x7f][^\s!-/:-@\[-`{-~]*")
#: The signs that are a shape before a small letter (the compiled opening holds them too).
_SUSPECT_BEFORE = "²³¹¼½¾¦¤¨¯´¸¬ªº©®"
#: Shapes real text almost never has and mojibake often does.
_SUSPECT_RE = re.compile(r"[\x80-\x9f]|[" + _SUSPECT_BEFORE + r"][a-z\u00df-\u00ff]")
_EDGE = "¿¡«»„“”‘’‹›·•…–—°º"


def _capital_ends_small_word(word: str) -> bool:
    """The word ends in a capital right after a small letter: camel case puts capitals at
    the start of a part, never at the end (mac-cyrillic's я shown as cp1251's Я: "длЯ").

    >>> _capital_ends_small_word("длЯ"), _capital_ends_small_word("МакДональдс")
    (True, False)
    """
    return len(word) > 1 and word[-1].isupper() and word[-2].islower()


def looks_clean(text: str) -> bool:
    """True when every non-ASCII word is a known word and no mojibake shape shows."""
    # (the words first: most garbled lines make an unknown one, and show no shape the
    # search below finds)
    words = langdata().word_mask
    common = -1
    found = core_words(text)  # (the same search in C)
    for token in _WORD_RE.findall(text) if found is None else found:
        word = token.strip(_EDGE)
        if word.isascii():
            continue
        if _capital_ends_small_word(word):
            return False  # "распространЯетсЯ": lower-casing would hide the shape
        word = word.lower()
        # (ß is looked up as "ss", but a word with ß still needs to be a known word:
        # cp437 shows Slovak "Správcovská" as "Sprßvcovskß")
        word = word.replace("ς", "σ").replace("ß", "ss")
        mask = words.get(word, 0)
        if not mask:
            return False
        common &= mask
    # Every word known, and at least one language knows them all.
    return common != 0 and not _SUSPECT_RE.search(text)


#: Bits of :func:`opening` (keep in step with _cgates_opening.h): a sign that
#: :func:`capital_behind_sign` looks for stands in the line (without one it is False), one
#: that ``sign_capitals.capital_behind_latin_sign`` looks for (without one it is None),
#: :func:`looks_clean`, one of the characters ``ce_letters.looks_anyway`` looks for (without
#: one it is False), ``plausible.typed_in_unicode``; the ``ASK`` bits: that gate is to be
#: asked in Python (always without the compiled module; typed beyond the BMP).
SIGN_CAPITAL, LATIN_SIGN, CLEAN, ASK_CLEAN, ANYWAY, TYPED, ASK_TYPED = 1, 2, 4, 8, 16, 32, 64
#: What :func:`opening` answers without the compiled module: every gate is asked.
_ASK_ALL = SIGN_CAPITAL | LATIN_SIGN | ASK_CLEAN | ANYWAY | ASK_TYPED


def opening(text: str) -> int:
    """What ``legacy.repair`` asks of every line before its candidates, in one compiled call
    (five Python gates cost more than the scan): the bits of :func:`_opening_py`
    (:data:`ASK_TYPED` instead of :data:`TYPED` for a line beyond the BMP). Without the
    module, the sign bits and the ``ASK`` bits: the engine then asks each gate as before.

    >>> opening("Le café est déjà prêt") in (CLEAN, _ASK_ALL)
    True
    """
    compiled = _compiled_opening()
    if compiled is None:
        return _ASK_ALL
    return compiled(text)


def _opening_py(text: str) -> int:
    """:func:`opening` in pure Python (the reference of ``_cgates.opening``).

    >>> _opening_py("“ровень 2") & SIGN_CAPITAL != 0, _opening_py("Le café est prêt") & CLEAN
    (True, 4)
    """
    chars = set(text)
    return (
        (SIGN_CAPITAL if _signs_of_capitals().pattern.search(text) else 0)
        | (LATIN_SIGN if chars.intersection(latin_signs()) else 0)
        | (CLEAN if looks_clean(text) else 0)
        | (ANYWAY if chars.intersection(ANYWAY_CHARS) else 0)
        | (TYPED if typed_in_unicode(text) else 0)
    )


@cache
def _compiled_opening() -> Callable[[str], int] | None:
    """``_cgates.opening``, handed the word lookup and the characters it looks for; ``None``
    without the compiled modules (the word index's, and the sheet's: its core words, its
    lower case and its typed_in_unicode table)."""
    get = langdata().word_mask.compiled_get()
    if _CGATES is None or get is None or core_words("") is None or typed_scan("") is None:
        return None
    capital_signs = "".join(sorted(_mac_capitals()))
    _CGATES.init_opening(get, capital_signs, latin_signs(), ANYWAY_CHARS, _EDGE, _SUSPECT_BEFORE)
    check: Callable[[str], int] = _CGATES.opening
    return check


@cache
def _mac_capitals() -> dict[str, str]:
    """cp1251's signs and Serbian/Macedonian capitals where mac-cyrillic has capitals (the
    two pages share small letters)."""
    out: dict[str, str] = {}
    for byte in range(0x80, 0xA0):
        try:
            shown = bytes([byte]).decode("cp1251")
        except UnicodeDecodeError:
            continue
        true = bytes([byte]).decode("mac-cyrillic")
        # (cp1251's small Serbian letters there, ђ љ њ ћ џ, stand inside words too often)
        if true.isupper() and shown != true and not shown.islower():
            out[shown] = true
    return out


@cache
def _signs_of_capitals() -> OneClass:
    """One of the characters :func:`_mac_capitals` knows, the only ones that can count (its
    search compiled: :mod:`~textfix.repair.one_class`)."""
    signs = one_class(_mac_capitals())
    wide(signs.pattern)  # (none is Latin-1: a narrow line holds none)
    return signs


#: A sign or a letter of 0x80-0x9F glued to the start of a word of small Cyrillic letters
#: ("“ровень", "Ќедоступно").
_SIGN_BEFORE_WORD = re.compile(r"(?<![^\W\d_])([^\w\s]|[ЂЃЉЊЌЋЏ])([а-яё]+)")


def capital_behind_sign(text: str) -> bool:
    """A sign glued to the start of a Cyrillic word is mac-cyrillic's capital shown as cp1251
    punctuation: the word alone is no known word, and with that capital it is ("“ровень" is
    "Уровень", "‚едь" is "Ведь"), and so are the Serbian and Macedonian capitals cp1251 has
    there, before a word unknown with them ("Ќедоступно" is "Недоступно") or before letters
    no Serbian or Macedonian word has (:func:`capital_of_other_alphabet`), or where such a
    sign or capital stands before small letters and the whole line's words prove the round
    trip (:func:`textfix.repair.mac_words.proven`: "Ћно" is "Оно", "но" is a word too). Real
    quotes stand before known words ("„добре“"). Such a line reads well, so the cheap
    accept test would pass it.

    >>> capital_behind_sign("“ровень 2"), capital_behind_sign("„добре“ и «ровно»")
    (True, False)
    """
    if narrow(text) or not _signs_of_capitals().found(text):
        return False  # (most lines: no such sign at all, one cheap scan; none in Latin-1)
    capitals = _mac_capitals()
    glued = False
    for m in _SIGN_BEFORE_WORD.finditer(text):
        capital = capitals.get(m.group(1))
        glued = glued or capital is not None
        if (
            capital
            and not word_langs(m.group(2))
            and word_langs(capital + m.group(2))
            # (a letter stays when the word is known with it: Serbian "Љубав", "Ђак")
            and (not m.group(1).isalpha() or not word_langs(m.group()))
        ):
            return True
    # (or the whole line's round trip proven by its words: "Ћно" is "Оно", see mac_words)
    return capital_of_other_alphabet(text) or (glued and mac_words.proven(text) is not None)


#: The capitals of the Serbian and Macedonian alphabets that cp1251 holds at 0x80-0x9F.
_SERBIAN_CAPITAL = one_class("ЂЃЉЊЌЋЏ")
wide(_SERBIAN_CAPITAL.pattern)  # (none is Latin-1: a narrow line holds none)
_SERBIAN_CAPITAL_FOUND = _SERBIAN_CAPITAL.found


def capital_of_other_alphabet(text: str) -> bool:
    """A word starts with one of the Serbian or Macedonian capitals cp1251 holds where
    mac-cyrillic has its capitals, and has a letter neither of those alphabets holds: no
    orthography mixes them (``Љогалым`` is mac-cyrillic ``Когалым`` shown as cp1251;
    Serbian ``Џида`` stays).

    >>> capital_of_other_alphabet("Љогалым"), capital_of_other_alphabet("Џида и Љубав")
    (True, False)
    """
    if narrow(text) or not _SERBIAN_CAPITAL_FOUND(text):
        return False  # (most lines: one cheap scan)
    capitals = _mac_capitals()
    letters = mac_words._serbian()[1]  # (the letters both alphabets hold)
    if not letters:
        return False
    return any(
        word[0] in capitals
        and word[0].isalpha()
        and any(ch not in letters for ch in word[1:].lower())
        for word in tokens(text)
    )


#: Words of letters.
_LETTERS_RE = re.compile(r"[^\W\d_]+")
#: Longest word of a line too short to tell one spelling from another of its own script.
SHORT_WORD = 3


def _respelled_words(text: str, cand: str) -> list[tuple[str, str]]:
    """(before, after) of each word of letters of ``cand`` that differs from ``text`` at
    the same place (a round trip of the same length)."""
    pairs = [(text[m.start() : m.end()], m.group()) for m in _LETTERS_RE.finditer(cand)]
    return [(a, b) for a, b in pairs if a != b]


def _made(text: str, cand: str) -> set[str]:
    """The distinct characters ``cand`` has where it differs from ``text`` (same length;
    the differing places found in C, each distinct character looked at once).

    >>> sorted(_made("dzieñ ñ", "dzień ń"))
    ['ń']
    """
    return set(compress(cand, map(ne, text, cand)))


def _same_script(a: str, b: str) -> bool:
    """Each character of ``b`` is of the script of the one of ``a`` in its place."""
    return all(script_of(x) == script_of(y) for x, y in zip(a, b, strict=True))


def short_words_respelled(text: str, cand: str) -> bool:
    """The repair ``cand`` of ``text`` (same length) only swaps letters of words written in
    one case (all small, or all capitals) for other letters of the same script, in a line
    whose words are all of SHORT_WORD letters or fewer. Word lists know most strings that
    short (abbreviations, acronyms) and clean abbreviations need no vowel, so neither a
    known repaired word nor letter statistics are evidence: ``мрб`` is no koi8-r ``НТВ``,
    nor ``от ыйа`` cp1251 ``НР ШИЮ``. (Mixed cases, symbols or another script turned into
    letters are still evidence: ``пХЪ`` is koi8-r ``Рия``, ``‹ҐЄ`` cp866 ``Лек``.)

    >>> short_words_respelled("мрб", "НТВ"), short_words_respelled("пХЪ", "Рия")
    (True, False)
    >>> short_words_respelled("‹ҐЄ", "Лек"), short_words_respelled("Ïàî", "Пао")
    (False, False)
    >>> short_words_respelled("тьяп", "диба"), short_words_respelled("ХФТЕ", "утре")
    (True, False)
    """
    found = answer(text, cand, SHORT_WORDS)
    # (a line of short words, which the sheet leaves open: the rest in C too, reading the
    # sheet's tables; :func:`_short_words_respelled_py` is the reference)
    module = _sheet_tables() if found is None else None
    if module is not None:
        found = module.short_words(text, cand)
    if found is not None:
        return found
    return _short_words_respelled_py(text, cand)


def _short_words_respelled_py(text: str, cand: str) -> bool:
    """:func:`short_words_respelled` in pure Python (the reference of the gate sheet's
    answer and of the compiled ``_cgates.short_words``)."""
    if len(text) != len(cand) or text == cand:
        return False
    longest = max(map(len, _LETTERS_RE.findall(composed(cand))), default=0)
    if longest > SHORT_WORD + 1:
        return False
    changed = _respelled_words(text, cand)
    if longest > SHORT_WORD:
        # One letter more: only small words whose every letter became another small letter
        # of their script, as a Cyrillic code page read as another permutes the whole
        # alphabet ("тьяп" is no iso8859-5 "диба"; Slovene "išči" keeps its i's).
        return len(changed) > 0 and all(
            a.islower() and b.islower() and _same_script(a, b) and all(map(ne, a, b))
            for a, b in changed
        )
    return len(changed) > 0 and all(
        (a.islower() or a.isupper()) and a.isalpha() and _same_script(a, b) for a, b in changed
    )


#: Letters written as variants of another in some alphabets: final sigma, the German sharp
#: s (no alphabet table lists it), Belarusian ґ (a variant spelling of г), the micro sign.
_ALPHABET_FOLD = str.maketrans({"ς": "σ", "ß": "s", "ґ": "г", "µ": "μ"})


def letters_of_no_alphabet(text: str, cand: str) -> bool:
    """The letters the repair ``cand`` makes in ``text`` (same length) belong to no one
    modelled language's alphabet: a round trip that writes Latvian ā beside Lithuanian ą
    (Friulian ``doprâ ... sarà`` through cp1257 is ``doprā ... sarą``) reads no language.
    Real repairs make the letters of the text's own language.

    >>> letters_of_no_alphabet("doprâ sarà", "doprā sarą")
    True
    >>> letters_of_no_alphabet("³adny dzieñ", "ładny dzień"), letters_of_no_alphabet("Öåé", "Цей")
    (False, False)
    """
    found = answer(text, cand, NO_ALPHABET)
    if found is not None:
        return found
    if len(text) != len(cand):
        return False
    made = set(map(_FOLDED.__getitem__, _made(text, cand)))
    made.discard("")  # (not a letter)
    if not made:
        return False
    # (a model's alphabet holds them all when its bit survives every letter's mask)
    masks = _alphabet_masks()
    common = -1
    for letter in made:
        common &= masks.get(letter, 0)
    return common == 0


class _FoldTable(dict[str, str]):
    """Character -> the letter :func:`letters_of_no_alphabet` looks up for it (lower-cased,
    :data:`_ALPHABET_FOLD` applied), or "" for a non-letter; filled on first sight."""

    def __missing__(self, ch: str) -> str:
        value = folded_letter(ch)
        if len(self) < CHAR_TABLE_SIZE:  # bounded: text may hold any of Unicode
            self[ch] = value
        return value


_FOLDED = _FoldTable()


def folded_letter(ch: str) -> str:
    """The letter :func:`letters_of_no_alphabet` looks up for ``ch``: lower-cased,
    :data:`_ALPHABET_FOLD` applied; "" for a non-letter.

    >>> folded_letter("Ś"), folded_letter("ς"), folded_letter("İ"), folded_letter("3")
    ('ś', 'σ', 'i', '')
    """
    return ch.lower()[0].translate(_ALPHABET_FOLD) if ch.isalpha() else ""


@cache
def _alphabet_masks() -> dict[str, int]:
    """Letter -> bit mask of the modelled languages whose alphabet has it (bit ``i`` for
    the ``i``-th model).

    >>> masks = _alphabet_masks()
    >>> masks["ł"] & masks["ń"] != 0, masks["ł"] & masks["ж"]
    (True, 0)
    """
    masks: dict[str, int] = {}
    for i, model in enumerate(langdata().models.values()):
        for letter in model.alphabet:
            masks[letter] = masks.get(letter, 0) | 1 << i
    return masks


def capitalises_words(text: str, cand: str) -> bool:
    """Every word the repair ``cand`` of ``text`` (same length) changes goes from small
    letters to capitals of the same script: koi8-r's capitals are cp1251's small letters,
    so real all-capital headings come back this way, but so would a clean small word whose
    swap happens to be a known capital one (Bulgarian ``текущ`` is no Russian ``РЕЙСЫ``).

    >>> capitalises_words("(текущ)", "(РЕЙСЫ)"), capitalises_words("Êîãàëûì", "Когалым")
    (True, False)
    """
    found = answer(text, cand, CAPITALISES)
    if found is not None:
        return found
    if len(text) != len(cand) or text == cand:
        return False
    # A small letter made is part of a changed word that is no capital one (most repairs).
    if any(b.islower() and b.isalpha() for b in _made(text, cand)):
        return False
    changed = _respelled_words(text, cand)
    return len(changed) > 0 and all(
        a.islower() and b.isupper() and _same_script(a, b) for a, b in changed
    )


def only_middle_dots_between_ls(text: str, cand: str) -> bool:
    """The repair ``cand`` of ``text`` (same length) changes nothing but middle dots between
    two l's: Catalan's ela geminada (``Intel·ligent``), which cp437 would read as cp1252's ú.
    (Hungarian mojibake shows á so, ``Tal·latok``, always beside other broken letters.)

    >>> only_middle_dots_between_ls("Intel·ligent", "Intelúligent")
    True
    >>> only_middle_dots_between_ls("KeresÈsi Tal·latok", "Keresési Találatok")
    False
    """
    found = answer(text, cand, MIDDLE_DOTS)
    if found is not None:
        return found
    if len(text) != len(cand) or text == cand:
        return False
    last = len(text) - 1
    return all(
        text[i] == "·" and 0 < i < last and text[i - 1] in "lL" and text[i + 1] in "lL"
        for i in changed_at(text, cand)
    )


def changed_at(text: str, cand: str) -> Iterator[int]:
    """Positions where ``text`` and ``cand`` (as long) differ, found in C.

    >>> list(changed_at("abcd", "xbcy"))
    [0, 3]
    """
    return compress(count(), map(ne, text, cand))
