"""Repair of one line: apply repair layers until none applies, then report the spans."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

from ftfy.badness import BADNESS_RE, is_bad

from textfix.options import DEFAULT_MIN_CONFIDENCE, FixOptions
from textfix.repair import (
    glued_utf8,
    inner_capitals,
    legacy,
    no_repair,
    utf8,
    utf8_cyrillic_shown,
    utf8_structural,
)
from textfix.repair._scan import compiled_search, native
from textfix.repair.base import DocumentContext, Step
from textfix.repair.ce_letters import looks_anyway
from textfix.repair.front import IMPLAUSIBLE_LINE
from textfix.repair.gates import _mac_capitals, capital_behind_sign
from textfix.repair.lone_words import lone_images, lone_signs
from textfix.repair.plausible import (
    UTF8_SHOWN,
    _line_test,
    plausible,
    typed_in_unicode,
    utf8_round_trip,
)
from textfix.repair.quote_signs import signs_quoted
from textfix.repair.spans import changed_spans
from textfix.repair.stray_letters import looks_stray
from textfix.scoring.model import mojibake_shape
from textfix.types import Chain, Finding

Repairer = Callable[[str, DocumentContext], "Step | None"]


#: The context of a one-line document with no prior, shared where one is needed but
#: nothing is reported (repairers only read a context; :func:`find_in_line` alone writes
#: the chains it found to it, and is never handed this one).
FRESH = DocumentContext()


def _utf8(text: str, context: DocumentContext) -> Step | None:
    # (every UTF-8 repair needs a lead character followed by a continuation character, or a
    # C1 control: utf8.repair asks that first, with what else tells most lines in one call)
    return utf8.repair(text, context)


def _utf8_shaped(text: str) -> bool:
    """``utf8.SHAPE.search(text) is not None``, compiled where built (``_cplausible.utf8_shape``:
    a few times cheaper than the regular expression's character classes on a long line)."""
    search = utf8.shape_search()
    return search(text) if search is not None else utf8.SHAPE.search(text) is not None


def untouched(
    text: str,
    min_confidence: float = 0.0,
    fresh: bool = False,
    unproven: bool = False,
    reads: bool | None = None,
    shaped: bool | None = None,
) -> bool:
    """Whether cheap checks alone prove that no repairer changes ``text`` (a line) with at
    least ``min_confidence``: it passes the legacy engine's accept test (or was never
    single-byte text) and, where it has a UTF-8 shape, ftfy's chains leave it; or, for
    callers asking more than the default confidence
    (:data:`~textfix.options.DEFAULT_MIN_CONFIDENCE`), a cheap proof that no repair passes
    (:func:`textfix.repair.legacy.thin_without_words`,
    :func:`textfix.repair.no_repair.cannot_pass`; with ``fresh``, only in a document
    context where no chain was seen). Up to the default, a line the accept test rejects
    goes to the engine: the proof fails on most garbled lines after costing more than it
    saves on the clean lines it settles. Most lines with non-ASCII letters are clean; they
    never reach the repairers. ``unproven``: the caller saw :func:`quick_proof` fail for
    ``text`` (``document.quick_line_check``); it is not asked again, nor
    :func:`plausible` when the caller knows it (``reads``), nor whether the line's core has
    a mojibake shape (``shaped``).

    >>> untouched("Le café est déjà prêt"), untouched("cafÃ©"), untouched("Öåé òåêñò")
    (True, False, False)
    """
    if text.isascii():
        return True
    # (every test that says False is asked before any that says True, in an order that
    # costs least: the compiled proof first, which settles most clean lines; a garbled line
    # meets its mojibake shape before the three looks that would only say False again)
    if not unproven:
        quick = quick_proof()
        if quick is not None and quick(text):
            # (the checks below that say True, all in one compiled call; it also hands on
            # every line the other looks flag, so only a capital behind a sign is left to
            # ask: as _settled does)
            return not capital_behind_sign(text)
    # (a line the quick proof does not settle may be asked again, by a caller that gets
    # the same line again; long lines are not kept. The cache holds untouched's answer:
    # only lines the quick proof fails, or all without it, get here; ``reads`` is what
    # plausible says of the line, or None, and ``shaped`` what mojibake_shape says of its
    # core: neither changes the answer)
    if len(text) > CACHED_LENGTH:
        return _untouched(text, min_confidence, fresh, reads, shaped)
    return _untouched_cached(text, min_confidence, fresh, reads, shaped)


#: Lines longer than this are not cached by :func:`untouched` (the cache holds its keys).
CACHED_LENGTH = 2000


def _untouched(
    text: str,
    min_confidence: float,
    fresh: bool = False,
    reads: bool | None = None,
    shaped: bool | None = None,
) -> bool:
    """:func:`untouched` for a line with a non-ASCII character that :func:`quick_proof`
    does not prove (or without the compiled proof); ``reads``: :func:`plausible` of the
    line when the caller knows it, ``shaped``: whether its core has a mojibake shape."""
    # The legacy engine returns None at once (its first test) for these lines; ftfy's
    # chains may still apply where the line has their shape (``Ã©`` stays plausible in
    # some lines).
    if plausible(text) if reads is None else reads:
        return not _looks(text) and (not _utf8_shaped(text) or _utf8_leaves(text, round_trip=False))
    if min_confidence > legacy.FAILED_CONFIDENCE and (
        min_confidence <= DEFAULT_MIN_CONFIDENCE
        or (mojibake_shape(legacy.core(text)) if shaped is None else shaped)
    ):
        # The engine looks at once (False proves nothing; the engine then finds what it
        # finds, and a line it cannot repair comes back unchanged all the same): for every
        # caller up to the default confidence, since the no-repair proof below fails on
        # most garbled lines after costing more than the engine saves on the clean lines of
        # unmodelled languages it settles; and for a line with one of mojibake's shapes,
        # nearly always garbled, where the proofs fail.
        return False
    # (two of the looks below that cost next to nothing and send some garbled lines on,
    # then the no-repair proof's opening: for most garbled lines left here a round trip may
    # pass the gates, and that proof then fails, exactly, and so does this whatever the
    # other looks find; for clean lines its common route settles at once)
    if no_repair.sign_capital(text) or lone_signs(text):
        return False
    opened = no_repair.REFUSED
    if min_confidence > legacy.FAILED_CONFIDENCE:
        opened = no_repair.opening(text, fresh)
        if opened == no_repair.PASSES:
            return False
        if opened == no_repair.REFUSED and no_repair.examines(text) and not typed_in_unicode(text):
            # (cannot_pass then fails as its opening did, and so does every route below
            # that could say True for a line the proof examines not typed in Unicode: the
            # looks, which only say False again, are not asked)
            return False
    # (the other looks: past the opening's own tests, only the one it does not ask; or small
    # letters shown as capitals inside words, which inner_capitals repairs where the engine
    # leaves them: "GÎff eng valid")
    if opened == no_repair.REFUSED:
        if looks_anyway(text) or looks_stray(text) or signs_quoted(text) is not None:
            return False
    elif looks_anyway(text):
        return False
    if inner_capitals.capitals_lowered(text) is not None:
        return False
    shaped = _utf8_shaped(text)
    if opened == no_repair.PROVEN:
        return not shaped or _utf8_leaves(text, utf8_round_trip(text))
    if typed_in_unicode(text):
        return not shaped or _utf8_leaves(text, utf8_round_trip(text))
    if min_confidence <= legacy.FAILED_CONFIDENCE:
        return False
    if shaped:
        # (no_repair also rules out the whole-line UTF-8 decodes of utf8_structural)
        return no_repair.cannot_pass(text, fresh) and _utf8_leaves(text, utf8_round_trip(text))
    if no_repair.cannot_pass(text, fresh):
        return True
    # (the thin-repair proof settles almost nothing cannot_pass leaves, 1 of 7,392 dev lines,
    # at ~60 us a line headed for the engine: asked only where cannot_pass does not look)
    return not no_repair.examines(text) and legacy.thin_without_words(text)


_untouched_cached = lru_cache(maxsize=4096)(_untouched)


def _looks(text: str) -> bool:
    """Whether the engine must look at ``text`` however well it reads: a mac-cyrillic
    capital shown as a sign (:func:`~textfix.repair.gates.capital_behind_sign`), a no-break
    space or "„" glued to letters that may be a letter (``ce_letters.looks_anyway``), or
    Icelandic letters in a word no owner could spell (``stray_letters.looks_stray``), or a
    one-letter word shown as a lone sign (``lone_words.lone_signs``: "questo Þ usato"), or
    punctuation shown as signs that ``quote_signs`` repairs ("vir Æn aksie": the compiled
    quick proof hands on every line of its cheap shape, ``looks_quoted``). (:func:`_untouched`
    asks them apart, around the no-repair proof's opening, which asks three of them itself:
    ``sign_capital``, ``suspects`` and ``signs_quoted``.)"""
    return (
        no_repair.sign_capital(text)
        or looks_anyway(text)
        or looks_stray(text)
        or lone_signs(text)
        or signs_quoted(text) is not None
    )


def _utf8_leaves(text: str, round_trip: bool) -> bool:
    """Whether ftfy's chains (:func:`utf8.repair`) leave ``text``, a line where
    ``round_trip`` tells :func:`utf8_round_trip`. They first ask ftfy, which changes nothing
    that its badness pattern does not flag, then read the whole line back as UTF-8 from
    pages whose round trip :func:`utf8_round_trip` tries too: without both, no repair."""
    search = _badness_search()
    if search is not None and not round_trip and not search(text):
        return True
    step = utf8.repair(text, FRESH)
    return step is None or step.text == text


@cache
def _badness_search() -> Callable[[str], bool] | None:
    """ftfy's badness test (compiled when built), or ``None`` when :func:`_utf8_leaves`
    cannot rely on it: utf8.py reads lines back from a page :func:`utf8_round_trip` skips."""
    if not set(utf8._STRICT_SHOWN) <= set(UTF8_SHOWN):
        return None
    return compiled_search(BADNESS_RE) or is_bad


@cache
def quick_proof() -> Callable[[str], bool] | None:
    """``_cplausible.clean_line`` when every table it reads was handed over: True for a
    line that :func:`plausible` accepts with no UTF-8 page to try and whose UTF-8 shape, if
    any, ftfy's badness pattern does not flag (:func:`untouched` is then True), and that
    holds no :data:`~textfix.repair.stray_letters.LOOKED` letter (``looks_stray`` is asked
    of those) nor a lone sign of :func:`~textfix.repair.lone_words.lone_signs`; False proves
    nothing. ``None`` without the compiled module."""
    module = native()
    if (
        module is None
        or _line_test() is not module.line_pages
        or _badness_search() is not module.is_bad
        or utf8.shape_search() is None
    ):
        return None
    # (the signs lone_words.lone_signs looks for: the proof hands their lines on)
    module.init_lone(lone_images())
    check: Callable[[str], bool] = module.clean_line
    return check


#: Repairers in the order they are tried on each layer: ftfy's UTF-8 chains first (its
#: heuristics are the reference there), UTF-8 decodes that prove themselves where ftfy's
#: heuristic passes (letters glued inside words shown as cp1252/latin-1: ``glued_utf8``;
#: Latin-script UTF-8 shown as cp1251/koi8-r: ``utf8_cyrillic_shown``),
#: then the single-byte legacy engine (``inner_capitals`` repairs where it leaves a line).
REPAIRERS: tuple[Repairer, ...] = (
    _utf8,
    utf8_structural.repair,
    glued_utf8.repair,
    utf8_cyrillic_shown.repair,
    inner_capitals.after_engine,
)

#: :data:`REPAIRERS` without those that only read the line's whole-line strict UTF-8 round
#: trips (:func:`~textfix.repair.legacy._utf8_round_trips`): each returns a step only from
#: one of them, so a line with none (most garbled lines: single-byte chains) skips their
#: calls. (Asked only while :data:`REPAIRERS` is this module's own tuple.)
_ROUND_TRIPPED = (utf8_structural.repair, glued_utf8.repair, utf8_cyrillic_shown.repair)
_ALL_REPAIRERS = REPAIRERS

#: :data:`REPAIRERS` that may return a step for a line, by :func:`_layer_facts` (bit 1:
#: :func:`_utf8` is asked, bit 2: those of :data:`_ROUND_TRIPPED`), in their order.
_BY_FACTS = tuple(
    tuple(
        repairer
        for repairer in REPAIRERS
        if (repairer is not _utf8 or facts & 1) and (repairer not in _ROUND_TRIPPED or facts & 2)
    )
    for facts in range(4)
)


def _layer_facts_py(text: str) -> int:
    """What the first tests of :data:`REPAIRERS` read of ``text``: 1 where it has
    :func:`_utf8`'s UTF-8 shape (without it, that repairer returns None), plus 2 where it
    has a whole-line strict UTF-8 round trip (without one, :data:`_ROUND_TRIPPED` all
    return None). (The reference of the compiled ``layer_facts``.)

    >>> _layer_facts_py("Ärger"), _layer_facts_py("Ìîñêâà"), _layer_facts_py("cafÃ©")
    (0, 1, 3)
    """
    return _utf8_shaped(text) | (2 if legacy._utf8_round_trips(text) else 0)


@cache
def _layer_facts() -> Callable[[str], int]:
    """``_cplausible.layer_facts`` where both its facts are compiled (the shape search of
    :func:`_utf8_shaped` and the round trips of ``legacy._utf8_round_trips``), else
    :func:`_layer_facts_py`."""
    module = native()
    if (
        module is None
        or utf8.shape_search() is not module.utf8_shape
        or legacy._utf8_trips() is not module.utf8_round_trips
    ):
        return _layer_facts_py
    facts: Callable[[str], int] = module.layer_facts
    return facts


#: Mojibake is rarely more than three layers deep; the bound also guarantees termination.
MAX_LAYERS = 3

#: Confidence given to spans that look garbled but that no repairer could explain.
SUSPICIOUS_CONFIDENCE = 0.2


def _settled(text: str) -> bool:
    """Whether the compiled quick proof shows that every repairer returns ``None`` for
    ``text`` in any document context (the legacy engine's accept test passes it, no UTF-8
    page reads it back, ftfy's badness pattern does not flag it and no mac-cyrillic capital
    stands behind a sign): a repaired line that reads well needs no second look. False
    proves nothing.

    >>> _settled("Цей текст") or quick_proof() is None, _settled("Öåé òåêñò")
    (True, False)
    """
    settled = _settled_test()
    if settled is not None:
        found = settled(text)  # (1: proven, 2: a sign of a mac-cyrillic capital to look at)
        return found == 1 or (found == 2 and not capital_behind_sign(text))
    quick = quick_proof()
    return quick is not None and quick(text) and not capital_behind_sign(text)


@cache
def _settled_test() -> Callable[[str], int] | None:
    """``_cplausible.settled_line`` where the quick proof is compiled: the proof and, in the
    same call, whether the line holds a sign :func:`~textfix.repair.gates._mac_capitals`
    knows (without one, :func:`~textfix.repair.gates.capital_behind_sign` is False);
    ``None`` otherwise."""
    module = native()
    if quick_proof() is None or module is None:
        return None
    module.init_behind("".join(_mac_capitals()))
    settled: Callable[[str], int] = module.settled_line
    return settled


def _suspicious(text: str) -> list[Finding]:
    """Spans ftfy's badness heuristic flags, widened to whole words, with no repair."""
    found: list[Finding] = []
    for match in BADNESS_RE.finditer(text):
        start, end = match.span()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        if found and start < found[-1].end:
            continue
        found.append(Finding(start, end, text[start:end], None, (), SUSPICIOUS_CONFIDENCE))
    return found


def _layers(
    text: str, options: FixOptions, context: DocumentContext
) -> tuple[str, Chain, float, Step | None]:
    """The repair layers of one line, applied while each is confident enough: the line after
    them, their chain, their least confidence, and the first layer below ``min_confidence``
    (not applied), if one stopped them. ``context`` may be :data:`front.IMPLAUSIBLE_LINE
    <textfix.repair.front.IMPLAUSIBLE_LINE>` (the compiled document check found ``text``
    implausible): :data:`FRESH` for the layers after the first."""
    current = text
    chain: Chain = ()
    confidence = 1.0
    # (asked once for every layer: the compiled settled test, and whether the options allow
    # every chain; a changed line is tested settled at the end of its layer)
    settled = _settled_test()
    allows = None if options.chain_filter is None else options.allows
    facts = _layer_facts()
    for _layer in range(MAX_LAYERS):
        # (the first repairer whose step changes the line, in a chain the options allow;
        # ftfy's UTF-8 step is weighed against the legacy engine's: arbitrate)
        repairers = REPAIRERS
        if repairers is _ALL_REPAIRERS:
            repairers = _BY_FACTS[facts(current)]  # (the others would all return None)
        for repairer in repairers:
            step = repairer(current, context)
            if step is not None and step.text != current and (allows is None or allows(step.chain)):
                if repairer is _utf8:
                    step = legacy.arbitrate(current, step, context, options.allows)
                break
        else:
            break  # (no repairer changes the line)
        sure = step.confidence
        if sure < options.min_confidence:
            return current, chain, confidence, step
        current = step.text
        chain += step.chain
        if sure < confidence:
            confidence = sure  # (min() without its call)
        # (_settled's compiled test, asked without its frame: False and 0 prove nothing)
        found = _settled(current) if settled is None else settled(current)
        if found == 1 or (found == 2 and not capital_behind_sign(current)):
            break  # (what the repairers find there: none returns a step)
        if context is IMPLAUSIBLE_LINE:
            context = FRESH  # (what it tells holds of the first layer's line alone)
    return current, chain, confidence, None


def repaired_line(text: str, options: FixOptions, context: DocumentContext) -> str:
    """``text`` (one line) with the findings of :func:`find_in_line` that carry a
    replacement applied, without building them: the line after its confident layers. (Each
    such finding has the layers' least confidence, at least ``min_confidence``, and their
    spans cover every change, with equal text between them; ``context`` is not told of the
    chain: the caller's document has no other line.)

    >>> repaired_line("Ã¼ber", FixOptions(), DocumentContext())
    'über'
    """
    return _layers(text, options, context)[0]


def find_in_line(
    text: str, options: FixOptions, context: DocumentContext, *, suspicious: bool = True
) -> list[Finding]:
    """Findings for one line (offsets relative to the line).

    With ``suspicious``, spans that look garbled but that no repairer explains are reported
    too, with ``replacement=None``.

    Layers are applied while each is confident enough; a layer below ``min_confidence``
    stops the repair and its spans are reported with ``replacement=None``.

    >>> found = find_in_line("Ã¼ber", FixOptions(), DocumentContext())
    >>> [(f.original, f.replacement) for f in found]
    [('Ã¼', 'ü')]
    """
    current, chain, confidence, doubtful = _layers(text, options, context)
    findings: list[Finding] = []
    if current != text:
        for a0, a1, b0, b1 in changed_spans(text, current):
            findings.append(Finding(a0, a1, text[a0:a1], current[b0:b1], chain, confidence))
        context.chains[chain] += 1
    if doubtful is not None:
        guess = chain + doubtful.chain
        for a0, a1, _b0, _b1 in changed_spans(current, doubtful.text):
            # Offsets of a doubtful layer are only meaningful if nothing was applied before.
            if current == text:
                findings.append(Finding(a0, a1, text[a0:a1], None, guess, doubtful.confidence))
    elif current == text and suspicious:
        findings.extend(_suspicious(text))
    return findings
