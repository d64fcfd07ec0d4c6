"""Boilerplate stripping on the labelled dev pages, beside C4's line rules, in one run.

Protocol (issue 5): per set, fit a ``BoilerplateModel`` on all pages of the set
(unlabelled), then one ``strip_boilerplate`` call per page with the page's language;
boilerplate-line F1 over labelled lines pooled across the pages of the set (an edit
counts as kept), and the share of content characters lost.

Usage: ``PYTHONPATH=src python benchmarks/bench_boilerplate.py [PATH] [--no-model]
[--layers] [--errors SET:KIND]`` where PATH defaults to ``../shared/dev-data/boilerplate-dev.jsonl``
relative to the repository root (third-party data: read here, never copied).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from textfix.boilerplate import BoilerplateModel, strip_boilerplate
from textfix.boilerplate.engine import LAYERS

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PATH = ROOT / ".." / "shared" / "dev-data" / "boilerplate-dev.jsonl"
C4_END = tuple(".!?\"'”")

Dropper = Callable[[dict[str, object], list[str]], list[bool]]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    content_chars: int = 0
    content_lost: int = 0

    def add(
        self, lines: Sequence[str], labels: Sequence[str | None], drops: Sequence[bool]
    ) -> None:
        for line, label, drop in zip(lines, labels, drops, strict=True):
            if label == "boilerplate":
                self.tp += drop
                self.fn += not drop
            elif label == "content":
                self.content_chars += len(line)
                if drop:
                    self.fp += 1
                    self.content_lost += len(line)

    def row(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        lost = 100 * self.content_lost / self.content_chars if self.content_chars else 0.0
        return f"P={p:.3f} R={r:.3f} F1={f:.3f} content lost={lost:.1f}%"


def c4_drops(page: dict[str, object], lines: list[str]) -> list[bool]:
    """C4's line rules (Raffel et al. 2020): keep lines that end in terminal punctuation,
    have at least 3 words and mention neither 'javascript' nor cookies/policies."""
    out = []
    for line in lines:
        s = line.strip()
        low = s.lower()
        keep = (
            len(s.split()) >= 3
            and s.endswith(C4_END)
            and "javascript" not in low
            and "cookie" not in low
            and "lorem ipsum" not in low
        )
        out.append(not keep)
    return out


def layer_variants() -> list[tuple[str, tuple[str, ...]]]:
    """Each layer alone, then all layers but one."""
    out = [(f"only {x}", (x,)) for x in LAYERS]
    out += [(f"without {x}", tuple(y for y in LAYERS if y != x)) for x in LAYERS]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT_PATH))
    ap.add_argument("--no-model", action="store_true", help="skip BoilerplateModel.fit")
    ap.add_argument("--errors", metavar="SET:KIND", help="print misses, KIND = fp or fn")
    ap.add_argument(
        "--layers", action="store_true", help="also score each layer on its own and without it"
    )
    args = ap.parse_args()
    pages = [json.loads(x) for x in Path(args.path).read_text(encoding="utf-8").splitlines()]
    for set_name in ("traf", "zyte"):
        group = [p for p in pages if p["set"] == set_name]
        docs = ["\n".join(p["lines"]) for p in group]
        t0 = time.perf_counter()
        model = None if args.no_model else BoilerplateModel.fit(docs)
        t_fit = time.perf_counter() - t0

        ours, c4 = Score(), Score()
        t_strip = 0.0
        misses = []
        for page, doc in zip(group, docs, strict=True):
            t0 = time.perf_counter()
            result = strip_boilerplate(doc, lang=page["lang"], model=model)
            t_strip += time.perf_counter() - t0
            drops = [v.action == "drop" for v in result.lines]
            assert len(drops) == len(page["lines"]), page["page_id"]
            ours.add(page["lines"], page["labels"], drops)
            c4.add(page["lines"], page["labels"], c4_drops(page, page["lines"]))
            if args.errors and args.errors.startswith(set_name + ":"):
                want = "content" if args.errors.endswith("fp") else "boilerplate"
                for line, lab, v in zip(page["lines"], page["labels"], result.lines, strict=True):
                    if lab == want and (v.action == "drop") == (want == "content"):
                        misses.append(f"  {page['page_id'][:40]:40} {v.reason!s:18} {line[:110]!r}")
        n_chars = sum(len(d) for d in docs)
        print(f"{set_name}: {len(group)} pages, {n_chars / 1e6:.2f} M chars")
        print(f"  textfix  {ours.row()}")
        print(f"  C4 rules {c4.row()}")
        print(
            f"  time: fit {t_fit:.2f} s, strip {t_strip:.2f} s ({n_chars / 1e6 / t_strip:.2f} MB/s)"
        )
        if args.layers:
            for name, layers in layer_variants():
                score = Score()
                for page, doc in zip(group, docs, strict=True):
                    res = strip_boilerplate(doc, lang=page["lang"], model=model, layers=layers)
                    score.add(
                        page["lines"], page["labels"], [v.action == "drop" for v in res.lines]
                    )
                print(f"  {name:16} {score.row()}")
        for m in misses:
            print(m)


if __name__ == "__main__":
    main()
