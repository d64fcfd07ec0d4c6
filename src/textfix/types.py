"""Result types shared by every stage: what was found, what was repaired, and why.

Offsets are code-point offsets into the text that was passed in, so that
``text[r.start:r.end] == r.original`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: One mis-decoding step: ``(true_encoding, shown_as)``, Python's canonical codec names
#: (``codecs.lookup(name).name``), with a ``sloppy-`` prefix for ftfy's lenient code pages.
Step = tuple[str, str]
#: A chain of steps, innermost (the text's true encoding) first.
Chain = tuple[Step, ...]


@dataclass(frozen=True)
class Finding:
    """A span that looks mis-decoded.

    ``replacement`` is ``None`` when the span looks garbled but no repair was
    confident enough; ``chain`` is then the best guess (possibly empty).

    >>> f = Finding(0, 2, "Ã©", "é", (("utf-8", "cp1252"),), 0.99)
    >>> f.repairable
    True
    """

    start: int
    end: int
    original: str
    replacement: str | None
    chain: Chain
    confidence: float

    @property
    def repairable(self) -> bool:
        """True when the finding carries a replacement."""
        return self.replacement is not None


@dataclass(frozen=True)
class Repair:
    """A span that was repaired by an exact round trip through ``chain``.

    ``confidence`` is in [0, 1]; see ``docs/confidence.md`` for how it is computed.

    >>> r = Repair(4, 6, "Ã©", "é", (("utf-8", "cp1252"),), 0.99)
    >>> r.chain_label
    'utf-8 shown as cp1252'
    """

    start: int
    end: int
    original: str
    replacement: str
    chain: Chain
    confidence: float

    @property
    def chain_label(self) -> str:
        """Human-readable chain, outermost layer last, e.g. ``'cp1251 shown as latin-1'``."""
        return chain_label(self.chain)


@dataclass(frozen=True)
class Fixed:
    """The result of :func:`textfix.fix_and_explain`.

    >>> Fixed("abc", []).changed
    False
    """

    text: str
    repairs: list[Repair] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True when at least one span was repaired."""
        return bool(self.repairs)


_DISPLAY = {"iso8859-1": "latin-1"}


def chain_label(chain: Chain) -> str:
    """Describe a chain in words.

    >>> chain_label((("cp1251", "iso8859-1"),))
    'cp1251 shown as latin-1'
    >>> chain_label((("cp1251", "cp1252"), ("utf-8", "cp1252")))
    'cp1251 shown as cp1252, then utf-8 shown as cp1252'
    """
    if not chain:
        return "unknown"
    return ", then ".join(
        f"{_DISPLAY.get(true, true)} shown as {_DISPLAY.get(shown, shown)}" for true, shown in chain
    )
