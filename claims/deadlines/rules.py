"""Compiles each language's deadline rules once, with the lookup tables their groups resolve
through and the regexes that read the words around a match.

Pure Python: month and weekday names come from dateparser's locale data; no Django here.
Arabic is matched in a folded form (no diacritics, one alef, final ى as ي): `fold` is applied
alike to the text, the templates and the vocabulary.
"""

import re
from dataclasses import dataclass

from dateparser.languages.loader import default_loader

from claims.deadlines.lang import LANGUAGES
from claims.deadlines.lang.base import (
    MONTH,
    PERIOD,
    RELATIVE,
    ULTIMATUM,
    WEEKDAY,
    Language,
    words,
)

MONTH_KEYS = words(
    "january february march april may june july august september october november december"
)
WEEKDAY_KEYS = words("monday tuesday wednesday thursday friday saturday sunday")
MARKS = re.compile("[\u064b-\u0652\u0640\u0670]")  # Arabic diacritics, tatweel, dagger alef
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})
_PLACEHOLDER = re.compile(r"\{([A-Z][A-Z0-9]*)\}")
# A number in digits: thousands separated ("5,000"), or a half ("1.5", "1,5")
_DIGITS = r"\d+(?:[,.\u066c]\d{3})*(?:[.,\u066b]5)?(?!\d)"


def fold(text: str) -> str:
    """Arabic letters written more than one way, written one way (same length: offsets hold)."""
    return text.translate(_FOLD)


def normalize(words: str) -> str:
    """Lower-case, drop Arabic diacritics and fold its letters, unify apostrophes and spaces: the
    form words are looked up in."""
    text = fold(MARKS.sub("", words)).replace("’", "'").lower().rstrip(".")
    return " ".join(text.replace("-", " ").split())


def _alternation(words, case_sensitive: frozenset[str] = frozenset()) -> str:
    parts = []
    for word in sorted({fold(w) for w in words}, key=len, reverse=True):
        piece = re.escape(word).replace(r"\ ", r"\s+").replace("'", "['’]").replace(r"\-", "[-\\s]")
        if word in case_sensitive:
            piece = f"(?-i:{re.escape(word.capitalize())})"
        parts.append(piece)
    return "|".join(parts)


def _locale_names(code: str, keys: list[str]) -> dict[str, int]:
    """Full names (and dotted abbreviations) from dateparser's locale data, mapped to 1..n."""
    info = default_loader.get_locale(code).info
    names: dict[str, int] = {}
    for index, key in enumerate(keys, start=1):
        candidates = [normalize(n) for n in info.get(key, [])]
        longest = max(candidates, key=len)
        for name in candidates:
            if len(name) >= 4 or name == longest:
                names[name] = index
            elif len(name) >= 3 and code != "ar":
                names[name + "."] = index  # "Aug.", "Sept." - only with the dot
    return names


def _first_words(names) -> frozenset[str]:
    return frozenset(normalize(name).rstrip(".").split(" ")[0] for name in names)


@dataclass(frozen=True)
class Rule:
    kind: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Context:
    """A language's regexes for the words around a match (see Language); None where it has none."""

    start_verbs: re.Pattern[str] | None
    end_verbs: re.Pattern[str] | None
    negations: re.Pattern[str] | None
    bound_words: re.Pattern[str] | None
    earliest_before: re.Pattern[str] | None
    earliest_after: re.Pattern[str] | None
    past_plan: re.Pattern[str] | None
    forward: re.Pattern[str] | None
    expired: re.Pattern[str] | None
    routine: re.Pattern[str] | None


@dataclass(frozen=True)
class CompiledLanguage:
    """A language's rules compiled, with the lookup tables their groups are resolved through."""

    lang: Language
    rules: tuple[Rule, ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    number_words: re.Pattern[str]
    past: re.Pattern[str]
    future: re.Pattern[str]
    participle: re.Pattern[str] | None
    reporting: re.Pattern[str] | None
    anchors: frozenset[str]
    half: re.Pattern[str] | None  # "and a half" at the end of a matched unit
    context: Context
    weekday_suffix: re.Pattern[str] | None
    # kind → words one of which a text must hold for that kind's rules to be tried at all (a
    # month's name for MONTH, a unit for RELATIVE …): a set lookup instead of a dozen rules
    gates: dict[str, frozenset[str]]

    def lookup(self, table: dict, words: str):
        key = normalize(words)
        return table.get(key, table.get(key + "."))

    def weekday(self, name: str) -> int | None:
        """A weekday's number (Monday 0), its compound's time of day dropped ("Freitagmittag")."""
        found = self.lookup(self.weekdays, name)
        if found is None and self.weekday_suffix is not None:  # not "Sonnabend" → "Sonn"
            found = self.lookup(self.weekdays, self.weekday_suffix.sub("", normalize(name)))
        return found


def _optional(regex: str, *, anchored: str = "") -> re.Pattern[str] | None:
    if not regex:
        return None
    return re.compile(anchored.replace("X", fold(regex)) if anchored else fold(regex), re.I)


def _context(lang: Language) -> Context:
    return Context(
        start_verbs=_optional(lang.start_verbs, anchored="(?:X)"),
        end_verbs=_optional(lang.end_verbs, anchored="(?:X)"),
        negations=_optional(lang.negations, anchored="(?:X)"),
        bound_words=_optional(lang.bound_words, anchored=r"^\W*(?:X)"),
        earliest_before=_optional(lang.earliest_before, anchored=r"(?:X)\s*$"),
        earliest_after=_optional(lang.earliest_after, anchored=r"^\s*,?\s*(?:X)"),
        past_plan=_optional(lang.past_plan),
        forward=_optional(lang.forward),
        expired=_optional(lang.expired),
        routine=_optional(lang.routine),
    )


def _compile(lang: Language) -> CompiledLanguage:
    months = {
        fold(k): v for k, v in (_locale_names(lang.code, MONTH_KEYS) | lang.months_extra).items()
    }
    weekdays = {n: i - 1 for n, i in _locale_names(lang.code, WEEKDAY_KEYS).items()}
    weekdays = {fold(k): v for k, v in (weekdays | lang.weekdays_extra).items()}
    numbers = {fold(k): v for k, v in lang.numbers.items()}
    word = f"(?:{_alternation(numbers)})(?!\\w)"
    case = frozenset({"may"}) if lang.code == "en" else frozenset()
    half = f"(?:{lang.half_after})?" if lang.half_after else ""
    weekday_tail = f"(?:{lang.weekday_suffix})?" if lang.weekday_suffix else ""
    snippets = {
        "NUM": rf"{_DIGITS}|{word}(?:{lang.number_joiner}{word})*",
        "NUM2": "",  # filled below: the upper end of a range ("six to eight weeks")
        "UNIT": f"(?:{_alternation(lang.units)})(?!\\w){half}",
        "SUNIT": f"(?:{_alternation(lang.singular_units)})(?!\\w){half}",
        "MONTH": f"(?:{_alternation(months, case)})(?!\\w)",
        "DAY": r"(?<!\d)\d{1,2}(?!\d)",
        "YEAR": r"(?<!\d)\d{4}(?!\d)",
        "WEEKDAY": f"(?:{_alternation(weekdays)}){weekday_tail}(?!\\w)",
        "PERIOD": f"(?:{_alternation(lang.periods)})(?!\\w)",
        "REL": f"(?:{_alternation(lang.rel)})(?!\\w)",
        "PART": f"(?:{_alternation(lang.parts)})(?!\\w)",
        "ORD": f"(?:{_alternation(lang.ordinals)})(?!\\w)",
        "YREL": f"(?:{_alternation(lang.year_rel)})(?!\\w)",
    }
    snippets["NUM2"] = snippets["NUM"]
    groups = {"SUNIT": "unit", "YREL": "yrel", "WEEKDAY": "wd"}
    rules = []
    for kind, template in lang.rules:
        # "next year 2025", "العام المقبل 2025": the year written out wins
        template = fold(template.replace("{YEARX}", r"(?:{YEAR}|{YREL}(?:\s+{YEAR})?)"))
        seen: dict[str, int] = {}

        def expand(match: re.Match[str], seen=seen) -> str:
            name = groups.get(match[1], match[1].lower())
            seen[name] = seen.get(name, 0) + 1
            label = name if seen[name] == 1 else f"{name}_{seen[name]}"
            suffix = lang.day_suffix if match[1] == "DAY" else ""
            return f"(?P<{label}>{snippets[match[1]]}){suffix}"

        rules.append(Rule(kind, re.compile(_PLACEHOLDER.sub(expand, template), re.IGNORECASE)))
    anchor_words = [*lang.units, *months, *weekdays, *lang.periods, *lang.keywords]
    gates = {
        RELATIVE: _first_words(lang.units),
        ULTIMATUM: _first_words(lang.units),
        MONTH: _first_words(months),
        WEEKDAY: _first_words(weekdays),
        PERIOD: _first_words(lang.periods) | {"week", "jahresende", "monatsende", "wochenende"},
    }
    return CompiledLanguage(
        lang=lang,
        rules=tuple(rules),
        months=months,
        weekdays=weekdays,
        number_words=re.compile(word, re.IGNORECASE),
        past=re.compile(fold(lang.past_markers), re.IGNORECASE),
        future=re.compile(fold(lang.future_markers), re.IGNORECASE),
        participle=re.compile(lang.past_participle) if lang.past_participle else None,
        reporting=_optional(lang.reporting_verbs),
        anchors=frozenset(normalize(w).rstrip(".").split(" ")[0] for w in anchor_words),
        half=re.compile(f"(?:{fold(lang.half_after)})$", re.I) if lang.half_after else None,
        context=_context(lang),
        weekday_suffix=_optional(lang.weekday_suffix, anchored="(?:X)$"),
        gates=gates,
    )


COMPILED: dict[str, CompiledLanguage] = {code: _compile(lang) for code, lang in LANGUAGES.items()}
