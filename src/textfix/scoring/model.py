"""How plausible a string is as text in some language.

The score combines per-language letter-bigram statistics with penalties for things
that real text rarely does and mojibake often does: letters outside every alphabet,
words that mix scripts, capitals inside lower-case words, and symbols glued inside words.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import repeat
from typing import NamedTuple

from textfix.scoring._data import FOREIGN_LETTER, LangData, LangModel, langdata

#: Letter runs: letters plus the combining marks of the scripts we model (Thai vowels,
#: Hebrew points, Arabic harakat, Latin accents).
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
    # Whole blocks of scripts we do not model but must not call symbols (Indic, Tibetan,
    # Myanmar, Khmer vowel signs are combining marks), and kana voicing marks.
    "\u0900-\u0dff\u0f00-\u109f\u1780-\u17ff\u3099\u309a"
)
_NOT_LETTERS = "\u02b0-\u02ff\u207f\u2071\u00aa\u00ba"
TOKEN_RE = re.compile(rf"(?:[^\W\d_{_NOT_LETTERS}]|[{_MARKS}])+")
#: A non-ASCII symbol with a letter on both sides ("óêðà¿íñü", "Ð¾Ð").
_GLUED_RE = re.compile(rf"(?<=[^\W\d_])(?:[^\w\s{_MARKS}\x00-\x7f]|\xa0)(?=[^\W\d_])")
#: Punctuation real text puts next to words; other non-ASCII symbols touching a letter
#: ("dzie§", "│adny") are suspect.
_EDGE_PUNCT = "¿¡«»„“”‘’‚‹›…–—°ºª·•€£¥©®™‰′″№"
_TOUCHING_RE = re.compile(
    rf"(?<=[^\W\d_])[^\w\s{_MARKS}\x00-\x7f{_EDGE_PUNCT}]"
    rf"|[^\w\s{_MARKS}\x00-\x7f{_EDGE_PUNCT}](?=[^\W\d_])"
)
_NON_ASCII_RE = re.compile(r"[^\s\x00-\x7f]")
_COMMON_SYMBOL_RE = re.compile("[\u00a0«»„“”‘’–—…€°©®™№·•¿¡]")
#: Symbols that real prose hardly ever contains: box drawing, blocks, geometric shapes,
#: C1 controls, and the odd Latin-1 signs mojibake scatters around.
_RARE_SYMBOL_RE = re.compile(
    r"[\x80-\x9f\u2500-\u25ff\u2320\u2321\u00a4\u00a6\u00ac\u00af\u00b8\u2219\u221a\u2248]"
)
#: Symbols that only mojibake puts right before a small letter ("³adny", "¹wiat").
_LEADING_RE = re.compile(
    r"[\u00b2\u00b3\u00b9\u00bc-\u00be\u00a6\u00a4\u00a8\u00af\u00b4\u00b8\u00ac](?=[a-z\u00df-\u00ff])"
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


def _plausibility(logprob: float) -> float:
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


def _symbols(text: str, non_ascii_letters: int) -> tuple[float, int]:
    """Cost of the non-ASCII non-letters in ``text`` (digits of other scripts included), and
    how many there are: real text's non-ASCII characters are nearly all letters; mojibake
    strews symbols around."""
    common = len(_COMMON_SYMBOL_RE.findall(text))
    other = len(_NON_ASCII_RE.findall(text)) - non_ascii_letters - common
    return COMMON_SYMBOL * common + OTHER_SYMBOL * other, common + other


def _penalties(text: str) -> float:
    total = ODD_CASE * sum(map(odd_case, TOKEN_RE.findall(text)))
    total += GLUED_SYMBOL * len(_GLUED_RE.findall(text))
    total += LEADING_SYMBOL * len(_LEADING_RE.findall(text))
    total += TOUCHING_SYMBOL * len(_TOUCHING_RE.findall(text))
    total += RARE_SYMBOL * len(_RARE_SYMBOL_RE.findall(text))
    return total


def _mixed_scripts(tokens: list[str]) -> float:
    total = 0.0
    for tok in tokens:
        if not tok.isascii():
            scripts = {script_of(c) for c in tok if c.isalpha()}
            if len(scripts) > 1:
                total += MIXED_SCRIPT_WORD
    return total


def _candidates(data: LangData, letters: set[str], lang: str | None) -> list[LangModel]:
    """Languages worth scoring: the requested one, else those of the dominant script whose
    alphabets hold every non-ASCII letter of the text (or, failing that, the most of them)."""
    if lang is not None:
        model = data.models.get(lang.lower().split("-")[0].split("_")[0])
        if model is not None:
            return [model]
    scripts: Counter[str] = Counter(script_of(ch) for ch in letters)
    script = scripts.most_common(1)[0][0] if scripts else "Latn"
    pool = data.by_script.get(script, ())
    if not pool:
        return []
    pool_mask = data.pool_mask[script]
    masks = [data.letter_mask.get(ch, 0) & pool_mask for ch in letters]
    both = pool_mask
    for m in masks:
        both &= m
    if both:
        return [m for m in pool if both >> m.index & 1]
    # No language has them all: keep those that miss the fewest.
    cover = {m.index: sum(x >> m.index & 1 for x in masks) for m in pool}
    best = max(cover.values())
    return [m for m in pool if cover[m.index] >= best - 1]


def _logprob(model: LangModel, bigrams: list[str], letters: Counter[str]) -> float:
    total = sum(map(model.bigrams.get, bigrams, repeat(model.floor)))
    foreign = sum(letters[ch] for ch in letters.keys() - model.alphabet)
    return float(total) + FOREIGN_LETTER * foreign


def _fold(text: str) -> str:
    """Lower-case the way the word lists were built (wordfreq case-folds: ß -> ss, final
    sigma -> sigma)."""
    return text.lower().replace("ς", "σ").replace("ß", "ss")


def _token_script(token: str) -> str:
    for ch in token:
        if ch > "\x7f":
            return script_of(ch)
    return "Latn"


def _bigrams(tokens: list[str]) -> list[str]:
    joined = " " + " ".join(tokens) + " "
    # Bigrams of the padded, space-joined tokens: the same as padding each token.
    return [joined[i : i + 2] for i in range(len(joined) - 1)]


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
    total, code = max((_logprob(m, bigrams, letters), m.code) for m in models)
    return total, code, len(bigrams), sum(letters.values())


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
    tokens = TOKEN_RE.findall(_fold(text))
    groups: dict[str, list[str]] = {}
    for tok in tokens:
        groups.setdefault(_token_script(tok), []).append(tok)
    groups.pop("Other", None)
    if not groups:
        # No letters we model: judge the symbols alone (box drawing is not text).
        lp = RARE_SYMBOL if _RARE_SYMBOL_RE.search(text) else 0.0
        return TextScore(None, lp, _plausibility(lp), 0)
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
        non_ascii += sum(1 for t in toks for ch in t if ch > "\x7f")
        if nl > most and code is not None:
            most, best_lang = nl, code
    cost, count = _symbols(text, non_ascii)
    lp = (total + cost + _penalties(text) + _mixed_scripts(tokens)) / max(1, n_bigrams + count)
    return TextScore(best_lang, lp, _plausibility(lp), n_letters)


def mojibake_shape(text: str) -> bool:
    """True when ``text`` has a shape real text almost never has: a symbol glued to or
    inside a word, a word mixing scripts, a capital right after a small letter, a C1
    control or box drawing.

    >>> mojibake_shape("³adny"), mojibake_shape("Camн"), mojibake_shape("Atgrieþamais")
    (True, True, False)
    """
    if (
        _GLUED_RE.search(text)
        or _LEADING_RE.search(text)
        or _TOUCHING_RE.search(text)
        or _RARE_SYMBOL_RE.search(text)
    ):
        return True
    tokens = TOKEN_RE.findall(text)
    return any(map(odd_case, tokens)) or bool(_mixed_scripts([t.lower() for t in tokens]))


def well_formed(text: str) -> bool:
    """True when ``text`` has none of mojibake's shapes: no symbol glued to or inside a word,
    no word mixing scripts, no capital after a small letter, no C1 control or box drawing,
    and one language's alphabet holds all its non-ASCII letters. Such text may still be
    mojibake (Cyrillic shown as Cyrillic), but changing it needs word-level evidence.

    >>> well_formed("Dit fjild kin net leech wêze."), well_formed("Ðåäàêòèðîâàíèå")
    (True, False)
    >>> well_formed("³adny dzieñ"), well_formed("Kuþ uçtu")
    (False, False)
    """
    if mojibake_shape(text):
        return False
    tokens = TOKEN_RE.findall(text)
    mask = -1
    letter_mask = langdata().letter_mask
    for ch in {c for t in tokens for c in _fold(t) if c > "\x7f"}:
        mask &= letter_mask.get(ch, 0)
    return mask != 0


def quick_logprob(text: str) -> float:
    """Cheap, optimistic plausibility: average bigram log-probability under the best language
    *for each bigram*, with the symbol costs of :func:`score` (its rarer shape penalties
    are left to the full score). For shortlisting candidates before the full score.

    >>> quick_logprob("Привет") > quick_logprob("ОПХБЕР")
    True
    """
    tokens = TOKEN_RE.findall(_fold(text))
    if not tokens:
        # Symbols alone: nothing a reader could read.
        return NO_LETTERS if _NON_ASCII_RE.search(text) else 0.0
    data = langdata()
    joined = " " + " ".join(tokens) + " "
    bigrams = [joined[i : i + 2] for i in range(len(joined) - 1)]
    total = sum(map(data.pooled.get, bigrams, repeat(data.pooled_floor)))
    non_ascii = sum(1 for ch in joined if ch > "\x7f")
    cost, count = _symbols(text, non_ascii)
    cost += GLUED_SYMBOL * len(_GLUED_RE.findall(text))
    return (float(total) + cost) / (len(bigrams) + count)


def word_langs(word: str) -> int:
    """Bit mask of the languages whose shipped word list contains ``word`` (case-folded)."""
    return langdata().word_mask.get(_fold(word), 0)


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
