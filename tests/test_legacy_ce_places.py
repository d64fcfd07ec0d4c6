"""Letters standing where no language holding them writes them (``ce_letters._out_of_place``,
``plausible.RARE_BIGRAM``): Hungarian ``ő`` shown as Portuguese ``õ`` after a consonant,
Turkish ``ı`` shown as Icelandic ``ý`` between letters Icelandic never puts it beside."""

from __future__ import annotations

import pytest
from tests.garbling import garble

import textfix
from textfix.chains import fits
from textfix.repair.ce_letters import (
    _odd_chars,
    _out_of_place,
    has_out_of_place,
    letters_made_words,
    may_prove_words,
)
from textfix.repair.plausible import plausible

# Own words: Hungarian compounds no list has whole (forms of listed words), one letter off.
FORMS = [
    ("Buszvezető", "cp1250", "cp1252"),
    ("Hajóvezető", "iso8859-2", "iso8859-1"),
    ("Gépkocsivezető", "iso8859-16", "cp1252"),
]


@pytest.mark.parametrize(("line", "true", "shown"), FORMS)
def test_forms_with_a_letter_out_of_place_come_back(line: str, true: str, shown: str) -> None:
    garbled = garble(line, true, shown)
    assert garbled != line
    assert not plausible(garbled)  # (Portuguese writes no "tõ" at a word's end)
    assert may_prove_words(garbled)
    assert textfix.fix(garbled) == line


def test_letters_out_of_place() -> None:
    assert _out_of_place("Buszvezetõ", 9)
    assert not _out_of_place("Buszvezető", 9)
    # Letters where their own languages write them; a sign beside one is the word's edge.
    assert not _out_of_place("milhões", 4)
    assert not _out_of_place("pièce", 2)
    assert not _out_of_place("d’été", 2)
    assert has_out_of_place("a Buszvezetõ")
    assert not has_out_of_place("pièce jointe, d’été, blæst")


# Own clean lines: names of unmodelled orthographies with such letters are left alone (a
# letter out of place speaks for a form of a listed word, never for a name alone).
CLEAN = [
    "Tchèki",
    "Sibrandahûs",
    "milhões de pessoas",
    "une pièce jointe",
]


@pytest.mark.parametrize("line", CLEAN)
def test_clean_lines_unchanged(line: str) -> None:
    assert textfix.fix(line) == line


def test_turkish_dotless_i_between_letters() -> None:
    garbled = garble("dosya açılıyor", "cp1254", "cp1252")
    assert not plausible(garbled)
    assert textfix.fix(garbled) == "dosya açılıyor"


# Characters a DOS or Mac page puts where no clean word has them prove the repaired word:
# - Western European pages misplace capitals and signs as Central European ones do
#   (ce_letters._proving);
# - a letter out of place there (no acute, grave or circumflex accent, which many
#   orthographies put anywhere) speaks for a listed word, never for a name or form.
PROVED = [
    ("Anlægsgartner", "cp1252", "mac-roman"),  # Danish æ shows as Ê inside the word
    ("Anlægsgartner", "iso8859-15", "mac-roman"),
    ("Práce", "mac-latin2", "cp437"),  # á shows as ç before "c": no language writes "rçc"
    ("Včera", "mac-latin2", "cp437"),  # č shows as ï after "V"
    ("Mačka", "cp852", "mac-roman"),  # č shows as ü before "k"
]


@pytest.mark.parametrize(("line", "true", "shown"), PROVED)
def test_dos_and_mac_pages_prove_words(line: str, true: str, shown: str) -> None:
    garbled = garble(line, true, shown)
    assert letters_made_words(garbled, line, (true, shown))
    assert textfix.fix(garbled) == line


def test_western_pages_need_misplaced_characters() -> None:
    # (a Western letter foreign to a language is no evidence through Western pages)
    assert not letters_made_words("Crème", "Crčme", ("cp1252", "cp850"))


def test_dos_pages_ignore_freely_accented_letters() -> None:
    # (Kurdish-style "î" between consonants: a circumflex proves nothing through DOS pages)
    assert not _odd_chars("Martinîk")
    assert _odd_chars("Vïera") == {"ï"}


def test_no_turkish_reading_through_latin3() -> None:
    # Own Frisian line: cp850 shows cp1252's "û" as "¹"; Latin-3 reads it as Turkish "ı",
    # a language whose text is not written in iso-8859-3 (chains.FAMILY_LANGS).
    assert not fits("iso8859-3", "tr")
    garbled = garble("It nûmer is ferkeard", "cp1252", "cp850")
    assert "ı" not in textfix.fix(garbled)


def test_name_ending_in_a_letter_out_of_place() -> None:
    # Own surname: cp1250's "ć" shows as "æ" after "i", an ending no language with "æ" has.
    garbled = garble("Zrinjević", "cp1250", "cp1252")
    assert garbled == "Zrinjeviæ"
    assert textfix.fix(garbled) == "Zrinjević"
    # (inside a word, Danish compounds put "æ" after any letter: no name proof there)
    assert textfix.fix("Partiændring") == "Partiændring"
