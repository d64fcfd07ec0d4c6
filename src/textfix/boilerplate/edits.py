"""In-line edits: remove a fragment of a line instead of dropping the whole line.

* ``email-placeholder``: ``[email protected]`` left by e-mail obfuscation (normal or
  no-break space);
* ``read-more``: a trailing "Read more" link text after a teaser;
* ``share-prefix``: a leading "Share this:" prompt glued to real text.
"""

from __future__ import annotations

import re

from textfix.boilerplate.rules import RuleSet

# A trailing "read more" is only link text when the teaser before it ends a sentence or the
# link is decorated (» › → ... or brackets); "I want to read more" is prose and stays.
_SENTENCE_END = tuple(".!?…:;\"'”»)]")
_DECORATION = re.compile(r"[»›→>\[\]()…]|\.\.\.")
_SPACES = re.compile(r"[ \u00a0]{2,}")
_TAIL = 80


def apply_edit(line: str, rules: RuleSet) -> tuple[str | None, str | None]:
    """Return ``(new_line, reason)`` for the first applicable edit, else ``(None, None)``.

    ``new_line`` is ``""`` when nothing but the removed fragment was on the line.

    >>> from textfix.boilerplate.rules import ruleset
    >>> rs = ruleset(("en",))
    >>> apply_edit("Write to [email\\u00a0protected] today.", rs)
    ('Write to today.', 'email-placeholder')
    >>> apply_edit("The council met on Monday… Read more »", rs)
    ('The council met on Monday…', 'read-more')
    >>> apply_edit("Share this: The best photos of the week", rs)
    ('The best photos of the week', 'share-prefix')
    >>> apply_edit("I would like to read more", rs)
    (None, None)
    """
    for reason, edit in (
        ("email-placeholder", _remove_placeholders),
        ("read-more", _remove_read_more),
        ("share-prefix", _remove_share_prefix),
    ):
        pats = rules.edits.get(reason, ())
        if pats:
            new = edit(line, pats)
            if new is not None and new != line:
                return new, reason
    return None, None


def _remove_placeholders(line: str, pats: tuple[re.Pattern[str], ...]) -> str | None:
    new = line
    for p in pats:
        new = p.sub("", new)
    if new == line:
        return None
    return _SPACES.sub(" ", new).strip() if new.strip() else ""


def _remove_read_more(line: str, pats: tuple[re.Pattern[str], ...]) -> str | None:
    body = line.rstrip()
    # Link text is short: searching only the tail keeps huge lines linear.
    offset = max(0, len(body) - _TAIL)
    for p in pats:
        m = p.search(body, offset)
        if not m or m.start() == m.end():
            continue
        head = body[: m.start()].rstrip()
        if not head or head.endswith(_SENTENCE_END) or _DECORATION.search(m.group()):
            return head
    return None


def _remove_share_prefix(line: str, pats: tuple[re.Pattern[str], ...]) -> str | None:
    body = line.lstrip()
    for p in pats:
        m = p.match(body)
        if m and m.end() > 0:
            return body[m.end() :].strip()
    return None
