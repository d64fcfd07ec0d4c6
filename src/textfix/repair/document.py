"""Repair of a whole document: find the suspicious lines cheaply, repair them, reassemble."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from textfix.options import DEFAULT_MIN_CONFIDENCE, FixOptions
from textfix.repair._scan import native
from textfix.repair.base import DocumentContext
from textfix.repair.front import IMPLAUSIBLE_LINE
from textfix.repair.gates import _mac_capitals
from textfix.repair.legacy import FAILED_CONFIDENCE, LEGACY_PREFILTER, core
from textfix.repair.line import FRESH, _layers, find_in_line, quick_proof, repaired_line, untouched
from textfix.scoring.model import mojibake_shape
from textfix.types import Chain, Finding, Repair

#: Cheap document-wide signals; a line none of them touches is never looked at again.
#: Legacy chains need every line with a non-ASCII character (the engine has its own cheap
#: accept test); that covers ftfy's UTF-8 shape too, which ``line.py`` checks per line.
PREFILTERS = [LEGACY_PREFILTER]


def _suspect_lines(document: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each line (without ``\\r\\n``) that a pre-filter flags, in order.

    After a hit, the search resumes at the next line: one hit is enough to look at a line.
    """
    if "\n" not in document:  # one line: the common call, without the bookkeeping
        if any(pattern.search(document) for pattern in PREFILTERS):
            yield 0, len(document) - document.endswith("\r")
        return
    hits: set[int] = set()
    for pattern in PREFILTERS:
        pos = 0
        while (match := pattern.search(document, pos)) is not None:
            line_start = document.rfind("\n", 0, match.start()) + 1
            line_end = document.find("\n", match.start())
            hits.add(line_start)
            if line_end < 0:
                break
            # A match that runs over a newline flags every line it touches.
            while line_end < match.end() - 1:
                hits.add(line_end + 1)
                line_end = document.find("\n", line_end + 1)
                if line_end < 0:
                    line_end = len(document)
            pos = line_end + 1
    for start in sorted(hits):
        end = document.find("\n", start)
        if end < 0:
            end = len(document)
        if end > start and document[end - 1] == "\r":
            end -= 1
        yield start, end


#: :func:`quick_line_check`'s answers: nothing is known (ask :func:`untouched_line`), or
#: proven; or the line's quick proof fails (:func:`untouched_line` skips it) and
#: :func:`~textfix.repair.plausible.plausible`, which it asks next, is False, True, or
#: to be asked (the line has UTF-8 pages to try).
ASK, PROVEN, IMPLAUSIBLE, PLAUSIBLE, UNPROVEN = 1, 2, 0, 3, 4

#: What the answers of a failed quick proof tell of ``plausible`` (None: ask it).
_UNPROVEN: dict[int, bool | None] = {IMPLAUSIBLE: False, PLAUSIBLE: True, UNPROVEN: None}


def untouched_line(
    document: str,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    fresh: bool = False,
    verdict: int = ASK,
) -> bool:
    """Whether cheap checks prove that no repair of ``document``, one line (no ``"\\n"``),
    has ``min_confidence``: :func:`find_in_document` then finds nothing to apply. With
    ``fresh``, only for a call that brings no context and no prior (the line's repairers
    then see no chain as already shown). ``verdict``: what :func:`quick_line_check`
    answered for ``document`` (what it found is not asked again). A line the accept test
    rejects is not untouched up to the default ``min_confidence`` (the engine looks; see
    :mod:`~textfix.repair.no_repair`).

    >>> untouched_line("déjà vu\\r"), untouched_line("dÃ©jÃ  vu")
    (True, False)
    """
    line = document[:-1] if document.endswith("\r") else document
    if verdict == IMPLAUSIBLE and min_confidence > FAILED_CONFIDENCE:
        # (what untouched finds first of a line plausible rejects, most garbled lines: up
        # to the default confidence, or with one of mojibake's shapes, the engine looks;
        # asked here without its cache)
        if min_confidence <= DEFAULT_MIN_CONFIDENCE or mojibake_shape(core(line)):
            return False
        return untouched(line, min_confidence, fresh, unproven=True, reads=False, shaped=False)
    if verdict in _UNPROVEN:
        return untouched(line, min_confidence, fresh, unproven=True, reads=_UNPROVEN[verdict])
    return untouched(line, min_confidence, fresh)


def fix_implausible(document: str, options: FixOptions) -> str:
    """``fix`` of ``document``, one line (no ``"\\n"``) that :func:`quick_line_check`
    answered :data:`IMPLAUSIBLE` for, with ``options`` at their defaults and nothing
    learned: :func:`fix_line`'s answer, the common garbled line's route (the line's layers
    as ``fix_line`` repairs them, without its frames; :func:`untouched_line` with that
    verdict is False at the default confidence: the engine looks).

    >>> fix_implausible("naÃ¯ve\\r", FixOptions()), fix_implausible("Efrîka Basur", FixOptions())
    ('naïve\\r', 'Efrîka Basur')
    """
    # (repaired_line, as fix_line asks; the engine's front need not test the line's pages
    # again: front.IMPLAUSIBLE_LINE says they failed)
    if document.endswith("\r"):
        return _layers(document[:-1], options, IMPLAUSIBLE_LINE)[0] + "\r"
    return _layers(document, options, IMPLAUSIBLE_LINE)[0]


def quick_line_check() -> Callable[[str], int]:
    """A compiled verdict on a one-line document: :data:`PROVEN` when
    :func:`untouched_line` holds; :data:`IMPLAUSIBLE`, :data:`PLAUSIBLE` or
    :data:`UNPROVEN` when :func:`~textfix.repair.line.quick_proof` fails for its line (by
    what ``plausible`` says of it); else :data:`ASK`. Without it, a function always
    :data:`ASK`.

    >>> quick_line_check()("Ã©") in (IMPLAUSIBLE, ASK)
    True
    """
    quick = quick_proof()
    module = native()
    if quick is None or module is None:
        return _proves_nothing
    # (a mac-cyrillic capital shown as a cp1251 sign reads well: untouched_line looks; the
    # compiled call answers ASK when one of those signs stands before a small letter)
    module.init_behind("".join(_mac_capitals()))
    compiled: Callable[[str], int] = module.quick_document_line
    return compiled


def _proves_nothing(document: str) -> int:
    return ASK


def find_in_document(
    document: str,
    options: FixOptions,
    context: DocumentContext | None = None,
    *,
    prior: Counter[Chain] | None = None,
    suspicious: bool = False,
    checked: bool = False,
) -> list[Finding]:
    """All findings in ``document``, with document offsets, in order.

    ``suspicious=True`` also reports spans that look garbled but have no confident repair
    (``detect`` wants them; ``fix`` does not pay for looking). ``checked=True``: the caller
    asked :func:`untouched_line` of ``document``, one line, with these options and got
    False (it is not asked again). Without a ``context``, one is
    made (with the caller's ``prior``) when the first line that needs the repairers is met:
    clean documents, the common case, never pay for it (nor for the repairers, see
    :func:`textfix.repair.line.untouched`).

    >>> [(f.start, f.replacement) for f in find_in_document("ok\\nnaÃ¯ve\\n", FixOptions())]
    [(5, 'ï')]
    """
    if document.isascii():
        return []
    # One line, the common call: no bookkeeping. (Its repairers see no chain as shown
    # when the caller brings no context and no prior: fresh.)
    one_line = "\n" not in document
    fresh = one_line and context is None and not prior
    if one_line:
        if not (suspicious or checked) and untouched_line(document, options.min_confidence, fresh):
            return []
        # (what the loop below does for the one line, which has a non-ASCII character and
        # starts at 0: no offsets to shift)
        if context is None:
            context = DocumentContext(prior=prior if prior is not None else Counter())
        line = document[:-1] if document.endswith("\r") else document
        return find_in_line(line, options, context, suspicious=suspicious)
    findings: list[Finding] = []
    for start, end in _suspect_lines(document):
        line = document[start:end]
        if not suspicious and untouched(line, options.min_confidence, fresh):
            continue
        if context is None:
            context = DocumentContext(prior=prior if prior is not None else Counter())
        for f in find_in_line(line, options, context, suspicious=suspicious):
            findings.append(
                Finding(
                    f.start + start, f.end + start, f.original, f.replacement, f.chain, f.confidence
                )
            )
    return findings


def fix_line(document: str, options: FixOptions) -> str:
    """``document``, one line (no ``"\\n"``) with a non-ASCII character, as
    :func:`apply_repairs` leaves it with the findings of :func:`find_in_document` (called
    with ``checked``, no context and no prior) that have a replacement and
    ``min_confidence``: the same text, without building the findings (``fix``'s route for
    a line whose :func:`untouched_line` failed).

    >>> fix_line("naÃ¯ve\\r", FixOptions())
    'naïve\\r'
    """
    if document.endswith("\r"):
        return repaired_line(document[:-1], options, FRESH) + "\r"
    return repaired_line(document, options, FRESH)


def apply_repairs(document: str, repairs: Sequence[Repair | Finding]) -> str:
    """The document with ``repairs`` (in order, not overlapping) applied; findings will do
    (one with no replacement leaves its span as it is).

    >>> found = find_in_document("xÃ©y", FixOptions())
    >>> repairs = [Repair(f.start, f.end, f.original, "é", f.chain, 1.0) for f in found]
    >>> apply_repairs("xÃ©y", repairs)
    'xéy'
    """
    out: list[str] = []
    pos = 0
    for f in repairs:
        if f.replacement is None:
            continue
        out.append(document[pos : f.start])
        out.append(f.replacement)
        pos = f.end
    out.append(document[pos:])
    return "".join(out)
