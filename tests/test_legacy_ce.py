"""Central European words with letters foreign to their language, and no-break spaces read
as cp852's ``á`` (``textfix.repair.ce_letters``), end to end through ``fix``."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.garbling import garble

import textfix
from textfix.repair.ce_letters import letters_made_words, nbsp_in_word

# Own short lines: one or two letters of each language beyond latin-1.
REPAIRED = [
    ("město", "cp1250", "cp1252"),  # Czech ě shows as ì
    ("hősök", "cp1250", "iso8859-1"),  # Hungarian ő shows as õ
    ("Đakovo", "iso8859-2", "cp1252"),  # Croatian Đ shows as Ð
    ("kapitán", "cp852", "cp1252"),  # cp852's á is byte 0xA0, a no-break space
    ("Zpráva", "cp852", "iso8859-1"),
]


@pytest.mark.parametrize(("line", "true", "shown"), REPAIRED)
def test_short_lines_come_back(line: str, true: str, shown: str) -> None:
    garbled = garble(line, true, shown)
    assert garbled != line
    assert textfix.fix(garbled) == line


CLEAN = [
    "v\xa0Praze",  # Czech typography: no-break space after a one-letter word
    "10\xa0000 Kč",
    "Un mot\xa0» et «\xa0un autre",
    "Innis Tìle",  # Scottish Gaelic: the other word is no listed word
    "afficher la kième fraction de N sur la sortie standard",  # French words outvote
    "Così è",
    "São Paulo",
    "Guðrún",
    "Crème brûlée",
    "mariý dili",  # Turkmen: iso-8859-16 letters do not count
    "Windows\xa010",
]


@pytest.mark.parametrize("line", CLEAN)
def test_clean_lines_stay(line: str) -> None:
    assert textfix.fix(line) == line


def test_evidence_needs_a_foreign_letter_made_a_known_word() -> None:
    # a known word changed is no evidence; a repair into no known word neither
    assert not letters_made_words("mì", "mě", ("cp1250", "cp1252"))
    assert not letters_made_words("Pøidaxyz", "Přidaxyz", ("cp1250", "cp1252"))
    # the letter made must be foreign to the language before: è is no Czech letter
    assert letters_made_words("mìsto", "město", ("cp1250", "cp1252"))
    # DOS and Mac display pages and iso-8859-16 prove nothing by letters alone
    assert not letters_made_words("mìsto", "město", ("cp1250", "cp437"))
    assert not letters_made_words("Sìria", "Sýria", ("cp852", "cp1252"))
    # ... but a no-break space made a letter does, through any Central European page
    assert letters_made_words("kapit\xa0n", "kapitán", ("cp852", "cp1252"))


def test_nbsp_shape() -> None:
    assert nbsp_in_word("Kostoln\xa0 Ves") and nbsp_in_word("Om\xa0n")
    assert nbsp_in_word("Chud¡kov\xa0")
    assert not nbsp_in_word("v\xa0Praze") and not nbsp_in_word("mot\xa0»")
    assert not nbsp_in_word("10\xa0000") and not nbsp_in_word("Windows\xa010")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("aeiouklmnrstv èìõæø\xa0ÐÈ ")))
def test_no_repair_without_change_and_fix_never_raises(text: str) -> None:
    assert not letters_made_words(text, text, ("cp1250", "cp1252"))
    assert isinstance(textfix.fix(text), str)


_NBSP_TEXT = st.text(alphabet=st.sampled_from("ab1 \xa0é»\u0301_Ω²"), max_size=12)


@settings(max_examples=300, deadline=None)
@given(_NBSP_TEXT)
def test_compiled_quick_proof_leaves_nbsp_lines_to_python(text: str) -> None:
    from textfix.repair import line as line_repair

    quick = line_repair.quick_proof()
    if quick is None:
        pytest.skip("compiled module not built")
    if nbsp_in_word(text):
        assert not quick(text)
        assert not line_repair.untouched(text, 0.5)


def test_nbsp_before_punctuation_is_no_letter() -> None:
    # French typography: a no-break space before a colon, whatever reading it as "á" makes
    assert not letters_made_words("Groupe\xa0: nom", "Groupeá: nom", ("cp852", "cp1252"))
    assert textfix.fix("Groupe\xa0: nom") == "Groupe\xa0: nom"


def test_one_foreign_letter_in_a_long_line_is_looked_at() -> None:
    # the line's letter statistics read well (è is a Catalan letter): the word decides
    line = "Izberi statièno sliko"
    assert textfix.fix(line) == "Izberi statično sliko"
