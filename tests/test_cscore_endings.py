"""The compiled forms (``Words.forms``) read the endings table through a table of its own,
made once per endings dict: the same masks as the dict, a dict that grows read again, and a
dict with a key that is no str asked as it is. Skipped without the compiled module."""

from __future__ import annotations

import pytest

from textfix.scoring import endings
from textfix.scoring.model import _fold, composed

FORMS = endings._compiled_forms()
pytestmark = pytest.mark.skipif(FORMS is None, reason="textfix.scoring._cscore is not built")

WORDS = ["atlasītos", "klasörleri", "algustähtede", "beretău", "abc", "kitaplarımızdan"]


def _forms(word: str, table: dict[object, int]) -> int | None:
    _endings, longest, compounding = endings._tables()
    assert FORMS is not None
    return FORMS(_fold(composed(word)), (table, longest, compounding), endings.STEM, 2)


def test_forms_read_the_endings_as_the_dict() -> None:
    table = endings._tables()[0]
    found = [_forms(word, table) for word in WORDS]
    assert found == [endings._form_langs_py(_fold(composed(w))) for w in WORDS]
    assert sum(map(bool, found)) >= 3  # (the table really found forms)


def test_a_grown_dict_is_read_again_and_a_key_of_no_str_asked() -> None:
    table: dict[object, int] = dict(endings._tables()[0])
    word = WORDS[1]
    before = _forms(word, table)
    assert before
    for ending in [e for e in table if isinstance(e, str) and word.endswith(e)]:
        del table[ending]
    assert _forms(word, table) != before  # (a dict of another size: read again)
    table[1] = 1  # (a key that is no str: the dict is asked)
    table["ri"] = -1 & ((1 << 64) - 1)
    assert _forms(word, table) is not None
