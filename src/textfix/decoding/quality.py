"""How much a candidate decoding looks like real writing (higher is better, ~nats per letter).

Alphabetic scripts are rated by the language scorer (:func:`textfix.scoring.score`); the
characters it does not rate are rated here: symbols that mis-decodings produce (box drawing,
C1 controls, stray ``¤¦¨``) cost more than the typography of real text (``«»–—…€№``), and
CJK text is rated by how many of its characters are the common ones of the national
character sets (GB 2312 level 1, Big5 frequent, JIS level 1, KS X 1001 Hangul, kana), which a
wrong multibyte reading mostly misses.

Two pieces of evidence look at words rather than letters: a reading whose non-ASCII words
are known words (:func:`textfix.scoring.known_word`) gains, and a reading that puts a few
letters of a non-Latin script into Latin-script text (``Questo non и un indirizzo``) loses:
real text in Cyrillic, Greek, Arabic... is mostly written in that script.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator

#: Typography of real text: cheap when it stands where typography stands.
_TYPOGRAPHY = frozenset("«»„“”‘’‚–—…•·€£¥§°©®™№¶×÷±¡¿\u00a0")
#: Marks that may touch the start of a word (``«Слово``, ``„Wort``, ``¿Qué``) ...
_OPENING = frozenset("«„‚“‘¡¿")
#: ... or its end (``word»``, ``Wort“``, ``done…``, ``l’eau``).
_CLOSING = frozenset("»“”’…")
#: Marks that come in pairs, and Spanish inverted marks with their partners.
_PAIRED = frozenset("«»„“”‘’‚")
#: The partners a quotation mark may have (English, German, Polish, French conventions).
_PARTNERS = {
    "«": "»",
    "»": "«",
    "„": "“”",
    "“": "”„",
    "”": "“„",
    "‚": "‘’",
    "‘": "’‚",
    "’": "‘",
}
_INVERTED = {"¡": "!", "¿": "?"}
#: Letters (for Python) that real text hardly uses but mis-decodings produce.
_LETTER_LIKE = frozenset("ªºˆˇ˘˙˚˛˜˝ⁿ")
TYPOGRAPHY_COST = -1.0
SYMBOL_COST = -4.0
#: A symbol glued to a letter (``Eilpenna±``, ``€зтриване``, ``pru§anje``): mis-decoded letter.
GLUED_COST = -25.0
CONTROL_COST = -40.0
#: Best average log-probability per letter a text can plausibly get (for bounds).
LETTER_CEILING = -1.5
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LETTER = re.compile(r"[^\W\d_]")
#: CJK characters, per character.
CJK_COMMON = -7.0
CJK_KANA = -5.0
CJK_RARE = -14.0
#: The CJK punctuation of real text; the rest of U+3000-U+303F is rare.
_CJK_PUNCTUATION = frozenset("\u3000、。々〆〇〈〉《》「」『』【】〔〕〜")
#: A lone ASCII letter between two non-ASCII characters ("Cピaペ"): a wrong multibyte reading.
_SANDWICHED = re.compile(r"(?<=[^\x00-\x7f])[A-Za-z](?=[^\x00-\x7f])")
OTHER_LETTER = -6.0
#: Bonus when every non-ASCII word of 3+ letters is a known word (pro rata otherwise).
KNOWN_WORDS_BONUS = 1.5
#: Cost of a reading whose non-Latin words are fewer than half of its words (scaled by the
#: share of the other words).
MINOR_SCRIPT_COST = -0.5
_WORD = re.compile(r"[^\W\d_]+")
_CJK_RUN = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")

# (codec, lead bytes, trail bytes) whose characters are the frequent ones of each language.
_COMMON_BLOCKS: tuple[tuple[str, range, tuple[range, ...]], ...] = (
    ("gb2312", range(0xB0, 0xD8), (range(0xA1, 0xFF),)),  # GB 2312 level 1 hanzi
    ("big5", range(0xA4, 0xC7), (range(0x40, 0x7F), range(0xA1, 0xFF))),  # Big5 frequent
    ("shift_jis", range(0x88, 0x99), (range(0x40, 0x7F), range(0x80, 0xFD))),  # JIS level 1
    ("euc_kr", range(0xB0, 0xC9), (range(0xA1, 0xFF),)),  # KS X 1001 Hangul
)


def _pairs(codec: str, leads: range, trails: tuple[range, ...]) -> Iterator[str]:
    for lead in leads:
        for trail_range in trails:
            for trail in trail_range:
                ch = bytes((lead, trail)).decode(codec, "ignore")
                if len(ch) == 1:
                    yield ch


@functools.cache
def common_cjk() -> frozenset[str]:
    """The frequent CJK characters (built once from Python's codecs, about 14,000)."""
    return frozenset(ch for block in _COMMON_BLOCKS for ch in _pairs(*block))


def _is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return 0x3040 <= cp < 0x3100 or 0x3400 <= cp < 0xA000 or 0xAC00 <= cp < 0xD7A4


def _kana_or_punct(ch: str) -> bool:
    cp = ord(ch)
    return 0x3041 <= cp < 0x3100 or 0xFF01 <= cp < 0xFF5F or ch in _CJK_PUNCTUATION


def _symbol_cost(ch: str, before: str = " ", after: str = " ") -> float:
    """Cost of a non-letter, given the characters around it.

    >>> _symbol_cost("±", "a", " ") < _symbol_cost("«", " ", "С") == _symbol_cost("»", "о", " ")
    True
    """
    if "\x80" <= ch <= "\x9f" or unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs"):
        return CONTROL_COST
    glued_before = before.isalpha() and not (ch in _CLOSING or ch == "’")
    glued_after = after.isalpha() and ch not in _OPENING and ch != "’"
    if glued_before or glued_after:
        return GLUED_COST
    return TYPOGRAPHY_COST if ch in _TYPOGRAPHY else SYMBOL_COST


@functools.lru_cache(maxsize=8192)
def is_symbol(ch: str) -> bool:
    """Non-ASCII characters rated as symbols: not letters, or letter-like signs that
    mis-decodings produce (modifier letters ``ˆ ⁿ``, ordinals ``ª º``, ligatures ``ﬂ``).

    >>> [is_symbol(c) for c in "éˆﬂ±\u0301"]
    [False, True, True, True, False]
    """
    if ch.isalpha():
        return ch in _LETTER_LIKE or "\ufb00" <= ch <= "\ufb4f" or unicodedata.category(ch) == "Lm"
    return unicodedata.category(ch)[0] != "M"


def _symbols(text: str, chars: Counter[str] | None = None) -> list[float]:
    """Costs of the non-ASCII symbols of ``text`` (see :func:`is_symbol`); ``chars``: the
    census of its non-ASCII characters, if already made."""
    census = _census(text) if chars is None else chars
    costs = []
    for ch in census:
        if not is_symbol(ch):
            continue
        i = text.find(ch)
        while i >= 0:
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            cost = _symbol_cost(ch, before, after)
            if cost == TYPOGRAPHY_COST and _lone(ch, before, after, text):
                cost = SYMBOL_COST
            costs.append(cost)
            i = text.find(ch, i + 1)
    return costs


def _census(text: str) -> Counter[str]:
    """How often each non-ASCII character occurs (work is then done per distinct one)."""
    return Counter(_NON_ASCII.findall(text))


def _lone(ch: str, before: str, after: str, text: str) -> bool:
    """A quotation mark with no partner in the text (``” Carrghamhna``, ``Bell“``), or ``¡ ¿``
    with no ``! ?``: typography out of place, as mis-decoded letters are. An apostrophe
    (see :func:`_apostrophe`) needs no partner."""
    if ch in _INVERTED:
        return _INVERTED[ch] not in text
    if ch not in _PAIRED or (ch == "’" and _apostrophe(before, after)):
        return False
    return not any(partner in text for partner in _PARTNERS[ch]) and '"' not in text


def _apostrophe(before: str, after: str) -> bool:
    """``’`` between two letters (``l’eau``, ``пам’ять``) or beside an ASCII letter at a
    word's edge (Afrikaans ``’n``, ``goin’``); word-initial ``’`` before a Cyrillic letter
    is a mis-read letter (mac-cyrillic ``’рабрин`` for cp1251 ``Храбрин``).

    >>> _apostrophe("l", "e"), _apostrophe(" ", "n"), _apostrophe(" ", "р")
    (True, True, False)
    """
    if before.isalpha() and after.isalpha():
        return True
    return (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())


def _cjk_quality(text: str, chars: Counter[str]) -> float:
    """Per non-ASCII byte (two per CJK character in the legacy code pages)."""
    common = common_cjk()
    total = CJK_RARE * len(_SANDWICHED.findall(text))
    for ch, n in chars.items():
        if _kana_or_punct(ch):
            cost = CJK_KANA
        elif _is_cjk(ch):
            cost = CJK_COMMON if ch in common else CJK_RARE
        elif "\u3000" <= ch <= "\u303f":  # CJK signs real text hardly uses (〖 〓 〒)
            cost = CJK_RARE
        elif ch.isalpha():
            cost = OTHER_LETTER
        else:
            cost = _symbol_cost(ch)
        total += cost * n
    return total / (2 * sum(chars.values()))


def _cjk_count(chars: Counter[str]) -> int:
    return sum(n for ch, n in chars.items() if _is_cjk(ch))


LanguageScore = Callable[[str], tuple[float, int]]


def text_quality(text: str, language: LanguageScore) -> float:
    """Plausibility of ``text``; ``language(text)`` gives ``(logprob per letter, letters)``.

    >>> from textfix.scoring import score
    >>> lang = lambda t: (score(t).logprob, score(t).letters)
    >>> text_quality("Съешь же ещё", lang) > text_quality("яЗЕЬЭ ФЕ ЕЫ╦", lang)
    True
    >>> text_quality("今日は天気", lang) > text_quality("讀迴縺ｯ螟ｩ", lang)
    True
    >>> text_quality("Questo non è vero", lang) > text_quality("Questo non и vero", lang)
    True
    """
    chars = _census(text)
    if not chars:
        return 0.0
    n_non_ascii = sum(chars.values())
    cjk = _cjk_count(chars)
    if cjk >= 0.3 * n_non_ascii:
        return _cjk_quality(text, chars)
    symbols = _symbols(text, chars)
    penalty = sum(symbols) + CJK_RARE * cjk  # a few stray ideographs in alphabetic text
    logprob, letters = language(text)
    if not letters:  # no letter the scorer knows: rate the non-ASCII letters as foreign
        letters = sum(n for ch, n in chars.items() if not is_symbol(ch))
        logprob = OTHER_LETTER
    if not letters:
        return penalty / len(symbols) if symbols else 0.0
    return (logprob * letters + penalty) / (letters + len(symbols)) + word_evidence(text)


def word_evidence(text: str) -> float:
    """Word-level evidence, added to the per-letter quality: the share of non-ASCII words of
    3+ letters (shorter ones are known words by chance: ``ín``, ``sí``) that are known words,
    times :data:`KNOWN_WORDS_BONUS`; and :data:`MINOR_SCRIPT_COST` when non-Latin words are
    present but fewer than half. Only words standing between ASCII characters or spaces are
    rated: a non-ASCII sign beside a word may be one of its letters read wrong (``‘или`` is
    mac-cyrillic for cp1251 ``Фили``).

    >>> word_evidence("Dobry dzień w Krakowie") > word_evidence("Dobry dzieñ w Krakowie")
    True
    >>> word_evidence("Questo non и vero") < 0 == word_evidence("Questo non è vero") + 0
    True
    >>> word_evidence("‘или")
    0.0
    """
    words = Counter(_WORD.findall(text))
    total = sum(words.values())
    if not total:
        return 0.0
    try:
        from textfix.scoring import known_word, script_of
    except ImportError:  # pragma: no cover - the scorer ships with textfix
        return 0.0
    evidence = 0.0
    non_latin = sum(n for w, n in words.items() if _non_latin(w, script_of))
    if 0 < non_latin < total / 2:
        evidence += MINOR_SCRIPT_COST * (1 - non_latin / total)
    rated = Counter(
        m.group()
        for m in _WORD.finditer(text)
        if len(m.group()) >= 3 and not m.group().isascii() and _free_standing(text, m)
    )
    if rated:
        known = sum(n for w, n in rated.items() if known_word(w))
        evidence += KNOWN_WORDS_BONUS * known / sum(rated.values())
    return evidence


def _free_standing(text: str, match: re.Match[str]) -> bool:
    """The word has an ASCII character, a space or nothing on each side."""
    start, end = match.span()
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return (before < "\x80" or before.isspace()) and (after < "\x80" or after.isspace())


def _non_latin(word: str, script_of: Callable[[str], str]) -> bool:
    return any(ch > "\x7f" and script_of(ch) not in ("Latn", "Other") for ch in word)


def quality_bound(text: str) -> float:
    """An upper bound of :func:`text_quality`, cheap: the symbols' cost, letters rated at
    ``LETTER_CEILING`` (real text averages -2 to -3.5 nats per letter, never above -1.6),
    every non-ASCII word known.

    >>> quality_bound("Eilpenna± an") < quality_bound("Eilpennañ an")
    True
    """
    chars = _census(text)
    if not chars or _cjk_count(chars) >= 0.3 * sum(chars.values()):
        return 0.0
    symbols = _symbols(text, chars)
    signs = sum(n for ch, n in chars.items() if ch.isalpha() and is_symbol(ch))
    letters = len(_LETTER.findall(text)) - signs
    bound = (LETTER_CEILING * letters + sum(symbols)) / max(1, letters + len(symbols))
    return bound + KNOWN_WORDS_BONUS


def dominant_script(text: str) -> str | None:
    """The script of most of the non-ASCII letters (``Cyrl``, ``Grek``, ``Latn``, ``Other``...).

    >>> dominant_script("Блекпул, Lviv"), dominant_script("Αλεκοσλ"), dominant_script("abc")
    ('Cyrl', 'Grek', None)
    """
    try:
        from textfix.scoring import script_of
    except ImportError:  # pragma: no cover - the scorer ships with textfix
        return None
    counts: dict[str, int] = {}
    for ch in _NON_ASCII.findall(text):
        if ch.isalpha():
            name = script_of(ch)
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None
