"""Validated options shared by ``fix``, ``fix_and_explain``, ``detect`` and ``Fixer``."""

from __future__ import annotations

import codecs
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from textfix.types import Chain

Normalization = Literal["NFC", "NFD", "NFKC", "NFKD"]

#: Default bar for applying a repair. Confidence is calibrated so that 0.5 is the point
#: where the evidence for the repair clearly outweighs the evidence against it.
DEFAULT_MIN_CONFIDENCE = 0.5


def canonical_codec(name: str) -> str:
    """Python's canonical name for an encoding, keeping ftfy's ``sloppy-`` prefix.

    >>> [canonical_codec(n) for n in ("latin-1", "Windows-1251", "sloppy-cp1252")]
    ['iso8859-1', 'cp1251', 'sloppy-cp1252']
    """
    name = name.strip().lower()
    if name.startswith("sloppy-"):
        return "sloppy-" + codecs.lookup(name[len("sloppy-") :]).name
    return codecs.lookup(name).name


def _parse_chain_filter(specs: Iterable[str]) -> frozenset[str]:
    """Turn ``["cp1251:latin-1", "utf-8"]`` into canonical ``true:shown`` / ``true`` keys."""
    keys = set()
    for spec in specs:
        if ":" in spec:
            true, shown = spec.split(":", 1)
            keys.add(f"{canonical_codec(true)}:{canonical_codec(shown).removeprefix('sloppy-')}")
        else:
            keys.add(canonical_codec(spec))
    return frozenset(keys)


@dataclass(frozen=True)
class FixOptions:
    """Options for repair. All cosmetic normalisations are off by default.

    >>> FixOptions.make(chains=["cp1251:latin-1"]).allows((("cp1251", "iso8859-1"),))
    True
    >>> FixOptions.make(chains=["cp1251:latin-1"]).allows((("utf-8", "cp1252"),))
    False
    """

    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    chain_filter: frozenset[str] | None = None
    lang: str | None = None
    uncurl_quotes: bool = False
    unescape_html: bool = False
    normalization: Normalization | None = None

    @classmethod
    def make(
        cls,
        *,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
        chains: Iterable[str] | None = None,
        lang: str | None = None,
        uncurl_quotes: bool = False,
        unescape_html: bool = False,
        normalization: Normalization | None = None,
    ) -> FixOptions:
        """Validate user-facing keyword arguments (raises ``ValueError`` on bad options)."""
        if not 0.0 <= float(min_confidence) <= 1.0:
            raise ValueError(f"min_confidence must be in [0, 1], got {min_confidence!r}")
        if normalization not in (None, "NFC", "NFD", "NFKC", "NFKD"):
            raise ValueError(f"unknown normalization {normalization!r}")
        if isinstance(chains, str):
            chains = [chains]
        try:
            chain_filter = None if chains is None else _parse_chain_filter(chains)
        except LookupError as exc:
            raise ValueError(f"unknown encoding in chains: {exc}") from None
        return cls(
            min_confidence=float(min_confidence),
            chain_filter=chain_filter,
            lang=lang.lower() if lang else None,
            uncurl_quotes=uncurl_quotes,
            unescape_html=unescape_html,
            normalization=normalization,
        )

    @property
    def normalizes(self) -> bool:
        """Whether any opt-in normalisation was asked for."""
        return self.uncurl_quotes or self.unescape_html or self.normalization is not None

    def allows(self, chain: Chain) -> bool:
        """Whether ``chain`` passes the ``chains=`` filter (every step must be allowed)."""
        if self.chain_filter is None:
            return True
        for true, shown in chain:
            plain_true = true.removeprefix("sloppy-")
            plain_shown = shown.removeprefix("sloppy-")
            if plain_true not in self.chain_filter and (
                f"{plain_true}:{plain_shown}" not in self.chain_filter
            ):
                return False
        return True
