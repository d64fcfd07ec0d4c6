"""Phrase rules: one JSON data file per language, loaded lazily and cached.

A rule file looks like this (full description in ``docs/boilerplate.md``)::

    {"lang": "en",
     "drop": {"cookie-banner": {"max_len": 700, "patterns": ["^we use cookies"]}},
     "edits": {"read-more": ["\\\\s*read more$"], "share-prefix": ["^share this\\\\s*:\\\\s*"]}}

Drop patterns are case-insensitive regular expressions matched against the stripped
line; each must be anchored (start with ``^`` or end with ``$``) and only applies to
lines no longer than ``max_len``, so that prose which merely mentions cookies or
sharing is never removed.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

RulesMode = Literal["extend", "replace"]

#: Languages shipped with textfix (one ``rules/<lang>.json`` each).
BUILTIN_LANGUAGES = ("en", "uk", "ru", "de", "fr", "es", "pl", "it", "pt")
#: Edit classes and the anchoring each of their patterns needs.
EDIT_ANCHORS = {"read-more": "$", "share-prefix": "^", "email-placeholder": ""}
_REASON_SLUG = re.compile(r"^[a-z][a-z0-9-]*$")
_DEFAULT_MAX_LEN = 200


class RuleError(ValueError):
    """A rule file is missing, unreadable or malformed."""


@dataclass(frozen=True)
class DropRule:
    """Lines of at most ``max_len`` characters matching ``pattern`` are dropped for ``reason``."""

    reason: str
    max_len: int
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class RuleSet:
    """Compiled rules of one or more files, in priority order.

    >>> rs = ruleset(("en",))
    >>> rs.drop_reason("We use cookies to improve your experience.")
    'cookie-banner'
    >>> rs.drop_reason("We use cookies in this recipe, and they taste great.") is None
    True
    >>> rs.drop_reason("My grandmother said we use cookies as a reward.") is None
    True
    """

    drops: tuple[DropRule, ...]
    edits: dict[str, tuple[re.Pattern[str], ...]]
    #: Longest line any drop rule applies to.
    max_len: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "max_len", max((r.max_len for r in self.drops), default=0))

    def drop_reason(self, line: str) -> str | None:
        """The reason of the first drop rule matching ``line``, else ``None``."""
        if len(line) > 2 * self.max_len + 100:  # no rule applies; skip normalising it
            return None
        key = normalise_for_match(line)
        n = len(key)
        if not key or n > self.max_len:
            return None
        for rule in self.drops:
            if n <= rule.max_len and rule.pattern.search(key):
                return rule.reason
        return None


def normalise_for_match(line: str) -> str:
    """Strip the line and turn no-break and other spaces into plain ones.

    >>> normalise_for_match("\\u00a0 Share\\u00a0this ")
    'Share this'
    """
    return " ".join(line.split())


def _check_anchor(pattern: str, where: str, anchor: str) -> None:
    ok = {
        "^": pattern.startswith("^"),
        "$": pattern.endswith("$"),
        "": True,
        "any": pattern.startswith("^") or pattern.endswith("$"),
    }[anchor]
    if not ok:
        need = {"^": "start with '^'", "$": "end with '$'", "any": "be anchored with ^ or $"}
        raise RuleError(f"{where}: pattern {pattern!r} must {need[anchor]}")


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise RuleError(f"{where}: bad pattern {pattern!r}: {exc}") from None


def parse_rules(data: Any, where: str) -> RuleSet:
    """Validate and compile the content of one rule file."""
    if not isinstance(data, dict):
        raise RuleError(f"{where}: a rule file is a JSON object")
    drops: list[DropRule] = []
    for reason, spec in (data.get("drop") or {}).items():
        if not _REASON_SLUG.match(reason) or not isinstance(spec, dict):
            raise RuleError(f"{where}: bad drop class {reason!r}")
        max_len = spec.get("max_len", _DEFAULT_MAX_LEN)
        if not isinstance(max_len, int) or not 1 <= max_len <= 5000:
            raise RuleError(f"{where}: {reason}: max_len must be an integer in [1, 5000]")
        patterns = spec.get("patterns", [])
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise RuleError(f"{where}: {reason}: patterns must be a list of strings")
        for p in patterns:
            _check_anchor(p, f"{where}: {reason}", "any")
        if patterns:
            joined = "|".join(f"(?:{p})" for p in patterns)
            drops.append(DropRule(reason, max_len, _compile(joined, f"{where}: {reason}")))
    edits: dict[str, tuple[re.Pattern[str], ...]] = {}
    for kind, patterns in (data.get("edits") or {}).items():
        if kind not in EDIT_ANCHORS or not isinstance(patterns, list):
            raise RuleError(f"{where}: unknown edit class {kind!r}")
        for p in patterns:
            _check_anchor(p, f"{where}: {kind}", EDIT_ANCHORS[kind])
        edits[kind] = tuple(_compile(p, f"{where}: {kind}") for p in patterns)
    return RuleSet(tuple(drops), edits)


def merge(sets: Iterable[RuleSet]) -> RuleSet:
    """Concatenate rule sets; earlier sets win on conflicts."""
    drops: list[DropRule] = []
    edits: dict[str, tuple[re.Pattern[str], ...]] = {}
    for rs in sets:
        drops.extend(rs.drops)
        for kind, pats in rs.edits.items():
            edits[kind] = edits.get(kind, ()) + pats
    return RuleSet(tuple(drops), edits)


_lock = threading.Lock()


@cache
def builtin(name: str) -> RuleSet:
    """The compiled built-in rule file ``rules/<name>.json`` (``name`` may be ``common``)."""
    if name != "common" and name not in BUILTIN_LANGUAGES:
        raise RuleError(f"no built-in rules for language {name!r}")
    with _lock:
        text = (
            resources.files("textfix.boilerplate.rules")
            .joinpath(f"{name}.json")
            .read_text(encoding="utf-8")
        )
    return parse_rules(json.loads(text), f"rules/{name}.json")


@lru_cache(maxsize=64)
def load_rule_file(path: str) -> RuleSet:
    """Load a user rule file (cached by path)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RuleError(f"{path}: cannot read rule file: {exc}") from None
    return parse_rules(data, path)


def ruleset(
    langs: Sequence[str],
    extra: Sequence[str | Path] = (),
    mode: RulesMode = "extend",
) -> RuleSet:
    """Rules for ``langs`` (built-in) plus the user files ``extra``.

    With ``mode="replace"`` only the user files are used.

    >>> ruleset(("de",)).drop_reason("Alle Rechte vorbehalten.")
    'copyright'
    """
    if mode not in ("extend", "replace"):
        raise ValueError(f"rules_mode must be 'extend' or 'replace', got {mode!r}")
    user = [load_rule_file(str(p)) for p in extra]
    if mode == "replace":
        return merge(user)
    known = [lang for lang in langs if lang in BUILTIN_LANGUAGES]
    return (
        _builtin_merged(tuple(known)) if not user else merge([*user, _builtin_merged(tuple(known))])
    )


@lru_cache(maxsize=64)
def _builtin_merged(langs: tuple[str, ...]) -> RuleSet:
    others = tuple(lang for lang in BUILTIN_LANGUAGES if lang not in langs)
    return merge([*(builtin(lang) for lang in langs), builtin("common"), _site_notices(others)])


#: Classes that sites print in another language than the page's (a Ukrainian site's
#: English article keeps its Ukrainian error-report footer and language notice). Their
#: patterns are specific enough to apply in every built-in language.
CROSS_LANGUAGE = frozenset({"language-notice", "error-report", "cookie-banner"})


@lru_cache(maxsize=64)
def _site_notices(langs: tuple[str, ...]) -> RuleSet:
    drops = [r for lang in langs for r in builtin(lang).drops if r.reason in CROSS_LANGUAGE]
    return RuleSet(tuple(drops), {})
