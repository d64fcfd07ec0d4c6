"""``textfix strip``: remove boilerplate lines from files or stdin, each with its reason."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from textfix.boilerplate import BoilerplateModel, RuleError, Stripped, strip_boilerplate
from textfix.boilerplate.rules import load_rule_file
from textfix.cli import io

#: Version of the ``--json`` document; bump when fields change meaning.
JSON_SCHEMA = "textfix.strip/1"


def add_parser(subparsers: Any) -> None:
    """Register ``strip``."""
    parser = subparsers.add_parser(
        "strip",
        help="strip boilerplate (cookie banners, menus, footers...)",
        description="Remove boilerplate lines from plain text; every removal has a reason.",
    )
    io.add_input_argument(parser)
    io.add_output_options(parser)
    parser.add_argument(
        "--json", action="store_true", help="print one JSON document of verdicts per file"
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="each removed or edited line, with its reason, on stderr",
    )
    parser.add_argument("--lang", metavar="CODE", help="language of the text (default: guess)")
    parser.add_argument(
        "--rules",
        metavar="FILE",
        action="append",
        default=[],
        help="extra JSON rule file (repeatable); see docs/boilerplate.md",
    )
    parser.add_argument(
        "--rules-mode",
        choices=("extend", "replace"),
        default="extend",
        help="extend the built-in rules (default) or use only --rules files",
    )
    parser.add_argument("--model", metavar="FILE", help="a model written by 'textfix learn'")
    parser.set_defaults(func=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    """Strip every input."""
    parser: argparse.ArgumentParser = args.parser
    if args.json and (args.in_place or args.output or args.diff):
        parser.error("--json changes nothing; it goes without -i, -o or --diff")
    io.check_output_options(parser, args)
    if args.rules_mode == "replace" and not args.rules:
        parser.error("--rules-mode replace needs at least one --rules FILE")
    # Rule files and the model are read once, before any input: a bad one fails early.
    for path in args.rules:
        try:
            load_rule_file(path)
        except RuleError as exc:
            io.report_error(path, str(exc).removeprefix(f"{path}: "))
            return io.EXIT_ERROR
    model = None
    if args.model:
        try:
            model = BoilerplateModel.load(args.model)
        except (ValueError, OSError) as exc:
            io.report_error(args.model, _reason(exc, args.model))
            return io.EXIT_ERROR

    def handle(doc: io.InputDoc) -> int:
        result = strip_boilerplate(
            doc.text, lang=args.lang, model=model, rules=args.rules, rules_mode=args.rules_mode
        )
        if args.explain:
            sys.stderr.write(explain(doc.name, result))
        if args.json:
            io.write_stdout(json_document(doc.name, result) + "\n")
        else:
            io.emit(args, doc, result.text)
        return io.EXIT_OK

    return io.run_each(args.files, handle)


def _reason(exc: Exception, path: str) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc).removeprefix(f"{path}: ")


def explain(name: str, result: Stripped) -> str:
    """One line per removed or edited line: ``NAME:LINE: drop [reason] 'text'``.

    >>> r = strip_boilerplate("Anzeige\\nOk.", lang="de")
    >>> print(explain("page.txt", r), end="")
    page.txt:1: drop [advertisement] 'Anzeige'
    """
    out = []
    for n, v in enumerate(result.lines, 1):
        if v.action == "drop" and v.reason != "collapsed-blank":
            out.append(f"{name}:{n}: drop [{v.reason}] {v.text!r}\n")
        elif v.action == "edit":
            out.append(f"{name}:{n}: edit [{v.reason}] {v.text!r} -> {v.output!r}\n")
    return "".join(out)


def json_document(name: str, result: Stripped) -> str:
    """The ``--json`` document: schema, file, the stripped text and every non-kept line.

    >>> doc = json.loads(json_document("p", strip_boilerplate("Anzeige\\nOk.", lang="de")))
    >>> doc["schema"], doc["changes"][0]["reason"], doc["text"]
    ('textfix.strip/1', 'advertisement', 'Ok.')
    """
    changes = [
        {"line": n, "action": v.action, "reason": v.reason, "text": v.text, "output": v.output}
        for n, v in enumerate(result.lines, 1)
        if v.action != "keep"
    ]
    return json.dumps(
        {
            "schema": JSON_SCHEMA,
            "file": name,
            "lines": len(result.lines),
            "changes": changes,
            "text": result.text,
        },
        ensure_ascii=False,
    )
