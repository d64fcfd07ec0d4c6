"""UTF-8 decodes that prove themselves where ftfy's heuristic passes (own fixtures)."""

from __future__ import annotations

import pytest

import textfix
from textfix.repair.base import DocumentContext
from textfix.repair.utf8_structural import repair

CJK = [
    "このファイルは設定を読み込みます。",
    "搜索手册页时匹配大小写。",
    "파일을 압축한 후 결과를 나타냅니다",
    "使用する “設定” を選びます",
]


def _showable(lines: list[str], pages: list[str]) -> list[tuple[str, str]]:
    """(line, page) pairs whose UTF-8 bytes the page can show (cp1251 lacks 0x98)."""
    out = []
    for line in lines:
        for page in pages:
            try:
                line.encode("utf-8").decode(page)
            except UnicodeDecodeError:
                continue
            out.append((line, page))
    return out


@pytest.mark.parametrize(("line", "shown"), _showable(CJK, ["cp1251", "koi8-r"]))
def test_cjk_shown_as_cyrillic_pages_comes_back(line: str, shown: str) -> None:
    garbled = line.encode("utf-8").decode(shown)
    found = textfix.fix_and_explain(garbled)
    assert found.text == line
    assert {r.chain for r in found.repairs} == {(("utf-8", shown),)}


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("il valore predefinito è un numero intero", "cp1251"),
        ("il valore predefinito è un numero intero", "koi8-r"),
        ("la commande est déjà terminée", "koi8-r"),
    ],
)
def test_latin_letters_shown_as_cyrillic_pairs_come_back(line: str, shown: str) -> None:
    garbled = line.encode("utf-8").decode(shown)
    assert textfix.fix(garbled) == line


@pytest.mark.parametrize(
    "line",
    [
        # well-formed Cyrillic words that decode as UTF-8 through cp866 by chance
        "уелски",
        "redirect хаашаа",
        "Привет, как дела",
        # a line of Cyrillic words with no Latin context: no language names the letters
        "ГЁ",
    ],
)
def test_clean_lines_are_left_alone(line: str) -> None:
    assert repair(line, DocumentContext()) is None
    assert textfix.fix(line) == line
