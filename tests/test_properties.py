"""Properties of the public API (issue 2): never raises, idempotent, clean text unchanged, and
real lines put through a supported chain come back exactly."""

from __future__ import annotations

import functools
import importlib.util

import pytest
from benchmarks.devset import garble, has_non_ascii_letter
from benchmarks.realtext import sentences
from hypothesis import assume, given
from hypothesis import strategies as st

from realdata import non_ascii_lines
from textfix import detect, fix, fix_and_explain

#: Characters that have broken text tools before: NUL, C0/C1 controls, NEL, line/paragraph
#: separators, BOM, replacement character, lone surrogates, combining marks, astral symbols.
_NASTY = "\x00\x01\x1b\x7f\x80\x85\x9d\xa0\xad\u2028\u2029\ufeff\ufffd\ud800\udbff\udc00\udfff"
_NASTY += "\u0301\u0483\u200d\U0001f600\U0010ffff"

_MOJIBAKE_BITS = ["\n", "\r\n", "\r", "Ã©", "Ð¿", "Öåé", "ÃƒÂ©", " ", "a"]
any_text = st.text(
    st.one_of(
        st.characters(exclude_categories=()),  # every code point, surrogates included
        st.sampled_from(_NASTY),
        st.characters(max_codepoint=0x52F),  # Latin-1, Cyrillic: where mojibake lives
    ),
    max_size=300,
) | st.lists(st.sampled_from(_MOJIBAKE_BITS), max_size=30).map("".join)

real_line = st.sampled_from(non_ascii_lines())
real_document = st.lists(real_line, min_size=1, max_size=5).flatmap(
    lambda lines: st.sampled_from(["\n", "\r\n"]).map(lambda end: end.join(lines))
)


@given(any_text)
def test_fix_never_raises_and_returns_str(text: str) -> None:
    assert isinstance(fix(text), str)


@given(any_text)
def test_fix_is_idempotent(text: str) -> None:
    once = fix(text)
    assert fix(once) == once


@given(any_text)
def test_explain_agrees_with_fix_and_offsets_hold(text: str) -> None:
    fixed = fix_and_explain(text)
    assert fixed.text == fix(text)
    for repair in fixed.repairs:
        assert text[repair.start : repair.end] == repair.original
        assert 0.0 <= repair.confidence <= 1.0
        assert repair.chain
    for finding in detect(text):
        assert text[finding.start : finding.end] == finding.original


@given(real_document)
def test_clean_real_text_is_unchanged(document: str) -> None:
    assert fix(document) == document
    assert fix_and_explain(document).repairs == []


@given(real_line, st.sampled_from(["cp1252", "iso8859-1"]))
def test_utf8_mojibake_of_a_real_line_comes_back(line: str, shown: str) -> None:
    garbled = garble(line, (("utf-8", shown),))
    assume(garbled is not None)
    assert fix(garbled) == line


@given(real_line, st.sampled_from(["cp1252", "iso8859-1"]))
def test_garbled_then_fixed_is_idempotent(line: str, shown: str) -> None:
    garbled = garble(line, (("utf-8", shown),))
    assume(garbled is not None)
    once = fix(garbled)
    assert fix(once) == once


@given(real_document)
def test_utf8_mojibake_of_a_real_document_comes_back(document: str) -> None:
    garbled = garble(document, (("utf-8", "cp1252"),))
    assume(garbled is not None)
    assert fix(garbled) == document


# --- single-byte (legacy) chains, issue 3 ---------------------------------------------------


def _has_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:  # the parent package is missing too
        return False


_LEGACY_ENGINE = _has_module("textfix.repair.legacy")
legacy_only = pytest.mark.skipif(
    not _LEGACY_ENGINE,
    reason="single-byte legacy engine (textfix.repair.legacy, issue 3) is not on this branch yet",
)

#: Language -> (its main code page, the wrong codecs it is most often shown as). Only families
#: whose issue-3 target is >= 90% are asserted line by line, on long lines (strong evidence).
_LEGACY_CASES = {
    "uk": ("cp1251", ("iso8859-1", "cp1252")),
    "ru": ("cp1251", ("iso8859-1", "cp1252", "koi8-r")),
    "bg": ("cp1251", ("iso8859-1", "cp1252")),
    "el": ("cp1253", ("iso8859-1", "cp1252")),
    "he": ("cp1255", ("iso8859-1", "cp1252")),
    "ar": ("cp1256", ("iso8859-1", "cp1252")),
    "th": ("cp874", ("iso8859-1", "cp1252")),
}


@functools.cache
def _long_lines(lang: str) -> list[str]:
    lines = sentences(lang, sources=["django", "sphinx"], min_chars=40).get(lang, [])
    return [x for x in lines if has_non_ascii_letter(x)][:400]


#: Issue 3 states the legacy families' targets as restore rates (Cyrillic >= 97%, Greek >= 95%,
#: Hebrew, Arabic and Thai >= 90%); on long lines, where the evidence is strongest, every
#: asserted case must reach the strictest of them.
_LONG_LINE_FLOOR = 0.97
_LINES_PER_CASE = 60


@legacy_only
@pytest.mark.parametrize(
    ("lang", "true", "shown"),
    [(lang, true, shown) for lang, (true, shows) in _LEGACY_CASES.items() for shown in shows],
)
def test_single_byte_mojibake_of_long_real_lines_comes_back(
    lang: str, true: str, shown: str
) -> None:
    cases = []
    for line in _long_lines(lang)[:_LINES_PER_CASE]:
        garbled = garble(line, ((true, shown),))
        if garbled is not None and garbled != line:
            cases.append((line, garbled))
    assert len(cases) >= _LINES_PER_CASE // 2
    missed = [(line, fix(garbled)) for line, garbled in cases if fix(garbled) != line]
    rate = 1 - len(missed) / len(cases)
    assert rate >= _LONG_LINE_FLOOR, missed[:5]
