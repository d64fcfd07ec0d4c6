"""The round trip through a near-identical code page whose repaired words are words.

Baltic and Central European code pages hold most of their letters at the same bytes and
differ in a few: ``õ`` is 0xE4 in cp775 and ``ä`` in cp1257 (cp437 shows both as ``Σ``),
``ž`` is 0xBC in iso8859-10 and ``ź`` in iso8859-2 (cp1252 shows both as ``¼``). The letter
statistics of a word or two cannot tell such repairs apart, and the engine's best round trip
may take the wrong page: ``salasΣna`` made ``salasäna``, not Estonian ``salasõna``;
``Fid¼i`` made ``Fidźi``, not ``Fidži``. The words can: when some repaired word of the best
round trip is a known word of no language written in its page's family, while the same line
through another page of those families, shown as the same page, makes every repaired word a
known word of one language written in that page (the language the line's other words name,
when they name one), that round trip is the repair (:func:`sibling_word`). The gates still
judge it; only the page they judge changes. The best repair stays when its words are known
words or forms (``käik`` and ``kõik`` are both Estonian words), or when two sibling pages make
other known words (``Ce¸`` is Latvian ``Ceļ`` through iso8859-10, Polish ``Ceł`` through
mac-latin2): nothing tells them apart. The pages differ in letters only, so a sibling that
changes a letter's case or makes a letter a sign is no such repair, nor one that reads a word
as shown (``karïbu`` through iso8859-10 repairs nothing in it).

Cost: the engine asks this of a best round trip through a Latin page with a repaired word
unknown (``best.known`` below 1), ~15% of garbled lines and a few clean ones its gates then
refuse. The first repaired word no language of the page's family knows, read through each
sibling page that reads one of its characters as another letter, must be a known word of that
page's family: a lookup or two end nearly every call, before the line's other words are read.
That first word and its siblings' readings are one compiled call when built
(``_cscore.sibling_readers``; :func:`_readers_py` is its twin).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, reduce
from itertools import repeat
from operator import and_, or_
from typing import TYPE_CHECKING

from textfix._native import load
from textfix.chains import FAMILIES, family_langs, translation
from textfix.repair import legacy  # (which imports this module: read at call time only)
from textfix.repair.line_language import LINE_VOTES, prose
from textfix.scoring._data import langdata
from textfix.scoring.model import score, word_lookup

if TYPE_CHECKING:
    from textfix.repair.legacy import Candidate

_CSCORE = load("textfix.scoring._cscore")

#: The families whose pages are near-identical: the pages of one may stand for another's.
SIBLING_FAMILIES = ("Baltic", "Central European")
#: The families whose best round trip may stand for a sibling page's (Estonian is written
#: in cp1252 too: ``Σ`` is its ``ä`` there, cp775's ``õ``).
LATIN_FAMILIES = ("Western European", "Baltic", "Central European", "Turkish")


@cache
def _siblings() -> tuple[str, ...]:
    """The true pages of :data:`SIBLING_FAMILIES`, in table order (commonest first)."""
    return tuple(t for fam in FAMILIES if fam.name in SIBLING_FAMILIES for t in fam.trues)


#: The true pages whose best round trip may stand for a sibling page's (the hook in
#: ``legacy.repair`` asks :func:`sibling_word` of these alone).
LATIN_PAGES = frozenset(t for fam in FAMILIES if fam.name in LATIN_FAMILIES for t in fam.trues)


@cache
def _family_mask(true: str) -> int:
    models = langdata().models
    return sum(1 << models[c].index for c in family_langs(true) if c in models)


def _all_known(words: tuple[tuple[int, int], ...], mask: int) -> int:
    """The languages of ``mask`` that know every one of ``words`` (0 when there are none)."""
    return reduce(and_, (langs for _n, langs in words), mask) if words else 0


def sibling_word(text: str, best: Candidate) -> Candidate:
    """``best``, or the same line through a sibling page (see the module docstring); asked
    of a best round trip through a page of :data:`LATIN_PAGES` whose repaired words are not
    all known words (``best.known`` below 1).

    >>> from textfix.repair.legacy import candidates
    >>> line = "Slov∞nija ir Latvija"
    >>> best = candidates(line)[0]
    >>> best.text, best.chain
    ('Slověnija ir Latvija', (('cp1250', 'cp437'),))
    >>> sibling_word(line, best).text, sibling_word(line, best).chain
    ('Slovėnija ir Latvija', (('iso8859-4', 'cp437'),))
    """
    chain = best.chain
    if len(chain) != 1:
        return best
    true, shown = chain[0]
    text_core, cand_core = legacy.core(text), legacy.core(best.text)
    if len(text_core) != len(cand_core):
        return best
    # (a repaired word the page's family does not know, which a sibling must make a known
    # word of its own family: most often a word no list has, a name or a rare word, which no
    # sibling makes a known word either; the sibling pages making it a word, -1 for none)
    readers = _readers(text_core, cand_core, true, shown)
    if readers <= 0:
        return best
    family = _family_mask(true)
    _swaps, breaks, pages = _pages(true, shown)
    # (nor does a page that reads a character of the line otherwise than as a letter of the
    # same case: "ureÐenim" is no "ureĐenim", "Ign╙" no "Ign”")
    readers &= ~reduce(or_, map(breaks.get, text_core, repeat(0)))
    if not readers:
        return best
    words = legacy._changed_words(text_core, cand_core)
    if not words or all(langs & family for _n, langs in words):
        return best
    try:
        raw = text_core.encode(shown)
    except UnicodeError:
        return best
    found: dict[str, tuple[str, int]] = {}
    seen = {cand_core}
    for index, (other, _table, other_family) in enumerate(pages):
        if not readers >> index & 1:
            continue
        made = raw.decode(other)
        if made in seen:
            continue
        seen.add(made)
        knowing = _all_known(legacy._changed_words(text_core, made), other_family)
        if knowing:
            found[made] = (other, knowing)
    # (two pages making other known words: nothing tells them apart, "Ceł" or "Ceļ")
    if len(found) != 1:
        return best
    (made, (other, knowing)), *_ = found.items()
    # (of the language the line's other words name, when they name one)
    model = legacy._voted_model(prose(best.text), LINE_VOTES)
    if model is not None:
        knowing &= 1 << model.index
    if not knowing:
        return best
    lang = _code(knowing)
    step = ((other, shown),)
    line = legacy._line_after(text, step)
    # (and the best repair's words are no forms either)
    if not legacy._exact(text, line, step) or all(
        langs & family for _n, langs in legacy._changed_forms(text_core, cand_core)
    ):
        return best
    known, evidence, changed = legacy._known_share(text_core, made, legacy._lang_mask(other, lang))
    return best._replace(
        text=line,
        chain=step,
        score=score(made, lang),
        known=known,
        evidence=evidence,
        changed=changed,
    )


@cache
def _pages(
    true: str, shown: str
) -> tuple[dict[str, int], dict[str, int], tuple[tuple[str, dict[int, str], int], ...]]:
    """For ``true``'s sibling pages (bit i for the i-th page, in table order): per character
    of ``shown`` that some of them read otherwise than ``true`` does, the mask of those that
    read it as another letter of the same case, and the mask of those that read it otherwise
    (as a sign, a capital for a small letter, or not at all); and per page its name, its
    ``translation`` from ``shown`` and the mask of its family's languages."""
    others = tuple(other for other in _siblings() if other != true)
    reading, tables = translation(true, shown), [translation(other, shown) for other in others]
    swaps: dict[str, int] = {}
    breaks: dict[str, int] = {}
    # (a character neither table holds reads as itself through both pages)
    for key in set(reading).union(*tables):
        seen = chr(key)
        a = reading.get(key, seen)
        for index, table in enumerate(tables):
            b = table.get(key, seen)
            if a != b:
                same = a.isalpha() and b.isalpha() and a.isupper() == b.isupper()
                masks = swaps if same else breaks
                masks[seen] = masks.get(seen, 0) | 1 << index
    pages = tuple(
        (other, table, _family_mask(other)) for other, table in zip(others, tables, strict=True)
    )
    return swaps, breaks, pages


@cache
def _translate() -> Callable[[str, dict[int, str]], str]:
    """``str.translate``, or the compiled pool's (the same, faster for the steps' tables)."""
    compiled = legacy._compiled_pool()
    return str.translate if compiled is None else compiled.translate


def _readers(text_core: str, cand_core: str, true: str, shown: str) -> int:
    """:func:`_readers_py` for a round trip through ``true`` shown as ``shown``, in one
    compiled call (``_cscore.sibling_readers``) when built; where it cannot say (-2), the
    Python twin."""
    family = _family_mask(true)
    swaps, _breaks, pages = _pages(true, shown)
    if _CSCORE is not None:
        found: int = _CSCORE.sibling_readers(
            word_lookup(), text_core, cand_core, family, legacy._EDGE, swaps, pages
        )
        if found != -2:
            return found
    return _readers_py(text_core, cand_core, family, swaps, pages)


def _readers_py(
    text_core: str,
    cand_core: str,
    family: int,
    swaps: dict[str, int],
    pages: tuple[tuple[str, dict[int, str], int], ...],
) -> int:
    """-1 when no repaired word of ``cand_core`` is unknown to ``family``
    (:func:`_unknown_word`); else the mask of ``pages`` (:func:`_pages`) that read one of the
    first such word's characters (as shown) as another letter of the same case and make it a
    known word of their own family."""
    unknown = _unknown_word(text_core, cand_core, family)
    if unknown is None:
        return -1
    swapped = reduce(or_, map(swaps.get, unknown, repeat(0)))
    translate, lookup, edge = _translate(), word_lookup(), legacy._EDGE
    # (a page reading the word as shown repairs nothing in it)
    looked = {unknown: 0}
    readers = 0
    for index, (_other, table, other_family) in enumerate(pages):
        if swapped >> index & 1:
            made = translate(unknown, table)
            langs = looked.get(made)
            if langs is None:
                langs = looked[made] = lookup(made.strip(edge))
            if langs & other_family:
                readers |= 1 << index
    return readers


def _unknown_word(text_core: str, cand_core: str, family: int) -> str | None:
    """The first word of ``text_core`` (as shown) whose repair in ``cand_core`` is a word of
    two letters or more that no language of ``family`` knows, or ``None``."""
    lookup = word_lookup()
    for shown_word, word in zip(text_core.split(" "), cand_core.split(" "), strict=True):
        if shown_word != word:
            bare = word.strip(legacy._EDGE)
            if len(bare) > 1 and bare.isalpha() and not lookup(bare) & family:
                return shown_word
    return None


def _code(mask: int) -> str:
    """The code of the lowest language in ``mask`` (not 0)."""
    return _codes()[(mask & -mask).bit_length() - 1]


@cache
def _codes() -> tuple[str, ...]:
    """The modelled languages' codes, the ``i``-th of model bit ``i``."""
    return tuple(m.code for m in sorted(langdata().models.values(), key=lambda m: m.index))
