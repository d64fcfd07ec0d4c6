"""decode(): BOMs, UTF-8/16/32, binary, legacy code pages, errors modes, undecodable bytes."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textfix.decoding import DecodeError, decode
from textfix.decoding.utf import sniff_utf16, sniff_utf32

# Sentences written for these tests (not copied from any corpus).
RU = "Мы пошли в магазин, а потом долго гуляли по набережной.\nВечером был дождь."
UK = "Ми довго гуляли біля річки, а ввечері пили чай із медом.\n"
PL = "Zażółć gęślą jaźń, powiedział nauczyciel i wyszedł z klasy.\n"
DE = "Die Straße war nass, und wir gingen über die Brücke nach Hause.\n"
EL = "Το καλοκαίρι πήγαμε στη θάλασσα και κολυμπήσαμε κάθε μέρα.\n"
ZH = "我们今天去公园散步，天气非常好，大家都很开心。\n"
JA = "今日は天気が良かったので、友達と公園に行きました。\n"
ZH_TW = "我們今天去公園散步，天氣非常好，大家都很開心。\n"
KO = "오늘은 날씨가 좋아서 친구들과 공원에 갔습니다.\n"


@pytest.mark.parametrize("text", [RU, UK, PL, DE, EL, ZH, JA, KO, "plain ascii\n", ""])
@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_bom_wins_and_is_stripped(text: str, encoding: str) -> None:
    d = decode(text.encode(encoding))
    assert (d.text, d.encoding, d.confidence) == (text, encoding, 1.0)


@pytest.mark.parametrize("text", [RU, PL, EL, ZH, JA, KO, "Only ASCII here.\nTwo lines.\n"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_bomless_wide_utf(text: str, encoding: str) -> None:
    d = decode(text.encode(encoding))
    assert d.text == text
    assert d.encoding == encoding
    assert not d.is_binary


def test_utf8_and_ascii() -> None:
    assert decode(RU.encode()).encoding == "utf-8"
    assert decode(b"hello\n").encoding == "ascii"
    assert decode(b"").text == ""


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RU * 3, "cp1251"),
        (RU * 3, "koi8-r"),
        (RU * 3, "cp866"),
        (UK * 3, "cp1251"),
        (PL * 3, "cp1250"),
        (PL * 3, "iso8859-2"),
        (DE * 3, "cp1252"),
        (EL * 3, "cp1253"),
        (ZH * 3, "gb18030"),
        (ZH_TW * 3, "big5"),
        (JA * 3, "shift_jis"),
        (JA * 3, "euc_jp"),
        (KO * 3, "euc_kr"),
    ],
)
def test_legacy_paragraphs(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    d = decode(data)
    assert d.text == text, (d.encoding, encoding)
    assert codecs.lookup(d.encoding).name == d.encoding
    assert not d.undecodable


def test_mixed_utf8_and_cp1251_lines() -> None:
    lines = [RU.split("\n")[0], "ascii only", UK.strip(), "Ещё одна строка, уже в UTF-8."]
    data = lines[0].encode("cp1251") + b"\n" + lines[1].encode() + b"\n" + lines[2].encode() + b"\n"
    data += lines[3].encode("cp1251") + b"\n"
    d = decode(data)
    assert d.text == "\n".join(lines) + "\n"
    assert d.encoding == "mixed"
    assert [tuple(s) for s in d.segments] == [(0, 2, "cp1251"), (2, 3, "utf-8"), (3, 4, "cp1251")]
    assert d.encodings == ["cp1251", "utf-8"]


def test_damaged_utf8_is_reported_not_reinterpreted() -> None:
    good = "Прекрасная погода сегодня в нашем городе".encode()
    data = good[:20] + b"\xff" + good[20:]
    d = decode(data)
    assert d.encoding == "utf-8"
    assert d.undecodable.count == 1 and d.undecodable.offsets == (20,)
    assert d.text.count("\ufffd") == 1


def test_character_cut_by_a_stray_byte_is_damaged_utf8() -> None:
    data = "Всё хорошо\n".encode()
    data = data[:5] + b"\xff" + data[5:]  # inside "ё": a lone lead, junk, a lone continuation
    d = decode(data)
    assert d.encoding == "utf-8"
    assert d.text == "Вс\ufffd\ufffd\ufffd хорошо\n"
    assert d.undecodable.offsets == (4, 5, 6)


def test_errors_modes() -> None:
    data = "Привет".encode() + b"\xff"
    with pytest.raises(DecodeError) as info:
        decode(data, errors="strict")
    assert info.value.offset == 12
    escaped = decode(data, errors="surrogateescape")
    assert escaped.text.encode(escaped.encoding, "surrogateescape") == data
    with pytest.raises(ValueError, match="errors must be"):
        decode(b"x", errors="ignore")


def test_hint_is_followed_when_the_bytes_allow_it() -> None:
    data = "Ещё".encode("koi8-r")  # three bytes: many code pages fit
    assert decode(data, hint="koi8-r").text == "Ещё"
    # Evidence overrules a wrong hint: this is valid UTF-8.
    assert decode("Ещё".encode(), hint="cp1251").text == "Ещё"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"\x7fELF\x02\x01\x01\x00" + bytes(56),
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)),
        bytes(range(256)) * 16,
    ],
)
def test_binary(data: bytes) -> None:
    d = decode(data)
    assert d.is_binary
    assert d.confidence == 0.0


def test_wide_sniffers_reject_legacy_text() -> None:
    for text, enc in ((DE, "cp1252"), (RU, "cp1251"), (ZH, "gbk"), (KO, "euc_kr")):
        data = text.encode(enc)
        assert sniff_utf16(data) is None and sniff_utf32(data) is None, enc


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_never_raises_on_any_bytes(data: bytes) -> None:
    d = decode(data)
    assert isinstance(d.text, str)
    assert 0.0 <= d.confidence <= 1.0
    assert d.undecodable.count == len(d.undecodable.offsets)
    escaped = decode(data, errors="surrogateescape")
    assert escaped.undecodable.count == d.undecodable.count


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
@example("\ufeff")
@example("\ufeff\ufeffx")
def test_utf8_text_always_comes_back(text: str) -> None:
    d = decode(text.encode("utf-8"))  # st.text() has no lone surrogates
    # NUL bytes may rightly read as UTF-16; control characters can make text look binary.
    # A leading U+FEFF encodes to the UTF-8 byte order mark, which decoding takes off.
    if "\x00" not in text and not d.is_binary:
        assert d.text == text.removeprefix("\ufeff")


# Short inputs where word-level evidence tells the code pages apart (written for these
# tests; each was misread before it): an Italian "è" is not a lone Cyrillic "и" inside
# Latin text, and a known word beats a look-alike in another code page.
@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Questo non è un numero valido.", "cp1252"),
        ("Il file non è stato trovato.", "cp1252"),
        ("Quella non è una data.", "iso8859-15"),
        ("Ābele", "cp1257"),
        ("Malý", "mac-latin2"),
        ("Şeker", "cp1254"),
        ("Oggi il tempo è bello e caldo.", "cp1252"),
        ("Dit is ’n mooi dag vandag.", "cp1252"),
    ],
)
def test_short_lines_word_evidence(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)).text == text


def test_mixed_file_line_valid_as_utf8_by_chance() -> None:
    # In cp866, "рпа" and "спа" are E0 AF A0 and E1 AF A0: valid UTF-8 (Tamil, Batak). A
    # line of five such syllables reads as UTF-8 in two unrelated scripts: in a file whose
    # other lines are cp866 and UTF-8 Russian, it is read back as cp866.
    chance = "рпа спа рпа спа рпа"
    lines = ["Новая сборка готова.", "Журнал изменений", chance, "Всё работает хорошо."]
    data = lines[0].encode() + b"\n" + lines[1].encode("cp866") + b"\n"
    data += chance.encode("cp866") + b"\n" + lines[3].encode("cp866") + b"\n"
    assert len(chance.encode("cp866").decode("utf-8")) == 9  # the premise: valid UTF-8
    d = decode(data)
    assert d.text == "\n".join(lines) + "\n"
    assert [tuple(s) for s in d.segments] == [(0, 1, "utf-8"), (1, 4, "cp866")]
