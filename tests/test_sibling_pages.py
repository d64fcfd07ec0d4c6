"""A repair through a near-identical Baltic or Central European page whose repaired words
are words, where the best round trip's are none (repair/sibling_pages.py).

The lines below were written for these tests and garbled here.
"""

from __future__ import annotations

import pytest
from tests.garbling import garble

import textfix
from textfix.repair import legacy, sibling_pages
from textfix.repair.sibling_pages import _family_mask, _pages, _readers_py, sibling_word
from textfix.scoring.model import word_lookup

#: (line, true page, shown page): the best round trip takes a sibling page and makes no word.
MENDED = [
    ("Koliko je ura zdaj, največ", "iso8859-16", "mac-roman"),  # not iso8859-2's "najveš"
    ("Slovėnija ir Latvija", "iso8859-4", "cp437"),  # not cp1250's "Slověnija"
    ("Slovėnija", "iso8859-10", "cp437"),
]

#: Garbled lines whose best round trip is right: the sibling pages leave it.
KEPT = [
    ("Imam veliko časa", "iso8859-16", "mac-roman"),
    ("Lietuvių kalba", "cp775", "cp437"),
    ("Rīga ir galvaspilsēta", "cp775", "cp437"),
    ("Česká pošta", "cp852", "cp437"),
]

#: Clean lines in the pages' languages.
CLEAN = ["Vilnius ir Kaunas", "Slovėnija ir Latvija", "Koliko je ura zdaj, največ", "Ceļš"]


@pytest.mark.parametrize(("line", "true", "shown"), MENDED)
def test_the_sibling_page_making_words_is_the_repair(line: str, true: str, shown: str) -> None:
    garbled = garble(line, true, shown)
    best = legacy.candidates(garbled)[0]
    assert best.text != line  # (else the test proves nothing)
    assert sibling_word(garbled, best).text == line
    assert textfix.fix(garbled) == line


@pytest.mark.parametrize(("line", "true", "shown"), KEPT)
def test_a_best_repair_making_words_stays(line: str, true: str, shown: str) -> None:
    garbled = garble(line, true, shown)
    best = legacy.candidates(garbled)[0]
    assert sibling_word(garbled, best) is best
    assert textfix.fix(garbled) == line


@pytest.mark.parametrize("line", CLEAN)
def test_clean_lines_stay(line: str) -> None:
    assert textfix.fix(line) == line


def test_the_page_tables_tell_letters_from_signs() -> None:
    # cp437's "Σ" is byte 0xE4: cp1257's "ä", cp775's "õ" (a letter for a letter); cp437's
    # "╙" is 0xD3: cp1257's "Ó", cp775's "ė" (a small letter for a capital).
    swaps, breaks, pages = _pages("cp1257", "cp437")
    names = [name for name, _table, _family in pages]
    cp775 = 1 << names.index("cp775")
    assert swaps["Σ"] & cp775 and not breaks.get("Σ", 0) & cp775
    assert breaks["╙"] & cp775 and not swaps.get("╙", 0) & cp775
    assert "a" not in swaps and "a" not in breaks


#: (shown line, its best round trip, true page, shown page) pairs of the compiled and the
#: Python readers: a word only a sibling page makes a word, words every page knows, none
#: changed, an edge sign around the word, unpaired words (-2: asked of Python).
TWINS = [
    ("Slov∞nija ir Latvija", "Slověnija ir Latvija", "cp1250", "cp437"),
    ("«salasΣna» on", "«salasäna» on", "cp1257", "cp437"),
    ("Lietuvi· kalba", "Lietuvių kalba", "cp775", "cp437"),
    ("plain words", "plain words", "cp1257", "cp437"),
    ("Fid¼i x", "Fidźi x", "iso8859-2", "cp1252"),
    ("ab cd", "a bcd", "cp1257", "cp437"),
]


@pytest.mark.skipif(sibling_pages._CSCORE is None, reason="compiled _cscore not built")
@pytest.mark.parametrize(("text", "cand", "true", "shown"), TWINS)
def test_the_compiled_readers_are_the_python_twins(
    text: str, cand: str, true: str, shown: str
) -> None:
    family = _family_mask(true)
    swaps, _breaks, pages = _pages(true, shown)
    twin = _readers_py(text, cand, family, swaps, pages)
    lookup = word_lookup()
    # (the shipped compiled lookup, read in place, and any other callable)
    for source in (lookup, lambda word: lookup(word)):
        compiled = sibling_pages._CSCORE.sibling_readers(
            source, text, cand, family, legacy._EDGE, swaps, pages
        )
        # (-2: the words do not pair up at the same places; Python's answer stands)
        unpaired = [i for i, c in enumerate(text) if c == " "] != [
            i for i, c in enumerate(cand) if c == " "
        ]
        assert compiled == (-2 if unpaired else twin)
