"""``line_language.prose`` skips its search where the line lacks a literal of every
alternative of the pattern (``_NOT_PROSE_PARTS``): the skip never passes over a line the
pattern matches, so ``prose`` is exactly the pattern's substitution. On real lines and
their single-byte mojibake, chosen lines and hypothesis text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.realdata import mojibake_pairs, non_ascii_lines

from textfix.chains import single_byte_steps
from textfix.repair.line_language import (
    _NOT_PROSE,
    _NOT_PROSE_PARTS,
    _may_hold_not_prose,
    prose,
)

_PARTS = [re.compile(part) for part, _needs in _NOT_PROSE_PARTS]


def assert_exact(text: str) -> None:
    """Every match of each alternative holds that alternative's literals, the written-out
    test is the table's, a line the pattern matches is never skipped, and ``prose`` is the
    pattern's substitution."""
    for part, (_source, needs) in zip(_PARTS, _NOT_PROSE_PARTS, strict=True):
        for found in part.finditer(text):
            assert all(lit in found.group() for lit in needs), (text, found.group())
    holds = any(all(lit in text for lit in needs) for _part, needs in _NOT_PROSE_PARTS)
    assert _may_hold_not_prose(text) == holds, text
    if _NOT_PROSE.search(text):
        assert holds, text
    assert prose.__wrapped__(text) == _NOT_PROSE.sub(" ", text)


def test_the_pattern_is_its_parts() -> None:
    assert _NOT_PROSE.pattern == "|".join(part for part, _needs in _NOT_PROSE_PARTS)


def test_each_literal_is_needed_by_the_written_out_test() -> None:
    # (every alternative's literals together pass; each one missing fails, so the
    # written-out test asks exactly the table's literals, no fewer)
    for _part, needs in _NOT_PROSE_PARTS:
        assert _may_hold_not_prose(" ".join(needs))
        for lit in needs:
            assert not _may_hold_not_prose(" ".join(n for n in needs if n != lit) or "x")


@pytest.mark.parametrize(
    "text",
    [
        "Lahter %(field_type)s: <b>tüüp</b>",
        "%(count)d éléments, {name} et &amp; ou &#233;",
        "voir https://example.org/é et ftp://x",
        "a < b et c > d",  # (markup's shape: blanked, as before)
        "100% (tout) ; {} & <",
        "a % b ( c ) d",  # (no "%(": no placeholder)
        "}{ >< ;& :// %(",
        "Jeśli { brak } to ok",
        "x &; y &#; z",
        "",
    ],
)
def test_chosen_lines(text: str) -> None:
    assert_exact(text)


def test_skips_lines_holding_only_some_literals() -> None:
    # (what the skip is for: a "%", "<" or "&" alone in a garbled line, no match possible)
    for text in ("50% de réduction", "a < b", "Tom & Jerry", "{ouvert", "(100%)"):
        assert not _may_hold_not_prose(text) and not _NOT_PROSE.search(text)
        assert prose(text) == text


def test_real_lines_and_their_mojibake() -> None:
    lines = non_ascii_lines()
    for line in lines:
        assert_exact(line)
    chains = [(step,) for step, _table in single_byte_steps()[::5]]
    for _clean, garbled in mojibake_pairs(lines[:200], chains):
        assert_exact(garbled)


_CHARS = st.sampled_from("%(){}<>&#;:/ s1a.-+é\tx_")


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.text(_CHARS, max_size=40), st.text(max_size=80)))
def test_hypothesis_text(text: str) -> None:
    assert_exact(text)
