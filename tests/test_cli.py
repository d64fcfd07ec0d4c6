"""The ``textfix`` command line: outputs, exit codes, safe in-place writes (issue 2)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from textfix.cli.main import main

GARBLED = "Le cafÃ© est crÃ¨me.\nclean line, Привет\n"
REPAIRED = "Le café est crème.\nclean line, Привет\n"


@pytest.fixture
def garbled(tmp_path: Path) -> Path:
    path = tmp_path / "garbled.txt"
    path.write_bytes(GARBLED.encode())
    return path


def test_fix_file_to_stdout(garbled: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["fix", str(garbled)]) == 0
    out, err = capsysbinary.readouterr()
    assert out.decode() == REPAIRED
    assert err == b""
    assert garbled.read_bytes() == GARBLED.encode()


def test_fix_stdin_to_stdout() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "textfix", "fix"], input=GARBLED.encode(), capture_output=True
    )
    assert proc.returncode == 0
    assert proc.stdout.decode() == REPAIRED


def test_clean_file_bytes_are_kept(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    data = "\ufeffno final newline\r\nwith CRLF and ¿Qué?".encode()
    path = tmp_path / "clean.txt"
    path.write_bytes(data)
    assert main(["fix", str(path)]) == 0
    assert capsysbinary.readouterr().out == data


def test_output_file(garbled: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    assert main(["fix", str(garbled), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == REPAIRED


def test_in_place_with_backup_keeps_mode(garbled: Path) -> None:
    os.chmod(garbled, 0o640)
    assert main(["fix", "-i", "--backup", ".orig", str(garbled)]) == 0
    assert garbled.read_text(encoding="utf-8") == REPAIRED
    assert Path(str(garbled) + ".orig").read_bytes() == GARBLED.encode()
    assert stat.S_IMODE(garbled.stat().st_mode) == 0o640
    assert not [p for p in garbled.parent.iterdir() if p.name.endswith(".tmp")]


def test_unchanged_file_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "clean.txt"
    path.write_text("déjà vu\n", encoding="utf-8")
    before = path.stat()
    assert main(["fix", "-i", "--backup", ".orig", str(path)]) == 0
    after = path.stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    assert not Path(str(path) + ".orig").exists()


def test_failed_write_leaves_original_intact(
    garbled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken_replace(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    assert main(["fix", "-i", str(garbled)]) == 2
    assert garbled.read_bytes() == GARBLED.encode()
    assert not [p for p in garbled.parent.iterdir() if p.name != garbled.name]
    err = capsys.readouterr().err
    assert "left unchanged" in err and "Traceback" not in err


def test_check_exit_codes(
    garbled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("fine ¿Qué?\n", encoding="utf-8")
    assert main(["fix", "--check", str(clean)]) == 0
    assert main(["fix", "--check", str(garbled)]) == 1
    assert garbled.read_bytes() == GARBLED.encode()
    out, err = capsys.readouterr()
    assert out == ""
    assert "garbled.txt" in err


def test_strict_counts_unrepairable_spans(tmp_path: Path) -> None:
    # Looks garbled to ftfy's heuristic, but no code page round trip explains it.
    path = tmp_path / "odd.txt"
    path.write_text("broken Ã© and clean é together: Ã\n", encoding="utf-8")
    plain = main(["fix", "--check", str(path)])
    strict = main(["fix", "--check", "--strict", str(path)])
    assert strict >= plain
    assert strict == 1


def test_diff(garbled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fix", "--diff", str(garbled)]) == 0
    out = capsys.readouterr().out
    assert "-Le cafÃ© est crÃ¨me." in out
    assert "+Le café est crème." in out
    assert "clean line" not in [line[1:] for line in out.splitlines() if line[:1] in "+-"]


def test_explain_goes_to_stderr(garbled: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["fix", "--explain", str(garbled)]) == 0
    out, err = capsysbinary.readouterr()
    assert out.decode() == REPAIRED
    text = err.decode()
    assert f"{garbled}:1:7: utf-8 shown as cp1252" in text
    assert "'Ã©' -> 'é'" in text


def test_json_schema(garbled: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["fix", "--json", str(garbled), str(garbled)]) == 0
    docs = [json.loads(line) for line in capsysbinary.readouterr().out.decode().splitlines()]
    assert len(docs) == 2
    doc = docs[0]
    assert doc["schema"] == "textfix.findings/1"
    assert doc["repairs"] == 2
    first = doc["findings"][0]
    assert (first["line"], first["column"], first["original"], first["replacement"]) == (
        1,
        7,
        "Ã©",
        "é",
    )
    assert first["chain"] == [["utf-8", "cp1252"]]


def test_detect_report(garbled: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["detect", str(garbled)]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert "2 repairable" in out
    assert ":1:7:" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(256)) * 8, "binary"),
    ],
)
def test_bad_input_is_one_line_and_others_still_run(
    tmp_path: Path,
    garbled: Path,
    content: bytes | None,
    message: str,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    bad = tmp_path / "bad.bin"
    if content is not None:
        bad.write_bytes(content)
    assert main(["fix", str(bad), str(garbled)]) == 2
    out, err = capsysbinary.readouterr()
    assert out.decode() == REPAIRED
    lines = err.decode().strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "bad.bin" in lines[0]


def test_directory_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fix", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err


def test_usage_errors_exit_2(garbled: Path) -> None:
    for argv in (
        ["fix", "-o", "x", str(garbled), str(garbled)],
        ["fix", "-i", "-"],
        ["fix", "--backup", ".b", str(garbled)],
        ["fix", "--min-confidence", "7", str(garbled)],
        ["fix", "--strict", str(garbled)],
        ["nosuchcommand"],
    ):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2


def test_version_and_help() -> None:
    proc = subprocess.run([sys.executable, "-m", "textfix", "--version"], capture_output=True)
    assert proc.returncode == 0
    assert proc.stdout.decode().startswith("textfix ")
    proc = subprocess.run([sys.executable, "-m", "textfix", "fix", "--help"], capture_output=True)
    assert proc.returncode == 0 and b"--in-place" in proc.stdout
