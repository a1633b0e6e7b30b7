"""The reader: finds every deadline expression in a text and resolves it against the publication
date (the convention is shared/data/DEADLINES.md)."""

import re
from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from claims.deadlines import words
from claims.deadlines.context import is_no_deadline
from claims.deadlines.lang.base import PAST, VAGUE, WEEKDAY
from claims.deadlines.resolve import (
    RELATIVE_KINDS,
    Unresolvable,
    add_units,
    merge_groups,
    relative_amount,
    resolve_named,
)
from claims.deadlines.rules import COMPILED, MARKS, CompiledLanguage, fold


class Precision(StrEnum):
    """How precisely a publication date is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class FoundDeadline:
    """One deadline expression found in a text: where it is, and the day it resolves to."""

    expression: str  # the exact text matched, == text[start:end]
    start: int
    end: int
    deadline: date | None  # None when vague
    vague: bool
    approximate: (
        bool  # the publication date was known only to month/year and the result depends on it
    )
    explanation: str


def latest_possible_day(published: date, precision: Precision) -> date:
    """The last day the article may have been published: the month's or year's end if imprecise."""
    if precision == Precision.YEAR:
        return date(published.year, 12, 31)
    if precision == Precision.MONTH:
        return published.replace(day=monthrange(published.year, published.month)[1])
    return published


_WORDS = re.compile(r"[^\W\d_]+")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_DIGIT = re.compile(r"\d")
_ARABIC_PREFIXES = "وفبل"
_RANK_RELATIVE, _RANK_DATED, _RANK_VAGUE, _RANK_PAST = range(4)
# An event's own date right after it ("before the opening of sessions, which the president will
# lead this Tuesday") is when the event is, not a second deadline: no clause break, few words.
_EVENT_TAIL = re.compile(r"[^,.;:!?()\n،؛]{0,100}")
_APPOSITION = re.compile(r"[,،]\s*")


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    rank: int
    found: FoundDeadline | None  # None: a past reference, kept only to block overlapping matches
    event: bool = False  # a vague "before/after EVENT"


def find_deadlines(
    text: str,
    published: date,
    language: str | None = None,
    *,
    precision: Precision = Precision.DAY,
) -> list[FoundDeadline]:
    """Every deadline expression in text, in order of start, resolved against published.

    language is an ISO code ("en", "es", "fr", "de", "ar"); None (or an unsupported one) detects it.
    Past references give nothing, vague ones no date, and no deadline falls before published.
    """
    if not text:
        return []
    latest = latest_possible_day(published, Precision(precision))
    folded, offsets = _folded(text)
    tokens = set(_WORDS.findall(folded.lower()))
    tokens |= {t[1:] for t in tokens if t[0] in _ARABIC_PREFIXES}
    has_digit = _DIGIT.search(text) is not None
    candidates: list[_Candidate] = []
    for cl in _languages(folded, tokens, language):
        if has_digit or not tokens.isdisjoint(cl.anchors):
            candidates.extend(_candidates(folded, published, latest, cl, _shut(tokens, cl)))
    found = _without_overlaps(_without_event_dates(candidates, folded))
    return [_in_original(item, text, offsets) for item in found]


def _folded(text: str) -> tuple[str, list[int] | None]:
    """The text the rules match (Arabic diacritics dropped, letters folded), and where each of
    its characters was in the original (None when no character was dropped)."""
    if not MARKS.search(text):
        return fold(text), None
    offsets = [i for i, char in enumerate(text) if not MARKS.fullmatch(char)]
    return fold(MARKS.sub("", text)), offsets


def _in_original(found: FoundDeadline, text: str, offsets: list[int] | None) -> FoundDeadline:
    """A match found in the folded text, with its expression and span in the original text."""
    start, end = (
        (found.start, found.end)
        if offsets is None
        else (offsets[found.start], offsets[found.end - 1] + 1)
    )
    expression = text[start:end]
    explanation = found.explanation.replace(found.expression, expression, 1)
    return replace(found, expression=expression, start=start, end=end, explanation=explanation)


def _languages(text: str, tokens: set[str], language: str | None) -> list[CompiledLanguage]:
    code = (language or "").lower()[:2]
    if code in COMPILED:
        return [COMPILED[code]]
    chosen = [COMPILED["ar"]] if "ar" in COMPILED and _ARABIC.search(text) else []
    latin = [cl for cl in COMPILED.values() if cl.lang.code != "ar"]
    scores = [len(tokens & cl.lang.stopwords) for cl in latin]
    best = max(scores, default=0)
    if best == 0 and chosen:
        return chosen
    return chosen + [cl for cl, score in zip(latin, scores, strict=True) if score == best]


def _without_overlaps(candidates: list[_Candidate]) -> list[FoundDeadline]:
    """Keep the longest (then most specific) of overlapping matches; drop past references."""
    kept: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.rank, c.start)):
        if all(cand.end <= other.start or cand.start >= other.end for other in kept):
            kept.append(cand)
    return [c.found for c in sorted(kept, key=lambda c: c.start) if c.found is not None]


def _without_event_dates(candidates: list[_Candidate], text: str) -> list[_Candidate]:
    """A vague event and a date next to it say one thing. In the event's own phrase ("before the
    opening of sessions that the president will lead this Tuesday") the date is when the event
    is, not a deadline; set off by a comma right after it ("after the Senate's session, next
    Wednesday") the date says when, and the vague reading goes."""
    events = [c for c in candidates if c.event]
    if not events:
        return candidates
    dropped: set[int] = set()
    for event in events:
        tail = event.end + len(_EVENT_TAIL.match(text, event.end).group(0))
        for index, cand in enumerate(candidates):
            if cand.rank != _RANK_DATED or cand.start < event.end:
                continue
            if cand.start < tail:
                dropped.add(index)
            elif _APPOSITION.fullmatch(text, tail, cand.start):
                dropped.add(candidates.index(event))
    return [c for index, c in enumerate(candidates) if index not in dropped]


def _shut(tokens: set[str], cl: CompiledLanguage) -> set[str]:
    """The kinds whose words the text lacks (a German weekday may start a compound:
    "Freitagmittag"), so that their rules are not tried."""
    shut = {kind for kind, words in cl.gates.items() if tokens.isdisjoint(words)}
    suffix = cl.weekday_suffix
    if WEEKDAY in shut and suffix and any(suffix.sub("", t) in cl.gates[WEEKDAY] for t in tokens):
        shut.discard(WEEKDAY)
    return shut


def _candidates(text: str, published: date, latest: date, cl: CompiledLanguage, shut: set[str]):
    for rule in cl.rules:
        if rule.kind in shut:
            continue
        for match in rule.pattern.finditer(text):
            candidate = _evaluate(rule.kind, match, text, published, latest, cl)
            if candidate is not None:
                yield candidate


def _evaluate(kind, match, text, published, latest, cl) -> _Candidate | None:
    start, end = match.span()
    if end <= start:
        return None
    g = merge_groups(match)
    expression = text[start:end]
    past = _Candidate(start, end, _RANK_PAST, None)
    if kind == PAST or is_no_deadline(kind, g, match, cl, published):
        return past
    if kind == VAGUE:
        found = FoundDeadline(expression, start, end, None, True, False, words.vague(expression))
        return _Candidate(start, end, _RANK_VAGUE, found, event="event" in g)
    try:
        if kind in RELATIVE_KINDS:
            found = _relative(expression, start, end, g, published, latest, cl)
        else:
            found = _named(kind, expression, start, end, g, published, latest, cl)
    except (Unresolvable, ValueError, OverflowError, KeyError, TypeError):
        return None
    if found.deadline < published:
        return past
    rank = _RANK_RELATIVE if kind in RELATIVE_KINDS else _RANK_DATED
    return _Candidate(start, end, rank, found)


def _relative(expression, start, end, g, published, latest, cl) -> FoundDeadline:
    count, unit = relative_amount(g, cl)
    deadline = add_units(latest, count, unit)
    approximate = latest != published and add_units(published, count, unit) != deadline
    explanation = words.counted(expression, latest, latest != published, count, unit, deadline)
    return FoundDeadline(expression, start, end, deadline, False, approximate, explanation)


def _named(kind, expression, start, end, g, published, latest, cl) -> FoundDeadline:
    def deadline_from(base: date) -> tuple[date, str]:
        named = resolve_named(kind, g, base, cl)
        if "before" in g and cl.lookup(cl.lang.parts, g.get("part", "")) != "end":
            day_before = named.start.fromordinal(named.start.toordinal() - 1)
            return day_before, words.day_before(named.start)
        if named.start == named.end:
            return named.end, named.label
        return named.end, words.last_day_of(named.label)

    deadline, how = deadline_from(latest)
    approximate = latest != published and deadline_from(published)[0] != deadline
    if approximate:
        how = words.counted_from_latest(how, latest)
    explanation = words.named(expression, how, deadline)
    return FoundDeadline(expression, start, end, deadline, False, approximate, explanation)
