"""Make ``benchmarks`` (repo root) and ``textfix`` (``src/``) importable without installing."""

from __future__ import annotations

import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
for _path in (_ROOT / "src", _ROOT):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from hypothesis import settings  # noqa: E402  (after the path set-up above)

# Derandomized: the same examples on every run, so CI failures are reproducible.
settings.register_profile("textfix", derandomize=True, deadline=None)
settings.load_profile("textfix")
