"""Letters foreign to the language a line's untouched words name (repair/line_language.py).

The fixtures are sentences written for these tests (Turkish, Lithuanian, Latvian, Hungarian,
Icelandic), garbled here through the code pages they are really written in.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textfix
from textfix.repair.line_language import (
    alphabet_repair,
    foreign_to_line,
    line_language,
    named_lang,
)
from textfix.repair.plausible import plausible
from textfix.scoring._data import langdata

#: (sentence, its code page): lines whose broken letters read as Icelandic ð/þ/ý, or as
#: Portuguese õ, while their other words are plainly of the sentence's language.
MENDED = [
    ("İş akışınıza yeni bir görev ekleyin", "cp1254"),
    ("Şimdi kaydetmek istediğiniz dosyayı seçin", "cp1254"),
    ("Išsaugokite visus pakeitimus prieš uždarydami langą", "cp1257"),
    ("Labot šo dokumentu un saglabāt izmaiņas", "cp1257"),
    ("A fájl mentése nem sikerült, próbálja újra később", "cp1250"),
]


@pytest.mark.parametrize(("line", "true"), MENDED)
@pytest.mark.parametrize("shown", ["cp1252", "iso8859-1"])
def test_foreign_letters_in_a_named_line_are_mended(line: str, true: str, shown: str) -> None:
    garbled = line.encode(true).decode(shown)
    assert garbled != line
    assert textfix.fix(garbled) == line


@pytest.mark.parametrize("shown", ["cp437", "cp850", "mac-roman"])
def test_symbols_glued_in_words_of_a_named_line_are_mended(shown: str) -> None:
    # cp437 shows Spanish ú as a middle dot, mac-roman as a dot accent, glued in a word
    line = "Asegúrate de que el nombre del archivo tenga menos de diez caracteres."
    garbled = line.encode("cp1252").decode(shown)
    assert garbled != line
    assert textfix.fix(garbled) == line


@pytest.mark.parametrize(
    "line",
    [
        # Icelandic prose: ð and þ are its own letters
        "Það er gott að vera heima þegar veðrið er vont",
        # an Icelandic name in a Lithuanian line: ú is no Lithuanian letter either
        "Guðrún išsaugojo visus pakeitimus prieš uždarydama langą",
        # a Spanish name in a Polish line: a known word of another language
        "Pan Muñoz zapisał wszystkie zmiany w pliku",
        # Portuguese São in a Hungarian line
        "A São Paulo repülőtér ma zárva van",
        # Catalan's middle dot is no foreign letter
        "cal col·locar tota la sortida del directori aquí",
        # Turkmen spells with ý and shares words with Turkish ("dili", "halk", "kitap"), but
        # no Turkish word has "iı": a language without a model stays
        "Türkmen dili we halk edebiýaty barada kitap",
        # a sign between capitals is a code, not a broken letter
        "PROGRES¡STAS po:nome is:ngrama",
    ],
)
def test_clean_lines_with_foreign_letters_stay(line: str) -> None:
    assert textfix.fix(line) == line


def test_placeholders_and_markup_do_not_vote() -> None:
    # "count", "title" and "href" are English words: inside a placeholder or a tag they
    # are code, not the line's prose.
    lang, votes, _ = line_language("%(count)s %(title)s <a href='x'>saugumo</a> vietoje")
    assert (lang, votes) == ("lt", 2)
    assert line_language("%(count)s {title} <a href='x'>") == (None, 0, 0)


def test_language_needs_two_votes_and_a_lead() -> None:
    assert named_lang("Labot ðo dokumentu", "vi") == "lv"
    assert named_lang("Labot ðo", "vi") is None  # one vote
    assert named_lang("Labot ðo dokumentu", "ru") is None  # another script


def test_alphabet_repair_needs_every_condition() -> None:
    garbled = "Iðsaugokite juos saugioje vietoje, raktø"
    fixed = "Išsaugokite juos saugioje vietoje, raktų"
    assert not plausible(garbled)  # (the engine never looks at lines the accept test passes)
    assert alphabet_repair(garbled, fixed, "cp1257")
    assert not alphabet_repair(garbled, fixed, "cp1250")  # Lithuanian is no cp1250 text
    assert not alphabet_repair(fixed, fixed, "cp1257")  # nothing changed
    # a known word changed, however foreign its letters look
    known = ("Það juos saugioje vietoje, raktø", "Paša juos saugioje vietoje, raktų")
    assert not plausible(known[0]) and not alphabet_repair(*known, "cp1257")
    # a letter made that the line's language lacks (ð is no Lithuanian letter)
    made = ("Išsaugokite juos saugioje vietoje, raktø", "Iðsaugokite juos saugioje vietoje, raktų")
    assert not alphabet_repair(*made, "cp1257")
    # a line the accept test passes is never the engine's
    assert plausible("Iðsaugokite juos saugioje vietoje")
    assert not alphabet_repair(
        "Iðsaugokite juos saugioje vietoje", "Išsaugokite juos saugioje vietoje", "cp1257"
    )


_LT = langdata().models["lt"].alphabet
_LT_WORDS = ["juos", "saugioje", "vietoje", "visus", "pakeitimus", "langą"]


@settings(max_examples=150, derandomize=True, deadline=None)
@given(
    st.lists(st.sampled_from(_LT_WORDS), min_size=2, max_size=6),
    st.text(alphabet=sorted(ch for ch in _LT if ch > "\x7f" or ch.isalpha()), min_size=1),
)
def test_no_foreign_letters_without_letters_outside_the_alphabet(
    words: list[str], word: str
) -> None:
    # every letter of the line is a Lithuanian one: nothing is foreign to it
    assert not foreign_to_line(" ".join([*words, word]))
