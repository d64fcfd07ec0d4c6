"""The rank's use of the language the line's untouched words lead in (legacy._lead_index):
one vote is enough to name it, and words with mojibake in them do not vote."""

from __future__ import annotations

import pytest
from tests.garbling import garble

import textfix
from textfix.repair import legacy


def code_of(index: int) -> str | None:
    return None if index < 0 else legacy._code_of(1 << index)


@pytest.mark.parametrize(
    ("line", "lead"),
    [
        ("¹as branja", "sl"),  # "branja" alone votes
        ("Ign╙", None),  # the garbled word's "Ign" does not vote
        ("xyz qqq", None),
        ("", None),
    ],
)
def test_lead_comes_from_words_of_letters(line: str, lead: str | None) -> None:
    assert code_of(legacy._lead_index(line)) == lead


def test_short_repaired_word_known_in_the_lead_wins() -> None:
    # iso8859-16 "č" shown as mac-roman "π"; iso8859-2 reads the byte as "š" ("šas" is no
    # word): "čas" is a Slovene word, the language "branja" leads in.
    garbled = garble("čas branja", "iso8859-16", "mac-roman")
    assert garbled == "πas branja"
    assert textfix.fix(garbled) == "čas branja"


def test_romanian_comma_letter_beats_a_baltic_reading() -> None:
    garbled = garble("Piața Unirii", "iso8859-16", "cp437")
    assert textfix.fix(garbled) == "Piața Unirii"
