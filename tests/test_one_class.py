"""The compiled one-class search (``_cgates.one_class``, see ``textfix.repair.one_class``)
answers exactly as the class's pattern: ``found`` where ``pattern.search`` matches, ``first``
its start. On real lines and their single-byte mojibake, chosen lines and hypothesis text
(astral characters, lone surrogates), for every single-byte page's unheld class and the
classes the garbled path asks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.realdata import mojibake_pairs, non_ascii_lines

from textfix.chains import single_byte_steps
from textfix.repair import gates, inner_capitals, legacy, no_repair, stray_letters, unmended, utf8
from textfix.repair.held import unheld
from textfix.repair.one_class import _CGATES, bmp_class, one_class, page_unheld

_PAGES = sorted({page for (true, shown), _table in single_byte_steps() for page in (true, shown)})
#: Classes with astral members, plain and negated (the table's sorted list beyond the BMP).
_ASTRAL = "a\U0001f600\U00010000\U0010ffff\ud800é"
_CLASSES = [
    *(page_unheld(page) for page in _PAGES),
    one_class(legacy.APOSTROPHES),
    one_class(map(chr, range(0x80)), negated=True),
    one_class(map(chr, range(0x80, 0xA0))),
    one_class(_ASTRAL),
    one_class(_ASTRAL, negated=True),
    one_class("]^-\\["),
    legacy._LOOK_ALIKE,
    gates._signs_of_capitals(),
    gates._SERBIAN_CAPITAL,
    one_class(stray_letters._STRAY_CHARS),
    one_class(stray_letters.LOOKED),
    one_class(inner_capitals._capitals()),
    bmp_class(legacy._BAD_CHARS),
    bmp_class(no_repair._NON_ASCII_SPACE),
]


def assert_same(text: str) -> None:
    for oc in _CLASSES:
        assert oc is not None
        match = oc.pattern.search(text)
        assert bool(oc.found(text)) == (match is not None), (oc.pattern.pattern, text)
        assert oc.first(text) == (-1 if match is None else match.start()), text


def test_page_classes_are_held_unheld() -> None:
    for page in [*_PAGES, "utf-8"]:  # (utf-8's 256 bytes read as ASCII alone)
        oc = page_unheld(page)
        assert oc is not None and oc.pattern.pattern == unheld(page).pattern
    for page in ("cp932", "no-such-page"):
        assert page_unheld(page) is None and unmended.page_unheld(page) is None


def test_garbled_path_classes_are_their_patterns() -> None:
    # (the searches the garbled path asks are built from the same characters as the
    # patterns kept beside them)
    assert (
        one_class(stray_letters._STRAY_CHARS).pattern.pattern == stray_letters._STRAY_CHAR.pattern
    )
    assert one_class(stray_letters.LOOKED).pattern.pattern == stray_letters._LOOKED_RE.pattern
    capitals = inner_capitals._capitals()
    assert one_class(capitals).pattern.pattern == inner_capitals._klass(capitals)
    assert not inner_capitals.capitals_lowered("ok é") and inner_capitals._SEARCH is not None
    assert set(legacy._LOOK_ALIKE.pattern.pattern[1:-1]) == set(map(chr, legacy._LOOK_ALIKES))


def test_bmp_classes_on_every_code_point() -> None:
    # (bmp_class reads the BMP alone: no character beyond it may match)
    every = "".join(map(chr, range(0x110000)))
    for pattern, found in (
        (legacy._BAD_CHARS, legacy._BAD_FOUND),
        (no_repair._NON_ASCII_SPACE, no_repair._NON_ASCII_SPACE_FOUND),
    ):
        assert {ch for ch in every if found(ch)} == set(pattern.findall(every)), pattern.pattern


def test_compiled_where_built() -> None:
    oc = one_class("é")
    assert (oc.found == oc.pattern.search) == (_CGATES is None)
    assert oc.first("caé") == 2 and oc.first("ca") == -1
    assert utf8._first_non_ascii("ab\U0001f600c") == 2 and not utf8._has_c1("a\x7f\xa0")
    assert utf8._has_c1("a\x85")


@pytest.mark.parametrize(
    "text",
    ["", "plain ascii", "Ðåäàêò", "Цей рядок", "l’été", "x\x85y", "😀 ok", "\ud800", "\uffff\x00"],
)
def test_chosen_lines(text: str) -> None:
    assert_same(text)


def test_real_lines_and_their_mojibake() -> None:
    lines = non_ascii_lines()[::7]
    for text in lines:
        assert_same(text)
    chains = [(step,) for step, _table in single_byte_steps()[::5]]
    for _clean, garbled in mojibake_pairs(lines[:60], chains):
        assert_same(garbled)


_CHARS = st.sampled_from("aé Ä’´ÞðЖ\x85\x80\x9f\xa0\x7f\x00\ud800\udfff\U0001f600\U0010ffff-]^")


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(_CHARS, max_size=40), st.text(max_size=80)))
def test_hypothesis_text(text: str) -> None:
    assert_same(text)
