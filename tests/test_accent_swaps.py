"""The shapes of repair/accent_swaps.py (whole lines: tests/test_kept_shapes.py)."""

from __future__ import annotations

from textfix.repair.accent_swaps import accent_swapped


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


def test_vowel_read_as_another() -> None:
    # a small accented vowel read as another, untouched words known in no language of the
    # repaired word ("nord" is no Estonian word), a small gain
    assert accent_swapped("Mèrega de nord", "Märega de nord", 0.2)
    assert not accent_swapped("Mèrega de nord", "Märega de nord", 1.0)
    # no untouched word known: nothing contradicts
    assert not accent_swapped("Mèrega", "Märega", 0.2)
    # a capital read as a small letter ("castellÓ" is Catalan "castellà") is mojibake's shape
    assert not accent_swapped("castellÓ de Colombia", "castellà de Colombia", 0.2)
    # the same vowel with another accent is another shape ("Argentînas" is Latvian)
    assert not accent_swapped("Argentînas Republika", "Argentīnas Republika", 0.2)
