"""``fix``'s route for one line, without findings (``document.fix_line``): the same text as
the findings of the full route applied, on real lines garbled through many chains and on
made-up text; and the shared context it repairs in is never written to."""

from __future__ import annotations

from collections import Counter

from benchmarks.devset import garble
from hypothesis import given, settings
from hypothesis import strategies as st

from realdata import non_ascii_lines
from textfix import Fixer, fix, fix_and_explain
from textfix.options import FixOptions
from textfix.repair import document
from textfix.repair.line import FRESH

#: Single-byte and UTF-8 chains, one and two layers deep ("true>shown", innermost first).
_CHAINS = [
    tuple(tuple(step.split(">")) for step in chain.split())
    for chain in (
        "cp1251>iso8859-1",
        "cp1251>cp437",
        "cp1250>cp1252",
        "cp1253>mac-roman",
        "koi8-r>cp1252",
        "cp1257>cp1252",
        "utf-8>cp1252",
        "utf-8>cp437",
        "utf-8>cp1251",
        "utf-8>cp1252 utf-8>cp1252",
        "cp1251>cp1252 utf-8>cp1252",
    )
]


def _full_route(text: str, options: FixOptions) -> str:
    """What ``fix`` made of a one-line document before the short route: the findings of
    ``find_in_document`` that have a replacement and the confidence asked for, applied."""
    found = document.find_in_document(text, options, prior=Counter(), checked=True)
    applied = [
        f for f in found if f.replacement is not None and f.confidence >= options.min_confidence
    ]
    return document.apply_repairs(text, applied)


def _garbled_lines() -> list[str]:
    lines = non_ascii_lines()
    out = []
    for i, line in enumerate(lines):
        garbled = garble(line, _CHAINS[i % len(_CHAINS)])
        out.append(garbled if garbled is not None else line)
    return out


def test_fix_line_applies_what_the_findings_apply() -> None:
    options = [
        FixOptions(),
        FixOptions.make(min_confidence=0.96),
        FixOptions.make(min_confidence=0.3),
    ]
    changed = 0
    for i, text in enumerate(_garbled_lines()):
        if text.isascii() or "\n" in text:
            continue
        for line in (text, text + "\r"):
            opts = options[i % len(options)]
            fixed = document.fix_line(line, opts)
            assert fixed == _full_route(line, opts), line
            changed += fixed != line
    assert changed > 500  # (the sample repairs: the routes were compared on repairs)
    assert not FRESH.chains and not FRESH.prior


def test_fix_answers_like_fix_and_explain_on_garbled_lines() -> None:
    fixer = Fixer(min_confidence=0.9)
    for text in _garbled_lines()[::7]:
        assert fix(text) == fix_and_explain(text).text
        assert fixer.fix(text) == fixer.fix_and_explain(text).text
    assert not FRESH.chains and not FRESH.prior


_BITS = ["Ã©", "Ð¿", "Öåé", "ÃƒÂ©", "Ã", "Â", "é", "ï»¿", "â€œ", " ", "a", "\r", "ÿ", "Ñ"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_BITS), min_size=1, max_size=20).map("".join))
def test_fix_line_on_made_up_text(text: str) -> None:
    if text.isascii():
        return
    assert fix(text) == fix_and_explain(text).text
    assert document.fix_line(text, FixOptions()) == _full_route(text, FixOptions())
