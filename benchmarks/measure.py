"""Measurements shared by the fix benchmarks: restore rates, clean-line damage and speed.

A *tool* is any ``str -> str`` callable; each line is one call. Exceptions raised by a tool are
counted (a line that raised is neither restored nor unchanged), never propagated.

>>> from benchmarks.devset import Record
>>> rec = Record("uk", "Cyrillic", "cp1251", (("cp1251", "iso8859-1"),), "Цей", "Öåé")
>>> tally = restore_tally(lambda s: s.encode("latin-1").decode("cp1251"), [rec], group_of)
>>> tally["Cyrillic"].rate, tally["all single-step"].ok
(1.0, 1)
"""

from __future__ import annotations

import functools
import gc
import statistics
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from benchmarks.devset import Record
from benchmarks.encodings import UTF8_HEADLINE_SHOWN

Tool = Callable[[str], str]

_DISPLAY = {"iso8859-1": "latin-1"}


@dataclass
class Tally:
    """Counts for one group of garbled lines."""

    n: int = 0
    ok: int = 0  # restored exactly
    unchanged: int = 0  # left as garbled
    errors: int = 0  # the tool raised
    failures: list[tuple[Record, str]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        """Exact restore rate in [0, 1] (0 for an empty group)."""
        return self.ok / self.n if self.n else 0.0

    @property
    def wrong(self) -> int:
        """Lines changed into something that is not the original."""
        return self.n - self.ok - self.unchanged - self.errors


def group_of(record: Record) -> list[str]:
    """The report groups a record counts in (family, UTF-8 chain, headline, layered depth).

    >>> group_of(Record("fr", "UTF-8", "utf-8", (("utf-8", "cp1252"),), "é", "Ã©"))
    ['UTF-8 cp1252+latin-1', 'UTF-8 cp1252+latin-1+cp1251+koi8-r', 'utf-8 > cp1252', \
'all single-step']
    """
    if record.depth > 1:
        return [f"layered {record.depth} deep", "all layered"]
    if record.family != "UTF-8":
        return [record.family, "all single-step"]
    shown = record.chain[0][1]
    groups = []
    if shown in ("cp1252", "iso8859-1"):
        groups.append("UTF-8 cp1252+latin-1")
    if shown in UTF8_HEADLINE_SHOWN:
        groups.append("UTF-8 cp1252+latin-1+cp1251+koi8-r")
    return [*groups, f"utf-8 > {_DISPLAY.get(shown, shown)}", "all single-step"]


def _call(tool: Tool, text: str) -> str | None:
    try:
        return tool(text)
    except Exception:  # a benchmark measures failures; it does not stop on them
        return None


def restore_tally(
    tool: Tool,
    records: Iterable[Record],
    groups: Callable[[Record], list[str]],
    keep_failures: int = 0,
) -> dict[str, Tally]:
    """Exact-restore counts per group, one call per line; keeps some failures per group."""
    return tally_results(((r, _call(tool, r.garbled)) for r in records), groups, keep_failures)


def document_results(
    tool: Tool, records: Iterable[Record], size: int
) -> Iterator[tuple[Record, str | None]]:
    """One call per document of ``size`` garbled lines of one language and chain.

    Yields each record with its line of the output (``None`` if the call raised, the input
    line count not kept counts as a wrong result).

    >>> rec = Record("uk", "Cyrillic", "cp1251", (("cp1251", "iso8859-1"),), "Цей", "Öåé")
    >>> [out for _, out in document_results(str.upper, [rec, rec], 2)]
    ['ÖÅÉ', 'ÖÅÉ']
    """
    by_source: dict[tuple[str, tuple[tuple[str, str], ...]], list[Record]] = {}
    for record in records:
        by_source.setdefault((record.lang, record.chain), []).append(record)
    for group in by_source.values():
        for i in range(0, len(group), size):
            chunk = group[i : i + size]
            out = _call(tool, "\n".join(r.garbled for r in chunk))
            lines = out.split("\n") if out is not None else [None] * len(chunk)
            if len(lines) != len(chunk):
                lines = ["<line count changed>"] * len(chunk)
            yield from zip(chunk, lines, strict=True)


def tally_results(
    results: Iterable[tuple[Record, str | None]],
    groups: Callable[[Record], list[str]],
    keep_failures: int = 0,
) -> dict[str, Tally]:
    """Count ``(record, result)`` pairs per group (``None``: the tool raised)."""
    out: dict[str, Tally] = {}
    for record, result in results:
        for name in groups(record):
            tally = out.setdefault(name, Tally())
            tally.n += 1
            if result is None:
                tally.errors += 1
            elif result == record.original:
                tally.ok += 1
            elif result == record.garbled:
                tally.unchanged += 1
            if result != record.original and len(tally.failures) < keep_failures:
                tally.failures.append((record, "<raised>" if result is None else result))
    return out


@dataclass
class CleanResult:
    """Clean lines a tool changed: ``changes`` holds every ``(lang, before, after)``."""

    n: int
    errors: int
    changes: list[tuple[str, str, str]]

    @property
    def changed(self) -> int:
        """Number of clean lines changed."""
        return len(self.changes)


def clean_damage(tool: Tool, lines: Sequence[tuple[str, str]]) -> CleanResult:
    """Run ``tool`` on every clean line; every change is damage.

    >>> clean_damage(str.upper, [("fr", "déjà"), ("fr", "OK")]).changes
    [('fr', 'déjà', 'DÉJÀ')]
    """
    errors = 0
    changes: list[tuple[str, str, str]] = []
    for lang, line in lines:
        result = _call(tool, line)
        if result != line:
            errors += result is None
            changes.append((lang, line, "<raised>" if result is None else result))
    return CleanResult(len(lines), errors, changes)


def megabytes(lines: Sequence[str]) -> float:
    """Size of the lines in UTF-8, in MB (10**6 bytes).

    >>> megabytes(["ab", "é"])
    4e-06
    """
    return sum(len(x.encode("utf-8", "surrogatepass")) for x in lines) / 1e6


#: ``lru_cache`` wrappers at least this large hold results per input (words, lines), not tables.
_INPUT_CACHE_SIZE = 1000


def clear_input_caches() -> int:
    """Empty textfix's caches of per-input results (bounded ``lru_cache`` wrappers of at least
    ``_INPUT_CACHE_SIZE`` entries), so that a timed pass over lines seen before costs what a
    first pass costs; tables built once (unbounded caches) stay. Returns how many were emptied.

    >>> clear_input_caches() >= 0
    True
    """
    emptied = 0
    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper) and str(
            getattr(obj, "__module__", "")
        ).startswith("textfix"):
            maxsize = obj.cache_parameters()["maxsize"]
            if maxsize is not None and maxsize >= _INPUT_CACHE_SIZE:
                obj.cache_clear()
                emptied += 1
    return emptied


def speeds(tools: dict[str, Tool], lines: Sequence[str], repeats: int) -> dict[str, float]:
    """Median MB/s per tool over ``repeats`` passes (one call per line), after a warm-up.

    Passes are interleaved (tool A, tool B, ..., then again) and timed in CPU time of this
    process, so that load from other processes on a shared machine, which drifts over a run,
    weighs on every tool alike and does not skew the ratios. textfix's caches of per-input
    results are emptied before every pass: each pass costs what text never seen costs.

    >>> sorted(speeds({"id": str, "up": str.upper}, ["abc"] * 10, 3))
    ['id', 'up']
    """
    for tool in tools.values():
        for line in lines[:50]:
            _call(tool, line)
    timings: dict[str, list[float]] = {name: [] for name in tools}
    for _ in range(repeats):
        for name, tool in tools.items():
            clear_input_caches()
            start = time.process_time()
            for line in lines:
                _call(tool, line)
            timings[name].append(time.process_time() - start)
    size = megabytes(lines)
    return {
        name: size / max(statistics.median(times), 1e-9) if size else 0.0
        for name, times in timings.items()
    }
