"""``textfix fix``: repair files or stdin; to stdout, ``-o``, or in place."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from textfix.api import Fixer
from textfix.cli import io
from textfix.cli.options import add_repair_options, make_fixer
from textfix.cli.report import Positions, explain_line, findings_document


def add_parser(subparsers: Any) -> None:
    """Register ``fix``."""
    parser = subparsers.add_parser(
        "fix",
        help="repair mojibake",
        description="Repair mis-decoded text. Clean text is never changed.",
    )
    io.add_input_argument(parser)
    io.add_output_options(parser)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if any file has a span that would be repaired",
    )
    mode.add_argument(
        "--json", action="store_true", help="print one JSON document of findings per file"
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="with --check: also count spans that look garbled but cannot be repaired",
    )
    parser.add_argument("--explain", action="store_true", help="describe each repair on stderr")
    add_repair_options(parser, normalisations=True)
    parser.set_defaults(func=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    """Run ``fix`` on every input."""
    parser: argparse.ArgumentParser = args.parser
    if args.check or args.json:
        if args.in_place or args.output or args.diff:
            parser.error("--check and --json change nothing; they go without -i, -o or --diff")
    else:
        io.check_output_options(parser, args)
    if args.strict and not args.check:
        parser.error("--strict goes with --check")
    fixer = make_fixer(parser, args)

    def handle(doc: io.InputDoc) -> int:
        return _fix_one(args, fixer, doc)

    if _streams(args):
        return io.for_each_name(args.files, lambda name: _fix_streaming(args, fixer, name))
    return io.run_each(args.files, handle, errors=args.errors)


#: Lines are repaired in blocks of about this many characters when streaming.
BLOCK_CHARS = 1 << 16


def _streams(args: argparse.Namespace) -> bool:
    """Plain repair of files to stdout or ``-o`` runs in flat memory, block by block."""
    plain = not (args.check or args.json or args.diff or args.explain or args.in_place)
    return plain and io.STDIN not in args.files


def _fix_streaming(args: argparse.Namespace, fixer: Fixer, name: str) -> int:
    with io.stream_input(name, args.errors) as lines:
        encoding = args.output_encoding or io.default_output_encoding(lines.encoding)
        with contextlib.ExitStack() as stack:
            out = stack.enter_context(io.atomic_writer(Path(args.output))) if args.output else None
            for block in _blocks(lines):
                data = io.encode_output(fixer.fix(block), encoding)
                if out is None:
                    io.write_bytes(data)
                else:
                    out.write(data)
                if encoding == "utf-8-sig":  # the BOM goes before the first block only
                    encoding = "utf-8"
    return io.EXIT_OK


def _blocks(lines: Iterable[str]) -> Iterator[str]:
    """Whole lines joined into blocks of about ``BLOCK_CHARS`` characters."""
    block: list[str] = []
    size = 0
    for line in lines:
        block.append(line)
        size += len(line)
        if size >= BLOCK_CHARS:
            yield "".join(block)
            block, size = [], 0
    if block:
        yield "".join(block)


def _fix_one(args: argparse.Namespace, fixer: Fixer, doc: io.InputDoc) -> int:
    if args.check or args.json:
        findings = fixer.detect(doc.text)
        if args.json:
            io.write_stdout(findings_document(doc.name, doc.encoding, doc.text, findings) + "\n")
            return io.EXIT_OK
        counted = [f for f in findings if args.strict or f.replacement is not None]
        if args.explain:
            positions = Positions(doc.text)
            for finding in counted:
                sys.stderr.write(explain_line(doc.name, positions, finding) + "\n")
        if counted:
            sys.stderr.write(f"{doc.name}: {len(counted)} span(s) to repair\n")
            return io.EXIT_FOUND
        return io.EXIT_OK
    fixed = fixer.fix_and_explain(doc.text)
    if args.explain:
        positions = Positions(doc.text)
        for repair in fixed.repairs:
            sys.stderr.write(explain_line(doc.name, positions, repair) + "\n")
    io.emit(args, doc, fixed.text)
    return io.EXIT_OK
