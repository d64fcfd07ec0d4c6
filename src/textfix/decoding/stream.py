"""``open_text``: decode a file of any size line by line, in flat memory.

The encoding is decided from a bounded prefix (cut at a line boundary). Files decided as
ASCII, UTF-8 or mixed are then read in chunks cut at line boundaries: a chunk that is valid
UTF-8 is decoded at once, any other chunk line by line, so that a legacy line appearing
after the prefix is still decoded right (the file becomes ``"mixed"``). Every other codec
runs as an incremental decoder, which never cuts a character.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from types import TracebackType
from typing import BinaryIO

from textfix.decoding.codec import HANDLERS, Recorder, decode_as, recording
from textfix.decoding.core import check_errors, decode
from textfix.decoding.legacy import choose_legacy
from textfix.decoding.mixed import UTF8, classify, refine, split_lines
from textfix.decoding.result import MIXED, DecodeError, Errors, Segment, Undecodable

#: Bytes read to decide the encoding.
PREFIX_SIZE = 1 << 18
#: Bytes read per chunk afterwards.
CHUNK_SIZE = 1 << 20
#: A line longer than this is handed out in pieces (cut at a character boundary).
MAX_LINE = 16 << 20

_LINE_MODE = ("ascii", UTF8, MIXED)


class TextStream:
    """Lines of a file, decoded; iterate it (each line keeps its ``"\\n"``/``"\\r\\n"``).

    ``encoding``, ``segments`` and ``undecodable`` describe what has been read so far and
    are final once iteration ends; ``is_binary`` is known as soon as the file is open.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        errors: str = "replace",
        hint: str | None = None,
        prefix_size: int = PREFIX_SIZE,
        chunk_size: int = CHUNK_SIZE,
    ) -> None:
        self.errors: Errors = check_errors(errors)
        self.hint = hint
        self.chunk_size = max(16, chunk_size)
        self._fh: BinaryIO = open(path, "rb")  # noqa: SIM115 - closed by close()/__exit__
        self._rec = Recorder()
        self._prefix_size = max(16, prefix_size)
        self._prefix = self._fh.read(self._prefix_size)
        head = self._decision_window(self._prefix)
        decided = decode(head, hint=hint)
        self.is_binary = decided.is_binary
        self.confidence = decided.confidence
        self.encoding = decided.encoding
        self._legacy: str | None = next(
            (s.encoding for s in decided.segments if s.encoding not in ("ascii", UTF8)), None
        )
        self.segments: list[Segment] = []
        self._lines = 0
        self._started = False

    def _decision_window(self, prefix: bytes) -> bytes:
        """The prefix cut so that no line or character is cut (whole file if it fits)."""
        if len(prefix) < self._prefix_size:
            return prefix  # the whole file
        if b"\x00" in prefix or prefix.startswith((b"\xff\xfe", b"\xfe\xff")):
            return prefix[: len(prefix) - len(prefix) % 4]  # UTF-16/32 units stay whole
        nl = prefix.rfind(b"\n")
        return prefix[: nl + 1] if nl > 0 else prefix

    # -- context manager / iterator protocol ----------------------------------------
    def __enter__(self) -> TextStream:
        return self

    def __exit__(
        self, tp: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the file."""
        self._fh.close()

    @property
    def undecodable(self) -> Undecodable:
        """Undecodable bytes met so far (count and first offsets)."""
        return self._rec.result()

    def __iter__(self) -> Iterator[str]:
        if self._started:
            raise ValueError("a TextStream can be iterated only once")
        self._started = True
        if self.encoding in _LINE_MODE and not self.is_binary:
            return self._by_lines()
        return self._by_codec()

    # -- bookkeeping ------------------------------------------------------------------
    def _note(self, encoding: str, n_lines: int) -> None:
        """Record ``n_lines`` more lines in ``encoding``; become mixed on a second codec."""
        if n_lines <= 0:
            return
        start, end = self._lines, self._lines + n_lines
        self._lines = end
        if self.segments and self.segments[-1].encoding in (encoding, "ascii"):
            last = self.segments[-1]
            if last.encoding == "ascii":
                last = Segment(last.start_line, last.end_line, encoding)
            self.segments[-1] = Segment(last.start_line, end, last.encoding)
        elif encoding == "ascii" and self.segments:
            last = self.segments[-1]
            self.segments[-1] = Segment(last.start_line, end, last.encoding)
        else:
            self.segments.append(Segment(start, end, encoding))
        kinds = {s.encoding for s in self.segments} - {"ascii"}
        if len(kinds) > 1:
            self.encoding = MIXED
        elif kinds and self.encoding != MIXED:
            self.encoding = next(iter(kinds))

    # -- ASCII / UTF-8 / mixed: chunks cut at line boundaries ---------------------------
    def _raw_chunks(self) -> Iterator[tuple[int, bytes]]:
        """``(offset, bytes)`` pieces ending at a newline (or at a cut of a huge line)."""
        pending = self._prefix
        self._prefix = b""
        offset = 0
        while True:
            more = self._fh.read(self.chunk_size)
            pending += more
            if not more:
                if pending:
                    yield offset, pending
                return
            nl = pending.rfind(b"\n")
            if nl >= 0:
                yield offset, pending[: nl + 1]
                offset += nl + 1
                pending = pending[nl + 1 :]
            elif len(pending) > MAX_LINE:
                cut = _utf8_boundary(pending, MAX_LINE)
                yield offset, pending[:cut]
                offset += cut
                pending = pending[cut:]

    def _by_lines(self) -> Iterator[str]:
        for offset, chunk in self._raw_chunks():
            try:
                text = chunk.decode(UTF8)
            except UnicodeDecodeError:
                yield from self._mixed_chunk(offset, chunk)
                continue
            lines = text.split("\n")
            tail = lines.pop()
            kind = "ascii" if chunk.isascii() else UTF8
            self._note(kind, len(lines) + (1 if tail else 0))
            for line in lines:
                yield line + "\n"
            if tail:
                yield tail

    def _mixed_chunk(self, offset: int, chunk: bytes) -> Iterator[str]:
        lines = [line for _, line in split_lines(chunk)]
        kinds = [classify(line) for line in lines]
        if self._legacy is None and "legacy" in kinds:
            bad = b"".join(line for line, k in zip(lines, kinds, strict=False) if k == "legacy")
            self._legacy = choose_legacy(bad, self.hint).encoding
        if self._legacy is not None:
            refine(lines, kinds, self._legacy)
        for line, kind in zip(lines, kinds, strict=False):
            encoding = self._legacy if kind == "legacy" and self._legacy else UTF8
            yield decode_as(line, encoding, self.errors, self._rec, base=offset)
            self._note("ascii" if kind == "ascii" else encoding, 1)
            offset += len(line)

    # -- any other codec: an incremental decoder ------------------------------------------
    def _by_codec(self) -> Iterator[str]:
        encoding = self.encoding if not self.is_binary else UTF8
        handler = HANDLERS[self.errors]
        decoder = codecs.getincrementaldecoder(encoding)(handler)
        consumed = 0
        pending = ""
        data = self._prefix
        self._prefix = b""
        while True:
            final = not data
            pending_bytes = _pending_len(decoder)
            self._rec.base = consumed - pending_bytes
            try:
                with recording(self._rec):
                    pending += decoder.decode(data, final)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    encoding, consumed - pending_bytes + exc.start, exc.reason
                ) from None
            consumed += len(data)
            nl = pending.rfind("\n")
            if nl >= 0:
                lines = pending[: nl + 1].split("\n")[:-1]
                pending = pending[nl + 1 :]
                self._note(encoding, len(lines))
                for line in lines:
                    yield line + "\n"
            elif len(pending) > MAX_LINE:
                self._note(encoding, 0)
                yield pending
                pending = ""
            if final:
                break
            data = self._fh.read(self.chunk_size)
        if pending:
            self._note(encoding, 1)
            yield pending


def _pending_len(decoder: codecs.IncrementalDecoder) -> int:
    try:
        state = decoder.getstate()
    except (AttributeError, NotImplementedError):  # pragma: no cover - every stdlib codec has it
        return 0
    return len(state[0]) if isinstance(state[0], bytes) else 0


def _utf8_boundary(data: bytes, limit: int) -> int:
    """The largest cut <= ``limit`` that does not split a UTF-8 character."""
    cut = limit
    while cut > limit - 4 and cut > 0 and 0x80 <= data[cut] < 0xC0:
        cut -= 1
    return cut


def open_text(
    path: str | os.PathLike[str],
    *,
    errors: str = "replace",
    hint: str | None = None,
    chunk_size: int = CHUNK_SIZE,
    prefix_size: int = PREFIX_SIZE,
) -> TextStream:
    """Open a file for reading as decoded lines, in flat memory whatever its size.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.txt"
    >>> _ = p.write_bytes("Grüße\\n".encode() + "Привет, как дела?\\n".encode("cp1251"))
    >>> with open_text(p) as lines:
    ...     print(list(lines), lines.encoding)
    ['Grüße\\n', 'Привет, как дела?\\n'] mixed
    """
    return TextStream(
        path, errors=errors, hint=hint, chunk_size=chunk_size, prefix_size=prefix_size
    )
