"""``textfix strip`` and ``textfix learn`` (issue 5): outputs, explanations, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from textfix.boilerplate import BoilerplateModel
from textfix.cli.main import main

PROSE = (
    "The harbour committee met on Thursday evening to discuss the new ferry timetable, "
    "which will add two crossings on weekdays from the first of May."
)
PAGE = (
    f"Skip to content\nWe use cookies to improve your experience.\n{PROSE}\nAll rights reserved.\n"
)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_strip_to_stdout_with_explain(
    page: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["strip", "--lang", "en", "--explain", str(page)]) == 0
    out, err = capsysbinary.readouterr()
    assert out.decode() == PROSE + "\n"
    lines = err.decode().splitlines()
    assert lines == [
        f"{page}:1: drop [navigation] 'Skip to content'",
        f"{page}:2: drop [cookie-banner] 'We use cookies to improve your experience.'",
        f"{page}:4: drop [copyright] 'All rights reserved.'",
    ]


def test_strip_json(page: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["strip", "--json", str(page)]) == 0
    doc = json.loads(capsysbinary.readouterr().out)
    assert doc["schema"] == "textfix.strip/1"
    assert doc["text"] == PROSE + "\n"
    assert [(c["line"], c["reason"]) for c in doc["changes"]] == [
        (1, "navigation"),
        (2, "cookie-banner"),
        (4, "copyright"),
    ]


def test_strip_in_place_with_backup_and_diff(
    page: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["strip", "--diff", str(page)]) == 0
    diff = capsysbinary.readouterr().out.decode()
    assert "-We use cookies to improve your experience." in diff
    assert main(["strip", "-i", "--backup", ".orig", str(page)]) == 0
    assert page.read_text(encoding="utf-8") == PROSE + "\n"
    assert Path(str(page) + ".orig").read_text(encoding="utf-8") == PAGE


def test_user_rules_extend_and_replace(
    page: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    rules = tmp_path / "harbour.json"
    rules.write_text(
        json.dumps({"drop": {"advertisement": {"max_len": 300, "patterns": ["^the harbour"]}}}),
        encoding="utf-8",
    )
    assert main(["strip", "--rules", str(rules), str(page)]) == 0
    assert capsysbinary.readouterr().out == b""
    assert main(["strip", "--rules", str(rules), "--rules-mode", "replace", str(page)]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert "We use cookies" in out
    assert PROSE not in out


def test_bad_rule_file_is_one_line_and_exit_2(
    page: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "bad.json"
    rules.write_text('{"drop": {"share": {"patterns": ["share"]}}}', encoding="utf-8")
    assert main(["strip", "--rules", str(rules), str(page)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "anchored" in err


def test_learn_then_strip_with_model(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for n in range(3):
        story = f"Story number {n} tells how the village rebuilt its mill after the flood. " * 3
        (site / f"p{n}.txt").write_text(f"Harbour Times\nWeather\n{story}\nJobs\n", "utf-8")
    model_path = tmp_path / "model.json"
    assert main(["learn", str(site), "-o", str(model_path)]) == 0
    model = BoilerplateModel.load(model_path)
    assert model.documents == 3
    assert model.is_furniture("Harbour Times")
    new = tmp_path / "new.txt"
    new.write_text(f"Harbour Times\n{PROSE}\nJobs\n", "utf-8")
    capsysbinary.readouterr()
    assert main(["strip", "--model", str(model_path), "--explain", str(new)]) == 0
    out, err = capsysbinary.readouterr()
    assert out.decode() == PROSE + "\n"
    assert b"[site-template] 'Harbour Times'" in err


def test_learn_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["learn", str(tmp_path / "missing"), "-o", str(tmp_path / "m.json")]) == 2
    assert "not a directory" in capsys.readouterr().err
    assert not (tmp_path / "m.json").exists()


def test_missing_model_and_missing_input(
    page: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["strip", "--model", str(tmp_path / "nope.json"), str(page)]) == 2
    assert main(["strip", str(tmp_path / "nope.txt"), str(page)]) == 2
    err = capsys.readouterr().err
    assert "no such file" in err.lower()
