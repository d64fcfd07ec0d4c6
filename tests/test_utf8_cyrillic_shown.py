"""Latin-script UTF-8 shown as cp1251 or koi8-r, repaired from its shape (own fixtures)."""

from __future__ import annotations

import pytest

import textfix
from textfix.repair.base import DocumentContext
from textfix.repair.utf8_cyrillic_shown import repair, shown_latin

#: Lines of Latin-script languages whose every garbled letter is glued to ASCII letters
#: or followed by a sign, in both pages (Irish, Welsh, Azerbaijani, Vietnamese, Spanish).
LATIN = [
    "Ó Briain",
    "Tá an leabhar ar an mbord",
    "Bydd y tŷ yn barod",
    "Mae'r ŵyl yn dechrau",
    "Mən kitab oxuyuram",
    "Gəncə şəhəri",
    "Tiếng Việt",
    "Señor Núñez",
]


@pytest.mark.parametrize("shown", ["cp1251", "koi8-r"])
@pytest.mark.parametrize("line", LATIN)
def test_latin_line_shown_as_cyrillic_page_comes_back(line: str, shown: str) -> None:
    garbled = line.encode("utf-8").decode(shown)
    step = repair(garbled, DocumentContext())
    assert step is not None
    assert step.text == line
    assert step.chain == (("utf-8", shown),)
    assert textfix.fix(garbled) == line


@pytest.mark.parametrize(
    ("garbled", "line"),
    # lines ftfy's chains, utf8_structural and the engine all leave (one letter, few words)
    [
        ("Г“ Briain", "Ó Briain"),
        ("ц⌠ Briain", "Ó Briain"),
        ("Mи≥n kitab oxuyuram", "Mən kitab oxuyuram"),
        ("Bydd y tе╥ yn barod", "Bydd y tŷ yn barod"),
    ],
)
def test_whole_pipeline_restores_lone_letters(garbled: str, line: str) -> None:
    assert textfix.fix(garbled) == line


def test_a_line_of_documents_is_repaired_among_clean_cyrillic() -> None:
    text = "Привет, мир\nГ“ Briain\nКак дела?"
    assert textfix.fix(text) == "Привет, мир\nÓ Briain\nКак дела?"


@pytest.mark.parametrize(
    ("text", "decoded", "shown"),
    [
        # a Cyrillic letter after a Cyrillic letter, standing alone: no evidence here
        ("ГЁ Briain", "è Briain", "cp1251"),
        # no Latin word in the line
        ("y = е² + x", "y = ŝ + x", "koi8-r"),
        # a letter no Latin-script language of the models writes (yogh)
        ("х² dx", "ȝ dx", "koi8-r"),
    ],
)
def test_no_evidence_no_repair(text: str, decoded: str, shown: str) -> None:
    assert text.encode(shown).decode("utf-8") == decoded
    assert not shown_latin(text, decoded, shown)


#: Clean Cyrillic with capitals before signs that cp1251/koi8-r put at continuation bytes,
#: with ASCII words, and with letters koi8-r puts there (``её``), in pairs of lines.
CLEAN_CYRILLIC = [
    ("Р»", "её ID"),
    ("ОАО «РЖД»", "См. рис. Г—2"),
    ("ГОСТ Р ИСО 9001—2015", "Вихід: Р№1"),
    ("Ответ: «Д» (Да)", "ДВ “Радио” FM"),
    ("Ёмкость 5 А·ч", "Площадь х² + у²"),
    ("y = е² + x", "х² dx"),
    ("Версия 2.0 — Windows", "Г“Москва”"),
]


@pytest.mark.parametrize("line", [line for pair in CLEAN_CYRILLIC for line in pair])
def test_clean_cyrillic_stays(line: str) -> None:
    assert repair(line, DocumentContext()) is None
    assert textfix.fix(line) == line
