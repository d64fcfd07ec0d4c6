"""Single-byte legacy mojibake: text written in one code page and shown as another.

Only the words with non-ASCII characters (the line's *core*) can change under these chains,
so they are what gets judged. For a line whose core looks implausible, every chain step
``(true, shown)`` of the chain table is tried as an exact round trip, character by character
(``str.translate`` tables equal to ``encode(shown).decode(true)``; characters ``shown`` cannot
hold are left as they are: they were never part of the mix-up). Cheap checks shortlist the
candidates, the scorer ranks the few best, and the winner is applied only if every gate
passes (see ``docs/confidence.md``).

Speed: the steps are seen per character (each character's image under every step, and bit
masks of the steps that change it or spoil it), so a line's candidates come from its few
distinct characters rather than one translate per step; a shortlisted candidate whose rank
bound is already beaten is never fully scored. Gates:

1. the original is implausible (after cheap pre-filters: lines that plainly read as text,
   see :mod:`textfix.repair.plausible`, and lines of known words pass);
2. the candidate is plausible and clearly better (gain in log-probability per letter);
3. the round trip is exact and strict, and introduces no control, replacement or
   private-use character;
4. short repairs (one or two changed letters) need word-level evidence: every repaired word
   is a known word of the line's language.

>>> repair("Öåé òåêñò òàêîæ äîñòóïíèé óêðà¿íñüêîþ", DocumentContext()).text
'Цей текст також доступний українською'
>>> repair("déjà vu", DocumentContext()) is None
True
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache, reduce
from itertools import compress, count
from operator import and_, eq, itemgetter, or_
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from textfix._native import load
from textfix.chains import (
    STEPS,
    TRUE_RANK,
    UNDECODABLE,
    UTF8_STEPS,
    charset,
    family_langs,
    fits,
    single_byte_steps,
    translation,
    utf8_bytes_shown,
)
from textfix.repair import dos_baltic, mac_words, sibling_pages
from textfix.repair.accent_swaps import accent_swapped
from textfix.repair.alphabet_demos import demo_rewritten
from textfix.repair.base import DocumentContext, Step
from textfix.repair.bitsets import bit_indices, bit_masks
from textfix.repair.ce_letters import (
    _votes,
    family_made_words,
    looks_anyway,
    may_prove_words,
    proves_words,
)
from textfix.repair.front import (
    ASK_NBSP,
    LONE,
    LOOKED,
    NBSP,
    QUOTED,
    READS,
    READS_NOT,
    front,
)
from textfix.repair.gate_sheet import _ACCEPT_KNOWN as ACCEPT_KNOWN
from textfix.repair.gate_sheet import _ACCEPTED_AS as ACCEPTED_AS
from textfix.repair.gate_sheet import _KNOWN as SHEET_KNOWN
from textfix.repair.gate_sheet import _LONGEST as SHEET_LONGEST
from textfix.repair.gate_sheet import (
    ACCEPT_DRAWING,
    ACCEPT_LOOK_ALIKES,
    ACCEPT_UNITS,
    CAPITALISES,
    CASE_ONLY,
    CHANGES_LETTERS,
    DEMO,
    DRAWING,
    LETTER_RUNS,
    MIDDLE_DOTS,
    NO_ALPHABET,
    ORNAMENT,
    SCRIPTS_MIXED,
    SHORT_WORDS,
    UNITS,
    accept_sheet,
    accepted,
    answer,
    core_words,
    longest_repaired,
    read_sheet,
)
from textfix.repair.gate_sheet import _compiled as compiled_sheet
from textfix.repair.gates import (
    ASK_CLEAN,
    ASK_TYPED,
    CLEAN,
    LATIN_SIGN,
    SIGN_CAPITAL,
    TYPED,
    capital_behind_sign,
    capital_of_other_alphabet,
    capitalises_words,
    changed_at,
    letters_of_no_alphabet,
    looks_clean,
    only_middle_dots_between_ls,
    short_words_respelled,
)
from textfix.repair.kept_shapes import (
    APOSTROPHES,
    apostrophe_read,
    case_only,
    endings_swapped,
    scripts_mixed,
)
from textfix.repair.line_language import (
    LEAD,
    # (known words of one language a line needs before that language counts as "the
    # language the rest of the line is in", and the letters a word needs to vote)
    LINE_VOTES,
    VOTE_LETTERS,
    _lower,
    alphabet_repair,
    foreign_to_line,
    line_language,
    named_index,
    named_lang,
    prose,
    word_votes,
)
from textfix.repair.line_language import (
    # (read as _code_of here, and by tests through this module)
    code_of as _code_of,
)
from textfix.repair.lone_swaps import own_word_swapped
from textfix.repair.lone_words import LONE_CONFIDENCE, lone_repair, lone_signs, without_lone
from textfix.repair.narrow import narrow, wide
from textfix.repair.one_class import bmp_class, one_class, unheld_found
from textfix.repair.pair_shapes import ACCENTS_ONLY, BEFORE_CAPITALISED, TITLE_WORDS
from textfix.repair.pair_shapes import _compiled as _pair_scan
from textfix.repair.plausible import (
    ORDINAL_NEXT,
    UTF8_SHOWN,
    _utf8_pages,
    distinct_tables,
    plausible,
    typed_in_unicode,
    utf8_round_trip,
)
from textfix.repair.plausible import _pages_test as _utf8_pages_test
from textfix.repair.quote_signs import signs_quoted
from textfix.repair.reach import marking_steps, may_reach_words, steps_to_words, word_stretches
from textfix.repair.script_clash import decode_keeps_script, decode_whole_script
from textfix.repair.sign_capitals import capital_behind_latin_sign
from textfix.repair.sign_lines import SIGN_LINE_CONFIDENCE, sign_line_repair
from textfix.repair.spans import _MAX_ALIGN, _differences, changed_spans, word_pairs
from textfix.repair.stray_letters import looks_stray, stray_repair, suspects
from textfix.repair.tokens import token_spans, tokens
from textfix.repair.unmended import unmended
from textfix.repair.unmodelled import unmodelled_read
from textfix.scoring import TextScore, score, word_band, word_langs
from textfix.scoring._data import LangModel, langdata
from textfix.scoring._wordindex import MAX_BAND
from textfix.scoring.endings import compiled_form_lead, compiled_form_words, form_langs
from textfix.scoring.model import (
    _SUPERSCRIPTS,
    CHAR_TABLE_SIZE,
    TOKEN_RE,
    _compiled,
    _fold_text,
    _quick,
    _token_script,
    composed,
    glued_runs,
    lead_votes,
    line_votes,
    logprob_bound,
    mojibake_shape,
    odd_case,
    script_of,
    well_formed,
    word_lookup,
)
from textfix.types import Chain

if TYPE_CHECKING:
    from types import ModuleType

    from textfix.scoring import _cscore

_CSCORE = load("textfix.scoring._cscore")
_CGATES = load("textfix.repair._cgates")

#: A candidate must gain this much log-probability per letter over the original...
MIN_GAIN = 1.0
#: ... and reach this absolute level.
MIN_LOGPROB = -4.5
#: The confidence of a repair of quotation marks shown as signs (quote_signs).
QUOTED_CONFIDENCE = 0.9
#: The original's core must be below this level for anything to be tried.
ORIGINAL_BAR = -2.6
#: With this chain already shown in the document (or the caller's sample), bars move by:
CONTEXT_RELIEF = 0.6
#: Ranking bonus (nats per letter) for a candidate all of whose repaired words are known.
WORD_BONUS = 1.0
#: Ranking bonus (nats per letter) per frequency band (``scoring.word_band``, 0-3) of the
#: rarest repaired word, when every repaired word is a known word of the language the line's
#: other words lead in: of two round trips both making words of it, the commoner words win
#: (Croatian "više", band 3, not "viče", band 1). Of such pairs in real lines the commoner
#: reading is right 85 % of the time one band apart, always two or more apart
#: (``benchmarks/bench_word_freq.py``; docs/confidence.md).
FREQ_BONUS = 0.15
#: Ranking bonus for the share of the core a round trip changes (a tie-breaker).
COVERAGE_BONUS = 0.05
#: Prior cost (total nats, spread over the candidate's letters) per step down the family's
#: commonness order, and for showing through a DOS/Mac or Cyrillic code page rather than
#: cp1252/latin-1: decisive for a three-letter word, negligible for a sentence.
RANK_PENALTY = 0.3
SHOWN_COST = {"cp1252": 0.0, "iso8859-1": 0.0, "cp1251": 0.2, "koi8-r": 0.2}
OTHER_SHOWN_COST = 0.4
#: Ranking penalty (nats per letter) when the candidate's language is not one its chain's
#: family is used for.
LANG_MISMATCH = 0.4
#: Ranking penalty (nats per letter) for each letter a candidate turns into a symbol.
SYMBOL_FOR_LETTER = 2.0
#: Ranking penalty (nats per letter) for each capital after a small letter a candidate adds.
NEW_ODD_CASE = 0.5
#: Share of repaired letters in known words needed to change text with no mojibake shape.
WELL_FORMED_KNOWN = 0.5
#: Known repaired words weigh fully once they hold this many letters.
EVIDENCE_LETTERS = 5
#: ... or half of them when the line's known words of that language hold this many letters.
CONTEXT_LETTERS = 10
#: A thin repair's known words need this share of the line's words known in that language.
LINE_SHARE = 0.3
#: Text with no mojibake shape may also change on a very large gain with some known words.
STRONG_GAIN = 2.0
STRONG_KNOWN = 0.2
#: A word known in at most this many languages tells which language a line is in.
SPECIFIC_LANGS = 3
#: Known letters a thin repair with a gain of STRONG_GAIN needs in the line's language.
THIN_KNOWN_LETTERS = 3
#: Repairs changing at most this many letters need every repaired word to be a known word.
THIN = 2
#: ... unless the original has a mojibake shape, the gain is this large and the language
#: fits the chain's code page.
THIN_GAIN = 1.5
#: Ranking cost (total nats) of each letter a same-length candidate reads fewer than another.
LACKED_LETTER = 4.0
#: The gain that will do when 3+ known words of the line agree on the candidate's language.
AGREED_GAIN = 0.5
#: Candidates given the quick score, and candidates given the full score. (The quick score
#: reads letters only, so a round trip making a sign of a sign, "pi¨" -> "pi®", outranks one
#: making a letter, cp850's "più", 10th of 26. Twelve fully scored restored more real lines,
#: Western European 4,837 -> 4,859 of 5,617, but also let two clean lines through to a known
#: word of another language, "Sant’Èlena" -> Czech "Člena": five until a gate tells those.)
QUICK_POOL = 80
SHORTLIST = 5

#: Document pre-filter: one match per line that has a non-ASCII character (the line start).
#: Legacy mojibake can be made of any letters, so every such line gets the cheap word check.
LEGACY_PREFILTER = re.compile(r"^[^\n]*?[^\x00-\x7f]", re.M)

#: Characters a repair must never introduce: C0/C1 controls (tab excepted), U+FFFD,
#: private use, noncharacters.
_BAD_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\ufff0-\uffff]")
#: Its search, compiled (:func:`~textfix.repair.one_class.bmp_class`).
_BAD_FOUND = bmp_class(_BAD_CHARS).found
#: Words (runs of characters other than spaces and ASCII punctuation) with a non-ASCII one.
_WORD_CHAR = r"[^\s!-/:-@\[-`{-~]"
_CORE_WORD = re.compile(rf"{_WORD_CHAR}*[^\x00-\x7f]{_WORD_CHAR}*")
_NON_ASCII = re.compile(r"[^\s\x00-\x7f]")
_NON_ASCII_CHAR = re.compile(r"[^\x00-\x7f]")
#: Punctuation that may stand at either end of a real word.
_EDGE = "¿¡«»„“”‘’‚‹›…–—·•"
#: Non-letters that real text often has; any other non-ASCII non-letter counts as odd.
_COMMON = frozenset("\u00a0¿¡«»„“”‘’‚‹›…–—°·•€£¥©®™№§")


@lru_cache(maxsize=4096)  # asked of the same line by the engine, its gates and no_repair
def core(text: str) -> str:
    """The words of ``text`` that contain a non-ASCII character, joined by spaces.

    >>> core("Hello Ðåäàêò, 100 ok ³adny «%(x)s.ok»")
    'Ðåäàêò ³adny « ok»'
    """
    words = core_words(text)  # (the same search in C: the pattern backtracks over words)
    return " ".join(_CORE_WORD.findall(text) if words is None else words)


class Candidate(NamedTuple):
    """One round trip of a line and how its core scored."""

    text: str  # the whole line after the round trip
    chain: Chain
    score: TextScore  # of the candidate's core
    known: float  # share of repaired words that are known words of the candidate's language
    evidence: float  # ``known`` scaled down when the repaired words are few letters
    changed: int  # characters that differ from the original
    rank: float


def _oddness(chars: str) -> int:
    """Cheap count of what makes a candidate unlike real text, from its distinct non-ASCII
    characters: those that are neither letters of a modelled alphabet nor common punctuation,
    plus one if no language has all its letters."""
    both, odd = _oddity("".join(map(str.lower, chars)))  # each alone: no final-sigma context
    return len(odd) + (both == 0)


def _oddity(lowered: str) -> tuple[int, frozenset[str]]:
    """For lower-cased characters: the languages whose alphabets have all their letters (-1
    when there is no letter), and the odd ones (neither letters nor common punctuation)."""
    letter_mask = langdata().letter_mask
    both = -1
    odd = set()
    for ch in set(lowered):
        mask = letter_mask.get(ch)
        if mask is not None:
            both &= mask
        elif ch not in _COMMON and not TOKEN_RE.match(ch):
            odd.add(ch)
    return both, frozenset(odd)


@lru_cache(maxsize=256)
def _lang_mask(true: str, lang: str | None) -> int:
    """Languages whose word lists count as evidence for a repair to ``true`` text detected as
    ``lang``: ``lang`` itself and every language written in ``true``'s family."""
    models = langdata().models
    codes = set(family_langs(true))
    if lang is not None:
        codes.add(lang)
    return sum(1 << models[c].index for c in codes if c in models)


def _known_share(original: str, candidate: str, mask: int) -> tuple[float, float, int]:
    """Share (by letters) of the candidate's changed words that are known words of the
    languages in ``mask``, the same scaled down for short evidence, and how many characters
    changed (single-byte round trips keep positions). A word with a symbol inside it
    ("директори€") is not a known word, whatever its letters spell."""
    share, evidence = _share(_changed_words(original, candidate), mask)
    return share, evidence, _changed(original, candidate)


def _share(words: tuple[tuple[int, int], ...], mask: int) -> tuple[float, float]:
    """:func:`_known_share`'s two shares of :func:`_changed_words`'s ``words``.

    >>> _share(((4, 0b01), (2, 0b10)), 0b01), _share((), -1)
    ((0.6666666666666666, 0.6666666666666666), (0.0, 0.0))
    """
    letters = known = 0
    for n, langs in words:
        letters += n
        if langs & mask:
            known += n
    if not letters:
        return 0.0, 0.0
    share = known / letters
    # A few known letters are weak evidence: full weight from EVIDENCE_LETTERS on.
    # (min(1.0, letters / EVIDENCE_LETTERS) without the call: asked of most judged lines)
    return share, share * (letters / EVIDENCE_LETTERS if letters < EVIDENCE_LETTERS else 1.0)


@lru_cache(maxsize=4096)
def _changed_words(original: str, candidate: str) -> tuple[tuple[int, int], ...]:
    """``(letters, languages that know it)`` of each word of ``candidate`` that differs from
    ``original`` (at the same place) and has two letters or more; the same pair is asked
    about with several language masks, by the ranking and by the gates."""
    compiled = _compiled_pool()
    if compiled is not None:
        return compiled.changed_words(original, candidate)
    return _changed_words_py(original, candidate)


def _changed_words_py(original: str, candidate: str) -> tuple[tuple[int, int], ...]:
    """:func:`_changed_words` in pure Python (the reference of the compiled one)."""
    return tuple((n, word_langs(bare) if bare else 0) for n, bare in _judged(original, candidate))


def _judged(original: str, candidate: str) -> list[tuple[int, str]]:
    """``(letters, the word as looked up)`` of each word :func:`_changed_words` judges (the
    word is "" when a symbol inside it makes it no known word)."""
    same_length = len(original) == len(candidate)
    out = []
    for m in _CORE_WORD.finditer(candidate):
        word = m.group()
        if same_length and original[m.start() : m.end()] == word:
            continue
        n = sum(map(len, tokens(word)))
        if n < 2:  # one-letter words are too easy to hit by chance to count either way
            continue
        bare = word.strip(_EDGE)
        out.append((n, bare if TOKEN_RE.fullmatch(bare) else ""))
    return out


def _lead_band(original: str, candidate: str, lead: int) -> int:
    """The lowest frequency band (``scoring.word_band``) in the language of model index
    ``lead`` of the words :func:`_changed_words` judges (0 when there is none).

    >>> from textfix.scoring._data import langdata
    >>> sh = langdata().models["sh"].index
    >>> _lead_band("vi¹e", "više", sh), _lead_band("vi¹e", "viče", sh)
    (3, 1)
    """
    return min((word_band(bare, lead) for _n, bare in _judged(original, candidate)), default=0)


def _changed(original: str, candidate: str) -> int:
    """Characters that differ (positions kept), or the length difference plus one."""
    compiled = _compiled_pool()
    if compiled is not None:
        return compiled.changed(original, candidate)
    if len(original) == len(candidate):
        return sum(map(str.__ne__, original, candidate))
    return abs(len(original) - len(candidate)) + 1


@lru_cache(maxsize=4096)  # the pool and utf8_structural both ask it of a garbled line
def _utf8_round_trips(text: str) -> tuple[tuple[str, Chain], ...]:
    """UTF-8 text shown as a single-byte code page: whole-line strict round trips, in
    :data:`UTF8_STEPS` order (in one compiled call where built, :func:`_utf8_trips`:
    :func:`_utf8_round_trips_py` is its reference).

    >>> _utf8_round_trips("cafÃ©")[0]
    ('café', (('utf-8', 'cp1252'),))
    >>> _utf8_round_trips("Öåé òåêñò")
    ()
    """
    trips = _utf8_trips()
    return trips(text) if trips is not None else _utf8_round_trips_py(text)


def _utf8_round_trips_py(text: str) -> tuple[tuple[str, Chain], ...]:
    """:func:`_utf8_round_trips` by the codecs (a failed round trip raises and is caught)."""
    pages = _utf8_first_pages()
    if pages is not None:
        # (the steps whose page shows the first non-ASCII character as a lead byte and the
        # next one as a continuation byte, in one compiled call: none, for most lines)
        steps = pages(text)
        return tuple(_utf8_step_decodes(text, steps)) if steps else ()
    first = _NON_ASCII_CHAR.search(text)
    if first is None or first.end() == len(text):
        return ()  # nothing to decode, or a lead byte with nothing after it
    return tuple(_utf8_decodes(text, first))


def _utf8_decodes(text: str, first: re.Match[str]) -> list[tuple[str, Chain]]:
    """:func:`_utf8_round_trips` of ``text``, whose first non-ASCII character is ``first``
    (with a character after it)."""
    out: list[tuple[str, Chain]] = []
    follower = text[first.end()]
    for (true, shown), continuations in _utf8_steps_by_lead().get(first.group(), ()):
        if follower not in continuations:
            continue  # the first multi-byte sequence is broken: the decode would fail
        try:
            out.append((text.encode(shown).decode(true), ((true, shown),)))
        except UnicodeError:
            continue
    return out


def _utf8_step_decodes(text: str, steps: int) -> list[tuple[str, Chain]]:
    """The round trips of ``text`` through the steps of :data:`UTF8_STEPS` in ``steps``
    (bit ``j``: the ``j``-th) that decode, in table order."""
    out: list[tuple[str, Chain]] = []
    for j, step in enumerate(UTF8_STEPS):
        if steps >> j & 1:
            try:
                out.append((text.encode(step[1]).decode(step[0]), (step,)))
            except UnicodeError:
                continue
    return out


@cache
def _utf8_first_pages() -> Callable[[str], int] | None:
    """``_cplausible.utf8_pages`` where it is built and reads the pages of
    :data:`UTF8_STEPS` in their order (``plausible.UTF8_SHOWN``): the steps
    :func:`_utf8_decodes` would try, as a bit set. ``None`` otherwise (that function is then
    asked: the reference)."""
    shown = tuple(shown for _true, shown in UTF8_STEPS)
    if load("textfix.repair._cplausible") is None or shown != UTF8_SHOWN:
        return None
    pages = _utf8_pages_test()
    return None if pages is _utf8_pages else pages


@cache
def _utf8_trips() -> Callable[[str], tuple[tuple[str, Chain], ...]] | None:
    """``_cplausible.utf8_round_trips`` where :func:`_utf8_first_pages` is compiled and
    every step decodes UTF-8 from a page that encodes ASCII as itself: the page's byte of
    each other character it encodes handed over once (:func:`_utf8_page_bytes`), so that a
    round trip that fails raises nothing. ``None`` otherwise."""
    module = load("textfix.repair._cplausible")
    if module is None or _utf8_first_pages() is None:
        return None
    ascii_text = "".join(map(chr, range(0x80)))
    if any(
        true != "utf-8" or ascii_text.encode(shown) != ascii_text.encode()
        for true, shown in UTF8_STEPS
    ):
        return None
    module.init_utf8_trips(_utf8_page_bytes(), tuple((step,) for step in UTF8_STEPS))
    trips: Callable[[str], tuple[tuple[str, Chain], ...]] = module.utf8_round_trips
    return trips


def _utf8_page_bytes() -> dict[str, int]:
    """``chr(j) + character`` -> the byte the display page of the ``j``-th step of
    :data:`UTF8_STEPS` encodes that character (beyond ASCII) as: the characters its
    bytes 0x80-0xFF decode to that encode back to the same byte."""
    table: dict[str, int] = {}
    for j, (_true, shown) in enumerate(UTF8_STEPS):
        for byte in range(0x80, 0x100):
            try:
                ch = bytes((byte,)).decode(shown)
                if len(ch) == 1 and ch > "\x7f" and ch.encode(shown) == bytes((byte,)):
                    table[chr(j) + ch] = byte
            except UnicodeError:
                continue
    return table


@cache
def _utf8_steps_by_lead() -> dict[str, tuple[tuple[tuple[str, str], frozenset[str]], ...]]:
    """Character -> the UTF-8 steps whose display code page shows a lead byte as it, in
    table order, each with the characters that page shows continuation bytes as (most
    lines start with a character no step reads as a lead: one lookup rules them all out).
    """
    by_lead: dict[str, list[tuple[tuple[str, str], frozenset[str]]]] = {}
    for step in UTF8_STEPS:
        leads, continuations = utf8_bytes_shown(step[1])
        for ch in leads:
            by_lead.setdefault(ch, []).append((step, continuations))
    return {ch: tuple(steps) for ch, steps in by_lead.items()}


class _StepImages(NamedTuple):
    """The single-byte steps seen per character: bit ``j`` of a mask and item ``j`` of an
    image tuple stand for ``single_byte_steps()[j]``."""

    every: int
    #: character -> its image under every step (itself where a step leaves it alone)
    images: dict[str, tuple[str, ...]]
    #: character -> steps that change it / that turn it into an undecodable or bad one
    changes: dict[str, int]
    spoils: dict[str, int]
    #: character -> :func:`_oddity` of its lower-cased image under every step, the odd
    #: characters as a bit set (``odd_bit``: one bit per odd character any image has)
    letters: dict[str, tuple[int, ...]]
    odd: dict[str, tuple[int, ...]]
    odd_bit: dict[str, int]
    #: the one-step chain of every step
    chains: tuple[Chain, ...]


@cache
def _step_images() -> _StepImages:
    steps = single_byte_steps()
    changes = bit_masks(map(chr, table) for _step, table in steps)
    # (UNDECODABLE, U+FFFD, included)
    spoils = bit_masks(
        (chr(code) for code, image in table.items() if _BAD_CHARS.match(image))
        for _step, table in steps
    )
    images = {ch: tuple(table.get(ord(ch), ch) for _s, table in steps) for ch in changes}
    oddity = {image: _oddity(image.lower()) for column in images.values() for image in column}
    letters = {ch: tuple(oddity[image][0] for image in images[ch]) for ch in images}
    every_odd = sorted(set().union(*(odd for _both, odd in oddity.values())))
    odd_bit = {ch: 1 << i for i, ch in enumerate(every_odd)}
    bits = {image: sum(map(odd_bit.__getitem__, odd)) for image, (_b, odd) in oddity.items()}
    odd = {ch: tuple(map(bits.__getitem__, images[ch])) for ch in images}
    chains = tuple((step,) for step, _table in steps)
    every = (1 << len(steps)) - 1
    return _StepImages(every, images, changes, spoils, letters, odd, odd_bit, chains)


def _live_steps(chars: Iterable[str]) -> int:
    """Steps that change some of ``chars`` and turn none into an undecodable or bad
    character: the only ones whose round trip can be a candidate."""
    seen = _step_images()
    live = seen.every
    changed = 0
    for ch in chars:
        changes = seen.changes.get(ch, 0)
        changed |= changes
        live &= ~seen.spoils.get(ch, 0)
        if _BAD_CHARS.match(ch):  # a bad character left as it is stays bad
            live &= changes
    return live & changed


#: One pool entry: ``(oddness, order, table or candidate core, chains)``; the candidate core
#: of a single-byte round trip is made from its table only when the entry is looked at.
_Entry = tuple[int, int, "dict[int, str] | str", tuple[Chain, ...]]


def _pool(text: str, text_core: str) -> list[_Entry]:
    """``(oddness, order, table or candidate core, chains)`` for every distinct round trip;
    ``chains`` are all the chains giving that same text, in table order."""
    return _pool_of(text, text_core)[0]


def _pool_of(text: str, text_core: str) -> tuple[list[_Entry], bool]:
    """:func:`_pool`, and whether it holds a UTF-8 round trip."""
    chars = {ch for ch in set(text_core) if ch > "\x7f"}  # (each distinct one once)
    seen = _step_images()
    compiled = _compiled_pool()
    distinct = "".join(chars)
    live = bit_indices(_live_steps(chars)) if compiled is None else compiled.live(distinct)
    pool: list[_Entry] = []
    if live:
        # _oddness of each distinct image at once: letter masks ANDed and odd characters
        # ORed (as bit sets) column by column, with those of the characters no step changes.
        both, odd = _oddity("".join(ch.lower() for ch in chars if ch not in seen.images))
        unnumbered = sum(1 for ch in odd if ch not in seen.odd_bit)  # in no image: no overlap
        odd_bits = sum(seen.odd_bit.get(ch, 0) for ch in odd)
        if compiled is None:
            # The line's characters under every live step at once: one column per character
            # no step leaves alone (the others are the same in every candidate).
            domain = [ch for ch in chars if ch in seen.images]
            pool = _single_byte_entries(domain, live, both, odd_bits, unnumbered)
        else:
            pool = compiled.pool(distinct, live, both, odd_bits, unnumbered)
    single = len(pool)
    for oddness, cand_core, chains in _utf8_entries(text):
        pool.append((oddness, len(pool), cand_core, chains))
    return pool, len(pool) > single


def _utf8_entries(text: str) -> list[tuple[int, str, tuple[Chain, ...]]]:
    """``(oddness, candidate core, chains)`` of the UTF-8 round trips :func:`_pool_of` adds
    to the pool."""
    out: list[tuple[int, str, tuple[Chain, ...]]] = []
    for cand, chain in _utf8_round_trips(text):
        if cand != text and not _BAD_FOUND(cand):
            cand_core = core(cand)
            extra = "".join({ch for ch in set(cand_core) if ch > "\x7f"})
            out.append((_oddness(extra), cand_core, (chain,)))
    return out


def _unchanged_oddity(ch: str) -> tuple[int, int, str]:
    """What :func:`_pool_of` takes of a character no step changes: :func:`_oddity` of it
    lower-cased, its odd characters as the bit set of those an image has and as a string of
    those none has (the compiled pool asks it once per character)."""
    both, odd = _oddity(ch.lower())
    odd_bit = _step_images().odd_bit
    bits = sum(odd_bit.get(c, 0) for c in odd)
    return both, bits, "".join(sorted(c for c in odd if c not in odd_bit))


def _single_byte_entries(
    domain: list[str], live: list[int], both: int, odd_bits: int, unnumbered: int
) -> list[_Entry]:
    """The single-byte entries of :func:`_pool` for the changeable characters ``domain`` of
    a line and its ``live`` steps, given :func:`_oddity` of its other characters (``both``,
    the odd ones as a bit set and how many odd ones no image has), in pure Python (the
    reference of the compiled ``Pool.pool``)."""
    seen = _step_images()
    steps = single_byte_steps()
    pick = _picker(live)
    by_image: dict[str, tuple[int, list[Chain]]] = {}
    # Each image as one string (every image is one character): strings cache their hash.
    keys = map("".join, zip(*(pick(seen.images[ch]) for ch in domain), strict=True))
    chains_of = seen.chains
    for j, key in zip(live, keys, strict=True):
        found = by_image.get(key)
        if found is None:
            by_image[key] = (j, [chains_of[j]])
        else:
            found[1].append(chains_of[j])
    pool: list[_Entry] = []
    firsts = [j for j, _chains in by_image.values()]
    pick = _picker(firsts)
    masks = reduce(_and_all, (pick(seen.letters[ch]) for ch in domain), [both] * len(firsts))
    odds = reduce(_or_all, (pick(seen.odd[ch]) for ch in domain), [odd_bits] * len(firsts))
    for i, ((j, chains), mask, bits) in enumerate(zip(by_image.values(), masks, odds, strict=True)):
        oddness = bits.bit_count() + unnumbered + (mask == 0)
        pool.append((oddness, i, steps[j][1], tuple(chains)))
    return pool


@cache
def _compiled_pool() -> _cscore.Pool | None:
    """The compiled ``Pool`` of the single-byte steps (built once), or ``None`` for pure
    Python. It looks words up through the compiled word index itself where there is one
    (read in place, without Python objects)."""
    return _new_pool(word_lookup())


def _new_pool(lookup: Callable[[str], int]) -> _cscore.Pool | None:
    """A new compiled ``Pool`` looking words up through ``lookup`` (``word_langs``)."""
    seen = _step_images()
    if (
        _CSCORE is None
        or len(seen.odd_bit) > 256  # the odd characters it can number
        or any(len(image) != 1 for column in seen.images.values() for image in column)
        or any(ch > "\uffff" for ch in seen.images)
        or len(single_byte_steps()) > 256  # the steps it can number
    ):
        return None
    rows = list(seen.images)
    pool: _cscore.Pool = _CSCORE.Pool(
        "".join(rows),
        ["".join(seen.images[ch]) for ch in rows],
        [seen.letters[ch] for ch in rows],
        [seen.odd[ch] for ch in rows],
        [seen.changes[ch] for ch in rows],
        [seen.spoils.get(ch, 0) for ch in rows],
        tuple(table for _step, table in single_byte_steps()),
        seen.chains,
        _pool_flags,
        lookup,
    )
    return pool


_T = TypeVar("_T")


def _picker(indices: list[int]) -> Callable[[Sequence[_T]], tuple[_T, ...]]:
    """``items -> tuple(items[i] for i in indices)``, in C (:func:`operator.itemgetter`)."""
    if len(indices) == 1:
        only = indices[0]
        return lambda items: (items[only],)
    if not indices:
        return lambda items: ()
    return itemgetter(*indices)


def _and_all(masks: list[int], more: tuple[int, ...]) -> list[int]:
    return list(map(and_, masks, more))


def _or_all(masks: list[int], more: tuple[int, ...]) -> list[int]:
    return list(map(or_, masks, more))


_WORD_CHAR_RE = re.compile(_WORD_CHAR)


def _pool_flags(ch: str) -> int:
    """One character as the compiled ``Pool`` sees it (keep in step with ``_cscore.c``):
    1 if :func:`_reads` counts it, 2 if :data:`_CORE_WORD` takes it as a word character, 4
    if it is a letter of ``TOKEN_RE``, 8 if it is edge punctuation (:data:`_EDGE`), 16 if
    it is alphabetic, 32 a space, 64 a hyphen (:data:`_HYPHENS`), 128 an apostrophe, 256 a
    character a repair must not introduce (:data:`_BAD_CHARS`).

    >>> _pool_flags("é"), _pool_flags("«"), _pool_flags(" "), _pool_flags("’")
    (23, 10, 32, 138)
    """
    return (
        _READS[ch]
        | bool(_WORD_CHAR_RE.fullmatch(ch)) << 1
        | bool(TOKEN_RE.fullmatch(ch)) << 2
        | (ch in _EDGE) << 3
        | ch.isalpha() << 4
        | ch.isspace() << 5
        | (ch in _HYPHENS) << 6
        | (ch in _APOSTROPHES) << 7
        | bool(_BAD_CHARS.match(ch)) << 8
    )


def _cand_core(text_core: str, entry: _Entry) -> str:
    made = entry[2]
    if isinstance(made, str):
        return made
    compiled = _compiled_pool()
    return text_core.translate(made) if compiled is None else compiled.translate(text_core, made)


def _line_after(text: str, chain: Chain) -> str:
    (true, shown), *_ = chain
    if true == "utf-8":
        return text.encode(shown).decode(true)
    compiled = _compiled_pool()
    table = translation(true, shown)
    return text.translate(table) if compiled is None else compiled.translate(text, table)


@lru_cache(maxsize=4096)  # several gates ask it of the same pair
def _repaired_tokens(text: str, cand: str) -> tuple[str, ...]:
    """Letter runs of ``cand`` that differ from ``text`` at the same positions (single-byte
    round trips keep positions; callers check the lengths match).

    >>> _repaired_tokens("Kuþ uçtu ok", "Kuş uçtu ok")
    ('Kuş',)
    """
    gates = _compiled_gates()
    tokens: tuple[str, ...] | None = None if gates is None else gates.repaired_tokens(text, cand)
    if tokens is not None:
        return tokens
    return tuple(
        [m.group() for m in TOKEN_RE.finditer(cand) if text[m.start() : m.end()] != m.group()]
    )


def _has_known_words(text_core: str, cand_core: str) -> bool:
    """Cheap test: at least STRONG_KNOWN of the changed letters are in known words of
    some language."""
    compiled = _compiled_pool()
    if compiled is not None and len(text_core) == len(cand_core):
        return compiled.has_known_words(text_core, cand_core, STRONG_KNOWN)
    words = [w for w in _repaired_tokens(text_core, cand_core) if len(w) > 1]
    if not words:
        return False
    letters = sum(map(len, words))
    return sum(len(w) for w in words if word_langs(w)) >= STRONG_KNOWN * letters


def _may_find_words(text: str, text_core: str) -> bool:
    """Whether :func:`candidates` with ``needs_words`` can find anything: a UTF-8 round trip,
    or a single-byte one whose changed letters are partly known words."""
    if utf8_round_trip(text):
        return True
    chars = "".join(sorted({ch for ch in set(text_core) if ch > "\x7f"}))
    stretches = word_stretches(text_core, MAX_STRETCHES)
    if stretches is None:  # too many to look up one by one: try every table
        return any(
            _has_known_words(text_core, text_core.translate(table))
            for table in distinct_tables(chars)
        )
    # A known repaired word is the image of one of the stretches: only the steps making one
    # can pass (each once per distinct image of the core's characters, as distinct_tables).
    # (every table maps a character to one character: the image of ``chars`` as one string
    # tells what the per-character images tell, in one translation)
    steps = single_byte_steps()
    tried = {chars}
    for stretch in dict.fromkeys(stretches):  # (a repeated word makes the same images)
        for j in sorted(steps_to_words([stretch])):
            image = chars.translate(steps[j][1])
            if image in tried or UNDECODABLE in image:
                continue
            tried.add(image)
            if _has_known_words(text_core, text_core.translate(steps[j][1])):
                return True
    return _marks_make_words(text_core)


def _marks_make_words(text_core: str) -> bool:
    """Whether a step that turns some of ``text_core``'s characters into combining accents
    (cp1258's tones: ``troòng`` -> ``tro\\u0323ng``) makes known words of it. The stretches
    above miss those: the image's skeleton (``tro?ng``) is not the composed word's
    (``tr?ng``, as the word lists spell ``trọng``).

    >>> _marks_make_words("troòng"), _marks_make_words("però")
    (True, False)
    """
    steps = single_byte_steps()
    return any(
        _has_known_words(text_core, text_core.translate(steps[j][1]))
        for j in bit_indices(marking_steps(text_core))
    )


#: Stretches :func:`_may_find_words` looks up one by one at most (a few lookups each, where
#: a table costs a translation and a lookup per changed word).
MAX_STRETCHES = 64


#: Confidence of a step whose best candidate failed the gates is at most this.
FAILED_CONFIDENCE = 0.3


@cache
def _changeable() -> re.Pattern[str]:
    """A character some single-byte table changes."""
    chars = sorted({chr(code) for _step, table in single_byte_steps() for code in table})
    return re.compile("[" + "".join(map(re.escape, chars)) + "]")


def thin_without_words(text: str) -> bool:
    """Cheap proof that no repair of ``text`` passes the gates: every candidate is thin (no
    UTF-8 round trip, at most :data:`THIN` characters any single-byte table changes), the
    line has no mojibake shape, and no round trip turns a word into a known word, which a
    thin repair needs. :func:`repair` then returns ``None`` or a step of confidence at most
    :data:`FAILED_CONFIDENCE`, so callers that need more may skip it (names and rare letters
    of unmodelled languages: ``Efrîka Basur``).

    >>> thin_without_words("Efrîka Basur"), thin_without_words("Model adý")
    (True, False)
    """
    text_core = core(text)
    if len(_changeable().findall(text_core)) > THIN or utf8_round_trip(text):
        return False
    if looks_anyway(text):
        return False  # misplaced signs prove words through any page (ce_letters: Omßn)
    if lone_signs(text):
        return False  # a one-letter word shown as a lone sign (lone_words: "questo Þ usato")
    if signs_quoted(text) is not None:
        return False  # punctuation shown as signs (quote_signs: "vir Æn aksie")
    if mojibake_shape(text_core):
        return False  # a thin repair of a shaped line may pass on the letter statistics
    return (
        not may_reach_words(text_core)
        and not foreign_to_line(text)
        # (stray letters, which the engine judges as their own repair: stray_letters; and
        # Icelandic letters in a word no owner could spell, the "strayed" route, which
        # looks_stray asks of the same suspects)
        and not suspects(text)
        # (signs made letters of words or names: the "proved" route, ce_letters)
        and not may_prove_words(text)
    )


def _prior_cost(chain: Chain) -> float:
    true, shown = chain[0]
    return RANK_PENALTY * TRUE_RANK[true] + SHOWN_COST.get(shown, OTHER_SHOWN_COST)


_LEAD_EDGE = _EDGE + "\"'()[]{}<>,.;:!?"


#: A word listed by more languages than this votes for none in :func:`_lead_index`.
LEAD_LANGS = 3


def _few_langs(mask: int) -> bool:
    """``mask`` has at most :data:`LEAD_LANGS` languages."""
    return mask.bit_count() <= LEAD_LANGS


def _lead_index(text: str) -> int:
    """The model index of the language most of ``text``'s words made of letters alone
    (edge punctuation aside: not those mojibake is in) are known in, ahead of every other
    (one vote will do), or -1.

    >>> _code_of(1 << _lead_index("¹as dejanja")), _lead_index("xyz"), _lead_index("Ign╙")
    ('sl', -1, -1)
    """
    # (the words and their votes in one compiled call, where built)
    compiled = lead_votes(text, _LEAD_EDGE, LEAD_LANGS, VOTE_LETTERS)
    if compiled is None:
        return _lead_index_py(text)
    if compiled[1] == 0:  # (no listed word votes: inflected forms may, _form_lead)
        found = compiled_form_lead(text, _LEAD_EDGE, LEAD_LANGS)  # (the same, compiled)
        if found is not None:
            return found
        return _form_lead([w.strip(_LEAD_EDGE) for w in text.split()])
    return _leader(*compiled)


def _lead_index_py(text: str) -> int:
    """:func:`_lead_index` in pure Python (the reference of ``Tables.lead_votes``)."""
    words = [w.strip(_LEAD_EDGE) for w in text.split()]
    # (a word many languages list is a name or a loan, "Uruguay": it names no language)
    lang, votes, second = line_language(
        " ".join(w for w in words if w.isalpha() and _few_langs(word_langs(w)))
    )
    if votes == 0:
        return _form_lead(words)
    return _leader(lang, votes, second)


def _leader(lang: str | None, votes: int, second: int) -> int:
    """The model index of ``lang`` when its ``votes`` lead ``second``'s, or -1."""
    model = langdata().models.get(lang) if lang is not None and votes > second else None
    return -1 if model is None else model.index


def _form_lead(words: list[str]) -> int:
    """The model index of the language in which most of ``words`` (made of letters alone,
    listed in no language) are inflected forms or compounds of listed words
    (:func:`~textfix.scoring.endings.form_langs`), ahead of every other, or -1: the lead of
    a line none of whose words is listed, where no known word tells (Estonian's list lacks
    "Vabariik", a form of Estonian's: "Fid¼i Vabariik" is iso8859-10's "Fidži", not
    iso8859-2's Sorbian "Fidźi").

    >>> _code_of(1 << _form_lead(["Fid¼i", "Vabariik"])), _form_lead(["xyzzy"])
    ('et', -1)
    """
    votes: dict[int, int] = {}
    for word in words:
        if not word.isalpha() or word_langs(word):
            continue
        mask = form_langs(word)
        if not mask or not _few_langs(mask):
            continue
        while mask:
            low = mask & -mask
            votes[low] = votes.get(low, 0) + 1
            mask ^= low
    ranked = [*sorted(votes.values(), reverse=True), 0, 0]
    if ranked[0] <= ranked[1]:
        return -1
    bit = next(b for b, v in votes.items() if v == ranked[0])
    return bit.bit_length() - 1


def _mismatch_cost(true: str, cand_core: str, logprob: float) -> float:
    """The rank's penalty for a candidate core scored ``logprob`` in a language ``true``'s
    family does not write: :data:`LANG_MISMATCH`, or less when the core reads nearly as well
    in one of the family's languages (the scorer's pick is the best reading, not the only
    one: Lithuanian "Niušu" scores as Slovak, a hair above Lithuanian). The same language
    and logprob always give the same cost (the compiled ranking works it out alike, from
    each step's family mask: keep the two in step).

    >>> _mismatch_cost("cp1257", "Niušu", score("Niušu").logprob) < LANG_MISMATCH
    True
    >>> _mismatch_cost("cp1257", "Ďábel", score("Ďábel").logprob) == LANG_MISMATCH
    True
    """
    tables = _compiled()
    if tables is None:
        return _mismatch_cost_py(true, cand_core, logprob)
    text = composed(cand_core)
    models = langdata().models
    # (the family's languages scored in one compiled call: _cscore.Tables.best_in)
    odd = _odd_letters(text)
    readers = bytes(
        models[lang].index
        for lang in family_langs(true)
        if lang in models and odd <= models[lang].alphabet
    )
    return min(LANG_MISMATCH, max(0.0, logprob - tables.best_in(text, readers)))


def _odd_letters(text: str) -> set[str]:
    """The folded letters of ``text`` (composed) beyond ASCII."""
    return {ch for ch in _fold_text(text) if ch.isalpha() and not ch.isascii()}


def _mismatch_cost_py(true: str, cand_core: str, logprob: float) -> float:
    """:func:`_mismatch_cost` in Python, a language at a time (the reference)."""
    best = -math.inf
    models = langdata().models
    # (only a language whose alphabet holds every letter beyond ASCII may read it nearly as
    # well: the others are charged for each such letter; this keeps the cost cheap)
    odd = _odd_letters(composed(cand_core))
    for lang in family_langs(true):
        if lang not in models or not odd <= models[lang].alphabet:
            continue
        s = score(cand_core, lang)
        if s.lang == lang:  # (a core of two scripts is scored by each script's best)
            best = max(best, s.logprob)
    return min(LANG_MISMATCH, max(0.0, logprob - best))


def _beaten(
    text_core: str, cand_core: str, rank: float, lead: int = -1, certain: float = 0.0
) -> bool:
    """Whether the rank :func:`candidates` would give ``cand_core`` is surely below ``rank``,
    known without its full score: an upper bound of the ranking formula there, every term at
    its most favourable (keep the two in step). The word bonus is bounded by the candidate's
    words known in any language, looked up only when the bound needs it; where that bound is
    not enough, by the line's ``lead`` (its model index, -1: none): only words all known in
    it earn more than their evidence, and then their frequency band in it is known. The
    rank's terms known before the full score (``certain``, :func:`_certain_cost`) are
    subtracted last."""
    top = logprob_bound(cand_core) + _BOUND_SLACK
    top += COVERAGE_BONUS * _changed(text_core, cand_core) / max(1, len(text_core))
    if top + WORD_BONUS + FREQ_BONUS * MAX_BAND < rank:
        return True
    words = _changed_words(text_core, cand_core)
    share, evidence = _share(words, -1)
    # (the line's leader may give all known words full weight and a frequency bonus: see
    # _ranked)
    if share == 1.0:
        if top + WORD_BONUS + FREQ_BONUS * MAX_BAND < rank:
            return True
    elif top + WORD_BONUS * evidence < rank:
        return True
    if share == 1.0 and lead >= 0 and _share(words, 1 << lead)[0] == 1.0:
        top += WORD_BONUS + FREQ_BONUS * _lead_band(text_core, cand_core, lead)
    else:  # (no leader's bonus: the evidence in the candidate's languages is at most this)
        top += WORD_BONUS * evidence
    return top - certain < rank


def _certain_cost(
    chains: tuple[Chain, ...],
    lead_code: str | None,
    holds: Callable[[str], bool],
    lost: int,
    odd_gain: int,
    lacking: int,
    most: int,
) -> float:
    """The rank terms :func:`_ranked` subtracts from a candidate whatever its full score
    (whichever of ``chains`` it names): a code page no chain shares with the line's leader
    ``lead_code``, display code pages none of which ``holds`` the core, ``lost`` letters
    turned into symbols, ``odd_gain`` new odd capitals and ``lacking`` letters fewer than the
    ``most`` read (:func:`_beaten` subtracts them from its bound)."""
    cost = SYMBOL_FOR_LETTER * lost + NEW_ODD_CASE * odd_gain
    cost += LACKED_LETTER * lacking / (most + 1)
    if lead_code is not None and not any(fits(c[0][0], lead_code) for c in chains):
        cost += LANG_MISMATCH
    if not any(holds(c[0][1]) for c in chains):
        cost += LANG_MISMATCH
    return cost


#: Covers rounding: the bound and the score add the same terms in other orders.
_BOUND_SLACK = 1e-9


def _with_known_words(text_core: str, pool: list[_Entry]) -> list[_Entry]:
    """The entries of the sorted ``pool`` whose repaired words are mostly known words (or
    whose length differs), with their candidate cores, as far as :func:`candidates` looks:
    the first :data:`QUICK_POOL` of them up to one more oddness than the least, and every
    UTF-8 one (the rest are never chosen, so they are not translated and looked up)."""
    kept: list[_Entry] = []
    least = -1
    for p in pool:
        utf8 = p[3][0][0][0] == "utf-8"
        if not utf8 and least >= 0 and (p[0] > least + 1 or len(kept) >= QUICK_POOL):
            continue  # past the first part: only UTF-8 entries are still chosen
        cand_core = _cand_core(text_core, p)
        if len(cand_core) != len(text_core) or _has_known_words(text_core, cand_core):
            if least < 0:
                least = p[0]
            kept.append((p[0], p[1], cand_core, p[3]))
    return kept


def _first_look(
    text_core: str, chosen: list[_Entry]
) -> tuple[list[tuple[float, int, str, tuple[Chain, ...]]], int]:
    """``(-quick_logprob, order, candidate core, chains)`` of each chosen entry, and the most
    letters a candidate core as long as ``text_core`` reads."""
    compiled, tables = _compiled_pool(), _compiled()
    if compiled is not None and tables is not None:
        found = compiled.prepare(tables, text_core, chosen)
        if found is not None:
            return found
    pre = []
    for p in chosen:
        cand_core = _cand_core(text_core, p)
        pre.append((-_quick(cand_core)[0], p[1], cand_core, p[3]))  # quick_logprob, inlined
    # Between round trips of the same length, one that reads fewer letters escaped scoring
    # them (a capital read as a no-break space or a quote, "Когалым" -> "\xa0огалым"):
    # each letter it lacks is charged (``most`` is taken over every candidate looked at, so
    # ``best_only`` ranks the same).
    most = max((_reads(p[2]) for p in pre if len(p[2]) == len(text_core)), default=0)
    return pre, most


def _chosen(pool: list[_Entry], utf8: bool = True) -> list[_Entry]:
    """The entries of the sorted ``pool`` given the quick score: the first
    :data:`QUICK_POOL` up to one more oddness than the least, and every strict UTF-8 decode
    (few and structurally strong: always given a look), each once (in no particular order:
    :func:`_first_look`'s result does not depend on it).

    >>> _chosen([(0, 0, "a", ()), (1, 1, "b", ()), (2, 2, "c", ((("utf-8", "cp1252"),),))])
    [(0, 0, 'a', ()), (1, 1, 'b', ()), (2, 2, 'c', ((('utf-8', 'cp1252'),),))]
    """
    head = min(QUICK_POOL, len(pool))
    # (oddness is the sort's first key: the entries that qualify are a prefix)
    cut = bisect_right(pool, pool[0][0] + 1, hi=head, key=itemgetter(0))
    chosen = pool[:cut]
    if utf8:  # (``False``: the caller knows the pool holds no UTF-8 decode)
        chosen += [p for p in pool[cut:] if p[3][0][0][0] == "utf-8"]
    return chosen


def candidates(text: str, needs_words: bool = False, best_only: bool = False) -> list[Candidate]:
    """The distinct exact round trips of ``text`` through the chain table, cheapest checks
    first, the few best fully scored and ranked best first. With ``needs_words``, only
    candidates whose repaired words are mostly known words are kept. With ``best_only``,
    candidates that cannot outrank one already found are not scored (the first is the same).

    >>> candidates("Kuþ uçtu")[0].text
    'Kuş uçtu'
    """
    text_core = core(text)
    found = _compiled_candidates(text, text_core, needs_words, best_only)
    if found is not None:
        return found
    entries, utf8 = _pool_of(text, text_core)
    # (the whole line is translated only for the candidates returned)
    return [
        Candidate(_line_after(text, chain), chain, s, known, evidence, changed, rank)
        for rank, chain, s, known, evidence, changed in _candidates_py(
            text, text_core, entries, utf8, needs_words, best_only
        )
    ]


#: The first look's sorted ``(-quick_logprob, order, candidate core, chains)``, as far as
#: :func:`candidates` ranks them; one ranked round trip of them: ``(rank, chain, score,
#: known, evidence, changed)``.
_Shortlist = list[tuple[float, int, str, tuple[Chain, ...]]]
_Ranked = tuple[float, Chain, TextScore, float, float, int]


def _candidates_py(
    text: str, text_core: str, entries: list[_Entry], utf8: bool, needs_words: bool, best_only: bool
) -> list[_Ranked]:
    """:func:`candidates` from :func:`_pool_of`'s ``entries`` on, ranked best first (the
    best alone with ``best_only``), in pure Python (the reference of the compiled
    ``Ranking.candidates``)."""
    pool = sorted(entries)
    if needs_words:
        pool = _with_known_words(text_core, pool)
    if not pool:
        return []
    pre, most = _first_look(text_core, _chosen(pool, utf8))
    pre.sort()
    found = _ranked(text, text_core, pre[:SHORTLIST], most, best_only)
    found.sort(key=lambda c: -c[0])
    return found[:1] if best_only else found


def _compiled_candidates(
    text: str, text_core: str, needs_words: bool, best_only: bool
) -> list[Candidate] | None:
    """:func:`candidates` (:func:`_pool_of` and :func:`_candidates_py`, the Candidates made
    in C for those returned alone) in one compiled call, or ``None`` where it leaves them to
    Python (or there is none). The rank's constants are handed over on every call (not
    copied)."""
    ranking, pool, tables = _compiled_ranking(), _compiled_pool(), _compiled()
    if ranking is None or pool is None or tables is None:
        return None
    constants = (
        WORD_BONUS,
        COVERAGE_BONUS,
        LANG_MISMATCH,
        SYMBOL_FOR_LETTER,
        NEW_ODD_CASE,
        LACKED_LETTER,
        EVIDENCE_LETTERS,
        _BOUND_SLACK,
        FREQ_BONUS,
        MAX_BAND,
    )
    limits = (QUICK_POOL, SHORTLIST, STRONG_KNOWN)
    # (most lines have no UTF-8 round trip: no call to find none)
    utf8 = _utf8_entries(text) if _utf8_round_trips(text) else []
    found: list[Candidate] | None = ranking.candidates(
        pool, tables, text, text_core, utf8, needs_words, best_only, constants, limits
    )
    return found


def _ranked(
    text: str, text_core: str, shortlist: _Shortlist, most: int, best_only: bool
) -> list[_Ranked]:
    """:func:`candidates`' rank of each round trip of the sorted ``shortlist`` (in its order;
    with ``best_only``, those :func:`_beaten` cuts are left out)."""
    found: list[_Ranked] = []
    top = -math.inf  # the best rank so far
    held: dict[str, bool] = {}  # display code page -> whether it holds the whole core
    odd_before = _odd_cases(text_core)
    lead = _lead_index(text)
    lead_code = None if lead < 0 else _code_of(1 << lead)

    def holds(shown: str) -> bool:
        if shown not in held:
            held[shown] = _holds(text_core, shown)
        return held[shown]

    for _q, _i, cand_core, chains in shortlist:
        # (the terms known before the full score: _beaten's bound subtracts them)
        lost = _letters_to_symbols(text_core, cand_core)
        odd_gain = max(0, _odd_cases(cand_core) - odd_before)
        same = len(cand_core) == len(text_core)
        lacking = max(0, most - _reads(cand_core)) if same else 0
        if best_only and found:
            certain = _certain_cost(chains, lead_code, holds, lost, odd_gain, lacking, most)
            if _beaten(text_core, cand_core, top, lead, certain):
                continue
        s = score(cand_core)
        if not s.letters:
            continue  # nothing the scorer can read (symbols, or scripts it does not model)
        # Among chains giving the same text, name one whose code page the language uses and
        # whose display code page holds the whole core (so every span round-trips).
        chain = chains[0] if len(chains) == 1 else _named_chain(chains, s.lang, holds)
        # The rank (keep _beaten's bound in step when this formula changes):
        mask = _lang_mask(chain[0][0], s.lang)
        known, evidence, changed = _known_share(text_core, cand_core, mask)
        rank = s.logprob + WORD_BONUS * evidence - _prior_cost(chain) / (s.letters + 1)
        # Between equals, prefer the round trip that explains more of the line.
        rank += COVERAGE_BONUS * changed / max(1, len(text_core))
        if not fits(chain[0][0], s.lang):
            rank -= _mismatch_cost(chain[0][0], cand_core, s.logprob)
        # ... nor one the line's untouched words name, in the candidate's script ("Labot
        # ðo dokumentu" is Latvian "šo", not Vietnamese "đo"): a penalty, so _beaten's
        # bound still holds.
        if not fits(chain[0][0], named_lang(text, s.lang)):
            rank -= LANG_MISMATCH
        # A display code page that cannot show the rest of the core's letters cannot have
        # shown the line ("‚ибрати" is mac-cyrillic "Вибрати" shown as cp1251, not cp1251
        # "вибрати" shown as mac-roman, which has no Cyrillic): a penalty, as above.
        if not holds(chain[0][1]):
            rank -= LANG_MISMATCH
        # The language most of the line's words are known in, even by one vote ("¹as
        # dejanja": "dejanja" is Slovene): a code page not used for it is a mismatch, and
        # repaired words all known in it weigh fully however short ("čas", not "šas").
        if lead_code is not None:
            if not any(fits(c[0][0], lead_code) for c in chains):
                rank -= LANG_MISMATCH
            if _share(_changed_words(text_core, cand_core), 1 << lead)[0] == 1.0:
                rank += WORD_BONUS * (1.0 - evidence)
                rank += FREQ_BONUS * _lead_band(text_core, cand_core, lead)
        # The gates refuse a round trip that turns letters into symbols ("Êîãàëûì" ->
        # "\xa0огалым"): rank it below one they may accept.
        rank -= SYMBOL_FOR_LETTER * lost
        # ... and capitals after small letters the original did not have ("РеспублИка").
        rank -= NEW_ODD_CASE * odd_gain
        if same:
            rank -= LACKED_LETTER * lacking / (most + 1)
        found.append((rank, chain, s, known, evidence, changed))
        top = max(top, rank)
    return found


@cache
def _compiled_ranking() -> _cscore.Ranking | None:
    """The compiled rank loop, told once what the rank needs of every chain step: its prior
    cost, the languages it fits, :func:`_lang_mask`, its display code page's characters and
    the languages of its family (:func:`_mismatch_cost`, worked out in the compiled loop);
    and what it works out itself in place of asking Python: :func:`named_index`'s count
    (line_language's constants and ``prose``) and :func:`_letters_to_symbols`' paired signs
    and script stops (their tables); ``None`` for pure Python (or steps it cannot number)."""
    by_index = sorted(langdata().models.values(), key=lambda m: m.index)
    if _CSCORE is None or any(m.index != i for i, m in enumerate(by_index)) or len(by_index) > 64:
        return None
    steps = dict.fromkeys((*STEPS, *(step for step, _table in single_byte_steps())))
    pool_steps = {step: j for j, (step, _table) in enumerate(single_byte_steps())}
    shown_codecs = sorted({shown for _true, shown in steps})
    charsets = [charset(shown) for shown in shown_codecs]
    if any(chars is None or max(chars, default="") > "\uffff" for chars in charsets):
        return None
    infos = [
        (
            _prior_cost((step,)),
            sum(1 << m.index for m in by_index if fits(step[0], m.code)),
            _lang_mask(step[0], None),
            shown_codecs.index(step[1]),
            sum(1 << m.index for m in by_index if m.code in family_langs(step[0])),
        )
        for step in steps
    ]
    ranking: _cscore.Ranking = _CSCORE.Ranking(
        {step: i for i, step in enumerate(steps)},
        infos,
        ["".join(sorted(chars or ())) for chars in charsets],
        named_index,
        _lead_index,
        _letters_to_symbols,
        # (the signs whose loss only Python's test may let off)
        "".join(sorted(_QUOTES | _APOSTROPHES | _SCRIPT_STOPS.keys())),
        _unchanged_oddity,
        _lead_words(),
        # what the Candidates returned are made of (their line after the round trip is the
        # pool's translation through the chain's step, or _line_after's)
        (Candidate, _line_after, [pool_steps.get(step, -1) for step in steps]),
        # (named_index counted in the call over the line's prose, with _lead_words' lookup:
        # line_language's constants)
        named_votes=(VOTE_LETTERS, LINE_VOTES, LEAD, prose),
        # (how _letters_to_symbols lets paired signs and script stops off, worked out in
        # the call: its tables as str)
        let_off=(
            "".join(sorted(_QUOTES)),
            "".join(sorted(_APOSTROPHES)),
            "".join(_SCRIPT_STOPS),
            "".join(first + last for first, last in _SCRIPT_STOPS.values()),
            _BEFORE_STOP,
            "".join(open_ + close for open_, close in _PAIRS),
        ),
    )
    return ranking


def _lead_words() -> tuple[object, ...] | None:
    """What the compiled ranking reads to work :func:`_lead_index` out itself, as its
    compiled calls do (``None``: it asks :func:`_lead_index`)."""
    forms = compiled_form_words()
    if forms is None:
        return None
    lookup, tables, stem, depth = forms
    return (lookup, _LEAD_EDGE, LEAD_LANGS, VOTE_LETTERS, tables, stem, depth)


def _named_chain(
    chains: tuple[Chain, ...], lang: str | None, holds: Callable[[str], bool]
) -> Chain:
    """The first of ``chains`` (giving the same text) whose true code page ``lang`` is
    written in and whose display code page ``holds`` the core, else the first doing the
    better of the two: ``max`` by that pair, stopping at the first that has both."""
    best = chains[0]
    best_key = (fits(best[0][0], lang), holds(best[0][1]))
    for chain in chains[1:]:
        if best_key == (True, True):
            break
        key = (fits(chain[0][0], lang), holds(chain[0][1]))
        if key > best_key:
            best, best_key = chain, key
    return best


#: Signs that stand in words as parts of letters: combining marks (cp1258's tones) and
#: Hebrew geresh and gershayim.
_LETTER_PARTS = frozenset("\u05f3\u05f4")
#: Combining marks, spacing or not (Thai vowel signs have combining class 0).
_MARK_CATEGORIES = frozenset({"Mn", "Mc"})


def _reads(text: str) -> int:
    """Letters and letter parts (combining marks, Hebrew geresh) of ``text``.

    >>> _reads("Thu\u0323y"), _reads("\xa0огалым"), _reads("גוג׳ר"), _reads("ฟิลิ")
    (5, 6, 5, 4)
    """
    compiled = _compiled_pool()
    if compiled is not None:
        return compiled.reads(text)
    return sum(map(_READS.__getitem__, text))


class _ReadTable(dict[str, int]):
    """Character -> 1 if it is a letter or letter part, else 0; filled on first sight (a
    table of the character set, like ``str.isalpha``), so counting runs in C."""

    def __missing__(self, ch: str) -> int:
        value = int(
            ch.isalpha() or ch in _LETTER_PARTS or unicodedata.category(ch) in _MARK_CATEGORIES
        )
        if len(self) < CHAR_TABLE_SIZE:  # bounded: text may hold any of Unicode
            self[ch] = value
        return value


_READS = _ReadTable()


def _symbols(text: str) -> int:
    """Non-ASCII characters that are not letters: a repair turns mojibake's symbols into
    letters, hardly ever letters into symbols."""
    # TOKEN_RE's tokens are runs of characters it takes one by one, so whether a character
    # counts is a property of the character alone: a table lookup per character.
    gates = _compiled_gates()
    found: int | None = None if gates is None else gates.symbols(text)
    if found is not None:
        return found
    return sum(map(_SYMBOL.__getitem__, text))


class _SymbolTable(dict[str, int]):
    """Character -> 1 if :func:`_symbols` counts it: outside ASCII, no space (``\\s``),
    not a letter of ``TOKEN_RE`` (superscript digits match its letters but are symbols
    here: ``podgl¹du``) and not a word-internal hyphen; filled on first sight so counting
    runs in C."""

    def __missing__(self, ch: str) -> int:
        letter = TOKEN_RE.fullmatch(ch) is not None and not ch.isnumeric()
        value = int(_NON_ASCII.match(ch) is not None and not letter and ch not in _HYPHENS)
        if len(self) < CHAR_TABLE_SIZE:  # bounded: text may hold any of Unicode
            self[ch] = value
        return value


_SYMBOL = _SymbolTable()

#: Bits of the flags ``_cgates`` reads per character of the BMP.
_FLAG_TOKEN = 1
_FLAG_SYMBOL = 2
_BMP = 0x10000


@cache
def _compiled_gates() -> ModuleType | None:
    """``_cgates`` holding what each BMP character is (taken by ``TOKEN_RE``, counted by
    :func:`_symbols`), worked out once here with the reference definitions; ``None``
    without the module. (Its functions answer ``None`` for text beyond the BMP.)"""
    if _CGATES is None:
        return None
    # (the definitions of _SymbolTable, for the whole plane at once: the patterns take
    # characters one by one, so their matches mark them)
    chars = "".join(map(chr, range(_BMP)))
    flags = bytearray((_FLAG_SYMBOL,)) * _BMP
    for ch in _NON_ASCII.sub("", chars) + "".join(_HYPHENS):
        flags[ord(ch)] = 0
    numeric = bytes(map(str.isnumeric, chars))
    # (a character TOKEN_RE takes is no symbol unless numeric: "²", outside ASCII)
    as_token = bytes((_FLAG_TOKEN, _FLAG_TOKEN | _FLAG_SYMBOL)) + bytes(254)
    for m in TOKEN_RE.finditer(chars):
        flags[m.start() : m.end()] = numeric[m.start() : m.end()].translate(as_token)
    _CGATES.init(bytes(flags))
    return _CGATES


def _letters_to_symbols(text: str, cand: str) -> int:
    """Letters of the original that the candidate turns into non-letters (same-length round
    trips only): mojibake repair turns symbols into letters, not the other way round."""
    if len(text) != len(cand):
        return 0
    compiled = _compiled_pool()
    lost = _lost_letters(text, cand) if compiled is None else compiled.lost_letters(text, cand)
    if not lost:
        return 0  # (most round trips: the tests below are not asked)
    # Quotation marks and apostrophes that pair up are no lost letters either (looked at
    # only when a letter became one).
    if not _QUOTES.isdisjoint(lost) and _balanced_quotes(text, cand):
        lost = "".join(b for b in lost if b not in _QUOTES)
    if lost and not _APOSTROPHES.isdisjoint(lost) and _added_apostrophes_paired(text, cand):
        lost = "".join(b for b in lost if b not in _APOSTROPHES)
    if lost and not _SCRIPT_STOPS.keys().isdisjoint(lost):
        return len(lost) - _script_stops_made(text, cand)
    return len(lost)


#: Punctuation of a script, with the first and last code point of its letters and marks: a
#: letter may become one after a word of that script, as text in the script writes it
#: (cp1256's Arabic comma is cp437's "í": "╟ß╚Σ╟┴í" is "البناء،").
_SCRIPT_STOPS = {stop: ("\u0620", "\u06ff") for stop in "\u060c\u061b\u061f"}
#: What may stand between a word and its stop: spaces (some write "كلمة ، كلمة"), closing
#: quotation marks and brackets ("«كلمة»،").
_BEFORE_STOP = " \"'”»)]"


def _script_stop_at(cand: str, i: int) -> bool:
    """``cand[i]`` is a punctuation mark of :data:`_SCRIPT_STOPS` after a word of its script
    (past spaces, closing quotation marks and brackets), before a space or the end.

    >>> _script_stop_at("البناء، تم", 6), _script_stop_at("بك ، و", 3)
    (True, True)
    >>> _script_stop_at("ab،", 2), _script_stop_at("ا،ل", 1), _script_stop_at("، در", 0)
    (False, False, False)
    """
    script = _SCRIPT_STOPS.get(cand[i])
    if script is None or not (i + 1 == len(cand) or cand[i + 1].isspace()):
        return False
    before = cand[:i].rstrip(_BEFORE_STOP)[-1:]
    return bool(before) and script[0] <= before <= script[1]


def _script_stops_made(text: str, cand: str) -> int:
    """How many letters of ``text`` the candidate (as long) turns into punctuation marks
    of their script where :func:`_script_stop_at` says such a mark stands.

    >>> _script_stops_made("╟ß╚Σ╟┴í ╩π", "البناء، تم"), _script_stops_made("abí", "ab،")
    (1, 0)
    """
    return sum(
        1
        for i, (a, b) in enumerate(zip(text, cand, strict=True))
        if a != b and a.isalpha() and _script_stop_at(cand, i)
    )


def _lost_letters(text: str, cand: str) -> str:
    """The letters of ``text`` that ``cand`` (as long) turns into symbols, before the quotation
    marks and apostrophes that pair up are let off, in pure Python (the reference of the
    compiled ``Pool.lost_letters``)."""
    # Only the changed positions can count (found in C; most characters are kept).
    return "".join(
        cand[i]
        for i in compress(count(), map(str.__ne__, text, cand))
        if text[i].isalpha()
        and not (
            _inner_space(cand, i)
            or TOKEN_RE.match(cand[i])
            or cand[i] in _HYPHENS
            or (cand[i] in _APOSTROPHES and _between_letters(cand, i))
        )
    )


#: Apostrophes: a letter turned into one between two letters is a suffix or elision mark
#: (Turkish ``zmore’dan``, French ``l’homme``), and pairs of them quote (``’nohup.out’``).
_APOSTROPHES = frozenset("’")


def _between_letters(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()


def _added_apostrophes_paired(text: str, cand: str) -> bool:
    """The candidate adds apostrophes used as quotation marks in pairs (an even number of
    them, not between letters)."""
    added = sum(
        1
        for i, (a, b) in enumerate(zip(text, cand, strict=True))
        if a != b and b in _APOSTROPHES and not _between_letters(cand, i)
    )
    return added > 0 and added % 2 == 0


def _inner_space(text: str, i: int) -> bool:
    """``text[i]`` is a space (a no-break space, as repairs make) between two non-spaces: a
    no-break space at a line's edge or beside another space is no word separator, so a
    letter turned into one there ("Êîãàëûì" -> "\xa0огалым") is a letter lost.

    >>> _inner_space("10\xa0km", 2), _inner_space("\xa0огалым", 0)
    (True, False)
    """
    return (
        text[i].isspace()
        and 0 < i < len(text) - 1
        and not text[i - 1].isspace()
        and not text[i + 1].isspace()
    )


#: Quotation marks: a repair may turn letters into these when they come out in pairs
#: (``ô%(x)sö`` -> ``“%(x)s”``).
_QUOTES = frozenset("“”„«»")
#: Word-internal hyphens of scripts (Hebrew maqaf, Unicode hyphens): as good as letters.
_HYPHENS = frozenset("\u05be\u2010\u2011")
_PAIRS = (("“", "”"), ("«", "»"))


def _balanced_quotes(text: str, cand: str) -> bool:
    """The only symbols the candidate adds are quotation marks, and they pair up (a
    script's stops where :func:`_script_stop_at` says it writes them aside)."""
    added = [
        b
        for i, (a, b) in enumerate(zip(text, cand, strict=False))
        if a != b
        and not TOKEN_RE.match(b)
        and not (b in _SCRIPT_STOPS and _script_stop_at(cand, i))
    ]
    if not added or any(b not in _QUOTES for b in added):
        return False
    return all(
        cand.count(open_) == cand.count(close) or cand.count(open_) + cand.count(close) == 0
        for open_, close in _PAIRS
    )


#: Lower-case by Unicode but symbols in practice (ordinal indicators, micro sign).
_CASELESS = frozenset("ªºµ")
#: :data:`_CASELESS` as the string ``_cgates.flips_case`` reads.
_CASELESS_CHARS = "".join(sorted(_CASELESS))


def _longest_word(cand: str, text: str) -> int:
    """Letters in the longest repaired word: single letters are no evidence at all."""
    if len(cand) != len(text):
        return max(map(len, tokens(core(cand))), default=0)
    longest = longest_repaired(text, cand)
    if longest is not None:
        return longest
    return max(map(len, _repaired_tokens(text, cand)), default=0)


def _voted_model(text: str, min_votes: int) -> LangModel | None:
    """The model of :func:`_word_language`'s language when ``min_votes`` or more of the
    line's words are known words of it, else None.

    >>> _voted_model("Iðsaugokite juos saugioje vietoje", 3).code
    'lt'
    """
    bit, votes = _word_language(text)
    return langdata().models.get(_code_of(bit) or "") if votes >= min_votes else None


@lru_cache(maxsize=4096)  # the gates ask it of the same repaired line several times
def _word_language(text: str) -> tuple[int, int]:
    """The language most of the line's words (ASCII ones included) are known words of, as a
    bit mask, and how many of its words it knows.

    >>> bit, votes = _word_language("Iðsaugokite juos saugioje vietoje")
    >>> _code_of(bit), votes
    ('lt', 3)
    """
    # (the compiled count of line_language, over this text as it is: the same votes)
    compiled = line_votes(text, VOTE_LETTERS)
    if compiled is None:
        return _word_language_py(text)
    code, top, _second = compiled
    return (0, 0) if code is None else (1 << langdata().models[code].index, top)


def _word_language_py(text: str) -> tuple[int, int]:
    """:func:`_word_language` in pure Python (the reference of the compiled count)."""
    votes = word_votes(text)
    if not votes:
        return 0, 0
    index = max(votes, key=lambda i: (votes[i], -i))
    return 1 << index, votes[index]


def _lone_language(text: str) -> tuple[int, int]:
    """The language the line's words name (:func:`_word_language`) when 3+ of them do;
    else the language the letter statistics read the line as (its lone signs blanked, see
    :func:`~textfix.repair.lone_words.without_lone`), as a bit mask, and how many of the
    line's words it knows (``ce_letters._votes``), when no language knows more;
    ``(0, 0)`` otherwise. Word lists miss much technical prose ("o falso se una qualsiasi
    delle espressioni non è valida" has few listed Italian words); its letters tell.

    >>> bit, votes = _lone_language("questo Þ usato per generare la lista")
    >>> _code_of(bit), votes
    ('it', 4)
    """
    line = prose(text)
    bit, votes = _word_language(line)
    if votes > LINE_VOTES:
        return bit, votes
    model = langdata().models.get(score(without_lone(line)).lang or "")
    if model is None:
        return 0, 0
    known = _votes(line)[model.index]
    return (1 << model.index, known) if known >= votes else (0, 0)


def _changes_letters(text: str, cand: str) -> bool:
    """Some letter of ``text`` changes, or a control character (never clean text): a
    same-length repair; other repairs always count.

    >>> _changes_letters("E = ½mv²", "E = «mvı"), _changes_letters("Kuþ", "Kuş")
    (False, True)
    """
    found = answer(text, cand, CHANGES_LETTERS)
    if found is not None:
        return found
    if len(text) != len(cand):
        return True
    return any(text[i].isalpha() or not text[i].isprintable() for i in changed_at(text, cand))


def _line_agrees(best: Candidate, votes: int) -> bool:
    """At least ``votes`` known words of the repaired line (ASCII ones included) name the
    language the candidate reads as, and that language is written in the chain's code page."""
    bit, count = _word_language(best.text)
    return (
        count >= votes
        and _code_of(bit) == best.score.lang
        and fits(best.chain[0][0], best.score.lang)
    )


def _other_script_than_line(text: str, best: Candidate, lang_bit: int, votes: int) -> bool:
    """The line's known words (``votes`` of them) name a language of one script, and the
    repair makes a word of another script ("predefinito ц╗ un" -> Serbian "УЈ" in an
    Italian line): a thin repair needs more than the shape then."""
    model = langdata().models.get(_code_of(lang_bit) or "") if votes >= LINE_VOTES else None
    if model is None or len(text) != len(best.text):
        return False
    return any(
        _token_script(word) not in (model.script, "Other")
        for word in _repaired_tokens(text, best.text)
    )


#: Characters clean prose never puts between words: box drawing, block elements, C1 controls.
_NEVER_PROSE = re.compile("[\u2500-\u259f\x80-\x9f]")


def _letters_made(text: str, best: Candidate) -> tuple[str, list[tuple[int, str, str]]] | None:
    """The script of the candidate's language and the changes ``(index, before, after)`` of
    a same-length repair that makes only letters of that language's alphabet and no more
    odd capitals than the original had; ``None`` for any other repair."""
    model = langdata().models.get(best.score.lang) if best.score.lang else None
    cand = best.text
    if model is None or len(text) != len(cand) or _odd_cases(cand) > _odd_cases(text):
        return None
    changes = [(i, a, b) for i, (a, b) in enumerate(zip(text, cand, strict=True)) if a != b]
    for _i, _a, b in changes:
        if not (b.isalpha() and b.lower() in model.alphabet and script_of(b) == model.script):
            return None
    return model.script, changes


def _only_line_letters_made(text: str, best: Candidate) -> bool:
    """Every change makes a letter of the alphabet (and script) of the candidate's language
    out of a symbol glued to a word, a box-drawing or control character, or a capital after
    a small letter made small; at least one change is inside or beside a word; the
    candidate has no more odd capitals than the original.

    >>> from textfix.repair.legacy import candidates
    >>> best = candidates("по мЯсу и вбудовано╖")[0]
    >>> _only_line_letters_made("по мЯсу и вбудовано╖", best)
    True
    """
    made = _letters_made(text, best)
    if made is None:
        return False
    glued = False
    for i, a, b in made[1]:
        beside = (i > 0 and text[i - 1].isalpha()) or (i + 1 < len(text) and text[i + 1].isalpha())
        if a.isalpha():
            if not (a.isupper() and b.islower() and i > 0 and text[i - 1].islower()):
                return False
            glued = True
        elif beside:
            glued = True
        elif not _NEVER_PROSE.match(a):
            return False
    return glued


#: Box drawing and block elements.
_DRAWN = re.compile("[\u2500-\u259f]")


def _drawings_made_letters(text: str, best: Candidate) -> bool:
    """Every character the repair changes is box drawing or a block element that becomes a
    letter of the candidate's language beside a word (:func:`_only_line_letters_made`):
    koi8-u's letters that koi8-r draws (``Маршаллов╕`` is ``Маршаллові``).

    >>> from textfix.repair.legacy import candidates
    >>> _drawings_made_letters("Маршаллов╕ острови", candidates("Маршаллов╕ острови")[0])
    True
    """
    cand = best.text
    return (
        len(text) == len(cand)
        and all(_DRAWN.match(a) for a, b in zip(text, cand, strict=True) if a != b)
        and _only_line_letters_made(text, best)
    )


#: Punctuation prose writes inside and beside words ("A–Z", "¡Hola!"); the other common
#: signs (``°``, ``£``, ``€``, ``©``, ``§`` ...) stand beside words but never between two
#: letters of a clean line of the dev, Debian prose, CLDR, Faker or wheel sets.
_PROSE_PUNCT = frozenset(_EDGE) | (_COMMON - frozenset("°€£¥©®™№§"))


#: Punctuation prose writes beside words but never between a letter and a small letter
#: (none of the 495,772 clean lines of the dev, Debian prose, CLDR, hunspell, Faker and wheel
#: sets has one there; "’ ‘ · “ ” – — … ¡ «" and the no-break space all stand there in some).
_UNWORDED = frozenset("„‚‹›¿»•")
#: A non-ASCII sign right after three letters, ending the word: cp437 shows cp1257's "ų" as
#: "°" and iso8859-4's "ė" as "∞" ("dien°", "Egl∞"); no clean line of the dev, Debian prose,
#: CLDR, hunspell, Faker or wheel sets has such a sign there but quotes, "¡", "·" and signs
#: of _COMMON ("Microsoft®"; "n°" follows one letter).
_ENDS_WORD = re.compile(r"(?<=[^\W\d_]{3})[^\w\s\x00-\x7f](?![^\W\d_])")
#: Ordinal indicators, copyright and registered signs, and the small letters they never
#: stand right before in clean text (no line of the dev, Debian prose, CLDR, hunspell, Faker
#: or wheel sets but mojibake): iso8859-10's "š", iso8859-4's "Š" and "Ž" shown as latin-1.
_LEADING_SIGNS = "ºª©®"
_ORDINAL_BEFORE = re.compile(ORDINAL_NEXT)


def _glued_made_letters(text: str, best: Candidate) -> bool:
    """Every character the repair changes stands where clean prose writes none (a non-ASCII
    symbol or superscript glued to a letter, a letter of another script inside a word, a
    capital after a small letter) and becomes a letter of the alphabet of the candidate's
    language; at least one of them is a symbol or a letter of another script inside a word,
    or a capital ending a word of small letters. DOS and Mac code pages show letters
    as such signs: cp437's ``ⁿ`` is cp1254's ``ü`` (``Aktⁿer``), its ``Σ`` cp1257's ``ä``.

    >>> from textfix.repair.legacy import candidates
    >>> _glued_made_letters("Aktⁿer", candidates("Aktⁿer")[0])
    True
    >>> _glued_made_letters("Intel·ligent", candidates("Intel·ligent")[0]) if candidates(
    ...     "Intel·ligent") else False
    False
    """
    made = _letters_made(text, best)
    if made is None:
        return False
    script, changes = made
    inside = False
    # (each sign of a run glued between letters: "v„„rtused", cp775's "väärtused")
    in_runs = {i for start, end in glued_runs(text) for i in range(start, end)}
    for i, a, b in changes:
        before = i > 0 and text[i - 1].isalpha()
        after = i + 1 < len(text) and text[i + 1].isalpha()
        if i in in_runs:
            inside = True
        elif a in _LEADING_SIGNS:
            # An ordinal indicator (a letter to Unicode), © or ® right before a small letter:
            # real text writes them after a number or an abbreviation ("1º", "nº") or alone,
            # iso8859-10's "š" or iso8859-4's "Š" shown as latin-1 there ("Tºiili" is
            # Estonian "Tšiili", "©veitsi" "Šveitsi")
            if not _ORDINAL_BEFORE.match(text, i + 1):
                return False
            inside = True
        elif a.isalpha():
            if before and after and script_of(a) != script:
                inside = True  # "MΣrkused": a Greek letter inside a Latin word
            elif a.isupper() and b.islower() and before and text[i - 1].islower():
                # A capital ending a word of small letters is a shape no clean line of the
                # dev, CLDR, Faker or wheel sets has ("KramariÊ" is cp1250 "Kramarić" shown
                # as mac-roman); inside a word it is no evidence alone (Irish "hÚisbéi",
                # camel case "DilÖrnek", a clean "hÚral" stay), but may change along.
                inside = inside or not after
            else:
                return False
        elif a in _UNWORDED and before and i + 1 < len(text) and text[i + 1].islower():
            inside = True  # "v„„rtus": cp437 and cp775 show "ä" as cp1252's "„"
        elif a in _PROSE_PUNCT:
            return False  # punctuation prose uses: "PROGRES¡STAS", "A–konto" stay
        elif _INSIDE_WORD.match(text, i):
            inside = True  # "Al₧irija", "p£estupjone": a symbol between two letters
        elif _ENDS_WORD.match(text, i) and (a not in _COMMON or a == "°"):
            inside = True  # "Egl∞", "dien°": a sign ending a word of two letters or more
        elif not (before or after) or a in _COMMON:
            return False  # (signs such as "°" and "£" stand beside words: "20°C", "£5")
    return inside


def _line_names_other_language(best: Candidate) -> bool:
    """2+ known words of the repaired line name a language not written in the chain's code
    page (Spanish words around "½mv²": no cp1254 repair); markup and placeholders name none
    ("<code>%(code)s</code>" in an Estonian line)."""
    bit, count = _word_language(prose(best.text))
    return count >= LINE_VOTES and not fits(best.chain[0][0], _code_of(bit))


#: Cyrillic letters that look like Latin ones, and their Latin twins.
_LOOK_ALIKES = str.maketrans("аеорсухіјѕАВЕКМНОРСТХІЈЅ", "aeopcyxijsABEKMHOPCTXIJS")
#: One of them (a cheap test first: a compiled search, :mod:`~textfix.repair.one_class`).
_LOOK_ALIKE = one_class(map(chr, _LOOK_ALIKES))
wide(_LOOK_ALIKE.pattern)  # (none is Latin-1: a narrow line holds none)
_LOOK_ALIKE_FOUND = _LOOK_ALIKE.found


def _look_alikes_replaced(text: str, cand: str) -> bool:
    """The repair changes a word of Latin letters with Cyrillic look-alikes in it that reads
    as a known word once they are spelled in Latin ("Exрlorer", "stoр" with Cyrillic р): a
    look-alike typed in the wrong script, not mojibake ("Bokmеla" is: "Bokmela" is no word).
    """
    if len(text) != len(cand) or narrow(text) or not _LOOK_ALIKE_FOUND(text):
        return False  # (a word that reads as Latin once spelled in Latin holds one)
    if accepted(text, cand, ACCEPT_LOOK_ALIKES) is False:
        return False  # (the accept sheet: no changed word mixes scripts)
    for start, end in token_spans(text):
        word = text[start:end]
        if word != cand[start:end] and _mixes_scripts(word):
            twin = word.translate(_LOOK_ALIKES)
            if twin.isascii() and word_langs(twin):
                return True
    return False


def _foreign_letters_replaced(text: str, best: Candidate) -> bool:
    """The line's known words agree on the candidate's language (:func:`_line_agrees`, 3+
    words) and every letter the repair replaces is outside that language's alphabet, every
    letter it makes inside: the original's letters do not belong to the line's language."""
    model = langdata().models.get(best.score.lang) if best.score.lang else None
    if model is None or len(text) != len(best.text):
        return False
    pairs = {(a, b) for a, b in zip(text, best.text, strict=True) if a != b}
    return (
        bool(pairs)
        and all(a.lower() not in model.alphabet and b.lower() in model.alphabet for a, b in pairs)
        and _line_agrees(best, LINE_VOTES + 1)
    )


def _only_letter_runs(text: str, cand: str) -> bool:
    """Every word the repair changes is one letter repeated (``µµµµµµ`` -> ``цццццц``, a
    format placeholder): no language writes words like that, so they are no evidence.

    >>> _only_letter_runs("x µµµµ", "x цццц"), _only_letter_runs("Kývýlcým", "Kıvılcım")
    (True, False)
    """
    found = answer(text, cand, LETTER_RUNS)
    if found is not None:
        return found
    if len(text) != len(cand):
        return False
    changed = _repaired_tokens(text, cand)
    return bool(changed) and all(len(set(w.lower())) == 1 for w in changed)


#: Box drawing, block elements and geometric shapes: frames, tables, trees and bars are
#: drawn with them, and code pages such as cp437, cp866 and koi8-r show letters as them.
_DRAWING = wide(re.compile("[\u2500-\u25ff]"))
#: A repair that reads drawing alone as words needs a known word this long.
DRAWN_WORD = 4
_TRIPLE = re.compile(r"(.)\1\1")


def _drawing_into_unknown_words(text: str, cand: str) -> bool:
    """The repair reads drawing characters alone as a word, and either spells a letter three
    times in a row there (a rule, ``┌────┐`` -> ``ВААААГ``) or changes only such words and
    makes no known word of ``DRAWN_WORD`` letters or more: a frame, a table or a tree
    (``├── src``, ``╚═╝``) read as letters (``ЖАА src``, ``лао``). Real mojibake of that
    kind spells words (cp866 shown as koi8-r: ``▐Ю╗╒╔Б, ╙═╙ ╓╔╚═?`` is ``Привет, как
    дела?``), or shows letters read wrong beside them.

    >>> _drawing_into_unknown_words("├── src", "ЖАА src")
    True
    >>> _drawing_into_unknown_words("▐Ю╗╒╔Б, ╙═╙ ╓╔╚═?", "Привет, как дела?")
    False
    """
    found = answer(text, cand, DRAWING)
    if found is None:
        # (the accept sheet reads the drawn words: only a long one is looked up here)
        found = accepted(text, cand, ACCEPT_DRAWING)
    if found is not None:
        return found
    if len(text) != len(cand) or narrow(text) or not _DRAWING.search(text):
        return False
    drawn = mixed = long_known = False
    for start, end in token_spans(cand):
        word, before = cand[start:end], text[start:end]
        if before == word:
            continue
        if all(map(_DRAWING.match, before)):
            if _TRIPLE.search(word.lower()):
                return True
            drawn = True
        else:
            mixed = True  # letters read wrong beside the signs: mojibake's shape
        # (a mixed line is no frame: only a rule spelled further on still counts, and no
        # word need be looked up)
        long_known = long_known or (
            not mixed and len(word) >= DRAWN_WORD and _known_any_accent(word)
        )
    return drawn and not mixed and not long_known


#: Greek vowels and their accented forms: Greek capitals drop the accent (``ΑΡΧΕΙΟ`` is
#: ``αρχείο``), so an upper-case word is looked up with the accent on each vowel in turn.
_TONOS = str.maketrans("αεηιουω", "άέήίόύώ")


def _known_any_accent(word: str) -> bool:
    """``word`` is a known word, or an upper-case Greek word that is one with its accent.

    >>> _known_any_accent("ΑΡΧΕΙΟ"), _known_any_accent("ΧΡΞΨ")
    (True, False)
    """
    if word_langs(word):
        return True
    if not word.isupper() or script_of(word[0]) != "Grek":
        return False
    low = word.lower()
    return any(
        word_langs(low[:i] + ch.translate(_TONOS) + low[i + 1 :])
        for i, ch in enumerate(low)
        if ch.translate(_TONOS) != ch
    )


#: Words this short made of a line with no letter at all are an ornament read as letters.
ORNAMENT_WORD = 3


def _ornament(text: str, cand: str) -> bool:
    """``text`` has no letter at all (signs, punctuation, digits) and the repair makes only
    words of ``ORNAMENT_WORD`` letters or fewer, none a known word that long: an ornament
    (``·.¸¸.·´¯`·.``) read as letters (``З.ИИ.ЗДЏ`З.``). Mojibake of a short word is a
    known word (``¤¢`` is cp866 ``два`` shown as latin-1).

    >>> _ornament("·.¸¸.·´¯`·.", "З.ИИ.ЗДЏ`З."), _ornament("¤¢\xa0", "два")
    (True, False)
    """
    found = answer(text, cand, ORNAMENT)
    if found is not None:
        return found
    if any(ch.isalpha() for ch in text):
        return False
    words = tokens(cand)
    # (words shorter than that are known words of some language by chance: "З", "ИИ")
    return (
        bool(words)
        and all(len(w) <= ORNAMENT_WORD for w in words)
        and not any(len(w) == ORNAMENT_WORD and word_langs(w) for w in words)
    )


#: Letters in code-point order this many in a row are an alphabet or a code page listed
#: (``ÀÁÂÃÄÅ``), not a word: no repair reads them as one (``АБВГДЕ``).
LISTED = 4


def _listing(text: str, cand: str) -> bool:
    """The repair changes a run of ``LISTED`` or more characters in code-point order, or
    makes one: a listing of an alphabet or a code page, not a word.

    >>> _listing("ÀÁÂÃÄÅ", "АБВГДЕ"), _listing("Öåé òåêñò", "Цей текст")
    (True, False)
    """
    if len(text) != len(cand):
        return False
    if _CSCORE is not None:
        found: bool = _CSCORE.listed_run(text, cand, LISTED)
        return found
    return _listing_py(text, cand)


def _listing_py(text: str, cand: str) -> bool:
    """:func:`_listing` in pure Python (the reference of the compiled ``listed_run``) for
    texts of the same length."""
    for line in (text, cand):
        # Each position that follows its neighbour in code-point order, as one byte (found
        # in C): a line without LISTED of them in a row (nearly all) has no run to check.
        steps = bytes(map(eq, map(ord, line[1:]), map(_NEXT, map(ord, line))))
        if steps.find(_RUN) < 0:
            continue
        run = 1
        for i in range(1, len(line)):
            if steps[i - 1] and (text[i] != cand[i] or text[i - 1] != cand[i - 1]):
                run += 1
                if run >= LISTED:
                    return True
            else:
                run = 1
    return False


_NEXT = (1).__add__
#: LISTED - 1 positions in a row that each follow the one before.
_RUN = b"\x01" * (LISTED - 1)


#: Exponents and units: a square or cube after a unit of length after a number (``20 m²``,
#: ``3 cm³``), after a one-letter variable before an operator (``a² + b² = c²``), an ohm
#: sign after a number (``10 kΩ``), a micro prefix with its unit as a word of its own
#: (``µV``, ``µm``; not an ohm sign alone: cp437 shows Russian ``к`` as ``Ω``), a
#: plus-minus between capitals (``DVD±RW``), and a negated one-capital variable
#: (``¬A ∧ B``; Slovene ``¬e`` is cp852 ``Če``). Mojibake puts these characters among
#: letters and other signs (``Hal²c²``, ``╙Ω±σ``, ``Model ad²``), not in these places.
#: (Each alternative holds a sign of :data:`_UNIT_SIGN`.)
_UNIT = re.compile(
    r"\d\s?(?:[kcmdµ]?m|in|ft)[²³](?![^\W\d_])"
    r"|(?<![^\W\d_])[A-Za-z][²³](?=\s*(?:[-+−=×·/)]|$))"
    r"|\d\s?[kMGmµ]?[Ω\u2126](?![^\W\d_])"
    r"|(?<!\S)µ(?:[AVWFHgmlsK]|Hz|mol)(?=\s|$|[,.;:)])"
    r"|(?<=[A-Z])±(?=[A-Z])"
    r"|(?<![^\W\d_])¬[A-Z](?![^\W\d_])"
)


def _units_rewritten(text: str, cand: str) -> bool:
    """The repair rewrites an exponent or a unit (``a² + b² = c²`` is no Turkish
    ``aı + bı = cı``, ``10 kΩ`` no ``10 kę``).

    >>> _units_rewritten("a² + b²", "aı + bı"), _units_rewritten("Model ad²", "Model adı")
    (True, False)
    """
    found = answer(text, cand, UNITS)
    if found is None:
        # (the accept sheet: no unit sign with the neighbours a unit needs, in most lines)
        found = accepted(text, cand, ACCEPT_UNITS)
    if found is not None:
        return found
    return (
        len(text) == len(cand)
        and _UNIT_SIGN.search(text) is not None
        and any(
            text[m.start() : m.end()] != cand[m.start() : m.end()] for m in _UNIT.finditer(text)
        )
    )


#: Every match of :data:`_UNIT` holds one of these (a cheap test first: keep the two in
#: step when a unit is added).
_UNIT_SIGN = re.compile("[²³Ω\u2126¬µ±]")

#: The accept test's outright refusals that the compiled gate sheet answers, by their bit:
#: letter runs, drawing or an ornament read as words, a unit or an alphabet demo rewritten,
#: letters of no one alphabet (no Latvian ā beside Lithuanian ą), middle dots between l's.
_REFUSALS: tuple[tuple[int, Callable[[str, str], bool]], ...] = (
    (LETTER_RUNS, _only_letter_runs),
    (DRAWING, _drawing_into_unknown_words),
    (ORNAMENT, _ornament),
    (UNITS, _units_rewritten),
    (DEMO, demo_rewritten),
    (NO_ALPHABET, letters_of_no_alphabet),
    (MIDDLE_DOTS, only_middle_dots_between_ls),
)
_REFUSAL_BITS = reduce(or_, (1 << bit for bit, _gate in _REFUSALS))


#: The gates of the gate sheet the accept test asks of its best round trip, with their
#: Python bodies (asked where the sheet leaves one open): the refusals, then the gates read
#: with other evidence.
_SHEET_GATES: dict[int, Callable[[str, str], bool]] = {
    **dict(_REFUSALS),
    SHORT_WORDS: short_words_respelled,
    CAPITALISES: capitalises_words,
    CHANGES_LETTERS: _changes_letters,
    CASE_ONLY: case_only,
    SCRIPTS_MIXED: scripts_mixed,
}
_SHEET_BITS = reduce(or_, (1 << bit for bit in _SHEET_GATES))
#: Facts of :func:`_pair_facts` past the sheet's gates: the pair's own refusals (no repaired
#: word of two letters, symbols made, a listing, capitals put inside words).
_NO_WORD = 1 << 12
_SYMBOLS_MADE = 1 << 13
_LISTED = 1 << 14
_ODD_MADE = 1 << 15
#: The facts that refuse a repair by themselves.
_PAIR_REFUSALS = _REFUSAL_BITS | _NO_WORD | _SYMBOLS_MADE | _LISTED | _ODD_MADE
#: Where the compiled pair facts hand back the gates the sheet leaves open (their bits this
#: many places up, above every fact: :data:`_FACT_BITS`).
_OPEN_SHIFT = 32
_FACT_BITS = (1 << _OPEN_SHIFT) - 1


def _pair_facts(text: str, cand: str) -> int:
    """What the accept test asks of the pair (``text``, ``cand``) alone, as bits: each gate
    of :data:`_SHEET_GATES` at its bit in the gate sheet (one lookup of the compiled sheet,
    the bodies of the gates it leaves open), and :data:`_NO_WORD`, :data:`_SYMBOLS_MADE`,
    :data:`_LISTED`, :data:`_ODD_MADE`: one answer for a dozen gates (each a call or three
    when asked alone). One compiled call where the sheet answers (nearly every garbled line's
    best round trip): a gate it leaves open is handed back (:data:`_OPEN_SHIFT`) and its
    Python body alone is asked; else :func:`_pair_facts_py`.

    >>> _pair_facts("Öåé òåêñò", "Цей текст") & _PAIR_REFUSALS
    0
    >>> _pair_facts("x µµµµ", "x цццц") & _PAIR_REFUSALS != 0
    True
    """
    compiled = _compiled_pair_facts()
    facts: int | None = None if compiled is None else compiled(text, cand)
    if facts is None:
        return _pair_facts_py(text, cand)
    left = facts >> _OPEN_SHIFT
    if not left:
        return facts  # (nearly every pair: the sheet answers every gate)
    return _open_gates(text, cand, facts & _FACT_BITS, left)


def _open_gates(text: str, cand: str, facts: int, left: int) -> int:
    """``facts`` with the answers of the gates of :data:`_SHEET_GATES` in the mask ``left``
    (those the sheet leaves open), each by its Python body, as :func:`_pair_facts_py` asks
    them."""
    while left:
        bit = left.bit_length() - 1
        facts |= _SHEET_GATES[bit](text, cand) << bit
        left ^= 1 << bit
    return facts


@cache
def _compiled_pair_facts() -> Callable[[str, str], int | None] | None:
    """``_cplausible.pair_facts`` (see ``_cplausible_gates.h``), handed the compiled
    functions :func:`_pair_facts_py` calls, or ``None`` without them."""
    module, sheets = load("textfix.repair._cplausible"), compiled_sheet()
    gates, tables = _compiled_gates(), _compiled()
    if module is None or sheets is None or gates is None or tables is None or _CSCORE is None:
        return None
    module.init_pair_facts(
        sheets.sheet,
        accept_sheet,
        ACCEPTED_AS,
        gates.symbols,
        _CSCORE.listed_run,
        tables.odd_cases,
        LISTED,
        _SHEET_BITS,
        SHEET_KNOWN,
        SHEET_LONGEST,
        ACCEPT_KNOWN,
        _NO_WORD,
        _LISTED,
        _ODD_MADE,
        _OPEN_SHIFT,
    )
    found: Callable[[str, str], int | None] = module.pair_facts
    return found


def _pair_facts_py(text: str, cand: str) -> int:
    """:func:`_pair_facts` in Python (the reference of the compiled one, which answers only
    where the sheet answers every gate)."""
    facts, left, longest = read_sheet(text, cand, _SHEET_BITS)
    facts = _open_gates(text, cand, facts, left)
    if (longest if longest is not None else _longest_word(cand, text)) < 2:
        facts |= _NO_WORD
    if _symbols(cand) > _symbols(text) and not _balanced_quotes(text, cand):
        facts |= _SYMBOLS_MADE
    if _listing(text, cand):
        facts |= _LISTED
    if _odd_cases(cand) > _odd_cases(text):
        facts |= _ODD_MADE
    return facts


def _odd_cases(text: str) -> int:
    """Capitals right after a small letter, in all the words of ``text``."""
    tables = _compiled()
    if tables is not None:
        return tables.odd_cases(text)
    return sum(map(odd_case, TOKEN_RE.findall(text)))


#: A non-ASCII non-letter with letters on both sides ("р╕ал", "Республ╕ка").
#: (Middle dots join letters in Catalan "l·l" and Franco-Provençal "g·i": not counted.)
#: (superscripts count too: cp437's ``ⁿ`` is ``ü``, "Tⁿrgi"; see model._SUPERSCRIPTS)
_INSIDE_WORD = re.compile(
    r"(?<=[^\W\d_])(?:[^\w\s\x00-\x7f\u00ad\u00b7\u05be\u2010\u2011'’]"
    rf"|[{_SUPERSCRIPTS}])(?=[^\W\d_])"
)
#: Box drawing or a block element glued to a letter (``Атапаськ╕``: koi8-u's ``і`` shown
#: as koi8-r): drawings stand apart from words in real text, so the shape is as strong as
#: a symbol inside a word.
_DRAWING_ON_WORD = re.compile(r"(?<=[^\W\d_])[\u2500-\u259f]|[\u2500-\u259f](?=[^\W\d_])")


def _inside_word(text_core: str) -> bool:
    """A symbol inside a word or a drawing glued to one: shapes clean text does not have.

    >>> _inside_word("р╕ал"), _inside_word("Атапаськ╕ мови")
    (True, True)
    >>> _inside_word("├── src"), _inside_word("Intel·ligent")
    (False, False)
    """
    return bool(_INSIDE_WORD.search(text_core) or _DRAWING_ON_WORD.search(text_core))


def _lang_share(text: str, lang: str | None) -> float:
    """Share of the line's words of 3+ letters (ASCII ones included) that are known words of
    ``lang``: a thin repair's known word must not stand alone in a line of another language
    ("e-poçta" -> "e-pošta" in a Turkmen line)."""
    model = langdata().models.get(lang) if lang else None
    if model is None:
        return 0.0
    bit, langs = 1 << model.index, word_lookup()
    words = known = 0
    for w in tokens(text):  # (a loop, no generator)
        if len(w) >= 3:
            words += 1
            if langs(w) & bit:
                known += 1
    return known / words if words else 0.0


def _lowers_capitals(text: str, cand: str) -> bool:
    """Every changed letter is a capital that becomes a small letter.

    >>> _lowers_capitals("5 ДЕОШ", "5 день"), _lowers_capitals("феб", "ТЕА")
    (True, False)
    """
    if len(text) != len(cand):
        return False
    changed = [(a, b) for a, b in zip(text, cand, strict=True) if a != b]
    return bool(changed) and all(a.isupper() and b.islower() for a, b in changed)


def _first_letter_kept(text: str, cand: str) -> bool:
    """The line's first letter is the same in the candidate.

    >>> _first_letter_kept("blev Êndret", "blev ændret"), _first_letter_kept("Èmi", "émi")
    (True, False)
    """
    first = next((i for i, ch in enumerate(text) if ch.isalpha()), None)
    return first is None or (first < len(cand) and cand[first] == text[first])


def _flips_case(text: str, cand: str) -> bool:
    """A changed letter that changes case ("ôl" -> "Öl"): a thin repair doing that has too
    little evidence to tell it from a clean word of another language. A capital between a
    letter and a small letter ("DÚsactiver") is no clean spelling: lowering it is fine.
    Compiled where built (``_cgates.flips_case``; :func:`_flips_case_py` is the reference).

    >>> _flips_case("ôl", "Öl"), _flips_case("DÚsactiver", "Désactiver")
    (True, False)
    """
    if _CGATES is not None:
        return bool(_CGATES.flips_case(text, cand, _CASELESS_CHARS))
    return _flips_case_py(text, cand)


def _flips_case_py(text: str, cand: str) -> bool:
    """:func:`_flips_case` in pure Python (the reference of ``_cgates.flips_case``)."""
    if len(text) != len(cand):
        return False
    for i, (a, b) in enumerate(zip(text, cand, strict=True)):
        if a == b or a in _CASELESS:
            continue
        if a.islower() and b.isupper():
            return True
        if a.isupper() and b.islower():
            inner = 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].islower()
            if not inner:
                return True
    return False


#: Letters some Latin orthographies borrow from Greek (Akan, Ewe, Kabyle write ε, Σ for ɛ,
#: Ɛ): no sign of mojibake inside a Latin word.
_BORROWED = frozenset("εΕΣ")
#: ... and those capitals after a Latin letter, before a small Latin letter (none of the
#: 495,772 clean lines of the dev, Debian prose, CLDR, hunspell, Faker and wheel sets has one
#: there; the small "ε" stands there in Akan and Kabyle names).
_BORROWED_INSIDE = re.compile("(?<=[A-Za-z\u00c0-\u024f])[ΕΣ]+(?=[a-z\u00df-\u024f])")


def _flips_foreign_letters(text: str, cand: str, lang: str | None) -> bool:
    """Every letter whose case the repair changes was a letter the alphabet of ``lang`` (the
    line's language) lacks: no clean spelling of that language has it (``Ëetiri`` is
    Croatian ``četiri``, ``úowicz`` Polish ``Łowicz``; Estonian has the ``š`` of a clean
    ``šleski``, French the ``È`` of ``Èmirats``).

    >>> _flips_foreign_letters("úowicz", "Łowicz", "pl")
    True
    >>> _flips_foreign_letters("Èmirats", "émirats", "fr")
    False
    """
    model = langdata().models.get(lang) if lang else None
    if model is None or len(text) != len(cand):
        return False
    flipped = [
        a
        for a, b in zip(text, cand, strict=True)
        if a != b and a.isalpha() and b.isalpha() and a.isupper() != b.isupper()
    ]
    return bool(flipped) and all(a.lower() not in model.alphabet for a in flipped)


def _words_of_no_language(text: str, cand: str) -> bool:
    """Every word the repair changes was no known word of any language.

    >>> _words_of_no_language("Ëetiri", "četiri"), _words_of_no_language("étage", "Étage")
    (True, False)
    """
    pairs = word_pairs(text, cand)
    return bool(pairs) and not any(word_langs(a) for a, _b in pairs)


def _mixes_scripts(word: str) -> bool:
    """A word with letters of two modelled scripts ("Siapanлeg"): single-byte mojibake's mark.

    >>> _mixes_scripts("Siapanлeg"), _mixes_scripts("Привет"), _mixes_scripts("Akyerε")
    (True, False, False)
    """
    if word.isascii():
        return False
    if len(set(map(_LETTER_SCRIPT.__getitem__, word)) - {"Other"}) > 1:
        return True
    # (a borrowed capital between a Latin letter and a small one: the orthographies that
    # borrow it write it at a word's start, cp437 shows cp1257's "ä" as "Σ": "MΣrkused")
    return _BORROWED_INSIDE.search(word) is not None


class _LetterScriptTable(dict[str, str]):
    """Character -> its script (:func:`script_of`) if it is a letter that is not borrowed,
    else ``"Other"``; filled on first sight, so a word's scripts are found in C."""

    def __missing__(self, ch: str) -> str:
        value = script_of(ch) if ch.isalpha() and ch not in _BORROWED else "Other"
        if len(self) < CHAR_TABLE_SIZE:  # bounded: text may hold any of Unicode
            self[ch] = value
        return value


_LETTER_SCRIPT = _LetterScriptTable()


def _swapped_letters(text: str, cand: str) -> int:
    """How many distinct letters the repair swaps for other letters of the same script
    (any other change counts as many, so only same-script letter swaps can count low).

    >>> _swapped_letters("obýekt ýok açary", "obřekt řok ašary"), _swapped_letters("ùìå", "שלו")
    (2, 99)
    """
    if len(text) != len(cand):
        return 99
    pairs = {(a, b) for a, b in zip(text, cand, strict=True) if a != b}
    if not all(a.isalpha() and b.isalpha() and script_of(a) == script_of(b) for a, b in pairs):
        return 99
    return len(pairs)


def _line_known(
    text_core: str, best: Candidate, lang: str | None, forms: bool = False
) -> tuple[float, int]:
    """Share of repaired letters in words known in ``lang``, the language of the whole
    repaired line (``score(prose(best.text)).lang``, which :func:`repair` works out once),
    and how many letters of the line's non-ASCII words that language knows in all (with
    ``forms``, inflected forms of listed words count as known: :func:`_word_or_form`).
    ``text_core`` is the original line's :func:`core` (:func:`repair` has it)."""
    model = langdata().models.get(lang) if lang else None
    if model is None:
        return 0.0, 0
    bit = 1 << model.index
    cand_core = core(best.text)
    known = _word_or_form if forms else word_lookup()  # (the compiled lookup: no frame)
    letters = 0
    for w in tokens(cand_core):  # (a loop, no generator: most lines have a word or two)
        if not w.isascii() and known(w) & bit:
            letters += len(w)
    if not forms:
        return _share(_changed_words(text_core, cand_core), bit)[0], letters
    return _share(_changed_forms(text_core, cand_core), bit)[0], letters


def _changed_forms(original: str, candidate: str) -> tuple[tuple[int, int], ...]:
    """:func:`_changed_words`, with the languages in which each word is a listed word or
    else a form (:func:`_word_or_form`)."""
    return tuple(
        (n, _word_or_form(word) if word else 0) for n, word in _judged(original, candidate)
    )


def _word_or_form(word: str) -> int:
    """Languages whose list has ``word``, or else those in which it is an inflected form or
    a compound of listed words (:func:`~textfix.scoring.endings.form_langs`): weaker
    evidence, for repairs the line's other words already back."""
    return word_langs(word) | form_langs(word)


def _word_swap(text: str, cand: str, true: str, forms: bool = False) -> bool:
    """Every word the repair changes was no known word of any language and becomes a known
    word of one language written in ``true``'s code pages, whose alphabet holds all their
    letters (Turkish ``adý`` -> ``adı``; Icelandic-looking ``Þeref`` is ``Şeref``); with
    ``forms``, an inflected form of a listed word will do (:func:`_word_or_form`).

    >>> _word_swap("Model adý", "Model adı", "cp1254"), _word_swap("adý", "adı", "cp1257")
    (True, False)
    """
    if len(text) != len(cand):
        return False
    pairs = [(a, b) for a, b in word_pairs(text, cand) if len(b) >= 2]
    if not pairs or any(word_langs(a) for a, _b in pairs):
        return False
    common = _lang_mask(true, None)
    known = _word_or_form if forms else word_langs
    for _a, b in pairs:
        common &= known(b)
        if not common:
            return False  # (no language knows them all: most swaps stop here)
    letters = {ch for _a, b in pairs for ch in b.replace("İ", "i").lower() if ch > "\x7f"}
    return _owning(common, letters) != 0


#: Repaired words that, all known in one language of the chain's family, speak for a line
#: of short words (:func:`_short_words_known`).
SHORT_KNOWN_WORDS = 3


def _short_words_known(text: str, cand: str, true: str) -> bool:
    """:data:`SHORT_KNOWN_WORDS` or more repaired words, each keeping some of its letters,
    every one a known word of one language written in ``true``'s code pages: one short
    known word is chance, three in one language are not. (A word with every letter
    changed is no evidence: word lists know most short strings, and a Cyrillic code page
    read as another permutes the whole alphabet: ``мрб от ыйа`` is no ``НТВ НР ШИЮ``.)

    >>> _short_words_known("ðêÒ taÒi lõìn", "đê\u0309 ta\u0309i lơ\u0301n", "cp1258")
    True
    >>> _short_words_known("мрб от ыйа", "НТВ НР ШИЮ", "koi8-r")
    False
    """
    if len(text) != len(cand):
        return False
    pairs = word_pairs(text, cand)
    if len(pairs) < SHORT_KNOWN_WORDS or not all(any(map(eq, a, b)) for a, b in pairs):
        return False
    common = _lang_mask(true, None)
    for _a, word in pairs:
        common &= word_langs(word)
    return common != 0


def _swap_gate(
    text: str, best: Candidate, judged: bool, shaped: bool, votes: int, lang_bit: int, forms: bool
) -> bool:
    """The word-swap gate (docs/confidence.md): a ``judged`` repair through its family's
    commonest code page that leaves no mojibake shape, of words no language knew into known
    words (with ``forms``, or inflected forms: :func:`_word_swap`) of one language, half of
    whose repaired letters are known in the language the line's words name (2+ votes)."""
    if not judged or TRUE_RANK[best.chain[0][0]] != 0:
        return False
    cand = core(best.text)
    if (
        (shaped and mojibake_shape(cand))
        or not _word_swap(text, best.text, best.chain[0][0], forms)
        # not a look-alike typed in a word ("stoр" is no Icelandic "stoð")
        or _look_alikes_replaced(text, best.text)
    ):
        return False
    if votes < LINE_VOTES:
        return True
    # (nor words of a language the rest of the line does not speak: the words read last,
    # past the cheaper tests)
    original = core(text)
    known = _changed_forms(original, cand) if forms else _changed_words(original, cand)
    return _share(known, lang_bit)[0] >= WELL_FORMED_KNOWN


def _specific_letters(text: str, cand: str, lang: str | None) -> int:
    """Letters of the line's words (3+ letters, ASCII ones included) that the repair leaves
    alone and that are known words of ``lang`` and of at most :data:`SPECIFIC_LANGS`
    languages in all: evidence that the line is in ``lang`` (``teknisyeni`` is Turkish,
    ``Model`` could be any of twenty languages)."""
    model = langdata().models.get(lang) if lang else None
    if model is None or len(text) != len(cand):
        return 0
    bit = 1 << model.index
    total = 0
    for start, end in token_spans(cand):
        word = cand[start:end]
        if len(word) < 3 or text[start:end] != word:
            continue
        mask = word_langs(word)
        if mask & bit and mask.bit_count() <= SPECIFIC_LANGS:
            total += len(word)
    return total


def _foreign_letters(text_core: str, lang: str | None) -> bool:
    """The core has a letter outside the alphabet of its own best language (one garbled
    letter in a long word barely moves the average: "Ðveitsi Konföderatsioon")."""
    model = langdata().models.get(lang) if lang else None
    if model is None:
        return False
    return any(
        ch > "\x7f" and ch not in model.alphabet for tok in tokens(text_core.lower()) for ch in tok
    )


def _holds(text: str, codec: str) -> bool:
    """``text.encode(codec)`` succeeds (strict)."""
    chars = charset(codec)
    if chars is not None:
        return chars.issuperset(text)
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


_NON_SPACES = re.compile(r"\S+")


def _exact(text: str, cand: str, chain: Chain) -> bool:
    """The repair is an exact, strict round trip of every word it changes: each such word
    (non-space run) encodes in ``shown`` and decodes in ``true`` to the repaired word, so
    no half-converted word is left and every reported span round-trips."""
    true, shown = chain[0]
    if true == "utf-8":
        return True  # made by a strict whole-line round trip
    whole = _whole_line_step(true, shown)
    if (
        whole is not None
        and UNDECODABLE not in cand
        # (the step's characters hold the line's, as one search: held's class, compiled)
        and not whole[0](text)
        and cand == whole[1](text, whole[2])
    ):
        return True  # every word round-trips (the loop below, for the whole line at once)
    step = _per_character(true, shown)
    for m in _NON_SPACES.finditer(text):
        word, fixed = m.group(), cand[m.start() : m.end()]
        if word == fixed:
            continue
        if step is not None:
            # The same round trip character by character (no codec calls): ``shown`` holds
            # every character, and none is a byte ``true`` leaves undefined.
            holds, table = step
            if not holds.issuperset(word):
                return False
            meant = word.translate(table)
            if meant != fixed or UNDECODABLE in meant:
                return False
            continue
        try:
            if word.encode(shown, "strict").decode(true, "strict") != fixed:
                return False
        except UnicodeError:
            return False
    return True


@cache
def _whole_line_step(
    true: str, shown: str
) -> tuple[Callable[[str], object], Callable[[str, dict[int, str]], str], dict[int, str]] | None:
    """What :func:`_exact` asks of a whole line through the step ``true`` shown as
    ``shown``, worked out once a step: the search for a character ``shown`` cannot encode
    (:func:`~textfix.repair.one_class.unheld_found`, compiled), the translate (the compiled
    pool's, else ``str.translate``) and :func:`_per_character`'s table; ``None`` where there
    is no such table (the codecs answer word by word)."""
    step = _per_character(true, shown)
    found = unheld_found(shown)
    if step is None or found is None:
        return None
    compiled = _compiled_pool()
    translate = str.translate if compiled is None else compiled.translate
    return found, translate, step[1]


@lru_cache(maxsize=512)
def _per_character(true: str, shown: str) -> tuple[frozenset[str], dict[int, str]] | None:
    """What ``word.encode(shown).decode(true)`` (strict) reads per character, for two
    single-byte code pages that keep ASCII and where ``shown`` shows each byte from 0x80 up
    as its own non-ASCII character: the characters ``shown`` encodes (ASCII included) and
    the step's table (:func:`translation`: a character maps to :data:`UNDECODABLE` where
    ``true`` leaves its byte undefined). ``None`` for any other pair (ask the codecs)."""
    holds = charset(shown)
    if holds is None or charset(true) is None:
        return None
    low = bytes(range(0x80))
    if any(low.decode(page, "replace") != low.decode("ascii") for page in (true, shown)):
        return None
    high = bytes(range(0x80, 0x100)).decode(shown, "ignore")
    if any(ch < "\x80" for ch in high) or len(set(high)) != len(high):
        return None
    return holds, translation(true, shown)


def _named_elsewhere(text: str, true: str) -> bool:
    """The distinct words of ``text`` (a repeated name votes once) name a language (see
    :func:`textfix.repair.line_language.line_language`: votes and a lead) that is not
    written in ``true``'s code page.

    >>> _named_elsewhere("Sante Sede (Stât de Citât dal Vatican)", "cp1257")
    True
    >>> _named_elsewhere("Duployan kýsaltmasý, Duployan stenografisi", "cp1254")
    False
    """
    lang, votes, second = line_language(" ".join(dict.fromkeys(text.split())))
    return votes >= LINE_VOTES and votes - second >= LEAD and not fits(true, lang)


def _original_level(original: TextScore) -> float:
    """The log-probability per letter a candidate's gain is measured from: the original
    core's, except for a core with no letter the scorer reads and no shape it penalises
    (cp1251 Cyrillic shown as mac-roman is all signs: ``‹’‚ﬁ‘– ⁄€–·’``), which has no
    letter statistics to beat and stands at the lowest level a candidate may reach.

    >>> _original_level(score("‹’‚ﬁ‘–")) == MIN_LOGPROB, _original_level(score("текст")) < 0
    (True, True)
    """
    if original.letters == 0 and original.logprob > MIN_LOGPROB:
        return MIN_LOGPROB
    return original.logprob


def _once(work: Callable[[], _T]) -> Callable[[], _T]:
    """``work``, done at its first call only: what ``functools.cache`` makes of a
    zero-argument function, without its set-up (which copies the function's attributes,
    ~2 us, more than most of the gates :func:`repair` works out lazily with it).

    >>> calls = []
    >>> once = _once(lambda: calls.append(1) or len(calls))
    >>> once(), once(), calls
    (1, 1, [1])
    """
    done: list[_T] = []

    def result() -> _T:
        if not done:
            done.append(work())
        return done[0]

    return result


def _confidence(gain: float, cand: TextScore, known: float) -> float:
    """Map the evidence to [0, 1]; 0.5 is where the gates are just met (docs/confidence.md)."""
    x = 2.0 * (gain - MIN_GAIN) + 2.0 * (cand.logprob - MIN_LOGPROB) + 1.5 * known
    return 1.0 / (1.0 + math.exp(-x))


class _Evidence:
    """What :func:`repair` asks of one line only where a gate reads it, each worked out at
    its first call (most garbled lines pass or fail before asking any): one slotted record
    per line, made in ~0.6 us, in place of a dozen :func:`_once` closures (~8 us a line).
    :meth:`judge` names the candidate the gates from :meth:`language` on read."""

    __slots__ = (
        "_agreed",
        "_backed",
        "_drawn",
        "_glued",
        "_language",
        "_line_agrees",
        "_mended",
        "_proved",
        "_strayed",
        "_strays",
        "_swap",
        "_symbolic",
        "_unshaped",
        "_words_agree",
        "_words_proved",
        "best",
        "gain",
        "line_lang",
        "needs_words",
        "shaped",
        "short",
        "text",
        "text_core",
        "thin",
    )

    best: Candidate
    thin: bool
    short: bool
    gain: float
    line_lang: str | None
    _agreed: bool | None
    _language: tuple[int, int] | None
    _words_agree: bool | None
    _line_agrees: bool | None
    _swap: bool | None
    _backed: bool | None
    _mended: bool | None
    _strayed: bool | None
    _unshaped: bool | None
    _drawn: bool | None
    _glued: bool | None
    _proved: bool | None

    def __init__(self, text: str, text_core: str, shaped: bool, needs_words: bool) -> None:
        self.text = text
        self.text_core = text_core
        self.shaped = shaped
        self.needs_words = needs_words
        self._strays: bool | None = None
        self._words_proved: bool | None = None
        self._symbolic: bool | None = None

    def judge(
        self, best: Candidate, thin: bool, gain: float, line_lang: str | None, short: bool
    ) -> None:
        """The round trip the gates from :meth:`language` on judge (``short``: its gain with
        its known words' bonus is below the bar, see :meth:`agreed`)."""
        self.best = best
        self.thin = thin
        self.short = short
        self.gain = gain
        self.line_lang = line_lang
        self._language = self._agreed = None
        self._words_agree = self._line_agrees = self._swap = self._backed = None
        self._mended = self._strayed = self._unshaped = self._drawn = self._glued = None
        self._proved = None

    def agreed(self) -> bool:
        """A symbol inside a word of a line whose other words (3+ of them) are known words
        of the language the candidate reads as, written in the chain's code page: the
        inflected form need not be listed, and a smaller gain will do ("podgl¥du" in a
        Polish line). In a long line one letter barely moves the average gain: any gain will
        do when the repair only turns symbols glued to words, box drawing or controls into
        letters of that language, or lowers capitals inside words ("вбудовано╖", "мЯсу" in
        a line of known words), and makes no new odd capital; or when half the repaired
        letters are known words ("€сходнаЯ директориЯ не найдена ..."). Asked only of a
        thin repair or too small a gain (:meth:`judge`'s ``short``), and only where the
        gates read it: most repairs pass those gates before."""
        if self._agreed is None:
            best, gain = self.best, self.gain
            self._agreed = (
                (self.thin or self.short)
                and self.symbolic()
                and (
                    (
                        self.line_agrees()
                        and self.language()[1] >= LINE_VOTES + 1
                        and (
                            gain >= AGREED_GAIN
                            or (gain > 0 and _only_line_letters_made(self.text, best))
                        )
                    )
                    or (
                        gain > 0
                        and best.known >= WELL_FORMED_KNOWN
                        and _line_agrees(best, LINE_VOTES + 1)
                    )
                )
            )
        return self._agreed

    def strays(self) -> bool:
        """Stray letters: a word no language owning its letters could spell (``Ðveitsi`` is
        Estonian ``Šveitsi`` shown as cp1252; see stray_letters) is evidence of its own."""
        if self._strays is None:
            self._strays = suspects(self.text)
        return self._strays

    def words_proved(self) -> bool:
        """ce_letters' proof of signs made letters (it tries every step)."""
        if self._words_proved is None:
            self._words_proved = proves_words(self.text)
        return self._words_proved

    def symbolic(self) -> bool:
        """The strongest shapes: symbols in or next to words, C1 controls, box drawing,
        capitals inside small-letter words (a lone foreign letter in a word is not enough)."""
        if self._symbolic is None:
            text_core = self.text_core
            self._symbolic = self.shaped and (
                _symbols(text_core) > 0
                or any(odd_case(w) or _mixes_scripts(w) for w in tokens(text_core))
            )
        return self._symbolic

    def language(self) -> tuple[int, int]:
        """The language the rest of the line is written in, by its known words (ASCII
        included): (bit, votes)."""
        if self._language is None:
            self._language = (
                _word_language(prose(self.best.text)) if (self.thin or self.needs_words) else (0, 0)
            )
        return self._language

    def words_agree(self) -> bool:
        """The line's known words (2+ votes) name a language written in the chain's code page
        that knows half the repaired letters, and a repaired word has 3+ letters."""
        if self._words_agree is None:
            best, text = self.best, self.text
            bit, votes = self.language()
            self._words_agree = (
                votes >= LINE_VOTES
                and _longest_word(best.text, text) >= 3
                and fits(best.chain[0][0], _code_of(bit))
                and _share(_changed_words(self.text_core, core(best.text)), bit)[0]
                >= WELL_FORMED_KNOWN
            )
        return self._words_agree

    def line_agrees(self) -> bool:
        """The line's known words (ASCII ones included) name the language the candidate reads
        as, and that language is written in the chain's code page."""
        if self._line_agrees is None:
            self._line_agrees = (self.thin or self.needs_words) and _line_agrees(
                self.best, LINE_VOTES
            )
        return self._line_agrees

    def swap(self) -> bool:
        """The word-swap gate (:func:`_swap_gate`)."""
        if self._swap is None:
            bit, votes = self.language()
            self._swap = _swap_gate(
                self.text,
                self.best,
                self.thin or self.needs_words,
                self.shaped,
                votes,
                bit,
                False,
            )
        return self._swap

    def backed(self) -> bool:
        """Thin repairs of unknown words into known words of the line's language, which uses
        the chain's code page, backed by other words of the line known in that language (and
        in few others): "Acil týp teknisyeni" is Turkish "Acil tıp teknisyeni". (here an
        inflected form of a listed word counts as known, "atlasītos" as "atlasīt" + "os": the
        line's other words back it; not in a lone word swap: "hÚral" stays)"""
        if self._backed is None:
            self._backed = self._form_backed()
        return self._backed

    def _form_backed(self) -> bool:
        text, best, thin, line_lang = self.text, self.best, self.thin, self.line_lang
        if not thin:
            return False
        if not self.swap():
            bit, votes = self.language()
            if not _swap_gate(text, best, thin, self.shaped, votes, bit, True):
                return False
        form_known, form_letters = _line_known(self.text_core, best, line_lang, forms=True)
        return (
            form_known >= 0.99
            and fits(best.chain[0][0], line_lang)
            and form_letters + _specific_letters(text, best.text, line_lang) >= CONTEXT_LETTERS
        )

    def mended(self) -> bool:
        """Letters foreign to the language the line's untouched words name, written in the
        chain's code page, become letters of it in words no language knew ("Ýþ akýþýnýza
        görev ekleyin" is Turkish "İş akışınıza görev ekleyin"): the line's words stand in
        for known repaired words and for the letter statistics of a short core."""
        if self._mended is None:
            best = self.best
            self._mended = best.score.logprob >= MIN_LOGPROB and alphabet_repair(
                self.text, best.text, best.chain[0][0]
            )
        return self._mended

    def strayed(self) -> bool:
        """Stray letters of a word no language owning them could spell become letters of a
        language of the chain's family that spells the repaired word ("Halýcý" is Turkish
        "Halıcı"): the letters' owners stand in for the letter statistics and known words."""
        if self._strayed is None:
            self._strayed = (
                self.strays()
                and self.best.score.logprob >= MIN_LOGPROB
                and _is_stray(self.text, self.best)
            )
        return self._strayed

    def unshaped(self) -> bool:
        """A shaped line whose repair leaves no shape and reads as a language written in the
        chain's code page, with any gain: one letter barely moves the statistics, so what the
        repair changed must speak for it (:meth:`drawn`, :meth:`glued`)."""
        if self._unshaped is None:
            best = self.best
            self._unshaped = (
                self.symbolic()
                and self.gain > 0
                and fits(best.chain[0][0], best.score.lang)
                and not mojibake_shape(core(best.text))
            )
        return self._unshaped

    def drawn(self) -> bool:
        """Drawings glued to words (box drawing never touches a word in real text) that all
        become letters of the candidate's language ("Маршаллов╕ острови" is koi8-u
        "Маршаллові острови" shown as koi8-r)."""
        if self._drawn is None:
            self._drawn = self.unshaped() and _drawings_made_letters(self.text, self.best)
        return self._drawn

    def glued(self) -> bool:
        """Signs glued into words (symbols, superscripts, letters of another script, capitals
        ending small-letter words) that all become letters of the candidate's language: DOS
        and Mac code pages show letters so, and clean prose writes no such sign inside a word
        ("Aktⁿer" is cp1254 "Aktüer" shown as cp437)."""
        if self._glued is None:
            self._glued = self.unshaped() and _glued_made_letters(self.text, self.best)
        return self._glued

    def proved(self) -> bool:
        """Central European words whose only broken letters are foreign to a language, or
        no-break spaces inside words, made known words of it ("Baèa" is Slovak "Bača",
        "Kostoln\\xa0 Ves" is cp852 "Kostolná Ves"): the word is the evidence (ce_letters),
        through the best chain or a step of the family making the same text."""
        if self._proved is None:
            best = self.best
            self._proved = family_made_words(self.text, best.text, best.chain)
        return self._proved


def repair(text: str, context: DocumentContext) -> Step | None:
    """Repair one line written in a single-byte code page and shown as another.

    Returns ``None`` when the line looks clean or nothing explains it; a step with
    confidence below 0.5 when the line looks garbled but no repair passed the gates.
    """
    if text.isascii():
        return None
    # (what the tests below look for, looks_clean, typed_in_unicode, lone_signs, quote_signs'
    # cheap shape, looks_anyway and plausible in one compiled call: a test whose characters
    # the line lacks is not asked; see front and gates.opening)
    facts = front(text, context)
    # iso8859-13's quotation marks shown as latin-1 signs pair up as no clean text writes
    # them, in a line whose words name a Baltic language ("pole ´viimane¡" is "“viimane”"):
    # no letter changes, so neither the letter statistics nor the word lists could tell.
    if facts & QUOTED:
        quoted = signs_quoted(text)
        if quoted is not None:
            return Step(quoted[0], quoted[1], QUOTED_CONFIDENCE)
    # One-letter words shown as lone signs ("questo Þ usato" is Italian "questo è usato"
    # shown as cp850): the letter statistics cannot see one sign, and no gate below weighs a
    # word of one letter; the line's other words name the language (see lone_words).
    if facts & LONE:
        lone = lone_repair(
            text, lambda: _lone_language(text), lambda chain: context.seen(chain) > 0
        )
        if lone is not None:
            return Step(lone[0], lone[1], LONE_CONFIDENCE)
    # (a mac-cyrillic capital shown as a cp1251 sign reads well: look anyway)
    behind = facts & SIGN_CAPITAL != 0 and capital_behind_sign(text)
    # (its words may prove the whole line's round trip at once: see mac_words)
    mac = mac_words.proven(text) if behind else None
    if mac is not None:
        return Step(mac, mac_words.CHAIN, mac_words.MAC_WORDS_CONFIDENCE)
    # (a no-break space glued after a word's letters may be cp852's "á", and a "„" or "·"
    # there mac-roman's "ă" or "á": look anyway)
    nbsp = facts & NBSP != 0 or (facts & ASK_NBSP != 0 and looks_anyway(text))
    if (
        not behind
        and not nbsp
        and (
            facts & (CLEAN | TYPED)
            or facts & READS
            or (not facts & READS_NOT and plausible(text))
            or (facts & ASK_TYPED and typed_in_unicode(text))
            or (facts & ASK_CLEAN and looks_clean(text))
        )
        # (Icelandic stray letters in words no owner could spell read well letter by letter:
        # the engine looks, see stray_letters.looks_stray)
        and not (facts & LOOKED and looks_stray(text))
    ):
        return None
    # Cyrillic shown as signs alone ("ø€–‹’›–" is "Пламена" shown as mac-roman): no word to
    # weigh the repair against, so the gates below cannot judge it (see sign_lines; a line
    # the accept test passed stays, as the compiled quick proofs leave it).
    signed_line = sign_line_repair(text)
    if signed_line is not None:
        return Step(signed_line[0], signed_line[1], SIGN_LINE_CONFIDENCE)
    text_core = core(text)
    # (a DOS capital shown as a cp1252 sign before a word unknown without it, known with it:
    # "žablon" is cp857's "Şablon"; see sign_capitals)
    latin_behind = capital_behind_latin_sign(text) if facts & LATIN_SIGN else None
    # Text with none of mojibake's shapes changes only on word-level evidence.
    # (well_formed asks the shape first: a shaped core, most garbled lines', is not asked again)
    shaped = mojibake_shape(text_core)
    needs_words = not shaped and well_formed(text_core)
    # (the evidence below worked out once, and only where it is read: most garbled lines
    # never ask: stray letters, a proof of words, the strongest shapes; see _Evidence)
    ev = _Evidence(text, text_core, shaped, needs_words)
    # (unless its letters are foreign to the language the line's other words name: those
    # words are the evidence then, see line_language)
    foreign = needs_words and foreign_to_line(text)
    # (a line sent on by its stray letters alone may pass only as their repair: the exits
    # below guard the other gates)
    # (without stray letters, such a line goes on to candidates(text, needs_words=True),
    # which then finds nothing: the engine returns None there; asking _may_find_words
    # first costs more than that search on the garbled lines, nearly all of which do
    # make known words)
    # (a well-formed line with stray letters whose round trips may make no known word
    # passes only as their repair too: _may_find_words, ~120 us a call, is asked last, of
    # a round trip every gate passes that is no stray repair)
    strays_alone = needs_words and not foreign and not nbsp and ev.strays()
    only_strays = only_swaps = False
    original = score(text_core)
    # (a core the scorer cannot judge stands at the lowest level: see _original_level; its
    # repair must then make known words)
    original_lp = _original_level(original)
    letterless = original_lp != original.logprob
    # A long line with one or two such shapes averages out as plausible ("€зходната
    # директориЯ и целевата директориЯ ...": mac-cyrillic shown as cp1251); the shape is
    # evidence enough to look, the gates still judge the candidate.
    # (only when some round trip can make a known word, which those gates then need: clean
    # lines with a glued symbol stay cheap)
    if (
        original_lp >= ORIGINAL_BAR
        and not _foreign_letters(text_core, original.lang)
        and not behind
        and latin_behind is None
        and not foreign
        and not nbsp
        and not (ev.symbolic() and may_reach_words(text_core))
        and not ev.words_proved()
    ):
        if ev.strays():
            only_strays = True
        elif not (needs_words and _swapped(text)):
            return None
        else:
            only_swaps = True
    # Candidates that make known words first; a line whose letters are foreign to its
    # language may do without them ("Birleþik" is the known "Birleşik", which a shortlist
    # by letter statistics alone would miss).
    found = candidates(text, needs_words, best_only=True)
    # (nor need a line sent on by a sign or no-break space glued to a word: "Kostoln· Ves"
    # makes a form, no listed word; ce_letters judges it)
    # (nor a name whose misplaced letters a family step makes usual ones: "Kramariæ" is
    # Croatian "Kramarić", a word no list has; ce_letters judges it)
    if not found and (foreign or ev.strays() or nbsp or (needs_words and ev.words_proved())):
        found = candidates(text, False, best_only=True)
    # A line with stray letters is judged as their repair when the best round trip turns a
    # letter into a symbol ("Ðtðerbakov": cp857's soft hyphen in "ºt\xaderbakov" outranks
    # "Štšerbakov") or reads worse than the line ("Varang Þiti" is no mac-latin2
    # "Varang řiti"): no gate lets those pass.
    # (the cheap tests first: the best round trip of most garbled lines does neither)
    # (the letters lost are asked again of the round trip judged below, most often this one)
    if not found:
        return None
    best = found[0]
    first, first_lost = best.text, _letters_to_symbols(text, best.text)
    if (first_lost or best.score.logprob < original_lp) and ev.strays():
        best = _stray_first(text, found)[0]
    # (the chain named for the language the line's words vote, see dos_baltic: asked only
    # of a Latin DOS page, which most round trips are not)
    if best.chain[0][0] in dos_baltic.LATIN_DOS:
        best = dos_baltic.voted_chain(text, best)
    # (or the same line through a near-identical page whose repaired words are words, see
    # sibling_pages: asked only where some repaired word is unknown, of a Latin page)
    if best.known < 1.0 and best.chain[0][0] in sibling_pages.LATIN_PAGES:
        best = sibling_pages.sibling_word(text, best)
    cand, chain = best.text, best.chain
    if not _exact(text, cand, chain):
        return None
    relief = CONTEXT_RELIEF if context.seen(chain) else 0.0
    gain = best.score.logprob - original_lp
    # A strict UTF-8 decode is structural evidence by itself ("Ã¥" -> "å"): never thin.
    thin = best.changed <= THIN and chain[0][0] != "utf-8"
    # Word evidence for thin repairs must come from the language of the whole repaired line
    # (ASCII words included), not from any language that happens to list the word.
    # (the language the whole repaired line scores as: the thin repairs' gates all ask it)
    line_lang = score(prose(cand)).lang if thin else None
    line_known, known_letters = _line_known(text_core, best, line_lang) if thin else (best.known, 0)
    # Known repaired words are evidence too: they add to the letter-statistics gain.
    evidence_gain = gain + WORD_BONUS * best.evidence
    # (the gates of ev from language() on judge this round trip; see _Evidence)
    ev.judge(best, thin, gain, line_lang, evidence_gain < MIN_GAIN - relief)
    # The sign the line was sent here for (a mac-cyrillic capital shown as cp1251: "“далено"
    # is no known word, "Удалено" is) is word-level evidence: a repair through that chain
    # making half its repaired letters known words needs no more gain (one capital barely
    # moves the letter statistics) nor more known letters.
    # (the same for a DOS capital shown as a cp1252 sign, through the step it was seen for)
    signed = (
        (behind and chain == _MAC_AS_CP1251)
        or (latin_behind is not None and chain == (latin_behind,))
    ) and best.known >= WELL_FORMED_KNOWN
    # A Serbian capital before letters no Serbian word has, through the chain that shows
    # mac-cyrillic's capitals as those: the mixed orthography is the evidence, with a gain
    # of 1.0 ("Љогалым" is "Когалым", a name no list has).
    mixed = (
        chain == _MAC_AS_CP1251
        and gain >= MIN_GAIN
        and not mojibake_shape(core(cand))
        and capital_of_other_alphabet(text)
    )
    # (the gates of the pair alone, answered at once: see _pair_facts)
    facts = _pair_facts(text, cand)
    passed = (
        # No symbols made of letters (but quotation marks that pair up), a repaired word of
        # two letters or more, no refusal (letter runs, drawing, ornaments, units, demos,
        # letters of no one alphabet, middle dots: see _REFUSALS), no listing; and no
        # capital put inside a word: mojibake puts them there, a repair takes them out
        # ("Kote d´Ivoire" is no "Kote dŽIvoire"; 1 of 32,198 dev lines needs one).
        not facts & _PAIR_REFUSALS
        and not (first_lost if cand == first else _letters_to_symbols(text, cand))
        and (shaped or not mojibake_shape(core(cand)))
        # (unless 3+ repaired words are all known words of one language written in the
        # chain's code page: "Têòp này quá lõìn ðêÒ taÒi lên" is Vietnamese)
        and not (facts >> SHORT_WORDS & 1 and not _short_words_known(text, cand, chain[0][0]))
        and (not letterless or best.known >= WELL_FORMED_KNOWN)
        # Cyrillic look-alikes typed in Latin words that are known words once spelled in
        # Latin, repaired into no known word ("podаtаkа" with Cyrillic а is Croatian
        # "podataka" mistyped, not cp1252 "podàtàkà" shown as cp1251; "Bokmеla" is cp1252
        # "Bokmåla": "Bokmela" is no word).
        and not (best.known == 0 and _look_alikes_replaced(text, cand))
        # Small words made capitals need the letter statistics too, not a known word alone.
        # (and half the repaired letters known: Mongolian "гэж юу вэ" is no "ЗЬЦ АХ ЧЬ")
        and not (facts >> CAPITALISES & 1 and (gain < MIN_GAIN or best.known < WELL_FORMED_KNOWN))
        # A repair that changes no letter, only symbols ("½mv²" -> "«mvı"), reads symbols of
        # clean text as letters unless its words are known or the line's language agrees.
        and (facts >> CHANGES_LETTERS & 1 or best.known > 0 or not _line_names_other_language(best))
        and (
            evidence_gain >= MIN_GAIN - relief
            or ev.agreed()
            or ev.drawn()
            or ev.glued()
            or ev.swap()
            or ev.backed()
            or ev.mended()
            or ev.strayed()
            or signed
            or ev.proved()  # (known words of the language whose letters were foreign)
        )
        # A well-formed line's other words name a language whose code page is not the
        # chain's, and neither is the candidate's own language written in it: its
        # repaired "known" words are chance (Haitian "Pèmèt ... sèl" is no Swedish
        # "Pämät ... säl" of mac-latin2 shown as cp437).
        and not (
            needs_words
            and not fits(chain[0][0], best.score.lang)
            and _line_names_other_language(best)
        )
        # ... and a thin repair of such a line needs the language its words name to be
        # written in the chain's code page (Friulian "Stât de Citât dal Vatican" names
        # Italian: its "Stāt", "Citāt" are Latvian words by chance)
        # (unless the repaired line's words name the chain's language: "mount --make-runbindable
        # bağlama-noktası" names English before and Turkish after)
        and not (
            thin and needs_words and not ev.words_agree() and _named_elsewhere(text, chain[0][0])
        )
        and best.score.logprob >= MIN_LOGPROB - relief
        and (
            not needs_words
            # Fewer than EVIDENCE_LETTERS known letters (evidence < known) are too few to
            # stand in for the letter statistics: the gain must show alone, unless capitals
            # become small letters (koi8-r read as cp1251: "ДЕОШ" -> "день"; clean "феб"
            # does not become "ТЕА").
            or (
                best.known >= WELL_FORMED_KNOWN
                and (
                    best.evidence == best.known or gain >= MIN_GAIN or _lowers_capitals(text, cand)
                )
            )
            or (relief > 0 and best.known > 0)
            or (gain >= STRONG_GAIN and best.known >= STRONG_KNOWN)
            # (the cheap tests of each alternative first: the gates of ev are asked last)
            or (ev.language()[1] >= LINE_VOTES + 1 and ev.words_agree())
            or (
                best.known >= STRONG_KNOWN
                and ev.language()[1] >= LINE_VOTES + 1
                and ev.line_agrees()
            )
            or (shaped and ev.swap())
            or ev.backed()
            or ev.mended()
            or ev.strayed()
            or signed
            or ev.proved()  # (known words of the language whose letters were foreign)
        )
        # A line with no mojibake shape whose letters fit no one modelled alphabet may be
        # clean text of an unmodelled language (Turkmen "obýekt ýok" -> "obřekt řok"): a
        # repair that only swaps one or two letters for others of their script is then as
        # thin as two changed letters, and letter statistics of another language cannot
        # speak for it without a known word.
        and not (
            not (shaped or needs_words or relief > 0)
            and best.known == 0
            and _swapped_letters(text, cand) <= THIN
            # (unless 3+ known words of the line name the candidate's language, written in
            # the chain's code page, whose alphabet lacks the letters the repair replaces:
            # Turkish "kýsýtlamalara" -> "kısıtlamalara" in a Turkish line)
            and not _foreign_letters_replaced(text, best)
            and not ev.mended()
            and not ev.strayed()
            and not mixed
            # (a letter no modelled language holds made one of a name or known word:
            # "Kramariµ" -> "Kramarić", see ce_letters.misplaced)
            and not ev.proved()
        )
        # (unless ten or more letters of known words of the line's language back it)
        and not (
            thin
            and not shaped
            and _flips_case(text, cand)
            and not (line_known >= 0.99 and known_letters >= CONTEXT_LETTERS)
            # A word of no language whose flipped letters the line's own language lacks,
            # made a known word of that language (written in the chain's code page) with
            # 5+ known letters: DOS and Mac code pages put capitals where cp1250 has small
            # letters and back ("Ëetiri" is "četiri" shown as mac-roman, "úowicz" is
            # "Łowicz" shown as cp437); French "Èmirats" (è is French) stays.
            and not (
                line_known >= 0.99
                and known_letters >= EVIDENCE_LETTERS
                and fits(chain[0][0], line_lang)
                and _flips_foreign_letters(text, cand, line_lang)
                and _words_of_no_language(text, cand)
            )
            # A capital lowered into a known word of the line's own language, which uses
            # the chain's code page (Danish "blev Êndret" -> "blev ændret"), is no flip of
            # a clean spelling: no orthography writes "ôl" for "Öl" the other way round.
            # (not the line's first letter, which clean text capitalises: "Èmirats" stays)
            and not (
                ev.words_agree()
                and best.known >= 0.99
                and _lowers_capitals(text, cand)
                and _first_letter_kept(text, cand)
            )
        )
        and (
            not thin
            or (
                line_known >= 0.99
                and known_letters >= EVIDENCE_LETTERS + needs_words
                and _lang_share(prose(cand), line_lang) >= LINE_SHARE
            )
            or (line_known >= 0.5 and known_letters >= CONTEXT_LETTERS)
            # a short known word will do when the letter statistics leap (the original's
            # letters fit no one alphabet: Slovene "išèi" is "išči")
            or (
                line_known >= 0.99
                and not needs_words
                and gain >= STRONG_GAIN
                and known_letters >= THIN_KNOWN_LETTERS
                and fits(chain[0][0], line_lang)
                and not _look_alikes_replaced(text, cand)
            )
            or ev.words_agree()
            or (relief > 0 and best.known > 0)
            or (
                ev.symbolic()
                and gain >= (MIN_GAIN if _inside_word(text_core) else THIN_GAIN)
                # (the repaired words alone may read as another language: Danish
                # "Aktivér adgangskodebaseret" has a Hungarian-looking core)
                and (fits(chain[0][0], best.score.lang) or fits(chain[0][0], line_lang))
                # The line's own known words name a language of another script than the
                # repaired word ("predefinito ц╗ un" does not become Serbian "УЈ").
                and not _other_script_than_line(text, best, *ev.language())
                # A Cyrillic look-alike typed in a Latin word ("Exрlorer") is no mojibake.
                and not _look_alikes_replaced(text, cand)
            )
            or (shaped and gain >= THIN_GAIN and ev.line_agrees())
            or ev.agreed()
            or ev.drawn()
            or ev.glued()
            or mixed
            or (shaped and ev.swap())
            or ev.backed()
            or ev.mended()
            or ev.strayed()
            or signed
            or ev.proved()  # (known words of the language whose letters were foreign)
        )
        # (last: asked only of a round trip every other gate lets through)
        and not _clean_shape_read(text, best, gain, facts)
    )
    # (the flags first: strayed() and swap() are worked out only for a line sent on for them)
    passed = (
        passed
        and (
            not (only_strays or strays_alone)
            or ev.strayed()
            or (not only_strays and _may_find_words(text, text_core))
        )
        and (not only_swaps or ev.swap())
    )
    if passed:
        confidence = _confidence(gain + relief, best.score, best.evidence)
        if confidence < 0.5 and ev.proved():
            # (words proved by letters foreign or misplaced, ce_letters, stand in for known
            # ones: a glued sign may read better than the letter it hides, "Togsk· republika")
            confidence = _confidence(gain + relief, best.score, 1.0)
        return Step(cand, chain, round(confidence, 3))
    if chain == mac_words.CHAIN and mac_words.proven(text) == cand:
        return Step(cand, chain, mac_words.MAC_WORDS_CONFIDENCE)  # (see mac_words)
    confidence = _confidence(gain + relief, best.score, best.evidence)
    return Step(cand, chain, round(min(confidence, 0.3), 3))


#: Below this gain (log-probability per letter), letter statistics cannot tell one
#: inflection of a word from another (Czech "nehybný" -> "nehybně" gains -0.11 alone,
#: 0.01 in a line; cp852's "Zmenié" -> mac-latin2's "Zmeniť" gains 0.4).
ENDING_GAIN = 0.25


#: The pair scan's bits without which :func:`accent_swapped` is False (see pair_shapes).
_ACCENT_SHAPES = ACCENTS_ONLY | TITLE_WORDS
#: The pair facts of letters whose case alone changes, or of scripts mixed (kept_shapes).
_KEPT_CASE_OR_SCRIPTS = 1 << CASE_ONLY | 1 << SCRIPTS_MIXED
#: The signs one of unmodelled's two readings needs (a cheap search before the call).
_UNMODELLED_SIGNS = one_class("’ýÝ").found


def _clean_shape_read(text: str, best: Candidate, gain: float, facts: int) -> bool:
    """The round trip only reads a shape of clean text as mojibake (:mod:`kept_shapes`):
    letters whose case alone changes, box drawing glued to a word read as letters of
    another script, a thin repair making no known word whose letters are all foreign to
    the language the line's words name, an apostrophe sign before a clitic made a letter
    of no known word of the repaired line's language, or (where the letter statistics
    gain less than :data:`ENDING_GAIN`) one inflection of a word of the line's language
    swapped for another; or a short line spelled in one modelled alphabet whose accented
    letters alone are swapped for another alphabet's (:mod:`accent_swaps`: Friulian
    "Portâl" is no Latvian "Portāl"); or a broken line the round trip only moves around
    (:mod:`unmended`: "ðDe la" is no "ÜDe la"), or a clean spelling of an unmodelled
    orthography read as mojibake (:mod:`unmodelled`: Turkmen "Ýewropa" is no "İewropa").
    ``facts`` are the pair's :func:`_pair_facts` (case only, scripts mixed)."""
    cand = best.text
    if len(text) != len(cand):
        return False
    if facts & _KEPT_CASE_OR_SCRIPTS:
        return True
    # (one compiled scan of the pair for accent_swaps' and unmended's first tests, handed to
    # both: most repairs fail them, and accent_swapped is not asked then)
    module = _pair_scan()
    shapes = None if module is None else module.pair_shapes(text, cand)
    if (shapes is None or shapes & _ACCENT_SHAPES) and accent_swapped(text, cand, gain, shapes):
        return True
    # (unmended's and unmodelled_read's first tests, written out: they refuse nearly every
    # repair, a broken case the scan saw or a character the shown page cannot show, and the
    # signs both unmodelled readings need; the calls cost more than those tests)
    shown = best.chain[-1][1]
    if (
        shapes is None
        or shapes & BEFORE_CAPITALISED
        or ((found := unheld_found(shown)) is not None and found(text))
    ) and unmended(text, cand, best.chain[0][0], shown, shapes):
        return True
    if _UNMODELLED_SIGNS(text) and unmodelled_read(text, cand):
        return True
    # (a lone word's one-letter swap carried by a known word alone: see lone_swaps)
    if (
        best.changed == 1
        and gain < MIN_GAIN
        and own_word_swapped(text, cand, best.chain[-1][1], gain)
    ):
        return True
    if best.changed <= THIN and best.known == 0 and _letters_foreign_to_line(text, cand):
        return True
    apostrophe = _APOSTROPHE_SIGNS(text)  # (truthy where the line holds one)
    if not apostrophe and gain >= ENDING_GAIN:
        return False  # (neither shape below can be there: most repairs end here)
    # (the languages are scored only where the shape is there: most repairs have none)
    cand_bit = _once(lambda: _lang_bit(score(prose(cand)).lang))
    if apostrophe and apostrophe_read(text, cand, lambda word: bool(word_langs(word) & cand_bit())):
        return True
    # (the languages the line reads as, before and after: Czech "nehybný" scores as Slovak)
    return (
        gain < ENDING_GAIN
        and endings_swapped(text, cand, -1)
        and endings_swapped(text, cand, cand_bit() | _lang_bit(score(prose(text)).lang))
    )


def _letters_foreign_to_line(text: str, cand: str) -> bool:
    """3+ of the repaired line's words name a language, and every letter the round trip
    makes is foreign to its alphabet ("Controlsи warning display. The FLAG is one of" is
    no cp1252 "Controlsè" shown as cp1251: English writes no "è")."""
    model = _voted_model(prose(cand), LINE_VOTES + 1)
    if model is None:
        return False
    made = {b.lower() for a, b in zip(text, cand, strict=True) if a != b}
    return all(ch.isalpha() and ch not in model.alphabet for ch in made)


_APOSTROPHE_SIGNS = one_class(APOSTROPHES).found


def _lang_bit(lang: str | None) -> int:
    """The word-list bit of ``lang`` (0 for none or an unmodelled one)."""
    model = langdata().models.get(lang) if lang else None
    return 0 if model is None else 1 << model.index


#: Languages whose shipped word list is too thin (CLDR's strings, no frequency list) for a
#: word missing from it to tell that the language did not write it: Albanian "minutë" and
#: "etiketë" are missing, and are Lithuanian "minutė", "etiketė" through cp1257.
THIN_LISTS = frozenset({"sq", "ga", "eo", "br", "mt", "az", "cy", "fy", "lb", "ast", "hsb", "dsb"})


def _swapped(text: str) -> bool:
    """The best round trip of ``text`` making known words (through its family's commonest
    code page) is a word swap (:func:`_word_swap`): words no language knew become known
    words of one language of the chain's family ("Kaldýr" is Turkish "Kaldır"), no
    look-alike of another script typed in a word; and the line's other words lead in that
    language (:func:`_lead_index`: "Modelio grupës" is Lithuanian "grupės"), or lead in
    none and every modelled language owning a letter the swap replaces has a word list that
    would have known the word (:data:`THIN_LISTS`).

    >>> _swapped("Kaldýr"), _swapped("Modelio grupës"), _swapped("%(num)d minutë")
    (True, True, False)
    """
    found = candidates(text, True, best_only=True)
    if not found:
        return False
    best = found[0]
    true = best.chain[0][0]
    if (
        TRUE_RANK.get(true) != 0
        or not _word_swap(text, best.text, true)
        # (a Cyrillic look-alike typed in a Latin word: "stoр" is no Icelandic "stoð")
        or _look_alikes_replaced(text, best.text)
    ):
        return False
    pairs = [(a, b) for a, b in zip(text, best.text, strict=True) if a != b]
    replaced = {_lower(a) for a, _ in pairs}
    words = _changed_words(core(text), core(best.text))
    if all(a.isupper() == b.isupper() for a, b in pairs) and _own_letters_swapped(words, replaced):
        return False
    lead = _lead_index(text)
    if lead >= 0:
        # (the line's other words lead in the swap's language, or in another: "busses
        # stoр" is English)
        return _share(words, 1 << lead)[0] == 1.0
    return not _thin_owned(replaced)


def _thin_owned(letters: set[str]) -> bool:
    """A language of :data:`THIN_LISTS` has one of ``letters`` in its alphabet (by model
    bit: the letters' alphabet masks ORed, not every model walked)."""
    letter_mask = langdata().letter_mask
    owners = 0
    for ch in letters:
        owners |= letter_mask.get(ch, 0)
    return owners & _thin_mask() != 0


@cache
def _thin_mask() -> int:
    """The model bits of the :data:`THIN_LISTS` languages."""
    return sum(1 << m.index for m in langdata().models.values() if m.code in THIN_LISTS)


def _own_letters_swapped(words: tuple[tuple[int, int], ...], replaced: set[str]) -> bool:
    """A language that knows every word the swap makes also writes every letter it replaces:
    the original is as likely that language's word the list lacks (Estonian "sõrakeselgi"
    is no "särakeselgi" through cp850, though only the second is listed; Turkish writes no
    "ý" of "Kaldýr"). The caller asks only where no letter changes case (koi8-r's
    "ДЕБЕР" for "девет" swaps case, a shape no language's spelling explains)."""
    mask = -1
    for _, langs in words:
        mask &= langs
    if mask <= 0:
        return False
    return _owning(mask, replaced) != 0


def _owning(mask: int, letters: set[str]) -> int:
    """The languages of ``mask`` (by model bit) whose alphabet holds every one of
    ``letters``: the letters' alphabet masks ANDed, no model walked."""
    data = langdata()
    mask &= (1 << len(data.models)) - 1
    letter_mask = data.letter_mask
    for ch in letters:
        mask &= letter_mask.get(ch, 0)
    return mask


def _stray_first(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` led by the best-ranked round trip of ``text`` that is a stray repair
    (:func:`~textfix.repair.stray_letters.stray_repair`), if any."""
    if found and _is_stray(text, found[0]):
        return found
    stray = next((c for c in candidates(text) if _is_stray(text, c)), None)
    return found if stray is None else [stray]


def _is_stray(text: str, cand: Candidate) -> bool:
    """``cand`` is a one-step stray repair of ``text``."""
    return len(cand.chain) == 1 and stray_repair(text, cand.text, *cand.chain[0])


#: The chain :func:`textfix.repair.gates.capital_behind_sign` looks for.
_MAC_AS_CP1251: Chain = (("mac-cyrillic", "cp1251"),)

#: Where a changed word is cut before it is judged: ASCII that is not a letter (never part
#: of a multi-byte sequence, so it separates repairs: ``¯\\_(ツ)_/¯``) and U+FFFD.
_JUDGED_PIECE = re.compile(r"[^\x00-\x40\x5b-\x60\x7b-\x7f\ufffd]+")


def _words_changed_by(
    text: str, fixed: str, spans: list[tuple[int, int, int, int]] | None = None
) -> str:
    """What ``fixed`` changed in ``text``, widened over the letters around each change (the
    rest of a repaired word), joined by spaces. Where UTF-8 sequences were read (the span
    got shorter), the change is cut at ASCII non-letters and U+FFFD (a byte lost before the
    repair) and only the pieces with a non-ASCII character and a letter are kept: a decode
    that made only symbols (``Â¤`` -> ``¤``, ``Γëê`` -> ``≈``, a kaomoji's ``¯``) is no
    evidence either way; symbols glued to a letter (``Ѩ®‚‡Æ``, ``m„rgistada``) still are.

    >>> _words_changed_by("¯\\\\_(ã\\x83\\x84)_/¯ ok", "¯\\\\_(ツ)_/¯ ok")
    'ツ'
    >>> _words_changed_by("Ã¼ber äºµì", "über 亵ì")
    'über 亵ì'
    >>> _words_changed_by("Â¯\\\\_(Ã£Â\\x83Â\\x84)_/Â¯ (Â¤) FuÃ?ball",
    ...                   "¯\\\\_(ツ)_/¯ (¤) Fu\\ufffdball")
    'ツ'
    >>> _words_changed_by("Ñ¨®‚‡Æ", "Ѩ®‚‡Æ"), _words_changed_by("m\\x84rgi", "m„rgi")
    ('Ѩ®‚‡Æ', 'm„rgi')
    """
    words: list[str] = []
    for a0, a1, b0, b1 in changed_spans(text, fixed) if spans is None else spans:
        decoded = b1 - b0 < a1 - a0  # UTF-8 sequences were read here, not just C1 controls
        while b0 > 0 and fixed[b0 - 1].isalpha():
            b0 -= 1
        while b1 < len(fixed) and fixed[b1].isalpha():
            b1 += 1
        if not decoded:
            words.append(fixed[b0:b1])
            continue
        for piece in _JUDGED_PIECE.findall(fixed, b0, b1):
            if not piece.isascii() and any(ch.isalpha() for ch in piece):
                words.append(piece)
    return " ".join(words)


def _judged_after_utf8(text: str, fixed: str) -> str:
    """What to judge in ftfy's result: the letters it changed (:func:`_words_changed_by`)
    and the words with letters it left alone: a line whose other words still look garbled
    (``çÁÎÓØËÅ ÓÅÄ¦`` -> ``çÁÎÓØËÅ ÓÅĦ``) was decoded as UTF-8 only by chance. Words of
    symbols alone (a kaomoji's ``¯``) are judged by neither. (Spans, words and the join in
    one compiled call, ``_cscore.judged_after``, when built: :func:`_judged_after_utf8_py`
    is its reference.)

    >>> _judged_after_utf8("çÁÎÓØËÅ ÓÅÄ¦", "çÁÎÓØËÅ ÓÅĦ")
    'ÓÅĦ çÁÎÓØËÅ'
    >>> _judged_after_utf8("¯\\\\_(ã\\x83\\x84)_/¯ ok", "¯\\\\_(ツ)_/¯ ok")
    'ツ'
    """
    if _CSCORE is not None:
        # (the aligner spans._differences reads for texts of two lengths: difflib's, compiled)
        aligner = _differences if _CGATES is None else _CGATES.diff_blocks
        judged: str = _CSCORE.judged_after(text, fixed, aligner, _MAX_ALIGN)
        return judged
    return _judged_after_utf8_py(text, fixed)


def _judged_after_utf8_py(text: str, fixed: str) -> str:
    """:func:`_judged_after_utf8` in pure Python (the reference of ``judged_after``)."""
    spans = changed_spans(text, fixed)  # difflib for UTF-8 repairs: compute it once
    kept = []
    # (words and spans both run left to right without overlapping: one pass over each,
    # skipping the spans that end before the word starts)
    k = 0
    for m in _CORE_WORD.finditer(fixed):
        start, end = m.span()
        while k < len(spans) and spans[k][3] <= start:
            k += 1
        touched = k < len(spans) and spans[k][2] < end
        if not touched and any(ch.isalpha() for ch in m.group()):
            kept.append(m.group())
    return " ".join([_words_changed_by(text, fixed, spans), *kept]).strip()


def _made_unassigned(text: str, fixed: str) -> bool:
    """ftfy's decode made a code point no text uses (unassigned or private use): the bytes
    formed valid UTF-8 by chance (Arabic ``ÒãÇä`` shown as mac-roman reads as U+4B08A).

    >>> _made_unassigned("ÒãÇä", "\U0004b08a"), _made_unassigned("Ã©t", "ét")
    (True, False)
    """
    if fixed.isprintable():
        return False  # (no unassigned or private-use code point is printable: one C scan)
    return any(
        unicodedata.category(ch) in ("Cn", "Co") for ch in set(fixed) - set(text) if ch > "\x7f"
    )


def _stray_marks(text: str, fixed: str) -> float | None:
    """``-inf`` (any confident repair reads better) when a decode that made no letter made a
    combining mark after no letter or a digit of another script than ASCII's: the bytes
    formed UTF-8 by chance (``√≥Ì‰˚`` -> ``√≥̉˚`` is cp1251 ``Гінды`` shown as
    mac-roman); ``None`` when it made only symbols (a kaomoji's ``¯``, a quote), which
    stand.

    >>> _stray_marks("√≥Ì‰˚", "√≥\u0309˚"), _stray_marks("Â¯\\\\_(ãƒ„)_/Â¯", "¯\\\\_(ツ)_/¯")
    (-inf, None)
    """
    made = set(fixed) - set(text)
    for i, ch in enumerate(fixed):
        if ch not in made:
            continue
        if ch.isdigit() or (_is_mark(ch) and not (i > 0 and fixed[i - 1].isalpha())):
            return -math.inf
    return None


def _is_mark(ch: str) -> bool:
    """A combining mark (spacing or not)."""
    return unicodedata.category(ch) in _MARK_CATEGORIES


def arbitrate(
    text: str, utf8_step: Step, context: DocumentContext, allows: Callable[[Chain], bool]
) -> Step:
    """Choose between ftfy's UTF-8 repair of ``text`` and the legacy engine's.

    Single-byte mojibake sometimes forms valid UTF-8 by chance (Thai ``"äºµì"`` decodes to
    ``"亵ì"``). ftfy's repair stands unless it only read C1 controls, made an unassigned
    code point, or left a mojibake shape (here a word mixing scripts), and a confident
    legacy repair has none or scores better.

    >>> from textfix.repair.utf8 import repair as utf8_repair
    >>> arbitrate("äºµì", utf8_repair("äºµì", DocumentContext()), DocumentContext(),
    ...           lambda c: True).text
    'ไบต์'
    """
    # A repair that kept the length read C1 controls as cp1252 and decoded no UTF-8: any
    # single-byte page with letters at 0x80-0x9F explains those as well, so let it compete.
    # (with no C1 control, it restored a lost no-break space: "voilÃ le" is "voilà le")
    only_c1 = len(utf8_step.text) == len(text) and _C1.search(text) is not None
    # (a decode with none of those flaws may still be weak evidence: then a confident
    # legacy repair must read better, see _weak_decode; what to judge is worked out only
    # for a decode the cheaper tests leave)
    weak = None
    if not only_c1 and not _made_unassigned(text, utf8_step.text):
        judged = _judged_after_utf8(text, utf8_step.text)
        if not mojibake_shape(judged):
            weak = _weak_decode(judged) if judged else _stray_marks(text, utf8_step.text)
            if weak is None:
                return utf8_step
    alternative = repair(text, context)
    if (
        alternative is None
        or alternative.confidence < 0.5
        or not allows(alternative.chain)
        or (
            mojibake_shape(core(alternative.text))
            and score(core(alternative.text)).logprob <= score(core(utf8_step.text)).logprob
        )
        # a weak decode stands against a repair that has a shape or reads no better, or
        # that puts a word of another script among Latin words, or that makes no known
        # word against a whole-line decode into one script (see script_clash)
        or (
            weak is not None
            and (
                mojibake_shape(core(alternative.text))
                or score(core(alternative.text)).logprob <= weak
                or decode_keeps_script(text, utf8_step.text, alternative.text)
                or decode_whole_script(text, utf8_step.text, alternative.text)
            )
        )
    ):
        return utf8_step
    return alternative


#: C1 controls, which ftfy reads as cp1252 keeping the line's length.
_C1 = re.compile("[\x80-\x9f]")

#: Letters (of no modelled script) that a UTF-8 decode may make by chance: one multi-byte
#: sequence in a line of single-byte mojibake (``‚¥à`` -> ``ⴈ``, ``ë¨®`` -> ``먮``).
CHANCE_LETTERS = 2


def _weak_decode(judged: str) -> float | None:
    """The level a confident legacy repair must beat when ftfy's decode reads as weak
    evidence, or ``None`` when it reads as real text: a letter outside the alphabet of the
    language its words read as (``Indonesiƫ``, ``poloŝky``: the rest of a cp1257 or cp850
    page mixed up), letters below the level a repair must reach (words the decode left
    garbled: ``ÚͦÎÎÁ ÏÔÏÞÅÎÎÑ``), or at most :data:`CHANCE_LETTERS` letters or marks of
    no modelled script (any confident repair beats those; ``पाठ``, ``დილის`` stay). A
    decode that made no letter (``Â¯\\_(ツ)_/Â¯``'s ``¯``) is no evidence either way: it stands.

    >>> _weak_decode("ⴈ"), _weak_decode("늂͍"), _weak_decode("पाठ"), _weak_decode("")
    (-inf, -inf, None, None)
    >>> _weak_decode("Grüße aus München") is None
    True
    >>> _weak_decode("Indonesiƫ") < ORIGINAL_BAR, _weak_decode("è") is None
    (True, True)
    """
    judged_score = score(judged)
    if judged_score.lang is None:
        made = sum(1 for ch in judged if ch > "\x7f" and _READS[ch])
        return -math.inf if 0 < made <= CHANCE_LETTERS else None
    # (folded as the scorer folds: German "ß" is "ss" in the statistics)
    foreign = _foreign_letters(_fold_text(judged), judged_score.lang)
    weak = judged_score.logprob < MIN_LOGPROB or foreign
    return judged_score.logprob if weak else None
