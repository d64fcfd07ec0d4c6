"""textfix beside ftfy on the dev set, in one run: restore rates, clean damage, speed.

Run from the repository root (textfix installed, or ``PYTHONPATH=src``)::

    python -m benchmarks.bench_fix            # full run, a few minutes
    python -m benchmarks.bench_fix --quick    # smaller caps, under a minute
    python -m benchmarks.bench_fix --json benchmarks/out/fix.json

Each line is one call with no language hint. Tools: ``textfix.fix`` (when the installed textfix
has it), ``ftfy.fix_text`` and ``ftfy.fix_encoding`` with their defaults; add
``--tools ... benchmarks.baselines.chardet_hack`` for issue 3's naive chardet baseline, and
``--by lang`` (or ``--by chain``) for the first tool's restore rate per family and language
(or chain).
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import ftfy

from benchmarks.devset import DEFAULT_SEED, Record, clean_lines, garbled_records
from benchmarks.encodings import LANG_ENCODINGS
from benchmarks.measure import (
    Tally,
    Tool,
    clean_damage,
    document_results,
    group_of,
    restore_tally,
    speeds,
    tally_results,
)
from benchmarks.realtext import ALL_SOURCES

#: Report rows in order: (group, issue target or None).
TARGETS: tuple[tuple[str, float | None], ...] = (
    ("Cyrillic", 0.97),
    ("Central European", 0.85),
    ("Western European", 0.75),
    ("Greek", 0.95),
    ("Hebrew", 0.90),
    ("Arabic", 0.90),
    ("Thai", 0.90),
    ("Turkish", 0.80),
    ("Baltic", 0.75),
    ("Vietnamese", None),
    ("Esperanto/Maltese", None),
    ("UTF-8 cp1252+latin-1", 0.99),
    ("UTF-8 cp1252+latin-1+cp1251+koi8-r", 0.99),
    ("all single-step", None),
    ("layered 2 deep", None),
    ("layered 3 deep", None),
)
SPEED_CORPORA = ("clean non-ASCII lines", "English ASCII prose", "every line garbled")


def load_tools(names: Sequence[str]) -> dict[str, Tool]:
    """Resolve ``module.function`` names; a missing textfix function is reported and skipped."""
    tools: dict[str, Tool] = {}
    for name in names:
        module_name, _, attr = name.rpartition(".")
        func = getattr(importlib.import_module(module_name), attr, None)
        if func is None:
            print(f"note: {name} is not available in this checkout; skipped", file=sys.stderr)
        else:
            tools[name] = func
    return tools


def _pct(tally: Tally | None) -> str:
    return f"{100 * tally.rate:6.2f}% ({tally.ok}/{tally.n})" if tally and tally.n else "-"


def print_restore(
    tallies: dict[str, dict[str, Tally]],
    tools: Sequence[str],
    title: str = "each line one call, no language hint",
) -> None:
    """One row per group, one column per tool."""
    print(f"\n== Exact restore rate ({title}) ==")
    print(f"{'group':38} {'target':>7}  " + "  ".join(f"{t:>24}" for t in tools))
    utf8_rows = sorted({g for t in tallies.values() for g in t if g.startswith("utf-8 > ")})
    for group, target in (*TARGETS[:13], *[(g, None) for g in utf8_rows], *TARGETS[13:]):
        goal = f"{100 * target:.0f}%" if target else ""
        cells = "  ".join(f"{_pct(tallies[t].get(group)):>24}" for t in tools)
        print(f"{group:38} {goal:>7}  {cells}")
    print("\n== Garbled lines changed into something that is not the original (damage) ==")
    print(f"{'group':38} {'':>7}  " + "  ".join(f"{t:>24}" for t in tools))
    for group, _ in TARGETS:
        counts = [tallies[t].get(group) for t in tools]
        if any(c and c.wrong for c in counts):
            cells = "  ".join(f"{c.wrong if c else 0:>24}" for c in counts)
            print(f"{group:38} {'':>7}  {cells}")


def print_failures(tallies: dict[str, Tally], tool: str) -> None:
    """Examples of lines ``tool`` did not restore, per family."""
    print(f"\n== {tool}: examples of lines not restored ==")
    for group, _ in TARGETS:
        tally = tallies.get(group)
        for record, result in tally.failures if tally else []:
            print(f"  [{group} {record.lang} {record.chain_key}]")
            print(f"     garbled:  {record.garbled!r}\n     expected: {record.original!r}")
            print(f"     got:      {result!r}")


#: ``--by`` breakdowns: the second label of a single-step record inside its family.
_BREAKDOWNS: dict[str, Callable[[Record], str]] = {
    "lang": lambda r: r.lang,
    "chain": lambda r: r.chain_key,
}


def print_breakdown(tool: Tool, records: Sequence[Record], name: str, by: str) -> None:
    """Restore rate of single-step chains per (family, language or chain), worst first."""
    label = _BREAKDOWNS[by]
    per = restore_tally(tool, records, lambda r: [f"{r.family}|{label(r)}"] * (r.depth == 1))
    print(f"\n== {name}: restore rate per family and {by} (single-step chains) ==")
    for key, tally in sorted(per.items(), key=lambda kv: (kv[0].split("|")[0], kv[1].rate)):
        family, sub = key.split("|")
        print(f"  {family:20} {sub:28} {_pct(tally):>24}  ({tally.wrong} changed wrongly)")


def _legacy_lang(lang: str) -> bool:
    """Languages like the held-out set's: those with a legacy code page, and ASCII English."""
    return lang in LANG_ENCODINGS or lang == "en-ascii"


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Run every measurement and print the report; return the figures for ``--json``."""
    started = time.perf_counter()
    tools = load_tools(args.tools)
    names = list(tools)
    records = garbled_records(
        cap=args.cap, seed=args.seed, pool_size=args.pool, sources=args.sources
    )
    clean = clean_lines(
        per_lang=args.clean_per_lang, ascii_prose=args.ascii, seed=args.seed, sources=args.sources
    )
    print(
        f"dev set: {len(records)} garbled lines, {len(clean)} clean lines "
        f"({len({lang for lang, _ in clean})} languages); seed {args.seed}, cap {args.cap}; "
        f"sources {', '.join(args.sources)}"
    )

    tallies = {
        name: restore_tally(tool, records, group_of, args.failures if i == 0 else 0)
        for i, (name, tool) in enumerate(tools.items())
    }
    print_restore(tallies, names)
    if args.documents:
        single_step = [r for r in records if r.depth == 1]
        in_documents = {
            name: tally_results(document_results(tool, single_step, args.documents), group_of)
            for name, tool in tools.items()
        }
        title = f"documents of {args.documents} lines of one language and chain, one call each"
        print_restore(in_documents, names, title)
    if args.failures and names:
        print_failures(tallies[names[0]], names[0])
    if args.by and names:
        print_breakdown(tools[names[0]], records, names[0], args.by)

    print("\n== Clean lines changed (every change is damage) ==")
    damage = {name: clean_damage(tool, clean) for name, tool in tools.items()}
    legacy = sum(1 for lang, _ in clean if _legacy_lang(lang))
    for name, result in damage.items():
        in_legacy = sum(1 for lang, _, _ in result.changes if _legacy_lang(lang))
        print(
            f"{name:24} {result.changed:6} of {result.n} changed ({result.errors} raised); "
            f"{in_legacy} of the {legacy} in languages with a legacy code page or ASCII English"
        )
        for lang, before, after in result.changes[: args.examples]:
            print(f"    [{lang}] {before!r}\n         -> {after!r}")

    rng = random.Random(f"{args.seed}:speed")
    non_ascii = [line for lang, line in clean if lang != "en-ascii"]
    ascii_prose = [line for lang, line in clean if lang == "en-ascii"]
    singles = [r.garbled for r in records if r.depth == 1]
    corpora = {
        SPEED_CORPORA[0]: rng.sample(non_ascii, min(args.speed_lines, len(non_ascii))),
        SPEED_CORPORA[1]: ascii_prose,
        SPEED_CORPORA[2]: rng.sample(singles, min(args.speed_lines, len(singles))),
    }
    print(
        f"\n== Speed, MB/s of CPU time (median of {args.repeats} interleaved passes, "
        "one call per line) =="
    )
    print(f"{'corpus':24} {'lines':>6} {'MB':>6}  " + "  ".join(f"{t:>18}" for t in names))
    mbps: dict[str, dict[str, float]] = {}
    for corpus, lines in corpora.items():
        mbps[corpus] = speeds(tools, lines, args.repeats)
        size = sum(len(x.encode("utf-8")) for x in lines) / 1e6
        cells = "  ".join(f"{mbps[corpus][t]:18.3f}" for t in names)
        print(f"{corpus:24} {len(lines):6} {size:6.3f}  {cells}")
    ratios = _print_ratios(mbps, names)
    print(f"\n(total run time {time.perf_counter() - started:.0f} s)")
    return {
        "config": {k: v for k, v in vars(args).items() if k != "json"},
        "restore": {
            t: {g: {"n": x.n, "ok": x.ok, "rate": x.rate, "wrong": x.wrong} for g, x in v.items()}
            for t, v in tallies.items()
        },
        "clean": {
            t: {"n": d.n, "changed": d.changed, "errors": d.errors, "changes": d.changes}
            for t, d in damage.items()
        },
        "speed_mb_s": mbps,
        "speed_ratios": ratios,
        # the first tool's failures kept by --failures, for whoever tunes that tool
        "failures": {
            group: [
                {"lang": r.lang, "chain": r.chain_key, "garbled": r.garbled}
                | {"expected": r.original, "got": got}
                for r, got in tally.failures
            ]
            for group, tally in (tallies[names[0]].items() if names else ())
            if tally.failures
        },
    }


def _print_ratios(mbps: dict[str, dict[str, float]], names: Sequence[str]) -> dict[str, float]:
    ratios: dict[str, float] = {}
    if "textfix.fix" not in names:
        return ratios
    for corpus, row in mbps.items():
        for peer in (n for n in names if n != "textfix.fix"):
            if row.get(peer):
                ratios[f"{corpus}: textfix.fix / {peer}"] = row["textfix.fix"] / row[peer]
    for label, value in ratios.items():
        print(f"  {label:66} {value:6.2f}x")
    return ratios


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options; ``--quick`` shrinks every size for a fast check."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small caps for a fast check")
    parser.add_argument("--json", type=Path, help="save the figures to this file")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--cap", type=int, help="garbled lines per (family, chain) cell")
    parser.add_argument("--failures", type=int, default=0, help="failures to show per group")
    parser.add_argument("--examples", type=int, default=10, help="clean-line damage examples")
    parser.add_argument(
        "--documents", type=int, default=0, metavar="N", help="also run documents of N lines"
    )
    parser.add_argument("--by", choices=sorted(_BREAKDOWNS), help="first tool's breakdown")
    parser.add_argument(
        "--sources",
        nargs="+",
        default=list(ALL_SOURCES),
        help="real-text sources (benchmarks/realtext.py; 'debian' is prose from manual pages "
        "and fortunes, after apt-get install of realtext.DEBIAN_PACKAGES)",
    )
    parser.add_argument(
        "--tools", nargs="+", default=["textfix.fix", "ftfy.fix_text", "ftfy.fix_encoding"]
    )
    args = parser.parse_args(argv)
    quick = args.quick
    args.cap = args.cap or (20 if quick else 150)
    args.pool = 300 if quick else 1500
    args.clean_per_lang = 30 if quick else 100
    args.ascii = 300 if quick else 1500
    args.speed_lines = 1000 if quick else 4000
    args.repeats = 3 if quick else 5
    return args


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point."""
    args = parse_args(argv)
    print(f"ftfy {ftfy.__version__}, Python {sys.version.split()[0]}")
    figures = run(args)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False), "utf-8")
        print(f"figures saved to {args.json}")


if __name__ == "__main__":
    main()
