"""The single-byte legacy repair engine (issue 3): repairs, gates, exactness, clean text."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realtext_po import django_lines
from textfix import fix, fix_and_explain
from textfix.chains import FAMILIES, STEPS, fits, single_byte_steps, translation
from textfix.repair.base import DocumentContext
from textfix.repair.legacy import _inside_word, _letters_to_symbols, core, repair
from textfix.scoring.model import _GLUED_RE, mojibake_shape

#: (language, true, shown, minimum restore rate on 60 real Django lines). The floors sit a
#: little under what the engine measured (2026-11-27), so a regression shows; many of these
#: lines are a placeholder and one short word, the hardest case.
ROUND_TRIPS = [
    ("uk", "cp1251", "latin-1", 0.85),
    ("ru", "koi8-r", "cp1251", 0.8),
    ("ru", "cp1251", "koi8-r", 0.72),
    ("ru", "cp866", "cp1252", 0.55),
    ("el", "cp1253", "cp1252", 0.93),
    ("he", "cp1255", "cp1252", 0.85),
    ("ar", "cp1256", "cp1252", 0.75),
    ("th", "cp874", "cp1252", 0.9),
    ("pl", "cp1250", "cp1252", 0.83),
    ("cs", "cp1250", "cp1252", 0.7),
    ("uk", "utf-8", "koi8-r", 0.9),
    ("ru", "utf-8", "cp1251", 0.95),
]


@pytest.mark.parametrize(("lang", "true", "shown", "floor"), ROUND_TRIPS)
def test_real_lines_are_restored(lang: str, true: str, shown: str, floor: float) -> None:
    total = restored = 0
    for line in django_lines(lang, 60):
        try:
            garbled = line.encode(true).decode(shown)
        except UnicodeError:
            continue
        if garbled == line:
            continue
        total += 1
        restored += fix(garbled) == line
    assert total >= 20
    assert restored >= floor * total, (restored, total)


def test_seed_example_and_its_chain() -> None:
    garbled = "Öåé òåêñò òàêîæ äîñòóïíèé óêðà¿íñüêîþ"
    fixed = fix_and_explain(garbled)
    assert fixed.text == "Цей текст також доступний українською"
    assert {r.chain for r in fixed.repairs} <= {
        (("cp1251", "iso8859-1"),),
        (("cp1251", "cp1252"),),
    }
    assert all(0.5 <= r.confidence <= 1.0 for r in fixed.repairs)


@pytest.mark.parametrize(
    ("garbled", "expected"),
    [
        ("³adny dzieñ", "ładny dzień"),
        ("Kuþ uçtu", "Kuş uçtu"),
        ("оПХБЕР, ЙЮЙ ДЕКЮ?", "Привет, как дела?"),
        ("Ðåäàêòèðîâàíèå ïðîôèëÿ", "Редактирование профиля"),
        ("ÊáëçìÝñá óáò", "Καλημέρα σας"),
        # mac-cyrillic would make the capital a no-break space at the line's start.
        ("Êîòëàñ", "Котлас"),
        # mac-roman shows Danish æ as a capital Ê: lowering it into a known word is fine.
        ("Siden blev Êndret igen", "Siden blev ændret igen"),
        # mac-cyrillic would read the capital as a no-break space: one letter fewer to score.
        ("╩Φφσ°∞α", "Кинешма"),
        ("\xa0‡Ì‰‡Î‡Í¯‡", "Кандалакша"),
        # cp852's ą shown as cp1252's ¥ in an unlisted inflected form; the Polish words
        # around it agree.
        ("Nie ma tutaj podgl¥du tego pliku", "Nie ma tutaj podglądu tego pliku"),
        # cp1254 shown as cp1252: unknown words become known Turkish words, cp1254 being
        # Turkish's commonest code page (the letter statistics alone hardly improve).
        ("Þablon seçimi", "Şablon seçimi"),
        # cp1257 shown as cp1252, a thin repair of unknown words into known Latvian ones.
        ("Argentîna un Èîle", "Argentīna un Čīle"),
        # cp1257 shown as cp437: a symbol inside a word, a known Estonian word once repaired.
        ("PΣrnu linn", "Pärnu linn"),
        # mac-cyrillic shown as cp1251: a long line whose average hides its three garbled
        # letters; the glued symbol and the capitals inside words are shape enough to look.
        (
            "€сходнаЯ директориЯ не найдена, проверьте путь к ней",
            "Исходная директория не найдена, проверьте путь к ней",
        ),
    ],
)
def test_thin_and_classic_examples(garbled: str, expected: str) -> None:
    assert fix(garbled) == expected


CLEAN = [
    "¿Qué?",
    "déjà vu",
    "Schöne Grüße aus Köln, Fußnoten",
    "Καλημέρα σας",
    "中文文本，没有问题。",
    "Привет, как дела?",
    "Tiếng Việt có dấu",
    "Kuş uçtu, İstanbul'da ağır bir gün",
    "→ ∑ ≤ ∞ ± × ÷ ∂ √",
    "Emoji 😀🎉 and IPA ˈfəʊnətɪks",
    "Müller, Đoković, Søren Kierkegaard, Łukasz",
    "ÜBERSCHRIFT IN GROSSBUCHSTABEN",
    "https://example.org/%C3%A9t%C3%A9?q=%D0%BF",
    "naïve café, coöperate, Zoë",
    "№ 5, § 12, 25 °C, 3½ kg",
    # A format placeholder of one repeated letter (cp437's µ is cp866's ц) beside a word
    # no display code page holds.
    "Tempo en formo HH:MM:ss.µµµµµµ ne ĉiam validas",
    # Turkmen (no model): cp852 read back would swap only ç and ý for š and ř, no known word.
    "Saýlanan obýekt ýok, açary bar.",
    # A capital at the line's start is clean capitalisation (Franco-Provençal, no model).
    "Èmirats arabos unis",
    # Albanian (no word list): cp1257 would make Lithuanian "nė" of "në"; the quote in
    # "s’ka" is a shape the repair would not remove, so it is no evidence for it.
    "s’ka ndryshime në version %s.",
    # Names whose letters another code page turns into known words: too thin alone.
    "Addý",
    "Langø",
    "Kosta Rîka",
]


@pytest.mark.parametrize("clean", CLEAN)
def test_clean_examples_unchanged(clean: str) -> None:
    assert fix(clean) == clean


CLEAN_LANGS = (
    "ru",
    "uk",
    "be",
    "bg",
    "mk",
    "sr",
    "pl",
    "cs",
    "sk",
    "hu",
    "sl",
    "hr",
    "ro",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
    "sv",
    "da",
    "fi",
    "el",
    "he",
    "ar",
    "fa",
    "tr",
    "lt",
    "lv",
    "et",
    "th",
    "vi",
)


def test_real_clean_lines_unchanged() -> None:
    changed = []
    for lang in CLEAN_LANGS:
        for line in django_lines(lang, 120):
            if fix(line) != line:
                changed.append((lang, line))
    assert changed == []


def test_every_repair_is_an_exact_round_trip() -> None:
    for lang, true, shown, _floor in ROUND_TRIPS[:6]:
        for line in django_lines(lang, 20):
            try:
                garbled = line.encode(true).decode(shown)
            except UnicodeError:
                continue
            for r in fix_and_explain(garbled).repairs:
                ((t, s),) = r.chain[:1]
                if t == "utf-8" or s.startswith("sloppy-"):
                    continue
                assert r.original.encode(s).decode(t) == r.replacement


def test_chain_table_names_are_canonical_and_tables_exact() -> None:
    for true, shown in STEPS:
        assert codecs.lookup(true).name == true
        assert codecs.lookup(shown).name == shown
    for (true, shown), table in single_byte_steps():
        for byte in range(0x80, 0x100):
            raw = bytes([byte])
            try:
                seen, meant = raw.decode(shown), raw.decode(true)
            except UnicodeDecodeError:
                continue
            assert seen.translate(table) == meant
    assert {f.name for f in FAMILIES} >= {"Cyrillic", "Central European", "Baltic", "Thai"}
    assert translation("cp1251", "cp1252")[ord("Ï")] == "П"
    assert fits("cp1257", "lv") and not fits("cp852", "lv")


def test_document_context_lowers_the_bar_for_a_known_chain() -> None:
    line = "Ïðîôèëü"
    plain = repair(line, DocumentContext())
    ctx = DocumentContext()
    ctx.chains[(("cp1251", "cp1252"),)] += 3
    helped = repair(line, ctx)
    assert plain is not None and helped is not None
    assert helped.confidence >= plain.confidence


def test_doubtful_lines_are_reported_not_changed() -> None:
    # One odd symbol in an otherwise clean word: looks garbled, no confident repair.
    line = "Zaw∞s"
    step = repair(line, DocumentContext())
    assert step is None or step.confidence < 0.5 or step.text != line


def test_core_is_the_non_ascii_words() -> None:
    assert core("Hello Ðåäàêò, 100 ok") == "Ðåäàêò"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2FFF)))
def test_never_raises_and_is_idempotent(text: str) -> None:
    once = fix(text)
    assert fix(once) == once


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(
        [
            line
            for lang in ("ru", "uk", "el")
            for line in django_lines(lang, 60)
            if len(core(line).split()) >= 3
        ]
    ),
    st.sampled_from([("cp1251", "cp1252"), ("koi8-r", "cp1251"), ("cp1253", "cp1252")]),
)
def test_garbled_real_line_never_becomes_something_else_silently(
    line: str, chain: tuple[str, str]
) -> None:
    true, shown = chain
    try:
        garbled = line.encode(true).decode(shown)
    except UnicodeError:
        return
    out = fix(garbled)
    # Either restored, or left alone: a confident wrong repair is the failure we forbid.
    # (Lines of one or two short words are excluded: see the report's known weaknesses.)
    assert out in (line, garbled)


def test_spacing_accents_between_letters_are_mojibake_shapes() -> None:
    # mac-roman shows cp1252's ö as ˆ (a "modifier letter" to Unicode); ʻ in Hawaiʻi is real.
    assert mojibake_shape("rekisterˆity")
    assert mojibake_shape("Hačˇek")
    assert not mojibake_shape("Hawaiʻi oʻzbek")
    assert fix("T‰m‰ k‰ytt‰j‰ ei lˆyt‰nyt pˆyt‰‰.") == "Tämä käyttäjä ei löytänyt pöytää."


def test_superscripts_between_letters_are_mojibake_shapes() -> None:
    # cp437 shows "ü" as "ⁿ" and "ı" as "²": between two letters they are glued symbols.
    for garbled in ("Tⁿrgi", "lehekⁿljed", "Hal²c²"):
        assert mojibake_shape(garbled)
        assert _inside_word(garbled)
    # Real text writes them after a word or a number, and formulas write subscripts
    # between capitals; UTF-8 shown as cp1252 ("Ð¹") is the UTF-8 chains' to repair.
    for clean in ("xⁿ + yⁿ", "5 m² of land", "10⁹ cells", "H₂SO₄", "Ð¹Ð°"):
        assert not _GLUED_RE.search(clean)
        assert not _inside_word(clean)
    # One letter, a gain of 1.0 is enough then ("Türgi" is no listed word).
    assert fix("Tⁿrgi Vabariik") == "Türgi Vabariik"
    assert fix("Cⁿneyit") == "Cüneyit"


def test_utf8_decode_to_an_unassigned_code_point_is_chance() -> None:
    # Arabic cp1256 bytes (shown as mac-roman) that happen to form valid UTF-8 for an
    # unassigned code point: the single-byte reading competes with ftfy's and wins.
    assert fix("ÒãÇä") == "زمان"  # ftfy alone reads U+4B08A


@pytest.mark.parametrize(
    ("line", "true", "shown"),
    [
        ("Скасувати", "cp1125", "mac-roman"),  # ftfy reads one Hangul syllable: "뙆·„¢†‚®"
        ("Група", "cp866", "mac-roman"),  # ... a Latin letter beside signs: "ɇ„Ø†"
        ("Змінити", "koi8-u", "cp1252"),  # ... and leaves the other letters garbled
        ("Сховати", "cp1125", "cp1252"),
    ],
)
def test_utf8_decode_of_a_letter_or_two_by_chance_loses_to_a_confident_repair(
    line: str, true: str, shown: str
) -> None:
    garbled = line.encode(true).decode(shown)
    assert fix(garbled) == line


def test_a_drawing_glued_to_a_word_is_as_strong_as_a_symbol_inside_one() -> None:
    # koi8-u's "і" shown as koi8-r is "╕": one letter, a gain of 1.0 is enough then.
    line = "Тюркські мови"
    assert fix(line.encode("koi8-u").decode("koi8-r")) == line
    # Tables drawn around words stay.
    for clean in ("│Имя│Значение│", "└─Документы", "Dosya│Düzenle│Görünüm", "┌Меню┐"):
        assert fix(clean) == clean


@pytest.mark.parametrize("line", ["Кельтські мови", "Бермудські острови", "Алеутські острови"])
def test_drawings_that_all_become_letters_of_the_line_need_no_more_gain(line: str) -> None:
    # The repair only turns box drawing glued to words into Ukrainian letters (koi8-u
    # shown as koi8-r): its gain is below 1.0, and none of the words is listed.
    assert fix(line.encode("koi8-u").decode("koi8-r")) == line


@pytest.mark.parametrize("line", ["Кыштым", "Нытва", "Кирилыч", "Мыски"])
def test_a_serbian_capital_before_letters_serbian_lacks_is_a_mac_capital(line: str) -> None:
    # mac-cyrillic's capitals show as cp1251's Serbian ones ("Љ", "Њ", "Ќ"), its small
    # letters as themselves: no orthography has "Ќ" before "ы". The names are in no list.
    garbled = line.encode("mac-cyrillic").decode("cp1251")
    assert fix(garbled) == line
    # Serbian words keep their letters, listed or not.
    for clean in ("Џида", "Љубав и Ђак", "Њива"):
        assert fix(clean) == clean


def test_a_utf8_decode_making_only_a_stray_mark_is_chance() -> None:
    # cp1251 "Гінды" shown as mac-roman decodes as UTF-8 to a combining hook after "≥".
    assert fix("Гінды".encode("cp1251").decode("mac-roman")) == "Гінды"


@pytest.mark.parametrize(
    "line",
    [
        "'%s' non è un'opzione valida.",  # a lone "è" reads poorly, but is Italian's letter
        "monday again ¯\\(°_o)/¯ #mood",  # a decode that makes no letter stands
        "Grüße aus München",  # "ß" folds to "ss" in the statistics: no foreign letter
        "दिन",  # three letters of an unmodelled script are no chance decode
    ],
)
def test_utf8_decodes_that_read_as_text_stand(line: str) -> None:
    for shown in ("cp1252", "iso8859-1"):
        garbled = line.encode("utf-8").decode(shown, errors="replace")
        assert fix(garbled) == line


@pytest.mark.parametrize(
    ("line", "true"), [("утре", "iso8859-5"), ("утре", "cp866"), ("метода класе", "iso8859-5")]
)
def test_cores_of_signs_alone_are_judged_by_known_words(line: str, true: str) -> None:
    # Cyrillic shown as mac-roman can be all signs: the scorer reads no letter there, so the
    # repair's own level and its known words decide (the original is no plausible text).
    garbled = line.encode(true).decode("mac-roman")
    assert not any(ch.isalpha() and ch not in "ﬁﬂ" for ch in garbled)
    assert fix(garbled) == line
    # ... but signs that spell no known word stay signs.
    assert fix("± ≈ ≠ ≤") == "± ≈ ≠ ≤"
    assert fix("™ ‰ † ‡") == "™ ‰ † ‡"


@pytest.mark.parametrize("line", ["Уровень доступа", "Файл не найден", "Удалено:"])
def test_mac_cyrillic_capital_shown_as_a_cp1251_sign(line: str) -> None:
    # The capital is the only changed letter: the sign before a word that is known only
    # with that capital is the evidence, not the letter statistics.
    garbled = line.encode("mac-cyrillic").decode("cp1251")
    assert garbled[0] in "“”"
    assert fix(garbled) == line
    # Real quotes before known words stay.
    assert fix("“ровно” и „добре“") == "“ровно” и „добре“"


@pytest.mark.parametrize(
    "clean",
    [
        "тьяп",  # iso8859-5 shown as koi8-r would read the known "диба": 4 letters, all swapped
        "Sante Sede (Stât de Citât dal Vatican)",  # Friulian in an Italian-named line
        "view гэж юу вэ?",  # Mongolian: cp1251 capitals "ЗЬЦ АХ ЧЬ" make one short known word
    ],
)
def test_chance_words_of_larger_lists_do_not_repair_clean_text(clean: str) -> None:
    assert fix(clean) == clean


def test_a_thin_repair_whose_line_names_its_language_still_passes() -> None:
    # The repeated "Duployan" votes once: the line names no other language.
    line = "Duployan kısaltması, Duployan stenografisi"
    assert fix(line.encode("cp1254").decode("cp1252")) == line


def test_a_display_page_that_cannot_show_the_line_ranks_lower() -> None:
    # "‚" is cp1251 "в" shown as mac-roman, but mac-roman cannot show the Cyrillic letters
    # after it: the line is mac-cyrillic "Вибрати" shown as cp1251.
    garbled = "Вибрати".encode("mac-cyrillic").decode("cp1251")
    assert garbled == "‚ибрати"
    assert fix(garbled) == "Вибрати"


@pytest.mark.parametrize(
    "line",
    [
        "قرأت الكتاب، ثم كتبت رسالة طويلة إلى صديقي في المدينة.",
        "ذهبنا إلى السوق ، واشترينا الخبز والحليب والفاكهة",
        'قال "مرحبا"، ثم عاد إلى البيت مساءً، وكان متعبًا جدًا.',
        "قال “مرحبا”، ثم عاد إلى البيت",
    ],
)
def test_arabic_comma_shown_as_a_dos_letter(line: str) -> None:
    # cp1256's Arabic comma is cp437's "í": a letter turned into the comma that ends a word
    # of its script (after a space, a closing quote or a tanwin too) is no letter lost.
    garbled = line.encode("cp1256").decode("cp437")
    assert "í" in garbled
    assert fix(garbled) == line


def test_arabic_comma_inside_a_word_is_a_letter_lost() -> None:
    assert _letters_to_symbols("╟íß", "ا،ل") == 1
    assert _letters_to_symbols("╟ß í", "ال ،") == 0
