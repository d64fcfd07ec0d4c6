"""sign_capitals: a DOS capital shown as a cp1252 sign at the start of a word (own words)."""

import pytest

from textfix import fix
from textfix.repair.no_repair import cannot_pass
from textfix.repair.sign_capitals import _capitals, capital_behind_latin_sign

CP857 = ("cp857", "cp1252")


def test_capitals_are_the_true_pages_capitals():
    capitals = _capitals(CP857)
    assert capitals["ž"] == "Ş" and capitals["˜"] == "İ" and capitals["™"] == "Ö"
    assert all(c.isupper() and not s.isupper() for s, c in capitals.items())


@pytest.mark.parametrize(
    "garbled, repaired",
    [
        ("™rnekler ve belgeler", "Örnekler ve belgeler"),
        ("€ad dilleri", "Çad dilleri"),
        ("˜spanya", "İspanya"),
    ],
)
def test_turkish_capitals_repaired(garbled, repaired):
    assert capital_behind_latin_sign(garbled) == CP857
    assert not cannot_pass(garbled, fresh=True)
    assert fix(garbled) == repaired


@pytest.mark.parametrize(
    "clean",
    [
        "™ marks and žena",
        "Šablona je hotová",
        "žaba skáče",
        "Trade™ names",
        "€uro zone",
    ],
)
def test_clean_words_and_signs_stay(clean):
    assert capital_behind_latin_sign(clean) is None
    assert fix(clean) == clean


def test_a_short_word_flipped_to_a_capital_needs_more_than_the_sign():
    # (the engine looks, but a small letter made a capital is a case flip: "Üleski" alone
    # is too thin for it)
    assert capital_behind_latin_sign("šleski") is not None
    assert fix("šleski") == "šleski"
