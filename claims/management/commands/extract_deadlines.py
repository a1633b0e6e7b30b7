"""Deadlines for JSON lines on standard input: parsing and formatting around claims.deadlines."""

import json
import re
import sys
from dataclasses import dataclass
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from claims.deadlines import FoundDeadline, Precision, find_deadlines
from factcheck.lib import jsonlimits

PRECISIONS = ", ".join(p.value for p in Precision)
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Request:
    id: object
    text: str
    published: date
    language: str | None
    precision: Precision


def parse_request(line: str) -> Request:
    """One input line as a request; raises ValueError saying what is wrong with it."""
    try:
        data = jsonlimits.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error})") from error
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object, got {type(data).__name__}")
    missing = [name for name in ("id", "text", "published") if name not in data]
    if missing:
        raise ValueError(f"missing field(s): {', '.join(missing)}")
    if not isinstance(data["text"], str):
        raise ValueError(f'"text" must be a string, not {type(data["text"]).__name__}')
    language = data.get("language")
    if language is not None and not isinstance(language, str):
        raise ValueError(f'"language" must be a string such as "en", not {language!r}')
    return Request(
        id=data["id"],
        text=data["text"],
        published=_published(data["published"]),
        language=language or None,
        precision=_precision(data.get("precision", Precision.DAY.value)),
    )


def _published(value: object) -> date:
    if isinstance(value, str) and ISO_DAY.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f'"published" must be a date as YYYY-MM-DD, not {value!r}')


def _precision(value: object) -> Precision:
    try:
        return Precision(value)
    except ValueError:
        raise ValueError(f'"precision" must be one of {PRECISIONS}, not {value!r}') from None


def deadline_as_json(found: FoundDeadline) -> dict:
    return {
        "expression": found.expression,
        "start": found.start,
        "end": found.end,
        "deadline": found.deadline.isoformat() if found.deadline else None,
        "vague": found.vague,
        "approximate": found.approximate,
        "explanation": found.explanation,
    }


class Command(BaseCommand):
    help = (
        'Read JSON lines {"id", "text", "published": "YYYY-MM-DD"} (optional "language", '
        '"precision": day|month|year) on standard input; write {"id", "deadlines": [...]} lines. '
        "Bad lines are reported on standard error and make the exit code 1."
    )
    stealth_options = ("stdin",)

    def handle(self, *args, **options) -> None:
        stdin = options.get("stdin") or sys.stdin
        bad = 0
        for number, line in enumerate(stdin, start=1):
            if not line.strip():
                continue
            try:
                request = parse_request(line)
            except ValueError as error:
                bad += 1
                self.stderr.write(f"line {number}: {error}")
                continue
            found = find_deadlines(
                request.text, request.published, request.language, precision=request.precision
            )
            result = {"id": request.id, "deadlines": [deadline_as_json(f) for f in found]}
            self.stdout.write(json.dumps(result, ensure_ascii=False))
        if bad:
            raise CommandError(f"{bad} line(s) could not be read; see the messages above.")
