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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from textfix.decoding.codec import strict_ok

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

#: Code pages always tried on short inputs, beside chardet's own candidates.
COMMON = tuple(enc for enc, bonus in PRIOR.items() if bonus >= -0.6)

#: Below this many non-ASCII bytes an input is "short": the language scorer decides.
SHORT_NON_ASCII = 400
#: Bytes of text handed to the scorer per candidate (enough to judge, cheap to score).
SCORE_SAMPLE = 2000


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
#: ``text -> average log-probability per character`` (higher = more like real writing),
#: or None when the scorer is not available.
Scorer = Callable[[str], float]
_scorer_lock = threading.Lock()
_scorer_cache: list[Scorer | None] = []


def _load_scorer() -> Scorer | None:
    try:
        scoring: Any = importlib.import_module("textfix.scoring")
    except ImportError:
        return None
    score_fn: Any = getattr(scoring, "score", None)
    if score_fn is None:
        return None

    def per_char(text: str) -> float:
        return float(score_fn(text).logprob)

    return per_char


def language_scorer() -> Scorer | None:
    """The scorer, loaded once (thread-safely); None if textfix.scoring is not available."""
    with _scorer_lock:
        if not _scorer_cache:
            _scorer_cache.append(_load_scorer())
        return _scorer_cache[0]


# -- the choice -------------------------------------------------------------------------
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


def choose_legacy(data: bytes, hint: str | None = None) -> Choice:
    """Pick the legacy encoding of ``data`` (non-ASCII, not UTF, not binary).

    >>> choose_legacy("Пример текста на русском языке, довольно длинный".encode("koi8-r")).encoding
    'koi8-r'
    """
    ranked = chardet_ranking(data)
    chardet_conf = dict(ranked)
    non_ascii = len(data) - len(data.translate(None, bytes(range(0x80))))
    short = non_ascii < SHORT_NON_ASCII
    pool = [enc for enc, _ in ranked[:8]]
    if hint:
        pool.insert(0, _canonical(hint))
    if short:
        pool += COMMON
    candidates = _decodable(data, pool)
    if not candidates:  # nothing decodes strictly: take chardet's best and replace the rest
        best = ranked[0][0] if ranked else "cp1252"
        return Choice(best, 0.1)
    scorer = language_scorer()
    if scorer is None or (len(candidates) == 1):
        enc = candidates[0]
        return Choice(enc, min(1.0, chardet_conf.get(enc, 0.3) + 0.3))
    sample = _non_ascii_sample(data)
    scores: dict[str, float] = {}
    texts: dict[str, str] = {}
    for enc in candidates:
        text = sample.decode(enc, "replace")
        # Identical text from several code pages: score once, the prior breaks the tie.
        lm = next((scores[e] for e, t in texts.items() if t == text), None)
        texts[enc] = text
        scores[enc] = scorer(text) if lm is None else lm
    weight = 0.15 if short else 0.6  # chardet's say grows with the evidence it saw

    def total(enc: str) -> float:
        bonus = PRIOR.get(enc, RARE_PRIOR) * 0.05
        hinted = 0.1 if hint and enc == _canonical(hint) else 0.0
        return (
            scores[enc]
            + weight * math.log(chardet_conf.get(enc, 0.0) + 1e-3) * 0.1
            + bonus
            + hinted
        )

    best = max(candidates, key=total)
    others = [total(e) for e in candidates if texts[e] != texts[best]]
    margin = total(best) - max(others) if others else 1.0
    return Choice(best, max(0.05, min(0.99, 0.5 + margin)))
