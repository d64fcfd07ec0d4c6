"""The CLI reads any encoding: legacy and mixed input, in-place write-back, streaming -o."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from textfix.cli import fix as fix_cli
from textfix.cli.main import main

UK = "Доброго ранку! Сьогодні ми поговоримо про погоду в Києві.\n"
GARBLED_UTF8 = "Le cafÃ© est prÃªt.\n"


def test_legacy_file_is_decoded_and_output_is_utf8(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    path = tmp_path / "uk.txt"
    path.write_bytes((UK * 3).encode("cp1251"))
    assert main(["fix", str(path)]) == 0
    assert capsysbinary.readouterr().out == (UK * 3).encode()
    assert main(["fix", "--output-encoding", "koi8-u", str(path)]) == 0
    assert capsysbinary.readouterr().out == (UK * 3).encode("koi8-u")


def test_in_place_keeps_the_files_own_encoding(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    text = "Le café est prêt, dit-il à la boulangère.\nMenu: cr&egrave;me br&ucirc;l&eacute;e\n"
    path.write_bytes(text.encode("cp1252"))
    assert main(["fix", "-i", "--unescape-html", "--backup", ".orig", str(path)]) == 0
    assert path.read_bytes() == text.replace(
        "cr&egrave;me br&ucirc;l&eacute;e", "crème brûlée"
    ).encode("cp1252")
    assert (tmp_path / "fr.txt.orig").read_bytes() == text.encode("cp1252")


def test_legacy_file_with_utf8_mojibake_lines_reads_them_as_utf8(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    # UTF-8 shown as cp1252 and saved as cp1252 is the UTF-8 bytes again: a mixed file.
    path = tmp_path / "fr.txt"
    path.write_bytes("Le café est prêt.\n".encode("cp1252") + GARBLED_UTF8.encode("cp1252"))
    assert main(["fix", str(path)]) == 0
    assert capsysbinary.readouterr().out.decode() == "Le café est prêt.\n" * 2


def test_in_place_refuses_characters_the_encoding_cannot_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ru.txt"
    original = "Меню ресторана: cr&egrave;me br&ucirc;l&eacute;e и чай.\n".encode("cp1251")
    path.write_bytes(original)
    assert main(["fix", "-i", "--unescape-html", str(path)]) == 2
    err = capsys.readouterr().err
    assert "cannot hold" in err and "--output-encoding utf-8" in err
    assert path.read_bytes() == original
    argv = ["fix", "-i", "--unescape-html", "--output-encoding", "utf-8", str(path)]
    assert main(argv) == 0
    assert path.read_text(encoding="utf-8") == "Меню ресторана: crème brûlée и чай.\n"


def test_in_place_refuses_to_lose_undecodable_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "damaged.txt"
    original = "Всё хорошо, спасибо\n".encode()[:-3] + b"\xff\n" + GARBLED_UTF8.encode()
    path.write_bytes(original)
    assert main(["fix", "-i", str(path)]) == 2
    assert "--errors surrogateescape" in capsys.readouterr().err
    assert path.read_bytes() == original
    assert main(["fix", "-i", "--errors", "surrogateescape", str(path)]) == 0
    fixed = path.read_bytes()
    assert b"\xff\n" in fixed and "Le café est prêt.".encode() in fixed


def test_mixed_file_in_place_is_written_back_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "log.txt"
    lines = [
        ("Запуск сервера, всё в порядке\n", "cp1251"),
        ("Ошибка: диск переполнен, требуется очистка\n", "utf-8"),
        (GARBLED_UTF8, "utf-8"),
        ("Останов сервера после ошибки\n", "cp1251"),
    ]
    path.write_bytes(b"".join(t.encode(e) for t, e in lines))
    assert main(["fix", "-i", str(path)]) == 0
    expected = [(t.replace("cafÃ© est prÃªt", "café est prêt"), e) for t, e in lines]
    assert path.read_bytes() == b"".join(t.encode(e) for t, e in expected)


def test_fix_output_streams_in_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fix_cli, "BLOCK_CHARS", 64)
    src = tmp_path / "in.txt"
    out = tmp_path / "out.txt"
    text = (UK + GARBLED_UTF8) * 40
    src.write_bytes(text.encode("utf-16"))
    assert main(["fix", "-o", str(out), str(src)]) == 0
    assert out.read_text(encoding="utf-8") == text.replace("cafÃ© est prÃªt", "café est prêt")


def test_binary_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    for command in (["fix"], ["fix", "-o", str(tmp_path / "o")], ["detect"], ["decode"]):
        assert main([*command, str(path)]) == 2
        assert "binary file" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_decode_command(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    a = tmp_path / "a.txt"
    a.write_bytes((UK * 2).encode("koi8-u"))
    b = tmp_path / "b.txt"
    b.write_bytes(UK.encode() + UK.encode("cp1251"))
    assert main(["decode", str(a), str(b)]) == 0
    out = capsysbinary.readouterr().out.decode().splitlines()
    assert out[0].startswith(f"{a}: koi8-u (confidence ")
    assert out[1].startswith(f"{b}: mixed") and "lines 1-1 utf-8, lines 2-2 cp1251" in out[1]
    assert main(["decode", "--json", str(b)]) == 0
    doc = json.loads(capsysbinary.readouterr().out)
    assert doc["schema"] == "textfix.decode/1" and doc["encoding"] == "mixed"
    assert [s["encoding"] for s in doc["segments"]] == ["utf-8", "cp1251"]
