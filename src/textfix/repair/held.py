"""Whether a single-byte code page shows every character of a line, as one search in C.

``charset(page).issuperset(line)`` hashes each character of the line (a new string object
per character beyond Latin-1); the legacy engine's exactness test (``legacy._exact``) and
:mod:`unmended` ask it of nearly every garbled line's best round trip. The same question is
a search for a character outside the page's 256 characters: a negated class compiled once
per page, which they search themselves (the line differs every time: no cache of lines).

>>> unheld("cp1252").search("Ðåäàêò") is None, unheld("cp1252").search("Цей") is None
(True, False)
>>> unheld("cp1252").findall("Цей ok")
['Ц', 'е', 'й']
"""

from __future__ import annotations

import re
from functools import cache

from textfix.chains import charset


@cache
def unheld(codec: str) -> re.Pattern[str]:
    """One character ``codec`` cannot encode (``codec`` a single-byte page :func:`charset`
    knows; ``KeyError`` for another)."""
    holds = charset(codec)
    if holds is None:
        raise KeyError(codec)
    return re.compile("[^" + "".join(map(re.escape, sorted(holds))) + "]")
