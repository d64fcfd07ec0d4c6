"""Command-line options for repair, shared by ``fix`` and ``detect``."""

from __future__ import annotations

import argparse

from textfix.api import Fixer
from textfix.options import DEFAULT_MIN_CONFIDENCE


def add_repair_options(parser: argparse.ArgumentParser, *, normalisations: bool) -> None:
    """Options that shape what counts as a repair."""
    parser.add_argument(
        "--min-confidence",
        type=float,
        default=DEFAULT_MIN_CONFIDENCE,
        metavar="X",
        help=f"apply repairs at least this sure, 0..1 (default {DEFAULT_MIN_CONFIDENCE})",
    )
    parser.add_argument(
        "--chains",
        metavar="LIST",
        help="only these chains, comma-separated TRUE:SHOWN or TRUE (e.g. cp1251:latin-1,utf-8)",
    )
    parser.add_argument("--lang", metavar="CODE", help="language hint, e.g. uk")
    if normalisations:
        parser.add_argument("--uncurl-quotes", action="store_true", help="straighten quotes")
        parser.add_argument(
            "--unescape-html", action="store_true", help="decode HTML entities such as &amp;"
        )
        parser.add_argument(
            "--normalization",
            choices=("NFC", "NFD", "NFKC", "NFKD"),
            help="Unicode normal form of the output (default: leave as is)",
        )


def make_fixer(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Fixer:
    """A :class:`Fixer` from the parsed options (bad values are usage errors)."""
    chains = [c for c in args.chains.split(",") if c.strip()] if args.chains else None
    try:
        return Fixer(
            min_confidence=args.min_confidence,
            chains=chains,
            lang=args.lang,
            uncurl_quotes=getattr(args, "uncurl_quotes", False),
            unescape_html=getattr(args, "unescape_html", False),
            normalization=getattr(args, "normalization", None),
        )
    except ValueError as exc:
        parser.error(str(exc))
