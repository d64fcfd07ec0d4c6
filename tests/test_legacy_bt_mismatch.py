"""The rank's language-mismatch penalty (``legacy._mismatch_cost``): a candidate the scorer
reads as a language its code page's family does not write pays at most the distance to the
family's best reading, so a Baltic word the letter statistics place a hair closer to Slovak
is not beaten by an Icelandic or Czech reading of another code page.

The words below were made up for these tests and garbled here.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textfix
from textfix.chains import single_byte_steps
from textfix.repair.legacy import (
    LANG_MISMATCH,
    _compiled,
    _mismatch_cost,
    _mismatch_cost_py,
    candidates,
)
from textfix.scoring import score

#: The true code pages of the single-byte steps, and UTF-8 (no family).
TRUES = sorted({step[0] for step, _table in single_byte_steps()} | {"utf-8"})
compiled = pytest.mark.skipif(_compiled() is None, reason="_cscore is not built")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=30), st.sampled_from(["cp1257", "cp1250", "cp1252", "koi8-r", "utf-8"]))
def test_cost_is_between_nothing_and_the_full_penalty(text: str, true: str) -> None:
    cost = _mismatch_cost(true, text, score(text).logprob)
    assert 0.0 <= cost <= LANG_MISMATCH


def test_full_penalty_where_no_language_of_the_family_reads_it() -> None:
    for text, true in (("Привет мир", "cp1257"), ("Ďábel", "cp1257"), ("Ελλάδα", "cp1250")):
        assert _mismatch_cost(true, text, score(text).logprob) == LANG_MISMATCH


def test_less_where_a_language_of_the_family_reads_it_nearly_as_well() -> None:
    s = score("Diušu")
    assert s.lang not in ("lt", "lv", "et")  # the scorer's pick is not Baltic ...
    lithuanian = score("Diušu", "lt").logprob
    # ... but Lithuanian is close behind: only that distance is charged
    assert _mismatch_cost("cp1257", "Diušu", s.logprob) == pytest.approx(s.logprob - lithuanian)
    assert _mismatch_cost("cp1257", "Diušu", s.logprob) < LANG_MISMATCH


@pytest.mark.parametrize(("true", "shown"), [("cp1257", "cp437"), ("iso8859-13", "cp437")])
def test_baltic_reading_outranks_other_families(true: str, shown: str) -> None:
    garbled = "Diušu".encode(true).decode(shown)
    assert candidates(garbled)[0].text == "Diušu"


@pytest.mark.parametrize(
    ("true", "shown"), [("cp1257", "cp437"), ("iso8859-13", "cp437"), ("cp775", "cp1252")]
)
def test_no_wrong_repair_of_a_thin_baltic_word(true: str, shown: str) -> None:
    garbled = "Diušu".encode(true).decode(shown)
    # (one unknown word: too thin to repair, but never into another family's reading)
    assert textfix.fix(garbled) in (garbled, "Diušu")


def _same_costs(text: str) -> int:
    """The compiled and the pure-Python cost agree bit for bit under every true code page;
    how many are below the full penalty."""
    lp = score(text).logprob
    less = 0
    for true in TRUES:
        cost = _mismatch_cost(true, text, lp)
        assert cost.hex() == _mismatch_cost_py(true, text, lp).hex(), (text, true)
        less += cost < LANG_MISMATCH
    return less


@compiled
def test_compiled_family_scores_agree_on_real_and_garbled_lines() -> None:
    from tests.test_cscore_cands import garbled_lines

    lines = garbled_lines()[::2]
    assert len(lines) > 300
    assert sum(map(_same_costs, lines)) > 100  # (some below the full penalty)


@compiled
@settings(max_examples=200, deadline=None)
@given(
    st.text(st.one_of(st.characters(), st.sampled_from(list("ąčęėįšųūžõäöüšÿ\u0301"))), max_size=40)
)
def test_compiled_family_scores_agree_on_any_text(text: str) -> None:
    _same_costs(text)
