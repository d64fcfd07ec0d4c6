"""Exact repeats of an earlier line that are title-like or furniture.

A headline scraped three times keeps its first occurrence. Repeats that belong to
the body stay: list items and captions (short labels, numbered or bulleted lines,
``Photo: ...`` credits) and anything that reads like a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from textfix.boilerplate.rules import normalise_for_match
from textfix.boilerplate.textstats import is_title_like

#: A headline has at least this many words; shorter repeats are labels or list items.
MIN_TITLE_WORDS = 3
# Bullets, numbers and "Label: value" credits mark list items and captions.
_LIST_OR_CAPTION = re.compile(r"^([-*•·–—▪►]|\d+[.)]|[^\W\d_]{1,3}[.)]\s|[^:]{1,25}:\s)")


def repeated_lines(lines: Sequence[str]) -> set[int]:
    """Indexes of lines that repeat an earlier title-like line exactly.

    >>> sorted(repeated_lines(["Big news today", "Text.", "Big news today", "- item", "- item"]))
    [2]
    """
    seen: set[str] = set()
    out: set[int] = set()
    for i, line in enumerate(lines):
        key = normalise_for_match(line)
        if not key:
            continue
        if key in seen:
            if _is_headline_repeat(key):
                out.add(i)
        else:
            seen.add(key)
    return out


def _is_headline_repeat(key: str) -> bool:
    return (
        is_title_like(key)
        and len(key.split()) >= MIN_TITLE_WORDS
        and not _LIST_OR_CAPTION.match(key)
    )
