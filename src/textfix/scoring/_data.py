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


_lock = threading.Lock()
_cache: list[LangData] = []


def _read(name: str) -> bytes:
    return resources.files("textfix.scoring").joinpath("data").joinpath(name).read_bytes()


def _build() -> LangData:
    blob = json.loads(lzma.decompress(_read("langdata.json.xz")))
    models: dict[str, LangModel] = {}
    by_script: dict[str, list[LangModel]] = {}
    letter_mask: dict[str, int] = {}
    for index, (code, m) in enumerate(sorted(blob["langs"].items())):
        model = LangModel(
            code=code,
            index=index,
            script=m["script"],
            alphabet=frozenset(m["alphabet"]),
            bigrams={bg: q / 10.0 for bg, q in m["bigrams"].items()},
            floor=m["floor"] / 10.0,
        )
        models[code] = model
        by_script.setdefault(model.script, []).append(model)
        for ch in model.alphabet:
            letter_mask[ch] = letter_mask.get(ch, 0) | (1 << index)
    del blob  # free the parsed JSON before the word index is decoded
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
    )


def langdata() -> LangData:
    """The loaded statistics (loaded on first use, then shared)."""
    if not _cache:
        with _lock:
            if not _cache:
                _cache.append(_build())
    return _cache[0]
