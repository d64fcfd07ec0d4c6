"""ftfy_left's tests beyond a line's first characters (utf8._page_fails: a page's try that
surely fails; the detector's matches ftfy's span-wise fix leaves) and utf8's one-call answer
that repair() returns None (_cplausible.utf8_quiet, utf8._quiet_py): compiled against
pure Python, and against ftfy and utf8.repair's own path."""

from __future__ import annotations

import ftfy
import pytest
from ftfy.badness import is_bad
from ftfy.chardata import CHARMAP_ENCODINGS
from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.repair import utf8
from textfix.repair.base import DocumentContext

LEFT = utf8._ftfy_left()
QUIET = utf8._quiet()
compiled = pytest.mark.skipif(LEFT is None or QUIET is None, reason="_cplausible is not built")

#: Single-byte mojibake of our own sentences that the first-character test alone left to
#: ftfy's steps: a detector match ftfy's badness pattern flags, which ftfy cannot decode
#: either (koi8-r shown as latin-1), and a page whose first bytes may start UTF-8 but whose
#: whole try fails (cp866 shown as cp1252).
_NEWLY_LEFT = ("ðÒÉ×ÅÔ, ËÁË ÄÅÌÁ", "’¥¯«\xa0 §¨¬\xa0")


@pytest.mark.parametrize("text", _NEWLY_LEFT)
def test_newly_left_lines(text: str) -> None:
    assert is_bad(text)
    assert utf8._ftfy_left_py(text)
    assert ftfy.fix_encoding(text) == text
    assert utf8._quiet_py(text) and utf8.repair(text, DocumentContext()) is None
    if LEFT is not None and QUIET is not None:
        assert LEFT(text) and QUIET(text)


@pytest.mark.parametrize("text", ["ðÒÉ×ÅÔ cafÃ© crÃ¨me", "’¥¯«\xa0 cafÃ©", "naÃ¯ve Ã ", "Ã©tÃ©?"])
def test_decodable_lines_are_not_left(text: str) -> None:
    assert ftfy.fix_encoding(text) != text
    assert not utf8._ftfy_left_py(text) and not utf8._quiet_py(text)
    if LEFT is not None and QUIET is not None:
        assert not LEFT(text) and not QUIET(text)


@pytest.mark.parametrize(
    ("data", "page", "fails"),
    [
        (b"\xcf\xf0\xe8", "latin-1", True),  # (no UTF-8: a lead byte before a lead byte)
        (b"\xc3\xa9", "latin-1", False),  # (UTF-8)
        (b"\xe8 \xc3 x", "latin-1", False),  # (restore_byte_a0 may read the space as 0xA0)
        (b"\xe8 \xc3 x", "macroman", True),  # (which ftfy does not ask on macroman)
        (b"\xc3?\xe8", "sloppy-windows-1252", False),  # (a byte lost to "?")
        (b"\xc3?\xe8", "latin-1", True),  # (looked for on the sloppy pages alone)
        (b"\xed\xa0\x80\xe8", "latin-1", False),  # (the UTF-8 variants: not told)
    ],
)
def test_page_fails(data: bytes, page: str, fails: bool) -> None:
    assert utf8._page_fails(data, CHARMAP_ENCODINGS.index(page)) is fails


def assert_same(text: str) -> None:
    assert LEFT is not None and QUIET is not None
    left, quiet = LEFT(text), QUIET(text)
    assert left == utf8._ftfy_left_py(text), text
    assert quiet == utf8._quiet_py(text), text
    if left:
        assert ftfy.fix_encoding(text) == text, text
    if quiet:
        assert utf8._repair.__wrapped__(text) is None, text


@compiled
@settings(max_examples=2000)
@given(
    st.lists(
        st.one_of(
            st.sampled_from([b" ", b"?", b"\xa0", b"\xc3", b"\xe2", b"\xf0"]),
            st.binary(min_size=1, max_size=2),
        ),
        min_size=1,
        max_size=10,
    ),
    st.sampled_from(CHARMAP_ENCODINGS),
)
def test_bytes_shown_through_a_page(pieces: list[bytes], encoding: str) -> None:
    assert_same(b"".join(pieces).decode(encoding))


@compiled
@settings(max_examples=1000)
@given(st.sampled_from(_NEWLY_LEFT), st.integers(0, 20), st.text(max_size=4))
def test_own_lines_with_an_insert(line: str, at: int, insert: str) -> None:
    assert_same(line[:at] + insert + line[at:])
