"""ftfy's badness pattern as data, for the compiled matcher in ``_cplausible``.

``ftfy.badness.BADNESS_RE`` is one alternation of short fixed sequences of character classes
(``[{bad}][{lower_accented}]``...). Read from the pattern's own parse tree, each alternative
becomes a tuple of class indices and each class its listed characters plus categories
(``\\s``, ``\\w``, ``\\d``, any but a newline), which is all the compiled matcher needs to
answer ``BADNESS_RE.search(text) is not None`` in one pass (and, the alternatives listed in
the order ``re`` tries them, to count the matches ``findall`` finds: ftfy's ``badness``). A
pattern using anything else gives ``None`` (the regular expression is then used as it is).
:func:`repeated_program` reads ftfy's ``UTF8_DETECTOR_RE`` the same way: such an
alternation repeated (``(...)+``) after a lookbehind of one class, whose ``finditer`` spans
the compiled matcher then finds (``{n}`` repeats of one class are spelled out in both).

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
#: The longest fixed repeat ``{n}`` spelled out (the matcher's sequences hold 8 classes).
_MAX_TIMES = 8


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
        if str(op) == "MAX_REPEAT" and 1 <= av[0] == av[1] <= _MAX_TIMES and len(av[2]) == 1:
            repeated = _class(*next(iter(av[2])))  # (``[...]{n}``: the class n times)
            if repeated is None:
                return None
            variants = [(a, [*seq, *[repeated] * av[0]]) for a, seq in variants]
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
    spelled = _alternatives(_branches(list(sre_parse.parse(pattern.pattern, pattern.flags))))
    if spelled is None:
        return None
    classes, alternatives = spelled
    named = "".join(sorted({ch for c in classes for ch in c[5]}))
    return named, list(classes), alternatives


def _branches(tree: list[Any]) -> Any:
    """The branches of a parse tree: those of its one alternation, or the tree itself."""
    return tree[0][1][1] if len(tree) == 1 and str(tree[0][0]) == "BRANCH" else [tree]


def _alternatives(branches: Any) -> tuple[dict[Class, int], list[Alternative]] | None:
    """The classes (numbered) and the alternatives of ``branches``, in the order ``re``
    tries them, or ``None`` when a branch is not a fixed sequence of classes."""
    classes: dict[Class, int] = {}
    alternatives: list[Alternative] = []
    for branch in branches:
        variants = _variants(branch)
        if variants is None or any(not seq for _anchored, seq in variants):
            return None
        for anchored, seq in variants:
            indices = tuple(classes.setdefault(c, len(classes)) for c in seq)
            alternatives.append((anchored, indices))
    return classes, alternatives


#: :func:`program`'s answer for a repeated alternation, and its lookbehind's class (or -1).
Repeated = tuple[str, list[Class], list[Alternative], int]


def repeated_program(pattern: re.Pattern[str]) -> Repeated | None:
    """``pattern`` of the shape ``(?<![...])(A|B|...)+`` (ftfy's ``UTF8_DETECTOR_RE``; the
    lookbehind of one class is optional, the group may be bare), with alternatives of the
    shape :func:`program` reads, as :func:`program`'s tables of the alternation plus the
    index of the lookbehind's class (-1 without one); ``None`` for any other shape.

    Its ``finditer`` is then: at each position the lookbehind allows, the first alternative
    (in the order ``re`` tries them) that matches there, then the first that matches right
    after it, and so on while one does (the pattern ends with the repeat, so ``re`` never
    backtracks into it).

    >>> named, classes, alternatives, behind = repeated_program(re.compile("(?<![x])(ab|c{2})+"))
    >>> named, alternatives, classes[behind][5]
    ('abcx', [(False, (0, 1)), (False, (2, 2))], 'x')
    """
    if pattern.flags & _UNSUPPORTED_FLAGS or not isinstance(pattern.pattern, str):
        return None
    tree = [(str(op), av) for op, av in sre_parse.parse(pattern.pattern, pattern.flags)]
    behind = None
    if len(tree) == 2 and tree[0][0] == "ASSERT_NOT" and tree[0][1][0] == -1:
        looked = list(tree[0][1][1])
        behind = _class(*looked[0]) if len(looked) == 1 else None
        if behind is None:
            return None
        tree = tree[1:]
    if len(tree) != 1 or tree[0][0] != "MAX_REPEAT" or tree[0][1][:2] != (1, sre_parse.MAXREPEAT):
        return None
    body = list(tree[0][1][2])
    if len(body) == 1 and str(body[0][0]) == "SUBPATTERN" and body[0][1][1:3] == (0, 0):
        body = list(body[0][1][3])  # (a group adding or removing no flag)
    spelled = _alternatives(_branches(body))
    if spelled is None or any(anchored for anchored, _seq in spelled[1]):
        return None
    classes, alternatives = spelled
    index = -1 if behind is None else classes.setdefault(behind, len(classes))
    named = "".join(sorted({ch for c in classes for ch in c[5]}))
    return named, list(classes), alternatives, index
