"""open_text / read_text: streaming gives the same text as decode, in any chunking."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.decoding import DecodeError, decode, read_text
from textfix.decoding.stream import open_text

LINES = [
    "Доброго ранку, друзі!",
    "Сьогодні ми поговоримо про погоду.",
    "plain ASCII line",
    "Über den Wolken muss die Freiheit wohl grenzenlos sein.",
    "我们今天去公园散步。",
]


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("chunk", [16, 37, 1 << 20])
@pytest.mark.parametrize(
    ("encoding", "lines"),
    [
        ("utf-8", LINES),
        ("utf-16", LINES),
        ("utf-16-le", LINES),
        ("utf-32-be", LINES),
        ("cp1251", LINES[:3]),
        ("gb18030", LINES),
        ("shift_jis", ["今日は晴れです。", "明日は雨でしょう。"] * 5),
    ],
)
def test_stream_matches_decode(tmp_path: Path, encoding: str, lines: list[str], chunk: int) -> None:
    text = "\r\n".join(lines * 4) + "\n"
    path = _write(tmp_path, text.encode(encoding))
    with open_text(path, chunk_size=chunk) as stream:
        got = list(stream)
    assert "".join(got) == text == read_text(path).text
    assert all(line.endswith("\n") for line in got)
    assert len(got) == len(lines) * 4


def test_stream_switches_to_mixed_after_the_prefix(tmp_path: Path) -> None:
    head = ("Перша строка в UTF-8, досить довга для префікса.\n" * 50).encode()
    tail = (
        "А це вже стара кодова сторінка cp1251, як у старих логах.\n"
        "Такі рядки трапляються, коли програму довго не оновлювали.\n"
    ).encode("cp1251")
    path = _write(tmp_path, head + tail + head)
    stream = open_text(path, chunk_size=4096, prefix_size=200)  # the prefix sees UTF-8 only
    with stream:
        text = "".join(stream)
    assert text == (head + tail.decode("cp1251").encode() + head).decode()
    assert stream.encoding == "mixed"
    assert [s.encoding for s in stream.segments] == ["utf-8", "cp1251", "utf-8"]
    assert [tuple(s)[:2] for s in stream.segments] == [(0, 50), (50, 52), (52, 102)]


def test_stream_undecodable_offsets_and_strict(tmp_path: Path) -> None:
    line = "Всё хорошо, спасибо большое\n".encode()
    data = line * 3 + line[:7] + b"\xff" + line[7:]
    path = _write(tmp_path, data)
    with open_text(path) as stream:
        text = "".join(stream)
    assert stream.undecodable.offsets == (len(line) * 3 + 7,)
    assert text.count("\ufffd") == 1 and stream.encoding == "utf-8"
    with pytest.raises(DecodeError), open_text(path, errors="strict") as strict:
        list(strict)


def test_binary_file_is_flagged_before_reading(tmp_path: Path) -> None:
    path = _write(tmp_path, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 100)
    with open_text(path) as stream:
        assert stream.is_binary


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from([*LINES, "", "Ω", "ёлка"]), max_size=30),
    st.sampled_from(["utf-8", "utf-16-le", "cp1251", "gb18030"]),
    st.integers(16, 200),
)
def test_stream_equals_decode_property(lines: list[str], encoding: str, chunk: int) -> None:
    import tempfile

    text = "\n".join(lines)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = _write(Path(tmp), data)
        with open_text(path, chunk_size=chunk) as stream:
            streamed = "".join(stream)
    assert streamed == decode(data).text or decode(data[:chunk]).encoding != decode(data).encoding
