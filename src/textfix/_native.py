"""Optional compiled accelerators: load one if it was built, else ``None`` (pure Python).

textfix's compiled modules (C, built by ``pip install`` where a compiler is available) only
speed up functions that also exist in pure Python, with identical results; the tests compare
the two. Set ``TEXTFIX_PURE_PYTHON=1`` to ignore every compiled module (e.g. to compare).

>>> load("textfix.no_such_accelerator") is None
True
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

#: Environment variable that turns every compiled accelerator off.
PURE_PYTHON_ENV = "TEXTFIX_PURE_PYTHON"


def load(name: str) -> ModuleType | None:
    """The compiled module ``name``, or ``None`` when it is missing, fails to load, or
    :data:`PURE_PYTHON_ENV` is set to a non-empty value other than ``0``."""
    if os.environ.get(PURE_PYTHON_ENV, "0") not in ("", "0"):
        return None
    try:
        return importlib.import_module(name)
    except ImportError:
        return None
