"""The shapes of repair/accent_swaps.py (whole lines: tests/test_kept_shapes.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from tests.garbling import garble

import textfix
from textfix.repair.accent_swaps import MAX_WORDS, _capital_inside, _letter_words, accent_swapped


def test_shapes() -> None:
    # an accented letter swapped for another, too small a gain
    assert accent_swapped("Tabulâ", "Tabulā", 0.1)
    assert not accent_swapped("Tabulâ", "Tabulā", 1.0)
    # a word's first capital made small: whatever the gain
    assert accent_swapped("Ceol Èire", "Ceol éire", 2.0)
    # a capital inside a word is mojibake's shape
    assert not accent_swapped("BelgiÙ", "België", 0.1)
    # a sign made a letter is no accent swap
    assert not accent_swapped("Hled‡n’", "Hledání", 0.1)
    # letters of no one modelled alphabet (ł beside ë)
    assert not accent_swapped("łë", "łė", 0.1)
    # more than three words
    assert not accent_swapped("Una dos tres Tabulâ", "Una dos tres Tabulā", 0.1)
    # an untouched word known in few languages, one the repaired word is known in, backs it
    assert not accent_swapped("Europos valstybiù", "Europos valstybių", 0.1)
    assert accent_swapped("Nafta valstybiù", "Nafta valstybių", 0.1)


# (text, repair, gain, refused) of the three shapes the gate learned last.
MORE_SHAPES = [
    # a small accented vowel read as another, untouched words known in no language of the
    # repaired word ("nord" is no Estonian word), a small gain
    ("Mèrega de nord", "Märega de nord", 0.2, True),
    ("Mèrega de nord", "Märega de nord", 1.0, False),
    ("Mèrega", "Märega", 0.2, False),  # no untouched word known: nothing contradicts
    # a capital read as a small letter ("castellÓ" is Catalan "castellà") is mojibake's shape
    ("castellÓ de Colombia", "castellà de Colombia", 0.2, False),
    # the same vowel with another accent is another shape ("Argentînas" is Latvian)
    ("Argentînas Republika", "Argentīnas Republika", 0.2, False),
    # one small accented letter read as another, making only a form on a 4-letter stem
    ("rugãle", "rugăle", 2.0, True),
    # a listed word made, or a form on a longer stem, is left to the other gates
    ("mãrime", "mărime", 0.1, False),
    ("atlasîtos", "atlasītos", 0.1, False),
    # a capital or a sign read as a letter is mojibake's shape
    ("KoÏany", "Kožany", 0.1, False),
    ("Koºany", "Kožany", 0.1, False),
    # accents only respelled in a short clean-looking line, a word neither listed nor a form
    ("ûzâ Kûku", "ūzā Kūku", 1.5, True),
    # ... not where mojibake's shapes stand, nor where every word made is known
    ("Mainâ”¤t izvâ", "Mainā”¤t izvā", 1.5, False),
    ("Kûku", "Kūku", 1.5, False),
]


def test_more_shapes() -> None:
    assert [accent_swapped(text, cand, gain) for text, cand, gain, _ in MORE_SHAPES] == [
        refused for *_, refused in MORE_SHAPES
    ]


# Own words of the shape (main before the form rule read them as Romanian forms), and
# garbled Romanian lines that still come back.
AROMANIAN_LIKE = ["masãda", "casãdei", "rugãle", "tarãda", "Fatãdei", "ûzâ Kûku", "tâzû Kûku"]
ROMANIAN = ["Bună ziua, ce mai faci?", "mărime", "pădurea"]


def test_thin_forms_stay_and_romanian_repaired() -> None:
    assert [textfix.fix(word) for word in AROMANIAN_LIKE] == AROMANIAN_LIKE
    garbled = [garble(line, "cp1250", "cp1252") for line in ROMANIAN]
    assert garbled != ROMANIAN
    assert [textfix.fix(line) for line in garbled] == ROMANIAN


def test_a_thin_form_backed_by_a_word_of_its_language_is_repaired() -> None:
    # "nagybetű" is "nagy" + "betű", a form on a 4-letter stem; "minden" is Hungarian.
    line = "minden nagybetű"
    assert textfix.fix(garble(line, "cp1250", "cp1252")) == line


@given(st.text(alphabet="aZé É1-’ \u00a0ß", max_size=30))
def test_word_tests_as_defined(text: str) -> None:
    """The loops of _letter_words and _capital_inside answer as their definitions."""
    count = 0
    for word in text.split():
        count += any(ch.isalpha() for ch in word)
    assert _letter_words(text) == min(count, MAX_WORDS + 1)
    assert _capital_inside(text) == (
        not text.isupper()
        and any(ch.isupper() and i > 0 and text[i - 1].isalpha() for i, ch in enumerate(text))
    )
