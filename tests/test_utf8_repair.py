"""ftfy's UTF-8 chains, explained (``textfix.repair.utf8.repair``): the chain names every
round of a layered repair from the text as it stood before that round, and a line asked
twice (the line layer asks what ``line.untouched`` asked) gets the same answer."""

from __future__ import annotations

import pytest
from benchmarks.devset import garble
from tests.realdata import non_ascii_lines

from textfix.repair import utf8
from textfix.repair.base import DocumentContext


@pytest.mark.parametrize(
    ("text", "fixed", "chain"),
    [
        ("cafÃ© crÃ¨me", "café crème", (("utf-8", "cp1252"),)),
        # two rounds: each named from the text between them
        ("cafÃƒÂ© crÃƒÂ¨me", "café crème", (("utf-8", "cp1252"), ("utf-8", "cp1252"))),
        ("Ð¿Ñ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€", "привет мир", (("utf-8", "cp1252"),)),
        # C1 controls only latin-1 holds: named latin-1, not cp1252
        ("Ð¿Ñ\x80Ð¸Ð²ÐµÑ\x82", "привет", (("utf-8", "iso8859-1"),)),
    ],
)
def test_chains_name_every_round(text: str, fixed: str, chain: tuple[tuple[str, str]]) -> None:
    step = utf8.repair(text, DocumentContext())
    assert step is not None
    assert (step.text, step.chain) == (fixed, chain)


def test_layered_real_lines_come_back_with_a_step_per_layer() -> None:
    checked = 0
    for line in non_ascii_lines()[::7]:
        for chain in ((("utf-8", "cp1252"),) * 2, (("utf-8", "cp1252"), ("utf-8", "iso8859-1"))):
            garbled = garble(line, chain)
            if garbled is None or garbled == line:
                continue
            step = utf8.repair(garbled, DocumentContext())
            if step is None or step.text != line:
                continue  # (ftfy's heuristics decline some lines: not what this tests)
            assert len(step.chain) == 2, (garbled, step)
            assert all(true == "utf-8" for true, _shown in step.chain)
            checked += 1
    assert checked > 100


def test_a_line_asked_twice_gets_the_same_answer() -> None:
    lines = [garble(line, (("utf-8", "cp1252"),)) or line for line in non_ascii_lines()[:200]]
    first = [utf8.repair(line, DocumentContext()) for line in lines]
    again = [utf8.repair(line, DocumentContext()) for line in lines]
    utf8._repair.cache_clear()
    fresh = [utf8.repair(line, DocumentContext()) for line in lines]
    assert first == again == fresh
    assert sum(step is not None for step in fresh) > 100


def test_long_lines_are_repaired_uncached() -> None:
    text = "cafÃ© " * (utf8.CACHED_LENGTH // 5)
    utf8._repair.cache_clear()
    step = utf8.repair(text, DocumentContext())
    assert step is not None and step.text == "café " * (utf8.CACHED_LENGTH // 5)
    assert utf8._repair.cache_info().currsize == 0
