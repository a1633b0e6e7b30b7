"""Who said a sentence, who reported it, and which words are the claim itself, per language.

Pure Python, used by `claims.intake.extraction`. The rules are general, with each language's
words in `claims.intake.speech`: a speech verb and the name on its left ("Ahmad Jadayan, …
told", "Plastic Omnium a annoncé"), on its right ("…, said Jadayan", "…», détaille Plastic
Omnium", "sagte Lauterbach"), "according to X" ("según", "selon", "laut", "بحسب"), "X
reported", a promise's own subject ("Le président s'est engagé à …, a indiqué un porte-parole"),
and a pronoun, a surname or a title resolved to the person the article names (`people.Cast`).
Arabic, whose verb comes first and whose names have no capitals, is read in `arabic.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claims.intake.naming import (
    clean_name,
    is_generic,
    is_org,
    is_outlet,
    name_pattern,
    plausible,
    strip_possessive,
)
from claims.intake.people import Cast, Person, role_words
from claims.intake.speech import speech
from claims.intake.speech.base import Speech, words

_QUOTE_BEFORE = re.compile(r"[,.!?]?\s*(?:[\"”»“]|’’)\s*$")
_QUOTED = re.compile(r"[\"“«„]([^\"“”«»„]*)[\"”»“]?[,.!?]?\s*$")
_FOLLOWS_NAME_EN = frozenset(
    [
        "on",
        "in",
        "at",
        "that",
        "about",
        "during",
        "last",
        "this",
        "after",
        "before",
        "and",
        "by",
        "when",
        "while",
        "via",
        "for",
        "from",
        "with",
        "of",
        "to",
        "who",
        "which",
        "as",
        "earlier",
    ]
)


_ARTICLES = words("the a an el la los las un una le les der die das den dem des ein eine einen")


@dataclass(frozen=True)
class Attribution:
    """Who said it (`claimant`), who relayed it (`reported_by`), and the claim's own words as an
    offset range inside the sentence."""

    claimant: str
    reported_by: str
    content_start: int
    content_end: int
    has_speech_verb: bool
    named: bool = False  # the claimant is named in this sentence (not carried over)


@dataclass(frozen=True)
class _Patterns:
    verb: re.Pattern[str]
    according: re.Pattern[str]
    that: re.Pattern[str]
    name: re.Pattern[str]
    promise: re.Pattern[str]
    time: re.Pattern[str] | None
    meeting: re.Pattern[str] | None
    particle: re.Pattern[str] | None


@cache
def _patterns(code: str) -> _Patterns:
    sp = speech(code)
    time = rf"(?:[\s,]+(?:{sp.time_words}))+[\s,]*$" if sp.time_words else ""
    return _Patterns(
        verb=re.compile(
            rf"(?<!\w)(?:has |had |have )?(?P<verb>{sp.verbs}|{sp.report_verbs})(?!\w)"
            r"(?P<after>.*)",
            re.S | (re.I if code != "de" else 0),
        ),
        according=re.compile(sp.according, re.I),
        that=re.compile(
            r"^\s*(?:(?!(?:is|are|was|were|has|have|had|will|would|can|needs?|not)\b)"
            rf"[^\s\"“”«»]+\s+){{0,8}}?(?:{sp.that})(?:\s+|(?<=['’]))",
            re.I,
        ),
        name=name_pattern(code),
        promise=re.compile(rf"(?<!\w)(?:{sp.promise_verbs})(?!\w)", re.I),
        time=re.compile(time, re.I) if time else None,
        meeting=re.compile(sp.meeting, re.I) if sp.meeting else None,
        particle=re.compile(r"(?:[^,.;:]{0,80}?\s)?(?:an|mit|zu|ein|fest)\s*,\s*")
        if code == "de"
        else None,
    )


def attribute(
    sentence: str,
    people: list[str],
    speakers: list[str] | None = None,
    *,
    language: str = "en",
) -> Attribution:
    """Attribute one sentence. `people` are full names met earlier and `speakers` the claimants
    found so far, most recent last: a pronoun refers to the last speaker."""
    cast = Cast(speech(language), [Person(name) for name in people], list(speakers or []))
    return attribute_in(sentence, cast)


def attribute_in(sentence: str, cast: Cast) -> Attribution:
    """Attribute one sentence of an article whose people so far are `cast`."""
    if cast.sp.code == "ar":
        from claims.intake.arabic import attribute_arabic

        return attribute_arabic(sentence, cast)
    sp, pt = cast.sp, _patterns(cast.sp.code)
    who, reporter, span, named = "", "", (0, len(sentence)), True
    according = _outside_quotes(pt.according, sentence)
    verb = _speech_verb(sentence, pt)
    if according and (not verb or according.start() < verb.start()):
        who = _according_who(sentence, according, sp, pt)
        span = _around(sentence, according.start(), according.end())
    elif verb:
        who, reporter, span, named = _by_verb(sentence, verb, cast, pt)
    promiser = _promise_subject(sentence, sp, pt)
    if promiser:
        who, named = promiser, True
    meeting = ""
    if not who and not verb and not according:
        who = _leading_subject(sentence, sp, pt)
        meeting = "" if who else _meeting(sentence, sp, pt)
    if who and is_org(who, sp) and not _is_person_like(who, cast):
        reporter, who = (who, "") if is_outlet(who, sp) else (reporter, who)
    if not reporter:
        reporter = _interviewer(sentence, pt)
    if who and is_source(who, sp):
        relayed = _relayed_subject(sentence[span[0] : span[1]], cast, pt)
        if relayed:
            who, reporter, named = relayed, reporter or who, True
    return Attribution(
        claimant=meeting or resolve(who, cast),
        reported_by=reporter,
        content_start=span[0],
        content_end=span[1],
        has_speech_verb=bool(verb or according),
        named=bool(meeting) or (named and bool(who) and who.lower() not in sp.pronouns),
    )


def resolve(who: str, cast: Cast) -> str:
    """A pronoun → the last speaker; a title alone ("the minister", "el edil") → the person the
    article names with it; plural officials → the organisation; a surname → the full name. A
    fragment that is no name ("of Health") gives ""."""
    if not who:
        return ""
    sp = cast.sp
    if who.lower() in sp.pronouns:
        return cast.pronoun(who)
    words = who.split()
    if words[-1].lower() in sp.generic_plural:
        return cast.last_org()
    body = _generic_body(words, sp)
    if body:  # "the ministry", "el ministerio", "الوزارة": the body the article named
        return cast.org_like(body) or (who if sp.code == "ar" else "")
    if is_generic(words, sp):
        return cast.with_role(role_words(words, sp))
    if sp.code != "ar" and not any(w[:1].isupper() for w in words):
        return ""
    return cast.full_name(who)


def is_source(who: str, sp: Speech) -> bool:
    """ "a source", "sources close to the ministry", "المصدر": someone unnamed who relays."""
    keys = [w.lower().strip(".,:;“”\"'«»،") for w in who.split()[:3]]
    return any(k in sp.sources or k.removeprefix("ال") in sp.sources for k in keys)


def _relayed_subject(content: str, cast: Cast, pt: _Patterns) -> str:
    """Who the relayed words say spoke, promised or acted ("… that the minister stressed …"),
    resolved to the person the article names; "" when they name no one."""
    verb = _speech_verb(content, pt) or pt.promise.search(content)
    if verb is None:
        return ""
    subject = _subject(content[: verb.start()], cast.sp, pt, cast)
    return resolve(subject, cast) if subject else ""


def _generic_body(words: list[str], sp: Speech) -> str:
    """The organisation word of "the ministry", "das Ministerium", "الوزارة" (no name in it)."""
    keys = [w.lower().strip(".,:;“”\"'«»،") for w in words]
    content = [k for k in keys if k not in sp.stop_caps]
    if len(content) != 1 or any(w[:1].isupper() for w in words if w.lower() == content[0]):
        return ""
    key = content[0].removeprefix("ال") if sp.code == "ar" else content[0]
    return key if key in sp.org_words else ""


def _outside_quotes(pattern: re.Pattern[str], sentence: str) -> re.Match[str] | None:
    # The attribution is usually the first; a quoted "said" inside the claim is not.
    for match in pattern.finditer(sentence):
        if not _inside_quotes(sentence, match.start()):
            return match
    return None


# A speech verb right after these is a participle or a passive ("as stated in the agreement",
# "was announced by"), not the sentence's attribution.
_NOT_FINITE_BEFORE = frozenset(
    ["as", "was", "were", "been", "be", "being", "is", "are", "comme", "como", "tel", "telle"]
)


def _speech_verb(sentence: str, pt: _Patterns) -> re.Match[str] | None:
    """The first speech verb outside quotations that attributes the sentence."""
    at = 0
    while (match := pt.verb.search(sentence, at)) is not None:
        before = sentence[: match.start()].split()
        if not _inside_quotes(sentence, match.start()) and not (
            before and before[-1].lower() in _NOT_FINITE_BEFORE
        ):
            return match
        at = match.end("verb")  # the pattern runs to the end: look again after this verb
    return None


def _inside_quotes(sentence: str, at: int) -> bool:
    before = sentence[:at]
    opened = before.count("“") + before.count("«") + before.count("„")
    closed = before.count("”") + before.count("»")
    return opened > closed or before.count('"') % 2 == 1


def _by_verb(sentence: str, verb: re.Match[str], cast: Cast, pt: _Patterns):
    """(claimant, reporter, content span, named here) around a speech verb."""
    sp, reporter = cast.sp, ""
    left = sentence[: verb.start()]
    if pt.time:
        left = pt.time.sub(" ", left)
    quoted_before = _quotation_before(left)
    who = "" if quoted_before else _subject(left, sp, pt, cast)
    after_name = "" if who else _leading_name(verb.group("after"), sp, pt)
    who = who or after_name
    if not who:
        pronoun = re.match(r"[\s,-]*(?:t-)?(\w+)", verb.group("after"))
        if pronoun and pronoun.group(1).lower() in sp.pronouns:
            who = pronoun.group(1)
        elif sp.code != "en":  # "…», a déclaré.", "afirmó.": the subject is the last speaker
            who = cast.last_speaker()
    inverted = bool(after_name) or quoted_before
    span = _content(sentence, verb, pt, inverted=inverted)
    verb_word = verb.group("verb")
    if re.fullmatch(sp.report_verbs, verb_word, re.I) and who:
        who, reporter = "", who
    elif verb_word in ("told", "tells"):
        listener = _leading_name(verb.group("after"), sp, pt)
        reporter = "" if cast.full_name(listener) in cast.names() else listener
    return who, reporter, span, bool(who) and who != cast.last_speaker()


def _according_who(sentence: str, according: re.Match[str], sp: Speech, pt: _Patterns) -> str:
    """ "according to the city's transport office", "according to the spokesman of NANS, Azeez
    Adeyemi, …": a name in apposition wins over the role before it."""
    groups = according.groupdict()
    phrase = next((groups[k] for k in ("who", "who2", "who3") if groups.get(k)), "").strip()
    named = pt.name.match(phrase)
    if named and sp.code != "en":  # "Laut Klaus Weber wird die Brücke …": the name, not the rest
        phrase = named.group(0)
    if phrase.split()[:1] and phrase.split()[0].lower() in sp.documents:
        return ""
    rest = sentence[according.end() :]
    apposition = re.match(r"\s*,\s*([^,.;:]{3,60})", rest)
    if apposition:
        named = clean_name(apposition.group(1), sp)
        if named and len(named.split()) >= 2 and not is_generic(named.split(), sp):
            return named
    return clean_name(phrase, sp) or (phrase if len(phrase.split()) <= 6 else "")


def _promise_subject(sentence: str, sp: Speech, pt: _Patterns) -> str:
    """ "Le président … s'est engagé à …, a indiqué un porte-parole": the one who promised is the
    claimant, whoever relays it."""
    promise = _outside_quotes(pt.promise, sentence)
    if not promise:
        return ""
    left = sentence[: promise.start()]
    if pt.time:
        left = pt.time.sub(" ", left)
    if _quotation_before(left) or not left.strip():
        return ""
    who = _subject(left, sp, pt, None)
    if not who:
        generic = left.strip(" ,").split()
        if generic and len(generic) <= 8 and is_generic(generic, sp):
            return " ".join(generic)
    return who


def _leading_subject(sentence: str, sp: Speech, pt: _Patterns) -> str:
    """A promise without a speech verb: its subject, when a name or a body opens the sentence
    ("Bundesgesundheitsminister Karl Lauterbach (SPD) will …", "NANS has issued …")."""
    opening = re.match(r"\s*(?:[\"“«]\s*)?", sentence)
    match = pt.name.match(sentence, opening.end())
    first = match.group(0).split()[0].lower() if match else ""
    if not match or (first in sp.stop_caps and first not in _ARTICLES):
        return ""  # "Between April …", "Au Conseil des ministres …": an adverbial, no subject
    name = clean_name(match.group(0), sp)
    rest = sentence[match.end() :]
    follows = re.match(r"\s*(?:\([^)]{1,30}\)\s*)?([a-zà-ÿ]\w*)", rest)
    if not name or not follows:
        return ""
    # One capitalised word opening a sentence is mostly no name ("Près de 60 % …", "Zeit")
    if len(name.split()) < 2 and not name.isupper() and not is_org(name, sp):
        return ""
    return name


def _meeting(sentence: str, sp: Speech, pt: _Patterns) -> str:
    """ "Lors d'un sommet régional …, on a exhorté …": an impersonal subject speaks for the
    meeting it was said at."""
    if not pt.meeting or not set(sentence.lower().replace(",", " ").split()) & sp.impersonal:
        return ""
    match = pt.meeting.search(sentence)
    return match.group("who").strip() if match else ""


def _quotation_before(left: str) -> bool:
    """Whether a quotation ends just before ("“…”, he said"), not a quoted nickname ("La
    Federación … “Tupac Katari” lanzó")."""
    if not _QUOTE_BEFORE.search(left):
        return False
    quoted = _QUOTED.search(left)
    return quoted is None or len(quoted.group(1).split()) >= 4


def _subject(left: str, sp: Speech, pt: _Patterns, cast: Cast | None) -> str:
    """The name (or pronoun, or title) just before a verb, skipping one appositive clause."""
    stripped = re.sub(r"\([^)]{1,40}\)", " ", left).rstrip(" ,")
    if not stripped:
        return ""
    segments = [s.strip(" “”\"'«»") for s in re.split(r",|\s[–—-]\s", stripped)]
    for segment in reversed(segments[-2:]):
        words = segment.split()
        if words and words[-1].lower() in sp.pronouns and len(words) <= 2:
            return words[-1].capitalize() if words[-1] != "I" else ""
        runs = list(pt.name.finditer(segment))
        if runs and runs[-1].end() == len(segment):
            name = clean_name(runs[-1].group(0), sp)
            if name and plausible(name, sp, cast):
                return name
        if words and len(words) <= 6 and is_generic(words, sp):
            return " ".join(words)
        if segment and not segment[0].islower():
            continue
    return ""


def _leading_name(text: str, sp: Speech, pt: _Patterns) -> str:
    """The name that opens `text` ("… said Anna Kowalska, …", "…, sostuvo Perea sobre …"), not
    an adjective ("… told the Russian news site")."""
    rest = re.sub(r"^[\s,]*(?:(?:the|el|la|le|der|die)\s+)?", "", text)
    match = pt.name.match(rest)
    if not match:
        generic = re.match(r"[\s,]*((?:\w+\s+){1,4}?\w+)\s*[.,]?\s*$", text)
        words = generic.group(1).split() if generic else []
        if words and is_generic(words, sp):
            return " ".join(words)
        return _named_later(text, sp, pt) if sp.code != "en" else ""
    following = re.match(r"\s+([a-z]+)", rest[match.end() :])
    if sp.code == "en" and following and following.group(1) not in _FOLLOWS_NAME_EN:
        return ""
    return clean_name(match.group(0), sp)


def _named_later(text: str, sp: Speech, pt: _Patterns) -> str:
    """A subject after its verb and an adverbial ("aseguró este martes ante los diputados … el
    ministro de Obras Públicas, Rodolfo Méndez Mata, quien …"): the name set off after a title,
    or right after one, before the reported words begin."""
    window = re.split(rf"(?<!\w)(?:{sp.that})(?!\w)|[“«\":]", text, maxsplit=1)[0]
    for run in pt.name.finditer(window):
        name = clean_name(run.group(0), sp)
        if not name or len(name.split()) < 2 or is_org(name, sp):
            continue
        before = window[: run.start()]
        segment = re.split(r"[,;]", before.rstrip().removesuffix(",").rstrip())[-1]
        apposed = before.rstrip().endswith(",") and bool(role_words(segment.split(), sp))
        titled = bool(before.split()) and before.split()[-1].lower() in sp.titles - sp.stop_caps
        if apposed or titled:
            return name
    for segment in window.split(","):
        words = segment.split()
        if 1 < len(words) <= 8 and is_generic(words, sp):
            return segment.strip()
    return ""


def _content(sentence: str, verb: re.Match[str], pt: _Patterns, *, inverted: bool):
    """The claim's words: the clause after 'that', the words after 'said', or the quoted part."""
    after_start = verb.start("after")
    if pt.particle:  # "kündigte … an, sechs Gesetze …": the verb's particle is no claim
        particle = pt.particle.match(sentence, after_start)
        after_start = particle.end() if particle else after_start
    after = sentence[after_start:]
    that = pt.that.match(after)
    if that and not inverted:
        return after_start + that.end(), len(sentence)
    if verb.group("verb") not in ("told", "tells") and not inverted:
        words = after.strip(" ,.:").split()
        if len(words) >= 4:
            offset = len(after) - len(after.lstrip(" ,:"))
            return after_start + offset, len(sentence)
    before = sentence[: verb.start()]
    cut = max(before.rfind(","), before.rfind("”"), before.rfind('"'), before.rfind("»"))
    return (0, cut) if cut > 0 else (0, len(sentence))


def _around(sentence: str, start: int, end: int) -> tuple[int, int]:
    if start <= 2:  # "According to X, the claim…"
        comma = sentence.find(",", end - 1)
        return (comma + 1, len(sentence)) if comma != -1 else (end, len(sentence))
    if len(sentence[end:].strip(" .")) < 15:
        return 0, start  # "The claim…, according to X."
    return 0, len(sentence)  # "Zunächst geht es seinen Angaben zufolge um …": all of it


def _interviewer(sentence: str, pt: _Patterns) -> str:
    interview = re.search(r"\binterview with (?P<who>[^,;]{2,120})", sentence, re.I)
    if not interview:
        return ""
    runs = [m.group(0) for m in pt.name.finditer(interview.group("who"))]
    return strip_possessive(runs[-1]) if runs else ""


def _is_person_like(name: str, cast: Cast) -> bool:
    return any(person.endswith(name) for person in cast.names())
