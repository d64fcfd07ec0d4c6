"""Decode bytes with one codec, recording where bytes could not be decoded.

Python's error handlers replace bad bytes but do not say where they were; textfix
registers two handlers that also record the byte offsets in a per-thread
:class:`Recorder`, so that ``Decoded.undecodable`` can report them.
"""

from __future__ import annotations

import codecs
import threading

from textfix.decoding.result import MAX_OFFSETS, DecodeError, Errors, Undecodable

_local = threading.local()


class Recorder:
    """Collects undecodable byte offsets (count exact, offsets capped at ``MAX_OFFSETS``).

    >>> rec = Recorder()
    >>> decode_as(b"a\\xffb", "utf-8", "replace", rec)
    'a\\ufffdb'
    >>> rec.result()
    Undecodable(count=1, offsets=(1,))
    """

    def __init__(self) -> None:
        self.count = 0
        self.offsets: list[int] = []
        self.base = 0

    def add(self, start: int, end: int) -> None:
        """Record bytes ``start:end`` of the buffer being decoded (shifted by ``base``)."""
        self.count += end - start
        room = MAX_OFFSETS - len(self.offsets)
        if room > 0:
            self.offsets.extend(range(self.base + start, self.base + min(end, start + room)))

    def result(self) -> Undecodable:
        """The frozen summary."""
        return Undecodable(self.count, tuple(self.offsets))


def _current() -> Recorder:
    rec: Recorder | None = getattr(_local, "recorder", None)
    if rec is None:  # a decoder used outside decode_as: record into a throwaway
        rec = _local.recorder = Recorder()
    return rec


def _replace(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _current().add(exc.start, exc.end)
    return "\ufffd", exc.end


def _escape(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _current().add(exc.start, exc.end)
    # Like Python's surrogateescape, but also for bytes < 0x80 (seen in broken UTF-16).
    return "".join(chr(0xDC00 + b) for b in exc.object[exc.start : exc.end]), exc.end


codecs.register_error("textfix-replace", _replace)
codecs.register_error("textfix-surrogateescape", _escape)

HANDLERS: dict[str, str] = {
    "replace": "textfix-replace",
    "surrogateescape": "textfix-surrogateescape",
    "strict": "strict",
}


class recording:
    """Make ``rec`` the recorder of this thread while the block runs."""

    def __init__(self, rec: Recorder) -> None:
        self.rec = rec
        self.saved: Recorder | None = None

    def __enter__(self) -> Recorder:
        self.saved = getattr(_local, "recorder", None)
        _local.recorder = self.rec
        return self.rec

    def __exit__(self, *exc: object) -> None:
        _local.recorder = self.saved


def decode_as(data: bytes, encoding: str, errors: Errors, rec: Recorder, base: int = 0) -> str:
    """Decode ``data`` (found at byte ``base`` of the input) as ``encoding``.

    Undecodable bytes are recorded in ``rec``; with ``errors="strict"`` they raise
    :class:`DecodeError` instead.

    >>> decode_as(b"\\xcf\\xf0\\xe8", "cp1251", "strict", Recorder())
    'При'
    >>> decode_as(b"ab\\xff", "utf-8", "surrogateescape", Recorder())
    'ab\\udcff'
    """
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if errors == "strict":
            raise DecodeError(encoding, base + exc.start, exc.reason) from None
    rec.base = base
    with recording(rec):
        return data.decode(encoding, HANDLERS[errors])


def fits(text: str, encoding: str) -> bool:
    """Whether ``text`` can be written in ``encoding`` without loss.

    >>> fits("Привет", "cp1251"), fits("Привет", "iso8859-1")
    (True, False)
    """
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def strict_ok(data: bytes, encoding: str) -> bool:
    """Whether ``data`` decodes as ``encoding`` with no error at all.

    >>> strict_ok(b"\\xd0\\x9f", "utf-8"), strict_ok(b"\\xd0", "utf-8")
    (True, False)
    """
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True
