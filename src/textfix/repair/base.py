"""What a repairer returns, and the per-document evidence repairers may share."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from textfix._native import load
from textfix.types import Chain


class Step(NamedTuple):
    """One layer of repair applied to a whole line: the line after it, its chain, how sure.

    >>> Step("café", (("utf-8", "cp1252"),), 0.99).chain
    (('utf-8', 'cp1252'),)
    """

    text: str
    chain: Chain
    confidence: float


#: The ``__new__`` that ``NamedTuple`` wrote for :class:`Step` (the reference of the
#: compiled ``step_new``, which builds the same tuple without a Python frame: every
#: repairer's step, one or two a garbled line, is made through it).
_STEP_NEW = Step.__new__
_CPLAUSIBLE = load("textfix.repair._cplausible")
if _CPLAUSIBLE is not None:
    Step.__new__ = staticmethod(_CPLAUSIBLE.step_new)  # type: ignore[method-assign]


@dataclass
class DocumentContext:
    """Evidence gathered inside one document (one ``fix`` call), or given by the caller.

    ``chains`` counts chains repaired with high confidence so far; repairers may lower their
    bar for a chain the document has already shown. ``prior`` is the caller's opt-in evidence
    (``Fixer.learn``); it is never filled implicitly across calls.
    """

    chains: Counter[Chain] = field(default_factory=Counter)
    prior: Counter[Chain] = field(default_factory=Counter)

    def seen(self, chain: Chain) -> int:
        """How often ``chain`` has been shown in this document or the caller's sample."""
        # (get: a Counter's missing key is a Python call, and nearly every chain is unseen)
        return self.chains.get(chain, 0) + self.prior.get(chain, 0)
