"""textfix: repair mojibake in any code page, decode unknown bytes, strip boilerplate.

>>> import textfix
>>> textfix.fix("cafÃ© crÃ¨me")
'café crème'
"""

from textfix._version import __version__
from textfix.api import Fixer, detect, fix, fix_and_explain
from textfix.types import Chain, Finding, Fixed, Repair, Step, chain_label

__all__ = [
    "Chain",
    "Finding",
    "Fixed",
    "Fixer",
    "Repair",
    "Step",
    "__version__",
    "chain_label",
    "detect",
    "fix",
    "fix_and_explain",
]
