"""The compiled pool and scorer read the word index in place (no Python call per word) when
handed the compiled lookup itself: they give exactly what they give through any other
callable doing the same lookup, on real lines, their mojibake, words with combining accents
(which the in-place path leaves to the callable: ``model.composed`` normalises them), the
special foldings (``İ``, ``ß``, final sigma) and hypothesis text. Skipped when the module is
not built or TEXTFIX_PURE_PYTHON is set."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.test_cscore_cands import garbled_lines

from textfix.repair import legacy
from textfix.scoring import model
from textfix.scoring._data import langdata

POOL = legacy._compiled_pool()
TABLES = model._compiled()
pytestmark = pytest.mark.skipif(
    POOL is None or TABLES is None, reason="textfix.scoring._cscore is not built"
)


@functools.cache
def through_python() -> tuple[object, object]:
    """A pool and tables whose lookups go through Python callables (the reference)."""
    lookup = model.word_lookup()
    get = langdata().word_mask.get
    return legacy._new_pool(lambda word: lookup(word)), model._compiled_tables(
        lambda word: get(word)
    )


def assert_same_lookups(text: str, cand: str) -> None:
    pool, tables = through_python()
    assert POOL is not None and TABLES is not None
    assert POOL.changed_words(text, cand) == pool.changed_words(text, cand)  # type: ignore[attr-defined]
    if len(text) == len(cand):
        for share in (0.0, 0.2, 1.0):
            expected = pool.has_known_words(text, cand, share)  # type: ignore[attr-defined]
            assert POOL.has_known_words(text, cand, share) == expected
    assert TABLES.score(cand) == tables.score(cand)  # type: ignore[attr-defined]
    lookup = model.word_lookup()
    expected_votes = TABLES.line_votes(cand, lambda word: lookup(word), 3)
    assert TABLES.line_votes(cand, lookup, 3) == expected_votes


def test_the_compiled_objects_read_the_index_in_place() -> None:
    # (the in-place path is taken only for the compiled lookup: a bound Words method)
    assert type(model.word_lookup()).__name__ == "builtin_function_or_method"
    assert type(langdata().word_mask.compiled_get()).__name__ == "builtin_function_or_method"


def test_real_lines_and_their_repairs_look_up_the_same() -> None:
    looked = 0
    for text in garbled_lines()[::2]:
        for found in legacy.candidates(text)[:3]:
            cand = found.text
            assert_same_lookups(text, cand)
            looked += 1
    assert looked > 300


@pytest.mark.parametrize(
    ("text", "cand"),
    [
        ("Kuþ uçtu", "Kuş uçtu"),
        ("Thu\u0323y tro\u0323ng", "Thu\u0323y tro\u0323ng dịch"),  # combining accents
        ("tro\xf2ng vi\xea\xf2t", "tro\u0300ng vie\u0302\u0300t"),
        ("ÝSTANBUL Ýzin", "İSTANBUL İzin"),  # İ folds to i + U+0307
        ("STRAÞE Grüße", "STRASSE Grüße"),  # ß folds to ss
        ("ÏÏÏÏÏ ëüãïò", "ΣΟΦΟΣ λόγος"),  # final sigma
        ("\ud800abc \x00", "\ud800abc \x00"),  # lone surrogate, NUL
        ("𝔘𝔫𝔦 déjà", "𝔘𝔫𝔦 déjà"),  # astral letters
    ],
)
def test_fixtures_look_up_the_same(text: str, cand: str) -> None:
    assert_same_lookups(text, cand)


@given(st.text(max_size=60), st.text(max_size=60))
@settings(max_examples=150, deadline=None)
def test_any_text_looks_up_the_same(text: str, cand: str) -> None:
    assert_same_lookups(text, cand)
