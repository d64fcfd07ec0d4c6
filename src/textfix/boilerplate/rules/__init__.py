"""Phrase rules: the per-language JSON data files in this folder and their loader.

See :mod:`textfix.boilerplate.rules.loader` and ``docs/boilerplate.md`` for the format.
"""

from textfix.boilerplate.rules.loader import (
    BUILTIN_LANGUAGES,
    EDIT_ANCHORS,
    DropRule,
    RuleError,
    RuleSet,
    RulesMode,
    builtin,
    load_rule_file,
    merge,
    normalise_for_match,
    parse_rules,
    ruleset,
)

__all__ = [
    "BUILTIN_LANGUAGES",
    "EDIT_ANCHORS",
    "DropRule",
    "RuleError",
    "RuleSet",
    "RulesMode",
    "builtin",
    "load_rule_file",
    "merge",
    "normalise_for_match",
    "parse_rules",
    "ruleset",
]
