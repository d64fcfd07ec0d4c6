"""The compiled ``_cgates.short_words`` (what ``gates.short_words_respelled`` asks where the
gate sheet leaves the gate open: lines of short words) answers as the gate's Python body,
``gates._short_words_respelled_py``, on real lines and their single-byte mojibake cut into
short words, on every BMP character in short words, on chosen pairs and on hypothesis text.
Skipped when the module is not built or TEXTFIX_PURE_PYTHON is set."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.garbling import garble
from tests.realdata import non_ascii_lines

from textfix._native import load
from textfix.chains import single_byte_steps
from textfix.repair import gate_sheet, gates

CGATES = load("textfix.repair._cgates")
pytestmark = pytest.mark.skipif(CGATES is None, reason="textfix.repair._cgates is not built")


def compiled(text: str, cand: str) -> bool | None:
    module = gate_sheet._compiled()
    assert module is not None
    found: bool | None = module.short_words(text, cand)
    return found


def assert_same(text: str, cand: str) -> bool:
    """The compiled answer (where it gives one) is the Python body's, and so is the gate's;
    returns whether the compiled twin answered."""
    found = compiled(text, cand)
    expected = gates._short_words_respelled_py(text, cand)
    assert found is None or found == expected, (text, cand)
    assert gates.short_words_respelled(text, cand) == expected, (text, cand)
    return found is not None


def short_pairs() -> Iterator[tuple[str, str]]:
    """Real lines and their mojibake through a spread of single-byte steps, cut into pieces
    of a few words (the sheet leaves lines of short words open)."""
    steps = [step for step, _table in single_byte_steps()[::6]]
    for line in non_ascii_lines()[::20]:
        for true, shown in steps:
            try:
                garbled = garble(line, true, shown)
            except UnicodeError:
                continue
            for k in range(0, len(line), 9):
                yield garbled[k : k + 9], line[k : k + 9]
                yield line[k : k + 9], garbled[k : k + 9]


def test_real_lines_and_their_mojibake_in_short_pieces() -> None:
    pairs = answered = respelled = 0
    for text, cand in short_pairs():
        answered += assert_same(text, cand)
        respelled += gates.short_words_respelled(text, cand)
        pairs += 1
    assert pairs > 3000, pairs
    assert answered == pairs  # (no combining mark, nothing beyond the BMP there)
    assert 0 < respelled < pairs


def test_every_bmp_character_in_short_words() -> None:
    # Runs of four code points (a short word, or letters and signs) against the same run
    # with characters swapped for their case twin or a neighbour, and with a space inside.
    for lo in range(0, 0x10000, 4):
        text = "".join(map(chr, range(lo, lo + 4)))
        for cand in (
            "".join(ch.swapcase() if len(ch.swapcase()) == 1 else ch for ch in text),
            "".join(chr(lo + 3 - i) for i in range(4)),
            text[:2] + " " + text[3],
            "".join(chr(ord(ch) ^ 1) for ch in text),
        ):
            assert_same(text, cand)
            assert_same(cand, text)


@pytest.mark.parametrize(
    ("text", "cand"),
    [
        ("мрб", "НТВ"),
        ("пХЪ", "Рия"),
        ("‹ҐЄ", "Лек"),
        ("Ïàî", "Пао"),
        ("тьяп", "диба"),
        ("ХФТЕ", "утре"),
        ("от ыйа", "НР ШИЮ"),
        ("išči", "išči"),
        ("išči", "ašča"),
        ("ǅa ǈb", "Ǆa Ǉb"),  # titlecase letters
        ("İa", "Öa"),
        ("ab²", "ac²"),  # a superscript inside a word of letters
        ("x½y", "z½y"),
        ("tro\u0323", "tru\u0323"),  # a Latin combining mark: Python answers
        ("a\U0001f600b", "c\U0001f600b"),  # beyond the BMP: Python answers
        ("a_b", "c_d"),
        ("12 ab", "12 cd"),
        ("", ""),
        ("ab", "abc"),
        ("same", "same"),
    ],
)
def test_chosen_pairs(text: str, cand: str) -> None:
    assert_same(text, cand)
    assert_same(cand, text)


_LETTERS = "aA lLΣσςİiǅǆ²½µÀàÉéÕõӕẹ\u0301\u0323ÆæЖжШшТΤ├─ÖåéòЦей\u00a0\x00\ud800\U0001f600_.,'’-1"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_LETTERS), st.sampled_from(_LETTERS)), max_size=12))
def test_hypothesis_pairs(pairs: list[tuple[str, str]]) -> None:
    # (a pair of texts of the same length, told character by character; the same text
    # against itself with every other character kept)
    text = "".join(a for a, _b in pairs)
    cand = "".join(b for _a, b in pairs)
    assert_same(text, cand)
    assert_same(text, "".join(b if k % 2 else a for k, (a, b) in enumerate(pairs)))
