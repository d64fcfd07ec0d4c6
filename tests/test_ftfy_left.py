"""The compiled common path of utf8._ftfy_leaves (_cplausible.ftfy_left) against its
pure-Python twin (utf8._ftfy_left_py), and both against ftfy itself."""

from __future__ import annotations

import ftfy
import pytest
from ftfy.chardata import CHARMAP_ENCODINGS
from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.repair import utf8

COMPILED = utf8._ftfy_left()
needs_compiled = pytest.mark.skipif(COMPILED is None, reason="_cplausible is not built")

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


def assert_same(text: str) -> bool:
    assert COMPILED is not None
    left = COMPILED(text)
    assert left == utf8._ftfy_left_py(text), text
    if left:  # (what the common path says, ftfy says too)
        assert ftfy.fix_encoding(text) == text, text
    return left


@needs_compiled
def test_chosen_lines() -> None:
    found = [assert_same(text) for text in _CHOSEN]
    # (single-byte mojibake whose first letters start no UTF-8 in any page; UTF-8 mojibake)
    assert [found[i] for i in (6, 7, 9, 1, 2)] == [True, True, True, False, False]


@needs_compiled
@settings(max_examples=2000)
@given(st.binary(min_size=1, max_size=8), st.sampled_from(CHARMAP_ENCODINGS))
def test_bytes_shown_through_a_page(data: bytes, encoding: str) -> None:
    assert_same(data.decode(encoding))


_CHARS = st.sampled_from([chr(code) for code in range(0x20, 0x250)] + list("\x1a\ufffd€™œ╗╥├ЃЇ"))


@needs_compiled
@settings(max_examples=2000)
@given(st.lists(_CHARS, max_size=7))
def test_generated_lines(chars: list[str]) -> None:
    assert_same("".join(chars))


@pytest.mark.parametrize("text", _CHOSEN)
def test_the_common_path_implies_the_whole_answer(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(utf8, "_ftfy_left", lambda: None)
    assert not utf8._ftfy_left_py(text) or utf8._ftfy_leaves(text)
