"""The compiled ``diff_blocks`` (``textfix.repair._cgates``) aligns two strings exactly as
its pure-Python reference ``spans._aligned`` (difflib), on real lines and their UTF-8 and
single-byte mojibake, on chosen pairs and on hypothesis text (lone surrogates, NUL, astral
characters, long lines), for every slice. Skipped when the module is not built or
TEXTFIX_PURE_PYTHON is set."""

from __future__ import annotations

import pytest
from benchmarks.devset import garble
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.realdata import non_ascii_lines

from textfix._native import load
from textfix.repair import spans

CGATES = load("textfix.repair._cgates")
pytestmark = pytest.mark.skipif(CGATES is None, reason="textfix.repair._cgates is not built")


def assert_same(old: str, new: str, lo: int = 0) -> None:
    assert CGATES is not None
    expected = spans._aligned(old, new, lo, len(old), len(new))
    assert CGATES.diff_blocks(old, new, lo, len(old), len(new)) == expected, (old, new, lo)


def test_real_lines_and_their_utf8_mojibake() -> None:
    pairs = 0
    chains = ((("utf-8", "cp1252"),), (("utf-8", "iso8859-1"),), (("cp1251", "cp1252"),))
    for i, line in enumerate(non_ascii_lines()):
        garbled = garble(line, chains[i % len(chains)])
        if garbled is not None and garbled != line:
            assert_same(garbled, line)
            assert_same(line, garbled)
            pairs += 1
    assert pairs > 500


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("a cafÃ© b", "a café b"),
        ("Ã©tÃ© x Ã©", "été x é"),
        ("", ""),
        ("", "abc"),
        ("abc", ""),
        ("abab", "baba"),  # ties: the earliest block in a, then in b
        ("aaaa", "aa"),
        ("\ud800a\x00b\U0001f600", "\ud801a\x00\U0001f600"),
        ("xÃ©" * 600, "xé" * 600),  # a long line
    ],
)
def test_chosen_pairs(old: str, new: str) -> None:
    assert_same(old, new)
    assert_same(new, old)


_CHARS = st.sampled_from("ab Ã©é\u00a0\x00\ud800\U0001f600")


@settings(max_examples=400, deadline=None)
@given(st.text(_CHARS, max_size=40), st.text(_CHARS, max_size=40), st.data())
def test_hypothesis_pairs_and_slices(old: str, new: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, min(len(old), len(new))))
    hi_old = data.draw(st.integers(lo, len(old)))
    hi_new = data.draw(st.integers(lo, len(new)))
    assert CGATES is not None
    expected = spans._aligned(old, new, lo, hi_old, hi_new)
    assert CGATES.diff_blocks(old, new, lo, hi_old, hi_new) == expected


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200))
def test_hypothesis_any_text(old: str, new: str) -> None:
    assert_same(old, new)


def test_bad_bounds_raise() -> None:
    assert CGATES is not None
    with pytest.raises(ValueError):
        CGATES.diff_blocks("abc", "abc", 2, 1, 3)
