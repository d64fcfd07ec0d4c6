"""Peak memory of ``textfix fix -o OUT`` on a large generated cp1251 file (streaming path).

The file is built from real Russian and Ukrainian sentences (``benchmarks.realtext``) in a
temporary folder, repaired by the CLI in a child process, and deleted afterwards. Peak memory
is the child's maximum resident set size (``getrusage``); the bar is 200 MB for 1 GB.

Run: ``PYTHONPATH=src python -m benchmarks.bench_memory [--mb 1024]``
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.realtext import sentences


def make_file(path: Path, megabytes: int) -> int:
    """Write about ``megabytes`` MB of cp1251 text (real lines, repeated); return its size."""
    lines = [
        line
        for lang in ("ru", "uk")
        for line in sentences(lang, sources=["django", "sphinx"])[lang]
        if _fits(line)
    ]
    block = ("\n".join(lines) + "\n").encode("cp1251")
    target = megabytes * 1_000_000
    written = 0
    with path.open("wb") as out:
        while written < target:
            piece = block[: target - written]
            out.write(piece)
            written += len(piece)
        if not piece.endswith(b"\n"):
            out.write(b"\n")
            written += 1
    return written


def _fits(line: str) -> bool:
    try:
        line.encode("cp1251")
    except UnicodeEncodeError:
        return False
    return True


def measure(megabytes: int) -> None:
    """Generate, run ``textfix fix -o``, print peak RSS and throughput, clean up."""
    with tempfile.TemporaryDirectory(prefix="textfix-mem-") as tmp:
        src, out = Path(tmp) / "big-cp1251.txt", Path(tmp) / "out.txt"
        size = make_file(src, megabytes)
        path = os.pathsep.join(["src", os.environ.get("PYTHONPATH", "")])
        env = dict(os.environ, PYTHONPATH=path)
        cmd = [sys.executable, "-m", "textfix.cli.main", "fix", "-o", str(out), str(src)]
        t0 = time.perf_counter()
        status = subprocess.run(cmd, env=env, check=False).returncode
        seconds = time.perf_counter() - t0
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        out_size = out.stat().st_size if out.exists() else 0
        print(
            f"textfix fix -o on {size / 1e6:.0f} MB cp1251: exit {status}, "
            f"peak RSS {peak_mb:.0f} MB, {seconds:.0f} s ({size / 1e6 / seconds:.2f} MB/s), "
            f"output {out_size / 1e6:.0f} MB UTF-8"
        )


def main(argv: Sequence[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=int, default=1024, help="size of the generated file")
    measure(parser.parse_args(argv).mb)


if __name__ == "__main__":
    main()
