"""The hunspell affix expander behind the shipped inflected forms (tools/hunspell_forms.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import hunspell_forms as hf

AFF = """SET UTF-8
FLAG long
SFX Aa Y 2
SFX Aa as ų as
SFX Aa 0 ui [^s]
SFX Bb N 1
SFX Bb 0 ai .
PFX Cc Y 1
PFX Cc 0 ne .
"""


def test_suffixes_respect_strip_and_condition() -> None:
    aff = hf.parse_affixes(AFF)
    assert set(hf.expand("namas", ["Aa"], aff)) == {"namas", "namų"}
    assert set(hf.expand("kelt", ["Aa"], aff)) == {"kelt", "keltui"}


def test_prefixes_cross_only_with_cross_product_suffixes() -> None:
    aff = hf.parse_affixes(AFF)
    forms = set(hf.expand("namas", ["Aa", "Bb", "Cc"], aff))
    assert {"nenamas", "nenamų"} <= forms  # Aa allows cross products
    assert "namasai" in forms and "nenamasai" not in forms  # Bb does not


@pytest.mark.parametrize(
    ("mode", "flags", "expected"),
    [("char", "AB", ["A", "B"]), ("long", "AaBb", ["Aa", "Bb"]), ("num", "12,7", ["12", "7"])],
)
def test_flag_syntaxes(mode: str, flags: str, expected: list[str]) -> None:
    assert hf.split_flags(flags, hf.Affixes(flag_mode=mode)) == expected


def test_flag_aliases() -> None:
    aff = hf.parse_affixes("AF 2\nAF AB\nAF C\n")
    assert hf.split_flags("2", aff) == ["C"]
