"""UTF-8 letters shown as cp1252/latin-1 that ftfy's heuristic passes, and lone Latin letters
a legacy repair would turn into another script (own fixtures)."""

from __future__ import annotations

import pytest

import textfix
from textfix.repair.base import DocumentContext
from textfix.repair.glued_utf8 import repair
from textfix.repair.script_clash import decode_keeps_script

#: Welsh "â" alone between spaces: ``Ã¢`` is also Greek "ΓΆ" in cp1253.
LONE_LATIN = [
    "Cerddodd hi â ffrind i'r dref",
    "Aeth y plant â'r llyfrau adref",
    "Mae hi'n gweithio â llaw",
]
#: Letters beyond Latin-1 (or a capital and a sign glued inside a word) that ftfy leaves.
GLUED = [
    "Gå heim no",
    "Il-Ġnien tal-belt",
    "Jdeme do Školy dnes",
    # (Latin letters no single-byte page holds, of languages no model covers)
    "Yaro ɗan makaranta",
    "Tamdint n Ṭanja",
    "Ewe ɖevi la",
]
#: Clean all-caps words ending on a capital and a sign: no decode.
CLEAN = ["L'ÉTÉ™ est là", "«CAFÉ” dit-il", "ÉTÉ— HIVER", "IRMÃ… e mais"]


@pytest.mark.parametrize("shown", ["cp1252", "latin-1"])
@pytest.mark.parametrize("line", LONE_LATIN + GLUED)
def test_utf8_shown_comes_back(line: str, shown: str) -> None:
    garbled = line.encode("utf-8").decode(shown)
    assert garbled != line
    assert textfix.fix(garbled) == line


@pytest.mark.parametrize("line", CLEAN)
def test_clean_all_caps_signs_stay(line: str) -> None:
    assert repair(line, DocumentContext()) is None
    assert textfix.fix(line) == line


def test_glued_repair_names_its_chain() -> None:
    step = repair("Il-Ä\xa0nien tal-belt", DocumentContext())
    assert step is not None
    assert step.text == "Il-Ġnien tal-belt"
    assert step.chain == (("utf-8", "cp1252"),)


def test_decode_keeps_script_needs_latin_words_and_another_script() -> None:
    assert decode_keeps_script("gyda Ã¢ nhw", "gyda â nhw", "gyda ΓΆ nhw")
    # (no Latin words around the letter: no evidence of the line's script)
    assert not decode_keeps_script("Ã¢", "â", "ΓΆ")
    # (both make Latin letters: the usual arbitration decides)
    assert not decode_keeps_script("gyda Ã¢ nhw", "gyda â nhw", "gyda ŕ nhw")
