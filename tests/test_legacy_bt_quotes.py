"""Quotation marks of iso8859-13 shown as latin-1 signs (repair/quote_signs.py; cp1252's
punctuation: tests/test_quote_signs.py), and cp775's
``ä`` shown as cp1252's ``„`` inside words.

The lines below were written for these tests and garbled here.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textfix
from textfix.repair.quote_signs import signs_quoted

#: Estonian lines with quotation marks and letters latin-1 shares with iso8859-13.
QUOTED = [
    "Väärtus “%(value)s” ei ole lubatud väärtus.",
    "Sisestage korrektne “väärtus”, mis koosneb tähtedest.",
    # (few of their inflected words are listed: the letter statistics name Estonian)
    "Sisestatud “%(value)s” ei sobi täisarvuks.",
    "Lõigu “%(name)s” pealkiri on liiga pikk.",
]


@pytest.mark.parametrize("line", QUOTED)
@pytest.mark.parametrize("shown", ["cp1252", "iso8859-1"])
def test_quotes_shown_as_signs_are_mended(line: str, shown: str) -> None:
    garbled = line.encode("iso8859-13").decode(shown)
    assert "´" in garbled and "¡" in garbled
    found = signs_quoted(garbled)
    assert found is not None and found[0] == line and found[1][0][0] == "iso8859-13"
    assert textfix.fix(garbled) == line


@pytest.mark.parametrize(
    "line",
    [
        "¡Hola! ¿Qué tal? Don´t panic",  # Spanish opens with ¡; an apostrophe-like acute
        "Väli ¡nimi´ on kohustuslik ja seda ei saa muuta.",  # the wrong order pairs nothing
        "Väli ´nimi ¡ on kohustuslik ja seda ei saa muuta.",  # a closer after a space
        "Côte d´Ivoire ¡olé!",  # an acute after a letter opens nothing
        "Plain ´quoted¡ English words here",  # no language written in iso8859-13
        "Väli ´nimi¡ on kohustuslik ja seda ei saa muutaè.",  # another letter would change
    ],
)
def test_signs_that_pair_nothing_stay(line: str) -> None:
    assert signs_quoted(line) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("´¡¥ abeilnstvõäöü.,"), max_size=30))
def test_quote_repairs_change_only_the_signs(text: str) -> None:
    found = signs_quoted(text)
    if found is not None:
        cand, _chain = found
        assert len(cand) == len(text)
        assert all(a == b or a in "´¡¥" for a, b in zip(text, cand, strict=True))


@pytest.mark.parametrize(
    ("line", "true", "shown"),
    [
        ("Märkused", "cp775", "cp1252"),
        ("dokumentatsiooni lähtefailide rada", "cp775", "cp1252"),
    ],
)
def test_low_quote_inside_a_word_is_a_letter(line: str, true: str, shown: str) -> None:
    garbled = line.encode(true).decode(shown)
    assert "„" in garbled
    assert textfix.fix(garbled) == line


@pytest.mark.parametrize("line", ["Er sagte „Hallo“ und ging.", "„Tere“, ütles ta."])
def test_low_quotes_before_words_stay(line: str) -> None:
    assert textfix.fix(line) == line
