"""Expand a hunspell dictionary into word forms with its affix rules (for build_langdata.py).

Hunspell stores stems with affix flags (``dien/AB``) and rules saying what each flag does
(``SFX A  0  ų  n``: append ``ų`` after a stem ending in ``n``). A 28,000-word frequency list
lacks most inflected forms of Baltic, Turkish or Croatian words; the expanded forms fill that
gap. Only one level is expanded (each stem's suffixes and prefixes, and prefix + suffix where
the rules allow cross products); continuation classes and compounding are left out, which
keeps the output to common, regular forms.

>>> rules = parse_affixes("SET UTF-8\\nSFX A Y 1\\nSFX A 0 ų n\\nPFX B Y 1\\nPFX B 0 ne .\\n")
>>> sorted(expand("dien", ["A", "B"], rules))
['dien', 'dienų', 'nedien', 'nedienų']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

#: One affix rule: text stripped from the stem, text added, condition on the stem, and
#: whether it combines with affixes of the other kind.
Rule = tuple[str, str, "re.Pattern[str]", bool]


@dataclass
class Affixes:
    """The parsed affix file: flag syntax, aliases and the prefix/suffix rules by flag."""

    encoding: str = "iso8859-1"
    flag_mode: str = "char"
    aliases: list[str] = field(default_factory=list)
    suffixes: dict[str, list[Rule]] = field(default_factory=dict)
    prefixes: dict[str, list[Rule]] = field(default_factory=dict)


def _encoding(raw: bytes) -> str:
    m = re.search(rb"^SET\s+(\S+)", raw.replace(b"\xef\xbb\xbf", b""), re.M)
    return m.group(1).decode() if m else "iso8859-1"


def parse_affixes(text: str) -> Affixes:
    """Read the parts of an ``.aff`` file that say how words are formed."""
    aff = Affixes()
    cross: dict[str, bool] = {}
    for line in text.replace("\ufeff", "").split("\n"):
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        key = parts[0]
        if key == "SET" and len(parts) > 1:
            aff.encoding = parts[1]
        elif key == "FLAG" and len(parts) > 1:
            aff.flag_mode = parts[1]
        elif key == "AF" and len(parts) > 1 and not parts[1].isdigit():
            aff.aliases.append(parts[1])
        elif key in ("SFX", "PFX") and len(parts) >= 4:
            table = aff.suffixes if key == "SFX" else aff.prefixes
            flag = parts[1]
            if len(parts) == 4 and parts[2] in ("Y", "N") and parts[3].isdigit():
                cross[flag] = parts[2] == "Y"  # the rule group's header
                continue
            strip = "" if parts[2] == "0" else parts[2]
            add = parts[3].split("/")[0]
            cond = parts[4] if len(parts) > 4 else "."
            try:
                pattern = re.compile(cond + "$" if key == "SFX" else "^" + cond)
            except re.error:
                continue
            rule = (strip, "" if add == "0" else add, pattern, cross.get(flag, False))
            table.setdefault(flag, []).append(rule)
    return aff


def read_affixes(path: Path) -> Affixes:
    """Parse an ``.aff`` file in its declared encoding."""
    raw = path.read_bytes()
    return parse_affixes(raw.decode(_encoding(raw), errors="replace"))


def split_flags(flags: str, aff: Affixes) -> list[str]:
    """A dictionary entry's flags, in the affix file's flag syntax.

    >>> split_flags("AbCd", Affixes(flag_mode="long"))
    ['Ab', 'Cd']
    >>> split_flags("12,7", Affixes(flag_mode="num"))
    ['12', '7']
    """
    if aff.aliases and flags.isdigit():
        index = int(flags) - 1
        flags = aff.aliases[index] if 0 <= index < len(aff.aliases) else ""
    if aff.flag_mode == "long":
        return [flags[i : i + 2] for i in range(0, len(flags), 2)]
    if aff.flag_mode == "num":
        return [f for f in flags.split(",") if f]
    return list(flags)


def _apply(word: str, rules: list[Rule], suffix: bool) -> Iterator[tuple[str, bool]]:
    for strip, add, cond, cross in rules:
        if suffix and cond.search(word) and word.endswith(strip):
            yield word[: len(word) - len(strip)] + add, cross
        elif not suffix and cond.search(word) and word.startswith(strip):
            yield add + word[len(strip) :], cross


def expand(stem: str, flags: list[str], aff: Affixes) -> Iterator[str]:
    """The stem and its one-level forms (prefix + suffix where both rules allow it)."""
    yield stem
    crossing: list[str] = []
    for flag in flags:
        for form, cross in _apply(stem, aff.suffixes.get(flag, []), suffix=True):
            yield form
            if cross:
                crossing.append(form)
    for flag in flags:
        for strip, add, cond, cross in aff.prefixes.get(flag, []):
            if cond.search(stem) and stem.startswith(strip):
                yield add + stem[len(strip) :]
                if cross:
                    yield from (add + w[len(strip) :] for w in crossing if w.startswith(strip))


def dictionary_entries(directory: Path, name: str) -> tuple[Affixes, list[tuple[str, list[str]]]]:
    """The affix rules and every ``(stem, flags)`` entry of ``name.dic``, in file order."""
    aff = read_affixes(directory / f"{name}.aff")
    raw = (directory / f"{name}.dic").read_bytes().decode(aff.encoding, errors="replace")
    entries: list[tuple[str, list[str]]] = []
    for line in raw.split("\n")[1:]:
        entry = line.split("\t")[0].strip()
        if not entry:
            continue
        stem, _, flags = entry.partition("/")
        entries.append((stem, split_flags(flags.split()[0], aff) if flags.split() else []))
    return aff, entries
