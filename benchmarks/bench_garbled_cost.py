"""Where the time of a garbled line goes: per-line work counts and CPU shares of the stages.

Issue 3's floor for text where every line is garbled is half the speed of ``ftfy.fix_text``.
This reports, on ``bench_fix --quick``'s "every line garbled" corpus (single-step garbled dev
lines, one ``textfix.fix`` call per line, textfix's per-input caches emptied first), the CPU
time per line of ``textfix.fix``, ``ftfy.fix_text`` and ``ftfy.fix_encoding``, then how many
times per line each stage runs and its inclusive CPU time per line (timed through wrappers,
which add about a microsecond per call: compare stages, not totals). Run from the repository
root (``PYTHONPATH=src``)::

    python -m benchmarks.bench_garbled_cost            # 1,000 lines, about a minute
    python -m benchmarks.bench_garbled_cost --lines 300
"""

from __future__ import annotations

import argparse
import functools
import random
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any

import ftfy

from benchmarks.devset import DEFAULT_SEED, clean_lines, garbled_records
from benchmarks.measure import clear_input_caches

#: (module, function) of the stages timed, outermost first (those a checkout lacks are skipped).
STAGES = (
    ("textfix.repair.legacy", "repair"),
    ("textfix.repair.legacy", "arbitrate"),
    ("textfix.repair.utf8", "repair"),
    ("textfix.repair.utf8_structural", "repair"),
    ("textfix.repair.legacy", "candidates"),
    ("textfix.repair.legacy", "_pool"),
    ("textfix.repair.legacy", "_quick"),
    ("textfix.repair.legacy", "quick_logprob"),
    ("textfix.repair.legacy", "_beaten"),
    ("textfix.repair.legacy", "score"),
    ("textfix.repair.legacy", "_known_share"),
    ("textfix.repair.legacy", "plausible"),
    ("textfix.repair.legacy", "_may_find_words"),
    ("textfix.repair.no_repair", "cannot_pass"),
    ("textfix.repair.line", "changed_spans"),
)


def garbled_corpus(lines: int, seed: int = DEFAULT_SEED) -> list[str]:
    """The lines ``bench_fix --quick`` times as "every line garbled" (same sampling)."""
    records = garbled_records(cap=20, seed=seed, pool_size=300)
    clean = clean_lines(per_lang=30, ascii_prose=300, seed=seed)
    rng = random.Random(f"{seed}:speed")
    non_ascii = [line for lang, line in clean if lang != "en-ascii"]
    rng.sample(non_ascii, min(1000, len(non_ascii)))  # keep the generator where bench_fix has it
    singles = [r.garbled for r in records if r.depth == 1]
    return rng.sample(singles, min(lines, len(singles)))


def per_line_cpu(tool: Callable[[str], Any], lines: Sequence[str], repeats: int) -> float:
    """Median CPU seconds per line over ``repeats`` passes, caches emptied before each."""
    times = []
    for _ in range(repeats):
        clear_input_caches()
        start = time.process_time()
        for line in lines:
            tool(line)
        times.append(time.process_time() - start)
    return statistics.median(times) / len(lines)


def stage_costs(fix: Callable[[str], str], lines: Sequence[str]) -> dict[str, tuple[float, float]]:
    """``name -> (calls per line, inclusive CPU microseconds per line)`` for :data:`STAGES`."""
    import importlib

    from textfix.repair import line as line_module

    counts: dict[str, list[float]] = {}
    restore: list[tuple[object, str, object]] = []
    wrapped: dict[object, Callable[..., Any]] = {}

    def wrap(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                entry = counts.setdefault(name, [0, 0.0])
                entry[0] += 1
                entry[1] += time.process_time() - start

        return timed

    for module_name, attr in STAGES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        func = getattr(module, attr, None)
        if func is None:
            continue
        name = f"{module_name.rsplit('.', 1)[-1]}.{attr}"
        restore.append((module, attr, func))
        wrapped[func] = wrap(name, func)
        setattr(module, attr, wrapped[func])
    # The line layer holds the repairers themselves: time those calls too.
    repairers = line_module.REPAIRERS
    line_module.REPAIRERS = tuple(wrapped.get(r, r) for r in repairers)
    try:
        clear_input_caches()
        for line in lines:
            fix(line)
    finally:
        line_module.REPAIRERS = repairers
        for owner, attr, func in restore:
            setattr(owner, attr, func)
    n = len(lines)
    return {name: (calls / n, 1e6 * cpu / n) for name, (calls, cpu) in counts.items()}


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    import textfix

    lines = garbled_corpus(args.lines)
    for line in lines[:50]:  # load data and tables first
        textfix.fix(line)
        ftfy.fix_text(line)
    tools: dict[str, Callable[[str], Any]] = {
        "textfix.fix": textfix.fix,
        "ftfy.fix_text": ftfy.fix_text,
        "ftfy.fix_encoding": ftfy.fix_encoding,
    }
    cost = {name: per_line_cpu(tool, lines, args.repeats) for name, tool in tools.items()}
    print(f"{len(lines)} garbled lines, CPU per line (median of {args.repeats} passes):")
    for name, seconds in cost.items():
        print(f"  {name:20} {1e6 * seconds:8.0f} us")
    floor = 2 * cost["ftfy.fix_text"]
    print(
        f"  textfix.fix / ftfy.fix_text speed: {cost['ftfy.fix_text'] / cost['textfix.fix']:.3f}x"
        f" (floor 0.5x: {1e6 * floor:.0f} us per line)"
    )
    print("\nstage                      calls/line   CPU us/line (inclusive, wrapped)")
    for name, (calls, micros) in sorted(stage_costs(textfix.fix, lines).items(), key=_by_cost):
        print(f"  {name:26} {calls:8.2f}   {micros:10.0f}")


def _by_cost(item: tuple[str, tuple[float, float]]) -> float:
    return -item[1][1]


if __name__ == "__main__":
    main()
