"""The compiled ``_cgates.sign_scan`` (what ``sign_lines.sign_line_repair`` reads of a line
before it scores) answers as its Python reference, ``sign_lines._scan_py``, on our own
Cyrillic lines shown through every single-byte step, whole and word by word, on chosen
lines and on hypothesis text of signs, letters and punctuation. Skipped when the module is
not built or TEXTFIX_PURE_PYTHON is set."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.garbling import garble

from textfix._native import load
from textfix.repair import sign_lines

CGATES = load("textfix.repair._cgates")
pytestmark = pytest.mark.skipif(CGATES is None, reason="textfix.repair._cgates is not built")

# Our own lines: names, labels, hyphens and apostrophes, capitals, digits and punctuation.
LINES = [
    "Лесничий",
    "Огородник с лопатой",
    "Сковорода-гриль",
    "п'ять яблук",
    "«Новая страница»",
    "Заготовка %(count)s: 12 шт.",
    "ВЦИК и ЦК",
    "Ёлка, ёж и ещё",
    "Іграшка та ґудзик",
    "Љубав и њива",
    "солнце--ветер",
    "-тест- 'слово'",
    "Ф",
    "ф",
]


def compiled(text: str) -> object:
    assert CGATES is not None
    sign_lines._scanner()  # (hands the tables over)
    return CGATES.sign_scan(text)


def shown_lines() -> Iterator[str]:
    """Each line, and each of its words, through every single-byte step that carries it."""
    steps = [reading.step for reading in sign_lines._step_readings()]
    for line in LINES:
        for piece in [line, *line.split()]:
            for true, shown in steps:
                try:
                    yield garble(piece, true, shown)
                except UnicodeError:
                    continue


def test_shown_lines_scan_alike() -> None:
    scanned = read = 0
    for text in shown_lines():
        found = compiled(text)
        assert found == sign_lines._scan_py(text), text
        scanned += found is not None
        read += sign_lines.sign_line_repair(text) is not None
    assert scanned > 100  # (the readings are compared, not only the refusals)
    assert read > 20


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain ASCII",
        "ø€–‹’›–",
        "ø€–‹’›– ø€–‹’›–",  # (the same core twice: rivals once each)
        "“”",
        "•••",
        "¶§†‡",
        "≤∆∏∫",
        "«÷¨†–Ò“",
        "ø€–‹’›–\x00x",
        "ø€–‹’›–\U0001f600",
        "  ø€–‹’›–  ",
    ],
)
def test_chosen_lines_scan_alike(text: str) -> None:
    assert compiled(text) == sign_lines._scan_py(text)


def _alphabet() -> str:
    """Signs of the shown pages, some letters, quotation marks and ASCII punctuation."""
    keys = sorted({chr(k) for r in sign_lines._step_readings() for k in r.table})
    return "".join(keys[::3]) + "‘’“”«»\"'`-.,:;!?() aZ09\u0416\u0436\u00e9"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_alphabet(), max_size=14))
def test_hypothesis_text_scans_alike(text: str) -> None:
    assert compiled(text) == sign_lines._scan_py(text)


def test_sign_line_repair_answers_alike_with_either_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = list(shown_lines())
    sign_lines._scanner()
    fast = [sign_lines.sign_line_repair(text) for text in texts]
    monkeypatch.setattr(sign_lines, "_scan", sign_lines._scan_py)
    assert [sign_lines.sign_line_repair(text) for text in texts] == fast
