"""Presenting findings: positions as line/column, ``--explain`` lines, the JSON schema."""

from __future__ import annotations

import bisect
import json
from collections.abc import Sequence
from typing import Any

from textfix.types import Finding, Repair, chain_label

#: Version of the ``--json`` document layout; bumped on any incompatible change.
JSON_SCHEMA = "textfix.findings/1"


class Positions:
    """Maps code-point offsets of a document to 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        pos = text.find("\n")
        while pos >= 0:
            self._starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset.

        >>> Positions("ab\\ncd").line_col(4)
        (2, 2)
        """
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1


def explain_line(name: str, positions: Positions, finding: Finding | Repair) -> str:
    """One ``--explain`` line: ``FILE:LINE:COL: chain (confidence): 'before' -> 'after'``."""
    line, col = positions.line_col(finding.start)
    if finding.replacement is None:
        what = f"looks garbled, no confident repair: {finding.original!r}"
    else:
        what = f"{finding.original!r} -> {finding.replacement!r}"
    label = chain_label(finding.chain)
    return f"{name}:{line}:{col}: {label} (confidence {finding.confidence:.2f}): {what}"


def finding_json(positions: Positions, finding: Finding) -> dict[str, Any]:
    """One finding as a JSON object."""
    line, col = positions.line_col(finding.start)
    return {
        "line": line,
        "column": col,
        "start": finding.start,
        "end": finding.end,
        "original": finding.original,
        "replacement": finding.replacement,
        "chain": [list(step) for step in finding.chain],
        "chain_label": chain_label(finding.chain),
        "confidence": round(finding.confidence, 4),
    }


def findings_document(name: str, encoding: str, text: str, findings: Sequence[Finding]) -> str:
    """The ``--json`` document for one file, on one line."""
    positions = Positions(text)
    doc = {
        "schema": JSON_SCHEMA,
        "file": name,
        "encoding": encoding,
        "repairs": sum(1 for f in findings if f.replacement is not None),
        "suspicious": sum(1 for f in findings if f.replacement is None),
        "findings": [finding_json(positions, f) for f in findings],
    }
    return json.dumps(doc, ensure_ascii=False)
