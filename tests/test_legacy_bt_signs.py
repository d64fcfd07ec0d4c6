"""Baltic letters shown by cp437 as Greek capitals inside Latin words or as signs ending a
word (``MΣrkused`` is cp1257 ``Märkused``, ``Egl∞`` iso8859-4 ``Eglė``).

The words below were written for these tests and garbled here.
"""

from __future__ import annotations

import pytest

import textfix
from textfix.repair.legacy import _ENDS_WORD, _mixes_scripts


@pytest.mark.parametrize(
    ("line", "true"),
    [
        ("Märkused", "cp1257"),
        ("Käärik", "iso8859-13"),
        ("Eglė", "iso8859-4"),
        ("%(value).1f kvintilijonų", "iso8859-10"),
    ],
)
def test_cp437_signs_in_words_are_mended(line: str, true: str) -> None:
    garbled = line.encode(true).decode("cp437")
    assert textfix.fix(garbled) == line


def test_borrowed_capitals_inside_latin_words() -> None:
    assert _mixes_scripts("MΣrkused") and _mixes_scripts("KΣΣrik")
    # Akan and Kabyle write the small ε inside words, the capitals at a word's start
    assert not _mixes_scripts("Akyerεko") and not _mixes_scripts("Σkyere")


@pytest.mark.parametrize(
    "line", ["Akyerεko", "Σkyere ne Akyerεko", "Windows® 20°C n° 5", "Microsoft™ and Apple®"]
)
def test_clean_signs_stay(line: str) -> None:
    assert textfix.fix(line) == line


def test_sign_ending_a_word() -> None:
    assert _ENDS_WORD.search("Egl∞") and _ENDS_WORD.search("kvintilijon∙ x")
    # after one or two letters (an abbreviation), before a letter, or in a common sign
    assert not _ENDS_WORD.search("n° 5") and not _ENDS_WORD.search("Ce∩")
    assert not _ENDS_WORD.search("ab∞cd")
