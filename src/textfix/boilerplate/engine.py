"""``strip_boilerplate``: run the layers over one document and explain every removal.

Order of the layers (the first that decides a line wins):

1. phrase rules of the document's language (``rules/<lang>.json`` + ``common.json``);
2. the learned :class:`~textfix.boilerplate.model.BoilerplateModel`, when given;
3. in-line edits (``[email protected]``, trailing "Read more", leading "Share this:");
4. exact repeats of an earlier headline-like line;
5. lines outside the main prose span.

Output: the kept and edited lines, each with its own line ending (``"\\n"`` or
``"\\r\\n"``); the last kept line gets the ending the document's last line had, so a
document keeps or lacks its final newline. Blank lines that a removal leaves next to
another blank line, or at the start or end of the output, are dropped
(``collapsed-blank``). When nothing is removed, ``.text == text``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from textfix.boilerplate.edits import apply_edit
from textfix.boilerplate.langid import languages_for, stopwords_for
from textfix.boilerplate.mainspan import Evidence, outside_main_text
from textfix.boilerplate.model import BoilerplateModel
from textfix.boilerplate.repeats import first_occurrences, repeated_lines
from textfix.boilerplate.rules import RulesMode, ruleset
from textfix.boilerplate.types import LineVerdict, Stripped
from textfix.lines import Line, iter_lines

#: The layers, in the order they decide (the first that decides a line wins).
LAYERS = ("rules", "model", "edits", "repeats", "mainspan")
#: Comment-section headers: no kept run crosses them, and prose after them counts little.
BARRIER_REASONS = frozenset({"comments"})
#: Section headers ("Related articles", "Newsletter") weaken the prose after them; an
#: inline teaser ("Read also: Council votes on budget") is not a header.
HEADER_REASONS = frozenset({"read-also", "newsletter"})
HEADER_MAX_LENGTH = 50


def strip_boilerplate(
    text: str,
    *,
    lang: str | None = None,
    model: BoilerplateModel | None = None,
    rules: Sequence[str | Path] | str | Path | None = None,
    rules_mode: RulesMode = "extend",
    layers: Collection[str] = LAYERS,
) -> Stripped:
    """Remove boilerplate lines from a plain-text page; every removal has a reason.

    ``lang`` is a language code (``"en"``, ``"de-AT"``...) or ``None`` to guess it;
    ``rules`` are extra rule files, used before the built-in ones, or instead of
    them with ``rules_mode="replace"``. ``layers`` selects layers by name (see
    :data:`LAYERS`), to measure each on its own; the default runs them all.

    >>> page = "Big news today\\nBig news today\\n" + "A sentence of the article. " * 6
    >>> r = strip_boilerplate(page + "\\nWe use cookies to improve your experience.", lang="en")
    >>> [(v.action, v.reason) for v in r.lines]
    [('keep', None), ('drop', 'repeated-line'), ('keep', None), ('drop', 'cookie-banner')]
    >>> strip_boilerplate("Just one clean line.\\n").text
    'Just one clean line.\\n'
    """
    if not isinstance(text, str):
        raise TypeError(f"strip_boilerplate() needs a str, not {type(text).__name__}")
    unknown = set(layers) - set(LAYERS)
    if unknown:
        raise ValueError(f"unknown layers {sorted(unknown)}; choose from {list(LAYERS)}")
    lines = list(iter_lines(text))
    texts = [line.text for line in lines]
    if isinstance(rules, (str, Path)):  # one path, not a sequence of characters
        rules = [rules]
    langs = languages_for(text, lang)
    rs = ruleset(langs, tuple(rules or ()), rules_mode)

    use_rules, use_edits = "rules" in layers, "edits" in layers
    use_model = model is not None and "model" in layers
    verdicts: dict[int, LineVerdict] = {}
    for i, t in enumerate(texts):
        if not t.strip():
            continue
        reason = rs.drop_reason(t) if use_rules else None
        if reason is None and use_model and model is not None and model.is_furniture(t):
            reason = "site-template"
        if reason is not None:
            verdicts[i] = LineVerdict(t, "drop", None, reason)
            continue
        new, edit_reason = apply_edit(t, rs) if use_edits else (None, None)
        if new is not None and edit_reason is not None:
            verdicts[i] = (
                LineVerdict(t, "edit", new, edit_reason)
                if new.strip()
                else LineVerdict(t, "drop", None, edit_reason)
            )
    repeats = repeated_lines(texts) if "repeats" in layers else set()
    for i in repeats:
        verdicts.setdefault(i, LineVerdict(texts[i], "drop", None, "repeated-line"))

    removed = {i for i, v in verdicts.items() if v.action == "drop"}
    barriers = {i for i in removed if verdicts[i].reason in BARRIER_REASONS}
    sections = {i for i in removed if _is_section_header(verdicts[i])}
    titles = first_occurrences(texts, repeats)
    evidence = Evidence(removed, barriers, sections, titles, stopwords_for(langs))
    if "mainspan" in layers:
        for i in outside_main_text(texts, evidence):
            verdicts[i] = LineVerdict(texts[i], "drop", None, "outside-main-text")

    return _assemble(lines, verdicts)


def _is_section_header(v: LineVerdict) -> bool:
    head = v.text.strip().rstrip(":")
    return v.reason in HEADER_REASONS and len(head) <= HEADER_MAX_LENGTH and ":" not in head


def _assemble(lines: Sequence[Line], verdicts: dict[int, LineVerdict]) -> Stripped:
    """Build the output text, collapsing blank runs that removals created."""
    final: list[LineVerdict] = []
    kept: list[int] = []  # indexes into ``final`` of lines that are output
    removed_since = False
    for i, line in enumerate(lines):
        v = verdicts.get(i, LineVerdict(line.text, "keep"))
        blank = v.action == "keep" and not line.text.strip()
        if v.action == "drop":
            removed_since = True
        elif blank and removed_since and (not kept or not final[kept[-1]].text.strip()):
            v = LineVerdict(line.text, "drop", None, "collapsed-blank")
        else:
            kept.append(len(final))
            removed_since = False
        final.append(v)
    if removed_since:  # blank lines left dangling at the end by removals
        while kept and not final[kept[-1]].text.strip():
            j = kept.pop()
            final[j] = LineVerdict(final[j].text, "drop", None, "collapsed-blank")

    pieces: list[str] = []
    for n, j in enumerate(kept):
        v = final[j]
        body = v.output if v.action == "edit" and v.output is not None else v.text
        ending = lines[-1].ending if n == len(kept) - 1 else lines[j].ending
        pieces.append(body + ending)
    return Stripped("".join(pieces), final)
