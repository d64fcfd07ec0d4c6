"""The compiled front of the legacy engine (``_cgates.front``, see ``textfix.repair.front``)
answers exactly as its pure-Python reference ``front._front_py``: the opening's bits, quote
signs' cheap shape, lone signs, looks_anyway, the Icelandic letters looks_stray looks for and
plausible where the engine asks it. On real lines and their single-byte mojibake, chosen
lines and hypothesis text. The engine reads the bits as the tests themselves: each bit agrees
with the test it stands for."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.realdata import mojibake_pairs, non_ascii_lines

from textfix.chains import single_byte_steps
from textfix.repair import document, front, gates, legacy
from textfix.repair.ce_letters import looks_anyway
from textfix.repair.lone_words import lone_signs
from textfix.repair.plausible import plausible
from textfix.repair.quote_signs import looks_quoted, signs_quoted
from textfix.repair.stray_letters import looks_stray

COMPILED = front._compiled_front()
compiled_only = pytest.mark.skipif(COMPILED is None, reason="textfix.repair._cgates is not built")
_READ = front.READS | front.READS_NOT
QUICK = document.quick_line_check()


def assert_same(text: str) -> None:
    expected = front._front_py(text)
    if COMPILED is not None:
        found, kept = front.front(text), expected
        if found & gates.ASK_TYPED:  # (beyond the BMP, typed_in_unicode is asked in Python)
            assert any(ch > "\uffff" for ch in text), text
            found &= ~(gates.ASK_TYPED | _READ)
            kept &= ~(gates.TYPED | _READ)
        if found & front.ASK_NBSP:  # (looks_anyway's C twin leaves some lines to Python)
            found &= ~(front.ASK_NBSP | _READ)
            kept &= ~(front.NBSP | _READ)
        assert found == kept, text
        if "\n" not in text and QUICK(text) == document.IMPLAUSIBLE:
            # (the document check's verdict handed on: the same bits without the page test)
            assert front.front(text, front.IMPLAUSIBLE_LINE) == front.front(text), text
    # (what the engine reads of the bits: the tests' own answers)
    assert bool(expected & front.QUOTED) == looks_quoted(text), text
    if not expected & front.QUOTED:
        assert signs_quoted(text) is None, text
    assert bool(expected & front.LONE) == lone_signs(text), text
    assert bool(expected & front.NBSP) == (bool(expected & gates.ANYWAY) and looks_anyway(text))
    if not expected & front.LOOKED:
        assert not looks_stray(text), text
    if expected & front.READS:
        assert plausible(text), text
    if expected & front.READS_NOT:
        assert not plausible(text), text


def test_real_lines_and_their_mojibake() -> None:
    steps = [(chain,) for chain, _table in single_byte_steps()]
    pairs = reads = implausible = 0
    for line, garbled in mojibake_pairs(non_ascii_lines(), steps):
        assert_same(line)
        assert_same(garbled)
        reads += front._front_py(garbled) & _READ != 0
        implausible += QUICK(garbled) == document.IMPLAUSIBLE
        pairs += 1
    assert pairs > 500 and reads > 100
    assert implausible > 100 or COMPILED is None


@pytest.mark.parametrize(
    "text",
    [
        "Le café est déjà prêt",
        "questo Þ usato da noi",  # a lone sign
        "Tadþikistani Vabariik",  # a looked-for Icelandic letter
        "Om\xa0n dat„ Togskß",  # no-break space, trailing sign, sharp s
        "pole ´viimane¡ on",  # quote signs' cheap shape
        "“ровень 2",  # a sign capital: plausible is not asked
        "³adny dzieñ",  # reads ill
        "Ã©tÃ©",  # a UTF-8 page to try: Python's round trip
        "Бӕрӕг кӕны \U0001f600",  # typed beyond the BMP
        "\U0001f600 café \ud800",
        "",
        "plain ascii",
    ],
)
def test_chosen_lines(text: str) -> None:
    assert_same(text)


_CHARS = st.sampled_from("aé Ä«»…–ß´¡ÞþðÐΣσς“‚žš™€³¹\x85\xa0„·ӕ\x00\ud800\U0001f600.,-'Ã© ab")


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(_CHARS, max_size=60), st.text(max_size=80)))
def test_hypothesis_text(text: str) -> None:
    assert_same(text)


def test_without_the_module_every_test_is_asked() -> None:
    bits = front.front("questo Þ usato")
    assert bits & front.LONE
    if COMPILED is None:
        assert bits & front.QUOTED and bits & front.LOOKED and not bits & _READ


@compiled_only
def test_engine_still_repairs_a_lone_sign_and_a_stray_letter() -> None:
    # (the lines the bits send on still reach the full tests)
    step = legacy.repair("questo Þ usato da noi", legacy.DocumentContext())
    assert step is not None and step.text == "questo è usato da noi"
    step = legacy.repair("Tadþikistani Vabariik", legacy.DocumentContext())
    assert step is not None and step.text == "Tadžikistani Vabariik"
