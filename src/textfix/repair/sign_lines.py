"""Cyrillic lines shown as signs alone.

Cyrillic text in iso8859-5, koi8-r, cp855 or cp866 shown as mac-roman (or cp866 shown as
cp1251) is a run of signs glued into word shapes: "Пламена" is "ø€–‹’›–", "Забара" is
"‡\\xa0Ў\\xa0а\\xa0". The line has no word of any language to score, so the engine's
gates, built to weigh a repair against the words it replaces, refuse the round trip or
never rank it (a candidate with a ligature "ﬁ" left in a word of another script scores as
nothing to read, which outranks every real reading in the quick shortlist).

What makes such a line certainly garbled: every word with a non-ASCII character holds two
signs or more (characters no modelled alphabet has, no-break spaces), glued to each other
or to letters, and no word is made of quotation marks alone. What makes the round trip
certainly right: a Cyrillic step turns every non-ASCII character into a Cyrillic letter,
each repaired word is lower case or capitalised (signs of a formula read as capitals), and
the repaired words, 5 letters or more, read as a language written in the step's true code
page with letter statistics no other step's reading comes near (:func:`sign_line_repair`).

The engine asks it right after its accept test (a line that reads well stays, as the
compiled quick proofs leave it; above the default confidence, so does a line
``no_repair.cannot_pass`` settles: up to the default, the engine looks at every line the
accept test rejects, and so asks it of those lines too). What it
reads of a line before it scores (the refusals most lines meet, each live reading's words,
the rival readings' cores) is one compiled call where built (``_cgates.sign_scan``, with
:func:`_scan_py` its reference); the scoring stays here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from textfix._native import load
from textfix.chains import FAMILIES, STEPS, fits
from textfix.repair.bitsets import bit_masks, few_bit_indices
from textfix.scoring import score
from textfix.scoring._data import langdata
from textfix.scoring.model import word_lookup
from textfix.types import Chain, Step

_CGATES = load("textfix.repair._cgates")

#: Signs a word needs (characters no modelled alphabet has) before its line is looked at.
MIN_SIGNS = 2

#: Letters the repaired line needs: fewer read as a language by chance, known words too
#: ("¶§†‡" is cp866 "ждар" shown as mac-roman, "–‹’›" iso8859-5 "амен").
MIN_LETTERS = 5

#: Plausibility the repaired core needs (its letter statistics, any of its words unknown).
MIN_PLAUSIBILITY = 0.9

#: ... and with every repaired word a known word of its language.
KNOWN_PLAUSIBILITY = 0.6

#: Log-probability per letter the best reading needs over any other step's.
MARGIN = 1.0

#: Confidence of such a repair (the legacy engine returns it at once).
SIGN_LINE_CONFIDENCE = 0.9

#: A word: a run of characters between ASCII spaces (a no-break space inside a word may be
#: a letter: cp866's "а" shown as cp1251).
_WORD = re.compile(r"[^\x00-\x20]+")

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SPACE = re.compile(r"[\x00-\x20]")

#: Quotation marks: a word of them alone is punctuation, whatever page would make letters.
_QUOTES = frozenset("‘’‚‛“”„‟‹›«»\"'`")

#: A repaired word: Cyrillic letters, with ASCII punctuation or digits at either end and
#: a hyphen or apostrophe between letters.
_CYR = "\u0400-\u04ff"
_REPAIRED_WORD = re.compile(
    rf"[\x21-\x40\x5b-\x60\x7b-\x7e]*"
    rf"([{_CYR}]+(?:[-'][{_CYR}]+)*)"
    rf"[\x21-\x40\x5b-\x60\x7b-\x7e]*"
)


@cache
def _cyrillic_trues() -> frozenset[str]:
    """The Cyrillic family's true code pages."""
    return frozenset(next(fam for fam in FAMILIES if fam.name == "Cyrillic").trues)


class _StepReading(NamedTuple):
    """What :func:`sign_line_repair` reads of one single-byte step."""

    step: Step
    cyrillic: bool  # the step's true page is Cyrillic
    #: the non-ASCII characters the shown page holds whose byte the true page reads as a
    #: letter (a Cyrillic letter for a Cyrillic step)
    letters: frozenset[str]
    #: every non-ASCII character the shown page holds -> the true page's character there
    table: dict[int, str]


@cache
def _step_readings() -> tuple[_StepReading, ...]:
    """Every single-byte step of the chain table (Cyrillic true pages first), read byte by
    byte: a line the shown page holds goes through the strict round trip as
    ``text.translate(table)`` (a single-byte decode is one to one)."""
    trues = _cyrillic_trues()
    found = []
    for true, shown in sorted(
        (step for step in STEPS if step[0] != "utf-8"), key=lambda step: step[0] not in trues
    ):
        table: dict[int, str] = {}
        letters = set()
        for byte in range(0x80, 0x100):
            try:
                seen, meant = bytes([byte]).decode(shown), bytes([byte]).decode(true)
            except UnicodeDecodeError:
                continue
            table[ord(seen)] = meant
            if true in trues:
                if "\u0400" <= meant <= "\u04ff" and meant.isalpha():
                    letters.add(seen)
            elif meant.isalpha():
                letters.add(seen)
        found.append(_StepReading((true, shown), true in trues, frozenset(letters), table))
    return tuple(found)


@cache
def _letters() -> frozenset[str]:
    """ASCII and the letters of the modelled alphabets, in either case: every character
    that is no sign."""
    letters = set(map(chr, range(0x80)))
    for letter in langdata().letter_mask:
        letters.update(c for c in (letter, letter.upper()) if len(c) == 1)
    return frozenset(letters)


@cache
def _sign_search() -> re.Pattern[str]:
    """A sign: a non-ASCII character no modelled alphabet holds as a letter, in either case
    (a no-break space included)."""
    letters = "".join(re.escape(c) for c in sorted(_letters()) if c > "\x7f")
    return re.compile("[^\x00-\x7f" + letters + "]")


#: A search for a character that is neither ASCII nor one of :func:`_cyrillic_images`, once
#: asked (a module global: :func:`sign_line_repair` is asked of every line the engine looks
#: at, and most fail this first test; a compiled character class, not a set lookup a
#: character, which costs a garbled line more in cache misses than the rest of the test).
_foreign_search: Callable[[str], object] | None = None


def _foreign_finder() -> Callable[[str], object]:
    """:data:`_foreign_search`, set on first use (the chain tables load lazily)."""
    global _foreign_search  # (a cache that costs the common call no frame)
    images = "".join(re.escape(c) for c in sorted(_cyrillic_images()) if c > "\x7f")
    _foreign_search = re.compile("[^\x00-\x7f" + images + "]").search
    return _foreign_search


@cache
def _readings_split() -> tuple[tuple[_StepReading, ...], tuple[_StepReading, ...]]:
    """:func:`_step_readings` of the Cyrillic true pages, and of the others."""
    readings = _step_readings()
    return (
        tuple(r for r in readings if r.cyrillic),
        tuple(r for r in readings if not r.cyrillic),
    )


@cache
def _letter_masks(rivals: bool = False) -> dict[str, int]:
    """Character -> bit ``j`` set where Cyrillic reading ``j`` of :func:`_readings_split`
    makes it a Cyrillic letter (with ``rivals``: where reading ``j`` of the other true pages
    makes it a letter)."""
    return bit_masks(reading.letters for reading in _readings_split()[rivals])


@cache
def _cyrillic_images() -> frozenset[str]:
    """Every character some Cyrillic step reads as a Cyrillic letter."""
    return frozenset().union(*(r.letters for r in _step_readings() if r.cyrillic))


def signs_only(text: str) -> bool:
    """Whether every word of ``text`` with a non-ASCII character holds :data:`MIN_SIGNS`
    signs or more, and not only quotation marks (the shape :func:`sign_line_repair` asks).

    >>> signs_only("ø€–‹’›–"), signs_only("Пламена"), signs_only("“”"), signs_only("•••")
    (True, False, False, True)
    """
    signs = _sign_search()
    if signs.search(text) is None:
        return False  # (most lines: one scan)
    found = False
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        if len(signs.findall(word)) < MIN_SIGNS or set(word) <= _QUOTES:
            return False
        found = True
    return found


def _case_shaped(word: str) -> bool:
    """Lower case or capitalised (mathematical signs read as capitals: iso8859-5 shows
    "ВЦИК" as "≤∆∏∫", a word in capitals is too often a formula read as letters)."""
    return word.islower() or (word[0].isupper() and word[1:].islower())


def _cyrillic_words(cand: str) -> list[str] | None:
    """The Cyrillic words of ``cand`` (``text`` read through a Cyrillic step, every
    non-ASCII character made a Cyrillic letter) when every word with one is letters of one
    case shape (:func:`_case_shaped`) between ASCII signs; else ``None``."""
    words: list[str] = []
    for word in _WORD.findall(cand):
        if word.isascii():
            continue
        m = _REPAIRED_WORD.fullmatch(word)
        if m is None:
            return None
        parts = m.group(1).replace("'", "-").split("-")
        if not all(map(_case_shaped, parts)):
            return None
        words += parts
    return words


def _core(text: str) -> str:
    """The words of ``text`` with a non-ASCII character."""
    return " ".join(w for w in _WORD.findall(text) if not w.isascii())


#: One reading of a line :func:`_scan_py` finds: the Cyrillic reading's index in
#: :func:`_readings_split`, the line read through it, and its words (:func:`_cyrillic_words`)
#: joined by spaces.
_Reading = tuple[int, str, str]

#: What :func:`_scan_py` finds of a line: its readings, and the rival readings' cores.
_Scan = tuple[list[_Reading], list[str]]


def _scan_py(text: str) -> _Scan | None:
    """What :func:`sign_line_repair` reads of ``text`` before it scores: ``None`` when the
    line is no line of signs (:func:`signs_only`) or no Cyrillic reading makes every
    character a letter, or when no reading's words pass :func:`_cyrillic_words`; else the
    readings that pass (live readings in order, each candidate once) and the rival readings'
    cores (:func:`_core`, each once). The reference of the compiled ``_cgates.sign_scan``.

    >>> _scan_py("ø€–‹’›–")[0][0][1:], _scan_py("“”")
    (('Пламена', 'Пламена'), None)
    """
    # (most lines fail at once: a character no Cyrillic step reads as a letter, or a first
    # word with a non-ASCII character that holds no sign; compiled calls, none with a repeat,
    # which would allocate the matcher's stack)
    if (_foreign_search or _foreign_finder())(text) is not None:
        return None
    first = _NON_ASCII.search(text)
    if first is None:
        return None
    start = first.start()
    space = _SPACE.search(text, start)
    end = len(text) if space is None else space.start()
    if _sign_search().search(text, start, end) is None or not signs_only(text):
        return None
    chars = {ch for ch in text if ch > "\x7f"}
    cyrillic, others = _readings_split()
    # (the Cyrillic readings that make every character a letter, as a bit set: one lookup
    # a character in place of a set test a reading)
    masks = _letter_masks()
    live = (1 << len(cyrillic)) - 1
    for ch in chars:
        live &= masks.get(ch, 0)
        if not live:
            return None
    # (only the live readings: a character the others' shown page lacks, or that they make no
    # letter; a candidate met again reads the same)
    readings: list[_Reading] = []
    seen = set()
    for j in few_bit_indices(live):
        cand = text.translate(cyrillic[j].table)
        if cand in seen:
            continue
        seen.add(cand)
        words = _cyrillic_words(cand)
        if words is not None:
            readings.append((j, cand, " ".join(words)))
    if not readings:
        return None
    rival_masks = _letter_masks(rivals=True)
    rival = (1 << len(others)) - 1
    for ch in chars:
        rival &= rival_masks.get(ch, 0)
    cores = {_core(text.translate(others[j].table)): None for j in few_bit_indices(rival)}
    return readings, list(cores)


#: The scan :func:`sign_line_repair` asks, once set (compiled where built: :func:`_scanner`).
_scan: Callable[[str], _Scan | None] | None = None


def _scanner() -> Callable[[str], _Scan | None]:
    """:data:`_scan`, set on first use: ``_cgates.sign_scan`` handed the tables
    (:func:`_compiled_tables`), else :func:`_scan_py`."""
    global _scan  # (a cache that costs the common call no frame)
    if _CGATES is not None and (tables := _compiled_tables()) is not None:
        _CGATES.init_signs(*tables)
        _scan = _CGATES.sign_scan
    else:
        _scan = _scan_py
    return _scan


def _compiled_tables() -> tuple[object, ...] | None:
    """``_cgates.init_signs``'s arguments (see ``_cgates_signs.h``): every non-ASCII
    character some reading's shown page holds, what it is, and what each reading makes of
    it; ``None`` where a table does not fit that shape (an ASCII character changed, a
    character made two), and :func:`_scan_py` answers."""
    cyrillic, others = _readings_split()
    readings = cyrillic + others
    keys = sorted({chr(k) for r in readings for k in r.table})
    if len(cyrillic) > 64 or len(others) > 128 or not keys or keys[0] < "\x80":
        return None
    if any(len(v) != 1 or v == "\0" for r in readings for v in r.table.values()):
        return None
    masks, rival_masks, letters = _letter_masks(), _letter_masks(rivals=True), _letters()
    rivals = [rival_masks.get(ch, 0) for ch in keys]
    meant = "".join(r.table.get(ord(ch), "\0") for ch in keys for r in readings)
    flags = bytes((ch not in letters) | (ch in _QUOTES) << 1 for ch in keys)
    ascii_quotes = "".join(sorted(q for q in _QUOTES if q < "\x80"))
    return (
        "".join(keys),
        tuple(masks.get(ch, 0) for ch in keys),
        tuple(m & (1 << 64) - 1 for m in rivals),
        tuple(m >> 64 for m in rivals),
        flags,
        meant,
        ascii_quotes,
        len(cyrillic),
        len(others),
        MIN_SIGNS,
    )


def sign_line_repair(text: str) -> tuple[str, Chain] | None:
    """The line read through the one Cyrillic step that makes it letters of a language
    written in that step's true page, when the line is signs alone (:func:`signs_only`);
    else ``None``. Every other step that makes the line letters (of any script) is a rival
    reading: the chosen one must read :data:`MARGIN` better than each.

    >>> sign_line_repair("ø€–‹’›–")
    ('Пламена', (('iso8859-5', 'mac-roman'),))
    >>> sign_line_repair("•••"), sign_line_repair("“quoted”"), sign_line_repair("∑∏√∫")
    (None, None, None)
    """
    found = (_scan or _scanner())(text)
    return None if found is None else judged(found)


def judged(found: _Scan) -> tuple[str, Chain] | None:
    """:func:`sign_line_repair` of the line whose scan (:data:`_scan`) found ``found``: the
    engine asks the compiled scan itself (most lines stop there) and this only after it."""
    readings, rival_cores = found
    cyrillic = _readings_split()[0]
    # (the models and the compiled word lookup once: no frame a word)
    models, known_in = langdata().models, word_lookup()
    best: tuple[float, str, Step] | None = None
    levels: dict[str, float] = {}  # Cyrillic reading -> its log-probability
    for j, cand, joined in readings:
        step = cyrillic[j].step
        s = score(joined)
        levels[cand] = s.logprob
        if s.letters < MIN_LETTERS or s.lang is None or not fits(step[0], s.lang):
            continue
        bit = 1 << models[s.lang].index
        known = all(known_in(w) & bit for w in joined.split(" "))
        if s.plausibility < (KNOWN_PLAUSIBILITY if known else MIN_PLAUSIBILITY):
            continue
        if best is None or s.logprob > best[0]:
            best = (s.logprob, cand, step)
    if best is None:
        return None  # (the rival readings are read only for a line with a reading to judge)
    level, cand, step = best
    if any(lp > level - MARGIN for other, lp in levels.items() if other != cand) or any(
        score(core).logprob > level - MARGIN for core in rival_cores
    ):
        return None
    return cand, (step,)
