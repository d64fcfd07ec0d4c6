"""One-letter words shown as lone signs (repair/lone_words.py): repairs, refusals, C twin."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.garbling import garble
from tests.realdata import non_ascii_lines

from textfix import fix, fix_and_explain
from textfix.repair import lone_words
from textfix.repair._scan import native

# Our own sentences whose only non-ASCII letters are one-letter words.
ONE_LETTER_LINES = [
    ("Il risultato è stato salvato nella cartella indicata", "cp1252"),
    ("Quando il file è aperto, il programma non risponde", "cp1252"),
    ("Ce programme sert à copier les fichiers vers le serveur", "cp1252"),
]


@pytest.mark.parametrize("shown", ["cp850", "mac-roman", "cp1251"])
@pytest.mark.parametrize(("line", "true"), ONE_LETTER_LINES)
def test_a_one_letter_word_shown_as_a_lone_sign_is_repaired(
    line: str, true: str, shown: str
) -> None:
    garbled = garble(line, true, shown)
    assert garbled != line
    fixed = fix_and_explain(garbled)
    assert fixed.text == line
    assert {r.chain for r in fixed.repairs} == {((true, shown),)}


@pytest.mark.parametrize(
    "clean",
    [
        "È possibile inviare un file o selezionare la casella",  # Italian's own capital
        "Ó Corra agus a mhuintir",  # Irish's own capital
        "« Voilà » dit-il, puis il est parti",  # prose signs stand alone
        "la costante Φ = 1,618 e il numero aureo",  # a formula
        "l'angle α est droit dans ce cas précis",  # a small Greek letter: a symbol
        "Сен Пиер и Микелон",  # a Cyrillic word in a Cyrillic line
        "Git и GitHub",  # no language's words around it
        "El porcentaje de CPU, computado como (%U + %S) ÷ %R.",
    ],
)
def test_clean_lines_with_lone_characters_are_kept(clean: str) -> None:
    assert fix(clean) == clean


def test_a_small_greek_letter_counts_beside_another_lone_word() -> None:
    line = "Il file è vuoto e non è stato ancora salvato nella cartella"
    garbled = garble(line, "cp1252", "cp437")
    assert garbled.count("Φ") == 2
    assert fix(garbled) == line


def _compiled() -> object:
    module = native()
    if module is None:
        pytest.skip("compiled module not built")
    module.init_lone(lone_words.lone_images())
    return module


def test_the_compiled_test_agrees_on_real_lines() -> None:
    module = _compiled()
    lines = list(non_ascii_lines())
    shown_as = ("cp437", "cp850")
    lines += [garble(line, "cp1252", shown) for line, _ in ONE_LETTER_LINES for shown in shown_as]
    assert any(lone_words._lone_signs_py(line) for line in lines)
    for line in lines:
        assert module.lone_signs(line) == lone_words._lone_signs_py(line), line  # type: ignore[attr-defined]


_SAMPLE = " aé.,1Þиа" + lone_words.lone_images()[:40]


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(_SAMPLE), max_size=12))
def test_the_compiled_test_agrees_on_any_text(text: str) -> None:
    module = _compiled()
    assert module.lone_signs(text) == lone_words._lone_signs_py(text)  # type: ignore[attr-defined]
