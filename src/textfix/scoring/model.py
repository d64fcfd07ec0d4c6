"""How plausible a string is as text in some language.

The score combines per-language letter-bigram statistics with penalties for things
that real text rarely does and mojibake often does: letters outside every alphabet,
words that mix scripts, capitals inside lower-case words, and symbols glued inside words.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from functools import cache, lru_cache, partial, reduce
from itertools import repeat
from operator import add, and_
from typing import TYPE_CHECKING, NamedTuple

from textfix._native import load
from textfix.scoring._data import FIELD_BITS, FOREIGN_LETTER, LangData, LangModel, langdata
from textfix.scoring._wordindex import WordIndex

if TYPE_CHECKING:
    from textfix.scoring import _cscore

#: Letter runs: letters plus the combining marks of the scripts we model (Thai vowels,
#: Hebrew points, Arabic harakat, Latin accents).
_MARKS = (
    # Every combining mark of the BMP (categories Mn, Mc, Me; Unicode 15 as in Python 3.11):
    # vowel signs and points are parts of words, never symbols.
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1-\u05c2\u05c4-\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7-\u06e8\u06ea-\u06ed"
    "\u0711\u0730-\u074a\u07a6-\u07b0\u07eb-\u07f3\u07fd\u0816-\u0819\u081b-\u0823"
    "\u0825-\u0827\u0829-\u082d\u0859-\u085b\u0898-\u089f\u08ca-\u08e1\u08e3-\u0903"
    "\u093a-\u093c\u093e-\u094f\u0951-\u0957\u0962-\u0963\u0981-\u0983\u09bc\u09be-\u09c4"
    "\u09c7-\u09c8\u09cb-\u09cd\u09d7\u09e2-\u09e3\u09fe\u0a01-\u0a03\u0a3c\u0a3e-\u0a42"
    "\u0a47-\u0a48\u0a4b-\u0a4d\u0a51\u0a70-\u0a71\u0a75\u0a81-\u0a83\u0abc\u0abe-\u0ac5"
    "\u0ac7-\u0ac9\u0acb-\u0acd\u0ae2-\u0ae3\u0afa-\u0aff\u0b01-\u0b03\u0b3c\u0b3e-\u0b44"
    "\u0b47-\u0b48\u0b4b-\u0b4d\u0b55-\u0b57\u0b62-\u0b63\u0b82\u0bbe-\u0bc2\u0bc6-\u0bc8"
    "\u0bca-\u0bcd\u0bd7\u0c00-\u0c04\u0c3c\u0c3e-\u0c44\u0c46-\u0c48\u0c4a-\u0c4d"
    "\u0c55-\u0c56\u0c62-\u0c63\u0c81-\u0c83\u0cbc\u0cbe-\u0cc4\u0cc6-\u0cc8\u0cca-\u0ccd"
    "\u0cd5-\u0cd6\u0ce2-\u0ce3\u0d00-\u0d03\u0d3b-\u0d3c\u0d3e-\u0d44\u0d46-\u0d48"
    "\u0d4a-\u0d4d\u0d57\u0d62-\u0d63\u0d81-\u0d83\u0dca\u0dcf-\u0dd4\u0dd6\u0dd8-\u0ddf"
    "\u0df2-\u0df3\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd"
    "\u0f18-\u0f19\u0f35\u0f37\u0f39\u0f3e-\u0f3f\u0f71-\u0f84\u0f86-\u0f87\u0f8d-\u0f97"
    "\u0f99-\u0fbc\u0fc6\u102b-\u103e\u1056-\u1059\u105e-\u1060\u1062-\u1064\u1067-\u106d"
    "\u1071-\u1074\u1082-\u108d\u108f\u109a-\u109d\u135d-\u135f\u1712-\u1715\u1732-\u1734"
    "\u1752-\u1753\u1772-\u1773\u17b4-\u17d3\u17dd\u180b-\u180d\u180f\u1885-\u1886\u18a9"
    "\u1920-\u192b\u1930-\u193b\u1a17-\u1a1b\u1a55-\u1a5e\u1a60-\u1a7c\u1a7f\u1ab0-\u1ace"
    "\u1b00-\u1b04\u1b34-\u1b44\u1b6b-\u1b73\u1b80-\u1b82\u1ba1-\u1bad\u1be6-\u1bf3"
    "\u1c24-\u1c37\u1cd0-\u1cd2\u1cd4-\u1ce8\u1ced\u1cf4\u1cf7-\u1cf9\u1dc0-\u1dff"
    "\u20d0-\u20f0\u2cef-\u2cf1\u2d7f\u2de0-\u2dff\u302a-\u302f\u3099-\u309a\ua66f-\ua672"
    "\ua674-\ua67d\ua69e-\ua69f\ua6f0-\ua6f1\ua802\ua806\ua80b\ua823-\ua827\ua82c"
    "\ua880-\ua881\ua8b4-\ua8c5\ua8e0-\ua8f1\ua8ff\ua926-\ua92d\ua947-\ua953\ua980-\ua983"
    "\ua9b3-\ua9c0\ua9e5\uaa29-\uaa36\uaa43\uaa4c-\uaa4d\uaa7b-\uaa7d\uaab0\uaab2-\uaab4"
    "\uaab7-\uaab8\uaabe-\uaabf\uaac1\uaaeb-\uaaef\uaaf5-\uaaf6\uabe3-\uabea\uabec-\uabed"
    "\ufb1e\ufe00-\ufe0f\ufe20-\ufe2f"
)
_NOT_LETTERS = "\u02b0-\u02ff\u207f\u2071\u00aa\u00ba"
TOKEN_RE = re.compile(rf"(?:[^\W\d_{_NOT_LETTERS}]|[{_MARKS}])+")
#: Spacing accents that code pages hold (mac-roman, cp1250, cp1252: ˆ ˇ ˘ ˙ ˚ ˛ ˜ ˝) and no
#: orthography writes between letters; Unicode files ˆ and ˇ as modifier *letters*, but
#: "Syˆtteit‰" is Finnish shown as mac-roman. (ʻ, ʼ, ː stay letters: Hawaiʻi.)
_SPACING_ACCENTS = "\u02c6\u02c7\u02d8-\u02dd"
#: A letter (the context the shape patterns look for around a symbol).
_LETTER = r"[^\W\d_]"
#: Superscript letters and digits: cp437 shows ``ü`` as ``ⁿ`` and ``ı`` as ``²`` ("Tⁿrgi"
#: is Turkish "Türgi"); real text writes them after a word or a number ("xⁿ", "m²"), not
#: between letters. (Not ``¹ ³``: UTF-8 shown as cp1252 puts them between letters, "Ð¹" is
#: "й", and leaves such lines to the UTF-8 chains; not subscripts: no code page holds them
#: and formulas write them between capitals, "H₂SO₄".)
_SUPERSCRIPTS = "\u00b2\u2070\u2071\u2074-\u2079\u207f"
#: A non-ASCII symbol with a letter on both sides ("óêðà¿íñü", "Ð¾Ð", "rekisterˆity").
_GLUED = rf"[^\w\s{_MARKS}\x00-\x7f\u05be\u2010\u2011]|[\xa0{_SPACING_ACCENTS}{_SUPERSCRIPTS}]"
_GLUED_RE = re.compile(rf"(?<={_LETTER})(?:{_GLUED})(?={_LETTER})")
#: Signs a DOS or Baltic page makes of letters (cp775's "ä ö" are cp1252's "„ ”"): a run of
#: two or more of them between a letter and a small letter ("v„„rtused" is "väärtused") is
#: glued too, once per run. No clean line of the dev, Django, Sphinx or Debian prose sets
#: has one (a lone sign there may follow a placeholder: "“%(value)s”uru").
_RUN_SIGNS = "„”“‚‹›»•¿"
_GLUED_RUN_RE = re.compile(rf"(?<={_LETTER})[{_RUN_SIGNS}]{{2,}}({_LETTER})")

#: Punctuation real text puts next to words; other non-ASCII symbols touching a letter
#: ("dzie§", "│adny") are suspect.
_EDGE_PUNCT = "¿¡«»„“”‘’‚‹›…–—°ºª·•€£¥©®™‰′″№"
_TOUCHING = rf"[^\w\s{_MARKS}\x00-\x7f{_EDGE_PUNCT}]"
_TOUCHING_RE = re.compile(rf"(?<={_LETTER}){_TOUCHING}|{_TOUCHING}(?={_LETTER})")
_NON_ASCII_RE = re.compile(r"[^\s\x00-\x7f]")
_COMMON_SYMBOL_RE = re.compile("[\u00a0«»„“”‘’–—…€°©®™№·•¿¡]")
#: Symbols that real prose hardly ever contains: box drawing, blocks, geometric shapes,
#: C1 controls, and the odd Latin-1 signs mojibake scatters around.
_RARE_SYMBOL_RE = re.compile(
    r"[\x80-\x9f\u2500-\u25ff\u2320\u2321\u00a4\u00a6\u00ac\u00af\u00b8\u2219\u221a\u2248]"
)
#: Symbols that only mojibake puts right before a small letter ("³adny", "¹wiat"), and
#: signs no Cyrillic text glues to the start of a word, where mac-cyrillic's capitals stand
#: in cp1251 ("€справни" is "Исправни"; Latin "€uro" is a pun, not mojibake).
#: (Ordinal indicators too: real text writes them after a number or an abbreviation, "1º",
#: "nº"; iso8859-10's "š" and "Š" shown as latin-1, "Tºiili", "ªveitsi", or cp852's "ž"
#: shown as cp437, "Juºni", put them before small letters, as no clean line of the dev,
#: Debian prose, CLDR, hunspell, Faker or wheel sets does but one that is mojibake itself;
#: so do iso8859-4's "Š" and "Ž" shown as "©" and "®": "©veitsi", "®emyna".)
_LEADING = (
    r"[\u00b2\u00b3\u00b9\u00bc-\u00be\u00a6\u00a4\u00a8\u00af\u00b4\u00b8\u00ac"
    r"\u00aa\u00ba\u00a9\u00ae]"
)
_LEADING_NEXT = r"[a-z\u00df-\u00ff]"
_LEADING_SIGN = "[€†‡‰™]"
_LEADING_CYRILLIC = "[а-яёђ-џ]"
_LEADING_RE = re.compile(
    rf"{_LEADING}(?={_LEADING_NEXT})|(?<!{_LETTER}){_LEADING_SIGN}(?={_LEADING_CYRILLIC})"
)

_SCRIPT_RANGES = (
    (0x0370, 0x03FF, "Grek"),
    (0x1F00, 0x1FFF, "Grek"),
    (0x0400, 0x052F, "Cyrl"),
    (0x0590, 0x05FF, "Hebr"),
    (0x0600, 0x06FF, "Arab"),
    (0x0750, 0x077F, "Arab"),
    (0xFB50, 0xFDFF, "Arab"),
    (0xFE70, 0xFEFF, "Arab"),
    (0x0E00, 0x0E7F, "Thai"),
)
_LATIN_END = 0x024F
_EXTENDED_LATIN = (0x1E00, 0x1EFF)
#: A letter or mark of a script :func:`script_of` calls ``Other``: without one, no token is.
_OTHER_RE = re.compile(
    rf"(?=[^\W\d_]|[{_MARKS}])[^\x00-\u024f\u1e00-\u1eff"
    + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi, _name in _SCRIPT_RANGES)
    + "]"
)

# Penalties, in nats per occurrence, added to the text's total before averaging.
ODD_CASE = -4.0
GLUED_SYMBOL = -8.0
TOUCHING_SYMBOL = -5.0
COMMON_SYMBOL = -3.0
NO_LETTERS = -10.0
OTHER_SYMBOL = -6.0
RARE_SYMBOL = -6.0
LEADING_SYMBOL = -8.0
MIXED_SCRIPT_WORD = -10.0

#: ``plausibility`` is a logistic curve of ``logprob`` centred here (nats per letter).
PLAUSIBLE_MID = -3.6
PLAUSIBLE_SLOPE = 3.0


#: Latin combining accents. Text written in cp1258 carries most Vietnamese tones as these
#: ("tro\u0323ng"), while the letter statistics and word lists hold composed letters
#: ("trọng"): such text is read in its composed form (keep in step with ``_cscore.c``).
_LATIN_MARK_RE = re.compile("[\u0300-\u036f]")


def _composed_py(text: str) -> str:
    """:func:`composed` in pure Python (the reference of the compiled ``_cscore.composed``,
    which reads a one-byte string, below U+0100, as having no accent without a look).

    >>> _composed_py("tro\u0323ng"), _composed_py("Straße"), composed("tro\u0323ng")
    ('trọng', 'Straße', 'trọng')
    """
    if _LATIN_MARK_RE.search(text) is None:
        return text
    return unicodedata.normalize("NFC", text)


# The compiled scorer (:mod:`textfix.scoring._cscore`): the same functions in C, fed the
# tables below and every character's properties as this module sees them.
_CSCORE = load("textfix.scoring._cscore")

#: ``text`` as the scorer reads it: NFC when it has a Latin combining accent, else ``text``
#: itself (the compiled scan where there is one: no Python frame, no search).
composed: Callable[[str], str] = _composed_py if _CSCORE is None else _CSCORE.composed


class TextScore(NamedTuple):
    """How plausible a text is.

    ``lang``: best-fitting language code, or ``None`` when the text has no letters or
    no modelled script. ``logprob``: average log-probability per letter (nats, penalties
    included) under that language; clean text is typically above -3, mojibake below -4.5.
    ``plausibility``: ``logprob`` mapped through a logistic curve to [0, 1]; above 0.5
    reads as real text. ``letters``: how many letters were scored.
    """

    lang: str | None
    logprob: float
    plausibility: float
    letters: int


@lru_cache(maxsize=4096)
def script_of(ch: str) -> str:
    """Script of one character: ``Latn``, ``Cyrl``, ``Grek``, ``Hebr``, ``Arab``, ``Thai``,
    or ``Other`` for everything we do not model (CJK, Indic, symbols...).

    >>> script_of("é"), script_of("ж"), script_of("中")
    ('Latn', 'Cyrl', 'Other')
    """
    o = ord(ch)
    if o <= _LATIN_END or _EXTENDED_LATIN[0] <= o <= _EXTENDED_LATIN[1]:
        return "Latn"
    for lo, hi, name in _SCRIPT_RANGES:
        if lo <= o <= hi:
            return name
    return "Other"


def plausibility(logprob: float) -> float:
    """:attr:`TextScore.plausibility` of a log-probability per letter.

    >>> plausibility(PLAUSIBLE_MID)
    0.5
    """
    return 1.0 / (1.0 + math.exp(-PLAUSIBLE_SLOPE * (logprob - PLAUSIBLE_MID)))


def odd_case(word: str) -> int:
    """Capitals right after a small letter inside a word ("dzieÑ", "оПХБЕР").

    >>> odd_case("dzieÑ"), odd_case("Привет"), odd_case("McDonald"), odd_case("NATO")
    (1, 0, 1, 0)
    """
    tail = word[1:]
    if tail.lower() == tail or word.isupper():
        return 0
    return sum(1 for a, b in zip(word, tail, strict=False) if a.islower() and b.isupper())


def glued_count(text: str) -> int:
    """Symbols glued inside words: each of :data:`_GLUED_RE`, and each run of
    :data:`_RUN_SIGNS` before a small letter (:func:`glued_runs`).

    >>> glued_count("m„rgendeid v„„rtused"), glued_count("a „„b“ c” d"), glued_count("A„„B")
    (2, 0, 0)
    """
    return len(_GLUED_RE.findall(text)) + sum(map(str.islower, _GLUED_RUN_RE.findall(text)))


def glued_runs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each run of two or more of :data:`_RUN_SIGNS` between a letter
    and a small letter.

    >>> glued_runs("v„„rtused, A„„B")
    [(1, 3)]
    """
    return [(m.start(), m.start(1)) for m in _GLUED_RUN_RE.finditer(text) if m[1].islower()]


def _symbols(text: str, non_ascii_letters: int) -> tuple[float, int]:
    """Cost of the non-ASCII non-letters in ``text`` (digits of other scripts included), and
    how many there are: real text's non-ASCII characters are nearly all letters; mojibake
    strews symbols around."""
    common = len(_COMMON_SYMBOL_RE.findall(text))
    other = len(_NON_ASCII_RE.findall(text)) - non_ascii_letters - common
    return COMMON_SYMBOL * common + OTHER_SYMBOL * other, common + other


def _penalties(text: str) -> float:
    total = ODD_CASE * sum(map(odd_case, TOKEN_RE.findall(text)))
    total += GLUED_SYMBOL * glued_count(text)
    total += LEADING_SYMBOL * len(_LEADING_RE.findall(text))
    total += TOUCHING_SYMBOL * len(_TOUCHING_RE.findall(text))
    total += RARE_SYMBOL * len(_RARE_SYMBOL_RE.findall(text))
    return total


def _mixed_scripts(tokens: list[str]) -> float:
    total = 0.0
    for tok in tokens:
        if not tok.isascii() and len(set(map(_ALPHA_SCRIPT.__getitem__, tok)) - {""}) > 1:
            total += MIXED_SCRIPT_WORD
    return total


class _AlphaScriptTable(dict[str, str]):
    """Character -> its script (:func:`script_of`) if it is alphabetic, else ``""``; filled
    on first sight, so :func:`_mixed_scripts` finds a word's scripts in C."""

    def __missing__(self, ch: str) -> str:
        value = script_of(ch) if ch.isalpha() else ""
        if len(self) < CHAR_TABLE_SIZE:  # bounded: text may hold any of Unicode
            self[ch] = value
        return value


_ALPHA_SCRIPT = _AlphaScriptTable()


def _candidates(data: LangData, letters: set[str], lang: str | None) -> list[LangModel]:
    """Languages worth scoring: the requested one, else those of the dominant script whose
    alphabets hold every non-ASCII letter of the text (or, failing that, the most of them)."""
    if lang is not None:
        model = data.models.get(_model_code(lang))
        if model is not None:
            return [model]
    scripts: Counter[str] = Counter(map(script_of, letters))
    # Ties go to the script first in _SCRIPTS (Latin first): Counter.most_common would take
    # the first in the set's order, which string hashing changes from run to run.
    script = min(scripts, key=lambda s: (-scripts[s], _SCRIPTS.index(s))) if scripts else "Latn"
    pool = data.by_script.get(script, ())
    if not pool:
        return []
    pool_mask = data.pool_mask[script]
    both = reduce(and_, map(data.letter_mask.get, letters, repeat(0)), pool_mask)
    if both:
        return _models_in(both)
    # No language has them all: keep those that miss the fewest. How many of the letters
    # each language has, for all languages at once: one byte per language, summed packed.
    if len(letters) > _COVER_FIELD:
        return _most_covering(data, letters, pool, pool_mask)
    packed = sum(map(_LETTER_SPREAD.__getitem__, letters))
    cover = [packed >> (8 * m.index) & _COVER_FIELD for m in pool]
    best = max(cover)
    return [m for m, n in zip(pool, cover, strict=True) if n >= best - 1]


def _most_covering(
    data: LangData, letters: set[str], pool: tuple[LangModel, ...], pool_mask: int
) -> list[LangModel]:
    """The languages of ``pool`` whose alphabets miss the fewest of ``letters`` (one more
    allowed), counted letter by letter."""
    masks = [data.letter_mask.get(ch, 0) & pool_mask for ch in letters]
    cover: Counter[int] = Counter()
    for x in masks:
        while x:
            low = x & -x
            cover[low] += 1
            x ^= low
    best = max(cover.get(1 << m.index, 0) for m in pool)
    return [m for m in pool if cover.get(1 << m.index, 0) >= best - 1]


#: Most characters a per-character table (filled on first sight) keeps.
CHAR_TABLE_SIZE = 1 << 16

#: A language's count of letters in a packed cover sum: one byte (letters sets larger than
#: this are counted one by one).
_COVER_FIELD = 0xFF


class _LetterSpread(dict[str, int]):
    """Letter -> one ``1`` byte at ``8 * index`` of every language whose alphabet has it, so
    that summing letters' spreads counts, per language, the letters it has. Filled on first
    sight of a letter (a table of the data, like ``letter_mask``)."""

    def __missing__(self, ch: str) -> int:
        mask = langdata().letter_mask.get(ch, 0)
        value = 0
        while mask:
            low = mask & -mask
            value |= 1 << (8 * (low.bit_length() - 1))
            mask ^= low
        if len(self) < CHAR_TABLE_SIZE:  # bounded: text may hold any of Unicode
            self[ch] = value
        return value


_LETTER_SPREAD = _LetterSpread()


def _models_in(mask: int) -> list[LangModel]:
    """The models of the languages in ``mask``, in index order (the order of ``by_script``)."""
    by_index = _models_by_index()
    out = []
    while mask:
        low = mask & -mask
        out.append(by_index[low.bit_length() - 1])
        mask ^= low
    return out


@cache
def _models_by_index() -> tuple[LangModel, ...]:
    return tuple(sorted(langdata().models.values(), key=lambda m: m.index))


def _logprob(model: LangModel, bigrams: list[str], letters: Counter[str]) -> float:
    total = sum(map(model.bigrams.get, bigrams, repeat(model.floor)))
    foreign = sum(map(letters.__getitem__, letters.keys() - model.alphabet))
    return float(total) + FOREIGN_LETTER * foreign


def _fold(text: str) -> str:
    """Lower-case the way the word lists were built (wordfreq case-folds: ß -> ss, final
    sigma -> sigma)."""
    return text.lower().replace("ς", "σ").replace("ß", "ss")


def _fold_text(text: str) -> str:
    """:func:`_fold` for the letter statistics, with Turkish İ lowered to i as wordfreq
    does: ``str.lower`` gives i plus a combining dot, which splits the word into a letter
    run and a mark the scorer cannot read ("İçindekiler" scored as no letters at all).
    Word lookups keep plain :func:`_fold`, in step with the skeleton filter of
    :mod:`textfix.repair.reach` (wordfreq lists such words as "içindekiler").

    >>> _fold_text("İçindekiler"), _fold_text("Straße")
    ('içindekiler', 'strasse')
    """
    return _fold(text.replace("İ", "i"))


def _token_script(token: str) -> str:
    if token.isascii():
        return "Latn"
    for ch in token:
        if ch > "\x7f":
            return script_of(ch)
    return "Latn"


def _bigrams(tokens: list[str]) -> list[str]:
    joined = " " + " ".join(tokens) + " "
    # Bigrams of the padded, space-joined tokens: the same as padding each token.
    return list(map(add, joined, joined[1:]))


def _non_ascii(text: str) -> int:
    """Characters of ``text`` outside ASCII."""
    return len(text) - len(text.encode("ascii", "ignore"))


NARROW = True


def _by_known_words(data: LangData, tokens: list[str], models: list[LangModel]) -> list[LangModel]:
    """Narrow the languages to those whose word lists know every known word of the text
    (a cheap, strong language signal); unchanged when no language knows them all."""
    words = data.word_mask
    both = -1
    for tok in tokens:
        mask = words.get(tok, 0)
        if mask:
            both &= mask
    if both == -1 or both == 0:
        return models
    narrowed = [m for m in models if both >> m.index & 1]
    return narrowed or models


def _best(
    data: LangData, tokens: list[str], lang: str | None
) -> tuple[float, str | None, int, int]:
    """Best language for tokens of one script: (total log-prob, language, bigrams, letters)."""
    bigrams = _bigrams(tokens)
    letters = Counter("".join(tokens))
    non_ascii = {ch for ch in letters if ch > "\x7f"}
    models = _candidates(data, non_ascii, lang)
    if not models:
        return 0.0, None, 0, 0
    if NARROW and len(models) > 1:
        models = _by_known_words(data, tokens, models)
    total, code = _max_logprob(data, models, bigrams, letters)
    return total, code, len(bigrams), sum(letters.values())


#: :data:`FOREIGN_LETTER` as a cost in the shipped integer unit (tenths of a nat).
_FOREIGN_COST = round(-10 * FOREIGN_LETTER)
_FIELD = (1 << FIELD_BITS) - 1
#: One packed sum costs about what summing this many languages one by one does.
PACKED_FROM = 5


@lru_cache(maxsize=256)
def _shared_alphabet(mask: int) -> frozenset[str]:
    """Letters in the alphabet of every language of ``mask`` (a table, not per input)."""
    return frozenset.intersection(*(m.alphabet for m in _models_in(mask)))


def _max_logprob(
    data: LangData, models: list[LangModel], bigrams: list[str], letters: Counter[str]
) -> tuple[float, str]:
    """``max((_logprob(m, bigrams, letters), m.code) for m in models)`` for models of one
    script, found with one packed sum (every language's exact integer cost at once) rather
    than one sum per language; the winner's value is then summed as :func:`_logprob` sums it
    (bit for bit), and exact ties are settled by that same rule."""
    packed = data.packed.get(models[0].script)
    if len(models) < PACKED_FROM or packed is None or len(bigrams) > packed.limit:
        return max((_logprob(m, bigrams, letters), m.code) for m in models)
    acc = len(bigrams) * packed.base + sum(map(packed.delta.get, bigrams, repeat(0)))
    costs = [(acc >> (FIELD_BITS * m.slot)) & _FIELD for m in models]
    # Letters outside a language's alphabet (rare: the pool mostly holds every letter).
    odd = letters.keys() - _shared_alphabet(sum(1 << m.index for m in models))
    if odd:
        letter_mask = data.letter_mask
        for i, m in enumerate(models):
            bit = 1 << m.index
            costs[i] += _FOREIGN_COST * sum(
                letters[ch] for ch in odd if not letter_mask.get(ch, 0) & bit
            )
    least = min(costs)
    tied = [m for m, cost in zip(models, costs, strict=True) if cost == least]
    return max((_logprob(m, bigrams, letters), m.code) for m in tied)


@lru_cache(maxsize=4096)
def score(text: str, lang: str | None = None) -> TextScore:
    """Rate how plausible ``text`` is as written language.

    Words of each script are scored under the best language of that script (a Russian
    sentence quoting an English name is not penalised for the Latin letters); ``lang`` is
    the language of the script with the most letters.

    >>> score("Цей текст також доступний українською").plausibility > 0.9
    True
    >>> score("Öåé òåêñò òàêîæ äîñòóïíèé óêðà¿íñüêîþ").plausibility < 0.1
    True
    >>> score("Fußnoten").plausibility > 0.5, score("1234 !?").lang
    (True, None)
    """
    tables = _compiled()
    if tables is not None and lang is None and NARROW:
        made: TextScore = tables.text_score(text)  # (composed there)
        return made
    text = composed(text)
    if tables is not None and lang is not None:
        # (the language asked for is the only one scored: _candidates, so NARROW is moot)
        model = langdata().models.get(_model_code(lang))
        if model is not None:
            code, lp, letters = tables.score_in(text, model.index)
            return TextScore(code, lp, plausibility(lp), letters)
    return _score(text, lang)


def _model_code(lang: str) -> str:
    """The code of the model :func:`score` reads for the language ``lang`` asks for."""
    return lang.lower().split("-")[0].split("_")[0]


def _score(text: str, lang: str | None = None) -> TextScore:
    """:func:`score` in pure Python (the reference of the compiled scorer)."""
    tokens = TOKEN_RE.findall(_fold_text(text))
    groups: dict[str, list[str]] = {}
    for tok in tokens:
        groups.setdefault(_token_script(tok), []).append(tok)
    groups.pop("Other", None)
    if not groups:
        # No letters we model: judge the symbols alone (box drawing is not text).
        lp = RARE_SYMBOL if _RARE_SYMBOL_RE.search(text) else 0.0
        return TextScore(None, lp, plausibility(lp), 0)
    data = langdata()
    total = 0.0
    n_bigrams = n_letters = non_ascii = 0
    best_lang: str | None = None
    most = -1
    for toks in groups.values():
        lp, code, nb, nl = _best(data, toks, lang if len(groups) == 1 else None)
        total += lp
        n_bigrams += nb
        n_letters += nl
        non_ascii += _non_ascii("".join(toks))
        if nl > most and code is not None:
            most, best_lang = nl, code
    cost, count = _symbols(text, non_ascii)
    lp = (total + cost + _penalties(text) + _mixed_scripts(tokens)) / max(1, n_bigrams + count)
    return TextScore(best_lang, lp, plausibility(lp), n_letters)


@lru_cache(maxsize=4096)  # the engine, its cheap proofs and its gates ask it of one core
def mojibake_shape(text: str) -> bool:
    """True when ``text`` has a shape real text almost never has: a symbol glued to or
    inside a word (:func:`glued_count`), a word mixing scripts, a capital right after a
    small letter, a C1 control or box drawing.

    >>> mojibake_shape("³adny"), mojibake_shape("Camн"), mojibake_shape("Atgrieþamais")
    (True, True, False)
    """
    tables = _compiled()
    if tables is not None:
        found = tables.shape(text, _lowered_scripts())  # (all of the below in one call)
        if found is not None:
            return found
    return _mojibake_shape_py(text)


def _mojibake_shape_py(text: str) -> bool:
    """:func:`mojibake_shape` in pure Python (the reference of ``Tables.shape``)."""
    if (
        _GLUED_RE.search(text)
        or _LEADING_RE.search(text)
        or _TOUCHING_RE.search(text)
        or _RARE_SYMBOL_RE.search(text)
        or any(map(str.islower, _GLUED_RUN_RE.findall(text)))
    ):
        return True
    tokens = TOKEN_RE.findall(text)
    return any(map(odd_case, tokens)) or bool(_mixed_scripts([t.lower() for t in tokens]))


@cache
def _lowered_scripts() -> bytes:
    """Per BMP character, a bit per script (:func:`script_of`) of the letters of its lower
    case: what :func:`_mixed_scripts` reads of a lower-cased word, character by character
    (a lower case never depends on its neighbours' scripts), for ``Tables.shape``."""
    bits: dict[str, int] = {}
    table = bytearray(0x10000)
    find_script = script_of.__wrapped__  # (every letter once: no need of the cache)
    for code in range(0x10000):
        ch = chr(code)
        low = ch.lower()
        if low == ch and not ch.isalpha():
            continue
        for letter in low:
            if letter.isalpha():
                table[code] |= 1 << bits.setdefault(find_script(letter), len(bits))
    if len(bits) > 8:  # pragma: no cover - script_of knows seven scripts
        raise ValueError("too many scripts for one byte")
    return bytes(table)


def well_formed(text: str) -> bool:
    """True when ``text`` has none of mojibake's shapes: no symbol glued to or inside a word,
    no word mixing scripts, no capital after a small letter, no C1 control or box drawing,
    and one language's alphabet holds all its non-ASCII letters. Such text may still be
    mojibake (Cyrillic shown as Cyrillic), but changing it needs word-level evidence.

    >>> well_formed("Dit fjild kin net leech wêze."), well_formed("Ðåäàêòèðîâàíèå")
    (True, False)
    >>> well_formed("³adny dzieñ"), well_formed("Kuþ uçtu"), well_formed("Tiê\u0301ng Viê\u0323t")
    (False, False, True)
    """
    if mojibake_shape(text):
        return False
    tables = _compiled()
    if tables is not None:
        return tables.one_alphabet(text)
    return _one_alphabet_py(text)


def _one_alphabet_py(text: str) -> bool:
    """One language's alphabet holds every non-ASCII letter of ``text`` (composed, folded),
    the second half of :func:`well_formed` in pure Python (the reference of
    ``Tables.one_alphabet``).

    >>> _one_alphabet_py("Kuþ uçtu"), _one_alphabet_py("Tiê\u0301ng Viê\u0323t")
    (False, True)
    """
    tokens = TOKEN_RE.findall(composed(text))  # (decomposed accents are letters' parts)
    mask = -1
    letter_mask = langdata().letter_mask
    for ch in {c for t in tokens for c in _fold_text(t) if c > "\x7f"}:
        mask &= letter_mask.get(ch, 0)
    return mask != 0


def quick_logprob(text: str) -> float:
    """Cheap, optimistic plausibility: average bigram log-probability under the best language
    *for each bigram*, with the symbol costs of :func:`score` (its rarer shape penalties
    are left to the full score). For shortlisting candidates before the full score.

    >>> quick_logprob("Привет") > quick_logprob("ОПХБЕР")
    True
    """
    return _quick(text)[0]


def logprob_bound(text: str) -> float:
    """An upper bound of ``score(text).logprob`` (``math.inf`` when there is none this cheap),
    at a fraction of the cost of :func:`score`: the full score can be skipped for a candidate
    whose bound is already beaten.

    :func:`score` averages, over the bigrams and the symbol count :func:`quick_logprob` uses,
    a language's bigram log-probabilities (at most the best any language gives each bigram,
    or the highest floor) plus penalties that are all negative. That holds when every group
    of words gets a language, i.e. when each of their non-ASCII characters is of a script with
    models (combining marks, CJK... make no bound).

    >>> all(logprob_bound(t) >= score(t).logprob for t in ("Привет", "ÐŸÑ€Ð¸", "Kuþ uçtu"))
    True
    """
    _quick_value, joined, cost, count = _quick(text)
    tables = _compiled()
    if tables is not None:
        bound = tables.bound(joined, cost, count)
        if bound is not None:
            return bound
    return _bound(joined, cost, count)


def _bound(joined: str, cost: float, count: int) -> float:
    """:func:`logprob_bound` from :func:`_quick`'s padded tokens and symbol cost and count,
    in pure Python (the reference of the compiled scorer)."""
    data = langdata()
    if not joined or not {script_of(c) for c in set(joined) if c > "\x7f"} <= data.by_script.keys():
        return math.inf
    top = _top_floor()
    upper = sum(map(_pooled_top().get, map(add, joined, joined[1:]), repeat(top)))
    return (upper + cost) / (len(joined) - 1 + count)


@lru_cache(maxsize=4096)
def _quick(text: str) -> tuple[float, str, float, int]:
    """:func:`quick_logprob` of ``text``, with what :func:`logprob_bound` needs: the padded
    tokens it scored ("" if none), their symbol cost and the symbol count."""
    tables = _compiled()
    if tables is not None:
        found = tables.quick(text)
        if found is not None:
            return found
    return _quick_py(text)


def _quick_py(text: str) -> tuple[float, str, float, int]:
    """:func:`_quick` in pure Python (the reference of the compiled scorer)."""
    text = composed(text)
    folded = _fold_text(text)
    every = TOKEN_RE.findall(folded)
    # Scripts we do not model are neutral, as in :func:`score` (most texts have none).
    tokens = every
    if _OTHER_RE.search(folded):
        tokens = [t for t in every if _token_script(t) != "Other"]
    if not tokens:
        # Symbols alone: nothing a reader could read.
        return (0.0 if every or not _NON_ASCII_RE.search(text) else NO_LETTERS), "", 0.0, 0
    data = langdata()
    joined = " " + " ".join(tokens) + " "
    total = sum(map(data.pooled.get, map(add, joined, joined[1:]), repeat(data.pooled_floor)))
    cost, count = _symbols(text, _non_ascii(joined))
    cost += GLUED_SYMBOL * glued_count(text)
    return (float(total) + cost) / (len(joined) - 1 + count), joined, cost, count


@cache
def _pooled_top() -> dict[str, float]:
    """``max(pooled[bg], _top_floor())`` for every pooled bigram (the bound's table)."""
    top = _top_floor()
    return {bg: max(lp, top) for bg, lp in langdata().pooled.items()}


@cache
def _top_floor() -> float:
    """The highest floor (log-probability of an unseen bigram) of any language."""
    return max(m.floor for m in langdata().models.values())


def word_langs(word: str) -> int:
    """Bit mask of the languages whose shipped word list contains ``word`` (composed as
    :func:`composed` reads it, case-folded).

    >>> word_langs("Текст") == word_langs("текст") != 0, word_langs("xqzv")
    (True, 0)
    """
    return _word_lookup()(word)


def word_lookup() -> Callable[[str], int]:
    """:func:`word_langs` without its Python frame: the compiled lookup when there is one
    (the compiled candidate pool then reads the word index in place).

    >>> word_lookup()("Текст") == word_langs("Текст")
    True
    """
    return _word_lookup()


@cache  # (the language data loads lazily: on first use)
def _word_lookup() -> Callable[[str], int]:
    """:func:`word_langs`'s lookup for the shipped word lists."""
    return _word_langs_of(langdata().word_mask)


def _word_langs_of(index: WordIndex | Mapping[str, int]) -> Callable[[str], int]:
    """:func:`word_langs` for ``index``: its compiled fold-and-lookup when it has one."""
    langs = index.compiled_langs() if isinstance(index, WordIndex) else None
    if langs is not None:
        return langs
    return lambda word: index.get(_fold(composed(word)), 0)


def word_band(word: str, lang: str | int | None) -> int:
    """How common ``word`` (composed and case-folded, as :func:`word_langs` reads it) is in
    ``lang`` (a code or a model index): 0-3, from wordfreq's Zipf frequency (3: 5 and up,
    about a language's 200 commonest words; 2: from 4; 1: from 3; 0: rarer, not a listed
    word of ``lang``, or a language whose list has no frequencies: hunspell, CLDR).

    >>> word_band("više", "sh"), word_band("viče", "sh"), word_band("Više", "sh")
    (3, 1, 3)
    >>> word_band("više", "pl"), word_band("xqzv", "sh"), word_band("više", None)
    (0, 0, 0)
    """
    if isinstance(lang, str):
        model = langdata().models.get(lang)
        index = -1 if model is None else model.index
    else:
        index = -1 if lang is None else lang
    if not 0 <= index < 64:
        return 0
    return _word_band_lookup()(word, index)


@cache  # (the language data loads lazily: on first use)
def _word_band_lookup() -> Callable[[str, int], int]:
    """:func:`word_band`'s lookup by model index: the compiled one when there is one."""
    index = langdata().word_mask
    compiled = index.compiled_band()
    if compiled is not None:
        return compiled
    return lambda word, i: index.band(_fold(composed(word)), i)


def line_votes(prose: str, vote_letters: int) -> tuple[str | None, int, int] | None:
    """:func:`textfix.repair.line_language.line_language`'s count by the compiled scorer:
    over the words of ``prose`` (placeholders blanked), the language most words of
    ``vote_letters`` letters or more are known words of, its votes and the runner-up's;
    ``None`` for pure Python.

    >>> line_votes("juos saugioje vietoje", 3) in (None, ("lt", 3, 0))
    True
    """
    tables = _compiled()
    if tables is None:
        return None
    index, top, second = tables.line_votes(prose, _word_lookup(), vote_letters)
    return (None, 0, 0) if index < 0 else (_models_by_index()[index].code, top, second)


@cache  # (the language data and the compiled tables load lazily: on first use)
def compiled_line_language(
    vote_letters: int,
) -> Callable[[str], tuple[str | None, int, int] | None]:
    """``line`` -> :func:`line_votes` of ``line`` with ``vote_letters``, in one compiled call
    (``_cscore.language_votes``), where ``line`` is its own prose (no ``%``, ``{``, ``<``,
    ``&`` nor ``://``: nothing ``line_language.prose`` blanks), else ``None``; ``None`` for
    every line in pure Python.

    >>> compiled_line_language(3)("juos saugioje vietoje") in (None, ("lt", 3, 0))
    True
    >>> compiled_line_language(3)("<b>juos</b> saugioje vietoje") is None
    True
    """
    tables = _compiled()
    if tables is None or _CSCORE is None:
        return lambda line: None
    return partial(_CSCORE.language_votes, tables, _word_lookup(), vote_letters)


def lead_votes(
    text: str, edge: str, max_langs: int, vote_letters: int
) -> tuple[str | None, int, int] | None:
    """:func:`line_votes` over the words of ``text`` (``str.split``) stripped of ``edge``'s
    characters, kept when made of letters alone (``str.isalpha``) and known words of at most
    ``max_langs`` languages, joined by spaces (``textfix.repair.legacy._lead_index``'s
    count, in one compiled call); ``None`` for pure Python.

    >>> lead_votes("¹as dejanja", "", 3, 3) in (None, ("sl", 1, 0))
    True
    """
    tables = _compiled()
    if tables is None:
        return None
    index, top, second = tables.lead_votes(text, _word_lookup(), edge, max_langs, vote_letters)
    return (None, 0, 0) if index < 0 else (_models_by_index()[index].code, top, second)


def known_word(word: str, lang: str | None = None) -> bool:
    """Whether ``word`` is a known word (of ``lang``, or of any modelled language).

    Only words with a non-ASCII letter are listed: they are the ones a mis-decoding
    can change. ASCII words count as known.

    >>> known_word("dzień", "pl"), known_word("dzieñ", "pl"), known_word("Kuş", "tr")
    (True, False, True)
    """
    if word.isascii():
        return True
    mask = word_langs(word)
    if lang is None:
        return mask != 0
    model = langdata().models.get(lang.lower())
    return model is not None and bool(mask >> model.index & 1)


def lang_codes(mask: int) -> list[str]:
    """Language codes in a bit mask from :func:`word_langs`.

    >>> "uk" in lang_codes(word_langs("українською"))
    True
    """
    return [code for code, m in langdata().models.items() if mask >> m.index & 1]


#: Scripts as the compiled scorer numbers them (``Other``, the unmodelled, last).
_SCRIPTS = ("Latn", "Cyrl", "Grek", "Hebr", "Arab", "Thai", "Other")


def _fullmatch(pattern: str) -> Callable[[str], object]:
    return re.compile(f"(?:{pattern})").fullmatch


#: ``(flag, test)`` of one character, the bits the compiled scorer reads (keep in step with
#: ``_cscore.c``): the character classes of the patterns above (their look-arounds are
#: checked there) and the ``str`` methods :func:`odd_case` and :func:`_mixed_scripts` use.
_CHAR_TESTS: tuple[tuple[int, Callable[[str], object]], ...] = (
    (1 << 1, TOKEN_RE.fullmatch),
    (1 << 2, _fullmatch(_LETTER)),
    (1 << 3, _OTHER_RE.fullmatch),
    (1 << 4, _NON_ASCII_RE.fullmatch),
    (1 << 5, _COMMON_SYMBOL_RE.fullmatch),
    (1 << 6, _fullmatch(_GLUED)),
    (1 << 7, _fullmatch(_TOUCHING)),
    (1 << 8, _RARE_SYMBOL_RE.fullmatch),
    (1 << 9, _fullmatch(_LEADING)),
    (1 << 10, _fullmatch(_LEADING_NEXT)),
    (1 << 11, str.islower),
    (1 << 12, str.isupper),
    (1 << 13, str.istitle),
    (1 << 14, str.isalpha),
    (1 << 15, lambda ch: ch.lower() != ch),
    (1 << 16, _fullmatch(_LEADING_SIGN)),
    (1 << 17, _fullmatch(_LEADING_CYRILLIC)),
    (1 << 18, _fullmatch(f"[{_RUN_SIGNS}]")),
)


def _char_info(ch: str) -> tuple[int, int, int, str]:
    """One character as the compiled scorer sees it: flags (:data:`_CHAR_TESTS`), script
    number (:data:`_SCRIPTS`), the languages whose alphabet has it, and its
    :func:`_fold_text` (folding is character by character: the final sigma is folded away).

    >>> _char_info("Ж")[1:]
    (1, 0, 'ж')
    """
    flags = sum(bit for bit, test in _CHAR_TESTS if test(ch))
    letters = langdata().letter_mask.get(ch, 0)
    return flags, _SCRIPTS.index(script_of(ch)), letters, _fold_text(ch)


@cache
def _compiled() -> _cscore.Tables | None:
    """The compiled scorer's tables (built once), or ``None`` for pure Python."""
    data = langdata()
    # (the compiled lookup itself where there is one: the scorer reads its index in place)
    word_get = data.word_mask.compiled_get() if isinstance(data.word_mask, WordIndex) else None
    return _compiled_tables(word_get or data.word_mask.get)


def _compiled_tables(word_get: Callable[[str], int]) -> _cscore.Tables | None:
    """New compiled tables of the scorer that look words up through ``word_get`` (the
    word index's ``get``), or ``None`` for pure Python."""
    if _CSCORE is None:
        return None
    data = langdata()
    by_index = _models_by_index()
    if any(m.script not in _SCRIPTS for m in by_index) or len(by_index) > 64:
        return None  # a script or a language count the compiled tables do not number
    models = [(m.code, _SCRIPTS.index(m.script), m.floor, m.bigrams) for m in by_index]
    limits = tuple(data.packed[s].limit if s in data.packed else -1 for s in _SCRIPTS)
    made = (TextScore, plausibility, PLAUSIBLE_SLOPE, PLAUSIBLE_MID)  # (score's TextScores)
    tables: _cscore.Tables = _CSCORE.Tables(
        _char_info, word_get, models, data.pooled, data.pooled_floor, _top_floor(), limits, made
    )
    return tables
