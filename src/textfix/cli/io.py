"""Reading inputs and writing results for every command, safely.

* Errors are :class:`CliError`: one clear line on stderr, the input counts as failed (exit 2),
  the other inputs are still processed.
* In-place writes are atomic: a temporary file in the same folder, flushed and fsynced, given
  the original's permissions, then ``os.replace``-d over it. ``--backup SUFFIX`` keeps the
  original next to it. A file whose text does not change is not rewritten.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

STDIN = "-"

#: Exit statuses shared by all commands.
EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


class CliError(Exception):
    """A failure of one input, reported as one line on stderr."""


@dataclass
class InputDoc:
    """One input: its display name, its path (``None`` for stdin), text and encoding."""

    name: str
    path: Path | None
    text: str
    encoding: str


def _looks_binary(data: bytes) -> bool:
    # NUL bytes do not occur in UTF-8 text files; the decoding stage refines this.
    return b"\x00" in data[:65536]


def decode_input(name: str, data: bytes) -> tuple[str, str]:
    """Text and encoding of one input's bytes (UTF-8, with or without BOM)."""
    if _looks_binary(data):
        raise CliError("binary file (contains NUL bytes); refusing to treat it as text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        raise CliError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def read_input(name: str) -> InputDoc:
    """Read one input named on the command line (``-`` is stdin)."""
    if name == STDIN:
        data = sys.stdin.buffer.read()
        text, encoding = decode_input("<stdin>", data)
        return InputDoc("<stdin>", None, text, encoding)
    path = Path(name)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CliError("no such file") from None
    except IsADirectoryError:
        raise CliError("is a directory") from None
    except PermissionError:
        raise CliError("permission denied") from None
    except OSError as exc:
        raise CliError(exc.strerror or str(exc)) from None
    text, encoding = decode_input(name, data)
    return InputDoc(name, path, text, encoding)


def atomic_write(path: Path, data: bytes, *, backup_suffix: str | None = None) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permissions.

    Either the old or the new content is at ``path`` at every moment, whatever fails.
    """
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = None
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise CliError(f"cannot write in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        if mode is not None:
            os.chmod(tmp_name, mode)
        if backup_suffix and mode is not None:
            shutil.copy2(path, str(path) + backup_suffix)
        os.replace(tmp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise CliError(f"write failed, file left unchanged: {exc.strerror or exc}") from None


def write_stdout(text: str) -> None:
    """Write text to stdout as UTF-8, whatever the locale says."""
    sys.stdout.buffer.write(text.encode("utf-8", "surrogateescape"))
    sys.stdout.buffer.flush()


def unified_diff(name: str, old: str, new: str) -> str:
    """A unified diff of two versions of one input, split on ``\\n`` like textfix itself."""
    lines_old = old.split("\n")
    lines_new = new.split("\n")
    diff = difflib.unified_diff(
        lines_old, lines_new, fromfile=f"a/{name}", tofile=f"b/{name}", lineterm=""
    )
    return "".join(line + "\n" for line in diff)


def add_input_argument(parser: argparse.ArgumentParser) -> None:
    """``FILE ...`` (default: stdin)."""
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        default=[STDIN],
        help="input files; '-' or none reads standard input",
    )


def add_output_options(parser: argparse.ArgumentParser) -> None:
    """``-o``, ``-i``, ``--backup`` and ``--diff``, shared by commands that rewrite text."""
    target = parser.add_mutually_exclusive_group()
    target.add_argument("-o", "--output", metavar="OUT", help="write the result to OUT (one input)")
    target.add_argument(
        "-i", "--in-place", action="store_true", help="rewrite each file in place, atomically"
    )
    parser.add_argument(
        "--backup",
        metavar="SUFFIX",
        help="with -i: keep the original as FILE+SUFFIX (e.g. .orig)",
    )
    parser.add_argument(
        "--diff", action="store_true", help="print a unified diff instead of the text"
    )


def check_output_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Usage errors in the output options (argparse exits with status 2)."""
    if args.output and len(args.files) != 1:
        parser.error("-o/--output takes exactly one input")
    if args.in_place and STDIN in args.files:
        parser.error("-i/--in-place cannot rewrite standard input")
    if args.backup and not args.in_place:
        parser.error("--backup goes with -i/--in-place")
    if args.diff and (args.in_place or args.output):
        parser.error("--diff prints to standard output; it goes without -i or -o")


def emit(args: argparse.Namespace, doc: InputDoc, new_text: str) -> None:
    """Deliver the new text of one input as the output options say."""
    if args.diff:
        write_stdout(unified_diff(doc.name, doc.text, new_text))
    elif args.in_place:
        assert doc.path is not None
        if new_text != doc.text:
            atomic_write(doc.path, encode_output(new_text, doc.encoding), backup_suffix=args.backup)
    elif args.output:
        atomic_write(Path(args.output), encode_output(new_text, "utf-8"))
    else:
        write_stdout(new_text)


def encode_output(text: str, encoding: str) -> bytes:
    """Encode the result; characters the encoding cannot hold are a clear error."""
    try:
        return text.encode(encoding)
    except UnicodeEncodeError as exc:
        raise CliError(
            f"the result has characters that {encoding} cannot hold "
            f"({text[exc.start : exc.end]!r}); use UTF-8 output"
        ) from None


def report_error(name: str, message: str) -> None:
    """One line on stderr: ``textfix: NAME: message``."""
    sys.stderr.write(f"textfix: {name}: {message}\n")
    sys.stderr.flush()


def run_each(names: Iterable[str], handle: Callable[[InputDoc], int]) -> int:
    """Run ``handle`` on every input; 2 if any failed, else the highest status returned."""
    status = EXIT_OK
    failed = False
    for name in names:
        try:
            status = max(status, handle(read_input(name)))
        except CliError as exc:
            report_error("<stdin>" if name == STDIN else name, str(exc))
            failed = True
    return EXIT_ERROR if failed else status
