"""A whole-line UTF-8 decode into one script stands against a repair that makes no word
(``repair/script_clash.py``'s :func:`decode_whole_script`)."""

from __future__ import annotations

import pytest

import textfix
from textfix.repair.script_clash import decode_whole_script

#: Kurdish (Sorani) words whose decode the scorer reads as Persian with a letter Persian
#: lacks (``ۆ``, ``ە``): a confident cp866-as-mac-roman repair used to win.
KURDISH = ["خۆش", "خۆشە"]


def _shown(line: str, page: str = "cp1252") -> str:
    return line.encode("utf-8").decode(page)


@pytest.mark.parametrize("line", KURDISH)
def test_kurdish_decode_stands(line: str) -> None:
    garbled = _shown(line)
    assert garbled != line
    assert textfix.fix(garbled) == line


@pytest.mark.parametrize("line", ["Բարեւ տուն", "ლხინი", "кӯҳ ҳаво", "خۆش"])
def test_whole_line_of_one_script_against_no_word(line: str) -> None:
    assert decode_whole_script(_shown(line), line, "ЖЮЖЮ")
    assert decode_whole_script(_shown(line, "latin-1"), line, "ЖЮЖЮ")


def test_decode_needs_one_script_a_whole_round_trip_and_three_letters() -> None:
    # (two scripts: chance UTF-8 decodes pairs into any block)
    assert not decode_whole_script(_shown("տուն ხე"), "տուն ხე", "ЖЮЖЮ")
    # (two letters only: a chance pair, as cp855 "Мали" shown as cp1252 decodes to "Ӡз")
    assert not decode_whole_script(_shown("խն"), "խն", "ЖЮЖЮ")
    # (a byte left undecoded: the decode is not the whole line)
    assert not decode_whole_script(_shown("տուն") + "ì", "տունì", "ЖЮЖЮ")
    # (a sign among the letters is no letter of the script)
    assert not decode_whole_script(_shown("տուն€"), "տուն€", "ЖЮЖЮ")


def test_repair_making_a_known_word_competes() -> None:
    assert not decode_whole_script(_shown("خۆش"), "خۆش", "ไบต์")
    assert not decode_whole_script(_shown("خۆش"), "خۆش", "дом")
