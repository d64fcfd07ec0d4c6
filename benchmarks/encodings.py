"""Data tables: which legacy code pages each language is really written in, encoding families,
and the plausible wrong codecs ("shown as") each family gets mis-decoded with (issue 3).

All names are Python's canonical codec names (``codecs.lookup(name).name``).

>>> family_of("windows-1251"), family_of("latin-1"), family_of("utf-8")
('Cyrillic', 'Western European', 'UTF-8')
>>> SHOWN_AS["Cyrillic"][:2]
('iso8859-1', 'cp1252')
"""

from __future__ import annotations

import codecs

_CYRILLIC = "Cyrillic"
_CENTRAL = "Central European"
_WESTERN = "Western European"
_BALTIC = "Baltic"

#: Encoding -> family.
ENCODING_FAMILY: dict[str, str] = {
    **dict.fromkeys(
        (
            "cp1251",
            "koi8-r",
            "koi8-u",
            "cp866",
            "iso8859-5",
            "mac-cyrillic",
            "cp855",
            "cp1125",
        ),
        _CYRILLIC,
    ),
    **dict.fromkeys(("cp1250", "iso8859-2", "iso8859-16", "cp852", "mac-latin2"), _CENTRAL),
    **dict.fromkeys(("cp1252", "iso8859-1", "iso8859-15"), _WESTERN),
    **dict.fromkeys(("cp1253", "iso8859-7", "cp737", "cp869"), "Greek"),
    **dict.fromkeys(("cp1255", "iso8859-8"), "Hebrew"),
    **dict.fromkeys(("cp1256", "iso8859-6"), "Arabic"),
    **dict.fromkeys(("cp874", "tis-620"), "Thai"),
    **dict.fromkeys(("cp1254", "iso8859-9", "cp857"), "Turkish"),
    **dict.fromkeys(("cp1257", "iso8859-13", "iso8859-4", "iso8859-10", "cp775"), _BALTIC),
    "cp1258": "Vietnamese",
    "iso8859-3": "Esperanto/Maltese",
    "utf-8": "UTF-8",
}

_RU = ("cp1251", "koi8-r", "cp866", "iso8859-5", "mac-cyrillic", "cp855")
_UK = ("cp1251", "koi8-u", "cp866", "iso8859-5", "mac-cyrillic", "cp1125")
_SOUTH_SLAVIC_CYR = ("cp1251", "iso8859-5", "mac-cyrillic", "cp855")
_CE_FULL = ("cp1250", "iso8859-2", "cp852", "mac-latin2", "iso8859-16")
_CE = ("cp1250", "iso8859-2", "cp852", "mac-latin2")
_WE = ("cp1252", "iso8859-1", "iso8859-15")
_BALTIC_ALL = ("cp1257", "iso8859-13", "iso8859-4", "iso8859-10", "cp775")

#: Language -> legacy code pages its text is really written in, most common first.
#: (UTF-8 applies to every language and is not listed.)
LANG_ENCODINGS: dict[str, tuple[str, ...]] = {
    # Cyrillic
    "ru": _RU,
    "uk": _UK,
    "be": ("cp1251", "cp866", "iso8859-5", "mac-cyrillic"),
    "bg": _RU,
    "mk": _SOUTH_SLAVIC_CYR,
    "sr": _SOUTH_SLAVIC_CYR,
    # Central European
    "pl": _CE_FULL,
    "cs": _CE,
    "sk": _CE,
    "hu": _CE_FULL,
    "sl": _CE_FULL,
    "hr": _CE_FULL,
    "bs": ("cp1250", "iso8859-2", "cp852"),
    "sr-latn": ("cp1250", "iso8859-2", "cp852"),
    "ro": ("cp1250", "iso8859-2", "iso8859-16"),
    "sq": ("cp1250", "iso8859-2", "iso8859-16"),
    "hsb": ("cp1250", "iso8859-2"),
    "dsb": ("cp1250", "iso8859-2"),
    # Western European
    **dict.fromkeys(
        (
            "fr",
            "de",
            "es",
            "it",
            "pt",
            "nl",
            "ca",
            "da",
            "sv",
            "nb",
            "nn",
            "fi",
            "is",
            "ga",
            "eu",
            "gl",
            "af",
            "br",
            "ast",
            "lb",
            "fy",
            "ia",
            "cy",
        ),
        _WE,
    ),
    # Greek, Hebrew, Arabic script, Thai
    "el": ("cp1253", "iso8859-7", "cp737", "cp869"),
    "he": ("cp1255", "iso8859-8"),
    "ar": ("cp1256", "iso8859-6"),
    "fa": ("cp1256", "iso8859-6"),
    "ur": ("cp1256",),
    "th": ("cp874", "tis-620"),
    # Turkish, Baltic, Vietnamese, Esperanto/Maltese
    "tr": ("cp1254", "iso8859-9", "cp857"),
    "lt": _BALTIC_ALL,
    "lv": _BALTIC_ALL,
    "et": _BALTIC_ALL,
    "vi": ("cp1258",),
    "eo": ("iso8859-3",),
    "mt": ("iso8859-3",),
}

#: Family -> plausible wrong codecs the text was shown as (issue 3's "shown as" table).
SHOWN_AS: dict[str, tuple[str, ...]] = {
    _CYRILLIC: ("iso8859-1", "cp1252", "cp1251", "koi8-r", "cp437", "mac-roman"),
    _CENTRAL: ("cp1252", "iso8859-1", "cp437", "cp850", "mac-roman"),
    _WESTERN: ("cp1251", "cp437", "cp850", "mac-roman"),
    "UTF-8": (
        "cp1252",
        "iso8859-1",
        "cp1251",
        "koi8-r",
        "mac-roman",
        "cp437",
        "cp850",
        "cp1250",
        "iso8859-2",
        "cp1253",
        "cp1254",
        "cp1257",
    ),
}
#: Every other family (Greek, Hebrew, Arabic, Thai, Turkish, Baltic, ...).
SHOWN_AS_DEFAULT: tuple[str, ...] = ("cp1252", "iso8859-1", "cp437")

#: UTF-8 chains that issue 3 grades together (target >= 99%).
UTF8_HEADLINE_SHOWN: tuple[str, ...] = ("cp1252", "iso8859-1", "cp1251", "koi8-r")


def family_of(encoding: str) -> str:
    """The family of an encoding (any alias Python knows), ``"other"`` if not tabulated.

    >>> family_of("ISO-8859-13"), family_of("ascii")
    ('Baltic', 'other')
    """
    return ENCODING_FAMILY.get(codecs.lookup(encoding).name, "other")


def shown_as(family: str) -> tuple[str, ...]:
    """Wrong codecs text of ``family`` is plausibly shown as.

    >>> shown_as("Greek")
    ('cp1252', 'iso8859-1', 'cp437')
    """
    return SHOWN_AS.get(family, SHOWN_AS_DEFAULT)


def _check_tables() -> None:
    """Every name in the tables must be Python's canonical name (catches typos at import)."""
    names = set(ENCODING_FAMILY) | {e for encs in LANG_ENCODINGS.values() for e in encs}
    names |= {e for encs in SHOWN_AS.values() for e in encs}
    for name in names:
        assert codecs.lookup(name).name == name, name


_check_tables()
