"""utf8._fix_encoding (ftfy's encoding repair by its own steps, with its badness test and
its pages' test compiled) against ftfy.fix_encoding_and_explain itself: the same text and
the same plan, on UTF-8 shown through every page ftfy tries (once or twice, with bytes lost
to spaces, "?" or U+FFFD, glued to clean text), on single-byte mojibake and on clean text."""

from __future__ import annotations

import ftfy
import pytest
from ftfy.badness import is_bad
from ftfy.chardata import CHARMAP_ENCODINGS
from ftfy.fixes import decode_inconsistent_utf8
from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.repair import utf8

_CONFIG = ftfy.TextFixerConfig(explain=True)
#: Every page ftfy reads UTF-8 through, and the strict ones the sloppy pages stand for.
_PAGES = (*CHARMAP_ENCODINGS, "windows-1252", "windows-1251", "cp850", "koi8-r")

#: Sentences of our own in several scripts.
_OWN = (
    "café crème brûlée",
    "Grüße aus Köln, Straße",
    "Грамматика проста и ясна",
    "Καλημέρα κόσμε",
    "Żółć gęślą jaźń",
    "Şişli'de ğüzel ılık",
    "mūsų šalis ir žemė",
    "שלום עולם",
    "مرحبا بالعالم",
    "日本語の文章です",
    "한국어 문장",
    "voilà le travail",
    "“quoted” — dash … end",
    "emoji \U0001f600 here",
    "Vũ Thị Nở",
)

pytestmark = pytest.mark.skipif(not utf8._OWN_STEPS, reason="another ftfy release answers itself")


def ftfy_answer(text: str) -> tuple[str, list[tuple[str, str]]] | type[Exception]:
    try:
        fixed, plan = ftfy.fix_encoding_and_explain(text, _CONFIG)
    except (UnicodeError, ValueError) as error:
        return type(error)
    return fixed, [(op, arg) for op, arg in plan]


def assert_same(text: str) -> tuple[str, list[tuple[str, str]]] | type[Exception]:
    expected = ftfy_answer(text)
    try:
        found: object = utf8._fix_encoding(text)
    except (UnicodeError, ValueError) as error:
        found = type(error)
    assert found == expected, text
    if not text.isascii() and is_bad(text):
        # (the badness test asked by the caller, as utf8._repair does: the same answer)
        after: list[str] = []
        try:
            found = utf8._fix_encoding(text, flagged=True, after=after)
        except (UnicodeError, ValueError) as error:
            found = type(error)
        assert found == expected, text
        if isinstance(expected, tuple) and after:
            # (the texts between its steps, kept: the explanation the plan applied again gives)
            plan = expected[1]
            assert utf8._explain(text, plan, after) == utf8._explain(text, plan), text
    return expected


def shown(text: str, page: str) -> str | None:
    try:
        return text.encode("utf-8").decode(page)
    except UnicodeError:
        return None


def test_own_sentences_through_every_page() -> None:
    changed = 0
    for line in _OWN:
        assert_same(line)
        for page in _PAGES:
            once = shown(line, page)
            if once is None:
                continue
            result = assert_same(once)
            changed += isinstance(result, tuple) and result[0] != once
            for variant in (
                once.replace("\xa0", " "),
                once.replace("\x9d", "\ufffd").replace("\x81", "\ufffd"),
                once[: len(once) // 2],
                once + " " + line,
                line + " " + once,
            ):
                assert_same(variant)
            twice = shown(once, page)
            if twice is not None:
                assert_same(twice)
    assert changed > 60  # (most of them are decoded)


@pytest.mark.parametrize(
    "text",
    [
        "cafÃ© crÃ¨me",
        "voilÃ le travail",
        "â€œ like this â€\ufffd",
        "Le\x92r\x87s",
        "\x93quoted\x94",
        "Ã\x81",
        "í\xa0\x80í\xb0\x80",
        "À\x80",
        "x\x1ay",
        "Ã",
        "Ð¿Ñ€Ð¸Ð²ÐµÑ‚ and Ã©tÃ©",
        "Ã¢â‚¬Å“doubleÃ¢â‚¬Â\x9d",
        "Èìàòå íåçàïàçåíè",
        "\ud800 lone",
    ],
)
def test_chosen_lines(text: str) -> None:
    assert_same(text)


_SCRIPTS = st.sampled_from(
    [
        st.characters(min_codepoint=0x20, max_codepoint=0x24F),
        st.characters(min_codepoint=0x370, max_codepoint=0x4FF),
        st.characters(min_codepoint=0x590, max_codepoint=0x6FF),
        st.characters(min_codepoint=0x2000, max_codepoint=0x206F),
        st.characters(min_codepoint=0x3040, max_codepoint=0x30FF),
        st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
        st.characters(min_codepoint=0x1F300, max_codepoint=0x1F64F),
    ]
)


@st.composite
def mojibake(draw: st.DrawFn) -> str:
    """Random text of one or two scripts as UTF-8 shown through a page, perhaps twice,
    perhaps damaged, perhaps glued to clean text."""
    alphabet = st.one_of(draw(_SCRIPTS), draw(_SCRIPTS), st.sampled_from(" ?.a"))
    text = draw(st.text(alphabet, min_size=1, max_size=12))
    for _ in range(draw(st.integers(1, 2))):
        page = draw(st.sampled_from(_PAGES))
        text = shown(text, page) or text
    damage = draw(st.sampled_from(["", "\xa0 ", "\xa0?", "\x9d\ufffd", "\x81\x1a", "\x90 "]))
    if damage:
        text = text.replace(damage[0], damage[1])
    glue = draw(st.sampled_from(["", "clean ", "Köln "]))
    return glue + text if draw(st.booleans()) else text + glue


@settings(max_examples=3000)
@given(mojibake())
def test_mojibake_of_random_text(text: str) -> None:
    assert_same(text)


_PAGE_CHARS = "".join(
    sorted({ch for page in CHARMAP_ENCODINGS for ch in bytes(range(0x80, 0x100)).decode(page)})
)


@settings(max_examples=2000)
@given(st.text(st.one_of(st.sampled_from(_PAGE_CHARS), st.sampled_from(" a?\x1a")), max_size=10))
def test_single_byte_characters(text: str) -> None:
    # (what single-byte mojibake is made of: each page's characters beyond ASCII)
    assert_same(text)


@settings(max_examples=1000)
@given(mojibake(), mojibake())
def test_inconsistent_pieces(left: str, right: str) -> None:
    text = left + " " + right
    assert utf8._decode_inconsistent_utf8(text) == decode_inconsistent_utf8(text)


def test_altered_searched_from_its_lead_byte() -> None:
    """utf8._ALTERED_AT_LEAD finds a match in exactly the byte strings where ftfy's
    ALTERED_UTF8_RE does: every string of up to four bytes drawn from one byte of each class
    either pattern tells apart (and the bounds of its ranges)."""
    from itertools import product

    from ftfy.chardata import ALTERED_UTF8_RE

    assert utf8._ALTERED_AT_LEAD is not ALTERED_UTF8_RE  # (ftfy 6.3.1's pattern)
    leads = b"\xc2\xc3\xc5\xce\xd0\xd9\xc4\xe0\xe2\xe3\xe4\xf0"
    alphabet = b" A" + leads + b"\x80\x84\x85\x86\x9f\xa0\xa1\xbf\xc0"
    for size in range(1, 5):
        for chars in product(alphabet, repeat=size):
            data = bytes(chars)
            found = utf8._ALTERED_AT_LEAD.search(data) is not None
            assert found == (ALTERED_UTF8_RE.search(data) is not None), data
