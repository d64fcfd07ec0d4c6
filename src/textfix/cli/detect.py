"""``textfix detect``: a human-readable report of mis-decoded spans per file."""

from __future__ import annotations

import argparse
from typing import Any

from textfix.cli import io
from textfix.cli.options import add_repair_options, make_fixer
from textfix.cli.report import Positions, explain_line, findings_document


def add_parser(subparsers: Any) -> None:
    """Register ``detect``."""
    parser = subparsers.add_parser(
        "detect",
        help="report mojibake without changing anything",
        description="Report spans that look mis-decoded, with chain and confidence.",
    )
    io.add_input_argument(parser)
    parser.add_argument("--json", action="store_true", help="one JSON document per file")
    add_repair_options(parser, normalisations=False)
    parser.set_defaults(func=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    """Report on every input; exit 0 unless an input failed."""
    fixer = make_fixer(args.parser, args)

    def handle(doc: io.InputDoc) -> int:
        findings = fixer.detect(doc.text)
        if args.json:
            io.write_stdout(findings_document(doc.name, doc.encoding, doc.text, findings) + "\n")
            return io.EXIT_OK
        repairable = sum(1 for f in findings if f.replacement is not None)
        lines = [
            f"{doc.name}: {len(findings)} suspicious span(s), {repairable} repairable "
            f"(encoding {doc.encoding})"
        ]
        positions = Positions(doc.text)
        lines += ["  " + explain_line(doc.name, positions, f) for f in findings]
        io.write_stdout("\n".join(lines) + "\n")
        return io.EXIT_OK

    return io.run_each(args.files, handle, errors=args.errors)
