"""Real clean lines for the tests, loaded once per run from installed packages.

The sample is deterministic (fixed seed) and spans every language the sources have; models are
built from other sources (wordfreq/CLDR), so these tests never grade their own training data.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

from benchmarks.devset import DEFAULT_SEED, clean_lines, garble, has_non_ascii_letter

from textfix.types import Chain

#: Lines per language in the invariance sample (about 150 languages).
PER_LANG = 40
ASCII_PROSE = 400


@functools.cache
def clean_sample() -> tuple[tuple[str, str], ...]:
    """``(lang, line)`` pairs: non-ASCII lines in every language plus English ASCII prose."""
    return tuple(clean_lines(per_lang=PER_LANG, ascii_prose=ASCII_PROSE, seed=DEFAULT_SEED))


@functools.cache
def non_ascii_lines() -> tuple[str, ...]:
    """The lines of the sample that contain letters outside ASCII."""
    return tuple(line for _, line in clean_sample() if has_non_ascii_letter(line))


def mojibake_pairs(lines: Sequence[str], chains: Sequence[Chain]) -> Iterator[tuple[str, str]]:
    """``(line, garbled)``: line ``i`` of ``lines`` put through ``chains[i % len(chains)]``,
    leaving out the lines that chain cannot carry or does not change."""
    for i, line in enumerate(lines):
        garbled = garble(line, chains[i % len(chains)])
        if garbled is not None:
            yield line, garbled
