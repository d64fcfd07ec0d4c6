"""The gate sheet: the character-level gates of the legacy engine's accept test, answered at
once in C for a repair of the same length.

:func:`textfix.repair.legacy.repair` asks a dozen gates of its best candidate, each a scan
of the pair (``text``, ``cand``) in Python. The compiled ``_cgates.sheet`` scans the pair once
and answers them all, reading what each character of the Basic Multilingual Plane is from
tables worked out here with the Python definitions the gates use; each gate asks
:func:`answer` first and runs its own (reference) Python body only when the sheet leaves it
open: no compiled module, lengths that differ, a character beyond the BMP, or a case that
needs word lists (drawing read as words, units, ornaments) or that the tables do not cover
(a Latin combining mark, final sigma, ``İ``). The accept sheet (``_cgates.accept_sheet``,
:func:`accepted`) answers in one more scan what the gate sheet leaves open in lines with
drawing or with the letters of an unmodelled orthography.

>>> answer("³adny dzieñ", "ładny dzień", NO_ALPHABET) in (False, None)
True
>>> answer("³adny dzieñ", "ładny", NO_ALPHABET) is None
True
"""

from __future__ import annotations

import sys
import unicodedata
from array import array
from functools import cache, lru_cache
from itertools import compress, count, repeat
from operator import gt, mul, not_
from re import Pattern
from types import ModuleType

from textfix._native import load
from textfix.scoring import model
from textfix.scoring.model import TOKEN_RE

_CGATES = load("textfix.repair._cgates")

#: The gates, by their bit in the sheet (keep in step with _cgates_sheet.h).
NO_ALPHABET = 0  # gates.letters_of_no_alphabet
CAPITALISES = 1  # gates.capitalises_words
SHORT_WORDS = 2  # gates.short_words_respelled
MIDDLE_DOTS = 3  # gates.only_middle_dots_between_ls
LETTER_RUNS = 4  # legacy._only_letter_runs
DEMO = 5  # alphabet_demos.demo_rewritten
DRAWING = 6  # legacy._drawing_into_unknown_words
ORNAMENT = 7  # legacy._ornament
UNITS = 8  # legacy._units_rewritten
CHANGES_LETTERS = 9  # legacy._changes_letters
CASE_ONLY = 10  # kept_shapes.case_only
SCRIPTS_MIXED = 11  # kept_shapes.scripts_mixed (False where the text has no box drawing)
GATES = range(12)
_KNOWN = 16
_LONGEST = 32

_BMP = 0x10000

# Flags of one character (_cgates_sheet.h): bits of the low byte, then of the high byte.
_ALPHA, _LETTER, _UPPER, _LOWER, _TITLE, _NONPRINT, _DEMO_TOK, _DRAWING = range(8)
_UNIT, _LATIN_MARK, _MULTI_LOW, _TOKEN, _SIGMA, _WORD_CHAR = range(6)
#: Scripts of :func:`script_of`, numbered (any other name gets the next number).
_SCRIPTS = ("Other", "Latn", "Grek", "Cyrl", "Hebr", "Arab", "Thai")
_NO_VOWEL = 255
_UTF16 = "utf-16-le" if sys.byteorder == "little" else "utf-16-be"


def _marked(pattern: Pattern[str], chars: str) -> bytes:
    """1 at each character of ``chars`` that ``pattern`` (a class, or runs of one) takes."""
    out = bytearray(len(chars))
    for m in pattern.finditer(chars):
        out[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return bytes(out)


def _packed(bits: list[bytes]) -> bytes:
    """One byte per character, bit ``i`` from the 0/1 bytes ``bits[i]`` (big integers add
    the eight tables at once: no byte carries)."""
    total = 0
    for i, table in enumerate(bits):
        total |= int.from_bytes(table, "big") << i
    return total.to_bytes(len(bits[0]), "big")


def _tables() -> bytes:
    """What each BMP character is, for ``_cgates.init_sheet``: the alphabet masks (8 bytes
    each), the flags (2), the lower case (2), the script (1) and the vowel (1), in that
    order, each table native-endian. (Built with maps that run in C: about 0.1 s.)"""
    # (here, not at the top: these modules ask the sheet themselves)
    from textfix.repair import alphabet_demos, gates, legacy

    chars = "".join(map(chr, range(_BMP)))
    alpha = bytes(map(str.isalpha, chars))
    upper = bytes(map(str.isupper, chars))
    lowered = list(map(str.lower, chars))
    multi = bytes(map((1).__lt__, map(len, lowered)))
    sigma = bytearray(_BMP)
    sigma[0x3A3] = 1
    low = _packed(
        [
            alpha,
            _marked(gates._LETTERS_RE, chars),
            upper,
            bytes(map(str.islower, chars)),
            bytes(map(gt, map(str.istitle, chars), upper)),  # (titlecase, not upper)
            bytes(map(not_, map(str.isprintable, chars))),
            _marked(alphabet_demos._TOKEN, chars),
            _marked(legacy._DRAWING, chars),
        ]
    )
    high = _packed(
        [
            _marked(legacy._UNIT_SIGN, chars),
            _marked(model._LATIN_MARK_RE, chars),
            multi,
            _marked(TOKEN_RE, chars),
            bytes(sigma),
            _marked(legacy._WORD_CHAR_RE, chars),
        ]
    )
    flags = bytearray(2 * _BMP)
    first, second = (low, high) if sys.byteorder == "little" else (high, low)
    flags[0::2] = first
    flags[1::2] = second
    # The first character of each lower case (one but for U+0130, flagged above).
    firsts = "".join(x if len(x) == 1 else x[0] for x in compress(lowered, multi))
    for i, x in zip(compress(count(), multi), firsts, strict=True):
        lowered[i] = x
    lower_text = "".join(lowered)
    lower = lower_text.encode(_UTF16, "surrogatepass")
    if len(lower) != 2 * _BMP:  # pragma: no cover - no BMP letter lowers beyond it
        raise ValueError("a lower case beyond the BMP")
    # Scripts: script_of's ranges, the first that holds a character winning.
    script = bytearray(_BMP)
    numbers = {name: i for i, name in enumerate(_SCRIPTS)}
    spans = (
        (0, model._LATIN_END, "Latn"),
        (*model._EXTENDED_LATIN, "Latn"),
        *model._SCRIPT_RANGES,
    )
    for lo, hi, name in reversed(spans):
        script[lo : hi + 1] = bytes((numbers.setdefault(name, len(numbers)),)) * (hi - lo + 1)
    # Accented vowels: only a character with a canonical decomposition has accents.
    vowel = bytearray((_NO_VOWEL,)) * _BMP
    for i, d in enumerate(map(unicodedata.decomposition, chars)):
        if d and d[0] != "<":
            vowel[i] = alphabet_demos.accented_vowel(chars[i], _NO_VOWEL)
    # Alphabet masks of each letter's folded form (gates.folded_letter: the lower case's
    # first character, folded; none for a non-letter).
    masks = gates._alphabet_masks()
    folded = lower_text.translate(gates._ALPHABET_FOLD)
    alphabet = array("Q", map(mul, map(masks.get, folded, repeat(0)), alpha))
    return alphabet.tobytes() + bytes(flags) + lower + bytes(script) + bytes(vowel)


@cache
def _compiled() -> ModuleType | None:
    """``_cgates`` holding the tables, or ``None`` without the module."""
    if _CGATES is None:
        return None
    _CGATES.init_sheet(_tables())
    return _CGATES


@lru_cache(maxsize=4096)  # the gates ask it of the same pair one after another
def sheet(text: str, cand: str) -> int | None:
    """The compiled sheet of the repair ``cand`` of ``text``: answer bits, known bits
    (``<< 16``) and the longest repaired token (``<< 32``); ``None`` without the module,
    or when the lengths differ or a character is beyond the BMP."""
    compiled = _compiled()
    if compiled is None:
        return None
    found: int | None = compiled.sheet(text, cand)
    return found


def answer(text: str, cand: str, gate: int) -> bool | None:
    """What ``gate`` says of the repair ``cand`` of ``text`` by the compiled sheet, or
    ``None`` when the sheet leaves it to the gate's Python body."""
    return _read(sheet(text, cand), _KNOWN, gate)


def _read(bits: int | None, known: int, gate: int) -> bool | None:
    """The answer bit of ``gate`` in ``bits`` if its known bit (``known`` places up) is set."""
    if bits is None or not bits >> (known + gate) & 1:
        return None
    return bits >> gate & 1 == 1


def answered(text: str, cand: str, gates: int) -> int | None:
    """The answer bits of the gates in the mask ``gates`` (bit ``g`` for gate ``g``) by the
    compiled sheet when it answers every one of them, else ``None``: one lookup for a
    caller that needs them all.

    >>> answered("³adny dzieñ", "ładny", 1 << NO_ALPHABET) is None
    True
    """
    bits = sheet(text, cand)
    if bits is None or bits >> _KNOWN & gates != gates:
        return None
    return bits & gates


def read_sheet(text: str, cand: str, gates: int) -> tuple[int, int, int | None]:
    """The answer bits of the gates in the mask ``gates`` that the compiled sheet answers,
    the mask of those it leaves open (all of ``gates`` without a sheet: a caller asks the
    Python bodies of the open ones only), and :func:`longest_repaired`, of one lookup
    (``None`` without a sheet). Drawing, units and scripts mixed left open are read from
    the accept sheet, as their gates read it first (:data:`_ACCEPTED_AS`: one more lookup
    for the three).

    >>> read_sheet("³adny dzieñ", "ładny", 1 << NO_ALPHABET)
    (0, 1, None)
    """
    bits = sheet(text, cand)
    if bits is None:
        return 0, gates, None
    known = bits >> _KNOWN & gates
    found, left = bits & known, gates & ~known
    if left & _ACCEPTED_OPEN:
        more = accept_sheet(text, cand)
        if more is not None:
            for gate, bit in _ACCEPTED_AS:
                if left >> gate & 1 and more >> (_ACCEPT_KNOWN + bit) & 1:
                    found |= (more >> bit & 1) << gate
                    left ^= 1 << gate
    return found, left, bits >> _LONGEST


def longest_repaired(text: str, cand: str) -> int | None:
    """Letters of the longest letter run of ``cand`` that differs from ``text`` (same
    length), by the compiled sheet, or ``None`` without it."""
    bits = sheet(text, cand)
    return None if bits is None else bits >> _LONGEST


#: The accept sheet's gates, by their bit (keep in step with _cgates_accept.h): what the gate
#: sheet leaves to Python in a line with drawing, or with the letters of an unmodelled
#: orthography, answered in one more scan of the pair.
ACCEPT_SCRIPTS_MIXED = 0  # kept_shapes.scripts_mixed
ACCEPT_DRAWING = 1  # legacy._drawing_into_unknown_words
ACCEPT_UNMODELLED = 2  # unmodelled.unmodelled_read (answered False only)
ACCEPT_UNITS = 3  # legacy._units_rewritten (answered False only)
ACCEPT_LOOK_ALIKES = 4  # legacy._look_alikes_replaced (answered False only)
_ACCEPT_KNOWN = 8
#: Gates of the gate sheet whose Python bodies ask the accept sheet where the gate sheet
#: leaves them open (legacy._drawing_into_unknown_words, kept_shapes.scripts_mixed,
#: legacy._units_rewritten): (gate bit, accept bit).
_ACCEPTED_AS = (
    (DRAWING, ACCEPT_DRAWING),
    (SCRIPTS_MIXED, ACCEPT_SCRIPTS_MIXED),
    (UNITS, ACCEPT_UNITS),
)
_ACCEPTED_OPEN = sum(1 << gate for gate, _bit in _ACCEPTED_AS)


@lru_cache(maxsize=256)  # (asked of the same pair by two or three gates in a row)
def accept_sheet(text: str, cand: str) -> int | None:
    """The compiled accept sheet of the repair ``cand`` of ``text``: answer bits and known
    bits (``<< 8``); ``None`` without the module, or when the lengths differ or a character
    is beyond the BMP."""
    compiled = _compiled()
    found: int | None = None if compiled is None else compiled.accept_sheet(text, cand)
    return found


def accepted(text: str, cand: str, gate: int) -> bool | None:
    """What the accept sheet says of ``gate`` (an ``ACCEPT_`` bit) for the repair ``cand``
    of ``text``, or ``None`` when it leaves the gate to its Python body.

    >>> accepted("├── src", "ЖАА src", ACCEPT_DRAWING) in (True, None)
    True
    """
    return _read(accept_sheet(text, cand), _ACCEPT_KNOWN, gate)


#: typed_in_unicode's table: a sign a round trip may turn into a letter (_cgates_sheet.h).
_TYPED_SIGN = 0xFFFF
_TYPED_NAMES = 0x8000


def _typed_table() -> bytes:
    """What each BMP character is to :func:`textfix.repair.plausible.typed_in_unicode`,
    for ``_cgates.init_typed``: 0 when it does not count, :data:`_TYPED_SIGN` for a sign a
    display code page holds (not a common symbol nor a combining mark), else twice the
    number of the first word of a letter's name, plus one when a display page holds it."""
    from textfix.repair import plausible

    shown = plausible._tables().shown
    table = array("H", bytes(2 * _BMP))
    chars = "".join(map(chr, range(_BMP)))
    numbers: dict[str, int] = {}
    for i in compress(count(), map(str.isalpha, chars)):
        if i >= 0x80:
            ch = chars[i]
            name = unicodedata.name(ch, "?").split(" ", 1)[0]
            table[i] = 2 * numbers.setdefault(name, len(numbers)) + (ch in shown)
    for ch in shown:
        if (
            len(ch) == 1
            and "\x80" <= ch < "\U00010000"
            and not ch.isalpha()
            and ch not in plausible.COMMON_SYMBOLS
            and not unicodedata.combining(ch)
        ):
            table[ord(ch)] = _TYPED_SIGN
    if len(numbers) >= _TYPED_NAMES:  # pragma: no cover - Unicode has a few hundred
        raise ValueError("too many scripts for _cgates.typed")
    return table.tobytes()


@cache
def _typed_compiled() -> ModuleType | None:
    """``_cgates`` holding :func:`_typed_table`, or ``None`` without the module."""
    if _CGATES is None:
        return None
    _CGATES.init_typed(_typed_table())
    return _CGATES


def typed_scan(line: str) -> bool | None:
    """:func:`textfix.repair.plausible.typed_in_unicode` of ``line`` in C, or ``None``
    without the module or for a line with a character beyond the BMP."""
    compiled = _typed_compiled()
    if compiled is None:
        return None
    found: bool | None = compiled.typed(line)
    return found


def core_words(text: str) -> list[str] | None:
    """The words of ``text`` with a non-ASCII character, as ``legacy._CORE_WORD.findall``
    finds them, in C; ``None`` without the module.

    >>> core_words("Hello Ðåäàêò, 100 ok ³adny") in (['Ðåäàêò', '³adny'], None)
    True
    """
    compiled = _compiled()
    return None if compiled is None else compiled.core_words(text)
