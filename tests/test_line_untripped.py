"""``line._layers`` skips the repairers that read only a line's whole-line strict UTF-8 round
trips (``line._ROUND_TRIPPED``) where ``legacy._utf8_round_trips`` finds none: each of them
returns None there, so the layers' answers are the same."""

from __future__ import annotations

from tests.realdata import mojibake_pairs, non_ascii_lines

from textfix.chains import UTF8_STEPS, single_byte_steps
from textfix.repair import legacy, line
from textfix.repair.base import DocumentContext


def test_untripped_is_the_rest_in_order() -> None:
    assert tuple(r for r in line.REPAIRERS if r not in line._ROUND_TRIPPED) == line._UNTRIPPED
    assert set(line._ROUND_TRIPPED) <= set(line.REPAIRERS)


def test_round_tripped_repairers_need_a_round_trip() -> None:
    steps = [(chain,) for chain, _table in single_byte_steps()] + [(s,) for s in UTF8_STEPS]
    without = stepped = 0
    for _line, garbled in mojibake_pairs(non_ascii_lines(), steps):
        found = [repairer(garbled, DocumentContext()) for repairer in line._ROUND_TRIPPED]
        if legacy._utf8_round_trips(garbled):
            stepped += any(step is not None for step in found)
        else:
            assert found == [None] * len(found), garbled
            without += 1
    assert without > 500 and stepped > 0
