"""textfix: repair mojibake in any code page, decode unknown bytes, strip boilerplate.

>>> import textfix
>>> textfix.fix("cafÃ© crÃ¨me")
'café crème'
"""

from textfix._version import __version__
from textfix.api import Fixer, detect, fix, fix_and_explain
from textfix.boilerplate import REASONS, BoilerplateModel, LineVerdict, Stripped, strip_boilerplate
from textfix.types import Chain, Finding, Fixed, Repair, Step, chain_label

__all__ = [
    "REASONS",
    "BoilerplateModel",
    "Chain",
    "Finding",
    "Fixed",
    "Fixer",
    "LineVerdict",
    "Repair",
    "Step",
    "Stripped",
    "__version__",
    "chain_label",
    "detect",
    "fix",
    "fix_and_explain",
    "strip_boilerplate",
]
