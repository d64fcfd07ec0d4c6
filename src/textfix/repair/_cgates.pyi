"""Type stub of the compiled module built from ``_cgates.c`` (see ``spans.py``)."""

def diff_blocks(
    a: str, b: str, lo: int, hi_a: int, hi_b: int, /
) -> list[tuple[int, int, int, int]]: ...
