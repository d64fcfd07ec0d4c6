"""Decoding accuracy and speed: textfix beside chardet 7 and charset-normalizer, one run.

Three tasks on the corpus of ``benchmarks/decode_corpus.py``:

- whole files decoded exactly (the decoded text equals the true text);
- the first non-ASCII line of each legacy/UTF-8 file alone (<= 100 bytes, cut at a
  character boundary);
- files whose lines mix UTF-8 and cp1251.

Speed is MB/s of CPU time over all whole files (detection + decoding; CPU time, so other load
on the machine does not change it). Peak memory and speed of the streaming CLI on large
files: ``benchmarks/bench_memory.py``. ``--seed`` builds another corpus from the same
sources (a check that tuning did not fit one draw of files).

Run: ``PYTHONPATH=src python -m benchmarks.bench_decode [--files-per-pair N] [--failures N]``
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from benchmarks.decode_corpus import Sample, corpus, first_non_ascii_line

Decoder = Callable[[bytes], str | None]


def textfix_decoder(data: bytes) -> str | None:
    """textfix.decode, default options."""
    from textfix.decoding import decode

    return decode(data).text


def chardet_decoder(data: bytes) -> str | None:
    """chardet 7's best guess (its default names), then Python decodes with it."""
    import chardet

    encoding = chardet.detect(data)["encoding"]
    return data.decode(encoding) if encoding else None


def charset_normalizer_decoder(data: bytes) -> str | None:
    """charset-normalizer's best match."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None else str(best)


DECODERS: dict[str, Decoder] = {
    "textfix": textfix_decoder,
    "chardet": chardet_decoder,
    "charset-normalizer": charset_normalizer_decoder,
}


def _exact(decoder: Decoder, data: bytes, truth: str) -> bool:
    try:
        return decoder(data) == truth
    except Exception:  # a peer that raises counts as a miss
        return False


#: File-size buckets (lines per file) for the breakdown of whole-file accuracy.
SIZE_BUCKETS = ((1, 3), (4, 15), (16, 10**9))


def _by_size(decoder: Decoder, files: Sequence[Sample]) -> str:
    parts = []
    for lo, hi in SIZE_BUCKETS:
        group = [s for s in files if lo <= s.truth.count("\n") + 1 <= hi]
        ok = sum(_exact(decoder, s.data, s.truth) for s in group)
        label = f"{lo}-{hi}" if hi < 10**9 else f"{lo}+"
        parts.append(f"{label}: {ok / max(1, len(group)):.1%} of {len(group)}")
    return ", ".join(parts)


def run(samples: Sequence[Sample], show_failures: int) -> None:
    """Print the three accuracy tables and the speed line."""
    files = [s for s in samples if s.kind != "mixed"]
    mixed = [s for s in samples if s.kind == "mixed"]
    lines = []
    for s in files:
        if s.encoding.startswith("utf") and s.encoding != "utf-8":
            continue
        cut = first_non_ascii_line(s.truth, s.encoding, 100)
        if cut:
            lines.append((s, cut[0], cut[1]))
    encodings = {s.encoding for s in files if s.kind == "legacy"}
    langs = {s.lang for s in files}
    print(
        f"corpus: {len(files)} files ({len(encodings)} legacy encodings, {len(langs)} languages),"
        f" {len(lines)} first lines, {len(mixed)} mixed UTF-8+cp1251 files"
    )
    size_mb = sum(len(s.data) for s in files) / 1e6
    header = f"{'decoder':<20}{'files':>9}{'lines':>9}{'mixed':>9}{'MB/s':>9}"
    print(header)
    misses: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for name, decoder in DECODERS.items():
        decoder(b"warm up \xe9")
        t0 = time.process_time()
        ok_files = 0
        for s in files:
            if _exact(decoder, s.data, s.truth):
                ok_files += 1
            elif name == "textfix":
                misses["files"].append((s.lang, s.encoding, s.truth[:60]))
        mbps = size_mb / (time.process_time() - t0)
        by_size = _by_size(decoder, files)
        ok_lines = 0
        for s, data, truth in lines:
            if _exact(decoder, data, truth):
                ok_lines += 1
            elif name == "textfix":
                misses["lines"].append((s.lang, s.encoding, truth[:60]))
        ok_mixed = sum(_exact(decoder, s.data, s.truth) for s in mixed)
        print(
            f"{name:<20}{ok_files / len(files):>9.2%}{ok_lines / len(lines):>9.2%}"
            f"{ok_mixed / max(1, len(mixed)):>9.2%}{mbps:>9.2f}   files by lines: {by_size}"
        )
    for task, items in misses.items():
        by_enc = Counter(enc for _, enc, _ in items)
        print(f"textfix misses on {task}: {len(items)}; by encoding: {by_enc.most_common(12)}")
        for item in items[:show_failures]:
            print("   ", item)


def large_file_speed(samples: Sequence[Sample], megabytes: int = 4) -> None:
    """MB/s of each decoder on one large file per encoding (legacy files joined, repeated)."""
    for encoding in ("cp1251", "utf-8"):
        truths = [s.truth for s in samples if s.lang in ("ru", "uk") and s.kind == "legacy"]
        text = "".join(truths)
        text = text * (megabytes * 1_000_000 // max(1, len(text.encode(encoding))) + 1)
        data = text.encode(encoding)[: megabytes * 1_000_000]
        data = data[: data.rfind(b"\n") + 1]
        cells = []
        for name, decoder in DECODERS.items():
            decoder(b"warm up \xe9")
            t0 = time.process_time()
            ok = decoder(data) == data.decode(encoding)
            seconds = time.process_time() - t0
            cells.append(f"{name} {len(data) / 1e6 / seconds:.1f} MB/s{'' if ok else ' (wrong)'}")
        print(f"one {len(data) / 1e6:.1f} MB {encoding} file: " + ", ".join(cells))


def main(argv: Sequence[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files-per-pair", type=int, default=3)
    parser.add_argument("--failures", type=int, default=0, help="print N textfix misses")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    samples = list(corpus(args.files_per_pair, args.seed))
    run(samples, args.failures)
    large_file_speed(samples)


if __name__ == "__main__":
    main()
