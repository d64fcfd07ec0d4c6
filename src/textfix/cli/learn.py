"""``textfix learn``: fit a boilerplate model on folders of plain-text pages."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from textfix.boilerplate import BoilerplateModel
from textfix.boilerplate.model import DEFAULT_MIN_DOCS
from textfix.cli import io


def add_parser(subparsers: Any) -> None:
    """Register ``learn``."""
    parser = subparsers.add_parser(
        "learn",
        help="learn a site's recurring furniture lines from a folder of pages",
        description="Fit a boilerplate model: lines that recur across the pages are furniture.",
    )
    parser.add_argument("dirs", nargs="+", metavar="DIR", help="folders of UTF-8 text pages")
    parser.add_argument("-o", "--output", required=True, metavar="MODEL", help="model file (JSON)")
    parser.add_argument(
        "--min-docs",
        type=int,
        default=DEFAULT_MIN_DOCS,
        metavar="N",
        help=f"a line is furniture when it is in at least N pages (default {DEFAULT_MIN_DOCS})",
    )
    parser.set_defaults(func=run, parser=parser)


def _pages(dirs: list[str]) -> Iterator[Path]:
    for d in dirs:
        root = Path(d)
        if not root.is_dir():
            raise io.CliError(f"{d}: not a directory")
        yield from sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))


def run(args: argparse.Namespace) -> int:
    """Read every page under the folders, fit, write the model atomically."""
    if args.min_docs < 1:
        args.parser.error("--min-docs must be at least 1")
    texts: list[str] = []
    failed = False
    try:
        paths = list(_pages(args.dirs))
    except io.CliError as exc:
        io.report_error("learn", str(exc))
        return io.EXIT_ERROR
    for path in paths:
        try:
            texts.append(io.read_input(str(path)).text)
        except io.CliError as exc:
            io.report_error(str(path), str(exc))
            failed = True
    model = BoilerplateModel.fit(texts, min_docs=args.min_docs)
    try:
        io.atomic_write(Path(args.output), model.dumps().encode("utf-8"))
    except io.CliError as exc:
        io.report_error(args.output, str(exc))
        return io.EXIT_ERROR
    sys.stderr.write(
        f"textfix learn: {model.documents} page(s), {len(model.counts)} furniture line(s) "
        f"-> {args.output}\n"
    )
    return io.EXIT_ERROR if failed else io.EXIT_OK
