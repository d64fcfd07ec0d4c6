"""Inflected forms as word evidence (scoring/endings.py) and thin repairs they back.

The fixture sentences are written for these tests (Latvian, Lithuanian, Turkish), garbled
here through the code pages they are really written in.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import textfix
from textfix.scoring.endings import STEM, form_langs
from textfix.scoring.model import lang_codes, word_langs

#: (sentence, its code page): a thin repair (one or two letters) whose repaired words are
#: inflected forms missing from the word lists ("atlasītos", "išsaugotieji", "taşı") while
#: the line's other words are plainly of the sentence's language.
FORMS = [
    ("Dzēst atlasītos ierakstus", "cp1257"),
    ("Ištrinti išsaugotieji failai", "cp1257"),
    ("Seçili klasörleri taşı", "cp1254"),
]


@pytest.mark.parametrize(("line", "true"), FORMS)
@pytest.mark.parametrize("shown", ["cp1252", "iso8859-1"])
def test_thin_repairs_of_inflected_forms_are_made(line: str, true: str, shown: str) -> None:
    garbled = line.encode(true).decode(shown)
    assert garbled != line
    assert textfix.fix(garbled) == line


@pytest.mark.parametrize(
    ("word", "lang"), [("atlasītos", "lv"), ("išsaugotieji", "lt"), ("algustähtede", "et")]
)
def test_forms_are_a_listed_stem_plus_frequent_endings(word: str, lang: str) -> None:
    assert word_langs(word) == 0  # not listed: only the form rule knows it
    assert lang in lang_codes(form_langs(word))
    assert form_langs(word.upper()) == form_langs(word)


@pytest.mark.parametrize("word", ["atlasîtos", "iðsaugotieji", "algustΣhtede", "taþý"])
def test_garbled_forms_are_no_forms(word: str) -> None:
    assert form_langs(word) == 0


def test_a_lone_shaped_form_is_no_word_swap() -> None:
    # "héral" splits into a listed word and an ending by chance: alone, with a capital
    # inside the original word and nothing else on the line, it proves nothing.
    assert textfix.fix("hÚral") == "hÚral"


def test_one_letter_changes_of_listed_words_are_rarely_forms() -> None:
    """The chance rate the gates allow for: a listed word with one letter changed to
    another letter of the sample is a form of one of its own languages in under 10 % of
    cases, so a form never stands alone as evidence."""
    sample = Path(__file__).parent / "data" / "word_sample.tsv"
    pairs = [line.split("\t") for line in sample.read_text(encoding="utf-8").splitlines()]
    letters = sorted({ch for word, _langs in pairs for ch in word if ch.isalpha()})
    rng = random.Random(7)
    tried = hits = 0
    for word, langs in pairs:
        if langs == "-" or len(word) < 2 * STEM or not word.isalpha():
            continue
        i = rng.randrange(len(word))
        changed = word[:i] + rng.choice(letters) + word[i + 1 :]
        if changed == word or word_langs(changed):
            continue
        tried += 1
        hits += bool(set(lang_codes(form_langs(changed))) & set(langs.split(" ")))
    assert tried > 500
    assert hits / tried < 0.10


@given(st.text(max_size=40))
def test_form_langs_never_raises(text: str) -> None:
    assert form_langs(text) >= 0
    assert form_langs(text[:STEM]) == 0  # too short for a stem and an ending


@pytest.mark.parametrize("line", ["мрб от ыйа", "сон мир дом", "ЖОК ЖИЛ ВЫХ"])
def test_short_words_wholly_respelled_stay(line: str) -> None:
    # Three short known words are evidence only when each keeps some of its letters: a
    # Cyrillic page read as another changes every letter, and lists know most short strings.
    assert textfix.fix(line) == line


def test_placeholders_do_not_name_the_lines_language() -> None:
    # "{page_type}" reads as English words; the line's prose is Estonian, whose known
    # "tüüpi" backs the thin repair (cp1257 shown as cp437 writes ü as a superscript n).
    line = "Lehe tüüpi: {page_type}"
    garbled = line.encode("cp1257").decode("cp437")
    assert "ⁿ" in garbled
    assert textfix.fix(garbled) == line
