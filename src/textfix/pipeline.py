"""The whole data flow in one call: bytes -> text -> repaired -> stripped."""

from __future__ import annotations

from dataclasses import dataclass

from textfix.api import Fixer
from textfix.boilerplate import BoilerplateModel, Stripped, strip_boilerplate
from textfix.decoding import Decoded, decode
from textfix.types import Fixed


@dataclass(frozen=True)
class Cleaned:
    """What each stage of :func:`clean` did; ``text`` is the final result."""

    text: str
    decoded: Decoded | None  # None when the input was already text
    fixed: Fixed
    stripped: Stripped | None  # None when stripping was not asked for


def clean(
    data: bytes | str,
    *,
    fixer: Fixer | None = None,
    strip: bool = True,
    lang: str | None = None,
    model: BoilerplateModel | None = None,
    hint: str | None = None,
) -> Cleaned:
    """Decode (bytes only), repair mojibake, then strip boilerplate.

    >>> page = "Ð“Ð°Ñ€Ð½Ð° Ð¿Ð¾Ð³Ð¾Ð´Ð°\\nThis site uses cookies. Accept".encode("utf-8")
    >>> result = clean(page, lang="uk")
    >>> result.decoded.encoding, result.text
    ('utf-8', 'Гарна погода')
    >>> [v.reason for v in result.stripped.lines]
    [None, 'cookie-banner']
    """
    decoded = decode(data, hint=hint) if isinstance(data, bytes) else None
    text = decoded.text if decoded is not None else str(data)
    fixed = (fixer or Fixer()).fix_and_explain(text)
    stripped = strip_boilerplate(fixed.text, lang=lang, model=model) if strip else None
    return Cleaned(stripped.text if stripped else fixed.text, decoded, fixed, stripped)
