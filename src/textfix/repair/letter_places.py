"""Compiled twins of :mod:`~textfix.repair.ce_letters`' per-character proofs.

Lines that the compiled quick proofs do not settle ask ``ce_letters`` whether a character
stands where clean text writes none (:func:`~textfix.repair.ce_letters.looks_anyway`,
``_odd_chars``, ``has_out_of_place``), a Python loop over each word's characters. The
compiled ``_cgates`` answers them in one pass (``_cgates_letters.h``), reading what each
character of the Basic Multilingual Plane is from tables worked out here with the Python
definitions ``ce_letters`` uses; each function returns ``None`` where the Python reference
must answer (no compiled module, ``TEXTFIX_PURE_PYTHON``, a character beyond :data:`LIMIT`).

>>> looks_anyway("Kostoln\\xa0 Ves") in (True, None), looks_anyway("v\\xa0Praze") in (False, None)
(True, True)
"""

from __future__ import annotations

import re
import sys
import unicodedata
from array import array
from functools import cache
from itertools import compress, count, repeat
from types import ModuleType

from textfix._native import load
from textfix.repair.line_language import _lower
from textfix.scoring._data import langdata
from textfix.scoring.model import TOKEN_RE

_CGATES = load("textfix.repair._cgates")
#: The tables cover the characters below this one (the alphabets, signs and punctuation of
#: the code pages; CJK and the rest of the BMP are rare in lines that get here): a line with
#: another gets ``None``, and Python answers.
LIMIT = 0x3000

#: The flags of one character, by bit (keep in step with _cgates_letters.h), then the kind
#: (ce_letters._odd_kind) from bit :data:`KIND_SHIFT` on.
FLAGS = (
    "word",
    "token",
    "alpha",
    "upper",
    "lower",
    "ascii_letter",
    "prose",
    "after",
    "inverted",
    "trailing",
    "ela",
    "ell",
    "sharp",
    "vowel_low",
    "irish",
    "unowned",
    "grave",
    "dos",
    "changed",
    "consonant",
    "nbsp",
)
KIND_SHIFT = len(FLAGS)


def _marked(pattern: re.Pattern[str], chars: str) -> bytes:
    """1 at each character of ``chars`` that ``pattern`` (runs of a class) takes."""
    out = bytearray(len(chars))
    for m in pattern.finditer(chars):
        out[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return bytes(out)


def _in(members: str | frozenset[str]) -> bytes:
    """1 at each character below :data:`LIMIT` that is one of ``members``."""
    out = bytearray(LIMIT)
    for ch in members:
        if len(ch) == 1 and ord(ch) < LIMIT:
            out[ord(ch)] = 1
    return bytes(out)


def _packed(bits: list[bytes], width: int) -> bytes:
    """``width`` bytes per character (little-endian), bit ``i`` from the 0/1 bytes
    ``bits[i]``: big integers add the tables at once (no byte carries)."""
    total = 0
    for i, table in enumerate(bits):
        spread = bytearray(width * len(table))
        spread[0::width] = table
        total |= int.from_bytes(spread, "little") << i
    return total.to_bytes(width * len(bits[0]), "little")


#: Bits of a character's code for :func:`_kinds`, in ``_odd_kind``'s order of tests.
_DOS, _PROSE, _SIGN, _UPPER, _UNOWNED = (1 << i for i in range(5))


def _kind_of_code(code: int) -> int:
    """``ce_letters._odd_kind`` of a non-ASCII character whose :func:`_kinds` code is
    ``code`` (its tests in their order)."""
    from textfix.repair import ce_letters as ce

    if code & _DOS:
        return ce.PLACED
    if code & _PROSE:
        return ce.PLAIN
    if code & _SIGN:
        return ce.PLACED
    if code & _UPPER:
        return ce.CAPITAL
    return ce.UNOWNED if code & _UNOWNED else ce.PLAIN


def _kinds(at: dict[str, bytes]) -> bytes:
    """``ce_letters._odd_kind`` of every character below LIMIT, from its flags (the tests compare
    the table with the function's own answers)."""
    sign = bytes(a | b for a, b in zip(at["token"].translate(_NOT), at["sharp"], strict=True))
    codes = _packed([at["dos"], at["prose"], sign, at["upper"], at["unowned"]], 1)
    kinds = bytearray(codes.translate(bytes(map(_kind_of_code, range(256)))))
    kinds[:0x80] = bytes(0x80)  # (ASCII is plain)
    return bytes(kinds)


#: bytes.translate's table of logical not on 0/1 bytes.
_NOT = b"\x01" + bytes(255)


def _vowels(chars: str, lows: list[str]) -> bytes:
    """1 at each letter ``ch`` for which ``ce_letters._vowel(ch.lower())`` holds (asked only
    where the lower case starts with a vowel, "äöü" or a character with a canonical
    decomposition: no other decomposes to a vowel first)."""
    from textfix.repair import ce_letters as ce

    firsts = set("aeiouyäöü")
    for ch, parts in zip(chars, map(unicodedata.decomposition, chars), strict=True):
        if parts and parts[0] != "<":
            firsts.add(ch)
    out = bytearray(LIMIT)
    for i in compress(count(), map(str.isalpha, chars)):
        if lows[i][0] in firsts:
            out[i] = ce._vowel(lows[i])
    return bytes(out)


def _flags(chars: str, lows: list[str], lowered: str, masks: dict[str, int]) -> bytes:
    """The flags of every character below LIMIT (4 bytes each, native-endian): :data:`FLAGS` and
    the kind."""
    from textfix.repair import ce_letters as ce

    word_class = ce.TOKEN_SIGNS_RE.pattern.removesuffix("{2,}")
    if word_class == ce.TOKEN_SIGNS_RE.pattern:  # pragma: no cover - kept in step
        raise ValueError("TOKEN_SIGNS_RE is no run of a class")
    lower = bytes(map(str.islower, chars))
    owned = bytes(map(bool, map(masks.get, lowered, repeat(0))))
    tables = [
        _marked(re.compile(word_class + "+"), chars),
        _marked(TOKEN_RE, chars),
        bytes(map(str.isalpha, chars)),
        bytes(map(str.isupper, chars)),
        lower,
        _marked(re.compile(ce._ASCII_LETTER.pattern + "+"), chars),
        _in(ce.PROSE_SIGNS),
        _in(ce.AFTER_LETTERS),
        _in(ce.INVERTED),
        _in(ce.TRAILING),
        _in("·"),
        _in("lL"),
        _in("ß"),
        _vowels(chars, lows),
        _in(ce.IRISH_PREFIXES),
        bytes(a > b for a, b in zip(lower, owned, strict=True)),
        _in(ce.TONE_GRAVES),
        _in(ce._dos_changed()),
        _in(ce._letter_changed()),
        _in(ce._CONSONANTS),
        _in("\xa0"),
    ]
    kinds = _kinds(dict(zip(FLAGS, tables, strict=True)))
    flags = array("I", _packed([*tables, kinds], 4))
    if sys.byteorder != "little":  # pragma: no cover - big-endian machines
        flags.byteswap()
    return flags.tobytes()


def _tables() -> tuple[bytes, bytes, int] | None:
    """The owner masks (8 bytes a character), flags (4) and lower case (2) of every
    character, the bigram records and the mask of the languages that write a missing bigram
    more often than ``ce_letters.PLACE_RARE``: ``_cgates.init_letters``'s arguments. ``None``
    when a mask or lower case does not fit (the Python reference then answers)."""
    from textfix.repair import ce_letters as ce

    chars = "".join(map(chr, range(LIMIT)))
    lows = list(map(str.lower, chars))
    lowered = "".join(
        _lower(ch) if len(low) > 1 else low for ch, low in zip(chars, lows, strict=True)
    )
    models = langdata().models.values()
    masks: dict[str, int] = {}  # (ce_letters._owner_mask of each letter of an alphabet)
    for model in models:
        if model.script == "Latn":
            for ch in model.alphabet:
                masks[ch] = masks.get(ch, 0) | 1 << model.index
    # (C reads the masks of lower cases below LIMIT only: Cherokee's lower beyond it)
    beyond = (x for x in lowered if x >= chr(LIMIT))
    if len(lowered) != LIMIT or any(m.index >= 64 for m in models) or any(map(masks.get, beyond)):
        return None  # pragma: no cover - one lower case a character, 64 models at most
    owners = array("Q", map(masks.get, chars, repeat(0)))
    flags = _flags(chars, lows, lowered, masks)
    usual, absent = ce._usual_bigrams(ce.PLACE_RARE)
    grams = [(gram, mask) for gram, mask in usual.items() if len(gram) == 2]
    records = array("Q")
    for gram, mask in grams:
        records.append(ord(gram[0]) | ord(gram[1]) << 32)
        records.append(mask)
    if sys.byteorder != "little":  # pragma: no cover - big-endian machines
        raise ValueError("bigram records are little-endian")
    lower = array("H", map(ord, lowered))
    return owners.tobytes() + flags + lower.tobytes(), records.tobytes(), absent


@cache
def _compiled() -> ModuleType | None:
    """``_cgates`` holding the tables, or ``None`` without the module."""
    if _CGATES is None:
        return None
    tables = _tables()
    if tables is None:  # pragma: no cover - 64 models at most today
        return None
    _CGATES.init_letters(*tables)
    return _CGATES


def looks_anyway(text: str) -> bool | None:
    """``ce_letters.looks_anyway(text)`` in C, or ``None`` where Python must answer."""
    compiled = _compiled()
    return None if compiled is None else compiled.looks_anyway(text)


def odd_chars(text: str) -> set[str] | None:
    """``ce_letters._odd_chars(text)`` in C (a new set), or ``None`` where Python must."""
    compiled = _compiled()
    return None if compiled is None else compiled.odd_chars(text)


def has_out_of_place(text: str) -> bool | None:
    """``ce_letters.has_out_of_place(text)`` in C, or ``None`` where Python must answer."""
    compiled = _compiled()
    return None if compiled is None else compiled.out_of_place(text)


def loose(word: str, letters: bool) -> frozenset[str] | None:
    """``ce_letters._loose(word, letters)`` in C, or ``None`` where Python must answer."""
    compiled = _compiled()
    return None if compiled is None else compiled.loose(word, letters)


def marks(before: str, word: str, places_of: str) -> tuple[set[int], set[int]] | None:
    """``ce_letters._marks(before, word, ...)`` in C, the letters whose place may speak
    named by their flag in :data:`FLAGS` (``"changed"``, ``"dos"``, or ``""`` for none), or
    ``None`` where Python must answer."""
    compiled = _compiled()
    if compiled is None:
        return None
    found: tuple[set[int], set[int]] | None = compiled.marks(
        before, word, 1 << FLAGS.index(places_of) if places_of else 0
    )
    return found
