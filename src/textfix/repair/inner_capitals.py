"""Small accented letters shown as capitals inside small-letter words (DOS and Mac pages).

DOS and Mac code pages hold capitals where the Windows pages hold small accented letters,
and back: cp1252's ``ë`` (0xEB) is cp850's ``Ù`` and mac-roman's ``Î``, its ``í`` (0xED)
cp850's ``Ý``, cp1250's ``ć`` (0xE6) mac-roman's ``Ê``. Text written in one page and shown
as another then has accented capitals inside words of small letters: Welsh ``DilÙwyd`` is
``Dilëwyd``, Luxembourgish ``GÙff`` ``Gëff``, Irish ``NÝl innÚacsanna`` ``Níl innéacsanna``,
Upper Sorbian ``WubjerÊe tutÛn`` ``Wubjerće tutón``, Dutch ``ÈÈn`` ``één``. Clean text hardly
ever writes an accented capital after a small letter, or as the second letter of a word
before small ones (names like ``McDonald`` and ``iPhone`` have ASCII capitals, ``ÉCOLE``
has no small letter, elisions like ``LÉtat`` and Irish ``tÉireannach`` keep a capital
their language writes), yet one such letter barely moves the letter statistics of a line,
and most of these languages have thin word lists, so the engine's gates leave the line.

:func:`capitals_lowered` repairs such a line through the exact strict round trip of the
WHOLE line (``text.encode(shown).decode(true)``), one step of :data:`FAMILIES_TRIED` (the
legacy engine judges the line first, :func:`after_engine`: this module acts only where its
gates leave it), when

- every inner capital (:func:`inner_capitals`) becomes a small letter (or a punctuation mark
  of the true page, cp1252's ``’`` being cp850's ``Æ``: ``sÆdo`` is Albanian ``s’do``);
- the line's other words (its ASCII ones, which no step changes) name no language not
  written in the true page, by their votes or, with :data:`REST_LETTERS` letters, by their
  letter statistics;
- every character the round trip changes becomes a letter of the alphabet (or a mark) of
  a language written in the true page, that those words vote for or that the letter
  statistics of the repaired prose read (:data:`READ_LETTERS` letters: the word lists of
  Welsh or Frisian hold few of a line's words), no small letter becomes a capital, and
  every one was a capital made small or foreign to that alphabet (a letter outside it or a
  sign): a clean letter of the language never changes; no word it changes was a known
  word (but for its capitals), and it makes no new inner capital;
- a line whose every inner capital is second in its word (``NÝl``, ``ÈÈn``; clean Irish
  writes ``na hÁise``, ``an tÉireannach``) needs the language its words vote for: their
  letter statistics alone do not speak for it.

Where several steps pass with different repairs, the best read wins by :data:`MARGIN`, or
none does: cp850's ``Ù`` is ``ë``, mac-roman's ``ô``, and Welsh writes both. The repaired
word need not be listed: the capital's place is the evidence, the language's alphabet judges
the letters.

>>> capitals_lowered("DilÎwyd y ffeiliau yn llwyddiannus heddiw.")
('Dilëwyd y ffeiliau yn llwyddiannus heddiw.', (('cp1252', 'mac-roman'),))
>>> capitals_lowered("Le McDonald de l'École") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from typing import NamedTuple

from textfix.chains import FAMILIES, charset, fits, single_byte_steps
from textfix.repair import legacy
from textfix.repair.base import DocumentContext, Step
from textfix.repair.line_language import LEAD, LINE_VOTES, line_language, prose
from textfix.repair.one_class import one_class
from textfix.repair.tokens import token_spans, tokens
from textfix.scoring import TextScore, score, script_of, word_langs
from textfix.scoring._data import langdata
from textfix.types import Chain

#: The families whose steps are tried (in the chain table's order).
FAMILIES_TRIED = ("Western European", "Central European")

#: Letters the repaired line's prose needs for the letter statistics to name its language
#: when too few of its words are listed (a short name reads as anything: Czech
#: "Manipurské (Meitei Mayek)" as Asturian, its cp852 misreading "Manipurskă" as Romanian).
READ_LETTERS = 24

#: Letters the words a repair leaves alone need for their letter statistics to speak
#: against it (a language of another family; a short rest reads as anything: Albanian
#: "u ndryshua me sukses" reads as Western European).
REST_LETTERS = 24

#: Confidence of such a repair (the capitals' place and the language's alphabet are the
#: evidence).
INNER_CONFIDENCE = 0.9

#: Punctuation a changed character may become (cp1252's quotation marks, apostrophes and
#: dashes sit where DOS and Mac pages have letters: ``sÆdo`` is Albanian ``s’do``).
MARKS = frozenset("’‘“”„–—…«»")

#: The repaired prose must read at least this well (log-probability per letter).
MIN_READ = -4.5

#: A repair must read better than every other step's by this much: letter statistics
#: cannot tell cp850's ``bestân`` from mac-roman's ``bestïn`` (which reads better by 0.15).
MARGIN = 0.2


@cache
def _steps() -> tuple[tuple[Chain, dict[int, str]], ...]:
    """The single-byte steps of :data:`FAMILIES_TRIED` that show some small letter of the
    true page as a Latin capital, each with its translation table (chain table order)."""
    trues = {true for fam in FAMILIES if fam.name in FAMILIES_TRIED for true in fam.trues}
    found = []
    for step, table in single_byte_steps():
        if step[0] in trues and any(_lowered(chr(k), v) for k, v in table.items()):
            found.append(((step,), table))
    return tuple(found)


def _lowered(seen: str, meant: str) -> bool:
    """``seen`` is a Latin capital that stands for the small letter ``meant``."""
    return seen.isupper() and meant.islower() and script_of(seen) == "Latn"


@cache
def _capitals() -> frozenset[str]:
    """The Latin capitals some step of :func:`_steps` makes small letters."""
    return frozenset(
        chr(k) for _step, table in _steps() for k, v in table.items() if _lowered(chr(k), v)
    )


def _capital(text: str) -> object:
    """Truthy where ``text`` holds one of :func:`_capitals` (the cheap test before
    :func:`_shape`); on its first call it builds the search (compiled:
    :mod:`~textfix.repair.one_class`) that :data:`_SEARCH` then holds."""
    global _SEARCH
    _SEARCH = one_class(_capitals()).found
    return _SEARCH(text)


#: :func:`_capital`'s search, once built (a global: most lines stop there).
_SEARCH: Callable[[str], object] | None = None


@cache
def _shape() -> re.Pattern[str]:
    """An inner capital (group 1): a Latin capital some step of :func:`_steps` makes small,
    after a small letter and before one or no letter (``DilÙwyd``, ``tashmÙ``; not
    ``BiÇEM``), or second in a word after a capital, before a small letter (``NÝl``)."""
    shown = {shown for (((_true, shown),), _table) in _steps()}
    letters = set().union(*(charset(page) or () for page in shown)) | set(map(chr, range(128)))
    lower = _klass(ch for ch in letters if ch.islower())
    upper = _klass(ch for ch in letters if ch.isupper())
    caps = _klass(_capitals())
    return re.compile(
        f"(?<={lower})({caps})(?:(?={lower})|(?![^\\W\\d_]))"
        f"|(?<![^\\W\\d_]){upper}({caps})(?={lower})"
    )


@cache  # (one entry per capital of _capitals: a few dozen)
def _step_bits(ch: str) -> tuple[int, int]:
    """Two bit masks over :func:`_steps` (bit ``j`` for step ``j``): the steps that make
    ``ch`` a small letter (:func:`_lowered`), and those that make it a :data:`MARKS` mark
    (``sÆdo`` is ``s’do``)."""
    made = [table.get(ord(ch), "") for _chain, table in _steps()]
    lowers = sum(_lowered(ch, m) << j for j, m in enumerate(made))
    return lowers, sum((m in MARKS) << j for j, m in enumerate(made))


def _klass(chars: Iterable[str]) -> str:
    """A character class of ``chars``."""
    return "[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]"


def inner_capitals(text: str) -> list[int]:
    """Where ``text`` has an accented capital inside small letters (:func:`_shape`).

    >>> inner_capitals("NÝl innÚacsanna, ÉCOLE, McDonald, tashmÙ")
    [1, 7, 39]
    """
    return [m.start(1) if m.group(1) else m.start(2) for m in _shape().finditer(text)]


def capitals_lowered(text: str) -> tuple[str, Chain] | None:
    """The repair of ``text`` (a line) described in the module's docstring, with its chain,
    or None."""
    if text.isascii() or not (_SEARCH or _capital)(text):
        return None  # (nearly every line stops here: one scan for a capital of the shape)
    spots = tuple(inner_capitals(text))
    if not spots:
        return None
    # (a capital second in its word is the weaker shape, "KŸiti", and clean Irish writes
    # one after a prefix, "na hÁise": without a capital further in, the line's words must
    # name the language, its letter statistics alone do not)
    weak = not any(i >= 2 and text[i - 2].isalpha() for i in spots if text[i - 1].islower())
    return _lowered_line(text, spots, weak)


# (line._untouched and the repairers ask of one line; a per-input cache, which
# benchmarks.measure empties before a timed pass)
@lru_cache(maxsize=1024)
def _lowered_line(text: str, spots: tuple[int, ...], weak: bool) -> tuple[str, Chain] | None:
    """:func:`capitals_lowered` of a line with inner capitals at ``spots`` (``weak``: each
    second in its word)."""
    rest = _rest(text)
    if weak and rest.voted is None:
        return None  # (such a line needs the language its words vote for: see _judged)
    passed: dict[str, tuple[float, Chain]] = {}
    # (the steps that make every capital a small letter or a mark, and not all marks, read
    # from each capital's bits of the steps: :func:`_step_bits`)
    fit = made_marks = (1 << len(_steps())) - 1
    for i in spots:
        lowers, marks = _step_bits(text[i])
        fit &= lowers | marks
        made_marks &= marks
    for j, (chain, _table) in enumerate(_steps()):
        if not (fit >> j & 1) or made_marks >> j & 1:
            continue
        ((true, shown),) = chain
        # (the line's other words name no language not written in the true page: asked
        # before the round trip, which they do not read)
        if any(lang is not None and not fits(true, lang) for lang in rest):
            continue
        try:
            cand = text.encode(shown).decode(true)
        except UnicodeError:
            continue
        if cand in passed:
            continue
        read = score(prose(cand))
        if read.logprob >= MIN_READ and _judged(text, cand, true, rest, weak, read):
            passed[cand] = (read.logprob, chain)
    if not passed:
        return None
    ranked = sorted(passed.items(), key=lambda kv: -kv[1][0])
    if len(ranked) > 1 and ranked[0][1][0] - ranked[1][1][0] < MARGIN:
        return None
    return ranked[0][0], ranked[0][1][1]


class _Rest(NamedTuple):
    """What the words no round trip changes (the ASCII ones, outside placeholders) say: the
    language they vote for (:data:`LINE_VOTES`, by :data:`LEAD`), and the one their letter
    statistics read (with :data:`REST_LETTERS` letters), or None."""

    voted: str | None
    read: str | None


def _rest(text: str) -> _Rest:
    """:class:`_Rest` of ``text``."""
    words = " ".join(w for w in tokens(prose(text)) if w.isascii())
    lang, votes, second = line_language(words)
    voted = lang if votes >= LINE_VOTES and votes - second >= LEAD else None
    read = score(words)
    return _Rest(voted, read.lang if read.letters >= REST_LETTERS else None)


def _judged(text: str, cand: str, true: str, rest: _Rest, weak: bool, read: TextScore) -> bool:
    """Whether ``cand``, the round trip of ``text`` through a step from ``true`` (one whose
    page writes every language the line's other words, ``rest``, name: asked before),
    passes: the round trip makes no new inner capital, and its changes fit the alphabet of
    the language those words vote for or (unless ``weak``) of the one the letter statistics
    of the repaired prose (``read``, its score) read (:data:`READ_LETTERS` letters), if
    written in ``true``; a ``weak`` line with no language voted never passes."""
    if any(text[i] != cand[i] for i in inner_capitals(cand)):
        return False
    models = langdata().models
    named = [models[rest.voted]] if rest.voted is not None else []
    if not weak and read.letters >= READ_LETTERS and read.lang in models and fits(true, read.lang):
        named.append(models[read.lang])
    return any(_letters_fit(text, cand, model.alphabet, true) for model in named)


def _letters_fit(text: str, cand: str, alphabet: frozenset[str], true: str) -> bool:
    """Every character changed becomes a letter of ``alphabet`` (or a :data:`MARKS` mark),
    no small letter a capital, and was a capital made small or foreign to ``alphabet``; no
    word changed was a known word (but for its capitals) of a language written in ``true``
    (Icelandic "síu" is Albanian "s’u" shown as mac-roman, Italian "sì" Upper Sorbian "s“")."""
    for a, b in zip(text, cand, strict=True):
        if a == b:
            continue
        if b in MARKS:
            if a.isalpha() and a.lower() in alphabet:
                return False
            continue
        if not b.isalpha() or b.lower() not in alphabet or (b.isupper() and a.islower()):
            return False
        if a.isalpha() and a.lower() in alphabet and not (a.isupper() and b.islower()):
            return False
    for start, end in token_spans(text):
        word, made = text[start:end], cand[start:end]
        # (a capital after the first made small is no respelling: the lists are looked up
        # in small letters, where "ÈÈn" is Dutch "èèn" and "NÝ" Icelandic "ný")
        known = len(word) > 1 and word != made and word_langs(word) & _written_in(true)
        if known and not _lowers_inner(word, made):
            return False
    return True


@lru_cache(maxsize=64)
def _written_in(true: str) -> int:
    """The bits (model indexes) of the languages written in ``true``."""
    return sum(1 << m.index for code, m in langdata().models.items() if fits(true, code))


def _lowers_inner(word: str, made: str) -> bool:
    """``made`` has a small letter where ``word`` has a capital after its first letter."""
    return any(a.isupper() and b.islower() for a, b in zip(word[1:], made[1:], strict=True))


def after_engine(text: str, context: DocumentContext) -> Step | None:
    """The legacy engine's step for ``text`` (a line) when it passed its gates, else the
    repair of :func:`capitals_lowered` when there is one (else the engine's step): the
    engine's ranking and word gates judge every line first, this module only where they
    leave it (thin word lists, one letter in a long line)."""
    step = legacy.repair(text, context)
    if step is not None and step.confidence > legacy.FAILED_CONFIDENCE:
        return step
    lowered = capitals_lowered(text)
    return step if lowered is None else Step(lowered[0], lowered[1], INNER_CONFIDENCE)
