"""``line._layers`` asks only the repairers a line's facts leave (``line._BY_FACTS`` by
``line._layer_facts``): ``line._utf8`` where the line has its UTF-8 shape, those that read
only a line's whole-line strict UTF-8 round trips (``line._ROUND_TRIPPED``) where
``legacy._utf8_round_trips`` finds one. Each repairer left out returns None there, so the
layers' answers are the same; the compiled facts (``_cplausible.layer_facts``) equal their
pure-Python twin (``line._layer_facts_py``)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.realdata import mojibake_pairs, non_ascii_lines

from textfix.chains import UTF8_STEPS, single_byte_steps
from textfix.repair import line
from textfix.repair.base import DocumentContext

compiled = pytest.mark.skipif(
    line._layer_facts() is line._layer_facts_py, reason="_cplausible is not built"
)


def test_by_facts_keeps_the_order_and_leaves_out_only_what_the_facts_rule_out() -> None:
    assert line._BY_FACTS[3] == line.REPAIRERS
    for facts, repairers in enumerate(line._BY_FACTS):
        assert repairers == tuple(r for r in line.REPAIRERS if r in repairers)
        left_out = set(line.REPAIRERS) - set(repairers)
        shape_out = set() if facts & 1 else {line._utf8}
        assert left_out == shape_out | (set() if facts & 2 else set(line._ROUND_TRIPPED))
    assert set(line._ROUND_TRIPPED) <= set(line.REPAIRERS)


def _garbled() -> list[str]:
    steps = [(chain,) for chain, _table in single_byte_steps()] + [(s,) for s in UTF8_STEPS]
    return [garbled for _line, garbled in mojibake_pairs(non_ascii_lines(), steps)]


def test_repairers_left_out_return_none() -> None:
    unshaped = without = stepped = 0
    for garbled in _garbled():
        facts = line._layer_facts_py(garbled)
        found = [repairer(garbled, DocumentContext()) for repairer in line._ROUND_TRIPPED]
        if facts & 2:
            stepped += any(step is not None for step in found)
        else:
            assert found == [None] * len(found), garbled
            without += 1
        if not facts & 1:
            assert line._utf8(garbled, DocumentContext()) is None, garbled
            unshaped += 1
    assert without > 500 and stepped > 0 and unshaped > 500


@compiled
def test_compiled_facts_equal_the_reference() -> None:
    facts = line._layer_facts()
    seen = set()
    for text in [*_garbled(), *non_ascii_lines()]:
        found = facts(text)
        assert found == line._layer_facts_py(text), text
        seen.add(found)
    assert seen == {0, 1, 2, 3}


@compiled
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aé Ã©â€™Ð¿ÑÐ\x81\x9dñöÂ»\u00a0ї"), max_size=12))
def test_compiled_facts_on_any_text(text: str) -> None:
    assert line._layer_facts()(text) == line._layer_facts_py(text)
