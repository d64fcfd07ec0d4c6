"""Mac-cyrillic text shown as cp1251, proven by its words (repair/mac_words.py)."""

from __future__ import annotations

import pytest

from textfix import fix, fix_and_explain
from textfix.repair import mac_words

# Our own lines: a capital shown as a sign or a Serbian/Macedonian letter, "я" shown as "Я",
# "ј" shown as "А".
MAC_LINES = [
    "Моля, въведете паролата отново",  # bg: "ЊолЯ"
    "Датотека није пронађена",  # sr: "„атотека ниАе прона¬ена"
    "Выберите язык интерфейса",  # ru: "‚ыберите Язык"
    "Оно што тражите није овде",  # sr: "Ћно ... ниАе"
    "Почекајте малку",  # mk: "ЏочекаАте"
    "Вашият профил е запазен",  # bg: "‚ашиЯт"
    "Сервер не отвечает",  # ru: "‘ервер"
    "Додати новий запис",  # uk: "„одати", a lone quotation mark before a known word
]


@pytest.mark.parametrize("line", MAC_LINES)
def test_mac_cyrillic_shown_as_cp1251_is_proven_by_its_words(line: str) -> None:
    garbled = line.encode("mac-cyrillic").decode("cp1251")
    assert garbled != line
    assert mac_words.proven(garbled) == line
    fixed = fix_and_explain(garbled)
    assert fixed.text == line
    assert {r.chain for r in fixed.repairs} == {mac_words.CHAIN}
    assert min(r.confidence for r in fixed.repairs) == mac_words.MAC_WORDS_CONFIDENCE


@pytest.mark.parametrize(
    "clean",
    [
        "Ќерка на Марија",  # mk: its own capital, "Нерка" is no Macedonian word
        "Џеп и Љубав",  # sr capitals before known words
        "Ауг. 2020",  # a capital "А" starting a word is no "ј": no "југ."
        "„добре“ каза той",  # real quotation marks
        "јабука и крушка",  # sr "ј" is no mac-cyrillic "Љ"
        "ґанок і ґудзик",  # uk "ґ" and "і"
        "Ђорђе и Љиљана",
        "— Да, — ответил он.",  # dashes are no "Ч"
        "«Оно» — так назывался фильм",
        "Ѓорѓи Петров",
        "сохранено в файле №5",  # "№" is no "є"
        "„одати“ новий запис",  # a quotation mark that closes stays one
        "‹ов",  # a short word alone
        # A word of the Serbian alphabet alone is read as it stands, even where its mac
        # round trip makes a form of a Serbian word (village and family names)
        "Џурово",
        "Ђуринац",
        "Ђураковац",
    ],
)
def test_clean_cyrillic_lines_are_not_proven(clean: str) -> None:
    assert mac_words.proven(clean) is None
    assert fix(clean) == clean


@pytest.mark.parametrize("line", ["седґ", "вона седґ", "книга ронґ"])
def test_a_word_changed_only_in_a_thin_letter_proves_nothing_alone(line: str) -> None:
    # "ґ" for mac-cyrillic "і": Ukrainian writes both, so one such word cannot tell
    # ("седі" and "роні" are listed, a name "ронґ" may not be).
    assert mac_words.proven(line) is None


def test_round_trip_needs_cp1251() -> None:
    assert mac_words.round_trip("Öåé") is None
    assert mac_words.round_trip("‚ажно") == "Важно"
