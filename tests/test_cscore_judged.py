"""The compiled ``judged_after`` (``textfix.scoring._cscore``) answers exactly as its
pure-Python reference ``legacy._judged_after_utf8_py``: on real lines shown as UTF-8 read
as a single-byte page and their ftfy repairs, on lines of one length, on chosen pairs and on
hypothesis text (spaces of every kind, U+FFFD, surrogates, astral characters, a line past
the alignment bound), with the compiled aligner and with difflib's. Skipped when the module
is not built or TEXTFIX_PURE_PYTHON is set."""

from __future__ import annotations

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.realdata import mojibake_pairs, non_ascii_lines

from textfix._native import load
from textfix.chains import single_byte_steps
from textfix.repair import legacy, spans

CSCORE = load("textfix.scoring._cscore")
CGATES = load("textfix.repair._cgates")
pytestmark = pytest.mark.skipif(CSCORE is None, reason="textfix.scoring._cscore is not built")

ALIGNERS = [spans._differences] + ([CGATES.diff_blocks] if CGATES is not None else [])


def assert_same(text: str, fixed: str) -> None:
    assert CSCORE is not None
    expected = legacy._judged_after_utf8_py(text, fixed)
    for aligner in ALIGNERS:
        assert CSCORE.judged_after(text, fixed, aligner, spans._MAX_ALIGN) == expected, (
            text,
            fixed,
        )
    assert legacy._judged_after_utf8(text, fixed) == expected


def test_utf8_mojibake_and_its_repairs() -> None:
    pairs = 0
    for i, line in enumerate(non_ascii_lines()):
        page = ("latin-1", "cp1252", "cp437", "mac-roman")[i % 4]
        try:
            shown = line.encode("utf-8").decode(page)
        except UnicodeError:
            continue
        assert_same(shown, line)
        assert_same(shown, ftfy.fix_text(shown))
        assert_same(line, shown)
        pairs += 1
    assert pairs > 500


def test_single_byte_pairs() -> None:
    steps = [(chain,) for chain, _table in single_byte_steps()]
    pairs = 0
    for line, garbled in mojibake_pairs(non_ascii_lines(), steps):
        assert_same(garbled, line)
        pairs += 1
    assert pairs > 500


#: Pairs chosen for their edges, each with what it shows.
CHOSEN = {
    ("çÁÎÓØËÅ ÓÅÄ¦", "çÁÎÓØËÅ ÓÅĦ"): "a word left garbled is judged too",
    ("¯\\_(ã\x83\x84)_/¯ ok", "¯\\_(ツ)_/¯ ok"): "symbols alone are no evidence",
    ("Â¯\\_(Ã£Â\x83Â\x84)_/Â¯ (Â¤) FuÃ?ball", "¯\\_(ツ)_/¯ (¤) Fu\ufffdball"): "U+FFFD cuts",
    ("Ñ¨®‚‡Æ", "Ѩ®‚‡Æ"): "symbols glued to a letter",
    ("m\x84rgi", "m„rgi"): "a C1 control read as cp1252: one length",
    ("voilÃ le", "voilà le"): "a lost no-break space",
    ("a\u00a0Ã©\u00a0b", "a\u00a0é\u00a0b"): "a no-break space starts a core word",
    ("Ã©" * 3000, "é" * 3000): "past the alignment bound: one span",
    ("abc", "abcé"): "a letter added after an equal prefix",
    ("éabc", "abc"): "a letter lost before an equal suffix",
    ("", "x"): "from nothing",
    ("same", "same"): "no change",
    ("\ud800Ã©\U0001f600 x", "\ud800é\U0001f600 x"): "a surrogate and an astral character",
}


def test_chosen_pairs() -> None:
    for text, fixed in CHOSEN:
        assert_same(text, fixed)


#: Characters of every kind the judge reads apart: letters, a UTF-8 sequence, spaces,
#: U+FFFD, a surrogate, an astral character, ASCII punctuation, a C1 control.
PIECES = "abAB éÃ©Ж\u00a0\t\u3000\u2028\x00\ufffd\ud800\U0001f600-_(¯\x84"


@settings(max_examples=400, deadline=None)
@given(st.text(PIECES, max_size=30), st.text(PIECES, max_size=30), st.text(max_size=30))
def test_any_pair(text: str, fixed: str, other: str) -> None:
    assert_same(text, fixed)
    assert_same(text + other, fixed + other)
    assert_same(other, fixed)
