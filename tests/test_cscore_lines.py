"""The compiled functions of ``_cscore_lines.h`` (``textfix.scoring._cscore``) answer
exactly as their pure-Python references: ``judged_after`` as ``legacy._judged_after_utf8_py``
on real lines shown as UTF-8 read as a single-byte page and their ftfy repairs, on lines of
one length, on chosen pairs and on hypothesis text (spaces of every kind, U+FFFD,
surrogates, astral characters, a line past the alignment bound), with the compiled aligner
and with difflib's; ``language_votes`` (``model.compiled_line_language``) as ``line_votes``
of the line's prose wherever it answers, and it answers every line with nothing for
``line_language.prose`` to blank. Skipped when the module is not built or
TEXTFIX_PURE_PYTHON is set."""

from __future__ import annotations

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.realdata import mojibake_pairs, non_ascii_lines

from textfix._native import load
from textfix.chains import single_byte_steps
from textfix.repair import legacy, spans
from textfix.repair.line_language import VOTE_LETTERS, line_language, prose
from textfix.scoring.model import compiled_line_language, line_votes

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


def assert_votes(line: str) -> None:
    found = compiled_line_language(VOTE_LETTERS)(line)
    own_prose = not any(mark in line for mark in ("%", "{", "<", "&", "://"))
    assert (found is not None) == own_prose, line
    expected = line_votes(prose(line), VOTE_LETTERS)
    if found is not None:
        assert found == expected, line
    assert line_language(line) == expected


def test_language_votes_of_real_lines() -> None:
    steps = [(chain,) for chain, _table in single_byte_steps()]
    named = 0
    for line, garbled in mojibake_pairs(non_ascii_lines(), steps):
        for text in (line, garbled, f"{line} %(name)s", f"<b>{garbled}</b>"):
            assert_votes(text)
        named += line_language(line)[0] is not None
    assert named > 300


#: Known words of a few languages and scripts, and what prose blanks or splits words on.
WORDS = ["saugioje", "vietoje", "juos", "текст", "Текст", "DAVID", "abc", "%", "{", "<", "&"]
WORDS += [":", "/", "//", "\u00a0", "ñ", "\ud800", "-", "'"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12), st.sampled_from(["", " "]))
def test_language_votes_of_any_text(words: list[str], space: str) -> None:
    assert_votes(space.join(words))
