"""How the words around a match change its reading: a deadline, or no deadline at all.

Pure Python. A date in a sentence is a deadline only when the sentence points forward to it
(shared/data/DEADLINES.md). The readings here are general, per language through the regexes of
`Language`: the tense of the clause ("was signed in March"), a start rather than an end ("from 18
February", "will begin in March"), a lower bound ("not until December", "nicht vor 2030"), a plan
that was superseded ("had been due to be finished in May"), an ultimatum that ran out, a duration
that describes a routine ("after every 15 days") or counts from a past start ("work began in 2018
and was to be finished within five years").
"""

import re
from datetime import date

from claims.deadlines.lang.base import (
    DATE,
    MONTH,
    RELATIVE,
    TODAY,
    TOMORROW,
    ULTIMATUM,
    WEEKDAY,
    YEAR,
)
from claims.deadlines.rules import CompiledLanguage

WORDS = re.compile(r"[^\W\d_]+")
_CLAUSE_END = re.compile(r"[;:!?\"“”«»\n،؛]|[.,](?!\d)")
_CLAUSE_NO_STOPS = re.compile(r"[,;:!?\"“”«»\n،؛]")
_SENTENCE_END = re.compile(r"[;!?\n؛]|\.(?!\d)(?=\s|$)")
_QUOTES = re.compile(r"[\"“”«»]")  # a quotation ends: "… el próximo miércoles", precisó
_YEARS = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
PAST_TENSE, LIKELY_PAST, UNKNOWN, FUTURE = -2, -1, 0, 1
_DAY_OR_MONTH = frozenset({DATE, MONTH})  # "announced on 10 March", "said in March": the saying
# "were given 48 hours to", "avait donné … jusqu'à 17h aujourd'hui": given in the past, due ahead
_ULTIMATUMS = frozenset({ULTIMATUM, TODAY})
_BARE = frozenset({"amb", "on"})  # a trigger that names a day without saying "by" it
# A start scheduled on a day, a weekday or (part of) a month is when something begins, not a
# deadline; a start planned within a year, a quarter or a span ("will begin construction in
# 2026", "within two weeks") is a target to be met by its end.
_SCHEDULED_DAYS = frozenset({DATE, MONTH, WEEKDAY, TODAY, TOMORROW})


def is_no_deadline(kind: str, g: dict[str, str], match: re.Match[str], cl, published: date) -> bool:
    """Whether the words around a match make it no deadline (a past reference, a start, a lower
    bound, a superseded plan, an expired ultimatum, a routine)."""
    if kind in _ULTIMATUMS:
        return _expired(match, cl)
    if "start" in g or _lower_bound(match, cl) or _superseded(match, cl):
        return True
    if kind == RELATIVE and (_routine(match, cl) or _from_past_start(match, cl, published)):
        return True
    if kind in _SCHEDULED_DAYS and not _BARE.isdisjoint(g) and _starts_something(match, cl):
        return True
    if _sets_the_scene(kind, g, match, cl):
        return True
    return reads_as_past(kind, g, match, cl)


def clause_before(match: re.Match[str], limit: int = 120) -> str:
    start = match.start()
    return _CLAUSE_END.split(match.string[max(0, start - limit) : start])[-1]


def clause_after(match: re.Match[str], limit: int = 100) -> str:
    end = match.end()
    return _CLAUSE_END.split(match.string[end : end + limit])[0]


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence a span sits in (bounded by . ; ! ? and line ends)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    first = ends[-1] if ends else 0
    after = _SENTENCE_END.search(text, end)
    return first, after.start() if after else len(text)


def _search(pattern: re.Pattern[str] | None, text: str) -> bool:
    return bool(pattern and pattern.search(text))


def _expired(match: re.Match[str], cl: CompiledLanguage) -> bool:
    """ "The 48-hour ultimatum … expired on 28 August": it gives no deadline any more."""
    first, last = sentence_span(match.string, match.start(), match.end())
    return _search(cl.context.expired, match.string[first : match.start()]) or _search(
        cl.context.expired, match.string[match.end() : last]
    )


def _lower_bound(match: re.Match[str], cl: CompiledLanguage) -> bool:
    """ "not until December at the earliest", "nicht vor 2030", "frühestens im März"."""
    ctx, text = cl.context, match.string
    if _search(ctx.earliest_before, text[max(0, match.start() - 40) : match.start()]):
        return True
    if _search(ctx.earliest_after, text[match.end() : match.end() + 40]):
        return True
    if not (ctx.bound_words and ctx.negations and ctx.bound_words.search(match.group(0))):
        return False
    recent = WORDS.findall(clause_before(match))[-6:]
    return any(ctx.negations.fullmatch(word) for word in recent)


def _superseded(match: re.Match[str], cl: CompiledLanguage) -> bool:
    """ "had been due to be finished in May", "devait ouvrir en mars": a plan that lapsed."""
    return _search(cl.context.past_plan, clause_before(match))


def _routine(match: re.Match[str], cl: CompiledLanguage) -> bool:
    """ "reviewed after every 15 days", "permits are issued within 10 days": how things go, not
    a promise."""
    return _search(cl.context.routine, clause_before(match) + " " + clause_after(match))


def _from_past_start(match: re.Match[str], cl: CompiledLanguage, published: date) -> bool:
    """ "work began in 2018, which was proposed to be completed within five years": the duration
    counts from a past year named before it in a past-tense clause, not from publication."""
    first, _ = sentence_span(match.string, match.start(), match.end())
    earlier = match.string[first : match.start()]
    if not any(int(year) < published.year for year in _YEARS.findall(earlier)):
        return False
    return any(cl.past.fullmatch(word) for word in WORDS.findall(clause_before(match)))


def _starts_something(match: re.Match[str], cl: CompiledLanguage) -> bool:
    """ "works will begin in mid-August": the day something starts is no deadline, unless a verb
    of finishing stands nearer the date ("begin on 1 March and finish in December")."""
    ctx, text = cl.context, match.string
    if ctx.start_verbs is None:
        return False
    first, last = sentence_span(text, match.start(), match.end())
    nearest, kind = None, ""
    for offset, words in (
        (first, text[first : match.start()]),
        (match.end(), text[match.end() : last]),
    ):
        for word in WORDS.finditer(words):
            for name, pattern in (("start", ctx.start_verbs), ("end", ctx.end_verbs)):
                if pattern is not None and pattern.fullmatch(word.group(0)):
                    at = offset + word.start()
                    distance = match.start() - at if at < match.start() else at - match.end()
                    if nearest is None or distance < nearest:
                        nearest, kind = distance, name
    return kind == "start"


def _sets_the_scene(kind: str, g: dict[str, str], match: re.Match[str], cl) -> bool:
    """ "In 2005, officials are still making hopeful predictions": a year or month opening the
    sentence sets the scene; it is a deadline only if the sentence says what will be then."""
    if "amb" not in g or kind not in (YEAR, MONTH):
        return False
    text = match.string
    first, last = sentence_span(text, match.start(), match.end())
    if text[first : match.start()].strip(" \"“«'"):
        return False
    rest = text[match.end() : last]
    if cl.lang.code != "de" and not rest.lstrip().startswith((",", "،")):
        return False  # German puts the verb right after it: "Im Jahr 2019 sind …"
    strong = (w.lower() for w in WORDS.findall(rest)[:10] if w.lower() not in cl.lang.weak_future)
    return not any(cl.future.fullmatch(word) for word in strong)


def reads_as_past(kind: str, g: dict[str, str], match: re.Match[str], cl) -> bool:
    """Whether the clause puts a match in the past: "was signed in March", "On Monday, … said"."""
    if _inherently_future(g, cl, match.group(0)):
        return False
    if (
        "on" in g or kind == WEEKDAY or ("amb" in g and kind in _DAY_OR_MONTH)
    ) and _dates_the_saying(match, cl):
        return True
    tense = _tense(match, cl)
    if "on" in g:
        return tense < UNKNOWN if cl.lang.present_is_future else tense <= UNKNOWN
    if "amb" in g:
        return tense <= LIKELY_PAST
    return tense == PAST_TENSE


def _dates_the_saying(match: re.Match[str], cl: CompiledLanguage) -> bool:
    """ "The minister said on Monday …", "announced on 10 March that …": the day is when it was
    said, not a deadline."""
    if cl.reporting is None:
        return False
    # split at commas and quotes, not at the full stops of "hon." or "Dr."
    recent = _CLAUSE_NO_STOPS.split(match.string[max(0, match.start() - 60) : match.start()])
    before = WORDS.findall(recent[-1])[-5:]
    for index in range(len(before) - 1, -1, -1):
        if cl.reporting.fullmatch(before[index]):
            between = before[index + 1 :]  # "told the hon. Member on …", not "said it will … on"
            return not any(cl.future.fullmatch(w) or w in cl.lang.boundary_words for w in between)
    return False


def _inherently_future(g: dict[str, str], cl: CompiledLanguage, expression: str) -> bool:
    """ "next week", "next year" point forward whatever the verb's tense (reported speech)."""
    if "rel" in g and cl.lookup(cl.lang.rel, g["rel"]) == 1:
        return True
    if "yrel" in g and (cl.lookup(cl.lang.year_rel, g["yrel"]) or 0) >= 1:
        return True
    # "para el próximo jueves 26 de diciembre": a "next" inside a date points forward too
    return any(cl.lang.rel.get(word.lower()) == 1 for word in WORDS.findall(expression))


def _tense(match: re.Match[str], cl: CompiledLanguage) -> int:
    """How the clause around a match reads: FUTURE, PAST (a past auxiliary or verb), LIKELY_PAST
    (only a past participle, "opened in March"), or UNKNOWN."""
    before, after = clause_before(match), clause_after(match)
    if _search(cl.context.forward, before) or _search(cl.context.forward, after):
        return FUTURE
    participle, after_it = False, ""
    for word in reversed([w.lower() for w in WORDS.findall(before)][-10:]):
        if word in cl.lang.boundary_words:
            break
        if word in cl.lang.auxiliaries and cl.participle and cl.participle.fullmatch(after_it):
            return PAST_TENSE
        if cl.future.fullmatch(word):
            return FUTURE
        if cl.past.fullmatch(word):
            return PAST_TENSE
        participle = participle or bool(cl.participle and cl.participle.fullmatch(word))
        after_it = word
    if participle:
        return LIKELY_PAST
    after = _QUOTES.split(_SENTENCE_END.split(match.string[match.end() : match.end() + 100])[0])[0]
    for word in [w.lower() for w in WORDS.findall(after)][:8]:
        if word in cl.lang.boundary_words:
            break
        if cl.future.fullmatch(word):
            return FUTURE
        if cl.past.fullmatch(word):
            return PAST_TENSE
    return UNKNOWN
