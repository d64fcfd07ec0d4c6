"""``decode`` and ``read_text``: bytes of unknown encoding -> :class:`Decoded`.

Order of evidence: BOM; UTF-32/16 without BOM (NUL-byte patterns, before the binary
check); ASCII; valid UTF-8; binary; lines in different encodings; one legacy code page.
"""

from __future__ import annotations

import os

from textfix.decoding.binary import looks_binary
from textfix.decoding.bom import sniff_bom
from textfix.decoding.codec import Recorder, decode_as, strict_ok
from textfix.decoding.legacy import _canonical
from textfix.decoding.mixed import UTF8, decode_lines, plan_lines
from textfix.decoding.result import ERRORS_MODES, MIXED, Decoded, Errors, Segment
from textfix.decoding.utf import is_utf8, sniff_utf16, sniff_utf32


def check_errors(errors: str) -> Errors:
    """Validate an ``errors=`` argument (``ValueError`` on anything else)."""
    if errors not in ERRORS_MODES:
        raise ValueError(f"errors must be one of {', '.join(ERRORS_MODES)}, got {errors!r}")
    return errors  # type: ignore[return-value]


def line_count(text: str) -> int:
    """Number of lines as :func:`textfix.lines.iter_lines` sees them.

    >>> line_count(""), line_count("a"), line_count("a\\n"), line_count("a\\nb")
    (0, 1, 1, 2)
    """
    if not text:
        return 0
    return text.count("\n") + (0 if text.endswith("\n") else 1)


def _whole(text: str, encoding: str, confidence: float, rec: Recorder, **kw: bool) -> Decoded:
    segments = [Segment(0, line_count(text), encoding)]
    return Decoded(text, encoding, confidence, segments, undecodable=rec.result(), **kw)


def _sniff_utf(data: bytes, hint: str | None) -> tuple[str, float] | None:
    """A UTF encoding announced by a BOM, a NUL pattern or a (verified) hint."""
    bom = sniff_bom(data)
    if bom:
        return bom, 1.0
    wanted = _canonical(hint) if hint else ""
    if wanted.startswith("utf-") and wanted != UTF8 and strict_ok(data, wanted):
        return wanted, 0.9
    if b"\x00" in data:
        wide = sniff_utf32(data) or sniff_utf16(data)
        if wide:
            return wide, 0.95
    return None


def decode(data: bytes, *, errors: str = "replace", hint: str | None = None) -> Decoded:
    """Decode bytes of unknown, legacy or mixed encoding.

    ``errors``: ``"replace"`` (U+FFFD), ``"surrogateescape"`` (lossless) or ``"strict"``
    (raises :class:`textfix.DecodeError`, the only way this function raises on bytes).
    ``hint``: an encoding the caller believes likely; the bytes can overrule it.

    >>> decode("Цей текст".encode("cp1251")).text
    'Цей текст'
    >>> d = decode("Ünïcödé\\n".encode() + "Привет, как дела?\\n".encode("cp1251"))
    >>> d.encoding, [tuple(s) for s in d.segments]
    ('mixed', [(0, 1, 'utf-8'), (1, 2, 'cp1251')])
    >>> decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR").is_binary
    True
    """
    mode = check_errors(errors)
    data = bytes(data)
    rec = Recorder()
    if not data:
        return Decoded("", "ascii", 1.0, [])
    wide = _sniff_utf(data, hint)
    if wide:
        encoding, conf = wide
        return _whole(decode_as(data, encoding, mode, rec), encoding, conf, rec)
    if looks_binary(data):
        return _whole(decode_as(data, UTF8, mode, rec), UTF8, 0.0, rec, is_binary=True)
    if data.isascii():
        return _whole(data.decode("ascii"), "ascii", 1.0, rec)
    if is_utf8(data):
        return _whole(data.decode(UTF8), UTF8, 1.0, rec)
    cjk16 = sniff_utf16(data)  # NUL-free UTF-16: pure CJK or Hangul text
    if cjk16:
        return _whole(decode_as(data, cjk16, mode, rec), cjk16, 0.8, rec)
    return decode_legacy(data, mode, hint, rec)


def decode_legacy(data: bytes, errors: Errors, hint: str | None, rec: Recorder) -> Decoded:
    """Bytes that are neither UTF nor binary: one code page, or one per line when mixed."""
    plan = plan_lines(data, hint)
    if plan.is_mixed:
        text, segments = decode_lines(data, plan, errors, rec)
        if len({seg.encoding for seg in segments}) > 1:
            return Decoded(text, MIXED, plan.confidence, segments, undecodable=rec.result())
        encoding = segments[0].encoding
        return Decoded(text, encoding, plan.confidence, segments, undecodable=rec.result())
    if "legacy" not in plan.kinds:  # UTF-8 with a few damaged bytes
        return _whole(decode_as(data, UTF8, errors, rec), UTF8, 0.7, rec)
    # plan_lines chose the code page from all legacy lines: the whole file's evidence.
    text = decode_as(data, plan.legacy, errors, rec)
    return _whole(text, plan.legacy, plan.confidence, rec)


def read_text(
    path: str | os.PathLike[str], *, errors: str = "replace", hint: str | None = None
) -> Decoded:
    """Read a whole file and :func:`decode` it (``OSError`` if the file cannot be read).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.txt"
    >>> _ = p.write_bytes("Слава Україні! Героям слава!".encode("cp1251"))
    >>> read_text(p).text
    'Слава Україні! Героям слава!'
    """
    with open(path, "rb") as fh:
        return decode(fh.read(), errors=errors, hint=hint)
