"""Clean text made of signs: drawings, formulas, units and listings stay as they are.

Code pages such as cp437, cp866 and koi8-r show letters as box drawing, and others show them
as superscripts and signs, so a line of frames or formulas can round-trip into letters. Real
mojibake of that kind spells known words; drawings, formulas and alphabets do not.
"""

from __future__ import annotations

import pytest

import textfix

DRAWINGS = [
    "┌────┐",
    "└────┘",
    "╔═╗",
    "╚═╝",
    "├─────┼──────────┤",
    "┌─┬─┐",
    "╒═══╤═══╕",
    "├── src",
    "│   └── main.py",
    "└── README.md",
    "[████░░░░] 50%",
    "░▒▓█ Загрузка 50% █▓▒░",
    "▄▄▄▄▀▀▀▀",
    "└─",
    "┌┐",
]
FORMULAS = [
    "a² + b² = c²",
    "x² − y²",
    "y = x² + 1",
    "R = 10 kΩ",
    "Widerstand 4,7 kΩ",
    "2 MΩ",
    "¬A ∧ B",
    "Napětí 5 µV, proud 2 µA",
    "µV",
    "DVD±RW",
]
LISTINGS = ["ÀÁÂÃÄÅ", "àáâãäå", "ÇÈÉÊËÌÍÎÏ", "„…†‡ˆ‰Š‹Œ"]
# Case pairs and vowel listings (primers, keyboard help, font samples).
DEMOS = ["Ææ Øø Åå", "Letters: Ææ Øø Åå", "Ññ Çç", "ŠšŽž", "Øø Åå", "ÀÉÎÕÜ", "àéîõü"]
ORNAMENTS = ["·.¸¸.·´¯`·.¸¸.·´¯`·.", "¸.·´¯`·.¸", "°º¤ø,¸¸,ø¤º°`°º¤ø,¸"]


@pytest.mark.parametrize("line", DRAWINGS + FORMULAS + LISTINGS + DEMOS + ORNAMENTS)
def test_drawings_formulas_listings_and_ornaments_stay(line: str) -> None:
    assert textfix.fix(line) == line


# Written for the test: Russian in cp866 shown as koi8-r, whose words come out wholly as box
# drawing; and Polish in cp1250 shown as latin-1, whose ł comes out as a superscript.
MOJIBAKE = [
    ("Привет, как дела?", "cp866", "koi8-r"),
    ("Файл не найден", "cp866", "koi8-r"),
    ("Внимание! Ошибка записи", "cp866", "koi8-r"),
    ("Władysław mieszka w pałacu", "cp1250", "latin-1"),
]


@pytest.mark.parametrize(("line", "true", "shown"), MOJIBAKE)
def test_mojibake_of_drawing_and_superscripts_is_still_repaired(
    line: str, true: str, shown: str
) -> None:
    garbled = line.encode(true).decode(shown)
    assert garbled != line
    assert textfix.fix(garbled) == line


def test_upper_case_greek_drawn_word_is_known_without_its_accent() -> None:
    # Greek capitals drop the accent: ΑΡΧΕΙΟ (αρχείο, "file") shown as cp437 box drawing.
    garbled = "--output=ΑΡΧΕΙΟ".encode("cp1253").decode("cp437")
    assert garbled != "--output=ΑΡΧΕΙΟ"
    assert textfix.fix(garbled) == "--output=ΑΡΧΕΙΟ"


def test_demo_may_change_only_into_another_demo() -> None:
    from textfix.repair.alphabet_demos import demo_rewritten

    # cp1251 shown as latin-1 keeps case offsets: a Cyrillic primer comes back as one.
    primer = "Жж Шш Щщ"
    shown = primer.encode("cp1251").decode("latin-1")
    assert not demo_rewritten(shown, primer)
    assert demo_rewritten(shown, "Жж Шш Щ" + "Ы")
    # A lone pair among other words is no demonstration (koi8-r "но" is mac-roman "Œœ").
    line = "Он сказал, но ушёл"
    garbled = line.encode("koi8-r").decode("mac-roman")
    assert not demo_rewritten(garbled, line)


# Short lowercase abbreviations and small-letter runs of the same script: word lists know
# most strings of three letters, so a respelling into another one is no evidence.
SHORT_SAME_SCRIPT = ["мрб", "хцб", "от ыйа", "пщз", "ржт", "нвг", "агб"]


@pytest.mark.parametrize("line", SHORT_SAME_SCRIPT)
def test_short_words_of_one_case_are_not_respelled(line: str) -> None:
    assert textfix.fix(line) == line


def test_short_mixed_case_mojibake_is_still_repaired() -> None:
    # koi8-r shown as cp1251 mixes the cases of a capitalised word ("Бар" -> "вБТ").
    garbled = "Бар".encode("koi8-r").decode("cp1251")
    assert garbled != "Бар" and not (garbled.islower() or garbled.isupper())
    assert textfix.fix(garbled) == "Бар"


def test_no_capital_is_put_inside_a_word() -> None:
    # An acute accent used as an apostrophe is iso-8859-16's Ž shown as cp1252.
    assert textfix.fix("Côte d´Azur et d´Artagnan") == "Côte d´Azur et d´Artagnan"
    assert textfix.fix("Kote d´Ivoire") == "Kote d´Ivoire"


def test_utf8_decode_into_stray_marks_is_refused() -> None:
    # A Latin "a" typed in a Cyrillic word: through cp866 the Cyrillic bytes are valid
    # UTF-8 that reads as a Samaritan mark and a Tai Tham sign.
    line = "a" + "ранска"
    assert textfix.fix(line) == line
    # Real UTF-8 shown as cp866 still comes back.
    assert textfix.fix("日本語のテキスト".encode().decode("cp866")) == "日本語のテキスト"


# Written for the test: Haitian Creole, a language without a model, whose è words read as
# Swedish words with ä (mac-latin2 shown as cp437), a code page neither language uses.
UNMODELLED = [
    "Pèmèt wildcard nan URI yo. Lè li aktive, gen yon sèl asterisk pou sou-domèn.",
    "Lè opsyon an aktive, URI yo ka gen yon sèl wildcard pou chak domèn.",
    "Pèmèt yon sèl URI nan chak domèn lè CORS aktive.",
]


@pytest.mark.parametrize("line", UNMODELLED)
def test_words_of_a_language_the_chain_does_not_serve_stay(line: str) -> None:
    assert textfix.fix(line) == line


def test_small_word_made_capitals_needs_letter_statistics() -> None:
    # Bulgarian "текущ" (current) through koi8-r shown as cp1251 is the known Russian
    # "РЕЙСЫ", but the letters gain little; a real all-capital heading gains much.
    assert textfix.fix("(текущ)") == "(текущ)"
    heading = "ОПЦИИ КОМАНДЫ"
    garbled = heading.encode("koi8-r").decode("cp1251")
    assert garbled.islower()
    assert textfix.fix(f"usage: cmd [{garbled}]") == f"usage: cmd [{heading}]"


def test_made_letters_must_share_one_alphabet() -> None:
    from textfix.repair.gates import letters_of_no_alphabet

    # Friulian "â ... à" through cp1257 shown as cp1252 makes Latvian ā beside Lithuanian ą.
    assert letters_of_no_alphabet("doprâ sarà", "doprā sarą")
    polish = "Zmieniło się wiele łączy"
    garbled = polish.encode("cp1250").decode("latin-1")
    assert not letters_of_no_alphabet(garbled, polish)


def test_catalan_ela_geminada_stays() -> None:
    from textfix.repair.gates import only_middle_dots_between_ls

    assert only_middle_dots_between_ls("intel·ligents", "intelúligents")
    # Hungarian á shown by mac-roman as a middle dot, beside other broken letters.
    hungarian = "Keresési Találatok"
    garbled = hungarian.encode("cp1250").decode("mac-roman")
    assert "l·l" in garbled
    assert not only_middle_dots_between_ls(garbled, hungarian)
    assert textfix.fix("Les carpetes intel·ligents són il·limitades.") == (
        "Les carpetes intel·ligents són il·limitades."
    )


def test_serbian_letters_before_known_words_stay() -> None:
    from textfix.repair.gates import capital_behind_sign

    # cp1251 has Serbian and Macedonian capitals where mac-cyrillic has other capitals: a
    # word known with its own capital is clean ("Љубав", "Њива"), one known only with the
    # mac-cyrillic capital is not (Macedonian "Њакедонски" is "Македонски").
    assert not capital_behind_sign("Љубав и Њива")
    assert capital_behind_sign("Њакедонски јазик")
    assert textfix.fix("Љубав и Њива") == "Љубав и Њива"


def test_cyrillic_look_alikes_typed_in_latin_words_stay() -> None:
    # Written for the test: Croatian typed with a Cyrillic "а" (U+0430) in Latin words.
    # cp1252's "à" shows as that letter in cp1251, but "nemàte pràvà pristupà" is no word.
    line = "Nemаte prаvа pristupа"
    assert any("\u0400" <= ch <= "\u04ff" for ch in line)
    assert textfix.fix(line) == line
    # Real mojibake of that kind makes known words (Catalan "Moldàvia" shown as cp1251).
    catalan = "Moldàvia i Geòrgia"
    assert textfix.fix(catalan.encode("cp1252").decode("cp1251")) == catalan


def test_known_words_are_looked_for_before_letter_statistics_alone() -> None:
    # A Turkish line whose garbled letters are foreign to Turkish: the shortlist by letter
    # statistics alone misses the known word ("Birleçik" read better than "Birleşik").
    line = "Yeşil Burun Cumhuriyeti"
    assert textfix.fix(line.encode("cp1254").decode("cp1252")) == line
