"""Boilerplate stripping for plain text: phrase rules, edits, repeats, main span, site models.

>>> strip_boilerplate("Hello.").text
'Hello.'
"""

from textfix.boilerplate.engine import strip_boilerplate
from textfix.boilerplate.model import BoilerplateModel
from textfix.boilerplate.rules import BUILTIN_LANGUAGES, RuleError
from textfix.boilerplate.types import REASONS, LineVerdict, Stripped

__all__ = [
    "BUILTIN_LANGUAGES",
    "REASONS",
    "BoilerplateModel",
    "LineVerdict",
    "RuleError",
    "Stripped",
    "strip_boilerplate",
]
