"""ftfy's badness pattern as data, for the compiled matcher in ``_cplausible``.

``ftfy.badness.BADNESS_RE`` is one alternation of short fixed sequences of character classes
(``[{bad}][{lower_accented}]``...). Read from the pattern's own parse tree, each alternative
becomes a tuple of class indices and each class its listed characters plus categories
(``\\s``, ``\\w``, ``\\d``, any but a newline), which is all the compiled matcher needs to
answer ``BADNESS_RE.search(text) is not None`` in one pass (and, the alternatives listed in
the order ``re`` tries them, to count the matches ``findall`` finds: ftfy's ``badness``). A
pattern using anything else gives ``None`` (the regular expression is then used as it is).

>>> named, classes, alternatives = program(re.compile("[ab]c|^x?y"))
>>> named, alternatives
('abcxy', [(False, (0, 1)), (True, (2, 3)), (True, (3,))])
"""

from __future__ import annotations

import re
from typing import Any

try:  # Python 3.11+
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse

#: (negate, ``\\s``, ``\\w``, any but ``\\n``, ``\\d``, listed characters)
Class = tuple[bool, bool, bool, bool, bool, str]
Alternative = tuple[bool, tuple[int, ...]]

#: Flags that change what a class or ``^`` means (the matcher knows none of them).
_UNSUPPORTED_FLAGS = re.IGNORECASE | re.ASCII | re.LOCALE | re.MULTILINE | re.DOTALL
_CATEGORIES = {"CATEGORY_SPACE": 1, "CATEGORY_WORD": 2, "CATEGORY_DIGIT": 4}
#: Ranges wider than this are not spelled out (the pattern's are a few dozen characters).
_MAX_RANGE = 4096


def _class(op: Any, av: Any) -> Class | None:
    """One element of a sequence as a class, or ``None`` when it is something else."""
    name = str(op)
    if name in ("LITERAL", "NOT_LITERAL"):
        return (name == "NOT_LITERAL", False, False, False, False, chr(av))
    if name == "ANY":
        return (False, False, False, True, False, "")
    if name != "IN":
        return None
    negate, cats, chars = False, 0, []
    for kind, value in av:
        kind = str(kind)
        if kind == "NEGATE":
            negate = True
        elif kind == "LITERAL":
            chars.append(chr(value))
        elif kind == "RANGE" and value[1] - value[0] < _MAX_RANGE:
            chars.extend(map(chr, range(value[0], value[1] + 1)))
        elif kind == "CATEGORY" and str(value) in _CATEGORIES:
            cats |= _CATEGORIES[str(value)]
        else:
            return None
    return (negate, bool(cats & 1), bool(cats & 2), False, bool(cats & 4), "".join(chars))


def _variants(branch: Any) -> list[tuple[bool, list[Class]]] | None:
    """The fixed sequences one branch stands for (``x?`` gives two), anchored or not."""
    variants: list[tuple[bool, list[Class]]] = [(False, [])]
    for i, (op, av) in enumerate(branch):
        if str(op) == "AT" and str(av) == "AT_BEGINNING" and i == 0:
            variants = [(True, seq) for _anchored, seq in variants]
            continue
        if str(op) == "MAX_REPEAT" and av[0] == 0 and av[1] == 1 and len(av[2]) == 1:
            optional = _class(*next(iter(av[2])))
            if optional is None:
                return None
            # (greedy: the longer variant first, the one ``re`` tries first, so that the
            # order of the alternatives is the order in which ``re`` tries them)
            variants = [v for a, seq in variants for v in ((a, [*seq, optional]), (a, seq))]
            continue
        cls = _class(op, av)
        if cls is None:
            return None
        variants = [(a, [*seq, cls]) for a, seq in variants]
    return variants


def program(pattern: re.Pattern[str]) -> tuple[str, list[Class], list[Alternative]] | None:
    """The characters any class lists, the classes, and the alternatives of ``pattern`` as
    ``(anchored at the start, class indices)``, in the order ``re`` tries them; ``None``
    when the pattern is not one alternation of fixed sequences of classes."""
    if pattern.flags & _UNSUPPORTED_FLAGS or not isinstance(pattern.pattern, str):
        return None
    tree = list(sre_parse.parse(pattern.pattern, pattern.flags))
    branches = tree[0][1][1] if len(tree) == 1 and str(tree[0][0]) == "BRANCH" else [tree]
    classes: dict[Class, int] = {}
    alternatives: list[Alternative] = []
    for branch in branches:
        variants = _variants(branch)
        if variants is None or any(not seq for _anchored, seq in variants):
            return None
        for anchored, seq in variants:
            indices = tuple(classes.setdefault(c, len(classes)) for c in seq)
            alternatives.append((anchored, indices))
    named = "".join(sorted({ch for c in classes for ch in c[5]}))
    return named, list(classes), alternatives
