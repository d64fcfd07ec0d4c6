"""Clean text that must come back unchanged, from sources beside the development set.

The one rule above all is that ``textfix.fix`` never damages correct text. The development
set (``benchmarks/devset.py``) checks that on Django, Sphinx, Faker and pycountry lines;
this sweep adds other real text and prints every line that changes, with its source:

- ``cldr``: Babel's CLDR display names of territories, languages, scripts, currencies, months
  and days, in every locale (about 107,000 distinct non-ASCII names; many minor languages);
- ``hunspell``: non-ASCII stems of the installed hunspell dictionaries
  (``/usr/share/hunspell``; a symlinked one is read once), a random ``--per-dictionary``
  of each (``--seed``), each alone, capitalised and in capitals, one per line (single
  words: the thinnest evidence);
- ``wheels``: msgstr lines of the ``.po`` catalogues inside wheels in ``--wheels DIR``
  (fetched with ``pip download --no-deps -d DIR plone.app.locales Trac django-cms wagtail
  django-allauth``: read from the zip, never installed, so they cannot move Django);
- ``faker``: sentences, paragraphs, addresses, names and companies of every Faker locale.

Run from the repository root (``PYTHONPATH=src``)::

    python -m benchmarks.clean_sweep                       # cldr, hunspell, faker
    python -m benchmarks.clean_sweep --wheels /tmp/wheels  # and the wheels' catalogues
    python -m benchmarks.clean_sweep --sources hunspell --per-dictionary 8000 --seed 2

The hunspell source at its defaults (4,000 stems a dictionary, seed 1, three forms each:
174,196 distinct lines) covers what a one-off sweep of 217,854 ``fix`` calls did (that one
also read the symlinked copies, ``eu_ES``, ``sr_ME``, as dictionaries of their own, and found
Albanian ``kalbëta`` and Serbian ``Љубинка``, now kept: ``repair/lone_swaps.py``). On
2026-11-29 (branch q49) it changes 4: Albanian ``kopaçe`` (3 forms, cp852 shown as cp1252's
Serbo-Croatian ``kopaše``) and Serbian ``Љесар`` (``Кесар``, a Serbian word too). With
``--per-dictionary 8000`` and seeds 2, 3, 4, 5 (326,000 lines each): 3, 4, 3, 0 changed
(``kopaçe``; a Galician entry's ``Ðoko``, Serbian ``Џенс``, ``Љутова`` and all-capitals
Cyrillic abbreviations ``МЕЛЕЖ``, ``КЕБС``, ``ОЕБС`` read as koi8-r's small letters).

CLDR also feeds the language models of a few languages wordfreq lacks, and hunspell the
word lists of some: this sweep grades damage (which any text may show), not restore rates.
"""

from __future__ import annotations

import argparse
import random
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from benchmarks.realtext import parse_po

HUNSPELL_DIR = Path("/usr/share/hunspell")


def cldr_lines() -> Iterator[str]:
    """CLDR display names and calendar words of every Babel locale."""
    import babel
    from babel import Locale

    for ident in babel.localedata.locale_identifiers():
        try:
            loc = Locale.parse(ident)
        except (ValueError, babel.UnknownLocaleError):
            continue
        for table in (loc.territories, loc.languages, loc.scripts, loc.currencies):
            yield from (v for v in table.values() if isinstance(v, str))
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                yield from loc.months[context][width].values()
                yield from loc.days[context][width].values()


def _dictionary_encoding(aff: Path) -> str:
    for raw in aff.read_bytes().split(b"\n")[:60]:
        if raw.startswith(b"SET "):
            return raw[4:].strip().decode("ascii", "replace")
    return "utf-8"


def hunspell_lines(per_dictionary: int, seed: int = 1) -> Iterator[str]:
    """A random ``per_dictionary`` of the non-ASCII stems of each installed hunspell
    dictionary, each alone, capitalised and in capitals (clean text writes all three)."""
    rng = random.Random(seed)
    for dic in sorted(HUNSPELL_DIR.glob("*.dic")):
        if dic.is_symlink():
            continue
        encoding = _dictionary_encoding(dic.with_suffix(".aff"))
        text = dic.read_bytes().decode(encoding, "replace")
        stems = sorted({entry.split("/")[0].strip() for entry in text.split("\n")[1:]})
        stems = [s for s in stems if s and not s.isascii() and "\ufffd" not in s]
        rng.shuffle(stems)
        for stem in stems[:per_dictionary]:
            yield from (stem, stem.capitalize(), stem.upper())


def wheel_lines(folder: Path) -> Iterator[str]:
    """msgstr lines of every ``.po`` file inside the wheels in ``folder``."""
    for wheel in sorted(folder.glob("*.whl")):
        with zipfile.ZipFile(wheel) as archive:
            for name in archive.namelist():
                if not name.endswith(".po"):
                    continue
                try:
                    text = archive.read(name).decode("utf-8")
                except UnicodeDecodeError:
                    continue  # a legacy-encoded catalogue: not ours to read
                for _msgid, translations in parse_po(text):
                    for translation in translations:
                        yield from translation.split("\n")


def faker_lines(per_method: int = 30, seed: int = 7) -> Iterator[str]:
    """Sentences, addresses, names and companies of every Faker locale."""
    import warnings

    import faker
    import faker.config

    methods = ("sentence", "paragraph", "address", "name", "company", "job", "city")
    for locale in faker.config.AVAILABLE_LOCALES:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fake = faker.Faker(locale)
        fake.seed_instance(seed)
        for method in methods:
            for _ in range(per_method):
                try:
                    value = getattr(fake, method)()
                except (AttributeError, NotImplementedError):
                    break
                yield from str(value).split("\n")


def sweep(name: str, lines: Iterator[str], fix: Callable[[str], str]) -> list[tuple[str, str]]:
    """Print and return the lines of one source that ``fix`` changes."""
    distinct = sorted({line for line in lines if line and not line.isascii()})
    start = time.process_time()
    changed = [(line, out) for line in distinct if (out := fix(line)) != line]
    seconds = time.process_time() - start
    print(f"{name:9} {len(distinct):8,} lines  {len(changed):4} changed  ({seconds:.1f} s CPU)")
    for line, out in changed:
        print(f"    {line!r} -> {out!r}")
    return changed


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", nargs="+", default=["cldr", "hunspell", "faker", "wheels"])
    parser.add_argument("--per-dictionary", type=int, default=4000, help="hunspell stems each")
    parser.add_argument("--seed", type=int, default=1, help="of the hunspell sample")
    parser.add_argument("--wheels", type=Path, help="folder of downloaded wheels")
    args = parser.parse_args(argv)
    import textfix

    loaders: dict[str, Callable[[], Iterator[str]]] = {
        "cldr": cldr_lines,
        "hunspell": lambda: hunspell_lines(args.per_dictionary, args.seed),
        "faker": faker_lines,
    }
    if args.wheels is not None:
        loaders["wheels"] = lambda: wheel_lines(args.wheels)
    totals: Counter[str] = Counter()
    for name in args.sources:
        if name in loaders:
            totals[name] = len(sweep(name, loaders[name](), textfix.fix))
    print(f"changed in all: {sum(totals.values())}")


if __name__ == "__main__":
    main()
