"""``textfix clean``: the whole pipeline on files: decode, repair mojibake, strip boilerplate."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from textfix.boilerplate import BoilerplateModel, strip_boilerplate
from textfix.cli import io
from textfix.cli.options import add_repair_options, make_fixer
from textfix.cli.report import Positions, explain_line
from textfix.cli.strip import explain as explain_strip


def add_parser(subparsers: Any) -> None:
    """Register ``clean``."""
    parser = subparsers.add_parser(
        "clean",
        help="decode, repair mojibake and strip boilerplate in one pass",
        description="Decode any encoding, repair mis-decoded text, then strip boilerplate.",
    )
    io.add_input_argument(parser)
    io.add_output_options(parser)
    parser.add_argument(
        "--explain", action="store_true", help="each repair and each removal on stderr"
    )
    parser.add_argument("--model", metavar="FILE", help="a model written by 'textfix learn'")
    add_repair_options(parser, normalisations=True)
    parser.set_defaults(func=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    """Clean every input."""
    parser: argparse.ArgumentParser = args.parser
    io.check_output_options(parser, args)
    fixer = make_fixer(parser, args)
    model = None
    if args.model:
        try:
            model = BoilerplateModel.load(args.model)
        except (ValueError, OSError) as exc:
            io.report_error(args.model, str(exc))
            return io.EXIT_ERROR

    def handle(doc: io.InputDoc) -> int:
        fixed = fixer.fix_and_explain(doc.text)
        stripped = strip_boilerplate(fixed.text, lang=args.lang, model=model)
        if args.explain:
            positions = Positions(doc.text)
            for repair in fixed.repairs:
                sys.stderr.write(explain_line(doc.name, positions, repair) + "\n")
            sys.stderr.write(explain_strip(doc.name, stripped))
        io.emit(args, doc, stripped.text)
        return io.EXIT_OK

    return io.run_each(args.files, handle, errors=args.errors)
