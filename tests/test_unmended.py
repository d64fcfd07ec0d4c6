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


def test_the_last_gate_asks_unmended_only_where_its_first_tests_can_pass() -> None:
    """legacy._clean_shape_read skips unmended where the pair scan saw no broken case and
    the shown page's unheld class finds nothing in the line: unmended is False there."""
    from textfix.repair.pair_shapes import BEFORE_CAPITALISED, pair_shapes_py
    from textfix.repair.unmended import page_unheld

    lines = [*BROKEN, *(garble(line, true, shown) for line, true, shown in GARBLED)]
    for text in lines:
        for true, shown in (("cp1250", "cp1252"), ("cp1257", "cp1252"), ("cp1251", "cp1252")):
            try:
                cand = text.encode(shown).decode(true)
            except UnicodeError:
                continue
            unheld = page_unheld(shown)
            skipped = not pair_shapes_py(text, cand) & BEFORE_CAPITALISED and (
                unheld is None or unheld.search(text) is None
            )
            if skipped:
                assert not unmended(text, cand, true, shown), (text, cand)
    assert unmended("znacznikóœ domyślny", "znacznikóś domyślny")
    assert page_unheld("cp1252").search("znacznikóœ domyślny") is not None
