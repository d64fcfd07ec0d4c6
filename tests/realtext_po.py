"""Real sentences for tests: Django's compiled translation catalogues (installed with the
test dependencies). The language models are built from wordfreq and hunspell data, so these
tests never grade the data a model was built from."""

from __future__ import annotations

import functools
import gettext
import re
from pathlib import Path

import django

_LOCALE = Path(django.__file__).parent / "conf" / "locale"
_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


@functools.cache
def django_lines(lang: str, limit: int = 200) -> tuple[str, ...]:
    """Up to ``limit`` translated messages of ``lang`` (one line each, deterministic order)."""
    mo = _LOCALE / lang / "LC_MESSAGES" / "django.mo"
    with mo.open("rb") as fh:
        catalog = gettext.GNUTranslations(fh)._catalog  # type: ignore[attr-defined]
    out = []
    for key in sorted(catalog, key=str):
        value = catalog[key]
        if not isinstance(value, str) or not value or "\n" in value:
            continue
        if _PLACEHOLDER.sub("", value).isascii():
            continue
        out.append(value)
    return tuple(out[:limit])
