"""A legacy repair that puts a word of another script in a line of Latin words.

A UTF-8 letter shown through cp1252 or latin-1 may also be a round trip of some single-byte
page: Welsh "â" is ``Ã¢`` shown as cp1252, and ``Ã¢`` is Greek "ΓΆ" in cp1253 too. ftfy's
decode of such a lone letter is weak evidence on its own (one letter scores poorly), so
:func:`~textfix.repair.legacy.arbitrate` lets a confident legacy repair beat it, and the Welsh
line ``Ffwrdd Ã¢ ni`` came back as ``Ffwrdd ΓΆ ni``. In its context the decode is certain: it
makes letters of the Latin script the line's other words are written in, letters of the
alphabet of the language the decoded line reads as, where the repair makes letters of another
script among Latin words. :func:`decode_keeps_script` tells that case.

The same holds for a whole line of one script: Kurdish ``خۆش`` shown as cp1252 is
``Ø®Û†Ø´``, whose decode the scorer reads as Persian with a letter Persian lacks (``ۆ``),
weak evidence, and a confident cp866-as-mac-roman repair made ``пиґапл``, no word at all.
Chance UTF-8 in a single-byte line decodes a pair here and there, leaves bytes it cannot
read (Thai ``äºµì`` -> ``亵ì``) or mixes scripts; a line whose every non-ASCII character
is a strict UTF-8 round trip making :data:`MIN_SCRIPT_LETTERS` letters or more of one
script is not chance, and a repair that makes no known word has no evidence to beat it.
:func:`decode_whole_script` tells that case.
"""

from __future__ import annotations

import unicodedata

from textfix.repair.tokens import tokens
from textfix.scoring import score
from textfix.scoring._data import langdata
from textfix.scoring.model import word_langs

#: ASCII letters the line's other words must hold: a line of Latin words, not a lone sign.
MIN_LATIN_LETTERS = 4

#: Letters a whole-line decode must make: one or two decoded letters are a chance pair.
MIN_SCRIPT_LETTERS = 3

#: The display pages whose UTF-8 decodes this module and ``glued_utf8`` read back (ftfy's
#: own two), by their names in the chain table.
SHOWN_PAGES = frozenset({"cp1252", "iso8859-1"})

#: Format characters a line of letters holds (Persian's zero-width non-joiner, the joiner).
JOINERS = frozenset("\u200c\u200d")


def unicode_script(ch: str) -> str:
    """The first word of a letter's Unicode name (``LATIN``, ``GREEK``, ``CYRILLIC``...)."""
    return unicodedata.name(ch, "?").split(" ", 1)[0]


def _made_letters(text: str, fixed: str) -> set[str]:
    """The letters ``fixed`` holds and ``text`` does not."""
    return {ch for ch in set(fixed) - set(text) if ch.isalpha()}


def decode_keeps_script(text: str, decoded: str, repaired: str) -> bool:
    """ftfy's UTF-8 decode (``decoded``) of a line of Latin words made only Latin letters of
    the alphabet of the language the decoded line reads as, and the legacy repair
    (``repaired``) made a letter of another script: the decode stands.

    >>> decode_keeps_script("Ffwrdd Ã¢ ni", "Ffwrdd â ni", "Ffwrdd ΓΆ ni")
    True
    >>> decode_keeps_script("Ã¢", "â", "ΓΆ")
    False
    """
    made = _made_letters(text, decoded)
    if not made or any(unicode_script(ch) != "LATIN" for ch in made):
        return False
    if all(unicode_script(ch) == "LATIN" for ch in _made_letters(text, repaired)):
        return False
    if sum(ch.isascii() and ch.isalpha() for ch in decoded) < MIN_LATIN_LETTERS:
        return False
    lang = score(decoded).lang
    model = langdata().models.get(lang) if lang else None
    return model is not None and all(ch.lower() in model.alphabet for ch in made)


def _one_script_letters(decoded: str) -> int:
    """How many non-ASCII letters ``decoded`` holds when every non-ASCII character is a
    letter, a mark or a joiner and its letters are all of one script, else 0."""
    letters = 0
    scripts = set()
    for ch in decoded:
        if ch.isascii() or ch in JOINERS:
            continue
        if ch.isalpha():
            letters += 1
        elif not unicodedata.category(ch).startswith("M"):
            return 0
        scripts.add(unicode_script(ch))
    return letters if len(scripts) == 1 else 0


def _strict_round_trip(text: str, decoded: str) -> bool:
    """``text`` is ``decoded``'s UTF-8 bytes shown through one of :data:`SHOWN_PAGES`,
    strictly: every non-ASCII character of ``text`` is part of the decode (one of the
    line's whole-line round trips, :func:`~textfix.repair.legacy._utf8_round_trips`)."""
    # (imported here: legacy imports this module for arbitrate)
    from textfix.repair.legacy import _utf8_round_trips

    return any(
        chain[0][1] in SHOWN_PAGES and trip == decoded for trip, chain in _utf8_round_trips(text)
    )


def decode_whole_script(text: str, decoded: str, repaired: str) -> bool:
    """ftfy's UTF-8 decode (``decoded``) of the whole line made letters of one script, at
    least :data:`MIN_SCRIPT_LETTERS`, and the legacy repair (``repaired``) made no known
    word: the decode stands.

    >>> decode_whole_script("Ø®Û†Ø´", "خۆش", "пиґапл")
    True
    >>> decode_whole_script("äºµì", "亵ì", "ไบต์")  # (ì is no part of the decode)
    False
    """
    if _one_script_letters(decoded) < MIN_SCRIPT_LETTERS:
        return False
    if not _strict_round_trip(text, decoded):
        return False
    return not any(word_langs(w) for w in tokens(repaired) if not w.isascii())
