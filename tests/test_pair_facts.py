"""The compiled pair facts (_cplausible.pair_facts, _cplausible_gates.h) against their
pure-Python twin (legacy._pair_facts_py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.test_gate_sheet import garbled_pairs

from textfix.repair import legacy

COMPILED = legacy._compiled_pair_facts()
needs_compiled = pytest.mark.skipif(COMPILED is None, reason="the compiled modules are not built")


def assert_same(text: str, cand: str) -> int | None:
    """The compiled answer where it gives one (the Python body's, once the gates it hands
    back open are asked of their bodies), and the dispatcher's."""
    reference = legacy._pair_facts_py(text, cand)
    facts = None if COMPILED is None else COMPILED(text, cand)
    if facts is not None:
        left = facts >> legacy._OPEN_SHIFT
        # (an open gate's answer bit is left clear for its body)
        assert facts & left == 0, (text, cand)
        completed = legacy._open_gates(text, cand, facts & legacy._FACT_BITS, left)
        assert completed == reference, (text, cand)
    assert legacy._pair_facts(text, cand) == reference, (text, cand)
    return facts


@needs_compiled
def test_real_lines_and_their_mojibake() -> None:
    """Nearly every pair the compiled call answers, as the Python body does."""
    pairs = list(garbled_pairs())
    answers = [assert_same(text, cand) for text, cand in pairs]
    assert sum(facts is not None for facts in answers) > 0.7 * len(pairs)
    # (and some with a gate the sheet leaves open, handed back for its Python body)
    assert any(facts is not None and facts >> legacy._OPEN_SHIFT for facts in answers)


@needs_compiled
@pytest.mark.parametrize(
    ("text", "cand", "fact"),
    [
        ("Öåé òåêñò", "Цей текст", 0),
        ("ÀÁÂÃÄÅ", "АБВГДЕ", legacy._LISTED),  # (a listing)
        ("Ñåðåäà õîëîäíà", "СерЕдА холодна", legacy._ODD_MADE),  # (capitals put inside)
        ("x Ð y", "x Р y", legacy._NO_WORD),  # (no repaired word of two letters)
        ("Ðàáîòà Ãðåêà", "Работа Грека", 0),
        ("Ïðîõ╕ð", "Прохір", 0),  # (drawing: the accept sheet answers the gate)
        ("Kata┤gi", "Kataīgi", 0),
    ],
)
def test_chosen_pairs(text: str, cand: str, fact: int) -> None:
    facts = assert_same(text, cand)
    assert facts is not None
    assert facts & (legacy._LISTED | legacy._ODD_MADE | legacy._NO_WORD) == fact


def test_left_to_python() -> None:
    """Lengths that differ and text beyond the BMP have no sheet; a candidate with more
    symbols asks the quotation marks' balance in Python."""
    for text, cand in (("ab", "abc"), ("a\U0001f600b", "a\U0001f601b"), ("Ðàáîòà", "Ð€áîòà")):
        if COMPILED is not None:
            assert COMPILED(text, cand) is None, (text, cand)
        assert_same(text, cand)


_CHARS = st.sampled_from("aA bB ðÐÜšDdeÈèéêÉâāÀÁ·µ€«»\"'’ЖжШшСЕДА├─\u00a0\t.,-1ẹ\U0001f600")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_CHARS, _CHARS, st.booleans()), max_size=24))
def test_hypothesis_pairs(places: list[tuple[str, str, bool]]) -> None:
    """Pairs of one length, changed at the places drawn so, both ways round."""
    text = "".join(a for a, _b, _changed in places)
    cand = "".join(b if changed else a for a, b, changed in places)
    for pair in ((text, cand), (cand, text)):
        assert_same(*pair)
