"""The chain table: which code pages text is really written in, and what it gets shown as.

A *chain step* is ``(true_encoding, shown_as)``: bytes written in ``true_encoding`` were
decoded as ``shown_as``. The table is data, not code: each :class:`Family` lists its true
encodings (commonest first: that order breaks ties when two code pages give the same
letters) and the wrong code pages its text is plausibly shown as. Multibyte families
(UTF-8 shown as Shift_JIS or GBK, GBK/Big5 shown as cp1252) are added as further rows.

All names are Python's canonical codec names (``codecs.lookup(name).name``).

>>> family_of("windows-1251").name
'Cyrillic'
>>> ("cp1251", "iso8859-1") in STEPS
True
>>> trues_for("koi8-r")[:3]
('cp1251', 'koi8-u', 'cp866')
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import cache, lru_cache

from textfix.types import Step


@dataclass(frozen=True)
class Family:
    """True encodings of one family (commonest first) and the code pages shown instead."""

    name: str
    trues: tuple[str, ...]
    shown: tuple[str, ...]
    #: False for families whose text needs more than one byte per character.
    single_byte: bool = True


_LATIN_SHOWN = ("cp1252", "iso8859-1", "cp437")

FAMILIES: tuple[Family, ...] = (
    Family(
        "Cyrillic",
        ("cp1251", "koi8-r", "koi8-u", "cp866", "iso8859-5", "mac-cyrillic", "cp855", "cp1125"),
        ("iso8859-1", "cp1252", "cp1251", "koi8-r", "cp437", "mac-roman"),
    ),
    Family(
        "Central European",
        ("cp1250", "iso8859-2", "iso8859-16", "cp852", "mac-latin2"),
        ("cp1252", "iso8859-1", "cp437", "cp850", "mac-roman"),
    ),
    Family(
        "Western European",
        ("cp1252", "iso8859-1", "iso8859-15"),
        ("cp1251", "cp437", "cp850", "mac-roman"),
    ),
    Family("Greek", ("cp1253", "iso8859-7", "cp737", "cp869"), _LATIN_SHOWN),
    Family("Hebrew", ("cp1255", "iso8859-8"), _LATIN_SHOWN),
    Family("Arabic", ("cp1256", "iso8859-6"), _LATIN_SHOWN),
    Family("Turkish", ("cp1254", "iso8859-9", "cp857"), _LATIN_SHOWN),
    Family("Baltic", ("cp1257", "iso8859-13", "iso8859-4", "iso8859-10", "cp775"), _LATIN_SHOWN),
    Family("Thai", ("cp874", "tis-620"), _LATIN_SHOWN),
    Family("Vietnamese", ("cp1258",), _LATIN_SHOWN),
    Family("Esperanto/Maltese", ("iso8859-3",), _LATIN_SHOWN),
    Family(
        "UTF-8",
        ("utf-8",),
        (
            *("cp1252", "iso8859-1", "cp1251", "koi8-r", "koi8-u", "cp866", "iso8859-5"),
            *("mac-cyrillic", "cp1250", "iso8859-2", "cp1253", "iso8859-7", "cp1254"),
            *("cp1255", "cp1256", "cp1257", "cp874", "cp437", "cp850", "mac-roman"),
        ),
        single_byte=False,
    ),
)

#: Family -> languages whose text is written in its code pages (the scorer's language codes;
#: ``sh`` is Serbo-Croatian in Latin script). A candidate whose language does not belong to
#: its chain's family is less likely: Latvian is not written in cp852. (Turkish is not
#: counted as written in iso-8859-3: Latin-3 held it once, but Turkish text uses cp1254 and
#: iso-8859-9, and a Turkish reading through Latin-3 made "nımer" of Frisian "nûmer".)
FAMILY_LANGS: dict[str, frozenset[str]] = {
    "Cyrillic": frozenset(["ru", "uk", "bg", "mk", "sr", "be", "kk"]),
    "Central European": frozenset(["pl", "cs", "sk", "hu", "sl", "sh", "ro", "sq", "hsb", "dsb"]),
    "Western European": frozenset(
        [
            "en",
            "de",
            "fr",
            "es",
            "it",
            "pt",
            "nl",
            "ca",
            "da",
            "sv",
            "nb",
            "fi",
            "is",
            "ga",
            "eu",
            "gl",
            "af",
            "et",
            "id",
            "ms",
            "fil",
            "cy",
            "fy",
            "lb",
            "ast",
            "br",
        ]
    ),
    "Greek": frozenset(["el"]),
    "Hebrew": frozenset(["he"]),
    "Arabic": frozenset(["ar", "fa", "ur"]),
    "Turkish": frozenset(["tr", "az"]),
    "Baltic": frozenset(["lt", "lv", "et"]),
    "Thai": frozenset(["th"]),
    "Vietnamese": frozenset(["vi"]),
    "Esperanto/Maltese": frozenset(["eo", "mt"]),
}


def family_langs(true: str) -> frozenset[str]:
    """Languages written in ``true``'s family (empty for UTF-8: no single family).

    >>> sorted(family_langs("cp1257"))
    ['et', 'lt', 'lv']
    """
    family = _FAMILY_OF.get(true)
    return FAMILY_LANGS.get(family.name, frozenset()) if family else frozenset()


def fits(true: str, lang: str | None) -> bool:
    """Whether text in ``lang`` is plausibly written in ``true`` (UTF-8 fits everything).

    >>> fits("cp1257", "lv"), fits("cp852", "lv"), fits("utf-8", "lv")
    (True, False, True)
    """
    family = _FAMILY_OF.get(true)
    if family is None or not family.single_byte or lang is None:
        return True
    return lang in FAMILY_LANGS.get(family.name, frozenset())


#: Every (true, shown) step, in table order (commonest true encoding first within a family).
STEPS: tuple[Step, ...] = tuple(
    (true, shown) for fam in FAMILIES for true in fam.trues for shown in fam.shown if true != shown
)

#: Rank of each true encoding inside its family: 0 for the commonest. Used as a tie-breaker
#: (cp1250 over iso8859-2, cp1257 over iso8859-13, cp1255 over iso8859-8).
TRUE_RANK: dict[str, int] = {true: i for fam in FAMILIES for i, true in enumerate(fam.trues)}

_FAMILY_OF: dict[str, Family] = {true: fam for fam in FAMILIES for true in fam.trues}


def family_of(encoding: str) -> Family:
    """The family whose true encodings include ``encoding`` (any alias Python knows).

    >>> family_of("ISO-8859-13").name, family_of("utf8").name
    ('Baltic', 'UTF-8')
    """
    return _FAMILY_OF[codecs.lookup(encoding).name]


@cache
def trues_for(shown: str) -> tuple[str, ...]:
    """True encodings whose text may be shown as ``shown``, in table order.

    >>> trues_for("cp1251")[:2]
    ('koi8-r', 'koi8-u')
    """
    shown = codecs.lookup(shown).name
    return tuple(dict.fromkeys(true for true, s in STEPS if s == shown))


#: Every code page text may be shown as. cp1252 comes first: when cp1252 and latin-1 give
#: the same bytes (no C1 controls involved), cp1252 is by far the likelier display.
SHOWN: tuple[str, ...] = tuple(dict.fromkeys(("cp1252", *(shown for _true, shown in STEPS))))


def _check() -> None:
    """Every name must be Python's canonical one: a typo fails at import, not in a repair."""
    for true, shown in STEPS:
        for name in (true, shown):
            if codecs.lookup(name).name != name:
                raise ValueError(f"non-canonical codec name in chain table: {name}")


_check()


#: Marks a character whose byte has no meaning in the true encoding (the round trip fails).
UNDECODABLE = "\ufffd"


@cache
def translation(true: str, shown: str) -> dict[int, str]:
    """``str.translate`` table doing ``text.encode(shown).decode(true)`` one character at a
    time, for two single-byte code pages (ASCII maps to itself and is left out). A character
    ``shown`` cannot hold is not in the table (left as is); one whose byte ``true`` does not
    define maps to :data:`UNDECODABLE`.

    >>> "Ïðèâåò".translate(translation("cp1251", "cp1252"))
    'Привет'
    """
    table: dict[int, str] = {}
    for byte in range(0x80, 0x100):
        raw = bytes([byte])
        try:
            seen = raw.decode(shown)
        except UnicodeDecodeError:
            continue
        try:
            meant = raw.decode(true)
        except UnicodeDecodeError:
            meant = UNDECODABLE
        if seen != meant:
            table[ord(seen)] = meant
    return table


#: Single-byte steps with their translation tables, in table order.
#: The characters :func:`padded` maps to themselves: ASCII, the Latin letters, combining
#: accents and general punctuation (nearly every character of a line the steps look at).
_KEPT = (*range(0x250), *range(0x300, 0x370), *range(0x2000, 0x2070))


def padded(table: dict[int, str]) -> dict[int, str]:
    """``table`` (a step's :func:`translation`) with the characters of :data:`_KEPT` it
    leaves mapped to themselves: the same translation, but ``str.translate`` then finds most
    characters in the table instead of raising and catching a ``KeyError`` for each (a long
    line's round trip costs about half as much).

    >>> table = translation("cp1251", "cp1252")
    >>> "Ïðèâåò, 2 €".translate(padded(table)) == "Ïðèâåò, 2 €".translate(table)
    True
    """
    return {**{code: chr(code) for code in _KEPT}, **table}


def single_byte_steps() -> tuple[tuple[Step, dict[int, str]], ...]:
    """Every single-byte step and its table (built once, on first use)."""
    return _single_byte_steps()


@cache
def _single_byte_steps() -> tuple[tuple[Step, dict[int, str]], ...]:
    return tuple(
        ((true, shown), translation(true, shown))
        for true, shown in STEPS
        if _FAMILY_OF[true].single_byte and _is_single_byte(shown)
    )


def _is_single_byte(codec: str) -> bool:
    return len(bytes(range(256)).decode(codec, errors="replace")) == 256


@lru_cache(maxsize=64)
def charset(codec: str) -> frozenset[str] | None:
    """Every character a single-byte ``codec`` encodes (what its 256 bytes decode to: its
    encoding table is the inverse of its decoding table), or ``None`` for a codec whose 256
    bytes do not read as 256 characters, or no codec.

    >>> "ä" in charset("cp1252"), "ś" in charset("cp1252"), charset("shift_jis")
    (True, False, None)
    """
    try:
        if not _is_single_byte(codec):
            return None
    except LookupError:
        return None
    return frozenset(bytes(range(256)).decode(codec, errors="ignore"))


@cache
def utf8_bytes_shown(shown: str) -> tuple[frozenset[str], frozenset[str]]:
    """The characters single-byte ``shown`` shows UTF-8 lead bytes (0xC2-0xF4) as, and those
    it shows continuation bytes (0x80-0xBF) as: a line can be UTF-8 shown as ``shown`` only
    if its first non-ASCII character is of the first kind and the next one of the second.

    >>> leads, continuations = utf8_bytes_shown("cp1252")
    >>> "Ã" in leads, "©" in continuations, "©" in leads
    (True, True, False)
    """

    def shows(first: int, last: int) -> frozenset[str]:
        return frozenset(bytes([b]).decode(shown, "ignore") for b in range(first, last + 1)) - {""}

    return shows(0xC2, 0xF4), shows(0x80, 0xBF)


#: UTF-8 steps (true encoding UTF-8), tried by real encode/decode round trips.
UTF8_STEPS: tuple[Step, ...] = tuple(step for step in STEPS if step[0] == "utf-8")
