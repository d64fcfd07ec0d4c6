"""Opt-in cosmetic normalisations. None of them is ever applied unless asked for."""

from __future__ import annotations

import unicodedata

from ftfy.fixes import uncurl_quotes, unescape_html

from textfix.options import FixOptions


def normalize(text: str, options: FixOptions) -> str:
    """Apply the normalisations ``options`` asks for, in a fixed order.

    >>> normalize("“x” &amp; y", FixOptions(uncurl_quotes=True, unescape_html=True))
    '"x" & y'
    >>> normalize("“x”", FixOptions())
    '“x”'
    """
    if options.unescape_html:
        text = unescape_html(text)
    if options.uncurl_quotes:
        text = uncurl_quotes(text)
    if options.normalization is not None:
        text = unicodedata.normalize(options.normalization, text)
    return text
