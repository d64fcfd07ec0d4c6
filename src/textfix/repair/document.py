"""Repair of a whole document: find the suspicious lines cheaply, repair them, reassemble."""

from __future__ import annotations

from collections.abc import Iterator

from ftfy.badness import BADNESS_RE

from textfix.options import FixOptions
from textfix.repair.base import DocumentContext
from textfix.repair.line import find_in_line
from textfix.types import Finding

#: Cheap document-wide signals; a line none of them touches is never looked at again.
#: ftfy repairs nothing that its badness pattern does not flag, so that pattern is the UTF-8
#: pre-filter; each further repairer adds its own.
PREFILTERS = [BADNESS_RE]


def _suspect_lines(document: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each line (without ``\\r\\n``) that a pre-filter flags, in order."""
    hits: set[int] = set()
    for pattern in PREFILTERS:
        for match in pattern.finditer(document):
            hits.add(document.rfind("\n", 0, match.start()) + 1)
            # A match that spans lines flags every line it touches.
            if "\n" in match.group():
                pos = match.start()
                while (pos := document.find("\n", pos, match.end())) >= 0:
                    pos += 1
                    hits.add(pos)
    for start in sorted(hits):
        end = document.find("\n", start)
        if end < 0:
            end = len(document)
        if end > start and document[end - 1] == "\r":
            end -= 1
        yield start, end


def find_in_document(
    document: str, options: FixOptions, context: DocumentContext | None = None
) -> list[Finding]:
    """All findings in ``document``, with document offsets, in order.

    >>> [(f.start, f.replacement) for f in find_in_document("ok\\nnaÃ¯ve\\n", FixOptions())]
    [(5, 'ï')]
    """
    if document.isascii():
        return []
    context = context or DocumentContext()
    findings: list[Finding] = []
    for start, end in _suspect_lines(document):
        for f in find_in_line(document[start:end], options, context):
            findings.append(
                Finding(
                    f.start + start, f.end + start, f.original, f.replacement, f.chain, f.confidence
                )
            )
    return findings


def apply_findings(document: str, findings: list[Finding]) -> str:
    """The document with every finding that carries a replacement applied.

    >>> apply_findings("xÃ©y", find_in_document("xÃ©y", FixOptions()))
    'xéy'
    """
    out: list[str] = []
    pos = 0
    for f in findings:
        if f.replacement is None:
            continue
        out.append(document[pos : f.start])
        out.append(f.replacement)
        pos = f.end
    out.append(document[pos:])
    return "".join(out)
