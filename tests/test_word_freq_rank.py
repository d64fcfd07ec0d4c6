"""The legacy ranking's frequency term: between round trips whose repaired words are all
known words of the language the line's other words lead in, the one making the commoner
words there (``scoring.word_band``) ranks first; the compiled rank loop adds the same term
(``tests/test_cscore_cands.py`` compares them bit for bit; the lines below too)."""

from __future__ import annotations

import pytest
from tests.test_cscore_cands import RANKING, assert_same

from textfix import fix
from textfix.repair import legacy


@pytest.mark.parametrize(
    ("garbled", "right", "wrong"),
    [
        # iso8859-2 "š" shown as cp1252: iso8859-16 reads "č"; both words are Croatian
        ("Ovo je vi¹e od toga", "Ovo je više od toga", "Ovo je viče od toga"),
        # cp1254 "ğ" shown as cp1252: cp1257 reads "š" (Latvian "došu")
        ("Doðu Avrupa ülkeleri", "Doğu Avrupa ülkeleri", "Došu Avrupa ülkeleri"),
    ],
)
def test_commoner_words_rank_first(garbled: str, right: str, wrong: str) -> None:
    ranked = [c.text for c in legacy.candidates(garbled)]
    assert right in ranked and wrong in ranked
    assert ranked.index(right) < ranked.index(wrong)
    assert fix(garbled) == right


@pytest.mark.skipif(RANKING is None, reason="textfix.scoring._cscore is not built")
@pytest.mark.parametrize(
    "text",
    ["Ovo je vi¹e od toga", "Doðu Avrupa ülkeleri", "Ovo je vi¹e i viπe", "vi¹e", "Ją Jā jā"],
)
def test_compiled_frequency_term_is_the_same(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_same(text, monkeypatch)


def test_the_bonus_decides_the_tie() -> None:
    # without the frequency bonus the rarer word ranks first: the test above proves the term
    garbled = "Ovo je vi¹e od toga"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(legacy, "FREQ_BONUS", 0.0)
        assert legacy.candidates(garbled)[0].text == "Ovo je viče od toga"
    assert legacy.candidates(garbled)[0].text == "Ovo je više od toga"
