"""A learned model of site furniture: lines that recur across documents.

``BoilerplateModel.fit(documents)`` counts, for every distinct line, how many of the
documents contain it. Lines found in at least ``min_docs`` documents are furniture
(menus, footers, widget titles), except long prose lines: a paragraph quoted on two
pages is still content. Works for a batch from one site or from many.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from textfix.boilerplate.rules import normalise_for_match
from textfix.boilerplate.textstats import SENTENCE_END, word_count
from textfix.lines import iter_lines

FORMAT = "textfix-boilerplate-model"
VERSION = 1
#: Default number of documents a line must appear in to count as furniture.
DEFAULT_MIN_DOCS = 2
#: Lines longer than this are never furniture (keeps the model small, and long lines
#: are prose or phrase-rule material).
MAX_LINE_LENGTH = 300
#: A line with this many words that ends like a sentence is prose, never furniture.
PROSE_WORDS = 12


def is_prose(key: str) -> bool:
    """Long lines that read like sentences are excepted from furniture.

    >>> is_prose("Home"), is_prose("This is a long sentence of prose with many more words in it.")
    (False, True)
    """
    return len(key) > MAX_LINE_LENGTH or (
        word_count(key) >= PROSE_WORDS and key.endswith(SENTENCE_END)
    )


@dataclass
class BoilerplateModel:
    """Furniture lines learned from a batch of documents.

    >>> pages = ["Home\\nNews\\nFirst story text.", "Home\\nNews\\nSecond story text."]
    >>> m = BoilerplateModel.fit(pages)
    >>> m.is_furniture("Home"), m.is_furniture("First story text.")
    (True, False)
    """

    documents: int = 0
    min_docs: int = DEFAULT_MIN_DOCS
    counts: dict[str, int] = field(default_factory=dict)

    @classmethod
    def fit(cls, documents: Iterable[str], *, min_docs: int = DEFAULT_MIN_DOCS) -> BoilerplateModel:
        """Learn furniture from ``documents`` (plain-text pages, unlabelled)."""
        if min_docs < 1:
            raise ValueError("min_docs must be at least 1")
        df: Counter[str] = Counter()
        n = 0
        for doc in documents:
            n += 1
            keys = {normalise_for_match(line.text) for line in iter_lines(doc)}
            df.update(k for k in keys if k and not is_prose(k))
        counts = {k: c for k, c in df.items() if c >= min_docs}
        return cls(documents=n, min_docs=min_docs, counts=counts)

    def is_furniture(self, line: str) -> bool:
        """True when ``line`` recurred in at least ``min_docs`` training documents."""
        return self.counts.get(normalise_for_match(line), 0) >= self.min_docs

    def to_json(self) -> dict[str, object]:
        """The JSON-serialisable form written by :meth:`save`."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "documents": self.documents,
            "min_docs": self.min_docs,
            "lines": dict(sorted(self.counts.items())),
        }

    def dumps(self) -> str:
        """The model file's text (JSON)."""
        return json.dumps(self.to_json(), ensure_ascii=False, indent=0) + "\n"

    def save(self, path: str | Path) -> None:
        """Write the model as JSON (UTF-8)."""
        Path(path).write_text(self.dumps(), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> BoilerplateModel:
        """Read a model written by :meth:`save` (raises ``ValueError`` if it is not one)."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"{path}: not a boilerplate model: {exc}") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"{path}: not a boilerplate model")
        if data.get("version") != VERSION:
            raise ValueError(f"{path}: unsupported model version {data.get('version')!r}")
        lines = data.get("lines")
        if not isinstance(lines, dict) or not all(
            isinstance(k, str) and isinstance(v, int) for k, v in lines.items()
        ):
            raise ValueError(f"{path}: malformed 'lines'")
        return cls(
            documents=int(data.get("documents", 0)),
            min_docs=int(data.get("min_docs", DEFAULT_MIN_DOCS)),
            counts=dict(lines),
        )
