"""Quick diagnosis of the legacy engine on the evals dev set (single-step legacy chains).

``python -m benchmarks.tune_legacy [--cap N] [--family NAME] [--show K]`` prints, per family,
how many lines were restored and why the others failed: the right text was not among the
candidates, it lost the ranking, or it won but a gate refused it.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict

from benchmarks.devset import clean_lines, garbled_records
from textfix.repair.base import DocumentContext
from textfix.repair.legacy import candidates, repair


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cap", type=int, default=20)
    ap.add_argument("--family")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--clean", type=int, default=0, help="also check N clean lines per language")
    args = ap.parse_args()
    if args.clean:
        damaged = 0
        lines = clean_lines(per_lang=args.clean)
        for lang, line in lines:
            step = repair(line, DocumentContext())
            if step is not None and step.confidence >= 0.5 and step.text != line:
                damaged += 1
                print(f"DAMAGE [{lang}] {line[:90]!r}\n    -> {step.text[:90]!r} {step.chain}")
        print(f"clean lines changed: {damaged} of {len(lines)}")
    outcome: dict[str, Counter[str]] = defaultdict(Counter)
    shown: Counter[str] = Counter()
    for r in garbled_records(cap=args.cap):
        if r.depth != 1 or (args.family and r.family != args.family):
            continue
        step = repair(r.garbled, DocumentContext())
        if step is not None and step.text == r.original and step.confidence >= 0.5:
            outcome[r.family]["ok"] += 1
            continue
        cands = candidates(r.garbled)
        texts = [c.text for c in cands]
        if r.original not in texts:
            why = "not-shortlisted"
        elif texts[0] != r.original:
            why = "lost-ranking"
        elif step is None:
            why = "original-looked-clean"
        else:
            why = "gate"
        outcome[r.family][why] += 1
        if shown[why + r.family] < args.show:
            shown[why + r.family] += 1
            print(f"[{r.family} {r.lang} {r.chain_key}] {why}")
            print(f"   garbled {r.garbled[:100]!r}\n   want    {r.original[:100]!r}")
            for c in cands[:3]:
                print(
                    f"   cand {c.text[:60]!r} {c.chain} lp={c.score.logprob:.2f} "
                    f"{c.score.lang} known={c.known:.2f} rank={c.rank:.2f}"
                )
            if step is not None:
                print(f"   step conf={step.confidence}")
    for fam, c in sorted(outcome.items()):
        n = sum(c.values())
        print(
            f"{fam:20} {c['ok'] / n:6.1%} of {n:4}  " + ", ".join(f"{k}={v}" for k, v in c.items())
        )


if __name__ == "__main__":
    main()
