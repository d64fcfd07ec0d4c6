"""The compiled pair scans of the last gate (_cplausible.pair_shapes) against their
pure-Python twin (pair_shapes.pair_shapes_py), and the gates that read them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.test_gate_sheet import garbled_pairs

from textfix.repair import accent_swaps, pair_shapes, unmended
from textfix.repair.pair_shapes import ACCENTS_ONLY, BEFORE_CAPITALISED, TITLE_WORDS

COMPILED = pair_shapes._compiled()
needs_compiled = pytest.mark.skipif(COMPILED is None, reason="_cplausible is not built")


def assert_same(text: str, cand: str) -> int | None:
    bits = pair_shapes.pair_shapes(text, cand)
    if bits is not None:
        assert bits == pair_shapes.pair_shapes_py(text, cand), (text, cand)
    return bits


@needs_compiled
def test_real_lines_and_their_mojibake() -> None:
    answered = sum(assert_same(text, cand) is not None for text, cand in garbled_pairs())
    assert answered > 300


@needs_compiled
@pytest.mark.parametrize(
    ("text", "cand", "bits"),
    [
        ("ðDe la", "ÜDe la", BEFORE_CAPITALISED),
        ("ðDe la", "šDe la", BEFORE_CAPITALISED),
        ("xðDe", "xÜDe", 0),  # (inside a word)
        ("ðD", "ÜD", 0),  # (no small letter after the capital)
        ("Portâl", "Portāl", ACCENTS_ONLY),
        ("Punnd Èire", "Punnd éire", ACCENTS_ONLY | TITLE_WORDS),
        ("Punnd Èire x", "Punnd éire x", ACCENTS_ONLY),  # (a small word)
        ("Öåé òåêñò", "Цей текст", 0),
        ("ǅx Ab", "Ǆx Ab", 0),  # (a titlecase letter is no capital)
        ("Ǆǅ Ab", "ǄǄ Ab", 0),  # (nor a small one)
        ("Ab Cd", "Ab·Cd", 0),  # (fewer words in the repair)
        ("Ab Cd", "Ab\u00a0Cd", TITLE_WORDS),  # (a no-break space parts words too)
        ("Ab Cd", "Ab Cd", ACCENTS_ONLY | TITLE_WORDS),  # (no change: all() of none)
        ("", "", ACCENTS_ONLY),
    ],
)
def test_chosen_pairs(text: str, cand: str, bits: int) -> None:
    assert assert_same(text, cand) == bits


def test_left_to_python() -> None:
    assert pair_shapes.pair_shapes("ab", "abc") is None
    assert pair_shapes.pair_shapes("a\U0001f600b", "a\U0001f601b") is None
    # (and the gates still answer there, by their Python bodies)
    assert unmended._before_capitalised("ð\U0001f600De", "Ü\U0001f600De") is False
    assert accent_swaps._title_words("Ab \U0001f600", "Ab \U0001f601") is False


_CHARS = st.sampled_from(
    "aA bB lL ðÜšDdeÈèéêÉâāûūãăçÇ·ΣσςİiǅǆǄЖжШш├─\u00a0\u2003\t\x00\ud800.,'’-1\u0301ẹӕ"
)


@needs_compiled
@settings(max_examples=300, deadline=None)
@given(st.text(_CHARS, max_size=30), st.data())
def test_hypothesis_pairs(text: str, data: st.DataObject) -> None:
    cand = "".join(data.draw(_CHARS) if data.draw(st.integers(0, 3)) == 0 else ch for ch in text)
    assert_same(text, cand)
    assert_same(cand, text)


@needs_compiled
@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_hypothesis_any_text(text: str) -> None:
    for cand in (text.swapcase(), text.lower(), text[::-1]):
        if len(cand) == len(text):
            assert_same(text, cand)


@needs_compiled
def test_accented_table_follows_the_python_definition() -> None:
    # (one changed character against an accented letter: the bit is the character's own)
    for i in range(0x10000):
        ch = chr(i)
        other = "é" if ch != "é" else "è"
        bits = pair_shapes.pair_shapes(ch, other)
        assert bits is not None
        assert bool(bits & ACCENTS_ONLY) == accent_swaps._accented_py(ch), hex(i)


_CHOSEN_PAIRS = [
    ("ðDe la", "ÜDe la"),
    ("Portâl", "Portāl"),
    ("Punnd Èire", "Punnd éire"),
    ("znacznikóœ domyślny", "znacznikóś domyślny"),
    ("Öåé òåêñò", "Цей текст"),
]


@needs_compiled
def test_gates_handed_the_scan() -> None:
    """accent_swapped and unmended handed the pair's scan (legacy._clean_shape_read scans
    once for both) answer as when they scan it themselves; and accent_swapped is False
    wherever the scan has neither of its bits (the caller does not ask it then)."""
    for text, cand in [*garbled_pairs(), *_CHOSEN_PAIRS]:
        shapes = pair_shapes.pair_shapes(text, cand)
        for gain in (0.0, 1.0):
            alone = accent_swaps.accent_swapped(text, cand, gain)
            assert accent_swaps.accent_swapped(text, cand, gain, shapes) == alone, (text, cand)
            if shapes is not None and not shapes & (ACCENTS_ONLY | TITLE_WORDS):
                assert not alone, (text, cand)
        for true, shown in (("cp1250", "cp1252"), ("cp1251", "cp1252")):
            alone = unmended.unmended(text, cand, true, shown)
            assert unmended.unmended(text, cand, true, shown, shapes) == alone, (text, cand)
    assert unmended.unmended("ðDe la", "ÜDe la", shapes=BEFORE_CAPITALISED)
    assert accent_swaps.accent_swapped("Portâl", "Portāl", 0.0, ACCENTS_ONLY)
