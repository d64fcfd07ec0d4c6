"""Ordinal indicators (and ``©``, ``®``) before small letters: iso8859-10's ``š`` and ``Š``
shown as latin-1 or cp1252 read as ``º`` and ``ª`` (``Tºiili`` is Estonian ``Tšiili``),
cp852's ``ž`` shown as cp437 as ``º``. Real text writes an ordinal indicator after a number
or an abbreviation.

The names and short lines below were written for these tests and garbled here.
"""

from __future__ import annotations

import pytest

import textfix
from textfix.repair.gates import looks_clean
from textfix.repair.plausible import _line_pages, plausible
from textfix.scoring.model import mojibake_shape

#: (line, its code page, shown as): the ordinal indicators are its only broken letters.
GARBLED = [
    ("Šveitsi frank", "iso8859-10", "cp1252"),
    ("Tšiili peeso", "iso8859-10", "iso8859-1"),
    ("Par šiem dokumentiem", "iso8859-10", "cp1252"),
    ("Paieškos puslapis", "iso8859-10", "iso8859-1"),
    ("Južni grad", "cp852", "cp437"),
    # iso8859-4's "Š" and "Ž" read as "©" and "®"
    ("Šveitsi frank", "iso8859-4", "cp1252"),
    ("Žemyna", "iso8859-4", "iso8859-1"),
]


@pytest.mark.parametrize(("line", "true", "shown"), GARBLED)
def test_ordinals_before_small_letters_are_mended(line: str, true: str, shown: str) -> None:
    garbled = line.encode(true).decode(shown)
    assert any(sign in garbled for sign in "ºª©®")
    assert mojibake_shape(garbled)
    assert not plausible(garbled) and not looks_clean(garbled)
    assert textfix.fix(garbled) == line


@pytest.mark.parametrize(
    "line",
    [
        "1º lugar",
        "2ª edición",
        "Nº 5 de la calle",
        "la nº 7",
        "Mª José García",
        "20ºC en el 3º piso",
        "o 1º e a 2ª",
        "Copyright ©2020 Example®",
        "© www.example.org",
        "Acme® products",
    ],
)
def test_ordinals_where_real_text_writes_them_stay(line: str) -> None:
    assert not mojibake_shape(line)
    assert textfix.fix(line) == line


def test_ordinal_shape_in_both_accept_tests() -> None:
    # the Python reference of the quick accept test fails such a line as its C twin does
    assert _line_pages("ªveitsi frank") == -1
    assert not plausible("ªveitsi frank")
    assert _line_pages("Mª José") != -1
