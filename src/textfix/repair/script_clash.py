"""A legacy repair that puts a word of another script in a line of Latin words.

A UTF-8 letter shown through cp1252 or latin-1 may also be a round trip of some single-byte
page: Welsh "â" is ``Ã¢`` shown as cp1252, and ``Ã¢`` is Greek "ΓΆ" in cp1253 too. ftfy's
decode of such a lone letter is weak evidence on its own (one letter scores poorly), so
:func:`~textfix.repair.legacy.arbitrate` lets a confident legacy repair beat it, and the Welsh
line ``Ffwrdd Ã¢ ni`` came back as ``Ffwrdd ΓΆ ni``. In its context the decode is certain: it
makes letters of the Latin script the line's other words are written in, letters of the
alphabet of the language the decoded line reads as, where the repair makes letters of another
script among Latin words. :func:`decode_keeps_script` tells that case.
"""

from __future__ import annotations

import unicodedata

from textfix.scoring import score
from textfix.scoring._data import langdata

#: ASCII letters the line's other words must hold: a line of Latin words, not a lone sign.
MIN_LATIN_LETTERS = 4


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
