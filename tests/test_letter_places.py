"""The compiled twins of ce_letters' per-character proofs (``textfix.repair.letter_places``,
``_cgates_letters.h``) answer exactly as their pure-Python references (``_looks_anyway_py``,
``_odd_chars_py``, ``_has_out_of_place_py``, and of each word ``_loose_py`` and, for its
round trips, ``_marks_py``): their tables agree with the Python definitions
for every character below ``letter_places.LIMIT``, and the answers agree on real lines and
their mojibake through Central and Western European pages, on every character below the
limit in small words, on chosen words and on hypothesis text; beyond the limit they answer
None. Skipped when the module is not built or TEXTFIX_PURE_PYTHON is set."""

from __future__ import annotations

from array import array
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.realdata import mojibake_pairs, non_ascii_lines

from textfix._native import load
from textfix.repair import ce_letters as ce
from textfix.repair import letter_places
from textfix.repair.line_language import _lower
from textfix.repair.tokens import tokens

CGATES = load("textfix.repair._cgates")
pytestmark = pytest.mark.skipif(CGATES is None, reason="textfix.repair._cgates is not built")

LIMIT = letter_places.LIMIT
TWINS: tuple[tuple[Callable[[str], object], Callable[[str], object]], ...] = (
    (letter_places.looks_anyway, ce._looks_anyway_py),
    (letter_places.odd_chars, ce._odd_chars_py),
    (letter_places.has_out_of_place, ce._has_out_of_place_py),
)


#: Some steps of ce_letters._proves (letter steps and DOS and Mac ones) for _marks.
STEPS = ce._step_masks()[0][::3]


def assert_same(text: str, steps: int = len(STEPS)) -> None:
    """The twins agree (the compiled one answers None for a line beyond the limit), on the
    line and on each of its words (``_marks`` through the first ``steps`` of
    :data:`STEPS`)."""
    beyond = any(ord(ch) >= LIMIT for ch in text)
    for compiled, reference in TWINS:
        found = compiled(text)
        assert (found is None) == beyond, (compiled.__name__, text)
        assert found is None or found == reference(text), (compiled.__name__, text)
    for word in {*tokens(text), *ce.TOKEN_SIGNS_RE.findall(text)}:
        beyond = any(ord(ch) >= LIMIT for ch in word)
        for letters in (False, True):
            loose = letter_places.loose(word, letters)
            assert (loose is None) == beyond, word
            assert loose is None or loose == ce._loose_py(word, letters), (word, letters)
        for _step, table in STEPS[:steps]:
            new = word.translate(table)
            for places, name in ce._place_names().items():
                marks = letter_places.marks(word, new, name)
                assert (marks is None) == beyond, word
                assert marks is None or marks == ce._marks_py(word, new, places), (word, new)


def tables() -> tuple[array[int], array[int], array[int]]:
    """The owner masks, flags and lower cases handed over to C."""
    found = letter_places._tables()
    assert found is not None
    data = found[0]
    owners, flags, lower = array("Q"), array("I"), array("H")
    owners.frombytes(data[: 8 * LIMIT])
    flags.frombytes(data[8 * LIMIT : 12 * LIMIT])
    lower.frombytes(data[12 * LIMIT :])
    return owners, flags, lower


def flag(name: str) -> int:
    return 1 << letter_places.FLAGS.index(name)


def test_tables_as_defined() -> None:
    owners, flags, lower = tables()
    assert len(flags) == len(lower) == len(owners) == LIMIT
    for code in range(LIMIT):
        ch = chr(code)
        f = flags[code]
        assert f >> letter_places.KIND_SHIFT == ce._odd_kind(ch), hex(code)
        assert lower[code] == ord(_lower(ch)), hex(code)
        assert owners[code] == ce._owner_mask(ch), hex(code)
        if ch.isalpha():
            assert bool(f & flag("vowel_low")) == ce._vowel(ch.lower()), hex(code)
        assert bool(f & flag("unowned")) == (
            ch.islower() and not ce._owners(frozenset(_lower(ch)))
        ), hex(code)
        assert bool(f & flag("token")) == (ce.TOKEN_RE.fullmatch(ch) is not None), hex(code)
        assert bool(f & flag("word")) == bool(ce.TOKEN_SIGNS_RE.fullmatch(ch * 2)), hex(code)


def test_real_lines_and_their_mojibake() -> None:
    lines = non_ascii_lines()
    chains = (
        (("cp1250", "cp1252"),),
        (("iso8859-2", "iso8859-1"),),
        (("cp852", "cp1252"),),
        (("mac-latin2", "cp1252"),),
        (("cp1250", "cp437"),),
        (("cp852", "mac-roman"),),
        (("cp1252", "cp850"),),
        (("cp1252", "mac-roman"),),
    )
    garbled = [g for _line, g in mojibake_pairs(lines, chains)]
    assert len(garbled) > 1000
    for text in (*lines, *garbled):
        assert_same(text)
    # (the proofs find something on both kinds of lines)
    assert sum(bool(ce._odd_chars(t)) for t in garbled) > 100
    assert sum(ce.has_out_of_place(t) for t in garbled) > 50
    assert sum(ce.looks_anyway(t) for t in garbled) > 10


def test_every_character_in_small_words() -> None:
    for code in range(0x80, LIMIT):
        ch = chr(code)
        for text in (
            f"ab{ch}",
            f"ab{ch}c",
            f"a{ch}b",
            f"Ab{ch}d ok",
            f"{ch}ab",
            f"l{ch}l",
            f"x{ch}ß",
            f"ab{ch} e",
            f"Ki{ch}",
        ):
            assert_same(text, steps=1)


@pytest.mark.parametrize(
    "text",
    [
        "Ꭰꭰ Ꮳæ Kramariæ",  # (Cherokee capitals lower beyond the limit)
        "Kostoln\xa0 Ves",
        "v\xa0Praze, 10\xa0000, mot\xa0»",
        "dat„ expirare",
        "Togskß republika, Straße, weiß",
        "Om‡n, Gießen, nº 5, l’homme, l·l",
        "PROGRES¡STAS, K¡na, ¡Hola!",
        "hÉireann nÉirinn tÚsáideoir",
        "Kramariæ Kramariµ Tцll",
        "Mozdonyvezetõ, blæst, pièce, d’été",
        "ManipurskŽ E-mailov† AnlÊgsarbejder",
        "ÝÁOÑÖ İzmir ΣΟΦΙΑ",
        "",
        "a",
        "\xa0",
    ],
)
def test_chosen_lines(text: str) -> None:
    assert_same(text)


def test_beyond_the_limit_python_answers() -> None:
    for text in ("Om‡n 漢字", "Om‡n \U0001f600", "Om‡n \ua78c"):
        for compiled, _reference in TWINS:
            assert compiled(text) is None
        assert ce._odd_chars(text) == ce._odd_chars_py(text) == {"‡"}


_CHARS = st.sampled_from("abAB lLhßéÉæøõûã‡†Ž·º¡„\xa0’-.ıİ\x00\ud800\U0001f600ж")


@settings(max_examples=400, deadline=None)
@given(st.text(_CHARS, max_size=30))
def test_hypothesis_words(text: str) -> None:
    assert_same(text)


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(max_codepoint=LIMIT - 1), max_size=60))
def test_hypothesis_any_text(text: str) -> None:
    assert_same(text)
