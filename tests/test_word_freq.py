"""Word frequency bands: the word index carries, per word and language, how common the word
is there (``scoring.word_band``, 0-3 from wordfreq's Zipf frequency), through its file
format, and the compiled lookup answers as the pure-Python one (real words, hypothesis text
with lone surrogates, NUL, astral characters, huge words; skipped when not built)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.realdata import non_ascii_lines

from textfix.scoring import word_band, word_langs
from textfix.scoring._data import langdata
from textfix.scoring._wordindex import MAX_BAND, WordIndex, band_of, bands_value, encode
from textfix.scoring.model import TOKEN_RE, _fold, composed

INDEX = langdata().word_mask
BAND = INDEX.compiled_band()
MODELS = langdata().models

_WORDS = st.text(min_size=1, max_size=12)
_BANDS = st.lists(st.integers(0, MAX_BAND), min_size=64, max_size=64)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(_WORDS, st.tuples(st.integers(1, (1 << 64) - 1), _BANDS), max_size=40))
def test_bands_survive_the_file_format(table: dict[str, tuple[int, list[int]]]) -> None:
    masks = {w: m for w, (m, _b) in table.items()}
    bands = {w: bands_value(b) for w, (_m, b) in table.items()}
    index = WordIndex.decode(encode(masks, bands=bands))
    for word, (mask, listed) in table.items():
        assert index.get(word) == mask
        for i in range(64):
            # a band outside the word's mask is not kept: no language, no frequency
            assert index.band(word, i) == (listed[i] if mask >> i & 1 else 0), (word, i)


def test_band_of_reads_both_planes() -> None:
    bands = [random.Random(i).randrange(MAX_BAND + 1) for i in range(64)]
    value = bands_value(bands)
    assert [band_of(value, i) for i in range(64)] == bands
    assert band_of(value, -1) == 0
    assert value >> 128 == 0


def test_common_words_outrank_rare_ones_of_the_same_language() -> None:
    # (wordfreq's Zipf: više 6.3, viče 3.7 in Serbo-Croatian; doğu 5.1 in Turkish)
    assert word_band("više", "sh") > word_band("viče", "sh") > 0
    assert word_band("Doğu", "tr") == MAX_BAND
    assert word_band("Došu", "tr") == 0 < word_band("Došu", "lv")  # a Latvian word
    assert word_band("jā", "lv") > word_band("ją", "lv") == 0
    # a language whose list has no frequencies (hunspell) gives every word band 0
    assert word_langs("kõik") & 1 << MODELS["et"].index
    assert word_band("kõik", "et") == 0
    # unknown languages, indexes and words
    assert word_band("više", "xx") == word_band("više", 99) == word_band("više", -1) == 0
    assert word_band("više", None) == word_band("qzxv", "sh") == 0


def test_band_reads_the_word_as_word_langs_does() -> None:
    sh = MODELS["sh"].index
    assert word_band("VIŠE", sh) == word_band("Više", sh) == word_band("više", sh)
    tr = MODELS["tr"].index
    assert word_band("İzin", tr) == word_band("izin", tr) > 0  # capital dotted I folds
    assert word_band("vis\u030ce", sh) == word_band("više", sh)  # composed first


def _pure_band(word: str, index: int) -> int:
    return INDEX.band(_fold(composed(word)), index)


def _real_words() -> list[str]:
    words = {w for line in non_ascii_lines() for w in TOKEN_RE.findall(line)}
    words |= {w.upper() for w in list(words)[::5]}
    return sorted(words)


@pytest.mark.skipif(BAND is None, reason="textfix.scoring._cscore is not built")
def test_compiled_bands_of_real_words() -> None:
    assert BAND is not None
    banded = 0
    for word in _real_words():
        mask = word_langs(word)
        for i in [i for i in range(64) if mask >> i & 1] or [0]:
            band = BAND(word, i)
            assert band == _pure_band(word, i), (word, i)
            banded += band > 0
    assert banded > 3000  # real bands were compared, not only zeros


@pytest.mark.skipif(BAND is None, reason="textfix.scoring._cscore is not built")
@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(codec="utf-8"),
            st.sampled_from(["\x00", "\ud800", "\udfff", "😂", "İ", "ß", "ς", "\u0301"]),
        ),
        max_size=40,
    ),
    st.integers(-3, 70),
)
def test_compiled_bands_of_any_text(word: str, index: int) -> None:
    assert BAND is not None
    expected = _pure_band(word, index) if 0 <= index < 64 else 0
    assert BAND(word, index) == expected
    assert word_band(word, index) == expected


@pytest.mark.skipif(BAND is None, reason="textfix.scoring._cscore is not built")
def test_compiled_band_of_a_huge_word() -> None:
    assert BAND is not None
    for word in ("više" * 5000, "ž" * 100000):
        assert BAND(word, MODELS["sh"].index) == 0


def test_bands_keep_the_index_small() -> None:
    # distinct (mask, bands) slots still fit the 2-byte slot numbers: 8 bytes per word
    assert len(INDEX._masks) == len(INDEX._bands) < 1 << 16
    assert INDEX._slots.itemsize == 2
