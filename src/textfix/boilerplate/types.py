"""Result types of the boilerplate stage and the table of removal reasons.

Every removed or edited line carries a *reason*: a stable identifier from
:data:`REASONS`. Kept lines have ``reason=None``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Action = Literal["keep", "drop", "edit"]

#: Stable reason identifiers and what they mean. Drops first, then edits.
REASONS: dict[str, str] = {
    "cookie-banner": "cookie / consent / privacy banner",
    "error-report": "'found an error? select it and press Ctrl+Enter' footer",
    "language-notice": "'this text is also available in <language>' notice",
    "newsletter": "newsletter or subscription prompt",
    "share": "share / follow-us buttons and prompts",
    "read-also": "'read also', 'related articles', 'more on this topic' teasers",
    "copyright": "copyright, 'all rights reserved', reprint conditions",
    "advertisement": "advertisement label or sponsored-content marker",
    "comments": "comment-section furniture ('3 comments', 'leave a reply')",
    "login": "log-in / register / account prompts",
    "navigation": "navigation furniture ('skip to content', 'back to top', breadcrumbs)",
    "media-credit": "photo / image credit line ('Foto: dpa', a caption ending in '© Agency')",
    "tags": "tag / category / 'filed under' lists",
    "byline": "author or date line ('By Jane Doe', 'Published: 3 May 2021', '2 days ago')",
    "widget": "script / player messages ('This slideshow requires JavaScript')",
    "repeated-line": "exact repeat of an earlier title-like line (the first stays)",
    "site-template": "line that a BoilerplateModel learned as recurring site furniture",
    "outside-main-text": "short or link-like line outside the main prose span",
    "collapsed-blank": "blank line left next to another blank line by a removal",
    "email-placeholder": "edit: '[email protected]' placeholder removed from the line",
    "read-more": "edit: trailing 'Read more' link text removed from the line",
    "share-prefix": "edit: leading 'Share this:' prompt removed from the line",
}

#: Reasons of in-line edits. A line with nothing left after the edit is dropped instead,
#: with the same reason.
EDIT_REASONS = frozenset({"email-placeholder", "read-more", "share-prefix"})


@dataclass(frozen=True)
class LineVerdict:
    """What happened to one input line.

    ``text`` is the line without its ending; ``output`` is the edited line for
    ``action == "edit"`` (else ``None``); ``reason`` is a key of :data:`REASONS`
    or ``None`` for kept lines.

    >>> LineVerdict("Home", "drop", None, "outside-main-text").removed
    True
    """

    text: str
    action: Action
    output: str | None = None
    reason: str | None = None

    @property
    def removed(self) -> bool:
        """True when the line is absent from the output."""
        return self.action == "drop"


@dataclass(frozen=True)
class Stripped:
    """The result of :func:`textfix.boilerplate.strip_boilerplate`.

    ``text`` is the kept and edited lines; ``lines`` has exactly one verdict per
    input line (split on ``"\\n"`` only).

    >>> s = Stripped("a\\n", [LineVerdict("a", "keep")])
    >>> s.changed, s.removed
    (False, [])
    """

    text: str
    lines: list[LineVerdict]

    @property
    def changed(self) -> bool:
        """True when any line was dropped or edited."""
        return any(v.action != "keep" for v in self.lines)

    @property
    def removed(self) -> list[LineVerdict]:
        """The dropped lines, in document order."""
        return [v for v in self.lines if v.action == "drop"]
