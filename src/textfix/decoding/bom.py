"""Byte order marks: the strongest evidence there is."""

from __future__ import annotations

import codecs

# Longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
# The codec named here strips the BOM when decoding and writes it back when encoding.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def sniff_bom(data: bytes) -> str | None:
    """The encoding announced by a BOM at the start of ``data``, if any.

    A UTF-32-LE BOM is only believed when the length is a multiple of 4 (``FF FE 00 00``
    is also UTF-16-LE for a text starting with U+0000, which real text does not).

    >>> sniff_bom(b"\\xef\\xbb\\xbfabc"), sniff_bom("hi".encode("utf-16")), sniff_bom(b"abc")
    ('utf-8-sig', 'utf-16', None)
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding == "utf-32" and len(data) % 4:
                continue
            return encoding
    return None
