"""Gates that ask which languages own some letters read the answer from the letters' alphabet
masks (``LangData.letter_mask``, model bit ``i`` for the ``i``-th model) instead of walking
every model: each gives what the walk over the models gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.repair import legacy, sibling_pages, stray_letters
from textfix.scoring._data import langdata

_MODELS = list(langdata().models.values())
#: The non-ASCII letters of the models' alphabets and two characters
#: that are not letters of one.
_LETTERS = [*sorted({ch for m in _MODELS for ch in m.alphabet if ch > "\x7f"}), "!", "ʼ"]
_letter_sets = st.frozensets(st.sampled_from(_LETTERS), max_size=3)
_masks = st.integers(min_value=-1, max_value=(1 << len(_MODELS)) + 5)


def test_models_in_bit_order() -> None:
    assert [m.index for m in _MODELS] == list(range(len(_MODELS)))


@settings(max_examples=400, deadline=None)
@given(_letter_sets)
def test_owners_walk(letters: frozenset[str]) -> None:
    walked = tuple(m for m in _MODELS if m.script == "Latn" and letters <= m.alphabet)
    assert stray_letters._owners.__wrapped__(letters) == walked


@settings(max_examples=400, deadline=None)
@given(_letter_sets, st.lists(_masks, max_size=3))
def test_own_letters_swapped_walk(letters: frozenset[str], langs: list[int]) -> None:
    words = tuple((1, mask) for mask in langs)
    mask = -1
    for m in langs:
        mask &= m
    walked = mask > 0 and any(mask >> m.index & 1 and letters <= m.alphabet for m in _MODELS)
    assert legacy._own_letters_swapped(words, set(letters)) == walked


@settings(max_examples=400, deadline=None)
@given(_letter_sets)
def test_thin_owned_walk(letters: frozenset[str]) -> None:
    walked = any(m.code in legacy.THIN_LISTS and letters & m.alphabet for m in _MODELS)
    assert legacy._thin_owned(set(letters)) == walked


def test_thin_owned_examples() -> None:
    # (Albanian, a thin list, writes "ë")
    assert legacy._thin_owned({"ë"}) and not legacy._thin_owned(set())


def test_code_of_lowest_bit() -> None:
    for m in _MODELS:
        assert sibling_pages._code(1 << m.index | 1 << len(_MODELS)) == m.code
