"""BoilerplateModel: learns recurring furniture, spares prose, round-trips through JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

from textfix.boilerplate import BoilerplateModel, strip_boilerplate

PROSE = "The river festival returns this weekend with boat races, music and food stalls. " * 2
QUOTE = "The mayor said the festival brings the whole town together every single summer."


def pages() -> list[str]:
    out = []
    for n in range(4):
        body = f"Report {n}: {PROSE}"
        out.append(f"Town Gazette\nNews | Sport | Weather\n{body}\n{QUOTE}\nContact the newsroom")
    return out


def test_fit_learns_recurring_short_lines_not_prose() -> None:
    model = BoilerplateModel.fit(pages())
    assert model.documents == 4
    assert model.is_furniture("Town Gazette")
    assert model.is_furniture("  News | Sport | Weather ")
    assert model.is_furniture("Contact the newsroom")
    assert not model.is_furniture(QUOTE)  # recurring, but a sentence of prose
    assert not model.is_furniture("Report 1: " + PROSE)


def test_min_docs_threshold() -> None:
    docs = ["Only once\nShared line", "Shared line", "Other"]
    assert BoilerplateModel.fit(docs).is_furniture("Shared line")
    assert not BoilerplateModel.fit(docs, min_docs=3).is_furniture("Shared line")
    with pytest.raises(ValueError):
        BoilerplateModel.fit(docs, min_docs=0)


def test_save_load_round_trip(tmp_path: Path) -> None:
    model = BoilerplateModel.fit(pages())
    path = tmp_path / "m.json"
    model.save(path)
    again = BoilerplateModel.load(path)
    assert again == model
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something-else"}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a boilerplate model"):
        BoilerplateModel.load(bad)


def test_strip_with_model_drops_site_template() -> None:
    model = BoilerplateModel.fit(pages())
    new_page = f"Town Gazette\nA new story. {PROSE}\nContact the newsroom\n"
    result = strip_boilerplate(new_page, lang="en", model=model)
    assert result.text == f"A new story. {PROSE}\n"
    assert [v.reason for v in result.lines] == ["site-template", None, "site-template"]
