"""Reading inputs and writing results for every command, safely.

* Errors are :class:`CliError`: one clear line on stderr, the input counts as failed (exit 2),
  the other inputs are still processed.
* Inputs may be in any encoding (:mod:`textfix.decoding`); binary input is refused. Output
  is UTF-8 unless ``--output-encoding``; ``-i`` writes each file back in its own encoding
  (line by line for a file whose lines are in different encodings), never converting it
  behind the user's back, and refuses when undecodable bytes would be lost.
* In-place writes are atomic: a temporary file in the same folder, flushed and fsynced, given
  the original's permissions, then ``os.replace``-d over it. ``--backup SUFFIX`` keeps the
  original next to it. A file whose text does not change is not rewritten.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import difflib
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from textfix.decoding import MIXED, Decoded, DecodeError, decode
from textfix.decoding.stream import TextStream, open_text

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
    decoded: Decoded | None = None  # how it was decoded (segments, undecodable bytes)


BINARY_MESSAGE = "binary file (not text in any encoding); refusing to treat it as text"


def decode_input(name: str, data: bytes, errors: str = "replace") -> Decoded:
    """Decode one input's bytes, whatever their encoding; binary input is an error."""
    try:
        decoded = decode(data, errors=errors)
    except DecodeError as exc:
        raise CliError(f"undecodable bytes ({exc}); see --errors") from None
    if decoded.is_binary:
        raise CliError(BINARY_MESSAGE)
    return decoded


def read_input(name: str, errors: str = "replace") -> InputDoc:
    """Read one input named on the command line (``-`` is stdin)."""
    if name == STDIN:
        decoded = decode_input("<stdin>", sys.stdin.buffer.read(), errors)
        return InputDoc("<stdin>", None, decoded.text, decoded.encoding, decoded)
    path = Path(name)
    with os_errors():
        data = path.read_bytes()
    decoded = decode_input(name, data, errors)
    return InputDoc(name, path, decoded.text, decoded.encoding, decoded)


@contextlib.contextmanager
def stream_input(name: str, errors: str = "replace") -> Iterator[TextStream]:
    """A file's decoded lines, read in flat memory (binary input is an error)."""
    with os_errors():
        stream = open_text(name, errors=errors)
    with stream:
        if stream.is_binary:
            raise CliError(BINARY_MESSAGE)
        try:
            yield stream
        except DecodeError as exc:
            raise CliError(f"undecodable bytes ({exc}); see --errors") from None


@contextlib.contextmanager
def os_errors() -> Iterator[None]:
    """Turn the usual file errors into one-line :class:`CliError` messages."""
    try:
        yield
    except FileNotFoundError:
        raise CliError("no such file") from None
    except IsADirectoryError:
        raise CliError("is a directory") from None
    except PermissionError:
        raise CliError("permission denied") from None
    except OSError as exc:
        raise CliError(exc.strerror or str(exc)) from None


def atomic_write(path: Path, data: bytes, *, backup_suffix: str | None = None) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permissions.

    Either the old or the new content is at ``path`` at every moment, whatever fails.
    """
    with atomic_writer(path, backup_suffix=backup_suffix) as out:
        out.write(data)


@contextlib.contextmanager
def atomic_writer(path: Path, *, backup_suffix: str | None = None) -> Iterator[BinaryIO]:
    """A file to write ``path``'s new content into, piece by piece; it replaces ``path``
    atomically when the block ends, and is removed if the block fails."""
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
            yield tmp
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
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def write_stdout(text: str, encoding: str = "utf-8") -> None:
    """Write text to stdout as UTF-8 (or ``encoding``), whatever the locale says."""
    write_bytes(encode_output(text, encoding))


def write_bytes(data: bytes) -> None:
    """Write bytes to stdout."""
    sys.stdout.buffer.write(data)
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
    """``FILE ...`` (default: stdin) and ``--errors``."""
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        default=[STDIN],
        help="input files in any encoding; '-' or none reads standard input",
    )
    parser.add_argument(
        "--errors",
        choices=("replace", "surrogateescape", "strict"),
        default="replace",
        help="undecodable input bytes: U+FFFD (default), kept as they are "
        "(surrogateescape: written back unchanged), or an error (strict)",
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
    parser.add_argument(
        "--output-encoding",
        metavar="ENC",
        help="encoding of the output (default: UTF-8; with -i: each file's own encoding)",
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
    if args.output_encoding:
        try:
            args.output_encoding = codecs.lookup(args.output_encoding).name
        except LookupError:
            parser.error(f"unknown encoding {args.output_encoding!r}")


def emit(args: argparse.Namespace, doc: InputDoc, new_text: str) -> None:
    """Deliver the new text of one input as the output options say."""
    out_encoding = getattr(args, "output_encoding", None)
    if args.diff:
        write_stdout(unified_diff(doc.name, doc.text, new_text))
    elif args.in_place:
        assert doc.path is not None
        if new_text != doc.text:
            check_lossless(doc, getattr(args, "errors", "replace"))
            data = (
                encode_output(new_text, out_encoding) if out_encoding else write_back(doc, new_text)
            )
            atomic_write(doc.path, data, backup_suffix=args.backup)
    elif args.output:
        out_encoding = out_encoding or default_output_encoding(doc.encoding)
        atomic_write(Path(args.output), encode_output(new_text, out_encoding))
    else:
        write_stdout(new_text, out_encoding or default_output_encoding(doc.encoding))


def default_output_encoding(input_encoding: str) -> str:
    """UTF-8, with a BOM when the input was UTF-8 with a BOM (clean files stay identical).

    >>> default_output_encoding("utf-8-sig"), default_output_encoding("cp1251")
    ('utf-8-sig', 'utf-8')
    """
    return "utf-8-sig" if input_encoding == "utf-8-sig" else "utf-8"


def check_lossless(doc: InputDoc, errors: str) -> None:
    """Refuse an in-place write that would lose undecodable bytes."""
    bad = doc.decoded.undecodable if doc.decoded else None
    if bad and errors != "surrogateescape":
        raise CliError(
            f"{bad.count} undecodable byte(s) (first at offset {bad.offsets[0]}) would be lost; "
            "use --errors surrogateescape to keep them"
        )


def _writing_codec(encoding: str) -> str:
    # An ASCII file is also a UTF-8 file: new non-ASCII characters do not convert it.
    return "utf-8" if encoding == "ascii" else encoding


def write_back(doc: InputDoc, text: str) -> bytes:
    """``text`` in the input's own encoding; line by line for a file of mixed encodings."""
    decoded = doc.decoded
    if decoded is None or decoded.encoding != MIXED:
        return encode_output(text, _writing_codec(doc.encoding), own=True)
    lines = text.split("\n")
    if len(lines) != len(doc.text.split("\n")):
        raise CliError(
            "the repair changed the line structure of a mixed-encoding file; "
            "use --output-encoding utf-8"
        )
    out = []
    for seg in decoded.segments:
        chunk = "\n".join(lines[seg.start_line : seg.end_line])
        if seg.end_line < len(lines):
            chunk += "\n"
        out.append(encode_output(chunk, _writing_codec(seg.encoding), own=True))
    return b"".join(out)


def encode_output(text: str, encoding: str, *, own: bool = False) -> bytes:
    """Encode the result; characters the encoding cannot hold are a clear error.

    Lone surrogates from ``--errors surrogateescape`` turn back into the original bytes.
    """
    try:
        return text.encode(encoding, "surrogateescape")
    except UnicodeEncodeError as exc:
        whose = f"the file's own encoding ({encoding})" if own else encoding
        raise CliError(
            f"the result has characters that {whose} cannot hold "
            f"({text[exc.start : exc.end]!r}); use --output-encoding utf-8"
        ) from None


def report_error(name: str, message: str) -> None:
    """One line on stderr: ``textfix: NAME: message``."""
    sys.stderr.write(f"textfix: {name}: {message}\n")
    sys.stderr.flush()


def run_each(
    names: Iterable[str], handle: Callable[[InputDoc], int], *, errors: str = "replace"
) -> int:
    """Run ``handle`` on every input; 2 if any failed, else the highest status returned."""
    return for_each_name(names, lambda name: handle(read_input(name, errors)))


def for_each_name(names: Iterable[str], action: Callable[[str], int]) -> int:
    """Run ``action`` on every input name; 2 if any failed, else the highest status."""
    status = EXIT_OK
    failed = False
    for name in names:
        try:
            status = max(status, action(name))
        except CliError as exc:
            report_error("<stdin>" if name == STDIN else name, str(exc))
            failed = True
    return EXIT_ERROR if failed else status
