"""Baltic and Turkish lines that read well letter by letter: a word swap looks past the
plausibility bar (``legacy._swapped``), words that are inflected forms lead a line none of
whose words is listed (``legacy._form_lead``), and Icelandic letters in words no owner
could spell send a line the accept test passes to the engine (``stray_letters.looks_stray``).

The lines below were written for these tests and garbled here.
"""

from __future__ import annotations

import pytest

import textfix
from textfix.repair.legacy import (
    THIN_LISTS,
    _code_of,
    _form_lead,
    _lead_index,
    _own_letters_swapped,
    _swapped,
)
from textfix.repair.stray_letters import looks_stray
from textfix.scoring import word_langs


@pytest.mark.parametrize("line", ["Fidži saared", "Fidži keeled", "Aserbaidžaani keeled"])
def test_estonian_forms_lead_to_iso8859_10(line: str) -> None:
    # (iso8859-2's Sorbian "Fidźi" is a listed word; Estonian's list lacks "keeled")
    garbled = line.encode("iso8859-10").decode("cp1252")
    assert not word_langs("keeled") and not word_langs("saared")
    assert _code_of(1 << _lead_index(garbled)) == "et"
    assert textfix.fix(garbled) == line


def test_form_lead_needs_a_leader() -> None:
    assert _form_lead(["xyzzy", "Fid¼i"]) == -1
    assert _form_lead([]) == -1


@pytest.mark.parametrize(
    ("line", "true"),
    [
        ("Kaldır", "cp1254"),
        ("Tanımla", "cp1254"),
        ("Vartotojo grupės", "cp1257"),
        ("Naujos grupės", "cp1257"),
    ],
)
@pytest.mark.parametrize("shown", ["cp1252", "iso8859-1"])
def test_word_swaps_past_the_bar(line: str, true: str, shown: str) -> None:
    garbled = line.encode(true).decode(shown)
    assert _swapped(garbled)
    assert textfix.fix(garbled) == line


@pytest.mark.parametrize("line", ["Shto një etiketë", "%(count)d minutë", "etiketë:"])
def test_swaps_of_thin_lists_need_the_line(line: str) -> None:
    # Albanian's list is CLDR's: "etiketë" missing from it is no evidence ("etiketė" is
    # Lithuanian); a Lithuanian word in the line would be.
    assert "sq" in THIN_LISTS
    assert not _swapped(line)
    assert textfix.fix(line) == line


@pytest.mark.parametrize("line", ["Adžaaria", "Madžarid", "Adžaaria Vabariik"])
@pytest.mark.parametrize("true", ["cp1257", "iso8859-13"])
@pytest.mark.parametrize("shown", ["cp1252", "iso8859-1"])
def test_icelandic_strays_the_accept_test_passes(line: str, true: str, shown: str) -> None:
    # (every bigram of "Adþaaria" is some language's; the engine looks because no owner of
    # "þ" writes "dþ" and "þa" so, whether or not the accept test's rare-bigram rule for
    # few-owner letters already fails the line)
    garbled = line.encode(true).decode(shown)
    assert looks_stray(garbled)
    assert textfix.fix(garbled) == line


@pytest.mark.parametrize(
    "line", ["Þórður fór heim", "Það er gott veður í dag", "Hún heitir Guðrún", "Ég þarf að fara"]
)
def test_icelandic_lines_stay(line: str) -> None:
    assert not looks_stray(line)
    assert textfix.fix(line) == line


@pytest.mark.parametrize("line", ["Trains stoр here.", "The ship will stoр soon."])
def test_look_alikes_are_no_swap(line: str) -> None:
    # (a Cyrillic "р" typed in a Latin word: "stoð" is an Icelandic word by chance)
    assert not _swapped(line)
    assert textfix.fix(line) == line


def test_a_swap_between_letters_of_one_language_is_no_evidence() -> None:
    # (Estonian writes both "õ" and "ä": a word its list lacks is no mojibake of a listed
    # one, "sõrakeselgi" through cp850 would be the listed "särakeselgi")
    word = "sõrakeselgi"
    assert not word_langs(word)
    assert _code_of(word_langs(word.replace("õ", "ä"))) == "et"
    assert textfix.fix(word) == word
    assert _own_letters_swapped(((10, word_langs("särakeselgi")),), {"õ"})
    # (Turkish writes no "ý": "Kaldýr" stays a swap, and so does a case-changing one)
    assert not _own_letters_swapped(((6, word_langs("kaldır")),), {"ý"})
    assert textfix.fix("Kaldýr") == "Kaldır"
