"""The reader: finds every deadline expression in a text and resolves it against the publication
date (the convention is shared/data/DEADLINES.md)."""

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from claims.deadlines.lang.base import DATE, MONTH, PAST, ULTIMATUM, VAGUE
from claims.deadlines.rules import (
    COMPILED,
    RELATIVE_KINDS,
    CompiledLanguage,
    Unresolvable,
    add_units,
    format_day,
    merge_groups,
    relative_amount,
    resolve_named,
)


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
_MARKS = re.compile("[\u064b-\u0652\u0640]")
_CLAUSE_END = re.compile(r"[;:!?()\"“”«»\n،؛]|[.,](?!\d)")
_SENTENCE_END = re.compile(r"[;!?\n؛]|\.(?!\d)")
_ARABIC_PREFIXES = "وفبل"
_RANK_RELATIVE, _RANK_DATED, _RANK_VAGUE, _RANK_PAST = range(4)
PAST_TENSE, LIKELY_PAST, UNKNOWN, FUTURE = -2, -1, 0, 1
_DAY_OR_MONTH = frozenset({DATE, MONTH})  # "announced on 10 March", "said in March": the saying


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    rank: int
    found: FoundDeadline | None  # None: a past reference, kept only to block overlapping matches


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
    lowered = _MARKS.sub("", text.lower())
    tokens = set(_WORDS.findall(lowered))
    tokens |= {t[1:] for t in tokens if t[0] in _ARABIC_PREFIXES}
    has_digit = _DIGIT.search(text) is not None
    candidates: list[_Candidate] = []
    for cl in _languages(text, tokens, language):
        if has_digit or not tokens.isdisjoint(cl.anchors):
            candidates.extend(_candidates(text, published, latest, cl))
    return _without_overlaps(candidates)


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


def _candidates(text: str, published: date, latest: date, cl: CompiledLanguage):
    for rule in cl.rules:
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
    if kind == PAST or _reads_as_past(kind, g, match, cl):
        return past
    if kind == VAGUE:
        found = FoundDeadline(
            expression, start, end, None, True, False, f'"{expression}" → vague: no date'
        )
        return _Candidate(start, end, _RANK_VAGUE, found)
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
    note = " (latest possible publication day)" if latest != published else ""
    units = {"workday": "working day"}.get(unit, unit) + ("s" if count != 1 else "")
    amount = str(int(count)) if count == int(count) else f"{count:.1f}"
    explanation = (
        f'"{expression}" → {format_day(latest)}{note} + {amount} {units} → {format_day(deadline)}'
    )
    return FoundDeadline(expression, start, end, deadline, False, approximate, explanation)


def _named(kind, expression, start, end, g, published, latest, cl) -> FoundDeadline:
    def deadline_from(base: date) -> tuple[date, str]:
        named = resolve_named(kind, g, base, cl)
        if "before" in g and cl.lookup(cl.lang.parts, g.get("part", "")) != "end":
            return named.start.fromordinal(named.start.toordinal() - 1), (
                f"the day before {format_day(named.start)}"
            )
        if named.start == named.end:
            return named.end, named.label
        return named.end, f"the last day of {named.label}"

    deadline, how = deadline_from(latest)
    approximate = latest != published and deadline_from(published)[0] != deadline
    note = f", counted from {format_day(latest)} (latest possible publication day)"
    how = how + (note if approximate else "")
    if how == format_day(deadline):
        explanation = f'"{expression}" → {how}'
    else:
        explanation = f'"{expression}" → {how} → {format_day(deadline)}'
    return FoundDeadline(expression, start, end, deadline, False, approximate, explanation)


def _reads_as_past(kind: str, g: dict[str, str], match: re.Match[str], cl) -> bool:
    """Whether the clause puts a match in the past: "was signed in March", "On Monday, … said"."""
    if kind == ULTIMATUM or _inherently_future(g, cl):
        return False
    if ("on" in g or ("amb" in g and kind in _DAY_OR_MONTH)) and _dates_the_saying(match, cl):
        return True
    tense = _tense(match, cl)
    if "on" in g:
        return tense <= UNKNOWN
    if "amb" in g:
        return tense <= LIKELY_PAST
    return tense == PAST_TENSE


def _dates_the_saying(match: re.Match[str], cl: CompiledLanguage) -> bool:
    """ "The minister said on Monday …", "announced on 10 March that …": the day is when it was
    said, not a deadline."""
    before = _WORDS.findall(match.string[max(0, match.start() - 40) : match.start()])
    return bool(cl.reporting and before and cl.reporting.fullmatch(before[-1]))


def _inherently_future(g: dict[str, str], cl: CompiledLanguage) -> bool:
    """ "next week", "next year" point forward whatever the verb's tense (reported speech)."""
    if "rel" in g and cl.lookup(cl.lang.rel, g["rel"]) == 1:
        return True
    return "yrel" in g and (cl.lookup(cl.lang.year_rel, g["yrel"]) or 0) >= 1


def _tense(match: re.Match[str], cl: CompiledLanguage) -> int:
    """How the clause around a match reads: FUTURE, PAST (a past auxiliary or verb), LIKELY_PAST
    (only a past participle, "opened in March"), or UNKNOWN."""
    start, end = match.span()
    clause = _CLAUSE_END.split(match.string[max(0, start - 120) : start])[-1]
    words = [w.lower() for w in _WORDS.findall(clause)][-10:]
    participle = False
    for word in reversed(words):
        if word in cl.lang.boundary_words:
            break
        if cl.future.fullmatch(word):
            return FUTURE
        if cl.past.fullmatch(word):
            return PAST_TENSE
        participle = participle or bool(cl.participle and cl.participle.fullmatch(word))
    if participle:
        return LIKELY_PAST
    after = _SENTENCE_END.split(match.string[end : end + 100])[0]
    for word in [w.lower() for w in _WORDS.findall(after)][:8]:
        if word in cl.lang.boundary_words:
            break
        if cl.future.fullmatch(word):
            return FUTURE
        if cl.past.fullmatch(word):
            return PAST_TENSE
    return UNKNOWN
