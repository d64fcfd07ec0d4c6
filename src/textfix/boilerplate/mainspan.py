"""The main prose span of a plain-text page (jusText-style, without a DOM).

Each non-blank line gets a weight: long prose lines are positive, short or link-like
lines negative (bounded, so a menu of fifty items does not outweigh an article). The
best-scoring contiguous run of lines is the article body; short lines *inside* it
(subheadings, short paragraphs) are kept because their neighbours carry them. Other
runs scoring at least ``SECONDARY_SHARE`` of the best, or ``SECONDARY_SCORE``, are
kept too (a recipe's ingredient list and its method). A title-like line just before a
kept run is its headline and stays; so does a repeated headline's first occurrence a few
lines above. Prose after a comment-section header counts for less. Stop-word density
(jusText) raises running text and lowers lists of names. CJK text is measured by
characters (see ``textstats``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from textfix.boilerplate.textstats import (
    SENTENCE_END,
    is_link_row,
    is_sentence,
    is_title_like,
    list_shape,
    text_length,
)

_WORD = re.compile(r"[^\W\d_]+")

#: Lines longer than this (in Latin-character units) count as prose.
PROSE_LENGTH = 80
#: Very long lines count no more than this, so one block cannot carry a whole page.
CAP_LENGTH = 300
#: Bonus for a line that ends like a sentence.
SENTENCE_BONUS = 20
#: The most a single short line costs.
SHORT_PENALTY = -40
#: A long line that reads like a row of links (``textstats.is_link_row``) weighs this.
LINK_WEIGHT = -20
#: What a line already removed by another layer costs.
REMOVED_PENALTY = -40
#: jusText's observation: running text is dense in function words, menus are not. A line
#: of at least STOP_MIN_WORDS words with this share of the language's most frequent
#: words gets STOP_BONUS.
STOP_RATIO = 0.4
STOP_MIN_WORDS = 4
STOP_BONUS = 30
#: ... and a line with fewer than STOP_LOW of them gets STOP_PENALTY (lists of names).
STOP_LOW = 0.1
STOP_PENALTY = -30
#: Prose after a comment-section header (that follows prose) weighs this much...
COMMENT_DISCOUNT = 0.25
#: ... and after a teaser-section header ("Related articles", "Newsletter") this much.
SECTION_DISCOUNT = 0.5
#: A page whose best run scores less than this has no clear main text; unless other layers
#: found at least MIN_EVIDENCE furniture lines, it is not treated as a scraped page and the
#: whole document counts as main text (a list of short messages is not a menu by itself).
MIN_MAIN_SCORE = 500
MIN_EVIDENCE = 3
#: Secondary runs are kept when they score at least this share of the best run...
SECONDARY_SHARE = 0.2
#: ... or at least this score (a solid paragraph or two), whatever the best run scored.
SECONDARY_SCORE = 100
#: A structured list (``textstats.list_shape``) next to a kept run stays when it has
#: this many items.
LIST_MIN_ITEMS = 3
#: Unless another layer already removed something, fewer candidate lines than this
#: outside the kept runs are left alone: a letter's greeting and sign-off are not furniture.
MIN_OUTSIDE = 6
#: A headline kept with its run has at least this many words (menu items have fewer).
HEADLINE_MIN_WORDS = 2
#: A repeated headline's first occurrence pulls the run back over at most this many
#: kept lines (the lead, a byline).
TITLE_REACH = 3


@dataclass(frozen=True)
class Span:
    """A kept run of lines, ``start``..``end`` inclusive, and its score."""

    start: int
    end: int
    score: float


def line_weight(line: str, stopwords: Collection[str] = frozenset()) -> float | None:
    """Weight of one line in the span search; ``None`` for blank lines (neutral).

    >>> line_weight("Home"), line_weight("")
    (-40, None)
    >>> line_weight("x" * 200 + ".")
    141
    """
    n = text_length(line)
    if n == 0:
        return None
    w = min(n, CAP_LENGTH) - PROSE_LENGTH
    if n > 20 and line.rstrip().endswith(SENTENCE_END):
        w += SENTENCE_BONUS
    w = max(w, SHORT_PENALTY)
    if w > 0 and is_link_row(line):
        return LINK_WEIGHT
    if stopwords and n < CAP_LENGTH:
        words = _WORD.findall(line.lower())
        if len(words) >= STOP_MIN_WORDS:
            ratio = sum(x in stopwords for x in words) / len(words)
            if ratio >= STOP_RATIO:
                w += STOP_BONUS
            elif ratio < STOP_LOW:
                w += STOP_PENALTY
    return w


def _best_run(weights: Sequence[float | None], lo: int, hi: int) -> Span | None:
    """Maximum-sum contiguous run within ``[lo, hi)`` (Kadane), blank lines neutral."""
    best: Span | None = None
    cur = 0.0
    start = lo
    for i in range(lo, hi):
        w = weights[i]
        if w is None:
            continue
        if cur <= 0:
            cur, start = 0.0, i
        cur += w
        if cur > 0 and (best is None or cur > best.score):
            best = Span(start, i, cur)
    return best


@dataclass(frozen=True)
class Evidence:
    """What the other layers already know about the lines.

    ``removed``: lines already dropped (they cost like short lines); ``barriers``: lines
    no run may contain (a comment-section header); ``sections``: headers of teaser
    sections ("Related articles"), after which prose counts for less; ``titles``: first
    occurrences of a repeated headline (the article starts there); ``stopwords``:
    frequent words of the language.
    """

    removed: Collection[int] = frozenset()
    barriers: Collection[int] = frozenset()
    sections: Collection[int] = frozenset()
    titles: Collection[int] = frozenset()
    stopwords: Collection[str] = frozenset()


def main_spans(lines: Sequence[str], ev: Evidence = Evidence()) -> list[Span]:
    """The kept runs, in document order.

    >>> prose = "A long paragraph of prose. " * 9
    >>> page = ["Home", "News", "Sport", prose, "Short one.", prose, prose, "Contact", "Jobs"]
    >>> [(s.start, s.end) for s in main_spans(page)]
    [(3, 6)]
    >>> [(s.start, s.end) for s in main_spans(page[:5])]  # too little text: all of it
    [(0, 4)]
    """
    weights: list[float | None] = []
    for i, line in enumerate(lines):
        if i in ev.barriers:
            weights.append(float("-inf"))
        elif i in ev.removed:
            # Already-removed lines are evidence of furniture: they cost like a short line.
            weights.append(REMOVED_PENALTY if line.strip() else None)
        else:
            weights.append(line_weight(line, ev.stopwords))
    _discount_after_headers(weights, ev)
    first = _best_run(weights, 0, len(lines))
    if first is None:
        return []
    if first.score < MIN_MAIN_SCORE and len(ev.removed) < MIN_EVIDENCE:
        return [Span(0, len(lines) - 1, first.score)]
    spans = [first]
    todo = [(0, first.start), (first.end + 1, len(lines))]
    while todo:
        lo, hi = todo.pop()
        run = _best_run(weights, lo, hi)
        if run is None or run.score < min(SECONDARY_SHARE * first.score, SECONDARY_SCORE):
            continue
        spans.append(run)
        todo += [(lo, run.start), (run.end + 1, hi)]
    spans.sort(key=lambda s: s.start)
    return [_with_headline(s, lines, ev) for s in spans]


def _discount_after_headers(weights: list[float | None], ev: Evidence) -> None:
    """After a comment-section or teaser-section header that follows some prose, prose
    counts for less: a long discussion or a feed of teasers must not outweigh the article."""
    markers = dict.fromkeys(ev.sections, SECTION_DISCOUNT)
    markers.update(dict.fromkeys(ev.barriers, COMMENT_DISCOUNT))
    seen_prose = False
    factor = 1.0
    for i, w in enumerate(weights):
        if i in markers and seen_prose:
            factor = min(factor, markers[i])
        elif w is not None and w > 0:
            if factor < 1.0:
                weights[i] = w * factor
            seen_prose = True


def _with_headline(span: Span, lines: Sequence[str], ev: Evidence) -> Span:
    """Extend a run back to its headline: a repeated headline's first occurrence a few
    lines above (the lead between them comes along), else a title-like line just above."""
    between = 0
    for i in range(span.start - 1, -1, -1):
        if i in ev.barriers:
            break
        if i in ev.titles:
            return Span(i, span.end, span.score)
        if lines[i].strip() and i not in ev.removed:
            between += 1
            if between > TITLE_REACH:
                break
    i = span.start - 1
    while i >= 0 and not lines[i].strip():
        i -= 1
    if (
        i >= 0
        and i not in ev.removed
        and i not in ev.barriers
        and is_title_like(lines[i])
        and len(lines[i].split()) >= HEADLINE_MIN_WORDS
    ):
        return Span(i, span.end, span.score)
    return span


def outside_main_text(lines: Sequence[str], ev: Evidence = Evidence()) -> set[int]:
    """Indexes of non-blank, not yet removed lines outside every kept run.

    Returns nothing for a page without prose (no positive run), and for a page with
    fewer than ``MIN_OUTSIDE`` such lines when no other layer removed anything.
    """
    spans = main_spans(lines, ev)
    if not spans:
        return set()
    inside: set[int] = set()
    for s in spans:
        inside.update(range(s.start, s.end + 1))
        inside.update(adjacent_list(lines, s.end, 1, ev))
        inside.update(adjacent_list(lines, s.start, -1, ev))
    out = {
        i
        for i, line in enumerate(lines)
        if i not in inside and i not in ev.removed and line.strip()
    }
    if len(ev.removed) >= MIN_EVIDENCE:
        return out
    # Without furniture found by other layers, only link-like lines go: a whole sentence
    # outside the best run is still text. A few stray lines are a clean text's greeting
    # or sign-off, not a menu.
    out = {i for i in out if not is_sentence(lines[i])}
    return out if ev.removed or len(out) >= MIN_OUTSIDE else set()


def adjacent_list(lines: Sequence[str], edge: int, step: int, ev: Evidence) -> range:
    """A structured list right next to a kept run belongs to the article (tour dates,
    ingredients, steps): at least LIST_MIN_ITEMS items of one shape, with at most one
    title line between the run and the list. ``edge`` is the run's last line and
    ``step=1`` to look after it, or its first line and ``step=-1`` to look before it.
    Returns the indexes to keep (possibly empty)."""
    n = len(lines)
    i = edge + step
    title = False
    while 0 <= i < n and (not lines[i].strip() or list_shape(lines[i]) is None):
        if lines[i].strip():
            if title or i in ev.removed:
                return range(0)
            title = True
        i += step
    if not 0 <= i < n:
        return range(0)
    shape = list_shape(lines[i])
    j, items = i, 0
    while 0 <= j < n and j not in ev.removed:
        if lines[j].strip():
            if list_shape(lines[j]) != shape:
                break
            items += 1
        j += step
    if items < LIST_MIN_ITEMS:
        return range(0)
    return range(edge + 1, j) if step > 0 else range(j + 1, edge)
