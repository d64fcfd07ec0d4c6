"""Locating what changed between a line and its repair, as word-sized spans."""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache
from itertools import compress, count
from operator import ne

from textfix._native import load
from textfix.repair.tokens import token_spans

_CSCORE = load("textfix.scoring._cscore")
_CGATES = load("textfix.repair._cgates")

#: Beyond this many differing characters an exact alignment costs more than it tells;
#: the changed region is then reported as one span.
_MAX_ALIGN = 4000


def word_pairs(text: str, cand: str) -> list[tuple[str, str]]:
    """``(original, repaired)`` of each letter run of ``cand`` that differs from ``text`` at
    the same positions (a same-length repair: callers check the lengths match).

    >>> word_pairs("Kuþ uçtu ok", "Kuş uçtu ok")
    [('Kuþ', 'Kuş')]
    """
    return [
        (text[start:end], cand[start:end])
        for start, end in token_spans(cand)
        if text[start:end] != cand[start:end]
    ]


def _widens(ch: str) -> bool:
    return not ch.isascii() and not ch.isspace()


def _differences(
    old: str, new: str, lo: int, hi_old: int, hi_new: int
) -> list[tuple[int, int, int, int]]:
    """The differing blocks of ``old[lo:hi_old]`` and ``new[lo:hi_new]``, in order. Equal
    lengths (single-byte round trips keep every position) are compared position by
    position; other pairs are aligned by :mod:`difflib`.

    >>> _differences("a1c2e", "a9c8e", 0, 5, 5)
    [(1, 2, 1, 2), (3, 4, 3, 4)]
    """
    if hi_old == hi_new:
        blocks: list[tuple[int, int, int, int]] = []
        # The differing positions, found in C; each run of consecutive ones is a block.
        for i in compress(count(lo), map(ne, old[lo:hi_old], new[lo:hi_new])):
            if blocks and blocks[-1][1] == i:
                blocks[-1] = (blocks[-1][0], i + 1, blocks[-1][0], i + 1)
            else:
                blocks.append((i, i + 1, i, i + 1))
        return blocks
    if _CGATES is not None:
        # (difflib's algorithm, in one compiled call: it is most of a UTF-8 repair's cost)
        aligned: list[tuple[int, int, int, int]] = _CGATES.diff_blocks(old, new, lo, hi_old, hi_new)
        return aligned
    return _aligned(old, new, lo, hi_old, hi_new)


def _aligned(
    old: str, new: str, lo: int, hi_old: int, hi_new: int
) -> list[tuple[int, int, int, int]]:
    """The differing blocks of ``old[lo:hi_old]`` and ``new[lo:hi_new]`` as :mod:`difflib`
    aligns them (the reference of the compiled ``diff_blocks``).

    >>> _aligned("xcafÃ©", "xcafé", 1, 6, 5)
    [(4, 6, 4, 5)]
    """
    matcher = SequenceMatcher(None, old[lo:hi_old], new[lo:hi_new], autojunk=False)
    return [
        (a0 + lo, a1 + lo, b0 + lo, b1 + lo)
        for tag, a0, a1, b0, b1 in matcher.get_opcodes()
        if tag != "equal"
    ]


def changed_spans(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """Spans ``(old_start, old_end, new_start, new_end)`` where ``old`` and ``new`` differ.

    Neighbouring changes inside one word (no whitespace between them) are merged, so a
    repaired word is one span, and a change is widened over the non-ASCII letters around it:
    those took part in the round trip even where they happen to read the same before and after
    (``"Â»"`` -> ``"»"`` is one repair, not the deletion of ``"Â"``).

    >>> changed_spans("a cafÃ© b", "a café b")
    [(5, 7, 5, 6)]
    >>> changed_spans("Ã©tÃ© x Ã©", "été x é")
    [(0, 5, 0, 3), (8, 10, 6, 7)]
    >>> changed_spans("?Â» ok", "?» ok")
    [(1, 3, 1, 2)]
    """
    return list(_changed_spans(old, new))


@lru_cache(maxsize=1024)  # a UTF-8 repair's spans are asked for by the judge and the report
def _changed_spans(old: str, new: str) -> tuple[tuple[int, int, int, int], ...]:
    if old == new:
        return ()
    if _CSCORE is not None and len(old) == len(new):
        # (all of the below in one compiled call: most repairs keep every position)
        spans: tuple[tuple[int, int, int, int], ...] = _CSCORE.same_length_spans(
            old, new, _MAX_ALIGN
        )
        return spans
    return _changed_spans_py(old, new)


def _changed_spans_py(old: str, new: str) -> tuple[tuple[int, int, int, int], ...]:
    """:func:`_changed_spans` in pure Python (the reference of the compiled
    ``same_length_spans``), for two different strings."""
    # Trim the common prefix and suffix first: cheap, and it keeps the alignment small.
    # (the first difference from each end is found in C)
    top = min(len(old), len(new))
    lo = next(compress(count(), map(ne, old, new)), top)
    tail = next(compress(count(), map(ne, reversed(old), reversed(new))), top)
    tail = min(tail, top - lo)
    hi_old, hi_new = len(old) - tail, len(new) - tail
    if max(hi_old - lo, hi_new - lo) > _MAX_ALIGN:
        return ((lo, hi_old, lo, hi_new),)
    spans: list[tuple[int, int, int, int]] = []
    for a0, a1, b0, b1 in _differences(old, new, lo, hi_old, hi_new):
        while a0 > 0 and b0 > 0 and _widens(old[a0 - 1]) and old[a0 - 1] == new[b0 - 1]:
            a0, b0 = a0 - 1, b0 - 1
        while a1 < len(old) and b1 < len(new) and _widens(old[a1]) and old[a1] == new[b1]:
            a1, b1 = a1 + 1, b1 + 1
        if spans:
            pa0, pa1, pb0, _pb1 = spans[-1]
            gap = old[pa1:a0]
            if a0 <= pa1 or not any(ch.isspace() for ch in gap):
                spans[-1] = (pa0, max(a1, pa1), pb0, max(b1, spans[-1][3]))
                continue
        spans.append((a0, a1, b0, b1))
    return tuple(spans)
