"""Packaging: every header a compiled accelerator includes is listed in its ``depends``
(setuptools ships those in the sdist and rebuilds when they change); a header left out
makes a build from the sdist fail and fall back to pure Python silently."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")

ROOT = Path(__file__).resolve().parent.parent
_INCLUDE = re.compile(r'^#include "([^"]+)"', re.MULTILINE)


def _included(source: Path) -> set[str]:
    """The repository paths of the headers ``source`` includes, followed through headers."""
    found: set[str] = set()
    todo = [source]
    while todo:
        path = todo.pop()
        for name in _INCLUDE.findall(path.read_text(encoding="utf-8")):
            header = (path.parent / name).resolve()
            rel = header.relative_to(ROOT).as_posix()
            if header.exists() and rel not in found:
                found.add(rel)
                todo.append(header)
    return found


def _modules() -> list[dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    modules: list[dict[str, object]] = config["tool"]["setuptools"]["ext-modules"]
    return modules


@pytest.mark.parametrize("module", _modules(), ids=lambda m: str(m["name"]))
def test_every_included_header_is_a_dependency(module: dict[str, object]) -> None:
    sources = module["sources"]
    assert isinstance(sources, list) and sources
    included = set().union(*(_included(ROOT / str(s)) for s in sources))
    assert included, "a compiled module with no header of its own: test reads the wrong files"
    depends = set(module.get("depends", []))  # type: ignore[call-overload]
    assert included - depends == set()


def test_manifest_ships_every_header() -> None:
    manifest = (ROOT / "MANIFEST.in").read_text(encoding="utf-8")
    assert re.search(r"^recursive-include src/textfix .*\*\.h", manifest, re.MULTILINE)
