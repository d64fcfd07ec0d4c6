"""legacy.arbitrate's helpers: the cheap exits they take give what the full tests give."""

from __future__ import annotations

import sys
import unicodedata

from textfix.repair import legacy


def test_unassigned_code_points_are_never_printable() -> None:
    # _made_unassigned skips its per-character look when the decode is printable: exact only
    # while no unassigned or private-use code point is printable (the same Unicode data).
    for code in range(0x80, sys.maxunicode + 1):
        ch = chr(code)
        if ch.isprintable():
            assert unicodedata.category(ch) not in ("Cn", "Co"), hex(code)


def test_made_unassigned() -> None:
    assert legacy._made_unassigned("ÒãÇä", "\U0004b08a")  # unassigned
    assert legacy._made_unassigned("î\x80\x80", "\ue000")  # private use
    assert not legacy._made_unassigned("Ã©t", "ét")  # printable: the shortcut
    assert not legacy._made_unassigned("voilÃ\xa0le", "voilà\xa0le")  # not printable, assigned
    # (a code point the original already had was not made by the decode)
    assert not legacy._made_unassigned("\ue000 Ã©", "\ue000 é")
