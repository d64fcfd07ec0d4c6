"""Naive baselines for the fix benchmark (not part of textfix).

``chardet_hack`` is the "obvious hack" of issue 3: re-encode the line as cp1252 (or latin-1)
and let chardet say what the bytes really are. It calibrates the dev set against the held-out
set, where issue 3 reports 59% restored and 211 of 7,700 clean lines damaged.

>>> chardet_hack("plain ASCII")
'plain ASCII'
"""

from __future__ import annotations

import chardet


def chardet_hack(line: str) -> str:
    """Re-encode as cp1252/latin-1, decode with chardet's guess; the line itself on failure."""
    if line.isascii():
        return line
    for shown in ("cp1252", "latin-1"):
        try:
            data = line.encode(shown)
            break
        except UnicodeEncodeError:
            continue
    else:
        return line
    guess = chardet.detect(data).get("encoding")
    if not guess:
        return line
    try:
        return data.decode(guess)
    except (UnicodeDecodeError, LookupError):
        return line
