"""Entry point: builds the parser from the subcommand modules and runs one command."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from textfix._version import __version__

#: Each module has ``add_parser(subparsers)``, which sets ``func`` to a ``run(args) -> int``.
COMMAND_MODULES = (
    "textfix.cli.fix",
    "textfix.cli.detect",
    "textfix.cli.clean",
    "textfix.cli.strip",
    "textfix.cli.learn",
    "textfix.cli.decode",
)


def build_parser() -> argparse.ArgumentParser:
    """The full ``textfix`` argument parser."""
    parser = argparse.ArgumentParser(
        prog="textfix",
        description="Repair mis-decoded text (mojibake), decode unknown bytes, strip boilerplate.",
    )
    parser.add_argument("--version", action="version", version=f"textfix {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 problems found, 2 errors)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); nothing more to say.
        sys.stderr.close()
        return 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
