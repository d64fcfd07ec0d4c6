"""List every dev-set line whose ``textfix.fix`` output differs between two checkouts.

A speed change must leave every output as it was (or improve it). Run once per checkout to
save the outputs, then compare::

    PYTHONPATH=/old/src python -m benchmarks.compare_outputs save old.json
    PYTHONPATH=src python -m benchmarks.compare_outputs save new.json
    python -m benchmarks.compare_outputs diff old.json new.json

The lines are the dev set's garbled records (``garbled_records(cap=20)``) and clean lines
(``clean_lines()``); each line is one ``fix`` call.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path


def save(path: Path) -> None:
    """Run ``textfix.fix`` over the dev set and save ``[kind, lang, input, expected, output]``."""
    import textfix
    from benchmarks.devset import clean_lines, garbled_records

    rows = [
        ["garbled", r.lang, r.garbled, r.original, textfix.fix(r.garbled)]
        for r in garbled_records(cap=20)
    ]
    rows += [["clean", lang, line, line, textfix.fix(line)] for lang, line in clean_lines()]
    path.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    print(f"{len(rows)} lines saved to {path}")


def diff(old_path: Path, new_path: Path) -> int:
    """Print every line whose output differs; returns how many differ."""
    old = json.loads(old_path.read_text("utf-8"))
    new = json.loads(new_path.read_text("utf-8"))
    assert [r[:3] for r in old] == [r[:3] for r in new], "not the same dev set"
    differ = better = worse = 0
    for (kind, lang, text, expected, before), (*_, after) in zip(old, new, strict=True):
        if before == after:
            continue
        differ += 1
        better += after == expected
        worse += before == expected
        print(f"[{kind} {lang}] {text!r}\n   old: {before!r}\n   new: {after!r}")
    print(f"{differ} of {len(old)} lines differ ({better} now right, {worse} no longer right)")
    return differ


def main(argv: Sequence[str]) -> int:
    """``save OUT`` or ``diff OLD NEW``."""
    if argv[:1] == ["save"] and len(argv) == 2:
        save(Path(argv[1]))
        return 0
    if argv[:1] == ["diff"] and len(argv) == 3:
        return 1 if diff(Path(argv[1]), Path(argv[2])) else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
