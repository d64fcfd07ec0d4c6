"""The whole pipeline (decode -> fix -> strip), as a function and as ``textfix clean``."""

from __future__ import annotations

from pathlib import Path

import pytest

from textfix.cli.main import main
from textfix.pipeline import clean

NOTICE = "Ця сторінка також доступна англійською мовою"
BODY = (
    "The council approved the new budget on Tuesday after a long debate about schools, "
    "roads and the future of the old market hall in the centre of the town."
)
PAGE = "\n".join(
    [
        "Council approves budget",
        NOTICE.encode("cp1251").decode("latin-1"),
        BODY,
        "This website uses cookies to improve your experience. Accept",
    ]
)


def test_clean_bytes_runs_every_stage() -> None:
    result = clean(PAGE.encode("utf-8"), lang="en")
    assert result.decoded is not None and result.decoded.encoding == "utf-8"
    assert NOTICE not in result.text and BODY in result.text
    assert any(r.chain == (("cp1251", "iso8859-1"),) for r in result.fixed.repairs)
    assert result.stripped is not None
    reasons = {v.reason for v in result.stripped.lines if v.action == "drop"}
    assert {"language-notice", "cookie-banner"} <= reasons


def test_clean_without_strip_only_repairs() -> None:
    result = clean(PAGE, strip=False)
    assert result.decoded is None and result.stripped is None
    assert NOTICE in result.text and "cookies" in result.text


def test_clean_command(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(PAGE.encode("utf-8"))
    assert main(["clean", "--explain", str(page)]) == 0
    out, err = capsysbinary.readouterr()
    text = out.decode()
    assert BODY in text and "cookies" not in text and NOTICE not in text
    assert "cp1251 shown as latin-1" in err.decode()
    assert "[cookie-banner]" in err.decode()
