"""Estonian through cp775 shown as cp1252 or latin-1: runs of signs glued between letters
(``v„„rtused``) are a mojibake shape, in the pure-Python scorer and its compiled twin alike,
and a repair's chain is named for the language the line's words are written in
(repair/dos_baltic.py).

The lines below were written for these tests and garbled here.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.garbling import garble

import textfix
from textfix.repair import legacy
from textfix.repair.dos_baltic import voted_chain
from textfix.scoring import model

TABLES = model._compiled()
compiled = pytest.mark.skipif(TABLES is None, reason="textfix.scoring._cscore is not built")

#: Runs of signs between a letter and a small letter, and what is no such run.
RUNS = ["v„„rtused", "T””tlemata", "p„„sukood ja v„„rtus", "Kesk””l", "a„”»b"]
NO_RUNS = ["„„Tere“", "Sõna „„Tere", "V„„R", "sõna”” ", "v„„", "1„„2", "a „„b"]


@pytest.mark.parametrize("text", RUNS)
def test_a_run_of_signs_inside_a_word_is_a_shape(text: str) -> None:
    assert model.glued_runs(text)
    assert model._mojibake_shape_py(text)
    assert model.mojibake_shape.__wrapped__(text)


@pytest.mark.parametrize("text", NO_RUNS)
def test_signs_beside_words_or_before_capitals_are_no_run(text: str) -> None:
    assert not model.glued_runs(text)
    assert model.glued_count(text) == len(model._GLUED_RE.findall(text))


def test_a_run_counts_once() -> None:
    assert model.glued_count("v„„rtused") == 1
    assert model.glued_count("m„rgendeid v„„rtused") == 2
    assert model.glued_runs("p„„sukood ja v„„rtus") == [(1, 3), (14, 16)]


_CHARS = st.sampled_from("avVÄä„”“‚‹›»•¿«’ 1_\u0301")


@compiled
@settings(max_examples=400, deadline=None)
@given(st.text(_CHARS, max_size=30))
def test_compiled_shape_and_scores_count_runs_as_python_does(text: str) -> None:
    assert TABLES is not None
    shape = TABLES.shape(text, model._lowered_scripts())
    assert shape is None or shape == model._mojibake_shape_py(text), text
    assert TABLES.quick(text) == model._quick_py(text), text
    reference = model._score(text)
    assert TABLES.score(text) == (reference.lang, reference.logprob, reference.letters), text


#: Estonian lines with "ä" and "ö" (cp775 0x84 and 0x94: cp1252's "„" and "”").
LINES = [
    "Muuda need väärtused enne salvestamist",
    "Sisesta pääsukood uuesti",
    "Töötlemata andmed jäid alles",
    "Et kasutada neid märgendeid pane malli enne kui",
]


@pytest.mark.parametrize("shown", ["cp1252", "iso8859-1"])
def test_estonian_through_cp775_is_repaired(shown: str) -> None:
    for line in LINES:
        garbled = garble(line, "cp775", shown)
        assert garbled != line and textfix.fix(garbled) == line, garbled


def test_the_chain_is_named_for_the_line_words() -> None:
    # cp852 and cp775 both write "ä" at 0x84: the line reads as German, whose code page is
    # neither, and its words are Estonian.
    line = "Et kasutada neid m„rgendeid pane malli enne kui"
    best = legacy.candidates(line)[0]
    assert best.chain == (("cp852", "cp1252"),)
    voted = voted_chain(line, best)
    assert voted.chain == (("cp775", "cp1252"),) and voted.score.lang == "et"
    assert voted.text == best.text


def test_a_chain_fitting_its_language_stays() -> None:
    line = "Väljad on kohustuslikud"
    garbled = garble(line, "cp1257", "cp1252")
    best = legacy.candidates(garbled)[0]
    assert voted_chain(garbled, best) is best


@pytest.mark.parametrize(
    "line",
    [
        "Er sagte „„Hallo“ und ging.",
        "Sõna „„tere“ on tervitus.",
        "Vali „%(name)s”ja jätka",
        "Ta ütles: „Tere”, ja läks.",
    ],
)
def test_clean_quotes_stay(line: str) -> None:
    assert textfix.fix(line) == line
