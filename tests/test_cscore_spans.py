"""The compiled ``same_length_spans`` and ``listed_run`` (``textfix.scoring._cscore``) answer
exactly as their pure-Python references ``spans._changed_spans_py`` and
``legacy._listing_py``, on real lines and their single-byte mojibake, on listings and on
hypothesis text (spaces of every kind, lone surrogates, NUL, astral characters, long
lines). Skipped when the module is not built or TEXTFIX_PURE_PYTHON is set."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.realdata import mojibake_pairs, non_ascii_lines

from textfix._native import load
from textfix.chains import single_byte_steps
from textfix.repair import legacy, spans

CSCORE = load("textfix.scoring._cscore")
pytestmark = pytest.mark.skipif(CSCORE is None, reason="textfix.scoring._cscore is not built")


def assert_same(old: str, new: str) -> None:
    assert CSCORE is not None
    if old != new:
        expected = spans._changed_spans_py(old, new)
        assert CSCORE.same_length_spans(old, new, spans._MAX_ALIGN) == expected, (old, new)
        assert spans.changed_spans(old, new) == list(expected)
    listed = legacy._listing_py(old, new)
    assert CSCORE.listed_run(old, new, legacy.LISTED) is listed, (old, new)
    assert legacy._listing(old, new) is listed


def test_real_lines_and_their_mojibake() -> None:
    steps = [(chain,) for chain, _table in single_byte_steps()]
    pairs = 0
    for line, garbled in mojibake_pairs(non_ascii_lines(), steps):
        if len(garbled) == len(line):
            assert_same(garbled, line)
            assert_same(line, garbled)
            pairs += 1
    assert pairs > 500


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("ÀÁÂÃÄÅ", "АБВГДЕ"),  # a listing changed
        ("Öåé òåêñò", "Цей текст"),
        ("abcd xyz", "abcd xYz"),  # a listing left alone
        ("a cafÃ© b", "a cafX© b"),
        ("ÃÃ\u00a0ÃÃ ÃÃ", "éé\u00a0éé éé"),  # a no-break space is a space: no merge
        ("x" * 5000, "y" * 5000),  # past the alignment bound: one span
        ("\ud800a\x00b\U0001f600", "\ud801a\x01b\U0001f601"),
        ("", ""),
    ],
)
def test_chosen_pairs(old: str, new: str) -> None:
    assert_same(old, new)


ALPHABET = st.sampled_from("abcdABCD éЖж\u00a0\t\u3000\u2028\x00\ud800\U0001f600-")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(ALPHABET, ALPHABET, st.booleans()), max_size=40))
def test_any_pair(chars: list[tuple[str, str, bool]]) -> None:
    old = "".join(a for a, _b, _same in chars)
    new = "".join(a if same else b for a, b, same in chars)
    assert_same(old, new)


@settings(max_examples=100, deadline=None)
@given(st.text(), st.text())
def test_any_text_of_one_length(old: str, new: str) -> None:
    n = min(len(old), len(new))
    assert_same(old[:n], new[:n])
