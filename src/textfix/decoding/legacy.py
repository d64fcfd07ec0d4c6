"""Choosing a legacy (single-byte or CJK multibyte) encoding for bytes that are not UTF.

chardet 7 ranks every code page by byte statistics; it is strong on whole files and weak
on short inputs (a title, one line, a file name), where a few bytes fit many code pages.
textfix therefore decodes the bytes with each plausible candidate and asks the language
scorer (:mod:`textfix.scoring`) how much each decoded text looks like real writing, then
combines that with chardet's ranking and a prior that favours common code pages on ties.
"""

from __future__ import annotations

import importlib
import math
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from textfix.decoding.codec import strict_ok
from textfix.decoding.quality import (
    OTHER_LETTER,
    LanguageScore,
    dominant_script,
    quality_bound,
    text_quality,
)

#: How common each code page is on real files; a tie between decodings goes to the more
#: common one. Values are log-prior bonuses (0 = most common).
PRIOR: dict[str, float] = {
    **dict.fromkeys(
        ["cp1252", "cp1251", "cp1250", "gb18030", "shift_jis", "cp932", "euc_kr", "cp949"], 0.0
    ),
    **dict.fromkeys(
        ["big5", "euc_jp", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp874", "gbk"],
        -0.2,
    ),
    **dict.fromkeys(
        ["iso8859-1", "iso8859-2", "koi8-r", "iso8859-15", "iso8859-7", "iso8859-9", "cp950"],
        -0.4,
    ),
    **dict.fromkeys(
        ["koi8-u", "iso8859-5", "cp866", "iso8859-8", "iso8859-6", "iso8859-13", "tis-620"],
        -0.6,
    ),
    **dict.fromkeys(["mac-roman", "cp850", "cp437", "cp852", "cp1258", "big5hkscs"], -0.8),
}
#: Score of a code page not listed in PRIOR.
RARE_PRIOR = -1.2

#: Encodings never proposed: EBCDIC (its ASCII letters are not ASCII) and 7-bit escapes
#: (pure-ASCII input never reaches this module).
EXCLUDED = frozenset(
    (
        *("cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140", "hz", "utf-7"),
        *("iso2022_jp", "iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_ext", "iso2022_kr"),
    )
)

#: Relatives tried whenever an encoding is a candidate: chardet reports only one member of
#: some families (GB18030 for GBK and GB 2312, Big5-HKSCS for Big5, ...).
SIBLINGS: dict[str, tuple[str, ...]] = {
    "gb18030": ("gbk", "gb2312"),
    "big5hkscs": ("big5", "cp950"),
    "cp932": ("shift_jis",),
    "shift_jis_2004": ("shift_jis", "cp932"),
    "euc_jis_2004": ("euc_jp",),
    "euc_kr": ("cp949",),
    "cp949": ("euc_kr",),
    "mac-latin2": ("mac-croatian", "mac-romanian"),
    "cp1250": ("iso8859-16", "mac-latin2"),
    "iso8859-2": ("iso8859-16",),
    "iso8859-4": ("iso8859-10", "iso8859-13"),
    "iso8859-13": ("iso8859-10", "iso8859-4"),
    "cp1257": ("iso8859-13",),
}

#: Code pages always tried on short inputs, beside chardet's own candidates.
COMMON = tuple(enc for enc, bonus in PRIOR.items() if bonus >= -0.6)

#: Below this many non-ASCII bytes an input is "short": the language scorer decides.
SHORT_NON_ASCII = 400
#: Bytes of text handed to the scorer per candidate (enough to judge, cheap to score).
SCORE_SAMPLE = 1000


@dataclass(frozen=True)
class Choice:
    """The chosen legacy encoding and a confidence in [0, 1]."""

    encoding: str
    confidence: float


def chardet_ranking(data: bytes) -> list[tuple[str, float]]:
    """chardet 7's candidates for ``data`` as ``(canonical codec, confidence)``, best first.

    >>> chardet_ranking("Съешь же ещё этих мягких французских булок".encode("cp1251"))[0][0]
    'cp1251'
    """
    import chardet  # imported lazily: it loads its models on first use

    ranked: list[tuple[str, float]] = []
    for result in chardet.detect_all(data, ignore_threshold=True, compat_names=False):
        name = result.get("encoding")
        if name and name not in EXCLUDED and not name.startswith("utf"):
            ranked.append((_canonical(name), float(result.get("confidence") or 0.0)))
    return ranked


def _canonical(name: str) -> str:
    import codecs

    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


# -- the language scorer ---------------------------------------------------------------
_scorer_lock = threading.Lock()
_scorer_cache: list[LanguageScore | None] = []


def _load_scorer() -> LanguageScore | None:
    try:
        scoring: Any = importlib.import_module("textfix.scoring")
    except ImportError:
        return None
    score_fn: Any = getattr(scoring, "score", None)
    if score_fn is None:
        return None

    def language(text: str) -> tuple[float, int]:
        result = score_fn(text)
        if result.lang is None and result.letters:  # letters of a script it does not model
            return OTHER_LETTER, int(result.letters)
        return float(result.logprob), int(result.letters)

    return language


def language_scorer() -> LanguageScore | None:
    """The scorer, loaded once (thread-safely); None if textfix.scoring is not available."""
    with _scorer_lock:
        if not _scorer_cache:
            _scorer_cache.append(_load_scorer())
        return _scorer_cache[0]


# -- the choice -------------------------------------------------------------------------
#: Weight of chardet's (log) confidence on short and on long inputs: it grows with evidence.
CHARDET_WEIGHT_SHORT = 0.3
CHARDET_WEIGHT_LONG = 0.6
#: Weight of the commonness prior; bonus for the caller's hint.
PRIOR_WEIGHT = 0.2
HINT_BONUS = 2.0
#: Bonus for a reading in the script of the file's other (UTF-8) lines.
SCRIPT_BONUS = 1.0


def _non_ascii_sample(data: bytes, limit: int = SCORE_SAMPLE) -> bytes:
    """The lines of ``data`` that carry non-ASCII bytes, up to about ``limit`` bytes."""
    if len(data) <= limit:
        return data
    picked: list[bytes] = []
    size = 0
    for line in data.split(b"\n", 2000):
        if not line.isascii():
            picked.append(line[: limit * 2])
            size += len(line)
            if size >= limit:
                break
    return b"\n".join(picked) or data[:limit]


def _decodable(data: bytes, encodings: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for enc in encodings:
        if enc not in seen and enc not in EXCLUDED and strict_ok(data, enc):
            seen.append(enc)
    return seen


@dataclass(frozen=True)
class Candidate:
    """One way to read the bytes, with the evidence for it."""

    encoding: str
    text: str  # the decoded sample
    quality: float  # language plausibility of ``text`` (-inf: not worth scoring)
    detector: float  # chardet's confidence
    prior: float  # how common the code page is


Weights = tuple[float, float, float]


def _weights(short: bool, weights: Weights | None) -> tuple[float, float]:
    w_short, w_long, w_prior = weights or (
        CHARDET_WEIGHT_SHORT,
        CHARDET_WEIGHT_LONG,
        PRIOR_WEIGHT,
    )
    return (w_short if short else w_long), w_prior


def _evidence(detector: float, prior: float, w_detector: float, w_prior: float) -> float:
    return w_detector * math.log(detector + 1e-3) + w_prior * prior


def candidates(
    data: bytes,
    hint: str | None = None,
    weights: Weights | None = None,
    *,
    exhaustive: bool = False,
) -> tuple[list[Candidate], bool]:
    """Every plausible reading of ``data`` and whether the input counts as short.

    The language scorer is the costly part; a reading is scored only if an upper bound
    of its total (its symbols' cost, with every letter rated perfect) could still beat
    the best reading scored so far, unless ``exhaustive``.
    """
    ranked = chardet_ranking(data)
    detector = dict(ranked)
    non_ascii = len(data) - len(data.translate(None, bytes(range(0x80))))
    short = non_ascii < SHORT_NON_ASCII
    pool = [_canonical(hint)] if hint else []
    pool += [enc for enc, _ in (ranked if short else ranked[:12])] + (list(COMMON) if short else [])
    pool += [sibling for enc in pool for sibling in SIBLINGS.get(enc, ())]
    encodings = _decodable(data, pool)
    sample = _non_ascii_sample(data)
    language = language_scorer()
    w_detector, w_prior = _weights(short, weights)
    texts = {enc: sample.decode(enc, "replace") for enc in encodings}
    evidence = {
        enc: _evidence(detector.get(enc, 0.0), PRIOR.get(enc, RARE_PRIOR), w_detector, w_prior)
        for enc in encodings
    }
    bounds = {text: quality_bound(text) for text in set(texts.values())}
    bound = {enc: bounds[texts[enc]] + evidence[enc] for enc in encodings}
    quality: dict[str, float] = {}
    best = -math.inf
    for enc in sorted(encodings, key=bound.__getitem__, reverse=True):
        text = texts[enc]
        if text not in quality and (exhaustive or bound[enc] > best):
            quality[text] = text_quality(text, language) if language else 0.0
        best = max(best, quality.get(text, -math.inf) + evidence[enc])
    return [
        Candidate(
            enc,
            texts[enc],
            quality.get(texts[enc], -math.inf),
            detector.get(enc, 0.0),
            PRIOR.get(enc, RARE_PRIOR),
        )
        for enc in encodings
    ], short


def pick(
    cands: list[Candidate],
    short: bool,
    hint: str | None = None,
    weights: Weights | None = None,
    script: str | None = None,
) -> Choice:
    """The best candidate: language quality + chardet's say + commonness (+ the hint, + the
    script of the rest of the file when the caller knows it)."""
    w_detector, w_prior = _weights(short, weights)
    hinted = _canonical(hint) if hint else None
    scripts = {c.text: dominant_script(c.text) for c in cands} if script else {}

    def total(c: Candidate) -> float:
        bonus = HINT_BONUS if c.encoding == hinted else 0.0
        if script and scripts[c.text] == script:
            bonus += SCRIPT_BONUS
        return c.quality + _evidence(c.detector, c.prior, w_detector, w_prior) + bonus

    best = max(cands, key=total)
    rivals = [total(c) for c in cands if c.text != best.text and c.quality > -math.inf]
    margin = total(best) - max(rivals) if rivals else 2.0
    return Choice(best.encoding, round(max(0.05, min(0.99, 0.5 + margin / 4)), 3))


def choose_legacy(data: bytes, hint: str | None = None, script: str | None = None) -> Choice:
    """Pick the legacy encoding of ``data`` (non-ASCII, not UTF, not binary).

    ``script``: the writing system of the rest of the file, if known (the UTF-8 lines of a
    mixed file); readings in that script get a bonus.

    >>> choose_legacy("Пример текста на русском языке".encode("koi8-r")).encoding
    'koi8-r'
    >>> choose_legacy("Žluťoučký kůň".encode("cp1250")).encoding
    'cp1250'
    """
    cands, short = candidates(data, hint, exhaustive=bool(hint or script))
    if not cands:  # nothing decodes strictly: chardet's best, bad bytes get replaced
        ranked = chardet_ranking(data)
        return Choice(ranked[0][0] if ranked else "cp1252", 0.1)
    return pick(cands, short, hint, script=script)
