"""A cheap proof that no single-byte repair of a line can pass the legacy engine's gates.

Clean lines of languages the scorer does not model (Navajo ``Bikéyah``, Gaelic ``gnìomh``)
fail the cheap accept test (:mod:`textfix.repair.plausible`) and used to cost the whole
engine: every round trip generated, shortlisted and scored, only for the gates to refuse
the best one. Most candidates are refused for reasons that need no ranking, so instead of
finding the best candidate, :func:`cannot_pass` shows that every candidate fails a gate
that holds in any document context (it never relies on a bar the context may lower):

1. the original has none of mojibake's shapes but the candidate has one (a rare symbol, a
   symbol touching or glued inside a word, a capital right after a small letter, a word
   mixing scripts): read for all 143 steps at once from per-character bit tables (one bit
   per step, as in the engine's own pool), pair by pair;
2. a line with no shape whose letters fit one alphabet changes only on word-level
   evidence, and a thin repair (at most :data:`~textfix.repair.legacy.THIN` changed
   letters) of a line with no shape needs known repaired words: a round trip that changes
   no known word cannot pass (nor, for a well-formed line, one whose repaired letters are
   less than a fifth known: it is not even a candidate);
3. the gates that need neither scores nor context: no more symbols, no letters turned into
   symbols, a repaired word of two letters, not only one-letter runs, no case flip of a
   thin repair unless the line's words could back it;
4. the gain: without a changed known word, a shaped line needs a gain above 0 and a
   shapeless one :data:`~textfix.repair.legacy.MIN_GAIN` less the context's relief;
   known words add at most :data:`~textfix.repair.legacy.WORD_BONUS` unless the repair
   could be a word swap.

Steps 3 and 4 (the costly ones: exact scores) are taken only when at most
:data:`MAX_LEFT` round trips are left after 1 and 2; most garbled lines have more, and go
to the engine at once.

Each distinct rewrite of the line's characters is looked at once; the pass over the steps
for 1 and 2 and the known-word lookups are compiled when ``_cplausible`` is built
(``steps_left``, ``changes_known_word``, ``known_word``: twins of :func:`_first_pass`,
:func:`_changes_known_word` and :func:`_known`), and so are the masks read first of a line
off the common route (``thin_route``, twin of :func:`_thin_route_py`). Then
:func:`repair <textfix.repair.legacy.repair>` returns ``None`` or a step below
:data:`~textfix.repair.legacy.FAILED_CONFIDENCE`. Lines with a whole-line UTF-8 round
trip (:mod:`textfix.repair.utf8_structural` may decode them), or with a non-ASCII space,
are left to the engine; ftfy's chains are the caller's to rule out.

The proof is asked (by :func:`textfix.repair.line.untouched`) only for callers asking more
than the default confidence (:data:`~textfix.options.DEFAULT_MIN_CONFIDENCE`): on most
garbled lines it fails, exactly, after ~100-200k instructions, and then the engine runs
anyway, which costs the garbled lines more than the proof saves on clean ones. Up to the
default, ``fix``, ``fix_and_explain``, ``detect``, :class:`~textfix.Fixer` and documents
alike send every line the accept test rejects to the engine.

>>> cannot_pass("Wóndii Dineʼé Bikéyah"), cannot_pass("Öåé òåêñò")
(True, False)
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Callable, Mapping
from functools import cache, lru_cache, reduce
from operator import itemgetter, or_
from typing import NamedTuple, TypeVar

from textfix.chains import TRUE_RANK, fits, padded, single_byte_steps
from textfix.repair._scan import native
from textfix.repair.bitsets import bit_indices
from textfix.repair.ce_letters import may_prove_words
from textfix.repair.gates import capital_behind_sign
from textfix.repair.legacy import (
    _BAD_CHARS,
    _EDGE,
    CONTEXT_LETTERS,
    CONTEXT_RELIEF,
    EVIDENCE_LETTERS,
    MIN_GAIN,
    STRONG_GAIN,
    STRONG_KNOWN,
    THIN,
    WELL_FORMED_KNOWN,
    WORD_BONUS,
    _balanced_quotes,
    _changed_words,
    _flips_case,
    _has_known_words,
    _letters_to_symbols,
    _live_steps,
    _longest_word,
    _lowers_capitals,
    _only_letter_runs,
    _original_level,
    _share,
    _step_images,
    _symbols,
    _words_of_no_language,
    core,
)
from textfix.repair.line_language import (
    _NOT_PROSE,
    LINE_VOTES,
    VOTE_LETTERS,
    _named_model,
    alphabet_repair,
    foreign_to_line,
)
from textfix.repair.one_class import bmp_class
from textfix.repair.plausible import _words_pass, _words_test, typed_in_unicode, utf8_round_trip
from textfix.repair.quote_signs import signs_quoted
from textfix.repair.reach import _image_table, accents_make_words, is_known, marking_steps
from textfix.repair.sign_capitals import capital_behind_latin_sign
from textfix.repair.stray_letters import suspects
from textfix.repair.tokens import token_spans, tokens
from textfix.scoring import score
from textfix.scoring._data import langdata
from textfix.scoring.model import (
    _GLUED_RE,
    _LATIN_MARK_RE,
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
#: Round trips taken past the word gates at most: a line with more is left to the engine.
MAX_LEFT = 3
#: The same for a well-formed line, whose round trips are left only when they make known
#: words (few of them, and a clean line's that fail the engine's gates cost it the most).
MAX_LEFT_WORDS = 8
#: Scripts :func:`~textfix.scoring.model.script_of` tells apart.
SCRIPTS = ("Latn", "Cyrl", "Grek", "Hebr", "Arab", "Thai", "Other")

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NON_ASCII_SPACE = re.compile(r"[^\S\x00-\x7f]")
#: Its search, compiled (:func:`~textfix.repair.one_class.bmp_class`: asked of most lines).
_NON_ASCII_SPACE_FOUND = bmp_class(_NON_ASCII_SPACE).found
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
    #: a letter of a word, per script of :data:`SCRIPTS`, and of any script; the scripts
    #: it is a letter of under some step, as ``(index in SCRIPTS, steps)``
    scripts: tuple[int, ...]
    alpha: int
    some_scripts: tuple[tuple[int, int], ...]
    #: a space (word boundaries move)
    space: int


def _image_traits(image: str) -> tuple[bool, ...]:
    """The traits of one character (the image of a character under one step), in the order
    of :class:`_Traits` (``scripts`` spread out; ``alpha``, ``space`` last), each tested
    with the scorer's own patterns on a tiny string around it."""
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
        space,
    )


def _traits_of(ch: str) -> _Traits:
    seen = _step_images()
    images = seen.images.get(ch)
    fields = [0] * (10 + len(SCRIPTS))
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
    alpha, space = fields[-2:]
    some = tuple((i, steps) for i, steps in enumerate(scripts) if steps)
    return _Traits(
        letter,
        touching,
        glued,
        leading,
        leading_next,
        rare,
        lower,
        upper,
        scripts,
        alpha,
        some,
        space,
    )


_V = TypeVar("_V")


class _CharTable(dict[str, _V]):
    """Character -> ``of(character)``, filled on first sight (a table of the character set,
    bounded: text may hold any of Unicode)."""

    def __init__(self, of: Callable[[str], _V]) -> None:
        super().__init__()
        self._of = of

    def __missing__(self, ch: str) -> _V:
        value = self._of(ch)
        if len(self) < CHAR_TABLE_SIZE:
            self[ch] = value
        return value


_TRAITS = _CharTable(_traits_of)


@lru_cache(maxsize=16384)  # pairs of characters recur: each is worked out once
def _pair_shapes(pair: str) -> int:
    """Steps whose images of two adjacent characters make a shape: a capital right after a
    small letter, a symbol touching a letter, a leading symbol before a small letter, or
    letters of two scripts in one word."""
    x, y = _TRAITS[pair[0]], _TRAITS[pair[1]]
    found = x.lower & y.upper
    found |= x.letter & y.touching | x.touching & y.letter
    found |= x.leading & y.leading_next
    both = x.alpha & y.alpha
    if both:
        theirs = y.scripts
        same = 0
        for i, mine in x.some_scripts:
            same |= mine & theirs[i]
        found |= both & ~same
    return found


@cache
def _ascii_classes() -> dict[str, str]:
    """ASCII character -> the first ASCII character with the same traits, where that is
    another one. No step changes an ASCII character, so its traits (and the shapes of any
    pair it is in, :func:`_pair_shapes`) are those of its image under every step: the
    two are interchangeable there.

    >>> _ascii_classes()["e"], _ascii_classes()["Q"]
    ('a', 'A')
    """
    first: dict[tuple[bool, ...], str] = {}
    out: dict[str, str] = {}
    changed = _step_images().images
    for code in range(128):
        ch = chr(code)
        if ch in changed:  # (no step table holds one today)
            continue
        rep = first.setdefault(_image_traits(ch), ch)
        if rep != ch:
            out[ch] = rep
    return out


def shaped_steps(text: str, steps: int | None = None) -> int:
    """Steps whose round trip of ``text`` (a line) has a mojibake shape in its core, by
    :func:`~textfix.scoring.model.mojibake_shape`; a subset of them (shapes that need more
    than three characters are not looked for), computed for every step at once, or for
    those of ``steps`` only (the others are left out: a caller that needs only those asks
    less). Compiled (``_cplausible.shaped_steps``, reading :data:`_FLAGS`) where built,
    else :func:`shaped_steps_py`.

    >>> from textfix.chains import TRUE_RANK, single_byte_steps
    >>> j = single_byte_steps().index(next(s for s in single_byte_steps()
    ...                                    if s[0] == ("cp1251", "iso8859-1")))
    >>> bool(shaped_steps("déjà vu") >> j & 1), shaped_steps("déjà vu", 0)  # "dщjр": mixed
    (True, 0)
    """
    compiled = _compiled_shapes()
    if compiled is not None:
        todo = () if steps is None else (steps.to_bytes(_step_bytes(), "little"),)
        found = compiled(text, _FLAGS, *todo)
        if found is None:  # characters seen for the first time: their flags, then again
            for ch in set(text):
                _FLAGS[ch]
            found = compiled(text, _FLAGS, *todo)
        if found is not None:  # (else a full flag table: in Python)
            return _mask(found)
    every = shaped_steps_py(text)
    return every if steps is None else every & steps


@cache
def _step_bytes() -> int:
    """Bytes of a mask of :func:`~textfix.chains.single_byte_steps`."""
    return (len(single_byte_steps()) + 7) // 8


@cache
def _compiled_shapes() -> Callable[..., bytes | None] | None:
    """``_cplausible.shaped_steps`` once the character flags were handed over with the
    compiled route's (:func:`_compiled_route`), else ``None``."""
    module = native()
    if _compiled_route() is None or module is None:
        return None
    shapes: Callable[..., bytes | None] = module.shaped_steps
    return shapes


def shaped_steps_py(text: str) -> int:
    """:func:`shaped_steps` in Python, the reference. Only characters next to a non-ASCII
    one can change, so only those pairs (each distinct pair once) and triples are looked
    at."""
    traits = _TRAITS
    # (ASCII characters as their class's first member: fewer distinct pairs to work out;
    # the pairs are read around each non-ASCII character, the only ones in them)
    canon = _ascii_classes()
    last = len(text) - 1
    pairs: set[str] = set()
    chars: set[str] = set()
    for match in _NON_ASCII.finditer(text):
        i, ch = match.start(), match.group()
        chars.add(ch)
        if i:
            before = text[i - 1]
            pairs.add(canon.get(before, before) + ch)
        if i < last:
            after = text[i + 1]
            pairs.add(ch + canon.get(after, after))
    found = reduce(or_, map(_pair_shapes, pairs), 0)
    for ch in chars:
        here = traits[ch]
        found |= here.rare
        if not here.glued:
            continue
        i = text.find(ch, 1)
        while 0 < i < last:  # a symbol glued between two letters
            found |= traits[text[i - 1]].letter & here.glued & traits[text[i + 1]].letter
            i = text.find(ch, i + 1)
    return found


def _thin_steps(counts: Mapping[str, int]) -> int:
    """Steps changing at most :data:`~textfix.repair.legacy.THIN` characters of a core with
    these non-ASCII character counts (a saturating count per step, in bit masks)."""
    changes = _step_images().changes
    at_least = [0] * (THIN + 1)  # (k: the steps changing more than k characters)
    for ch, n in counts.items():
        mask = changes.get(ch, 0)
        if mask:
            # (``n`` characters at once: each step of ``mask`` counts ``n`` more; the
            # counts below k - n are not yet raised, going down)
            for k in range(THIN, -1, -1):
                at_least[k] |= mask if k < n else at_least[k - n] & mask
    return _step_images().every & ~at_least[THIN]


def _known(word: str) -> bool:
    """``word_langs(word) != 0``, as the gates ask it: the skeleton filter answers most
    misses for words it holds (those a round trip can make), the index the others."""
    folded = _fold(word)
    if folded.isascii() and "ss" not in folded:
        return folded in langdata().word_mask  # ASCII words are not in the filter
    return is_known(folded)


@cache
def _known_test() -> Callable[[str], bool]:
    """:func:`_known`, compiled (``_cplausible.known_word``) once the word tables were
    handed over to the module; else :func:`_known` itself."""
    module = native()
    if module is None or _words_test() is _words_pass:
        return _known
    test: Callable[[str], bool] = module.known_word
    return test


def _changes_known_word(text_core: str, cand_core: str, spaced: bool = False) -> bool:
    """Whether a word the round trip ``cand_core`` of ``text_core`` changes reads as a known
    word, as the gates look for one: a changed core word whose letters (edges stripped) are
    a known word, or a changed letter run of two letters or more. The original's core words
    match the round trip's one for one unless it makes a space (``spaced``); then word
    boundaries move, the gates may count any word of the candidate, and so does this.
    Compiled twin (without ``spaced``): ``_cplausible.changes_known_word``.

    >>> _changes_known_word("Kuþ uçtu", "Kuş uçtu"), _changes_known_word("Kuþ", "Ku×")
    (True, False)
    """
    if not spaced and len(text_core) == len(cand_core):
        compiled = _compiled_changes()
        if compiled is not None:
            return compiled(text_core, cand_core, _EDGE)
    return _changes_known_word_py(text_core, cand_core, spaced)


def _changes_known_word_py(text_core: str, cand_core: str, spaced: bool = False) -> bool:
    """:func:`_changes_known_word` in Python (the reference)."""
    if spaced:
        cand_words = core(cand_core).split(" ")
        text_words = [""] * len(cand_words)
    else:
        cand_words = cand_core.split(" ")
        text_words = text_core.split(" ")
    known = _known_test()
    for old, word in zip(text_words, cand_words, strict=True):
        if old == word:
            continue
        bare = word.strip(_EDGE)
        if TOKEN_RE.fullmatch(bare):
            if len(bare) > 1 and known(bare):
                return True
            continue
        for start, end in token_spans(word):
            run = word[start:end]
            if len(run) > 1 and old[start:end] != run and known(run):
                return True
    return False


@cache
def _compiled_votes() -> Callable[[str, int, int], bool] | None:
    """``_cplausible.known_votes`` (:func:`_may_name_language_py`) once the word tables
    were handed over (it reads the token class and the word index), else ``None``."""
    if _known_test() is _known:
        return None
    module = native()
    votes: Callable[[str, int, int], bool] | None = None if module is None else module.known_votes
    return votes


@cache
def _compiled_changes() -> Callable[[str, str, str], bool] | None:
    """``_cplausible.changes_known_word`` once the word tables were handed over (it reads
    the token class and the word index), else ``None``."""
    module = native()
    if module is None or _words_test() is _words_pass:
        return None
    test: Callable[[str, str, str], bool] = module.changes_known_word
    return test


def _fails_plain_gates(text: str, cand: str, thin: bool, shaped: bool) -> bool:
    """Whether the round trip ``cand`` of ``text`` fails a gate that needs neither scores
    nor the document context: more symbols than the original (unless quotes pair up),
    letters turned into symbols, no repaired word of two letters, only runs of one letter
    repaired, or, for a thin repair of a line with no shape, a case flip the line's words
    cannot back (fewer known letters and known words than those exceptions need)."""
    if not (_symbols(cand) <= _symbols(text) or _balanced_quotes(text, cand)):
        return True
    if _letters_to_symbols(text, cand) or _longest_word(cand, text) < 2:
        return True
    if _only_letter_runs(text, cand):
        return True
    return thin and not shaped and _flips_case(text, cand) and not _may_back_a_flip(text, cand)


def _may_back_a_flip(text: str, cand: str) -> bool:
    """Whether ``cand`` may hold the word evidence that lets a thin repair flip a letter's
    case: :data:`~textfix.repair.legacy.CONTEXT_LETTERS` letters of known non-ASCII words
    (:data:`~textfix.repair.legacy.EVIDENCE_LETTERS` when the words flipped in ``text`` are
    no known word of any language), or :data:`~textfix.repair.line_language.LINE_VOTES` known
    words of three letters or more (in any language: the gates ask for one language)."""
    letters = votes = 0
    known = _known_test()
    for word in tokens(cand):
        if (len(word) >= 3 or not word.isascii()) and known(word):
            votes += len(word) >= 3
            letters += 0 if word.isascii() else len(word)
    return (
        letters >= CONTEXT_LETTERS
        or votes >= LINE_VOTES
        or (letters >= EVIDENCE_LETTERS and _words_of_no_language(text, cand))
    )


def _all_fail(
    text: str,
    text_core: str,
    counts: Mapping[str, int],
    steps: int,
    shaped: bool,
    word_pool: bool = True,
    relief: float = CONTEXT_RELIEF,
    first: list[int] | None = None,
    gated: tuple[list[int], dict[int, str]] | None = None,
    masks: tuple[int, int] | None = None,
) -> bool:
    """Whether the round trip of every step of ``steps`` fails a gate that holds in any
    context (each distinct rewrite of the core's characters once): it changes no known
    word where the gates need one (a well-formed line, whose candidates also need a fifth
    of their repaired letters known; a thin repair of a line with no shape), or it fails
    :func:`_fails_plain_gates`, or its gain falls short (:func:`_gains_enough`). Only
    :data:`MAX_LEFT` round trips (:data:`MAX_LEFT_WORDS` for a well-formed line) are
    taken past the word gates: a line with more (most
    garbled lines, whose round trips need no word) is left to the engine after the first
    few distinct rewrites. Without ``word_pool`` (a line whose letters are foreign to its
    language, whose candidates need no known words when none makes enough), a well-formed
    line's candidates need only a changed known word; their mending is the caller's to
    rule out (:func:`_mends`). ``relief`` is the most the document context may lower the
    bar on the gain by (none in a fresh context). ``first`` is the first pass
    (:func:`_first_pass` with every step checked) when the caller has it: the line is then
    well formed and has no shape (:func:`_word_route`); ``gated``, what
    :func:`_word_gates` found of it (word pool), when the caller has it; ``masks``, the
    line's thin and spacing steps (:func:`_thin_route`), when the caller has them."""
    changed = _step_images().images
    chars = [ch for ch in counts if ch in changed]
    needs_words = first is not None or (not shaped and well_formed(text_core))
    # Thin steps and steps making a space: a shaped line needs them only past the first
    # pass (most garbled lines do not get there).
    thin_steps = spacing = 0
    if not shaped:
        thin_steps, spacing = _thin_and_spacing(counts, chars) if masks is None else masks
    # The steps that need a changed known word.
    check = steps if needs_words else 0 if shaped else steps & thin_steps
    left: list[int] = []
    most = MAX_LEFT_WORDS if needs_words else MAX_LEFT
    if first is None:
        first = _first_pass(text_core, chars, steps, check, spacing, needs_words)
    cores: dict[int, str] = {}  # (the round trips of the core read here: not made again)
    if gated is not None and word_pool:  # (the common route's: the loop below, done)
        left, cores = gated
        first = []
    for j in first:
        if check >> j & 1:
            cand_core = cores[j] = text_core.translate(_whole_table(j))
            if spacing >> j & 1 and not _changes_known_word(text_core, cand_core, True):
                continue
            if needs_words and word_pool and not _has_known_words(text_core, cand_core):
                continue  # not even a candidate of the engine's word-only pool
        left.append(j)
        if len(left) > most:
            return False
    if shaped and left:
        thin_steps, spacing = _thin_and_spacing(counts, chars)
    original = _original_level(score(text_core)) if left else 0.0  # (the engine's first)
    for j in left:
        table = _whole_table(j)
        thin = bool(thin_steps >> j & 1)
        cand = text.translate(table)
        if _fails_plain_gates(text, cand, thin, shaped):
            continue
        cand_core = cores[j] if j in cores else text_core.translate(table)
        words = _changes_known_word(text_core, cand_core, bool(spacing >> j & 1))
        gain = score(cand_core).logprob - original
        may_swap = thin or needs_words
        evidence = 1.0
        if not shaped and words:
            # (a line with no shape passes on neither of the routes that need one, nor on
            # its own words: the gain or a word swap, whose code page is a first choice)
            may_swap = may_swap and bool(_same_rewrite(chars, j) & _first_choices())
            evidence = _share(_changed_words(text_core, cand_core), -1)[1]
        if not _gains_enough(gain, words, shaped, may_swap, evidence, relief):
            continue
        if (
            needs_words
            and not relief
            and not may_swap
            and not _may_pass_on_words(text, cand, _changed_words(text_core, cand_core), gain)
        ):
            continue
        return False
    return True


def _may_pass_on_words(
    text: str, cand: str, words: tuple[tuple[int, int], ...], gain: float
) -> bool:
    """Whether the round trip ``cand`` of ``text``, a well-formed line, may pass the gate on
    its words in a context that lowers no bar and as no word swap (nor a mending, which
    :func:`cannot_pass` rules out): ``words`` are its changed words (letters, languages);
    half their letters known and five letters, or a gain of
    :data:`~textfix.repair.legacy.MIN_GAIN`, or capitals lowered; or a fifth known and a
    gain of :data:`~textfix.repair.legacy.STRONG_GAIN`; or three known words of three
    letters or more in the line, which its language's votes need."""
    share = _share(words, -1)[0]
    if share >= WELL_FORMED_KNOWN and (
        sum(n for n, _langs in words) >= EVIDENCE_LETTERS
        or gain >= MIN_GAIN
        or _lowers_capitals(text, cand)
    ):
        return True
    if gain >= STRONG_GAIN and share >= STRONG_KNOWN:
        return True
    known = _known_test()
    votes = sum(1 for word in tokens(cand) if len(word) >= 3 and known(word))
    return votes >= LINE_VOTES + 1


@cache
def _first_choices() -> int:
    """Steps whose true code page is its family's first choice
    (:data:`~textfix.chains.TRUE_RANK` 0): the only ones a word swap may take."""
    steps = single_byte_steps()
    return sum(1 << j for j, ((true, _shown), _table) in enumerate(steps) if TRUE_RANK[true] == 0)


def _same_rewrite(chars: list[str], j: int) -> int:
    """Steps rewriting each of ``chars`` as step ``j`` does: the chains the engine may name
    for step ``j``'s round trip (it names one of the chains giving the same text)."""
    seen = _step_images()
    images, same = seen.images, seen.every
    for ch in chars:
        same &= _image_steps(ch)[images[ch][j]]
    return same


@cache  # (one entry per character some step changes: a few hundred)
def _image_steps(ch: str) -> dict[str, int]:
    """Each image of ``ch`` (a character some step changes) -> the steps giving it."""
    out: dict[str, int] = {}
    for j, image in enumerate(_step_images().images[ch]):
        out[image] = out.get(image, 0) | 1 << j
    return out


def _thin_and_spacing(counts: Mapping[str, int], chars: list[str]) -> tuple[int, int]:
    """:func:`_thin_steps` of ``counts``, and the steps turning one of ``chars`` into a space."""
    return _thin_steps(counts), reduce(or_, (_TRAITS[ch].space for ch in chars), 0)


def _thin_route(text: str, text_core: str, counts: Mapping[str, int]) -> tuple[int, int, int]:
    """For ``text``, a line whose core ``text_core`` (with these non-ASCII character
    ``counts``) has no mojibake shape: its live steps whose round trip gives it no shape it
    lacks, and its :func:`_thin_and_spacing` steps. Compiled (``_cplausible.thin_route``,
    one call for four) where built, else :func:`_thin_route_py`."""
    compiled = _compiled_thin()
    if compiled is not None:
        found = compiled(text, text_core, _FLAGS, THIN)
        if found is None:  # characters seen for the first time: their flags, then again
            for ch in set(text):
                _FLAGS[ch]
            found = compiled(text, text_core, _FLAGS, THIN)
        if found is not None:  # (else a full flag table: in Python)
            alive, thin, spacing = found
            return _mask(alive), _mask(thin), _mask(spacing)
    return _thin_route_py(text, counts)


def _thin_route_py(text: str, counts: Mapping[str, int]) -> tuple[int, int, int]:
    """:func:`_thin_route` in Python (the reference)."""
    live = _live_steps(counts)
    chars = [ch for ch in counts if ch in _step_images().images]
    return (live & ~shaped_steps(text, live), *_thin_and_spacing(counts, chars))


#: ``_cplausible.thin_route(line, core, flags, thin)``: ``None`` when ``flags`` lacks a
#: character no step changes.
_Thin = Callable[[str, str, dict[str, int], int], "tuple[bytes, bytes, bytes] | None"]


@cache
def _compiled_thin() -> _Thin | None:
    """``_cplausible.thin_route`` once the character flags were handed over with the
    compiled route's (:func:`_compiled_route`), else ``None``."""
    module = native()
    if _compiled_route() is None or module is None:
        return None
    thin: _Thin = module.thin_route
    return thin


def _first_pass(
    text_core: str, chars: list[str], steps: int, check: int, spacing: int, needs_words: bool
) -> list[int]:
    """The steps of ``steps``, in order and each distinct rewrite of ``chars`` (the core's
    characters some step changes) once, that may be left past the word gates: those of
    ``check`` only if :func:`_changes_known_word` holds, unless their round trip makes a
    space (``spacing``: the caller checks those). Where nothing is checked after this, it
    stops after :data:`MAX_LEFT` + 1 (the line then goes to the engine). Compiled twin:
    ``_cplausible.steps_left``."""
    cut = -1 if needs_words or check & spacing else MAX_LEFT
    compiled = _compiled_first_pass()
    if compiled is not None:
        size = _step_bytes()
        alive, checked, later = (m.to_bytes(size, "little") for m in (steps, check, spacing))
        return compiled(text_core, alive, checked, later, cut, _EDGE)
    images = [_step_images().images[ch] for ch in chars]
    out: list[int] = []
    tried: set[tuple[str, ...]] = set()
    while steps:
        low = steps & -steps
        steps ^= low
        j = low.bit_length() - 1
        column = tuple(map(itemgetter(j), images))  # the step's rewrite of the characters
        if column in tried:
            continue
        tried.add(column)
        word_gate = bool(check & low) and not spacing & low
        if word_gate and not _changes_known_word(text_core, text_core.translate(_whole_table(j))):
            continue
        out.append(j)
        if 0 <= cut < len(out):
            break
    return out


@cache
def _compiled_first_pass() -> Callable[[str, bytes, bytes, bytes, int, str], list[int]] | None:
    """``_cplausible.steps_left`` once the word and step tables were handed over, else
    ``None``."""
    module = native()
    if module is None or _words_test() is _words_pass:
        return None
    first_pass: Callable[[str, bytes, bytes, bytes, int, str], list[int]] = module.steps_left
    return first_pass


def _gains_enough(
    gain: float,
    words: bool,
    shaped: bool,
    may_swap: bool,
    evidence: float = 1.0,
    relief: float = CONTEXT_RELIEF,
) -> bool:
    """Whether a candidate gaining ``gain`` (log-probability per letter) may pass the gate
    on the gain in any context: with no changed known word, a line with a shape needs a
    gain above 0 (its weakest route, a repair the line's words agree with), a line without
    one :data:`~textfix.repair.legacy.MIN_GAIN` less the context's ``relief``; known words add
    at most :data:`~textfix.repair.legacy.WORD_BONUS` times ``evidence`` (a bound of the
    engine's evidence, at most 1), and may make a thin or word-only repair a word swap,
    which needs no gain."""
    least = MIN_GAIN - relief
    if not words:
        return gain > 0 if shaped else gain >= least
    return may_swap or gain + WORD_BONUS * evidence >= least


def cannot_pass(text: str, fresh: bool = False, *, at_once: bool = False) -> bool:
    """Whether no single-byte round trip of ``text`` (a line) can pass the legacy engine's
    gates, in any document context (with ``fresh``: in a context where no chain was seen,
    as for a one-line document with no prior); ``False`` when that is not proven cheaply.
    Then the engine returns ``None`` or a step of confidence at most
    :data:`~textfix.repair.legacy.FAILED_CONFIDENCE`, and no UTF-8 repairer applies (no
    whole-line UTF-8 round trip). With ``at_once``, only its opening is taken
    (:func:`opening`): ``False`` then proves nothing.

    >>> cannot_pass("Ene mêye åbe"), cannot_pass("Ene mêye åbe", fresh=True)
    (False, True)
    """
    relief = 0.0 if fresh else CONTEXT_RELIEF
    opened = opening(text, fresh)
    if opened != OPEN:
        return opened == PROVEN
    if at_once:
        return False
    rest = _round_trips(text, relief)
    if rest is None:
        return False
    text_core, counts, alive, shaped, first, named, common = rest
    # (the proof's word lookups do not compose the combining accents a cp1258 round trip
    # makes, the engine's do: a line where such a round trip makes a known word is the
    # engine's to judge; asked after the round trips, which fail most garbled lines first,
    # and where the common route did not: _common_route)
    if common is None and accents_make_words(text_core, alive):
        return False
    # (after the round trips, which fail most garbled lines at less cost) Letters foreign
    # to the language the line's words name: those words may stand in for known repaired
    # words, and the engine may take candidates that make none.
    if named is None:
        named = bool(alive) and _may_name_language(text) and foreign_to_line(text)
    if alive and named:
        if _mends(text, text_core, counts, alive):
            return False
        if not _all_fail(text, text_core, counts, alive, shaped, False, relief, first):
            return False
    return _settled(text)


#: What :func:`opening` finds: a round trip may pass the gates (the proof fails: exact), the
#: proof fails at once for another reason (an engine route other than the round trips' may
#: take the line), the proof holds, or the round trips are still to be looked at one by one.
PASSES, REFUSED, PROVEN, OPEN = 0, 1, 2, 3


@lru_cache(maxsize=4096)  # (untouched asks a line at once, then in full: one verdict)
def opening(text: str, fresh: bool = False) -> int:
    """What :func:`cannot_pass` finds of ``text`` (a line) before the tests after its round
    trips (:data:`PASSES`, :data:`REFUSED`, :data:`PROVEN` or :data:`OPEN`): the verdict
    of ``cannot_pass(text, fresh, at_once=True)``, and with :data:`PASSES` an exact "no"
    that needs none of the looks :func:`textfix.repair.line.untouched` asks, for a line
    not :func:`~textfix.repair.plausible.typed_in_unicode` (never single-byte text: the
    round trips of such a line are left to the end, where ``untouched`` needs none).
    (:data:`PROVEN` needs the compiled common route; without it such a line is
    :data:`OPEN`, and ``cannot_pass`` proves it further on.)

    >>> opening("Öåé òåêñò") == PASSES, opening("Wóndii Dineʼé Bikéyah") in (PROVEN, OPEN)
    (True, True)
    >>> opening("déjà\u00a0vu") == REFUSED, opening("Halýcý") == REFUSED
    (True, True)
    >>> opening("Ene mêye åbe") == PASSES, opening("Ene mêye åbe", fresh=True) == OPEN
    (True, True)
    """
    # (the round trips the proof looks at first, where the common route leaves them to look
    # at: most garbled lines, whose verdict does not depend on the tests after them, are
    # settled before the other engine routes, which only tell the proof fails too)
    if not examines(text):
        return REFUSED
    # (a well-formed line's first pass in one compiled call, when built, and what it tells)
    common = _common_route(text, core(text))
    if (
        (common is None or not (common.settles or common.marks_words))
        and not typed_in_unicode(text)
        and _round_trips(text, 0.0 if fresh else CONTEXT_RELIEF) is None
    ):
        return PASSES
    if common is not None and common.marks_words:
        # (the end below says so too: the tests before it, which only say REFUSED again,
        # are not asked)
        return REFUSED
    if sign_capital(text) or capital_behind_latin_sign(text):
        return REFUSED  # (a sign before a small letter: the engine's "signed" route)
    if suspects(text):
        return REFUSED  # (stray letters: the engine's "strayed" route, see stray_letters)
    if signs_quoted(text) is not None:
        return REFUSED  # (quotation marks shown as signs: see quote_signs)
    if common is None:
        return OPEN
    if common.settles:
        return PROVEN if _settled(text) else REFUSED  # (what the steps of cannot_pass find)
    return OPEN


#: What :func:`cannot_pass` knows of a line once its round trips all failed the gates it
#: reads first (:func:`_round_trips`), for the tests after them: the core, its non-ASCII
#: character counts, the alive steps, whether the core has a mojibake shape, the common
#: route's first pass (``None`` without one), whether the line's words name a language
#: foreign to its letters (``None``: not asked yet), and the common route. (A plain tuple:
#: built for every line the proof looks at in full.)
_Rest = tuple[
    str, Mapping[str, int], int, bool, "list[int] | None", "bool | None", "_Common | None"
]


@lru_cache(maxsize=4096)  # (asked by the opening, then by cannot_pass: once a line)
def _round_trips(text: str, relief: float) -> _Rest | None:
    """``None`` when a round trip of ``text`` may pass the gates :func:`cannot_pass` reads
    of each (its :func:`_all_fail` with the word pool, after the common route's first pass
    where the line has one), else what the proof's later tests read. ``relief``: the most
    the document context may lower the bar on the gain by."""
    text_core = core(text)
    common = _common_route(text, text_core)  # (what opening found: remembered)
    first: list[int] | None = None
    refused = False  # whether the word gates alone refuse every round trip
    named: bool | None = None  # whether the line's words name a language foreign to its letters
    if common is not None:
        first, alive, refused, named = common.first, common.alive, common.refused, common.named
        if alive and not refused and common.gated is None:
            return None  # (what _all_fail finds first: more round trips than it looks at)
    counts = Counter(_NON_ASCII.findall(text_core))
    masks: tuple[int, int] | None = None  # (a line with no shape's thin and spacing steps)
    if common is not None:
        shaped = False
    else:
        shaped = mojibake_shape(text_core)
        if shaped:
            alive = _live_steps(counts)
        else:
            # Gate: a candidate may not have a shape the original lacks.
            alive, *thin_spacing = _thin_route(text, text_core, counts)
            masks = thin_spacing[0], thin_spacing[1]
    # (a first pass the word gates refuse leaves _all_fail nothing to look at)
    if (
        alive
        and not refused
        and not _all_fail(
            text,
            text_core,
            counts,
            alive,
            shaped,
            relief=relief,
            first=first,
            gated=None if common is None else common.gated,
            masks=masks,
        )
    ):
        return None
    return text_core, counts, alive, shaped, first, named, common


#: :func:`~textfix.repair.gates.capital_behind_sign` remembered per line: the looks of
#: :func:`textfix.repair.line.untouched` and :func:`opening` ask it of the same line.
sign_capital = lru_cache(maxsize=4096)(capital_behind_sign)


@lru_cache(maxsize=4096)  # (the end of cannot_pass, and of its opening: asked once a line)
def _settled(text: str) -> bool:
    """The end of :func:`cannot_pass` once every round trip failed the gates it reads: no
    whole-line UTF-8 round trip, and no repair the engine's "proved" route may pass (signs
    made letters of words or names, :mod:`~textfix.repair.ce_letters`; asked last, most
    lines are settled before)."""
    return not utf8_round_trip(text) and not may_prove_words(text)


def examines(text: str) -> bool:
    """Whether :func:`cannot_pass` looks at ``text`` at all: longer lines, and lines with a
    non-ASCII space (word boundaries a round trip may move), are left to the engine.

    >>> examines("déjà vu"), examines("déjà\u00a0vu")
    (True, False)
    """
    return len(text) <= MAX_LENGTH and not _NON_ASCII_SPACE_FOUND(text)


def _mends(text: str, text_core: str, counts: Mapping[str, int], steps: int) -> bool:
    """Whether the round trip of some step of ``steps`` (each distinct rewrite of the
    core's characters once) may mend the letters foreign to the line's language, under
    any of the chains the engine may name for it
    (:func:`~textfix.repair.line_language.alphabet_repair`)."""
    # (alphabet_repair mends only through a true page that writes the language the line's
    # words name: a rewrite none of whose pages does is not even translated)
    model = _named_model(text)
    if model is None:
        return False
    tables = single_byte_steps()
    chars = [ch for ch in counts if ch in _step_images().images]
    # (every distinct rewrite: no word gate, no cut)
    for j in _first_pass(text_core, chars, steps, 0, 0, True):
        trues = {tables[k][0][0] for k in bit_indices(_same_rewrite(chars, j))}
        fitting = sorted(true for true in trues if fits(true, model.code))
        if not fitting:
            continue
        cand = text.translate(_whole_table(j))
        if any(alphabet_repair(text, cand, true) for true in fitting):
            return True
    return False


def _may_name_language(text: str) -> bool:
    """Whether ``text`` has the :data:`~textfix.repair.line_language.LINE_VOTES` known
    words that :func:`~textfix.repair.line_language.line_language` needs to name a language
    (its voters are known words of :data:`~textfix.repair.line_language.VOTE_LETTERS`
    letters or more outside placeholders and markup; ``False`` is certain). Most lines of
    languages the scorer does not model have fewer: one cheap lookup per word instead of
    the per-language votes.

    >>> _may_name_language("Efrîka Basur"), _may_name_language("Iðsaugokite juos saugioje")
    (False, True)
    """
    if _may_not_be_prose(text):
        text = _NOT_PROSE.sub(" ", text)
    compiled = _compiled_votes()
    if compiled is not None:
        return compiled(text, VOTE_LETTERS, LINE_VOTES)
    return _may_name_language_py(text)


def _may_not_be_prose(text: str) -> bool:
    """Whether :data:`~textfix.repair.line_language._NOT_PROSE` may match in ``text``: each
    of its patterns holds one of these (most lines hold none: no substitution to run)."""
    return "%" in text or "{" in text or "<" in text or "&" in text or "://" in text


def _may_name_language_py(text: str) -> bool:
    """:func:`_may_name_language` of a line with no placeholder, markup, entity or URL, in
    Python (the reference of ``_cplausible.known_votes``)."""
    known = _known_test()
    votes = 0
    for word in TOKEN_RE.findall(text):
        if len(word) >= VOTE_LETTERS and known(word):
            votes += 1
            if votes >= LINE_VOTES:
                return True
    return False


class _Common(NamedTuple):
    """What :func:`cannot_pass` learns from a well-formed line's first pass (:func:`_route`)
    before it looks at the round trips one by one."""

    #: the first pass and the alive steps
    first: list[int]
    alive: int
    #: a round trip making a combining accent makes a known word (the engine's to judge)
    marks_words: bool
    #: the word gates alone refuse every round trip (:func:`_word_gates` leaves none)
    refused: bool
    #: the line's words name a language foreign to its letters (asked only when refused)
    named: bool | None
    #: no round trip is left to look at: no step alive, or every one refused and no
    #: language named (then only a whole-line UTF-8 round trip may pass)
    settles: bool
    #: the round trips the first :func:`_all_fail` takes past its word gates, and the
    #: cores it made of them (``None``: more than it looks at, it is False; or not asked)
    gated: tuple[list[int], dict[int, str]] | None


@lru_cache(maxsize=4096)  # (asked twice of a line untouched does not settle at once)
def _common_route(text: str, text_core: str) -> _Common | None:
    """:class:`_Common` of ``text`` and its core, or ``None`` without a compiled route
    (:func:`_route`)."""
    route = _route(text, text_core)
    if route is None:
        return None
    first, marking, spacing, alive = route
    if not alive:  # (where every route of cannot_pass ends: no round trip)
        return _Common(first, alive, False, True, None, True, None)
    # (accents_make_words of the alive steps reads only those making accents: ``marking``)
    if marking and accents_make_words(text_core, marking):
        return _Common(first, alive, True, False, None, False, None)
    gated = _word_gates(text_core, first, spacing)
    refused = gated is not None and not gated[0]
    named = None
    if refused:
        named = _may_name_language(text) and foreign_to_line(text)
    return _Common(first, alive, False, refused, named, refused and not named, gated)


def _route(text: str, text_core: str) -> tuple[list[int], int, int, int] | None:
    """:func:`_word_route`, compiled (``None``, proving nothing, without the module; the
    caller caches it: :func:`_common_route`)."""
    compiled = _compiled_route()
    if compiled is None or mojibake_shape(text_core):
        return None
    found = compiled(text, text_core, _FLAGS)
    if found is None:  # characters seen for the first time: their flags, then again
        for ch in set(text):
            _FLAGS[ch]
        found = compiled(text, text_core, _FLAGS)
    if not isinstance(found, tuple):
        return None  # (not well formed)
    left, marking, spacing, alive = found
    return left, _mask(marking), _mask(spacing), _mask(alive)


@cache  # (built for a step when a line first needs its round trip: most steps never are)
def _whole_table(j: int) -> dict[int, str]:
    """The translation of step ``j`` of :func:`~textfix.chains.single_byte_steps`,
    :func:`~textfix.chains.padded` (the same round trip, about half the cost on a long line)."""
    return padded(single_byte_steps()[j][1])


def _mask(steps: bytes) -> int:
    return int.from_bytes(steps, "little")


def _word_gates(
    text_core: str, first: list[int], spacing: int
) -> tuple[list[int], dict[int, str]] | None:
    """For a well-formed core whose first pass left the steps ``first`` (of which
    ``spacing`` make a space): those :func:`_all_fail` takes past the word gates (the
    others make a space but change no known word, or are no candidate of the engine's
    word-only pool), with their cores; ``None`` when more than it looks at (it is then
    False, and the common route sends most well-formed garbled lines on at once). None
    left: the word gates refuse every round trip."""
    left: list[int] = []
    cores: dict[int, str] = {}
    for j in first:
        cand_core = text_core.translate(_whole_table(j))
        if spacing >> j & 1 and not _changes_known_word(text_core, cand_core, True):
            continue
        if not _has_known_words(text_core, cand_core):
            continue
        left.append(j)
        cores[j] = cand_core
        if len(left) > MAX_LEFT_WORDS:
            return None
    return left, cores


def _word_route(text: str, text_core: str) -> tuple[list[int], int, int, int] | None:
    """What :func:`cannot_pass` finds first for a line whose core has no shape: ``None``
    unless the core is well formed; else, of the live steps whose round trip gives the
    line no shape it lacks, those :func:`_first_pass` leaves with every step checked, those
    making combining accents (:func:`marking_steps`), the steps making a space of a core
    character, and the alive steps. Compiled twin (``_cplausible.word_route``):
    :func:`_compiled_route`.

    >>> _word_route("Efrîka Basur", "Efrîka")[0], _word_route("Kuþ uçtu", "Kuþ uçtu")
    ([], None)
    """
    if not well_formed(text_core):
        return None
    counts = Counter(_NON_ASCII.findall(text_core))
    live = _live_steps(counts)
    alive = live & ~shaped_steps(text, live)
    chars = [ch for ch in counts if ch in _step_images().images]
    spacing = reduce(or_, (_TRAITS[ch].space for ch in chars), 0)
    left = _first_pass(text_core, chars, alive, alive, spacing, True)
    return left, alive & marking_steps(text_core), spacing, alive


#: :func:`_char_flags`' bit of each trait (in :func:`_image_traits`' order), and the
#: shift of its script number (:data:`_NO_SCRIPT` for none); keep in step with
#: ``_cplausible_proof.h``.
_FLAG_TRAITS = 8  # letter ... upper: bits 0-7
_ALPHA_BIT, _SPACE_BIT, _BAD_BIT, _MARK_BIT = 8, 9, 10, 11
_SCRIPT_SHIFT = 12
_NO_SCRIPT = 7


def _char_flags(image: str) -> int:
    """The traits of one character (:func:`_image_traits`) as one flag word for the
    compiled proof, with whether it is a bad character (``legacy._BAD_CHARS``) and a Latin
    combining accent.

    >>> [_char_flags(ch) >> _ALPHA_BIT & 1 for ch in "é ·"], _char_flags(" ") >> _SPACE_BIT & 1
    ([1, 0, 0], 1)
    >>> [_char_flags(ch) >> _SCRIPT_SHIFT for ch in "éж1"], _char_flags("\x85") >> _BAD_BIT & 1
    ([0, 1, 7], 1)
    """
    traits = _image_traits(image)
    scripts = traits[_FLAG_TRAITS : _FLAG_TRAITS + len(SCRIPTS)]
    flags = sum(int(on) << i for i, on in enumerate(traits[:_FLAG_TRAITS]))
    flags |= traits[-2] << _ALPHA_BIT | traits[-1] << _SPACE_BIT
    flags |= (_BAD_CHARS.match(image) is not None) << _BAD_BIT
    flags |= (_LATIN_MARK_RE.fullmatch(image) is not None) << _MARK_BIT
    script = next((i for i, on in enumerate(scripts) if on), _NO_SCRIPT)
    return flags | script << _SCRIPT_SHIFT


#: Character -> :func:`_char_flags` (the compiled route reads it for characters no step
#: changes).
_FLAGS = _CharTable(_char_flags)


#: ``_cplausible.word_route(line, core, flags)``: ``None`` when ``flags`` lacks a character
#: no step changes.
_Route = Callable[[str, str, dict[str, int]], "tuple[list[int], bytes, bytes, bytes] | bool | None"]


@cache
def _compiled_route() -> _Route | None:
    """``_cplausible.word_route`` (:func:`_word_route` for a core with no shape, its masks
    as little-endian bytes) once the word and step tables were handed over and it was given
    the images of each character some step changes with their flags, the flags of those
    characters and of ASCII; else ``None``."""
    module = native()
    if module is None or _words_test() is _words_pass:
        return None
    seen: dict[str, int] = {}
    rows = array("H")
    images = _image_table()
    for column in images.values():
        rows.extend(seen[x] if x in seen else seen.setdefault(x, _char_flags(x)) for x in column)
    ascii_flags = array("H", map(_char_flags, map(chr, range(128))))
    own = array("H", map(_char_flags, images))
    chars, columns = "".join(images), "".join("".join(column) for column in images.values())
    try:
        module.init_proof(
            chars, columns, ascii_flags.tobytes(), rows.tobytes(), own.tobytes(), _EDGE
        )
    except (ValueError, TypeError):
        return None
    route: _Route = module.word_route
    return route
