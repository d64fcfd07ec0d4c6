"""Memory and load time of the scorer's language data, this checkout beside another one.

Run from the repository root::

    python -m benchmarks.bench_langdata                       # this checkout's src/ only
    python -m benchmarks.bench_langdata --baseline /tmp/old/src --runs 5

Every number comes from fresh child processes (``PYTHONPATH`` = the given ``src`` folder):

* peak RSS (``ru_maxrss``) of ``import textfix; textfix.fix("Öåé òåêñò")``;
* wall time of the first ``langdata()`` call (after ``import textfix``);
* cost per ``word_mask.get`` over the distinct words of pycountry's country and language
  names (known words and misses mixed), best of 5 passes: ``cold`` with any lookup cache
  emptied first (every word computed), ``warm`` when each word was just looked up.

Medians over ``--runs`` children are printed, and the ratio of this checkout to the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

_CHILD = r"""
import json, resource, sys, time, timeit
import textfix
from textfix.scoring._data import langdata
t = time.perf_counter()
data = langdata()
load = time.perf_counter() - t
textfix.fix("Öåé òåêñò")
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
import pycountry
words = sorted({w.lower() for c in list(pycountry.countries) + list(pycountry.languages)
                for w in c.name.replace(",", " ").replace("(", " ").split()})
get = data.word_mask.get
clear = getattr(getattr(data.word_mask, "_cached", None), "cache_clear", lambda: None)
def cold():
    clear()  # an index with a lookup cache starts each pass empty
    t = time.perf_counter()
    for w in words:
        get(w, 0)
    return time.perf_counter() - t
cold_s = min(cold() for _ in range(5))
warm_s = min(timeit.repeat(lambda: [get(w, 0) for w in words], number=1, repeat=5))
hits = sum(1 for w in words if get(w, 0))
print(json.dumps({"rss_mb": rss, "load_s": load, "cold_us": cold_s / len(words) * 1e6,
                  "warm_us": warm_s / len(words) * 1e6, "words": len(words), "hits": hits}))
"""


def measure(src: Path, runs: int) -> dict[str, float]:
    """Medians over ``runs`` child processes importing textfix from ``src``."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    rows = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True, check=True
        )
        rows.append(json.loads(out.stdout))
    return {key: statistics.median(row[key] for row in rows) for key in rows[0]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--src", type=Path, default=Path("src"))
    parser.add_argument("--baseline", type=Path, help="another checkout's src/ to compare")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    results = {"this": measure(args.src, args.runs)}
    if args.baseline:
        results["baseline"] = measure(args.baseline, args.runs)
    for name, r in results.items():
        print(
            f"{name:9} peak RSS {r['rss_mb']:6.1f} MB  load {r['load_s']:.3f} s  "
            f"lookup cold {r['cold_us']:.3f} warm {r['warm_us']:.3f} us/word "
            f"({r['hits']:.0f}/{r['words']:.0f} known)"
        )
    if args.baseline:
        this, base = results["this"], results["baseline"]
        print(
            "this/baseline: "
            + "  ".join(
                f"{k} {this[k] / base[k]:.2f}x" for k in ("rss_mb", "load_s", "cold_us", "warm_us")
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
