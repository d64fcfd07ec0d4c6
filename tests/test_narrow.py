"""narrow: the compiled Latin-1 test against its twin, and the patterns it lets gates skip."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textfix._native import load
from textfix.repair import gates, kept_shapes, legacy, narrow, sign_capitals

COMPILED = load("textfix.repair._cplausible")


@pytest.mark.skipif(COMPILED is None, reason="_cplausible is not built")
@pytest.mark.parametrize(
    "text",
    ["", "abc", "Ðåäàêò ÿ", "\xff", "\u0100", "Цей", "a\u2500", "\U0001f600", "\x00", "é" * 500],
)
def test_latin1_chosen(text: str) -> None:
    assert COMPILED is not None
    assert COMPILED.latin1(text) == narrow.latin1_py(text) == narrow.narrow(text)


@pytest.mark.skipif(COMPILED is None, reason="_cplausible is not built")
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_latin1_any_text(text: str) -> None:
    assert COMPILED is not None
    assert COMPILED.latin1(text) == narrow.latin1_py(text)
    # (a slice of a wide string is stored narrow again)
    wide_text = text + "Ж"
    assert COMPILED.latin1(wide_text[:-1]) == narrow.latin1_py(text)


def test_wide_refuses_a_class_with_latin1() -> None:
    with pytest.raises(ValueError, match="Latin-1"):
        narrow.wide(re.compile("[é─]"))
    assert narrow.wide(re.compile("[ā─]")).pattern == "[ā─]"


def test_skipped_patterns_match_no_latin1_character() -> None:
    for pattern in (
        gates._signs_of_capitals().pattern,
        gates._SERBIAN_CAPITAL.pattern,
        kept_shapes._DRAWING,
        legacy._LOOK_ALIKE.pattern,
        legacy._DRAWING,
        sign_capitals._any_sign(),
    ):
        assert all(pattern.match(ch) is None for ch in narrow.LATIN1), pattern.pattern


def test_gates_answer_latin1_lines_alike() -> None:
    # (with and without the skip: the gates' own searches find nothing there)
    line = "Ðåäàêòèðîâàíèå ôàéëà ÿ ¹ ©"
    assert not gates.capital_behind_sign(line)
    assert not gates.capital_of_other_alphabet(line)
    assert sign_capitals.capital_behind_latin_sign(line) is None
    assert not legacy._look_alikes_replaced(line, line.upper()[: len(line)])
