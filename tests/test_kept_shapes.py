"""Clean text's own shapes stay (repair/kept_shapes.py, legacy._clean_shape_read):
apostrophe signs before clitics, one inflection for another, case-only round trips, a
tree's box drawing glued to a word, a letter foreign to the line's language in no known
word; and garbled lines of the same chains are still repaired."""

from __future__ import annotations

import pytest

import textfix
from textfix.repair.kept_shapes import (
    apostrophe_read,
    case_only,
    endings_swapped,
    scripts_mixed,
)
from textfix.scoring._data import langdata

# Own sentences of each shape; the main branch before kept_shapes changed the marked ones.
CLEAN = [
    # ´ as an apostrophe (cp850 shows cp1252's ï as ´, cp1252 iso8859-16's Ž)
    "Alle foto´s en video´s staan op de USB-stick.",  # nl (was fotoïs)
    "We hebben twee baby´s en drie opa´s.",  # nl (was babyïs)
    "De PDF´s zijn gemaild naar alle klant´en.",  # nl (was PDFïs, klantïen)
    "Zo gaat´s niet.",  # nl (was gaatïs)
    "Alle CD´s.",  # nl (was CDīs)
    "So geht´s nicht weiter, hol ´ne Leiter.",  # de
    "Gib mir ´nen Kaffee, bitte.",  # de
    "Don´t forget Mary´s keys.",  # en
    "-- Sean O´Casey",  # en (was OŽCasey)
    "Patrick O´Hara",  # en (was OŽHara)
    "Hy het ´n hond en ´n kat.",  # af
    "Dis ´n lekker dag.",  # af
    # one inflection of a word for another (cp850 shows cp1250's ě as ý)
    "Tento stav je nehybný.",  # cs (was nehybně)
    "Vzduch nad řekou byl nehybný.",  # cs (was nehybně)
    "Stav je nehybný a pokojný.",  # cs
    # a capital at a line's start (mac-cyrillic and cp1251 swap я and Я)
    "Ясную задачу он выформулировал.",  # ru (was ясную)
    "Яблоко упало, а он выформулировал закон.",  # ru (was яблоко)
    "Ясна думка, що він вихмарив.",  # uk
    "Ябълките са червени.",  # bg
    # a Cyrillic letter glued to a word of an English line (cp1251 shows cp1252's è as и)
    "Enablesи error display. The VALUE is one of none, to hide all",  # (was Enablesè)
    # tree output (cp437 and cp866 hold box drawing)
    "│ │ ├─init.scope",  # (was і і ГДinit.scope)
    "│   └─login.service",  # (was Б   ДАlogin.service)
    "│ ├─cron.service",
    "├── docs",
    "│ └─1234 /usr/bin/foo",
    # one final accented vowel swapped for another alphabet's (accent_swaps)
    "Kolumbià",  # Catalan-like à (was Polish ą, mac-latin2 shown as mac-roman)
    "Rumunià",  # (was Rumunią)
    "Nafta Kolumbià",  # (was Kolumbią)
    "Tabulâ",  # Friulian-like â (was Latvian ā, cp1257 shown as cp1252)
    "Programmâ",  # (was Programmā)
    "Lietuvë",  # Albanian-like ë (was Lithuanian ė, cp1257 shown as cp1252)
    # a title-cased name's capital made small (accent_swaps)
    "Ceol Èireannach",  # (was "éireannach", cp1252 shown as mac-roman)
]


def test_clean_shapes_stay() -> None:
    changed = {line: textfix.fix(line) for line in CLEAN}
    assert {line: fixed for line, fixed in changed.items() if fixed != line} == {}


# Garbled lines of the same chains (own sentences) still come back.
GARBLED = [
    ("De geïnteresseerde lezer leest het boek.", "cp1252", "cp850"),  # ge´nteresseerde
    ("Hij woont in Haïti en België.", "cp1252", "cp850"),
    ("Příliš žluťoučký kůň úpěl ďábelské ódy.", "cp1250", "cp850"),
    ("Ukončete to teď.", "cp1250", "cp850"),  # te´ ending a word
    ("Моя заявка для тебя.", "mac-cyrillic", "cp1251"),  # ЊоЯ заЯвка
    ("Задача решена.", "mac-cyrillic", "cp1251"),
    ("Привет, мир! Как дела?", "cp1251", "cp437"),
    ("Ученики сдали экзамены.", "cp1251", "cp437"),
    ("Привет, как дела?", "cp866", "koi8-r"),
    ("Žalec je lepo mesto.", "iso8859-16", "cp1252"),  # ´alec
    ("The café is open all day and the menu is new.", "cp1252", "cp1251"),  # English é
    ("Le café est prêt pour tous les clients.", "cp1252", "cp1251"),
    # accent swaps with a shape no clean spelling has (accent_swaps)
    ("Koninkrijk België", "cp1252", "cp850"),  # "BelgiÙ": a capital inside a word
    ("Tato kniha je dobrá", "mac-latin2", "cp437"),  # five words
    ("Baňa", "cp1250", "cp1252"),  # "Baòa": no final vowel, a large gain
    ("Hledání", "mac-latin2", "cp1252"),  # "Hled‡n’": signs for letters
    ("Dzień dobry", "cp1250", "cp1252"),  # "Dzieñ": no final vowel
    ("Europos valstybių", "iso8859-4", "cp1252"),  # an untouched Lithuanian word backs it
]


@pytest.mark.parametrize(("line", "true", "shown"), GARBLED)
def test_garbled_of_the_same_chains_repaired(line: str, true: str, shown: str) -> None:
    garbled = line.encode(true).decode(shown)
    assert garbled != line
    assert textfix.fix(garbled) == line


def test_apostrophe_read() -> None:
    known = {"ruïne", "ma", "geïntegreerde", "Keď"}.__contains__
    assert apostrophe_read("Zie de commando´s.", "Zie de commandoïs.", known)
    assert apostrophe_read("Hol ´nen Inder", "Hol Žnen Inder", known)
    assert apostrophe_read("O´Malley", "OŽMalley", known)
    assert apostrophe_read("Hans´ Buch", "Hansï Buch", known)
    # a clitic on a known word stays, even when the word made is known ("maïs")
    assert apostrophe_read("ma´s", "maïs", {"ma", "maïs"}.__contains__)
    # a known word made where no clitic is: mojibake
    assert not apostrophe_read("Een ru´ne", "Een ruïne", known)
    assert not apostrophe_read("Ke´", "Keď", known)
    # inside a word, or with any other letter changed: not the shape
    assert not apostrophe_read("ge´ntegreerde", "geïntegreerde", known)
    assert not apostrophe_read("Ha´ti en BelgiÙ", "Haïti en België", known)
    # quotes around a word are no apostrophe
    assert not apostrophe_read("´zin´", "ŽzinŽ", known)


def test_endings_swapped() -> None:
    models = langdata().models
    cs, tr = 1 << models["cs"].index, 1 << models["tr"].index
    assert endings_swapped("Je nehybný.", "Je nehybně.", cs)
    assert not endings_swapped("Je nehybný.", "Je nehybně.", tr)  # not the line's language
    assert not endings_swapped("mýsto", "město", cs)  # inside the stem
    assert not endings_swapped("директориЯ", "директория", -1)  # mojibake's capital
    assert not endings_swapped("Je nehybný.", "Je nehybný.", cs)  # nothing changed


def test_case_only() -> None:
    assert case_only("Ясную мысль", "ясную мысль")
    assert not case_only("моЯ книга", "моя книга")  # a capital after a small letter
    assert not case_only("длЯ Якого", "для якого")  # ... with a word's capital beside it
    assert not case_only("Ясную", "Ясную")
    assert not case_only("ЊоЯ", "Моя")  # other letters too


def test_scripts_mixed() -> None:
    assert scripts_mixed("│ │ ├─user@1000.service", "і і ГДuser@1000.service")
    assert not scripts_mixed("Siapanлeg", "Siapanëeg")
    assert not scripts_mixed("╟ßXML", "الXML")  # the word's letters change too
    assert not scripts_mixed("Маршаллов╕ острови", "Маршаллові острови")  # one script
