"""strip_boilerplate on hand-written pages (fixtures written for these tests)."""

from __future__ import annotations

import pytest

from textfix.boilerplate import REASONS, LineVerdict, Stripped, strip_boilerplate

HEADLINE = "Місто відкрило новий пішохідний міст через річку"
LEAD = "Після двох років будівництва мешканці нарешті можуть перейти річку пішки."
PARAGRAPHS = [
    "Міст завдовжки двісті метрів з'єднав старе місто з новим житловим районом на лівому "
    "березі. На відкриття прийшли кілька сотень людей, серед них багато родин з дітьми, які "
    "давно чекали на коротший шлях до школи та парку.",
    "За словами інженерів, конструкція розрахована на сто років служби. Під час будівництва "
    "довелося двічі змінювати проєкт, бо восени вода в річці піднялася вище, ніж очікували, "
    "і частину опор треба було підсилити.",
    "Міська рада обіцяє, що наступного року вздовж берега з'явиться велодоріжка, а біля мосту "
    "облаштують невеликий сквер із лавками та ліхтарями. Мешканці вже запропонували кілька "
    "назв для нового мосту, і голосування триватиме до кінця місяця.",
]
NOTICE = "Цей текст також доступний українською"
FOOTER = (
    "У випадку, якщо ви знайшли помилку, виділіть її мишкою і натисніть Ctrl + Enter, "
    "або напишіть на [email\u00a0protected]"
)
COOKIES = (
    "This project uses cookies from Mind to deliver its services and to analyze "
    "traffic.Learn moreOK, Got it"
)


def seed_like_page() -> str:
    lines = [HEADLINE, HEADLINE, LEAD, HEADLINE, *PARAGRAPHS, NOTICE, FOOTER, COOKIES]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("lang", ["uk", None])
def test_seed_like_page(lang: str | None) -> None:
    result = strip_boilerplate(seed_like_page(), lang=lang)
    out = result.text.split("\n")
    assert out.count(HEADLINE) == 1
    assert LEAD in out
    for p in PARAGRAPHS:
        assert p in out
    reasons = {v.text: v.reason for v in result.lines if v.action == "drop"}
    assert reasons[NOTICE] == "language-notice"
    assert reasons[FOOTER] == "error-report"
    assert reasons[COOKIES] == "cookie-banner"
    assert result.text == "\n".join([HEADLINE, LEAD, *PARAGRAPHS]) + "\n"


EN_HEADLINE = "AP: City council approves the new river bridge after two years of debate"
EN_LEAD = "The vote ends a long dispute over the cost and the route of the crossing."
EN_PARAGRAPHS = [
    "Council members voted nine to two on Tuesday evening to approve the bridge, which will "
    "connect the old town with the growing district on the eastern bank of the river.",
    "Opponents had argued that the money should go to schools and to repairing roads, while "
    "supporters said the crossing would cut travel times for thousands of commuters each day.",
    "Construction is expected to start next spring and to take about three years, according "
    "to the city's planning office, which will publish the detailed schedule next month.",
]


@pytest.mark.parametrize("lang", ["en", None])
def test_seed_shape_english_article_on_a_ukrainian_site(lang: str | None) -> None:
    # The seed's shape: blank lines between blocks, the headline three times (once after
    # the lead), an English article, Ukrainian site notices, an English cookie banner.
    blocks = [EN_HEADLINE, EN_HEADLINE, EN_LEAD, NOTICE, EN_HEADLINE, *EN_PARAGRAPHS]
    page = "\n\n".join(blocks) + "\n\n" + FOOTER + "\n" + COOKIES + "\n"
    result = strip_boilerplate(page, lang=lang)
    assert result.text == "\n\n".join([EN_HEADLINE, EN_LEAD, *EN_PARAGRAPHS]) + "\n"
    reasons = {v.text: v.reason for v in result.lines if v.action == "drop" and v.text}
    assert reasons == {
        EN_HEADLINE: "repeated-line",
        NOTICE: "language-notice",
        FOOTER: "error-report",
        COOKIES: "cookie-banner",
    }


def test_one_verdict_per_line_and_reasons_are_documented() -> None:
    page = seed_like_page()
    result = strip_boilerplate(page)
    assert len(result.lines) == page.count("\n")
    assert [v.text for v in result.lines] == page.split("\n")[:-1]
    for v in result.lines:
        assert (v.reason is None) == (v.action == "keep")
        assert v.reason is None or v.reason in REASONS
        assert (v.output is not None) == (v.action == "edit")


ARTICLE_DE = (
    "Der Gemeinderat hat am Dienstag beschlossen, die alte Schule am Marktplatz in ein "
    "Bürgerhaus umzubauen. Die Arbeiten sollen im Frühjahr beginnen und etwa zwei Jahre dauern."
)
ARTICLE_DE_2 = (
    "Geplant sind ein Saal für Veranstaltungen, Räume für Vereine und eine kleine Bibliothek. "
    "Die Kosten werden auf rund vier Millionen Euro geschätzt, die Hälfte trägt das Land."
)


def test_german_page_menu_footer_and_banner() -> None:
    lines = [
        "Zum Inhalt springen",
        "Startseite",
        "Politik",
        "Wirtschaft",
        "Sport",
        "Kultur",
        "Alte Schule wird Bürgerhaus",
        ARTICLE_DE,
        "Anzeige",
        ARTICLE_DE_2,
        "Lesen Sie auch: Neue Buslinie ab Juni",
        "Kommentare (3)",
        "Wir verwenden Cookies, um Ihnen ein besseres Nutzererlebnis zu bieten.",
        "© 2024 Musterverlag GmbH",
    ]
    result = strip_boilerplate("\n".join(lines), lang="de")
    assert result.text == "\n".join(["Alte Schule wird Bürgerhaus", ARTICLE_DE, ARTICLE_DE_2])
    reasons = [v.reason for v in result.lines]
    assert reasons[0] == "navigation"
    assert reasons[8] == "advertisement"
    assert reasons[10] == "read-also"
    assert reasons[11] == "comments"
    assert reasons[12] == "cookie-banner"
    assert reasons[13] == "copyright"
    assert "outside-main-text" in reasons[1:6]


@pytest.mark.parametrize(
    ("lang", "line", "reason"),
    [
        ("en", "Sign up for our weekly newsletter", "newsletter"),
        ("en", "Share on Facebook", "share"),
        ("en", "Related articles", "read-also"),
        ("en", "All rights reserved.", "copyright"),
        ("en", "Log in", "login"),
        ("ru", "Если вы нашли ошибку, выделите её и нажмите Ctrl+Enter", "error-report"),
        ("ru", "Читайте также", "read-also"),
        ("ru", "Мы используем файлы cookie для улучшения работы сайта", "cookie-banner"),
        ("uk", "Читайте також", "read-also"),
        ("fr", "Ce site utilise des cookies pour améliorer votre expérience", "cookie-banner"),
        ("fr", "Lire aussi", "read-also"),
        ("es", "Este sitio web utiliza cookies propias y de terceros", "cookie-banner"),
        ("es", "Deja un comentario", "comments"),
        ("pl", "Ta strona używa plików cookies", "cookie-banner"),
        ("pl", "Czytaj także", "read-also"),
        ("it", "Questo sito utilizza cookie tecnici", "cookie-banner"),
        ("it", "Tutti i diritti riservati", "copyright"),
        ("pt", "Este site utiliza cookies para melhorar a sua experiência", "cookie-banner"),
        ("pt", "Leia também", "read-also"),
        ("de", "Newsletter abonnieren", "newsletter"),
        ("de", "Foto: Anna Beispiel", "media-credit"),
        ("en", "Photo by Jane Doe/Example Images", "media-credit"),
        ("en", "By Jane Doe", "byline"),
        ("en", "Posted on March 3, 2019 by admin", "byline"),
        ("de", "Veröffentlicht am 3. Mai 2021", "byline"),
        ("en", "2 days ago at 08:51 am", "byline"),
        ("en", "This slideshow requires JavaScript.", "widget"),
        ("es", "Por María López", "byline"),
        ("de", "Datenschutz · Impressum · Kontakt", "navigation"),
        ("de", "11 Antworten zu „Ein Sommer am See“", "comments"),
    ],
)
def test_phrase_classes(lang: str, line: str, reason: str) -> None:
    page = "\n".join([ARTICLE_DE, line, ARTICLE_DE_2])
    verdict = strip_boilerplate(page, lang=lang).lines[1]
    assert (verdict.action, verdict.reason) == ("drop", reason)


@pytest.mark.parametrize(
    "line",
    [
        "We use cookies in the recipe, and the children loved them.",
        "Share prices fell sharply on Monday after the announcement.",
        "Home is where the heart is, as my grandmother always said.",
        "Related research shows that sleep matters more than diet.",
        "Comments from readers poured in after the first episode aired.",
        "Copyright law protects the expression of ideas, not the ideas themselves.",
        "By the end of the year the bridge was finished.",
        "Published in 1998, the novel sold a million copies.",
        "Photos from 1998 show the old harbour.",
        "Por favor",
    ],
)
def test_prose_mentioning_trigger_words_stays(line: str) -> None:
    page = "\n".join([ARTICLE_DE, line, ARTICLE_DE_2])
    result = strip_boilerplate(page, lang="en")
    assert result.text == page
    assert not result.changed


def test_edits_keep_the_line() -> None:
    lines = [
        ARTICLE_DE,
        "Schreiben Sie uns an [email protected] oder rufen Sie an.",
        "Share this: Photos of the new town hall",
        "Der Umbau beginnt im März… Weiterlesen »",
        ARTICLE_DE_2,
    ]
    result = strip_boilerplate("\n".join(lines), lang="de", rules=None)
    edits = [(v.action, v.output, v.reason) for v in result.lines[1:4]]
    assert edits[0] == ("edit", "Schreiben Sie uns an oder rufen Sie an.", "email-placeholder")
    assert edits[2] == ("edit", "Der Umbau beginnt im März…", "read-more")
    result_en = strip_boilerplate("\n".join(lines), lang="en")
    assert result_en.lines[2].output == "Photos of the new town hall"
    assert result_en.lines[2].reason == "share-prefix"


def test_plain_read_more_in_prose_is_not_an_edit() -> None:
    page = "\n".join([ARTICLE_DE, "After the talk I wanted to read more", ARTICLE_DE_2])
    assert strip_boilerplate(page, lang="en").text == page


def test_headline_repeats_go_but_recurring_body_lines_stay() -> None:
    question = "What made you start cooking?"
    answer = "My grandmother taught me on Sundays, and I never stopped since then at all."
    body = []
    for name in ("Anna", "Ben", "Chloe", "Dan"):
        body += [name, question, answer * 2]
    title = "Four cooks on their first recipe"
    page = "\n".join([title, title, *body])
    result = strip_boilerplate(page, lang="en")
    assert result.lines[1].reason == "repeated-line"
    assert result.text.count(question) == 4
    items = "\n".join(["- Two eggs", "- One cup of flour", ARTICLE_DE, "- Two eggs", ARTICLE_DE_2])
    assert strip_boilerplate(items, lang="en").text == items


def test_blank_runs_left_by_removals_collapse() -> None:
    page = f"Menu\n\nStartseite\n\n{ARTICLE_DE}\n\nAnzeige\n\n{ARTICLE_DE_2}\n\n© 2024 Verlag\n"
    result = strip_boilerplate(page, lang="de")
    assert result.text == f"{ARTICLE_DE}\n\n{ARTICLE_DE_2}\n"
    assert "collapsed-blank" in {v.reason for v in result.lines}


def test_crlf_and_missing_final_newline_are_kept() -> None:
    page = f"{ARTICLE_DE}\r\nAnzeige\r\n{ARTICLE_DE_2}"
    assert strip_boilerplate(page, lang="de").text == f"{ARTICLE_DE}\r\n{ARTICLE_DE_2}"
    page_nl = f"{ARTICLE_DE}\r\n{ARTICLE_DE_2}\r\nAnzeige\r\n"
    assert strip_boilerplate(page_nl, lang="de").text == f"{ARTICLE_DE}\r\n{ARTICLE_DE_2}\r\n"


def test_cjk_lines_are_measured_by_characters() -> None:
    para = "今天市政府宣布新的公园将在明年春天开放，市民可以在那里散步、跑步和野餐。" * 2
    body = [para, para + "谢谢。", "市民" + para, "今天" + para]
    page = "\n".join(["首页", "新闻", "体育", "财经", "科技", "娱乐", *body])
    result = strip_boilerplate(page)
    assert result.text == "\n".join(body)
    # The same lines in Latin letters are too short to outweigh the menu.
    menu = ["Politics", "Business", "Sport", "Money", "Tech", "Fun"]
    latin = "\n".join([*menu, *["x" * 60 + "."] * 4])
    assert strip_boilerplate(latin).text == latin


def test_empty_and_trivial_inputs() -> None:
    assert strip_boilerplate("") == Stripped("", [])
    assert strip_boilerplate("\n").text == "\n"
    assert strip_boilerplate("Anzeige", lang="de").lines == [
        LineVerdict("Anzeige", "drop", None, "advertisement")
    ]


def test_rejects_non_str() -> None:
    with pytest.raises(TypeError):
        strip_boilerplate(b"bytes")  # type: ignore[arg-type]


def test_structured_list_next_to_the_article_stays() -> None:
    dates = [
        f"{m} {d} – {city} @ Town Hall"
        for m, d, city in [
            ("May", 3, "Lviv"),
            ("May", 9, "Kraków"),
            ("June", 1, "Berlin"),
            ("June", 4, "Prague"),
        ]
    ]
    menu = ["Politics", "Business", "Sport", "Culture", "Travel", "Weather", "Science"]
    page = "\n".join(
        [
            *menu,
            "© 2024 Example News",
            "Share on Facebook",
            "Related articles",
            ARTICLE_DE,
            ARTICLE_DE_2,
            ARTICLE_DE,
            "Tour dates",
            *dates,
            *menu,
        ]
    )
    kept = strip_boilerplate(page, lang="en").text.split("\n")
    assert kept[-len(dates) :] == dates
    assert "Tour dates" in kept
    assert "Politics" not in kept
