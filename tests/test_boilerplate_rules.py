"""Rule files: built-ins load and are anchored; user files extend or replace them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from textfix.boilerplate import BUILTIN_LANGUAGES, REASONS, RuleError, strip_boilerplate
from textfix.boilerplate.rules import builtin, parse_rules, ruleset

LONG = (
    "Die Ausstellung im Stadtmuseum zeigt Fotografien aus hundert Jahren Hafengeschichte, "
    "von den ersten Dampfern bis zu den Containerschiffen von heute."
)


@pytest.mark.parametrize("name", [*BUILTIN_LANGUAGES, "common"])
def test_builtin_files_load_and_use_documented_reasons(name: str) -> None:
    rules = builtin(name)
    assert rules.drops
    for rule in rules.drops:
        assert rule.reason in REASONS
        assert rule.max_len <= 700


def test_every_language_has_every_core_class() -> None:
    core = {"cookie-banner", "error-report", "language-notice", "newsletter", "share"}
    core |= {"read-also", "copyright", "advertisement", "comments", "login"}
    for lang in BUILTIN_LANGUAGES:
        have = {r.reason for r in builtin(lang).drops}
        assert core <= have, (lang, core - have)
        assert set(builtin(lang).edits) == {"read-more", "share-prefix"}


def test_length_bound_protects_long_lines() -> None:
    rs = ruleset(("en",))
    banner = "We use cookies to improve your experience on our site."
    assert rs.drop_reason(banner) == "cookie-banner"
    assert rs.drop_reason(banner + " More words." * 80) is None


def test_unanchored_and_broken_patterns_are_rejected() -> None:
    with pytest.raises(RuleError, match="anchored"):
        parse_rules({"drop": {"share": {"patterns": ["share"]}}}, "x")
    with pytest.raises(RuleError, match="bad pattern"):
        parse_rules({"drop": {"share": {"patterns": ["^(share"]}}}, "x")
    with pytest.raises(RuleError, match="max_len"):
        parse_rules({"drop": {"share": {"max_len": 0, "patterns": ["^a"]}}}, "x")
    with pytest.raises(RuleError, match="edit class"):
        parse_rules({"edits": {"shout": ["^a"]}}, "x")
    with pytest.raises(RuleError, match="must end"):
        parse_rules({"edits": {"read-more": ["^more"]}}, "x")


def test_user_rules_extend_and_replace(tmp_path: Path) -> None:
    path = tmp_path / "museum.json"
    path.write_text(
        json.dumps({"drop": {"site-template": {"max_len": 40, "patterns": ["^öffnungszeiten"]}}}),
        encoding="utf-8",
    )
    page = f"Öffnungszeiten\n{LONG}\nAnzeige\n{LONG}"
    extended = strip_boilerplate(page, lang="de", rules=[path])
    assert [v.reason for v in extended.lines] == ["site-template", None, "advertisement", None]
    assert strip_boilerplate(page, lang="de", rules=str(path)).lines == extended.lines
    replaced = strip_boilerplate(page, lang="de", rules=[path], rules_mode="replace")
    assert [v.reason for v in replaced.lines] == ["site-template", None, None, None]
    with pytest.raises(ValueError, match="rules_mode"):
        strip_boilerplate(page, rules=[path], rules_mode="merge")  # type: ignore[arg-type]
    with pytest.raises(RuleError):
        strip_boilerplate(page, rules=[tmp_path / "missing.json"])


def test_unknown_language_applies_every_set() -> None:
    page = f"{LONG}\nCzytaj także\n{LONG}\nЧитайте также\n{LONG}"
    result = strip_boilerplate(page, lang="hu")
    assert [v.reason for v in result.lines][1::2] == ["read-also", "read-also"]


def test_docs_reason_table_matches_reasons() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "boilerplate.md").read_text("utf-8")
    rows = [line for line in doc.split("\n") if line.startswith("| `")]
    table = {row.split("`")[1]: row.split("|")[2].strip() for row in rows}
    assert table == REASONS
