"""The UTF-8 layer's compiled quick answers against their pure-Python twins: the whole-line
round trips (_cplausible.utf8_round_trips, legacy._utf8_round_trips_py) with the page bytes
they are handed, and utf8's quick test that ftfy leaves a line (_cplausible.ftfy_left,
utf8._ftfy_left_py), checked against ftfy itself."""

from __future__ import annotations

import ftfy
import pytest
from ftfy.chardata import CHARMAP_ENCODINGS
from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.chains import UTF8_STEPS
from textfix.repair import legacy, utf8

TRIPS = legacy._utf8_trips()
LEFT = utf8._ftfy_left()
trips_compiled = pytest.mark.skipif(TRIPS is None, reason="_cplausible is not built")
left_compiled = pytest.mark.skipif(LEFT is None, reason="_cplausible is not built")

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


def assert_same_trips(text: str) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    assert TRIPS is not None
    found = TRIPS(text)
    assert found == legacy._utf8_round_trips_py(text), text
    return found


@trips_compiled
def test_shown_lines() -> None:
    decoded = sum(bool(assert_same_trips(line)) for line in _shown_lines())
    assert decoded > 60  # (most of the shown lines round-trip through some page)


@trips_compiled
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
def test_trips_chosen_lines(text: str, first: str | None) -> None:
    found = assert_same_trips(text)
    assert (found[0][0] if found else None) == first


_PAGE_CHARS = st.sampled_from(
    sorted(
        {ch for _t, shown in UTF8_STEPS for ch in bytes(range(0x80, 0x100)).decode(shown, "ignore")}
    )
)


@trips_compiled
@settings(max_examples=3000)
@given(st.lists(st.one_of(_PAGE_CHARS, st.characters(max_codepoint=0x7F)), max_size=8))
def test_trips_generated_lines(chars: list[str]) -> None:
    assert_same_trips("".join(chars))


@trips_compiled
@settings(max_examples=500)
@given(st.binary(max_size=10), st.sampled_from([shown for _t, shown in UTF8_STEPS]))
def test_trips_bytes_shown_through_a_page(data: bytes, shown: str) -> None:
    try:
        text = data.decode(shown)
    except UnicodeError:
        return
    assert_same_trips(text)


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


#: Lines of our own: clean ones, their UTF-8 shown through a page, single-byte mojibake,
#: and the shapes ftfy's byte restorers and detector look for.
_CHOSEN = (
    "Le café est prêt",
    "cafÃ© crÃ¨me",
    "voilÃ le travail",
    "Ã",
    "Ã ",
    "Ã?x",
    "Ìàìà ìûëà ðàìó",
    "Ïðèâåò ìèð",
    "ÒÅËÅÆÏÎ ÒÕÔ",
    "╧ЁштхЄ ьшЁ",
    "Grüße \x85 und",
    "lost \ufffd byte",
    "sub \x1a byte",
    "mixed Ã© and Ìàìà",
    "the â€œquotesâ€\x9d",
    "plain ascii",
    "",
)


def assert_same_left(text: str) -> bool:
    assert LEFT is not None
    left = LEFT(text)
    assert left == utf8._ftfy_left_py(text), text
    if left:  # (what the common path says, ftfy says too)
        assert ftfy.fix_encoding(text) == text, text
    return left


@left_compiled
def test_left_chosen_lines() -> None:
    found = [assert_same_left(text) for text in _CHOSEN]
    # (single-byte mojibake whose first letters start no UTF-8 in any page; UTF-8 mojibake)
    assert [found[i] for i in (6, 7, 9, 1, 2)] == [True, True, True, False, False]


@left_compiled
@settings(max_examples=2000)
@given(st.binary(min_size=1, max_size=8), st.sampled_from(CHARMAP_ENCODINGS))
def test_left_bytes_shown_through_a_page(data: bytes, encoding: str) -> None:
    assert_same_left(data.decode(encoding))


_CHARS = st.sampled_from([chr(code) for code in range(0x20, 0x250)] + list("\x1a\ufffd€™œ╗╥├ЃЇ"))


@left_compiled
@settings(max_examples=2000)
@given(st.lists(_CHARS, max_size=7))
def test_left_generated_lines(chars: list[str]) -> None:
    assert_same_left("".join(chars))


@pytest.mark.parametrize("text", _CHOSEN)
def test_the_common_path_implies_the_whole_answer(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(utf8, "_ftfy_left", lambda: None)
    fixed, plan = ftfy.fix_encoding_and_explain(text, utf8._CONFIG)
    assert not utf8._ftfy_left_py(text) or fixed == text or not plan
