"""The compact word index: same masks as the plain dict it replaces, and a tiny miss rate."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textfix.scoring._data import langdata
from textfix.scoring._wordindex import WordIndex, encode, word_key
from textfix.scoring.model import word_langs

SAMPLE = Path(__file__).parent / "data" / "word_sample.tsv"


def _sample() -> list[tuple[str, list[str]]]:
    rows = []
    for line in SAMPLE.read_text(encoding="utf-8").split("\n"):
        if line:
            word, _, codes = line.partition("\t")
            rows.append((word, [] if codes == "-" else codes.split(" ")))
    return rows


def test_shipped_index_gives_the_dict_masks_for_sampled_words_and_misses() -> None:
    data = langdata()
    rows = _sample()
    # The dict the old loader built, for this subset: word -> OR of its languages' bits.
    expected = {w: sum(1 << data.models[c].index for c in codes) for w, codes in rows}
    assert sum(1 for m in expected.values() if m) >= 2000
    assert sum(1 for m in expected.values() if not m) >= 1000
    got = {w: data.word_mask.get(w, 0) for w in expected}
    assert got == expected
    assert all((w in data.word_mask) == bool(m) for w, m in expected.items())


def test_word_langs_reads_the_index_through_case_folding() -> None:
    # (a word whose capitals fold back: Turkish ı capitalises to I, which folds to i)
    word, codes = next(
        (w, c) for w, c in _sample() if len(c) == 1 and not w.isascii() and w.upper().lower() == w
    )
    mask = 1 << langdata().models[codes[0]].index
    assert word_langs(word) == mask
    assert word_langs(word.upper()) == mask


def test_shipped_masks_name_only_modelled_languages() -> None:
    data = langdata()
    every = (1 << len(data.models)) - 1
    masks = data.word_mask._masks
    assert all(m > 0 and m & ~every == 0 for m in masks)
    assert len(data.word_mask) > 100_000


_words = st.text(min_size=0, max_size=12)


@given(st.dictionaries(_words, st.integers(1, 2**63 - 1), max_size=60), st.lists(_words))
def test_round_trip_keeps_every_mask_and_misses_the_rest(
    table: dict[str, int], probes: list[str]
) -> None:
    index = WordIndex.decode(encode(table))
    assert len(index) == len(table)
    for word, mask in table.items():
        assert index.get(word) == mask
        assert word in index
    for word in probes:
        if word not in table:
            # A 40-bit key collision would need ~1e12 probes to show up here.
            assert index.get(word, -1) == -1
            assert word not in index


def test_lookups_never_raise_on_odd_strings() -> None:
    index = WordIndex.decode(encode({"ok": 1}))
    for odd in ("", "\ud800", "\x00", "a" * 100_000, "🙂", "\U0010ffff"):
        assert index.get(odd, 7) == 7
    assert 5 not in index  # non-strings are simply absent


def test_encode_refuses_shared_keys() -> None:
    words = [f"w{i}" for i in range(3000)]  # ~34 expected shared 17-bit keys
    with pytest.raises(ValueError, match="share"):
        encode(dict.fromkeys(words, 1), bits=17)


def test_miss_rate_matches_words_over_key_space() -> None:
    """A non-word is taken for a word with probability n / 2**bits: checked at 20 bits, where
    it is measurable (5000 words: 0.48%); at the shipped 40 bits it is ~7e-7."""
    rng = random.Random(3)
    bits, table, keys = 20, {}, set()
    while len(table) < 5000:
        word = "".join(rng.choices("abcdefghijklmnop", k=8))
        key = word_key(word, bits)
        if key not in keys:
            keys.add(key)
            table[word] = 1
    index = WordIndex.decode(encode(table, bits=bits))
    probes = ["".join(rng.choices("qrstuvwxyz", k=8)) for _ in range(20_000)]
    hits = sum(1 for p in probes if p in index)
    expected = len(probes) * len(table) / 2**bits  # ~95
    assert expected / 2 < hits < expected * 2
