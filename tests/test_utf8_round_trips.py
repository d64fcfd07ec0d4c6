"""The compiled whole-line UTF-8 round trips (_cplausible.utf8_round_trips) against their
pure-Python twin (legacy._utf8_round_trips_py), and the page bytes they are handed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.chains import UTF8_STEPS
from textfix.repair import legacy

COMPILED = legacy._utf8_trips()
needs_compiled = pytest.mark.skipif(COMPILED is None, reason="_cplausible is not built")

#: Lines of our own, in several scripts, each shown through every display page it can be.
_OWN = (
    "café crème",
    "Грамматика проста",
    "Καλημέρα κόσμε",
    "مرحبا بالعالم",
    "日本語の文",
    "ẞtraße und Öl",
    "Ærø og Åbenrå",
    "ﬁne ligature",
    "emoji \U0001f600 here",
    "Şişli ğ ı",
    "Vũ Thị Nở",
)


def _shown_lines() -> list[str]:
    out = list(_OWN)
    for line in _OWN:
        for _true, shown in UTF8_STEPS:
            try:
                out.append(line.encode("utf-8").decode(shown))
            except UnicodeError:
                continue
    return out


def assert_same(text: str) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    assert COMPILED is not None
    found = COMPILED(text)
    assert found == legacy._utf8_round_trips_py(text), text
    return found


@needs_compiled
def test_shown_lines() -> None:
    decoded = sum(bool(assert_same(line)) for line in _shown_lines())
    assert decoded > 60  # (most of the shown lines round-trip through some page)


@needs_compiled
@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("cafÃ©", "café"),
        ("Ã", None),  # (a lead byte at the end)
        ("Ã©Ã", None),  # (a sequence cut at the end)
        ("Ã©Ã x", None),  # (a lead byte before a space)
        ("í\xa0\x80", None),  # (a surrogate's bytes: the strict codec refuses them)
        ("ð\x9f\x98\x80", "\U0001f600"),  # (four bytes, through latin-1)
        ("ô\x90\x80\x80", None),  # (beyond U+10FFFF)
        ("À\x80", None),  # (an overlong form)
        ("Öåé òåêñò", None),
        ("plain ascii", None),
    ],
)
def test_chosen_lines(text: str, first: str | None) -> None:
    found = assert_same(text)
    assert (found[0][0] if found else None) == first


_PAGE_CHARS = st.sampled_from(
    sorted(
        {ch for _t, shown in UTF8_STEPS for ch in bytes(range(0x80, 0x100)).decode(shown, "ignore")}
    )
)


@needs_compiled
@settings(max_examples=3000)
@given(st.lists(st.one_of(_PAGE_CHARS, st.characters(max_codepoint=0x7F)), max_size=8))
def test_generated_lines(chars: list[str]) -> None:
    assert_same("".join(chars))


@needs_compiled
@settings(max_examples=500)
@given(st.binary(max_size=10), st.sampled_from([shown for _t, shown in UTF8_STEPS]))
def test_bytes_shown_through_a_page(data: bytes, shown: str) -> None:
    try:
        text = data.decode(shown)
    except UnicodeError:
        return
    assert_same(text)


def test_page_bytes_are_the_codecs() -> None:
    # every character beyond ASCII a page encodes is in the table, with its byte
    table = legacy._utf8_page_bytes()
    for j, (_true, shown) in enumerate(UTF8_STEPS):
        for code in range(0x80, 0x3000):
            ch = chr(code)
            try:
                expected: int | None = ch.encode(shown)[0]
            except UnicodeError:
                expected = None
            assert table.get(chr(j) + ch) == expected, (shown, ch)
