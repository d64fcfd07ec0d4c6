"""Lines shown through DOS and Mac code pages: signs glued into words become letters.

cp437, cp850 and mac-roman show the letters of other code pages as superscripts, symbols,
Greek letters and capitals (cp437's ``ⁿ`` is cp1254's ``ü``, mac-roman's ``Ê`` is cp1250's
``ć``). Clean prose writes none of those inside a word, so one such sign changed into a
letter of a language written in the chain's code page is evidence enough for a name that no
word list holds. Punctuation prose does use, Irish capitals after ``h``/``n`` and camel
case stay.
"""

from __future__ import annotations

import pytest

import textfix
from textfix.repair.legacy import _glued_made_letters, candidates

# Written for the test: (the line, its true code page, the code page it is shown as).
GLUED = [
    ("Horvatić", "cp1250", "mac-roman"),  # ć shown as a capital ending the word
    ("Jurković", "cp1250", "mac-roman"),
    ("Tiriacă", "cp1250", "cp850"),  # ă shown as a capital ending the word
    ("Tüllinn", "cp1254", "cp437"),  # ü shown as a superscript inside the word
]


@pytest.mark.parametrize(("line", "true", "shown"), GLUED)
def test_a_sign_glued_into_a_word_becomes_its_letter(line: str, true: str, shown: str) -> None:
    garbled = line.encode(true).decode(shown)
    assert garbled != line
    assert textfix.fix(garbled) == line


CLEAN = [
    "i nÉirinn",  # Irish: a capital after the prefix n-
    "ÇokluDilÖrnek",  # camel case
    "PROGRES¡STAS",  # punctuation prose uses, inside a word
    "Spalte A–Z",
    "Intel·ligent",
]


@pytest.mark.parametrize("line", CLEAN)
def test_clean_signs_and_capitals_stay(line: str) -> None:
    assert textfix.fix(line) == line


def test_a_lost_no_break_space_is_still_utf8() -> None:
    # ftfy restores "à" from "Ã" and a space: no single-byte repair of "Ã" competes.
    assert textfix.fix("voil\u00c3 le travail") == "voil\u00e0 le travail"


def test_which_changes_count_as_glued() -> None:
    best = candidates("Aktⁿer")[0]
    assert best.text == "Aktüer"
    assert _glued_made_letters("Aktⁿer", best)
    # a capital inside a word changes along but is no evidence alone
    found = candidates("hÚral")
    assert not found or not _glued_made_letters("hÚral", found[0])


# Written for the test: DOS and Mac code pages swap the case of a word's first letter.
FLIPPED = [
    ("čokolada", "cp1250", "mac-roman"),  # č shown as the capital Ë
    ("četvrtak", "cp1250", "mac-roman"),
    ("čitanje", "cp1250", "mac-roman"),
    ("Łukasz", "cp1250", "cp437"),  # Ł shown as the small ú
]


@pytest.mark.parametrize(("line", "true", "shown"), FLIPPED)
def test_a_flipped_letter_the_language_lacks_is_repaired(line: str, true: str, shown: str) -> None:
    garbled = line.encode(true).decode(shown)
    assert garbled[0].isupper() != line[0].isupper()
    assert textfix.fix(garbled) == line


# Clean words whose first letter a round trip would flip into a known word: the letter is
# one of the line's language ("è" is French, "š" Estonian), or the word is known as it is.
@pytest.mark.parametrize("line", ["Èmirats arabos unis", "šleski", "Ébène", "étage"])
def test_a_flip_of_a_letter_of_the_language_stays(line: str) -> None:
    assert textfix.fix(line) == line
