"""Gates that read the rest of the line: its language, its script, and look-alike letters.

Found on prose (translated manual pages and fortunes, ``benchmarks/realtext.py``'s ``debian``
source); the fixtures here are written for the tests, in the same shapes.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import textfix
from textfix.repair import legacy
from textfix.repair.base import DocumentContext
from textfix.repair.legacy import (
    _code_of,
    _letters_to_symbols,
    _look_alikes_replaced,
    _word_language,
)
from textfix.scoring._data import langdata

TURKISH = [
    "Belirtilen dosyanın içeriği kısaca okunur ve uygunluğu denetlenir.",
    "Komut satırında verilen dosya adı, yazılımın çıkışına eklenir.",
    "Sunucunun başarımını ölçmek için kullanılan bir araçtır.",
    "Girdi dosyası verilmemişse standart girdi okunur ve çıktıya yazılır.",
]


@pytest.mark.parametrize("line", TURKISH)
@pytest.mark.parametrize("shown", ["cp1252", "iso8859-1", "cp437"])
def test_turkish_prose_comes_back(line: str, shown: str) -> None:
    garbled = line.encode("cp1254").decode(shown)
    assert garbled != line
    assert textfix.fix(garbled) == line


def test_apostrophe_between_letters_or_paired_is_no_lost_letter() -> None:
    # cp437 shows cp1254's ’ as Æ: a suffix mark ("zmore’dan") and quotes in pairs.
    assert _letters_to_symbols("dosyaÆdan", "dosya’dan") == 0
    assert _letters_to_symbols("ÆoutÆ", "’out’") == 0
    assert _letters_to_symbols("Æout", "’out") == 1  # a lone one at a word's edge is lost


@pytest.mark.parametrize(
    "line",
    [
        # symbols of clean text around ASCII letters, in a Spanish line: no cp1254 reading
        "Y dijo la regla: A = ½bh² - xy²/z ...¡y listo!",
        # Cyrillic look-alikes typed inside Latin words (р, а, о): not mojibake
        "Open the new Exрlorer window please",
        "The bus will stoр here now.",
        "Select the mоdule and press Enter.",
    ],
)
def test_clean_or_doubtful_lines_stay(line: str) -> None:
    assert textfix.fix(line) == line


def test_no_word_of_another_script_in_a_line_of_known_words() -> None:
    # Two Cyrillic-looking characters in an Italian line: the single-byte engine must not make
    # the Serbian word "УЈ" of them (they are UTF-8 for "è", which utf8_structural reads).
    line = "il valore predefinito ц╗ un numero intero"
    step = legacy.repair(line, DocumentContext())
    assert step is None or step.confidence < 0.5
    assert textfix.fix(line) == "il valore predefinito è un numero intero"


def test_look_alike_needs_a_latin_twin_word() -> None:
    assert _look_alikes_replaced("Exрlorer", "Exðlorer")
    # "Bokmela" is no word: the Cyrillic е is a garbled å, repairable
    assert not _look_alikes_replaced("Bokmеla", "Bokmåla")
    assert textfix.fix("Bokmеla (Norvegia)") == "Bokmåla (Norvegia)"


def test_words_vote_only_for_languages_of_their_script() -> None:
    # Latin loans in other scripts' word lists (the Greek one holds "See", "pole") do not
    # vote: a Latin line names a Latin-script language.
    bit, votes = _word_language("See keskkond pole valitud, palun vali teine kataloog.")
    assert votes >= 2
    assert langdata().models[_code_of(bit) or ""].script == "Latn"


@pytest.mark.parametrize(
    "line",
    [
        "можна вимкнути за допомогою вбудованої команди set (див. нижче)",
        "якщо встановлено значення, програма перетворюватиме символи зі списку",
    ],
)
def test_one_box_drawing_letter_in_a_line_of_known_words(line: str) -> None:
    # koi8-u's і ї є ґ are box drawing in koi8-r: one glued to a word in a long line of known
    # Ukrainian words moves the average gain little, the line's words decide.
    garbled = line.encode("koi8-u").decode("koi8-r")
    assert garbled != line
    assert textfix.fix(garbled) == line


def test_capital_at_a_word_end_is_no_clean_spelling() -> None:
    # mac-cyrillic's я is cp1251's Я: lower-casing the word for the word list hid the shape.
    line = "платье; этот инстинкт распространяется и на мужчин."
    garbled = line.encode("mac-cyrillic").decode("cp1251")
    assert "ЯетсЯ" in garbled
    assert textfix.fix(garbled) == line
    # camel case (a capital starting a part) stays a clean spelling
    assert textfix.fix("Магазин МакДональдс открыт") == "Магазин МакДональдс открыт"


def test_ascii_names_do_not_vote_in_a_line_of_another_script() -> None:
    # Three ASCII names outvoted the Cyrillic words (they are in long Latin word lists).
    line = "Документация написана David Richard Thomas"
    assert langdata().models[_code_of(_word_language(line)[0]) or "en"].script == "Cyrl"
    # In a Latin line, ASCII words are the evidence and still vote.
    assert _code_of(_word_language("Belirtilen dosya kısaca okunur")[0]) == "tr"


MAC_CAPITALS = [
    "Изменить настройки можно в любое время.",
    "Исправить ошибку можно в настройках программы.",
]


@pytest.mark.parametrize("line", MAC_CAPITALS)
def test_mac_cyrillic_capital_shown_as_a_leading_sign(line: str) -> None:
    # mac-cyrillic's И is cp1251's €: a sign glued to the start of a Cyrillic word.
    garbled = line.encode("mac-cyrillic").decode("cp1251")
    assert garbled.startswith("€")
    assert textfix.fix(garbled) == line


@pytest.mark.parametrize("line", ["€uro-Zone", "T€ch ™ero †he", "Цена €10 и †мир"])
def test_signs_beside_words_in_clean_text_stay(line: str) -> None:
    assert textfix.fix(line) == line


def test_script_ties_do_not_depend_on_string_hashing() -> None:
    # One Greek and one Latin letter outside ASCII in a word: the scorer's dominant script
    # was the first of a set of characters, whose order string hashing changes per run.
    code = "from textfix.scoring import score; print(score('Tσenäoliselt otsite').lang)"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("0", "1", "2", "5")
    }
    assert len(outputs) == 1


def test_mac_cyrillic_capital_shown_as_a_quote_before_a_word() -> None:
    # mac-cyrillic's Т and Д are cp1251's ’ and „: glued to a word that is no known word
    # alone and is one with that capital. Real quotes stand before known words.
    for line in ("Тогда мы пошли домой.", "Добре дошли в нашия град."):
        garbled = line.encode("mac-cyrillic").decode("cp1251")
        assert garbled[0] in "’„"
        assert textfix.fix(garbled) == line
    for clean in ("„добре“ и «ровно»", "‚ровно‘ так", "“Привет”"):
        assert textfix.fix(clean) == clean


def test_padded_lower_lowers_letter_by_letter() -> None:
    # (str.lower of a whole word, which padded_lower takes where it can, reads a letter as
    # the letter-by-letter lowering does: every BMP character, alone and between letters)
    from textfix.repair.line_language import _lower, padded_lower

    for code in range(0x10000):
        for word in (chr(code), "Ab" + chr(code), chr(code) + "cD"):
            assert padded_lower(word) == " " + "".join(map(_lower, word)) + " ", word
