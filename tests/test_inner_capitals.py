"""Small accented letters shown as capitals inside small-letter words (repair/inner_capitals.py).

The lines below were written for these tests and garbled here.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.garbling import garble

from textfix import fix
from textfix.repair import inner_capitals, legacy
from textfix.repair.base import DocumentContext
from textfix.repair.inner_capitals import capitals_lowered

#: (line, true page, shown page): lines whose small letters the shown page shows as capitals
#: inside words, mended through that very step.
LOWERED = [
    ("Dilëwyd y ffeiliau yn llwyddiannus heddiw.", "cp1252", "mac-roman"),  # Welsh
    ("It bestân is net fûn op de skiif fan dizze kompjûter.", "cp1252", "cp850"),  # Frisian
    ("Kies één van de opties hieronder om verder te gaan.", "cp1252", "cp850"),  # Dutch
    ("Kies één van de opties hieronder om verder te gaan.", "cp1252", "mac-roman"),
    ("Er is meer dan één bestand met deze naam gevonden.", "cp1252", "cp850"),
    ("Er is meer dan één bestand met deze naam gevonden.", "cp1252", "mac-roman"),
    ("Skedari është ruajtur në dosjen e përdoruesit.", "cp1250", "cp850"),  # Albanian
    ("Skedari është ruajtur në dosjen e përdoruesit.", "cp1250", "mac-roman"),
    ("Fjalëkalimi i ri duhet të jetë më i gjatë se tetë shkronja.", "cp1250", "cp850"),
    ("Fjalëkalimi i ri duhet të jetë më i gjatë se tetë shkronja.", "cp1250", "mac-roman"),
    # (Icelandic "síu", mac-roman's "s’u", is no word of a language cp1250 writes)
    ("Fjalëkalimi s’u ndryshua sepse është shumë i shkurtër.", "cp1250", "mac-roman"),
    ("Wubjerće dataju a kliknće na tłóčatko za składowanje.", "cp1250", "mac-roman"),  # Sorbian
    ("Tutón wužiwar njesmě tu stronu wobdźěłać.", "cp1250", "mac-roman"),
]


@pytest.mark.parametrize(("line", "true", "shown"), LOWERED)
def test_capitals_inside_words_are_made_small_letters(line: str, true: str, shown: str) -> None:
    garbled = garble(line, true, shown)
    assert inner_capitals.inner_capitals(garbled)
    assert capitals_lowered(garbled) == (line, ((true, shown),))
    assert fix(garbled) == line


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        # cp850 shows "ë" as "Ù", which mac-roman holds for "ô": Welsh writes both
        ("Dilëwyd y ffeiliau yn llwyddiannus heddiw.", "cp850"),
        # cp850's "Ô" is "â", mac-roman's "ï": the letter statistics cannot tell
        ("Mae'r gân yn hyfryd iawn yn y bore bach.", "cp850"),
    ],
)
def test_a_capital_two_pages_make_different_letters_is_left(line: str, shown: str) -> None:
    garbled = garble(line, "cp1252", shown)
    assert inner_capitals.inner_capitals(garbled)
    assert capitals_lowered(garbled) is None
    assert fix(garbled) in (garbled, line)


@pytest.mark.parametrize(
    "clean",
    [
        "Et gëtt keen neie Fichier an dësem Dossier.",
        "Le McDonald de l'École est fermé.",  # ASCII capitals inside a word
        "Mon iPhone et mon iPad sont chargés.",
        "L'ÉCOLE EST FERMÉE AUJOURD'HUI.",  # no small letter
        "LÉtat a décidé de fermer LÉcole.",  # an elision without its apostrophe
        "Tá muintir na hÉireann sásta leis an toradh.",  # Irish prefixes before capitals
        "Rugadh an tÉireannach i mBaile Átha Cliath.",
        "Deisceart na hÁise",
        "Tá sé i nÉirinn anois.",
        "IJsland ligt in het noorden van Europa.",
        "Call getÉlément() and setÉtat() on the node.",  # identifiers
        "Ön kötelesség a NÉMETORSZÁGban",  # an inflection after capitals
        "Varang žiti (Varang KŸiti)",  # one capital second in a word, no language named
    ],
)
def test_clean_lines_with_inner_capitals_are_kept(clean: str) -> None:
    assert capitals_lowered(clean) is None
    assert fix(clean) == clean


def test_each_capitals_step_bits() -> None:
    # _lowered_line reads the steps a line's capitals leave from these bits: for every
    # capital and step, what the step makes of it (a small letter, a mark) is the bit's.
    steps = inner_capitals._steps()
    for ch in inner_capitals._capitals():
        lowers, marks = inner_capitals._step_bits(ch)
        for j, (_chain, table) in enumerate(steps):
            made = table.get(ord(ch), "")
            assert (lowers >> j & 1) == inner_capitals._lowered(ch, made), (ch, j)
            assert (marks >> j & 1) == (made in inner_capitals.MARKS), (ch, j)
        assert lowers, ch  # (every capital of _capitals is some step's small letter)


def test_the_shape() -> None:
    assert inner_capitals.inner_capitals("NÝl innÚacsanna, ÉCOLE, McDonald, tashmÙ") == [1, 7, 39]
    assert inner_capitals.inner_capitals("BiÇEM ADRESÁŘe iPhone Ωmega") == []


def test_the_engines_passing_step_is_kept() -> None:
    garbled = garble("Der Ölpreis ist heute wieder gestiegen.", "cp1252", "cp850")
    step = legacy.repair(garbled, DocumentContext())
    assert step is not None and step.confidence > legacy.FAILED_CONFIDENCE
    assert inner_capitals.after_engine(garbled, DocumentContext()) == step


#: Words of clean text (lower-case), capitalised as clean text does: first letter or all.
_WORDS = ["été", "één", "gëtt", "bestân", "níl", "është", "wubjerće", "tutón", "café", "straße"]
_WORD = st.sampled_from(_WORDS).flatmap(
    lambda w: st.sampled_from([w, w.capitalize(), w.upper(), "h" + w.capitalize()])
)


@settings(max_examples=300)
@given(st.lists(_WORD, min_size=1, max_size=8))
def test_clean_capitalisation_is_never_read_as_mojibake(words: list[str]) -> None:
    assert capitals_lowered(" ".join(words)) is None


_SAMPLE = " aeilnrst.ÈÉÎÔÙÚÝÛÊÆß·¶ëéâ"


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(_SAMPLE), max_size=40))
def test_a_repair_is_an_exact_round_trip(text: str) -> None:
    found = capitals_lowered(text)
    if found is not None:
        cand, ((true, shown),) = found
        assert cand.encode(true).decode(shown) == text
        assert not any(text[i] != cand[i] for i in inner_capitals.inner_capitals(cand))
