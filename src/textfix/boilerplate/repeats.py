"""Exact repeats of an earlier line that are title-like or furniture.

A headline scraped three times keeps its first occurrence. Repeats that belong to
the body stay: list items and captions (short labels, numbered or bulleted lines,
``Photo: ...`` credits), anything that reads like a sentence, lines that recur more
than ``MAX_HEADLINE_COPIES`` times (an interview's recurring question, a repeated
caption) and repeated blocks of several different lines (a refrain): structures of
the body, not scraping accidents.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

from textfix.boilerplate.rules import normalise_for_match
from textfix.boilerplate.textstats import is_title_like

#: A headline has at least this many words; shorter repeats are labels or list items.
MIN_TITLE_WORDS = 3
#: A repeated line ending in "!" with more words than this is a call to action, not a title.
MAX_EXCLAMATION_WORDS = 6
_INNER_SENTENCE_END = re.compile(r"[.!?]\s+\w")
#: A headline shows up at most this often (title, og:title, breadcrumb...).
MAX_HEADLINE_COPIES = 3
# Bullets and numbers mark list items; a short "Label: value" (at most five words after
# the colon) is a caption or credit. "NYT: Putin sends signals to the West..." is a headline.
_LIST_OR_CAPTION = re.compile(
    r"^([-*•·–—▪►]|\d+[.)]|[^\W\d_]{1,3}[.)]\s|[^:]{1,25}:\s+\S+(\s+\S+){0,4}$)"
)


def repeated_lines(lines: Sequence[str]) -> set[int]:
    """Indexes of lines that repeat an earlier title-like line exactly.

    >>> sorted(repeated_lines(["Big news today", "Text.", "Big news today", "- item", "- item"]))
    [2]
    >>> repeated_lines(["What inspired you?", "A.", "What inspired you?", "B."] * 2)
    set()
    >>> repeated_lines(["Row, row, row your boat", "Gently down the stream"] * 2)
    set()
    """
    keys = [normalise_for_match(line) for line in lines]
    counts = Counter(k for k in keys if k)
    seen: set[str] = set()
    repeats: list[int] = []
    for i, key in enumerate(keys):
        if not key:
            continue
        if key in seen:
            repeats.append(i)
        else:
            seen.add(key)
    # A repeated block of different lines (a refrain, a stanza) is the text's own structure.
    in_block: set[int] = set()
    for a, b in itertools.pairwise(repeats):
        if keys[a] != keys[b] and not any(keys[j] for j in range(a + 1, b)):
            in_block.update((a, b))
    return {
        i
        for i in repeats
        if i not in in_block
        and counts[keys[i]] <= MAX_HEADLINE_COPIES
        and _is_headline_repeat(keys[i])
    }


def _is_headline_repeat(key: str) -> bool:
    """Title-like, one sentence at most, and not an exclamation of many words (a call to
    action repeated under each item of the body)."""
    words = len(key.split())
    return (
        is_title_like(key)
        and words >= MIN_TITLE_WORDS
        and not _LIST_OR_CAPTION.match(key)
        and not _INNER_SENTENCE_END.search(key)
        and not (key.endswith("!") and words > MAX_EXCLAMATION_WORDS)
    )


def first_occurrences(lines: Sequence[str], repeats: set[int]) -> set[int]:
    """Indexes of the first occurrence of each line that has a dropped repeat.

    >>> sorted(first_occurrences(["T", "x", "T"], {2}))
    [0]
    """
    wanted = {normalise_for_match(lines[i]) for i in repeats}
    first: dict[str, int] = {}
    for i, line in enumerate(lines):
        key = normalise_for_match(line)
        if key in wanted:
            first.setdefault(key, i)
    return set(first.values())
