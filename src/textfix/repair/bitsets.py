"""Sets of indexed things (chain steps, languages, code pages) as bits of one int.

The repairers find a line's steps, or a word's languages, from its characters: a table
giving each character the set of steps that change it (bit ``k`` for the ``k``-th step) is
ANDed over the line's characters, and only the steps left are tried. :func:`bit_masks`
builds such tables, :func:`bit_indices` and :func:`few_bit_indices` read the steps back.
Imports nothing of textfix: any module may use it.

>>> masks = bit_masks(["ab", "b", "bc"])
>>> masks["a"], masks["b"], masks["c"]
(1, 7, 4)
>>> bit_indices(masks["b"] & masks["c"]), few_bit_indices(masks["b"] & masks["c"])
([2], [2])
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

_K = TypeVar("_K", bound=Hashable)


def bit_masks(groups: Iterable[Iterable[_K]]) -> dict[_K, int]:
    """Each key of the ``groups`` -> the groups holding it, as bits (bit ``k`` set where the
    ``k``-th group holds the key).

    >>> bit_masks([{"x"}, set(), {"x", "y"}])
    {'x': 5, 'y': 4}
    """
    masks: dict[_K, int] = {}
    for k, group in enumerate(groups):
        bit = 1 << k
        for key in group:
            masks[key] = masks.get(key, 0) | bit
    return masks


def bit_indices(mask: int) -> list[int]:
    """Positions of the set bits of ``mask`` (not negative), lowest first (read from its
    binary digits: faster than peeling bits off one by one where many are set).

    >>> bit_indices(0b1010_0000_0001), bit_indices(0)
    ([0, 9, 11], [])
    """
    return [i for i, digit in enumerate(bin(mask)[:1:-1]) if digit == "1"]


def few_bit_indices(mask: int) -> list[int]:
    """:func:`bit_indices`, peeling the bits off one by one: faster where few of many are
    set (a line leaves few steps live).

    >>> few_bit_indices(0b1010_0000_0001), few_bit_indices(0)
    ([0, 9, 11], [])
    """
    found = []
    while mask:
        low = mask & -mask
        found.append(low.bit_length() - 1)
        mask ^= low
    return found
