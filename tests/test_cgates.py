"""The compiled ``textfix.repair._cgates`` answers exactly as its pure-Python references:
``diff_blocks`` aligns two strings as ``spans._aligned`` (difflib) does, for every slice;
``symbols`` and ``repaired_tokens`` count and cut as ``legacy._symbols`` and
``legacy._repaired_tokens`` do (every BMP character checked; beyond it they answer None and
Python does the work). On real lines and their UTF-8 and single-byte mojibake, chosen pairs
and hypothesis text (lone surrogates, NUL, astral characters, long lines). Skipped when the
module is not built or TEXTFIX_PURE_PYTHON is set."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.realdata import mojibake_pairs, non_ascii_lines

from textfix._native import load
from textfix.chains import single_byte_steps
from textfix.repair import legacy, spans

CGATES = load("textfix.repair._cgates")
pytestmark = pytest.mark.skipif(CGATES is None, reason="textfix.repair._cgates is not built")


def assert_same(old: str, new: str, lo: int = 0) -> None:
    assert CGATES is not None
    expected = spans._aligned(old, new, lo, len(old), len(new))
    assert CGATES.diff_blocks(old, new, lo, len(old), len(new)) == expected, (old, new, lo)


def test_real_lines_and_their_utf8_mojibake() -> None:
    pairs = 0
    chains = ((("utf-8", "cp1252"),), (("utf-8", "iso8859-1"),), (("cp1251", "cp1252"),))
    for line, garbled in mojibake_pairs(non_ascii_lines(), chains):
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


def test_every_bmp_character_flagged_as_the_references_say() -> None:
    gates = legacy._compiled_gates()
    assert gates is not None
    symbol = legacy._SymbolTable()
    for code in range(0x10000):
        ch = chr(code)
        assert gates.symbols(ch) == symbol.__missing__(ch), hex(code)
        token = legacy.TOKEN_RE.fullmatch(ch) is not None
        assert gates.repaired_tokens("\x00", ch) == ((ch,) if token else ()), hex(code)


def assert_same_gates(text: str, cand: str) -> None:
    gates = legacy._compiled_gates()
    assert gates is not None
    for line in (text, cand):
        found = gates.symbols(line)
        assert found is None or found == sum(map(legacy._SYMBOL.__getitem__, line)), line
        if found is None:
            assert any(ch > "\uffff" for ch in line)
    if len(text) == len(cand):
        tokens = gates.repaired_tokens(text, cand)
        expected = tuple(
            m.group()
            for m in legacy.TOKEN_RE.finditer(cand)
            if text[m.start() : m.end()] != m.group()
        )
        assert tokens is None or tokens == expected, (text, cand)
        if tokens is None:
            assert any(ch > "\uffff" for ch in cand)
        assert legacy._repaired_tokens(text, cand) == expected


def test_gates_on_real_lines_and_their_mojibake() -> None:
    steps = [(chain,) for chain, _table in single_byte_steps()]
    pairs = 0
    for line, garbled in mojibake_pairs(non_ascii_lines(), steps):
        assert_same_gates(garbled, line)
        assert_same_gates(line, garbled)
        pairs += 1
    assert pairs > 500


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.data())
def test_gates_on_hypothesis_text(text: str, data: st.DataObject) -> None:
    # (a candidate of the same length: some characters of text changed)
    cand = "".join(data.draw(st.characters()) if data.draw(st.booleans()) else ch for ch in text)
    assert_same_gates(text, cand)


def test_gates_on_chosen_lines() -> None:
    for text, cand in [
        ("Kuþ uçtu ok", "Kuş uçtu ok"),
        ("podgl¹du x²", "podglądu x²"),
        ("a\U0001f600b", "a\U0001f601c"),  # beyond the BMP: Python answers
        ("\ud800\x00ab", "\ud801\x00ac"),
        ("x" * 5000 + "é", "y" * 5000 + "é"),
        ("", ""),
    ]:
        assert_same_gates(text, cand)
    gates = legacy._compiled_gates()
    assert gates is not None
    assert gates.repaired_tokens("ab", "abc") is None
    assert legacy._repaired_tokens("ab", "xbc") == ("xbc",)


def assert_same_flips(text: str, cand: str) -> None:
    assert CGATES is not None
    expected = legacy._flips_case_py(text, cand)
    assert CGATES.flips_case(text, cand, "".join(sorted(legacy._CASELESS))) == expected, (
        text,
        cand,
    )
    assert legacy._flips_case(text, cand) == expected, (text, cand)


def test_flips_case_on_real_lines_and_their_mojibake() -> None:
    steps = [(chain,) for chain, _table in single_byte_steps()]
    pairs = flips = 0
    for line, garbled in mojibake_pairs(non_ascii_lines(), steps):
        assert_same_flips(garbled, line)
        assert_same_flips(line, garbled)
        flips += legacy._flips_case_py(garbled, line)
        pairs += 1
    assert pairs > 500 and flips > 10


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.data())
def test_flips_case_on_hypothesis_text(text: str, data: st.DataObject) -> None:
    # (a candidate of the same length, some characters changed, often to the other case)
    cand = "".join(
        data.draw(st.sampled_from([ch.swapcase()[:1] or ch, *data.draw(st.characters())]))
        if data.draw(st.booleans())
        else ch
        for ch in text
    )
    assert_same_flips(text, cand)
    assert_same_flips(cand, text)


def test_flips_case_on_chosen_pairs() -> None:
    for text, cand in [
        ("ôl", "Öl"),  # small to capital
        ("DÚsactiver", "Désactiver"),  # a capital inside a word lowered: no flip
        ("Ú", "é"),  # a capital alone lowered
        ("xÚ", "xé"),  # at the end of the line
        ("ªº µ", "ÄÖ Ü"),  # caseless
        ("abc", "abcd"),  # lengths differ
        ("\ud800É\U0001f600", "\ud801é\U0001f601"),
        ("", ""),
    ]:
        assert_same_flips(text, cand)
        assert_same_flips(cand, text)
