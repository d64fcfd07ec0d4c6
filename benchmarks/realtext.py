"""Real sentences in many languages, loaded at run time from installed PyPI packages.

Sources (evaluation side only; language models are built from wordfreq/CLDR, never from these):

- ``django``: ``locale/*/LC_MESSAGES/*.po`` translations (msgstr) and their English msgids;
- ``sphinx``: the same for Sphinx's catalogues;
- ``faker``: names, places, streets and job titles from Faker's locale providers;
- ``pycountry``: country, currency, script and language-family names (ISO 3166-1/-3, 4217,
  15924, 639-5) translated in the ``.mo`` files it ships;
- ``debian`` (not in :data:`ALL_SOURCES`: needs Debian packages, see :data:`DEBIAN_PACKAGES`):
  prose from translated manual pages (``/usr/share/man/<lang>``, groff markup stripped) and
  the UTF-8 fortune files (``*.u8``, or files that are UTF-8 themselves) of ``fortunes-*``.
  Lines longer than a sentence are cut at sentence ends. Files that are not UTF-8 are skipped
  unread: real legacy-encoded files belong to the held-out evaluation.

Nothing is cached on disk or copied into the repository.

>>> lines = sentences("uk", sources=["django"], limit=3)
>>> sorted(lines), len(lines["uk"])
(['uk'], 3)
>>> LANG_ENCODINGS["uk"][0], ENCODING_FAMILY["cp1251"]
('cp1251', 'Cyrillic')
"""

from __future__ import annotations

import functools
import gettext
import gzip
import importlib
import pkgutil
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from benchmarks.encodings import ENCODING_FAMILY, LANG_ENCODINGS, family_of

__all__ = [
    "ALL_SOURCES",
    "ENCODING_FAMILY",
    "LANG_ENCODINGS",
    "family_of",
    "lang_code",
    "sentences",
]

ALL_SOURCES: tuple[str, ...] = ("django", "sphinx", "faker", "pycountry")
#: ``apt-get install`` these for the ``debian`` source (prose: longer lines than the others).
DEBIAN_PACKAGES: tuple[str, ...] = (
    *(
        f"manpages-{x}"
        for x in [
            "cs",
            "da",
            "de",
            "el",
            "es",
            "fi",
            "fr",
            "hu",
            "it",
            "mk",
            "nb",
            "nl",
            "pl",
            "pt-br",
            "ro",
            "ru",
            "sr",
            "sv",
            "tr",
            "uk",
            "vi",
        ]
    ),
    *(f"fortunes-{x}" for x in ["bg", "cs", "de", "es", "it", "pl", "ru"]),
)

# --- language codes ---------------------------------------------------------------------------

#: Locale names whose base code is not the ISO 639-1 code we report.
_LANG_ALIASES = {"no": "nb", "iw": "he", "in": "id", "ji": "yi"}
#: Locale modifiers/scripts that select the Latin orthography of a language.
_LATIN_MARKERS = {"latn", "latin"}
#: Locale variants that are test dummies or non-UTF-8 duplicates, not real translations.
_SKIP_LOCALES = {"zh_TW.Big5"}


def lang_code(locale: str) -> str:
    """Map a locale folder name to the code used here (ISO 639-1, ``-latn`` for Latin script).

    >>> [lang_code(x) for x in ("uk_UA", "sr_Latn", "sr@latin", "pt_BR", "no_NO", "ca@valencia")]
    ['uk', 'sr-latn', 'sr-latn', 'pt', 'nb', 'ca']
    """
    parts = re.split(r"[_@.\-]", locale)
    base = _LANG_ALIASES.get(parts[0].lower(), parts[0].lower())
    if any(p.lower() in _LATIN_MARKERS for p in parts[1:]):
        return f"{base}-latn"
    return base


# --- cleaning ---------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(
    r"%\([^)]*\)[-+ #0]*\d*(?:\.\d+)?[a-zA-Z]"  # %(name)s
    r"|%[-+ #0]*\d*(?:\.\d+)?[sdifrxXeEgGcu%]"  # %s %d %.2f
    r"|\{[^{}]*\}"  # {name} {0}
    r"|<[^<>]*>"  # <b>, </a>
    r"|&#?\w+;"  # &amp;
    r"|\b(?:https?|ftp)://\S+"
)
_SPACE = re.compile(r"\s+")


_LETTERS = re.compile(r"[^\W\d_]+")
_MARKUP_HINT = re.compile(r"[%{<&]|://")


def _letters(text: str) -> int:
    return sum(map(len, _LETTERS.findall(text)))


def _keep(line: str) -> bool:
    """A line is kept when real letters dominate it (not mostly placeholders or markup)."""
    if not line or not line.isprintable():
        return False
    bare = _PLACEHOLDER.sub(" ", line) if _MARKUP_HINT.search(line) else line
    letters = _letters(bare)
    return letters >= 2 and letters >= 0.4 * len(_SPACE.sub("", line))


def _clean_lines(text: str) -> Iterator[str]:
    for raw in text.split("\n"):
        line = unicodedata.normalize("NFC", raw.strip())
        if _keep(line):
            yield line


# --- gettext catalogues -----------------------------------------------------------------------

_PO_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b"}
_PO_ESCAPE = re.compile(r"\\(.)")
#: One token per keyword (with its continuation lines) or fuzzy flag; "#~" obsolete lines and
#: other comments never match, because every alternative is anchored at a line start.
_PO_TOKEN = re.compile(
    r'^(?:(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]+"(.*)"[ \t]*\r?$'
    r'((?:\n[ \t]*".*"[ \t]*\r?$)*)|(#,.*\bfuzzy\b))',
    re.MULTILINE,
)
_PO_CONTINUATION = re.compile(r'"(.*)"')


def _po_unescape(body: str) -> str:
    if "\\" not in body:
        return body
    return _PO_ESCAPE.sub(lambda m: _PO_ESCAPES.get(m.group(1), m.group(1)), body)


def parse_po(text: str) -> Iterator[tuple[str, list[str]]]:
    """Yield ``(msgid, [msgstr, ...])`` for every translated, non-fuzzy, non-obsolete entry.

    >>> po = 'msgid ""\\nmsgstr "h"\\n\\n#, fuzzy\\nmsgid "a"\\nmsgstr "b"\\n\\n'
    >>> po += 'msgid "Hi"\\nmsgid_plural "His"\\nmsgstr[0] "Pryv\\\\"it"\\nmsgstr[1] ""\\n"x"\\n'
    >>> list(parse_po(po))
    [('Hi', ['Pryv"it', 'x'])]
    """
    fields: dict[str, str] = {}
    fuzzy = False
    last = ""

    def entry() -> Iterator[tuple[str, list[str]]]:
        msgid = fields.get("msgid", "")
        strs = [v for k, v in fields.items() if k.startswith("msgstr") and v]
        if msgid and strs and not fuzzy:
            yield msgid, strs

    for match in _PO_TOKEN.finditer(text):
        key, first, more, flag = match.groups()
        if last.startswith("msgstr") and (flag or key in ("msgid", "msgctxt")):
            yield from entry()
            fields, fuzzy = {}, False
        if flag:
            fuzzy, last = True, ""
            continue
        body = first + "".join(_PO_CONTINUATION.findall(more)) if more else first
        fields[key] = _po_unescape(body)
        last = key
    yield from entry()


_CHARSET = re.compile(rb"charset=([-\w]+)")


def _read_po(path: Path) -> str:
    data = path.read_bytes()
    match = _CHARSET.search(data[:2000])
    encoding = match.group(1).decode("ascii") if match else "utf-8"
    return data.decode(encoding, errors="replace")


def _site_packages_file(module: str) -> Path:
    return Path(importlib.import_module(module).__file__ or "").parent


def _catalogue_lines(package: str) -> Iterator[tuple[str, str]]:
    """(lang, line) from every ``locale/<loc>/LC_MESSAGES/*.po`` of ``package``; msgids as 'en'."""
    root = _site_packages_file(package)
    for path in sorted(root.rglob("locale/*/LC_MESSAGES/*.po")):
        locale = path.parent.parent.name
        if locale in _SKIP_LOCALES:
            continue
        lang = lang_code(locale)
        for msgid, strs in parse_po(_read_po(path)):
            for line in _clean_lines(msgid):
                yield "en", line
            for msgstr in strs:
                for line in _clean_lines(msgstr):
                    yield lang, line


#: pycountry domains used: countries, historic countries, currencies, scripts, language families.
#: (iso3166-2 subdivisions and the 8,000 iso639-3 language names are skipped: they are mostly
#: untranslated or formulaic names, and would make loading several times slower.)
_PYCOUNTRY_DOMAINS = ("iso3166-1", "iso3166-3", "iso4217", "iso15924", "iso639-5")


def _pycountry_lines() -> Iterator[tuple[str, str]]:
    root = _site_packages_file("pycountry") / "locales"
    paths = [p for d in _PYCOUNTRY_DOMAINS for p in root.glob(f"*/LC_MESSAGES/{d}.mo")]
    for path in sorted(paths):
        lang = lang_code(path.parent.parent.name)
        with path.open("rb") as handle:
            catalog = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
        for key in sorted(catalog, key=str):
            value = catalog[key]
            if key == "" or not isinstance(value, str) or value == key:
                continue
            for line in _clean_lines(value):
                yield lang, line


# --- Faker --------------------------------------------------------------------------------------

_FAKER_PROVIDERS = ("person", "address", "job", "company")
#: Provider attributes that hold real words/names rather than format templates.
_FAKER_ATTRS = (
    "first_names",
    "first_names_male",
    "first_names_female",
    "last_names",
    "middle_names",
    "city_names",
    "cities",
    "street_names",
    "street_titles",
    "region_names",
    "regions",
    "states",
    "provinces",
    "countries",
    "jobs",
    "company_suffixes",
)


def _flatten(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key in value:
            yield from _flatten(key)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _flatten(item)


def _faker_lines() -> Iterator[tuple[str, str]]:
    for provider in _FAKER_PROVIDERS:
        package = importlib.import_module(f"faker.providers.{provider}")
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
            if not info.ispkg:
                continue
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            cls = getattr(module, "Provider", None)
            lang = lang_code(info.name)
            for attr in _FAKER_ATTRS:
                # sorted: some providers build their lists from sets (hash-seed dependent order)
                for item in sorted(set(_flatten(cls.__dict__.get(attr) if cls else None))):
                    for line in _clean_lines(item):
                        yield lang, line


# --- Debian prose: manual pages and fortunes ---------------------------------------------------

_MAN_ROOT = Path("/usr/share/man")
_FORTUNE_ROOT = Path("/usr/share/games/fortunes")
_FORTUNE_LANGS = {"cz": "cs"}
#: groff escapes: fonts, sizes, named characters we spell out, and the rest dropped.
_GROFF_CHARS = {
    "aq": "'",
    "em": "—",
    "en": "–",
    "lq": "“",
    "rq": "”",
    "Fo": "«",
    "Fc": "»",
    "bu": "•",
    "co": "©",
    "dq": '"',
    "oq": "‘",
    "cq": "’",
    "hy": "-",
    "mi": "-",
    "ti": "~",
    "rs": "\\",
}
_GROFF_ESCAPE = re.compile(
    r"\\(?:f(?:\[[^]]*\]|\(..|.)|s[-+]?\d+|\((..)|\[([^]]*)\]|\*(?:\(..|\[[^]]*\]|.)|[-&e~ |^0]|.)"
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=\S)")
#: Prose lines longer than this are cut into sentences.
_LONG_LINE = 200


def _groff_text(source: str) -> Iterator[str]:
    """Text lines of a groff page: request lines and comments dropped, escapes resolved."""

    def escape(m: re.Match[str]) -> str:
        name = m.group(1) or m.group(2)
        if name is not None:
            return _GROFF_CHARS.get(name, "")
        whole = m.group()
        return {"\\-": "-", "\\e": "\\", "\\~": " ", "\\ ": " "}.get(whole, "")

    for raw in source.split("\n"):
        if raw.startswith((".", "'")):
            continue
        yield _GROFF_ESCAPE.sub(escape, raw)


def _sentences_of(line: str) -> list[str]:
    return _SENTENCE_END.split(line) if len(line) > _LONG_LINE else [line]


def _utf8_file(path: Path) -> str | None:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None  # a legacy-encoded file: held-out material, never looked at


def _debian_lines() -> Iterator[tuple[str, str]]:
    if _MAN_ROOT.is_dir():
        for lang_dir in sorted(p for p in _MAN_ROOT.iterdir() if not p.name.startswith("man")):
            lang = lang_code(lang_dir.name)
            for path in sorted(lang_dir.glob("man*/*")):
                text = _utf8_file(path) if path.is_file() else None
                for raw in _groff_text(text or ""):
                    for piece in _sentences_of(raw.strip()):
                        for line in _clean_lines(piece):
                            yield lang, line
    if _FORTUNE_ROOT.is_dir():
        for lang_dir in sorted(p for p in _FORTUNE_ROOT.iterdir() if p.is_dir()):
            lang = _FORTUNE_LANGS.get(lang_dir.name, lang_dir.name)
            for path in sorted(lang_dir.iterdir()):
                if not path.is_file() or path.suffix == ".dat":
                    continue
                if path.with_name(path.name + ".u8").exists():
                    continue  # index files, and legacy files that have a UTF-8 twin
                for raw in (_utf8_file(path) or "").split("\n"):
                    for piece in _sentences_of(raw.strip()):
                        for line in _clean_lines(piece):
                            yield lang, line


_LOADERS = {
    "django": lambda: _catalogue_lines("django"),
    "sphinx": lambda: _catalogue_lines("sphinx"),
    "faker": _faker_lines,
    "pycountry": _pycountry_lines,
    "debian": _debian_lines,
}


@functools.cache
def _load(source: str) -> dict[str, tuple[str, ...]]:
    if source not in _LOADERS:
        raise ValueError(f"unknown source {source!r}; known: {', '.join(_LOADERS)}")
    out: dict[str, dict[str, None]] = {}
    for lang, line in _LOADERS[source]():
        out.setdefault(lang, {})[line] = None
    return {lang: tuple(lines) for lang, lines in sorted(out.items())}


def sentences(
    lang: str | None = None,
    *,
    sources: Iterable[str] = ALL_SOURCES,
    min_chars: int = 1,
    limit: int | None = None,
) -> dict[str, list[str]]:
    """Real lines per language: ``{code: [line, ...]}``, deduplicated, in a deterministic order.

    ``lang`` selects one language (``None``: all). Lines come source by source in the order of
    ``sources``, catalogue files in sorted order, entries in file order. ``limit`` caps the
    number of lines per language.

    >>> fr = sentences("fr", sources=["sphinx"], min_chars=20, limit=2)["fr"]
    >>> len(fr), all(len(x) >= 20 for x in fr)
    (2, True)
    """
    merged: dict[str, dict[str, None]] = {}
    for source in sources:
        for code, lines in _load(source).items():
            if lang is not None and code != lang:
                continue
            bucket = merged.setdefault(code, {})
            for line in lines:
                if len(line) >= min_chars:
                    bucket[line] = None
    return {
        code: list(bucket)[:limit] if limit is not None else list(bucket)
        for code, bucket in sorted(merged.items())
        if bucket
    }
