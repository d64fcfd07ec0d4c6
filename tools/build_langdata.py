"""Build the language statistics shipped in ``src/textfix/scoring/data/``.

Run ``python tools/build_langdata.py`` (needs ``wordfreq`` and, for languages wordfreq
lacks, Debian's ``hunspell-*``/``myspell-*`` dictionaries and Babel's CLDR data).

Output (deterministic: same inputs, same bytes):

* ``langdata.json.xz``: per language its script, alphabet and letter-bigram log-probabilities
  (conditional, ``P(next | previous)``, word boundaries as ``" "``), quantised to tenths of a nat.
* ``tests/data/word_sample.tsv``: a random sample of the indexed words with their languages,
  plus non-words, for the index's tests.
* ``words.idx``: the shipped words as a compact index (``textfix.scoring._wordindex``):
  each word's stable hash key, the bit mask of the languages (bit = position of the code in
  sorted order) whose list has it, and per such language a frequency band (0-3, from
  wordfreq's Zipf frequency: :func:`zipf_band`; 0 where the source has no frequencies).
  Per language the list holds frequent words that contain a non-ASCII letter (only those
  can change under a legacy mis-decoding), then its most frequent ASCII words (they tell
  which language the rest of a line is in).

``python tools/build_langdata.py --reindex WORDS.txt.xz`` only rewrites ``words.idx`` from an
older ``lang<TAB>word word ...`` list (the format shipped before the index).

Sources and licences are listed in ``docs/scoring.md`` and ``src/textfix/scoring/data/LICENSE.md``.
Word lists are shipped only from sources whose licence allows it (wordfreq CC BY-SA 4.0,
MPL/LGPL/CC BY-SA dictionaries); for GPL-only dictionaries we ship letter statistics only.
"""

from __future__ import annotations

import itertools
import json
import lzma
import math
import random
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "textfix" / "scoring" / "data"
SAMPLE = ROOT / "tests" / "data" / "word_sample.tsv"
SAMPLE_SEED, SAMPLE_WORDS, SAMPLE_MISSES = 0, 3000, 1500
sys.path.insert(0, str(ROOT / "src"))

from textfix.scoring import _wordindex  # noqa: E402
from textfix.scoring.model import script_of  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
import hunspell_forms as hunspell_forms_mod  # noqa: E402

#: wordfreq languages we model (CJK and Indic scripts are out of scope for single-byte chains).
WORDFREQ_LANGS = (
    *("ar", "bg", "ca", "cs", "da", "de", "el", "en", "es", "fa", "fi", "fil", "fr", "he"),
    *("hu", "id", "is", "it", "lt", "lv", "mk", "ms", "nb", "nl", "pl", "pt", "ro", "ru"),
    *("sh", "sk", "sl", "sv", "tr", "uk", "ur", "vi"),
)

#: language -> (hunspell dictionary, licence, ship words?) for languages wordfreq lacks.
HUNSPELL = {
    "th": ("th_TH", "LGPL-3 / MPL-2.0", True),
    "be": ("be_BY", "CC BY-SA", True),
    "sr": ("sr_RS", "LGPL-3 / MPL-2.0", True),
    "et": ("et_EE", "LGPL-2.1+", True),
    "eu": ("eu", "LGPL-3+", True),
    "gl": ("gl_ES", "LGPL-3 / MPL-2.0", True),
    "af": ("af_ZA", "LGPL-3 / MPL-2.0", True),
    "ga": ("ga_IE", "GPL-2+", False),
    "sq": ("sq_AL", "GPL-2+", False),
    "eo": ("eo", "GPL-2+", False),
    "kk": ("kk_KZ", "GPL-2+ / LGPL-2.1+ / MPL-1.1+", True),
    "br": ("br_FR", "LGPL-2.1+ and MPL-1.1 and GPL-2+", False),
}
#: Languages whose hunspell dictionary is expanded with its affix rules (one level of
#: suffixes, plus prefixes), for the inflected forms a 28,000-word list lacks:
#: language -> (dictionary, licence, wordfreq list that ranks the stems or None, forms shipped).
#: Stems that wordfreq knows come first (commonest first), then the rest, shorter first.
HUNSPELL_FORMS = {
    "lt": ("lt_LT", "BSD-3-clause", "lt", 100000),
    "lv": ("lv_LV", "LGPL-2.1+", "lv", 100000),
    "et": ("et_EE", "LGPL-2.1+", None, 100000),
    "tr": ("tr_TR", "MPL-2.0", "tr", 100000),
    "sh": ("hr_HR", "LGPL / SISSL", "sh", 100000),
    "sr": ("sr_RS", "LGPL-3 / MPL-2.0", None, 60000),
}
#: languages taken from Babel's CLDR strings only (Unicode licence).
CLDR_ONLY = ("mt", "az", "cy", "fy", "lb", "ast", "hsb", "dsb")
#: Letters beyond ASCII of the CLDR-only languages' standard orthographies: CLDR's names of
#: countries and languages are full of foreign names, so the letters seen there are not a
#: reliable alphabet for these small samples.
CLDR_ALPHABETS = {
    "cy": "âêîôûŵŷáéëïö",
    "fy": "âêôûúéëïäöü",
    "lb": "äéë",
    "ast": "áéíóúñü",
    "hsb": "čćěłńóřšžź",
    "dsb": "čćěłńóŕśšžź",
}
#: Letters beyond ASCII of wordfreq languages whose list holds a mojibake spelling often
#: enough to pass :data:`MIN_CHAR_SHARE`: Romanian written in cp1250 or iso-8859-2 and shown
#: as cp1252 or latin-1 spells ``ă`` as ``ã`` (``datã`` for ``dată``), common enough in
#: wordfreq's Romanian sources that ``ã``, no Romanian letter, passed for one (its words are
#: then left out of the list and the bigrams, and ``datã`` is mojibake to repair again).
ORTHOGRAPHIES = {"ro": "âîășț"}
#: languages whose word list comes from CLDR although their letter statistics come from a
#: dictionary that may not be shipped (GPL).
CLDR_WORDS = ("ga", "sq", "eo", "br")

HUNSPELL_DIR = Path("/usr/share/hunspell")
TOP_WORDS = 80000  # words read per wordfreq language for statistics
SHIP_WORDS = 28000  # non-ASCII words shipped per language
#: ... more for the inflecting languages whose wordfreq list is long enough to fill them
#: (a line's words are often forms below the top 28,000).
SHIP_WORDS_MORE = {
    **dict.fromkeys(("ru", "uk"), 120000),
    **dict.fromkeys(("mk", "bg", "pl", "cs"), 60000),
}
#: Words read (commonest first) for the shipped list where it reaches deeper than the
#: statistics' :data:`TOP_WORDS`: Russian and Ukrainian inflect every word a dozen ways, and
#: forms such as "недоступно" or "пропуском" rank below 60,000 (the statistics stay as they
#: are: only the list grows).
SHIP_READ = {"ru": 150000, "uk": 150000}
SHIP_ASCII = 2000  # most frequent ASCII words shipped per language (to tell a line's language)
#: ... more where a line's ASCII words are the best clue to its language and the commonest
#: 2,000 miss most of them: agglutinating Turkish and Estonian, and the inflecting Baltic
#: and Central European languages ("vartotojams", "nuoroda" are common Lithuanian words),
#: whose legacy mojibake often breaks one or two letters of a line of otherwise ASCII words.
SHIP_ASCII_MORE = {
    "tr": 30000,
    "et": 20000,
    **dict.fromkeys(("lt", "lv"), 20000),
    **dict.fromkeys(("pl", "cs", "sk", "hu", "ro", "sl", "sh"), 15000),
}
#: Languages whose capital dotted I is lower-cased (``str.lower``, as word lookups fold) to
#: ``i`` plus a combining dot above: a word starting with it ("İzin", "İş") is shipped in
#: that spelling too, or no capitalised word of theirs would ever be a known word.
DOTTED_CAPITAL_I = ("tr", "az")
#: Inflecting languages that get an ending table (``endings.json.xz``, read by
#: ``textfix.scoring.endings``): a repaired word missing from the list counts as a form when
#: it is a listed word plus one of the :data:`ENDINGS` endings that most often follow a
#: listed word of 4+ letters (:data:`ENDING_STEM`) to make another listed word.
ENDING_LANGS = (
    *("tr", "lt", "lv", "et", "hu", "fi", "pl", "cs", "sk", "sl", "sh", "ro"),
    *("ru", "uk", "bg", "sr", "be", "mk"),
)
ENDINGS, ENDING_STEM, ENDING_LONGEST = 300, 4, 5
#: ... and the languages that write compounds as one word (two listed words of 4+ letters).
COMPOUNDING = ("et", "fi", "hu")
MIN_CHAR_SHARE = 3e-5  # letters rarer than this are not part of the alphabet
MIN_BIGRAM_P = 1e-4  # rarer bigrams are not stored (the scorer's floor covers them)


def is_wordchar(ch: str) -> bool:
    return ch.isalpha() or unicodedata.category(ch) in ("Mn", "Mc")


def words_of(text: str) -> list[str]:
    """Lower-cased letter runs of ``text``."""
    out, cur = [], []
    for ch in unicodedata.normalize("NFC", text).lower():
        if is_wordchar(ch):
            cur.append(ch)
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def wordfreq_words(lang: str, n: int = TOP_WORDS) -> list[tuple[str, float]]:
    import wordfreq

    freqs = wordfreq.get_frequency_dict(lang, wordlist="best")
    top = sorted(freqs.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    weighted: Counter[str] = Counter()
    for w, f in top:
        for part in words_of(w):
            weighted[part] += f
    return sorted(weighted.items(), key=lambda kv: (-kv[1], kv[0]))


def hunspell_words(dic: str) -> list[tuple[str, float]]:
    aff = (HUNSPELL_DIR / f"{dic}.aff").read_bytes()
    m = re.search(rb"^SET\s+(\S+)", aff.replace(b"\xef\xbb\xbf", b""), re.M)
    enc = m.group(1).decode() if m else "iso8859-1"
    raw = (HUNSPELL_DIR / f"{dic}.dic").read_bytes().decode(enc, errors="replace")
    counts: Counter[str] = Counter()
    for line in raw.split("\n")[1:]:
        stem = line.split("/", 1)[0].strip()
        if not stem or stem[0].isupper():  # skip proper names and abbreviations
            continue
        for part in words_of(stem):
            counts[part] += 1
    # No frequencies: shorter words are usually more common; weight them up a little.
    return sorted(
        ((w, c / (1 + len(w))) for w, c in counts.items()), key=lambda kv: (-kv[1], kv[0])
    )


def hunspell_forms(lang: str) -> list[str]:
    """Up to the language's cap of inflected forms from its hunspell dictionary (lower-cased,
    non-ASCII, no proper names). Stems are taken in order: those the language's wordfreq list
    knows first (commonest first), then the others, shorter first; each stem gives all its
    forms, shorter first."""
    dic, _licence, freq_lang, cap = HUNSPELL_FORMS[lang]
    freqs: dict[str, float] = {}
    if freq_lang is not None:
        import wordfreq

        freqs = wordfreq.get_frequency_dict(freq_lang, wordlist="best")
    aff, entries = hunspell_forms_mod.dictionary_entries(HUNSPELL_DIR, dic)
    ranked = sorted(
        (-freqs.get(stem.lower(), 0.0), len(stem), order, stem, flags)
        for order, (stem, flags) in enumerate(entries)
        if stem and not stem[0].isupper()
    )
    out: dict[str, None] = {}
    for *_key, stem, flags in ranked:
        forms = {
            unicodedata.normalize("NFC", f).lower()
            for f in hunspell_forms_mod.expand(stem, flags, aff)
        }
        for word in sorted(forms, key=lambda w: (len(w), w)):
            if not word.isascii() and all(map(is_wordchar, word)):
                out[word] = None
        if len(out) >= 2 * cap:  # enough to fill the cap after filtering
            break
    return list(out)


def cldr_words(lang: str) -> list[tuple[str, float]]:
    from babel import Locale

    loc = Locale.parse(lang)
    texts: list[str] = []
    for table in (loc.territories, loc.languages, loc.scripts, loc.currencies):
        texts.extend(str(v) for v in table.values())
    for ctx in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for table in (loc.months, loc.days):
                texts.extend(table.get(ctx, {}).get(width, {}).values())
    counts = Counter(w for t in texts for w in words_of(t))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def build_model(
    words: Iterable[tuple[str, float]], letters: str | None = None
) -> tuple[dict[str, object], list[str]]:
    """Letter statistics of a weighted word list; ``letters``, when given, are the non-ASCII
    letters of the alphabet (instead of those frequent enough in the list)."""
    pairs = list(words)
    chars: Counter[str] = Counter()
    for w, f in pairs:
        for ch in w:
            chars[ch] += math.sqrt(f)
    total = sum(chars.values())
    alphabet = {ch for ch, c in chars.items() if c / total >= MIN_CHAR_SHARE}
    if letters is not None:
        alphabet = {ch for ch in alphabet if ch.isascii()} | set(letters)
    script = Counter(script_of(ch) for ch in alphabet if not ch.isascii()).most_common(1)
    bigrams: Counter[str] = Counter()
    firsts: Counter[str] = Counter()
    for w, f in pairs:
        if not set(w) <= alphabet:
            continue
        weight = math.sqrt(f)
        padded = f" {w} "
        for a, b in itertools.pairwise(padded):
            bigrams[a + b] += weight
            firsts[a] += weight
    table = {}
    min_lp = 0.0
    for bg, c in bigrams.items():
        p = c / firsts[bg[0]]
        if p >= MIN_BIGRAM_P:
            lp = math.log(p)
            table[bg] = round(lp * 10)
            min_lp = min(min_lp, lp)
    model = {
        "script": script[0][0] if script else "Latn",
        "alphabet": "".join(sorted(alphabet)),
        "floor": round((min_lp - 1.0) * 10),
        "bigrams": dict(sorted(table.items())),
    }
    return model, [w for w, _ in pairs]


#: Zipf frequencies (log10 of occurrences per billion words) from which a word is in band
#: 1, 2 and 3 of a language: 3 is about the 10,000th commonest word of a mid-sized language,
#: 5 one of its ~200 commonest ("više" is 6.3 in Serbo-Croatian, "viče" 3.7).
ZIPF_BANDS = (3.0, 4.0, 5.0)


def zipf_band(freq: float) -> int:
    """The frequency band (0-3) of a word with wordfreq frequency ``freq`` (a share of
    all words; 0 when unknown).

    >>> [zipf_band(f) for f in (0.0, 2e-7, 2e-6, 5e-5, 3e-3)]
    [0, 0, 1, 2, 3]
    """
    zipf = math.log10(freq) + 9 if freq > 0 else 0.0
    return sum(zipf >= bar for bar in ZIPF_BANDS)


def word_bands(shipped: dict[str, list[str]], codes: list[str]) -> dict[str, int]:
    """Word -> its frequency bands as two bit planes (``_wordindex.bands_value``): for each
    wordfreq language (bit = index in ``codes``), the :func:`zipf_band` of the word there
    (its parts' summed frequency in the list the statistics read, as :func:`wordfreq_words`
    weighs them, else wordfreq's own frequency: hunspell forms, deeper words). Hunspell- and
    CLDR-only languages have no frequencies: band 0 everywhere."""
    import wordfreq

    bands: dict[str, list[int]] = {}
    for lang in WORDFREQ_LANGS:
        if lang not in shipped:
            continue
        i = codes.index(lang)
        weighted = dict(wordfreq_words(lang, max(TOP_WORDS, SHIP_READ.get(lang, 0))))
        full = wordfreq.get_frequency_dict(lang, wordlist="best")
        for w in shipped[lang]:
            # (a capital dotted I's spelling, "i̇zin", is as common as "izin")
            plain = w.replace("i\u0307", "i")
            band = zipf_band(weighted.get(plain) or full.get(plain, 0.0))
            if band:
                bands.setdefault(w, [0] * len(codes))[i] = band
    return {w: _wordindex.bands_value(b) for w, b in bands.items()}


def write_words(shipped: dict[str, list[str]], codes: list[str]) -> None:
    """Write ``words.idx``: word -> mask of the languages (indexed by ``codes``) having it,
    and its frequency bands there (:func:`word_bands`)."""
    word_mask = word_masks(shipped, codes)
    bands = word_bands(shipped, codes)
    (OUT / "words.idx").write_bytes(_wordindex.encode(word_mask, bands=bands))
    write_sample(word_mask, codes)
    print(f"{len(word_mask)} distinct words indexed", file=sys.stderr)


def ending_table(words: Iterable[str]) -> list[str]:
    """The :data:`ENDINGS` endings (of up to :data:`ENDING_LONGEST` letters) that most often
    follow a listed word of :data:`ENDING_STEM`+ letters to make another listed word, commonest
    first (ties in code-point order).

    >>> ending_table(["talo", "talon", "talossa", "kissa", "kissan", "kissat"])[:2]
    ['n', 'ssa']
    """
    listed = set(words)
    counts: Counter[str] = Counter()
    for w in listed:
        for k in range(1, min(ENDING_LONGEST, len(w) - ENDING_STEM) + 1):
            if w[:-k] in listed:
                counts[w[-k:]] += 1
    return [e for e, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:ENDINGS]]


def write_endings(shipped: dict[str, list[str]]) -> None:
    """Write ``endings.json.xz``: each :data:`ENDING_LANGS` language's :func:`ending_table`."""
    tables = {
        lang: " ".join(ending_table(shipped[lang])) for lang in ENDING_LANGS if lang in shipped
    }
    blob = json.dumps(
        {"version": 1, "endings": tables, "compounding": list(COMPOUNDING)},
        ensure_ascii=False,
        sort_keys=True,
    )
    (OUT / "endings.json.xz").write_bytes(lzma.compress(blob.encode(), preset=9))


def word_masks(shipped: dict[str, list[str]], codes: list[str]) -> dict[str, int]:
    """Word -> mask of the languages (indexed by ``codes``) whose shipped list has it."""
    word_mask: dict[str, int] = {}
    for lang, words in shipped.items():
        bit = 1 << codes.index(lang)
        for w in words:
            word_mask[w] = word_mask.get(w, 0) | bit
    # Two words sharing a hash key would share a mask: keep the one listed first (the
    # commoner), drop the other (a handful among millions).
    keys: dict[int, str] = {}
    for w in list(word_mask):
        first = keys.setdefault(_wordindex.word_key(w), w)
        if first != w:
            print(f"dropped {w!r}: same key as {first!r}", file=sys.stderr)
            del word_mask[w]
    return word_mask


def write_sample(word_mask: dict[str, int], codes: list[str]) -> None:
    """Write ``tests/data/word_sample.tsv``: shipped words with their languages, and words
    one letter away that are not shipped (``-``), so tests can check the index's masks
    without the full lists."""
    rng = random.Random(SAMPLE_SEED)
    words = rng.sample(sorted(word_mask), SAMPLE_WORDS)
    lines = [
        f"{w}\t{' '.join(c for i, c in enumerate(codes) if word_mask[w] >> i & 1)}" for w in words
    ]
    for w in words[:SAMPLE_MISSES]:
        miss = w[: len(w) // 2] + rng.choice(w) + w[len(w) // 2 :]
        if miss not in word_mask:
            lines.append(f"{miss}\t-")
    SAMPLE.parent.mkdir(parents=True, exist_ok=True)
    SAMPLE.write_text("\n".join(lines) + "\n", encoding="utf-8")


def reindex(old: Path) -> int:
    """Rewrite ``words.idx`` from an old ``lang<TAB>words`` list and the shipped models."""
    codes = sorted(json.loads(lzma.decompress((OUT / "langdata.json.xz").read_bytes()))["langs"])
    shipped: dict[str, list[str]] = {}
    for line in lzma.decompress(old.read_bytes()).decode("utf-8").split("\n"):
        lang, _, words = line.partition("\t")
        if lang in codes:
            shipped[lang] = words.split(" ")
    write_words(shipped, codes)
    return 0


def gather() -> tuple[dict[str, dict[str, object]], dict[str, list[str]]]:
    """Every language's model and shipped word list (``tools/build_skeletons.py`` reads the
    same lists through this function)."""
    langs: dict[str, dict[str, object]] = {}
    shipped: dict[str, list[str]] = {}
    sources: list[tuple[str, list[tuple[str, float]], bool]] = []
    for lang in WORDFREQ_LANGS:
        sources.append((lang, wordfreq_words(lang), True))
    for lang, (dic, _licence, ship) in HUNSPELL.items():
        sources.append((lang, hunspell_words(dic), ship))
    for lang in CLDR_ONLY:
        sources.append((lang, cldr_words(lang), True))
    for lang, words, ship in sources:
        model, ordered = build_model(words, CLDR_ALPHABETS.get(lang) or ORTHOGRAPHIES.get(lang))
        langs[lang] = model
        alphabet = set(str(model["alphabet"]))
        if ship:
            if lang in SHIP_READ:
                ordered = [w for w, _ in wordfreq_words(lang, SHIP_READ[lang])]
            keep = [w for w in ordered if not w.isascii() and set(w) <= alphabet]
            plain = [w for w in ordered if w.isascii() and len(w) > 1]
            shipped[lang] = (
                keep[: SHIP_WORDS_MORE.get(lang, SHIP_WORDS)]
                + plain[: SHIP_ASCII_MORE.get(lang, SHIP_ASCII)]
            )
        elif lang in CLDR_WORDS:
            extra = [w for w, _ in cldr_words(lang) if set(w) <= alphabet and len(w) > 1]
            shipped[lang] = extra[:SHIP_WORDS]
        if lang in HUNSPELL_FORMS:
            have = set(shipped[lang])
            forms = [w for w in hunspell_forms(lang) if w not in have and set(w) <= alphabet]
            shipped[lang] += forms[: HUNSPELL_FORMS[lang][3]]
        print(
            f"{lang}: {model['script']} {len(alphabet)} letters, "
            f"{len(model['bigrams'])} bigrams, {len(shipped.get(lang, []))} words",
            file=sys.stderr,
        )  # type: ignore[arg-type]
    _keep_specific_ascii(shipped)
    for lang in DOTTED_CAPITAL_I:
        if lang in shipped:
            shipped[lang] += dotted_capital_variants(shipped[lang])
    return langs, shipped


def dotted_capital_variants(words: list[str]) -> list[str]:
    """The folded spellings of ``words`` written with a capital dotted I first (``İzin``
    folds to ``i̇zin``), for the words starting with ``i`` that lack one.

    >>> dotted_capital_variants(["izin", "iş", "kuş"])
    ['i̇zin', 'i̇ş']
    """
    have = set(words)
    out = ["i\u0307" + w[1:] for w in words if w.startswith("i")]
    return [w for w in dict.fromkeys(out) if w not in have]


def _keep_specific_ascii(shipped: dict[str, list[str]]) -> None:
    """Of the extra ASCII words of :data:`SHIP_ASCII_MORE`, keep only those no other
    language lists: English "object" or "type" in a Turkish list would vote for Turkish in
    a Polish line."""
    others: dict[str, set[str]] = {}
    for lang, words in shipped.items():
        for word in words:
            if word.isascii():
                others.setdefault(word, set()).add(lang)
    for lang in SHIP_ASCII_MORE:
        if lang not in shipped:
            continue
        seen = 0
        kept = []
        for word in shipped[lang]:
            if word.isascii():
                seen += 1
                if seen > SHIP_ASCII and others[word] != {lang}:
                    continue
            kept.append(word)
        shipped[lang] = kept


def main() -> int:
    if sys.argv[1:2] == ["--reindex"]:
        return reindex(Path(sys.argv[2]))
    langs, shipped = gather()
    OUT.mkdir(parents=True, exist_ok=True)
    blob = json.dumps({"version": 1, "langs": langs}, ensure_ascii=False, sort_keys=True)
    (OUT / "langdata.json.xz").write_bytes(lzma.compress(blob.encode(), preset=9))
    write_words(shipped, sorted(langs))
    write_endings(shipped)
    return 0


if __name__ == "__main__":
    sys.exit(main())
