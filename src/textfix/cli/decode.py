"""``textfix decode FILE ...``: each file's encoding(s) and confidence.

Files are read through the streaming decoder, so any size works in flat memory; a file
whose lines are in different encodings is reported as ``mixed`` with its segments.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from textfix.cli import io
from textfix.decoding import Decoded, Segment
from textfix.decoding.stream import TextStream

#: Version of the ``--json`` document.
JSON_SCHEMA = "textfix.decode/1"


def add_parser(subparsers: Any) -> None:
    """Register ``decode``."""
    parser = subparsers.add_parser(
        "decode",
        help="tell the encoding(s) of files",
        description="Detect the encoding of each file (mixed files: per range of lines).",
    )
    io.add_input_argument(parser)
    parser.add_argument("--json", action="store_true", help="one JSON document per file")
    parser.set_defaults(func=run, parser=parser)


def _segments(segments: list[Segment]) -> list[dict[str, Any]]:
    # 1-based, inclusive line numbers, as editors show them.
    return [
        {"first_line": s.start_line + 1, "last_line": s.end_line, "encoding": s.encoding}
        for s in segments
    ]


def describe(name: str, stream: Decoded | TextStream, as_json: bool) -> str:
    """One file's report: a line of text, or a JSON document on one line.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes("Добрий день, як справи?\\n".encode("cp1251"))
    >>> with io.stream_input(str(p)) as s:
    ...     _ = list(s)
    ...     print(describe("a.txt", s, False))
    a.txt: cp1251 (confidence 0.99)
    """
    bad = stream.undecodable
    if as_json:
        doc = {
            "schema": JSON_SCHEMA,
            "file": name,
            "encoding": stream.encoding,
            "confidence": round(stream.confidence, 3),
            "segments": _segments(stream.segments),
            "undecodable": {"count": bad.count, "offsets": list(bad.offsets[:100])},
        }
        return json.dumps(doc, ensure_ascii=False)
    text = f"{name}: {stream.encoding} (confidence {stream.confidence:.2f})"
    if len(stream.segments) > 1:
        parts = [
            f"lines {s['first_line']}-{s['last_line']} {s['encoding']}"
            for s in _segments(stream.segments)
        ]
        text += ": " + ", ".join(parts)
    if bad:
        text += f"; {bad.count} undecodable byte(s), first at offset {bad.offsets[0]}"
    return text


def run(args: argparse.Namespace) -> int:
    """Report on every input; exit 0 unless an input failed (missing, binary, ...)."""

    def one(name: str) -> int:
        if name == io.STDIN:
            doc = io.read_input(name, args.errors)
            assert doc.decoded is not None
            io.write_stdout(describe(doc.name, doc.decoded, args.json) + "\n")
            return io.EXIT_OK
        with io.stream_input(name, args.errors) as stream:
            for _ in stream:  # read it all: later lines may turn the file mixed
                pass
        io.write_stdout(describe(name, stream, args.json) + "\n")
        return io.EXIT_OK

    return io.for_each_name(args.files, one)
