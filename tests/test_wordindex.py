"""The word index finds every shipped word's mask through its bucket table, and nothing
for other words (beyond the documented collision rate)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.scoring._wordindex import WordIndex, encode

WORDS = st.dictionaries(st.text(min_size=1, max_size=12), st.integers(1, 2**40), max_size=300)


@settings(max_examples=60, deadline=None)
@given(WORDS, st.sets(st.text(min_size=1, max_size=12), max_size=50), st.sampled_from([24, 40]))
def test_every_word_keeps_its_mask(words: dict[str, int], others: set[str], bits: int) -> None:
    try:
        index = WordIndex.decode(encode(words, bits))
    except ValueError:
        return  # two words share a key at this many bits: encode refuses, as documented
    assert len(index) == len(words)
    for word, mask in words.items():
        assert index.get(word) == mask
        assert word in index
    # 24-bit keys collide now and then (that is what ``bits`` buys); 40-bit ones do not here.
    if bits == 40:
        assert all(index.get(w, 0) == 0 for w in others - words.keys())


def test_a_shipped_index_answers_like_a_dict() -> None:
    words = {f"w{i}é": i + 1 for i in range(20000)}
    index = WordIndex.decode(encode(words))
    assert all(index.get(w) == m for w, m in words.items())
    assert index.get("w20000é", 0) == 0
