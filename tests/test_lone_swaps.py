"""A lone clean word whose round trip only swaps one letter for another language's word
stays (repair/lone_swaps.py, from legacy._clean_shape_read); garbled lone words of the same
chains are still repaired."""

from __future__ import annotations

from tests.test_unmended import repaired

import textfix
from textfix.repair.lone_swaps import own_word_swapped

# The main branch before lone_swaps changed them all (the hunspell sweep's finds).
CLEAN = [
    "kalbëta",  # Albanian, no Lithuanian "kalbėta" (cp1257 shown as cp1252)
    "Kalbëta",
    "KALBËTA",
    "Kalbëta.",  # (punctuation is no other word)
    "KARMIÑ",  # Breton, no Polish "KARMIĄ" (cp1250 shown as cp437, which lacks Breton's Ê)
    "Sõrakesil",  # Estonian writes õ, as "särakesil" (cp1252 shown as cp850)
    "Љубинка",  # a Serbian name, a form of "Љубин": no Russian "Кубинка" (mac-cyrillic)
    "(Љубинка)",
]

# Own words, one letter of each garbled: they gain more, or make a Serbian word.
GARBLED = [
    ("vėliau", "cp1257", "cp1252"),  # "vëliau" reads worse than Albanian does (gain 0.81)
    ("dėmesio", "cp1257", "cp1252"),  # (gain 0.29)
    ("VĖLIAU", "cp1257", "cp1252"),
    ("Новости", "mac-cyrillic", "cp1251"),  # "Ќовости": no Serbian or Macedonian form
    ("Кнопка", "mac-cyrillic", "cp1251"),  # "Љнопка"
    ("Привет", "mac-cyrillic", "cp1251"),  # "Џривет"
    ("Норвешка", "mac-cyrillic", "cp1251"),  # Macedonian made: "Ќорвешка"
]


def test_clean_words_stay_and_garbled_ones_are_repaired() -> None:
    assert [textfix.fix(line) for line in CLEAN] == CLEAN
    repaired(GARBLED)


def test_thin_list_shape() -> None:
    # a word reading as Albanian (thin list, cp1252 writes it), one letter swapped, level
    assert own_word_swapped("dëkoti", "dėkoti", "cp1252", 0.17)
    assert own_word_swapped("Dëkoti", "Dėkoti", "cp1252", 0.17)
    # (a DOS page holding the language's small letters writes it: Breton in cp437)
    assert own_word_swapped("KOMZIÑ", "KOMZIĄ", "cp437", 0.1)
    # ... not when the letter statistics speak, nor beside another word
    assert not own_word_swapped("dëkoti", "dėkoti", "cp1252", 0.5)
    assert not own_word_swapped("labai dëkoti", "labai dėkoti", "cp1252", 0.1)
    # ... nor with a capital inside, a case flipped, a pair of letters Albanian never writes
    assert not own_word_swapped("dëKoti", "dėKoti", "cp1252", 0.1)
    assert not own_word_swapped("ëkoti", "Ėkoti", "cp1252", 0.1)
    assert not own_word_swapped("dëëkoti", "dëėkoti", "cp1252", 0.1)
    # ... nor two letters swapped, nor a letter made a sign
    assert not own_word_swapped("dëkotë", "dėkotė", "cp1252", 0.1)
    assert not own_word_swapped("dëkoti", "d»koti", "cp1252", 0.1)


def test_own_letter_shape() -> None:
    # the language listing the repaired word writes the letter replaced: a form it lacks
    assert own_word_swapped("kõrbes", "kärbes", "cp850", 0.1)
    assert not own_word_swapped("kõrbes", "kärbes", "cp850", 0.4)


def test_serbian_capital_shape() -> None:
    # a Serbian form led by the swapped capital, made no Serbian or Macedonian word
    assert own_word_swapped("Љубинка", "Кубинка", "cp1251", 0.5)
    # ... not a word that is no form of theirs, nor one made theirs
    assert not own_word_swapped("Љнопка", "Кнопка", "cp1251", 0.2)
    assert not own_word_swapped("Ќорвешка", "Норвешка", "cp1251", 0.7)
    # ... nor a capital swapped elsewhere than the word's start
    assert not own_word_swapped("аЉубинка", "аКубинка", "cp1251", 0.1)
