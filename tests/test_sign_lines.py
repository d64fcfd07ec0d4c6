"""Cyrillic lines shown as signs alone (repair/sign_lines.py): repairs and refusals."""

from __future__ import annotations

import pytest
from tests.garbling import garble

from textfix import fix, fix_and_explain
from textfix.chains import family_langs
from textfix.repair import sign_lines

# Our own words and short lines (names, labels), each a line of signs in these pages.
SIGN_LINES = [
    "Лесничий",
    "Огородник",
    "Сковорода",
    "новая страница",
    "Голубика",
    "Заготовка %(count)s",
    "Соловей:",
]

SHOWN_AS_SIGNS = [
    ("iso8859-5", "mac-roman"),
    ("koi8-r", "mac-roman"),
    ("cp855", "mac-roman"),
    ("cp866", "mac-roman"),
    ("koi8-u", "mac-roman"),
    ("cp866", "cp1251"),
]


@pytest.mark.parametrize(("true", "shown"), SHOWN_AS_SIGNS)
@pytest.mark.parametrize("line", SIGN_LINES)
def test_a_cyrillic_line_shown_as_signs_is_repaired(line: str, true: str, shown: str) -> None:
    garbled = garble(line, true, shown)
    assert sign_lines.signs_only(garbled), garbled
    found = sign_lines.sign_line_repair(garbled)
    assert found is not None
    assert found[0] == line
    assert family_langs(found[1][0][0]) == family_langs(true)
    fixed = fix_and_explain(garbled)
    assert fixed.text == line
    assert fixed.repairs


def test_the_ligatures_of_mac_roman_do_not_hide_the_reading() -> None:
    # "п" and "о" of iso8859-5 are mac-roman's "ﬂ" and "ﬁ", which left in a word of another
    # script read as nothing and crowd real readings out of the engine's shortlist
    garbled = garble("подход", "iso8859-5", "mac-roman")
    assert "ﬂ" in garbled and "ﬁ" in garbled
    assert fix(garbled) == "подход"


@pytest.mark.parametrize(
    "clean",
    [
        "•••",
        "• • •",
        "“”",
        "‘’“’‚",
        "™ ® ©",
        "— … —",
        "╔══╗",
        "¶§†‡",  # cp866 "ждар" shown as mac-roman: four letters are too few
        "°C ± 0,5",
        "¯\\_(ツ)_/¯",
        "≤∆∏∫",  # iso8859-5 capitals: a word in capitals is refused here (not by the engine)
        "≈ π·r²",
        "«…»",
        "→ ← ↑ ↓",
    ],
)
def test_clean_sign_lines_are_not_read_as_cyrillic(clean: str) -> None:
    assert sign_lines.sign_line_repair(clean) is None
    if clean != "≤∆∏∫":
        assert fix(clean) == clean
