"""textfix: repair mojibake in any code page, decode unknown bytes, strip boilerplate.

>>> import textfix
>>> textfix.fix("cafÃ© crÃ¨me")
'café crème'

The decoding and boilerplate stages are imported on first use of one of their names, so
that ``import textfix`` stays fast for programs that only repair text.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from textfix._version import __version__
from textfix.api import Fixer, detect, fix, fix_and_explain
from textfix.types import Chain, Finding, Fixed, Repair, Step, chain_label

if TYPE_CHECKING:
    from textfix.boilerplate import (
        REASONS,
        BoilerplateModel,
        LineVerdict,
        Stripped,
        strip_boilerplate,
    )
    from textfix.decoding import Decoded, DecodeError, Segment, Undecodable, decode, read_text
    from textfix.decoding.stream import TextStream, open_text

#: Public name -> the module that defines it, for the stages loaded on first use.
_LAZY = {
    "DecodeError": "textfix.decoding",
    "Decoded": "textfix.decoding",
    "Segment": "textfix.decoding",
    "Undecodable": "textfix.decoding",
    "decode": "textfix.decoding",
    "read_text": "textfix.decoding",
    "TextStream": "textfix.decoding.stream",
    "open_text": "textfix.decoding.stream",
    "REASONS": "textfix.boilerplate",
    "BoilerplateModel": "textfix.boilerplate",
    "LineVerdict": "textfix.boilerplate",
    "Stripped": "textfix.boilerplate",
    "strip_boilerplate": "textfix.boilerplate",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'textfix' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "REASONS",
    "BoilerplateModel",
    "Chain",
    "DecodeError",
    "Decoded",
    "Finding",
    "Fixed",
    "Fixer",
    "LineVerdict",
    "Repair",
    "Segment",
    "Step",
    "Stripped",
    "TextStream",
    "Undecodable",
    "__version__",
    "chain_label",
    "decode",
    "detect",
    "fix",
    "fix_and_explain",
    "open_text",
    "read_text",
    "strip_boilerplate",
]
