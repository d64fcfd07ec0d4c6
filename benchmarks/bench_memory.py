"""Peak memory and speed of the streaming CLI on large generated cp1251 files.

Two commands, each at two file sizes, each in its own child process:

- ``textfix decode FILE``: the streaming decoder alone (reads every line: a late line could
  make the file mixed);
- ``textfix fix -o OUT FILE``: streaming decode, repair and UTF-8 output.

For each run: the child's peak resident set size (``wait4`` rusage, so each run is measured
alone), its CPU time and MB/s (CPU time: other load on the machine does not change it), and
the growth of the peak from the small to the large file (flat means streaming works: memory
does not depend on the file size), and the speed on the extra megabytes of the large file
(CPU time difference: the start-up, about a second of loading, cancels out). The issue's
bar: ``fix -o`` on 1 GB under 200 MB.

The files are built from real Russian and Ukrainian sentences (``benchmarks.realtext``) in
a temporary folder and deleted afterwards.

Run: ``PYTHONPATH=src python -m benchmarks.bench_memory [--decode-mb 16 256] [--fix-mb 4 32]``
(``--decode-mb --fix-mb 1024`` for the issue's figure; ``fix`` on clean Cyrillic ran at
0.78 MB/s when this was written, about 25 minutes for 1 GB).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
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
    piece = b""
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


@dataclass(frozen=True)
class Run:
    """One child process: exit status, peak RSS (MB), CPU and wall seconds."""

    status: int
    peak_mb: float
    cpu_s: float
    wall_s: float


def run_child(args: Sequence[str]) -> Run:
    """Run ``python -m textfix.cli.main ARGS`` with ``src`` on the path; its own rusage."""
    path = os.pathsep.join(["src", os.environ.get("PYTHONPATH", "")])
    env = dict(os.environ, PYTHONPATH=path)
    cmd = [sys.executable, "-m", "textfix.cli.main", *args]
    t0 = time.perf_counter()
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - t0
    child.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in kilobytes on Linux.
    return Run(child.returncode, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, wall)


def measure(command: str, sizes: Sequence[int], tmp: Path) -> list[tuple[int, Run]]:
    """Run ``command`` (``decode`` or ``fix``) on a generated file of each size."""
    results = []
    for megabytes in sizes:
        src, out = tmp / f"big-{megabytes}-cp1251.txt", tmp / "out.txt"
        size = make_file(src, megabytes)
        args = ["decode", str(src)] if command == "decode" else ["fix", "-o", str(out), str(src)]
        result = run_child(args)
        print(
            f"textfix {' '.join(args[:-1]).replace(str(out), 'OUT'):<12} "
            f"{size / 1e6:7.0f} MB cp1251: exit {result.status}, peak RSS "
            f"{result.peak_mb:6.0f} MB, CPU {result.cpu_s:7.1f} s "
            f"({size / 1e6 / max(result.cpu_s, 1e-9):6.2f} MB/s), wall {result.wall_s:6.0f} s"
        )
        results.append((size, result))
        src.unlink()
        out.unlink(missing_ok=True)
    if len(results) > 1:
        (small, first), (large, last) = results[0], results[-1]
        extra_mb = (large - small) / 1e6
        growth = (last.peak_mb - first.peak_mb) / extra_mb
        marginal = extra_mb / max(last.cpu_s - first.cpu_s, 1e-9)
        print(
            f"  {command}: peak {first.peak_mb:.0f} MB at {small / 1e6:.0f} MB -> "
            f"{last.peak_mb:.0f} MB at {large / 1e6:.0f} MB "
            f"({growth * 1000:+.0f} MB of peak per GB of input); "
            f"{marginal:.2f} MB/s on the extra {extra_mb:.0f} MB (start-up cost excluded)"
        )
    return results


def main(argv: Sequence[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--decode-mb", type=int, nargs="*", default=[16, 256])
    parser.add_argument("--fix-mb", type=int, nargs="*", default=[4, 32])
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="textfix-mem-") as name:
        if args.decode_mb:
            measure("decode", args.decode_mb, Path(name))
        if args.fix_mb:
            measure("fix", args.fix_mb, Path(name))


if __name__ == "__main__":
    main()
