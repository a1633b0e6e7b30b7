"""The shape of one language's deadline vocabulary and rule templates (data only, no logic)."""

from dataclasses import dataclass, field

# Rule kinds: what a matched expression refers to, and so how it is resolved.
RELATIVE = "relative"  # published + N units
ULTIMATUM = "ultimatum"  # published + N units, whatever the tense ("were given 48 hours to")
DATE = "date"  # a day, or the day before it
MONTH = "month"  # a month (or part of it)
YEAR = "year"  # a year (or part of it)
QUARTER = "quarter"
HALF = "half"
WEEKDAY = "weekday"  # the next such weekday strictly after publication
PERIOD = "period"  # this/next week, month or year (or part of it)
TOMORROW = "tomorrow"
TODAY = "today"  # an ultimatum ending today ("by midnight today", "jusqu'à 17h aujourd'hui")
VAGUE = "vague"  # a deadline without a date
PAST = "past"  # a reference to the past: matched only to block other rules


def words(text: str) -> list[str]:
    """The words of a space-separated list, in order (vocabulary is easier to read that way)."""
    return text.split()


@dataclass(frozen=True)
class Language:
    """Words and rule templates for one language.

    Templates are regular expressions with placeholders ({NUM}, {UNIT}, {SUNIT}, {MONTH}, {DAY},
    {YEAR}, {YEARX}, {WEEKDAY}, {PERIOD}, {REL}, {PART}, {ORD}) that expand to named groups; the
    literal groups (?P<before>…), (?P<amb>…), (?P<on>…) and (?P<start>…) flag "the day before", a
    trigger that may describe the past, a bare weekday that needs a future verb, and a start
    ("from", "as of"): the day something begins is no deadline.

    The regexes after `half_after` read the words around a match (claims/deadlines/context.py);
    each is optional, and a language without one simply does not apply that reading.
    """

    code: str
    numbers: dict[str, float]
    number_joiner: str
    units: dict[str, tuple[str, int]]  # word -> (canonical unit, multiplier)
    singular_units: frozenset[str]
    periods: dict[str, str]  # word -> week | month | year
    rel: dict[str, int]  # word -> 0 (this) or 1 (next)
    year_rel: dict[str, int]  # phrase -> years after the publication year
    parts: dict[str, str]  # word -> early | mid | late
    ordinals: dict[str, int]
    rules: tuple[tuple[str, str], ...]
    past_markers: str  # regex, matched against one lower-cased word
    future_markers: str
    boundary_words: frozenset[str]
    stopwords: frozenset[str]
    day_suffix: str = ""
    months_extra: dict[str, int] = field(default_factory=dict)
    weekdays_extra: dict[str, int] = field(default_factory=dict)
    keywords: tuple[str, ...] = ()  # extra prefilter anchors (vague words)
    past_participle: str = ""  # regex for a word that reads as past when no marker decides
    # regex for a reporting verb: a day right after it dates the saying ("said on Monday")
    reporting_verbs: str = ""
    # regex for "and a half" after a unit ("a year and a half", "dos años y medio"); half a unit
    # before it ("half a year", "zweieinhalb") is a number word worth 0.5
    half_after: str = ""
    # a bare weekday in the present tense is the coming one ("el proyecto se presenta el lunes",
    # "Am Montag stellt er vor"); in English a bare "on Monday" needs a future verb
    present_is_future: bool = False
    # future markers too weak to make a scene-setting date a deadline ("In 2005, officials are
    # still making predictions": "are" is no promise)
    weak_future: frozenset[str] = frozenset()
    # auxiliaries of a perfect tense: one right before a past participle makes the clause past
    # ("a expiré le 28 août", "has opened in March")
    auxiliaries: frozenset[str] = frozenset()
    # regex for a word that ends a weekday's name in a compound ("Freitagmittag", "Montagabend")
    weekday_suffix: str = ""
    # a verb that starts something ("will begin in March": a start, no deadline) and one that
    # ends it ("finish", "complete"): the one nearer a bare date decides (one word each)
    start_verbs: str = ""
    end_verbs: str = ""
    # a negation before "before"/"until" makes a lower bound ("not until December", "nicht vor
    # 2030"); `bound_words` are those triggers, `earliest` a phrase next to the match that makes
    # it one ("at the earliest", "frühestens")
    negations: str = ""
    bound_words: str = ""
    earliest_before: str = ""
    earliest_after: str = ""
    # a plan that was superseded ("had been due to", "devait", "كان من المقرر"): searched in the
    # clause before the match
    past_plan: str = ""
    # words that point forward wherever they stand in the clause ("asked … to", "erwartet")
    forward: str = ""
    # an ultimatum that ran out ("expired", "a expiré"): searched after the match
    expired: str = ""
    # a duration that describes a routine ("every", "usually", "within 10 days of application")
    routine: str = ""
