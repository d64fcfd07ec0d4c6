"""The compiled ``Tables.shape`` answers ``model.mojibake_shape`` exactly as its pure-Python
reference (``model._mojibake_shape_py``) does: on real lines, their cores and mojibake,
every BMP character between letters and beside them, and hypothesis text (lone
surrogates, NUL, combining marks, long lines); beyond the BMP it answers None and Python
decides. Skipped when the module is not built or TEXTFIX_PURE_PYTHON is set."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.realdata import mojibake_pairs, non_ascii_lines

from textfix.repair.legacy import core
from textfix.scoring import model

TABLES = model._compiled()
pytestmark = pytest.mark.skipif(TABLES is None, reason="textfix.scoring._cscore is not built")


def compiled_shape(text: str) -> bool | None:
    assert TABLES is not None
    return TABLES.shape(text, model._lowered_scripts())


def assert_same(text: str) -> None:
    expected = model._mojibake_shape_py(text)
    found = compiled_shape(text)
    assert found is None or found == expected, text
    assert model.mojibake_shape.__wrapped__(text) == expected, text


def test_real_lines_their_cores_and_mojibake() -> None:
    chains = ((("cp1251", "cp1252"),), (("utf-8", "cp1252"),), (("cp1250", "cp437"),))
    shaped = 0
    lines = [*non_ascii_lines(), *(g for _line, g in mojibake_pairs(non_ascii_lines(), chains))]
    for line in lines:
        for text in (line, core(line), line.upper(), line.lower()):
            assert_same(text)
        shaped += model._mojibake_shape_py(line)
    assert 0 < shaped < len(lines)


def test_every_bmp_character_beside_letters() -> None:
    answers = set()
    for code in range(0x10000):
        ch = chr(code)
        for text in (f"ab{ch}cd", f"{ch}ab", f"Жa{ch}", f"{ch}{ch}"):
            assert compiled_shape(text) == model._mojibake_shape_py(text), (hex(code), text)
        answers.add(model._mojibake_shape_py(f"ab{ch}cd"))
    assert answers == {True, False}


def test_beyond_the_bmp_python_decides() -> None:
    assert compiled_shape("a\U0001d400b") is None
    assert model.mojibake_shape.__wrapped__("a\U0001d400b") == model._mojibake_shape_py(
        "a\U0001d400b"
    )


def test_a_table_of_the_wrong_size_is_refused() -> None:
    assert TABLES is not None
    with pytest.raises(ValueError):
        TABLES.shape("abc", b"\x00")


_CHARS = st.sampled_from("aZжЖΣσςİiKK \u0301\u00a0\u2500³¹·ºª\x85\x00\ud800ß€‚„”1_-")


@settings(max_examples=400, deadline=None)
@given(st.text(_CHARS, max_size=40))
def test_hypothesis_chosen_characters(text: str) -> None:
    assert_same(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_hypothesis_any_text(text: str) -> None:
    assert_same(text)
