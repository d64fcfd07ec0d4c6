"""A cheap proof that no single-byte repair of a line can pass the legacy engine's gates.

Clean lines of languages the scorer does not model (Navajo ``Bikéyah``, Gaelic ``gnìomh``)
fail the cheap accept test (:mod:`textfix.repair.plausible`) and used to cost the whole
engine: every round trip generated, shortlisted and scored, only for the gates to refuse
the best one. The gates refuse many candidates for reasons that need no score at all, and
those reasons can be read for all 143 chain steps at once from per-character tables (one
bit per step, as in the engine's own pool):

- the original has none of mojibake's shapes but the candidate has one (a box-drawing or
  other rare symbol, a symbol touching or glued inside a word, a capital right after a
  small letter, a word mixing scripts): gate "the candidate has no shape the original
  lacked";
- a line with no shape whose letters fit one alphabet changes only on word-level evidence,
  and a thin repair (at most :data:`~textfix.repair.legacy.THIN` changed letters) of a line
  with no shape needs known repaired words: a step that turns no stretch of the line into a
  known word (:mod:`textfix.repair.reach`) cannot pass.

When every step is refused so, :func:`repair <textfix.repair.legacy.repair>` returns
``None`` or a step below :data:`~textfix.repair.legacy.FAILED_CONFIDENCE`, whatever the
document context (the proof never relies on a bar the context may lower). Lines with a
whole-line UTF-8 round trip, or with a non-ASCII space (round trips may move word
boundaries there), are left to the engine.

>>> cannot_pass("Wóndii Dineʼé Bikéyah"), cannot_pass("Öåé òåêñò")
(True, False)
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from textfix.chains import single_byte_steps
from textfix.repair.legacy import (
    _CORE_WORD,
    _EDGE,
    THIN,
    _bit_indices,
    _live_steps,
    _step_images,
    core,
)
from textfix.repair.plausible import utf8_round_trip
from textfix.repair.reach import is_known
from textfix.scoring.model import (
    _GLUED_RE,
    _LEADING_RE,
    _RARE_SYMBOL_RE,
    _TOUCHING_RE,
    CHAR_TABLE_SIZE,
    TOKEN_RE,
    _fold,
    mojibake_shape,
    script_of,
    well_formed,
)

#: Longer lines are left to the engine (the proof's cost grows with the line).
MAX_LENGTH = 2000
#: Scripts :func:`~textfix.scoring.model.script_of` tells apart.
SCRIPTS = ("Latn", "Cyrl", "Grek", "Hebr", "Arab", "Thai", "Other")

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NON_ASCII_SPACE = re.compile(r"[^\S\x00-\x7f]")
_WORD_CHAR = re.compile(r"[^\W\d_]")
_LEADING_NEXT = re.compile(r"[a-z\u00df-\u00ff]")


class _Traits(NamedTuple):
    """What a character becomes under every step, as bit masks (bit ``j``: step ``j`` of
    :func:`~textfix.chains.single_byte_steps`); a step that leaves it alone counts its own
    traits."""

    #: a letter for the shape patterns (``[^\\W\\d_]``), and the symbol classes they test
    letter: int
    touching: int
    glued: int
    leading: int
    leading_next: int
    rare: int
    #: a letter of a word (:data:`~textfix.scoring.model.TOKEN_RE`), small or capital
    lower: int
    upper: int
    #: a letter of a word, per script of :data:`SCRIPTS`, and of any script
    scripts: tuple[int, ...]
    alpha: int


def _image_traits(image: str) -> tuple[bool, ...]:
    """The traits of one character (the image of a character under one step), in the order
    of :class:`_Traits` (``scripts`` spread out, ``alpha`` last), each tested with the
    scorer's own patterns on a tiny string around it."""
    space = image.isspace()
    token = TOKEN_RE.fullmatch(image) is not None and image.isalpha()
    script = script_of(image) if token else ""
    return (
        _WORD_CHAR.match(image) is not None and not space,
        not space and _TOUCHING_RE.search("a" + image) is not None,
        not space and _GLUED_RE.search("a" + image + "a") is not None,
        _LEADING_RE.search(image + "a") is not None,
        _LEADING_NEXT.match(image) is not None,
        not space and _RARE_SYMBOL_RE.match(image) is not None,
        token and image.islower(),
        token and image.isupper() and image.lower() != image,
        *(script == name for name in SCRIPTS),
        token,
    )


def _traits_of(ch: str) -> _Traits:
    seen = _step_images()
    images = seen.images.get(ch)
    fields = [0] * (9 + len(SCRIPTS))
    if images is None:  # no step changes it: its own traits under every step
        for i, flag in enumerate(_image_traits(ch)):
            if flag:
                fields[i] = seen.every
    else:
        by_image: dict[str, int] = {}
        for j, image in enumerate(images):
            by_image[image] = by_image.get(image, 0) | 1 << j
        for image, steps in by_image.items():
            for i, flag in enumerate(_image_traits(image)):
                if flag:
                    fields[i] |= steps
    letter, touching, glued, leading, leading_next, rare, lower, upper = fields[:8]
    scripts = tuple(fields[8 : 8 + len(SCRIPTS)])
    return _Traits(
        letter, touching, glued, leading, leading_next, rare, lower, upper, scripts, fields[-1]
    )


class _TraitTable(dict[str, _Traits]):
    """Character -> :class:`_Traits`, filled on first sight (a table of the character set,
    bounded: text may hold any of Unicode)."""

    def __missing__(self, ch: str) -> _Traits:
        value = _traits_of(ch)
        if len(self) < CHAR_TABLE_SIZE:
            self[ch] = value
        return value


_TRAITS = _TraitTable()


@lru_cache(maxsize=16384)  # pairs of characters recur: each is worked out once
def _pair_shapes(pair: str) -> int:
    """Steps whose images of two adjacent characters make a shape: a capital right after a
    small letter, a symbol touching a letter, a leading symbol before a small letter, or
    letters of two scripts in one word."""
    x, y = _TRAITS[pair[0]], _TRAITS[pair[1]]
    found = x.lower & y.upper
    found |= x.letter & y.touching | x.touching & y.letter
    found |= x.leading & y.leading_next
    if x.alpha and y.alpha:
        same = 0
        for mine, theirs in zip(x.scripts, y.scripts, strict=True):
            same |= mine & theirs
        found |= x.alpha & y.alpha & ~same
    return found


def shaped_steps(text: str) -> int:
    """Steps whose round trip of ``text`` (a line) has a mojibake shape in its core, by
    :func:`~textfix.scoring.model.mojibake_shape`; a subset of them (shapes that need more
    than three characters are not looked for), computed for every step at once. Only
    positions next to a non-ASCII character can change, so only those are looked at.

    >>> from textfix.chains import single_byte_steps
    >>> j = single_byte_steps().index(next(s for s in single_byte_steps()
    ...                                    if s[0] == ("cp1251", "iso8859-1")))
    >>> bool(shaped_steps("déjà vu") >> j & 1)  # "dщjр": a word mixing scripts
    True
    """
    traits = _TRAITS
    found = 0
    last = len(text) - 1
    for m in _NON_ASCII.finditer(text):
        i = m.start()
        here = traits[text[i]]
        found |= here.rare
        if i > 0:
            found |= _pair_shapes(text[i - 1 : i + 1])
        if i < last:
            if text[i + 1] < "\x80":  # a non-ASCII neighbour is looked at from its side
                found |= _pair_shapes(text[i : i + 2])
            if i > 0 and here.glued:
                found |= traits[text[i - 1]].letter & here.glued & traits[text[i + 1]].letter
    return found


def _thin_steps(counts: Counter[str]) -> int:
    """Steps changing at most :data:`~textfix.repair.legacy.THIN` characters of a core with
    these non-ASCII character counts (a saturating count per step, in bit masks)."""
    changes = _step_images().changes
    one = two = three = 0
    for ch, n in counts.items():
        mask = changes.get(ch, 0)
        for _ in range(min(n, THIN + 1)):
            three |= two & mask
            two |= one & mask
            one |= mask
    return _step_images().every & ~three


def _changes_known_word(text_core: str, cand_core: str) -> bool:
    """Whether a word the round trip changes reads as a known word, as the gates look for
    one: a changed core word whose letters (edges stripped) are a known word, or a changed
    letter run of two letters or more. Where the round trip makes a space, word boundaries
    move and the gates may count any word of the candidate: then any word counts."""
    if _NON_ASCII_SPACE.search(cand_core):
        text_core, cand_core = "", core(cand_core)
    for m in _CORE_WORD.finditer(cand_core):
        word = m.group()
        start = m.start()
        if text_core[start : m.end()] == word:
            continue
        bare = word.strip(_EDGE)
        if len(bare) > 1 and TOKEN_RE.fullmatch(bare) and is_known(_fold(bare)):
            return True
        for t in TOKEN_RE.finditer(word):
            run = t.group()
            if (
                len(run) > 1
                and text_core[start + t.start() : start + t.end()] != run
                and is_known(_fold(run))
            ):
                return True
    return False


def _any_changes_known_word(text_core: str, counts: Counter[str], steps: int) -> bool:
    """:func:`_changes_known_word` for the round trip of every step of ``steps`` (each
    distinct rewrite of the core's characters once)."""
    seen = _step_images()
    tables = single_byte_steps()
    chars = [ch for ch in counts if ch in seen.images]
    tried: set[tuple[str, ...]] = set()
    for j in _bit_indices(steps):
        image = tuple(seen.images[ch][j] for ch in chars)
        if image in tried:
            continue
        tried.add(image)
        if _changes_known_word(text_core, text_core.translate(tables[j][1])):
            return True
    return False


@lru_cache(maxsize=4096)  # untouched() asks twice of a line it cannot settle (api, document)
def cannot_pass(text: str) -> bool:
    """Whether no single-byte round trip of ``text`` (a line) can pass the legacy engine's
    gates, in any document context; ``False`` when that is not proven cheaply. Then the
    engine returns ``None`` or a step of confidence at most
    :data:`~textfix.repair.legacy.FAILED_CONFIDENCE`, and no UTF-8 repairer applies (no
    whole-line UTF-8 round trip).
    """
    if len(text) > MAX_LENGTH or _NON_ASCII_SPACE.search(text) or utf8_round_trip(text):
        return False
    text_core = core(text)
    counts = Counter(_NON_ASCII.findall(text_core))
    alive = _live_steps(counts)
    shaped = mojibake_shape(text_core)
    if not shaped:
        # Gate: a candidate may not have a shape the original lacks.
        alive &= ~shaped_steps(text)
    if not alive:
        return True
    # Steps that need a known repaired word: every step when the line is well formed, the
    # thin ones when it merely has no shape.
    if not shaped and well_formed(text_core):
        wordy = alive
    elif not shaped:
        wordy = alive & _thin_steps(counts)
    else:
        return False
    if wordy != alive:
        return False  # some step needs more than words: left to the engine
    return not _any_changes_known_word(text_core, counts, wordy)
