"""Central European letters that DOS and Mac code pages show as signs and capitals standing
where clean text writes none (``textfix.repair.ce_letters.misplaced``), end to end through
``fix``, and the clean lines that keep such signs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.garbling import garble

import textfix
from textfix.repair import _scan
from textfix.repair.ce_letters import (
    letters_made_words,
    looks_anyway,
    misplaced,
    proves_words,
    sign_after_word,
)

# Written for the test: (line, true code page, shown as); the comment says what the broken
# letter looks like and what speaks for the repair.
REPAIRED = [
    ("Omán", "mac-latin2", "cp1252"),  # á shows as a dagger inside the word; a known word
    ("Kína", "cp1250", "cp850"),  # í shows as Ý second in a capitalised word
    ("Omán", "cp1250", "cp437"),  # á shows as ß after a consonant
    ("Jánošík", "cp852", "mac-roman"),  # á shows as a dagger; a known Slovak word
    ("Pagină inexistentă", "cp1250", "mac-roman"),  # ă shows as a low quote after a word
    ("Kostolná Ves", "cp1250", "mac-roman"),  # á shows as a middle dot after the word
    ("Togská republika", "cp1250", "cp437"),  # á shows as ß after a consonant
    ("Horvatić", "cp1250", "cp437"),  # ć shows as the micro sign: a name, by bigrams
]


@pytest.mark.parametrize(("line", "true", "shown"), REPAIRED)
def test_misplaced_signs_made_letters_come_back(line: str, true: str, shown: str) -> None:
    garbled = garble(line, true, shown)
    assert garbled != line
    assert textfix.fix(garbled) == line


CLEAN = [
    "PROGRES¡STAS",  # shouting capitals glue Spanish's inverted mark inside a word
    "¡Hola! ¿Qué tal?",
    "nº 5, 20°C, Nª",
    "Intel·ligent i col·lecció",  # Catalan's ela geminada
    "Gießen und Weißenstein",  # ß after vowels
    "hÉimineacha i nÉirinn",  # Irish capitals after a prefix
    "l’homme d’État",
    "„Wort“ und „Satz“",  # German quotes open before a word
    "zdrojov… a ďalej",  # an ellipsis after a word
    "Sìria",
    "Jomfruøyane (USA)",
    "Islandça",
    "10 µm, 5 µg",
]


@pytest.mark.parametrize("line", CLEAN)
def test_clean_lines_stay(line: str) -> None:
    assert textfix.fix(line) == line


def test_what_is_misplaced() -> None:
    assert misplaced("Om‡n", 2) and misplaced("E-mailov†", 8)
    assert misplaced("ManipurskŽ", 9) and misplaced("KÝna", 1)
    assert misplaced("Omßn", 2) and not misplaced("Gießen", 3)
    assert misplaced("Kramariµ", 7)  # no modelled language holds the micro sign
    assert misplaced("K¡na", 1) and not misplaced("PROGRES¡STAS", 7)
    assert misplaced("dat„", 3) and not misplaced("„Wort", 0)
    assert not misplaced("nº", 1) and misplaced("Juºni", 2)
    assert not misplaced("Intel·ligent", 5) and misplaced("din·r", 3)
    # letters of some language are no evidence where they stand (accents, compounds)
    assert not misplaced("Sìria", 1) and not misplaced("Islandça", 6)


def test_evidence_needs_known_words_forms_or_attested_names() -> None:
    # a sign made a letter of a known word, through a DOS or Mac page
    assert letters_made_words("Om‡n", "Omán", ("mac-latin2", "cp1252"))
    # a name of five letters or more whose language writes the letters made there
    assert letters_made_words("Kramariµ", "Kramarić", ("cp1250", "cp437"))
    # ... but a lone foreign letter of a DOS page proves nothing
    assert not letters_made_words("Sìria", "Sýria", ("cp852", "cp1252"))
    # ... nor a word left with a capital inside
    assert not letters_made_words("zdrojov…", "zdrojovÉ", ("cp1250", "mac-roman"))
    # ... nor a change outside the repaired words
    assert not letters_made_words("Jôrg·ie", "J™rgáie", ("cp1250", "mac-roman"))


def test_the_line_is_looked_at_however_well_it_reads() -> None:
    assert sign_after_word("Parola nu este setat„.") and sign_after_word("Togsk· republika")
    assert not sign_after_word("„Wort“") and not sign_after_word("Intel·ligent")
    assert looks_anyway("Kostoln\xa0 Ves") and looks_anyway("latin„")
    assert looks_anyway("Togskß republika") and not looks_anyway("Straße, weiß, Fußnoten")
    assert proves_words("Pagin„ inexistent„") and not proves_words("„Wort“ und „Satz“")


cplausible = _scan.native()


@pytest.mark.skipif(cplausible is None, reason="_cplausible is not built")
@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("abnrs ÁŠ„·\xa0“.é€ßkK")), max_size=20))
def test_the_quick_proof_leaves_such_lines_to_the_engine(text: str) -> None:
    assert cplausible is not None
    if looks_anyway(text):
        assert not cplausible.clean_line(text)
    assert isinstance(textfix.fix(text), str)
