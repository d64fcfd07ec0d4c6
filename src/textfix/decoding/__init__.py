"""Decoding bytes of unknown, legacy or mixed encoding into text.

See ``docs/decoding.md``. Public entry points: :func:`decode`, :func:`read_text`,
:func:`open_text`.
"""

from __future__ import annotations

from textfix.decoding.core import decode, read_text
from textfix.decoding.result import MIXED, Decoded, DecodeError, Segment, Undecodable

__all__ = ["MIXED", "DecodeError", "Decoded", "Segment", "Undecodable", "decode", "read_text"]
