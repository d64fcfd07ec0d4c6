"""The compiled opening of the legacy engine (``_cgates.opening``, see
``textfix.repair.gates.opening``) answers exactly as its pure-Python reference
``gates._opening_py``: the characters ``capital_behind_sign``, ``capital_behind_latin_sign``
and ``looks_anyway`` look for, ``looks_clean`` and ``typed_in_unicode``. On real lines and
their single-byte mojibake, chosen lines and hypothesis text (edge signs, final sigma, sharp
s, dotted capital I, astral characters). The engine reads the bits as the gates themselves:
a line without those characters gets False and None from them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.realdata import mojibake_pairs, non_ascii_lines

from textfix.chains import single_byte_steps
from textfix.repair import gates, legacy
from textfix.repair.ce_letters import looks_anyway
from textfix.repair.plausible import typed_in_unicode
from textfix.repair.sign_capitals import capital_behind_latin_sign

COMPILED = gates._compiled_opening()
compiled_only = pytest.mark.skipif(COMPILED is None, reason="textfix.repair._cgates is not built")


def assert_same(text: str) -> None:
    expected = gates._opening_py(text)
    if COMPILED is not None:
        found = gates.opening(text)
        if found & gates.ASK_TYPED:  # (beyond the BMP, typed_in_unicode is asked in Python)
            assert any(ch > "\uffff" for ch in text), text
            assert found & ~gates.ASK_TYPED == expected & ~gates.TYPED, text
        else:
            assert found == expected, text
    # (what the engine reads of the bits: the gates' own answers)
    if not expected & gates.SIGN_CAPITAL:
        assert not gates.capital_behind_sign(text), text
    if not expected & gates.LATIN_SIGN:
        assert capital_behind_latin_sign(text) is None, text
    if not expected & gates.ANYWAY:
        assert not looks_anyway(text), text
    assert bool(expected & gates.CLEAN) == gates.looks_clean(text), text
    assert bool(expected & gates.TYPED) == typed_in_unicode(text), text


def test_real_lines_and_their_mojibake() -> None:
    steps = [(chain,) for chain, _table in single_byte_steps()]
    clean = pairs = 0
    for line, garbled in mojibake_pairs(non_ascii_lines(), steps):
        assert_same(line)
        assert_same(garbled)
        clean += gates._opening_py(line) & gates.CLEAN != 0
        pairs += 1
    assert pairs > 500 and clean > 100


@pytest.mark.parametrize(
    "text",
    [
        "Le café est déjà prêt",
        "«Le café» est déjà prêt…",  # edge signs stripped
        "распространЯетсЯ",  # a capital ending a small word
        "“ровень 2",  # a cp1251 sign before a Cyrillic word
        "žablon etiketleri",  # a cp1252 sign before a Turkish word
        "Die Straße",  # sharp s looked up as "ss"
        "ΟΔΟΣ ΚΑΙ ΣΠΙΤΙ",  # capital sigma lowered by its neighbours
        "İstanbul ve İzmir",  # dotted capital I lowers to two characters
        "x²y ³adny \x85",  # suspect shapes
        "Om\xa0n dat„ Togskß",  # no-break space, trailing sign, sharp s
        "Бӕрӕг кӕны",  # typed in Unicode
        "Бӕрӕг кӕны \U0001f600",  # the same beyond the BMP
        "\U0001f600 café \ud800",  # astral character, lone surrogate
        "",
        "plain ascii",
    ],
)
def test_chosen_lines(text: str) -> None:
    assert_same(text)


_CHARS = st.sampled_from("aé Ä«»…–ß\u1e9eΣσςΟİIiЯяр“‚žš™€³¹\x85\xa0„·ӕ\x00\ud800\U0001f600.,-' ab")


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(_CHARS, max_size=60), st.text(max_size=80)))
def test_hypothesis_text(text: str) -> None:
    assert_same(text)


def test_without_the_module_every_gate_is_asked() -> None:
    bits = gates.opening("Le café")
    if COMPILED is None:
        assert bits == gates._ASK_ALL
    else:
        assert bits == gates.CLEAN


@compiled_only
def test_engine_still_repairs_a_sign_before_a_word() -> None:
    # (the lines the sign bits send on still reach the full tests)
    step = legacy.repair("žablon etiketleri ve dosyalar", legacy.DocumentContext())
    assert step is not None and step.text.startswith("Şablon")
