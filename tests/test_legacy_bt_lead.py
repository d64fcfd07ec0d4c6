"""The line's leading language in the legacy ranking: a name many languages list votes for
none of them (``legacy._lead_index``), so the line's own words decide which code page a
word known in two languages comes from (Turkish ``Doğu``, not Latvian ``došu``).

The lines below were written for these tests and garbled here.
"""

from __future__ import annotations

import pytest

import textfix
from textfix.repair.legacy import LEAD_LANGS, _code_of, _lead_index
from textfix.scoring import word_langs


def test_names_many_languages_list_vote_for_none() -> None:
    assert word_langs("Chile").bit_count() > LEAD_LANGS
    assert _code_of(1 << _lead_index("Chile Doºu Cumhuriyeti")) == "tr"
    assert _lead_index("Chile Santiago") == -1


@pytest.mark.parametrize(("true", "shown"), [("cp1254", "cp1252"), ("cp857", "cp437")])
def test_turkish_word_over_a_baltic_one(true: str, shown: str) -> None:
    line = "Chile Doğu Cumhuriyeti"
    assert textfix.fix(line.encode(true).decode(shown)) == line
