"""Lazy, thread-safe loading of the shipped language statistics.

The files in ``data/`` are made by ``tools/build_langdata.py``; nothing is read until the
first call that needs them, so ``import textfix`` stays fast.
"""

from __future__ import annotations

import json
import lzma
import threading
from dataclasses import dataclass
from importlib import resources

from ._wordindex import WordIndex

#: Log-probability (nats) charged for a letter outside a language's alphabet.
FOREIGN_LETTER = -9.0


@dataclass(frozen=True)
class LangModel:
    """Letter-bigram statistics of one language."""

    code: str
    index: int
    script: str
    alphabet: frozenset[str]
    bigrams: dict[str, float]
    floor: float
    #: position among its script's models (its field in :class:`Packed` sums)
    slot: int


#: Bits per language in a :class:`Packed` sum: a field holds the cost of up to
#: ``2**FIELD_BITS // (10 * -floor)`` bigrams (1.6 million); longer texts are summed per model.
FIELD_BITS = 34


@dataclass(frozen=True)
class Packed:
    """Every language of one script scored by ONE sum: the integer costs (tenths of a nat,
    ``-10 * log-probability``, as shipped) of a bigram under each language, packed side by
    side in one Python int, ``FIELD_BITS`` bits per language at its ``slot``. Summing the
    packed values of a text's bigrams sums every language's cost at once, exactly.

    ``delta`` holds each bigram's cost minus the language's floor cost (unseen bigrams are
    absent: delta 0); the total of ``n`` bigrams is ``n * base + sum(deltas)``.
    """

    delta: dict[str, int]
    base: int
    #: models in slot order
    models: tuple[LangModel, ...]
    #: bigrams a sum may hold before a field could overflow
    limit: int


@dataclass(frozen=True)
class LangData:
    """Everything the scorer needs, built once."""

    models: dict[str, LangModel]
    by_script: dict[str, tuple[LangModel, ...]]
    #: letter -> bit mask of the languages whose alphabet has it
    letter_mask: dict[str, int]
    #: lower-cased word -> bit mask of the languages whose word list has it (``.get``, ``in``)
    word_mask: WordIndex
    #: script -> bit mask of its languages
    pool_mask: dict[str, int]
    #: bigram -> best log-probability any language gives it (an optimistic, language-free
    #: model for cheap first-pass ranking)
    pooled: dict[str, float]
    pooled_floor: float
    #: script -> its languages' bigram costs packed for one-sum scoring
    packed: dict[str, Packed]


_lock = threading.Lock()
_cache: list[LangData] = []


def _read(name: str) -> bytes:
    return resources.files("textfix.scoring").joinpath("data").joinpath(name).read_bytes()


def _build() -> LangData:
    blob = json.loads(lzma.decompress(_read("langdata.json.xz")))
    models: dict[str, LangModel] = {}
    by_script: dict[str, list[LangModel]] = {}
    letter_mask: dict[str, int] = {}
    costs: list[tuple[LangModel, dict[str, int], int]] = []
    for index, (code, m) in enumerate(sorted(blob["langs"].items())):
        peers = by_script.setdefault(m["script"], [])
        model = LangModel(
            code=code,
            index=index,
            script=m["script"],
            alphabet=frozenset(m["alphabet"]),
            bigrams={bg: q / 10.0 for bg, q in m["bigrams"].items()},
            floor=m["floor"] / 10.0,
            slot=len(peers),
        )
        models[code] = model
        peers.append(model)
        costs.append((model, {bg: -q for bg, q in m["bigrams"].items()}, -m["floor"]))
        for ch in model.alphabet:
            letter_mask[ch] = letter_mask.get(ch, 0) | (1 << index)
    packed = _pack(costs, by_script)
    del blob, costs  # free the parsed JSON before the word index is decoded
    # Masks use the same bit per language as ``models`` (codes in sorted order).
    word_mask = WordIndex.decode(_read("words.idx"))
    pooled: dict[str, float] = {}
    for model in models.values():
        for bg, lp in model.bigrams.items():
            if lp > pooled.get(bg, -1e9):
                pooled[bg] = lp
    return LangData(
        models=models,
        by_script={s: tuple(ms) for s, ms in by_script.items()},
        letter_mask=letter_mask,
        word_mask=word_mask,
        pooled=pooled,
        pooled_floor=min(m.floor for m in models.values()),
        pool_mask={s: sum(1 << m.index for m in ms) for s, ms in by_script.items()},
        packed=packed,
    )


def _pack(
    costs: list[tuple[LangModel, dict[str, int], int]], by_script: dict[str, list[LangModel]]
) -> dict[str, Packed]:
    """The :class:`Packed` sums of every script (integer costs as shipped, so exact)."""
    deltas: dict[str, dict[str, int]] = {s: {} for s in by_script}
    bases = dict.fromkeys(by_script, 0)
    worst = 1
    for model, bigram_costs, floor_cost in costs:
        shift = FIELD_BITS * model.slot
        delta = deltas[model.script]
        bases[model.script] += floor_cost << shift
        worst = max(worst, floor_cost, *bigram_costs.values())
        for bg, cost in bigram_costs.items():
            delta[bg] = delta.get(bg, 0) + ((cost - floor_cost) << shift)
    limit = ((1 << FIELD_BITS) - 1) // worst
    return {s: Packed(deltas[s], bases[s], tuple(by_script[s]), limit) for s in by_script}


def langdata() -> LangData:
    """The loaded statistics (loaded on first use, then shared)."""
    if not _cache:
        with _lock:
            if not _cache:
                _cache.append(_build())
    return _cache[0]
