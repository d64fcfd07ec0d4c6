"""Broken lines a round trip would only move around stay (repair/unmended.py, from
legacy._clean_shape_read); garbled lines of the same chains are still repaired."""

from __future__ import annotations

from tests.garbling import garble

import textfix
from textfix.repair.unmended import unmended

# Own lines of each shape; the main branch before unmended changed them all.
BROKEN = [
    # a sign glued before a capitalised word (was "šDe", "đHola", "šBuenos")
    "ðDe nada, amigo.",
    "ðHola Maria! ðQue tal?",
    "ðBuenos dias, Pedro! ðVamos ya!",
    # the letter made is typed right elsewhere on the line (was "znacznikóś", "plikóś")
    "Zapis znacznikóœ jest już domyślny.",
    "Polecenie zapisuje listę plikóœ w katalogu domyślnym",
]


def test_broken_lines_stay() -> None:
    changed = {line: textfix.fix(line) for line in BROKEN}
    assert {line: fixed for line, fixed in changed.items() if fixed != line} == {}


GARBLED = [
    ("Šveitsi Konföderatsioon", "cp1257", "cp1252"),  # "Ðveitsi": a capital before small ones
    ("ŠVEITSI KONFÖDERATSIOON on riik", "cp1257", "cp1252"),  # "ÐVEITSI": before capitals
    ("Dzień dobry, miło mi.", "cp1250", "cp1252"),  # "Dzieñ ... mi³o": no ń typed right
    ("Zażółć gęślą jaźń", "cp1250", "cp1252"),
]


def repaired(cases: list[tuple[str, str, str]]) -> None:
    """Each ``(line, true, shown)`` garbled so comes back as ``line`` (and is garbled)."""
    garbled = {line: garble(line, true, shown) for line, true, shown in cases}
    assert all(mojibake != line for line, mojibake in garbled.items())
    assert {line: textfix.fix(mojibake) for line, mojibake in garbled.items()} == {
        line: line for line in garbled
    }


def test_garbled_lines_of_the_same_chains_repaired() -> None:
    repaired(GARBLED)


def test_shapes() -> None:
    # a letter glued before a capitalised word, whatever it becomes
    assert unmended("ðDe la", "ÜDe la", "cp852", "cp1252")
    assert unmended("ðDe la", "šDe la", "cp1257", "cp1252")
    # ... but not a sign, nor a capital before a word in capitals
    assert not unmended("ÁQué", "¡Qué", "mac-roman", "cp1252")
    assert not unmended("ðDE", "ÜDE", "cp852", "cp1252")
    # the letter made typed right elsewhere, where the shown page cannot show it
    assert unmended("plikóœ ś", "plikóś ś", "cp1250", "cp1252")
    # ... other letters may be a second page's mojibake, UTF-8's half-repaired documents mix
    assert not unmended("plikóœ ą", "plikóś ą", "cp1250", "cp1252")
    assert not unmended("plikóœ ś", "plikóś ś", "utf-8", "cp1252")
    # ... a letter the shown page holds proves nothing
    assert not unmended("Baèa è", "Bača è", "cp1250", "cp1252")
