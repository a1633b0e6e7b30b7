"""An article's sentences → suggested claims: who said each, its words, its deadline, its score.

Pure Python, used by `claims.intake.extraction.suggest_claims`. Sentences are split in the
article's language; a sentence's speaker may be named in it, in the sentence after it ("“…”
| said the minister."), or before a quotation that runs on into the next paragraphs; a sentence
with two deadlines ("by 2024 … and by early 2025") gives two suggestions.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace

from claims.deadlines import FoundDeadline, Precision, find_deadlines
from claims.intake import checkworthy
from claims.intake.attribution import Attribution, attribute_in
from claims.intake.naming import names_in, organisations_in
from claims.intake.people import Cast, Person
from claims.intake.sentences import split_sentences
from claims.intake.speech import speech

MAX_SUGGESTIONS = 20
MAX_WORDS = 90
# The place, date and agency an article opens with: "New Delhi, Dec 12 (PTI)", "Berlin (dpa) -",
# "BANGUI, République centrafricaine -", "Éxito Noticias, 10 de enero 2026.-", "صدى نيوز -"
_AGENCY = (
    r"\((?:AFP|AP|PTI|ANI|IANS|UNI|dpa|DPA|Reuters|EFE|APA|AA|UPI|KNA|epd|SID|ANSA|Xinhua|WAM|"
    r"SPA|MENA|QNA|KUNA|Petra|BNA|IRNA|TASS|NA|Télam|CNN|BBC)\)"
)
_DATELINE = re.compile(
    rf"^(?=[^\n]{{0,80}}?(?:{_AGENCY}|\s[-–—]\s|\.-))[^\n.!?]{{0,70}}?"
    rf"(?:{_AGENCY}\s*[-–—]?|\s[-–—](?=\s)|\.-)\s*"
)
_OPENING_QUOTE = re.compile(r"^\s*[\"“«„]")
_SEPARATOR = re.compile(r"[,;]\s+|\s+(?:and|y|e|et|und|sowie|while|mientras|tandis)\s+|\sو")


@dataclass(frozen=True)
class SuggestedClaim:
    """A sentence worth checking. `quote` is `text[start:end]` of the article, verbatim."""

    statement: str
    quote: str
    start: int
    end: int
    claimant: str
    reported_by: str
    deadline: dt.date | None
    deadline_expression: str
    score: float
    reasons: tuple[str, ...]


def suggestions_in(
    text: str, published: dt.date | None, language: str, precision: Precision
) -> list[SuggestedClaim]:
    """Every check-worthy sentence (or promise within one) of `text`, best first."""
    cast = _cast_of(text, language)
    spans = split_sentences(text, language)
    found: list[SuggestedClaim] = []
    for index, (start, end) in enumerate(spans):
        sentence = text[start:end]
        if 4 <= len(sentence.split()) <= MAX_WORDS and not _attribution_only(sentence):
            who = _who(text, spans, index, cast)
            found.extend(
                _suggested(text, start, sentence, who, cast, published, language, precision)
            )
        for name, roles in names_in(sentence, language):
            cast.meet(name, roles)
        cast.orgs.extend(organisations_in(sentence, language))
    found.sort(key=lambda s: (-s.score, s.start))
    return found[:MAX_SUGGESTIONS]


def _cast_of(text: str, language: str) -> Cast:
    """A cast that knows, for a title met before its name, every person the article names."""
    cast = Cast(speech(language))
    named = names_in(text, language)
    cast.mentions = dict(Counter(name for name, _ in named))
    seen: dict[str, Person] = {}
    for name, roles in named:
        seen.setdefault(name, Person(name)).roles |= roles
    cast.everyone = list(seen.values())
    return cast


def _who(text: str, spans: list[tuple[int, int]], index: int, cast: Cast) -> Attribution:
    """The sentence's attribution; without a speaker of its own, the one named right after a
    quotation, or the speaker of the quotation it continues."""
    start, end = spans[index]
    sentence = text[start:end]
    dateline = _DATELINE.match(sentence) if index == 0 or start == 0 else None
    skip = dateline.end() if dateline and dateline.end() < len(sentence) - 20 else 0
    who = attribute_in(sentence[skip:], cast)
    who = replace(who, content_start=who.content_start + skip, content_end=who.content_end + skip)
    if not who.claimant:
        carried = _speaker_after(text, spans, index, cast) or _speaker_of_quote(
            text, spans, index, cast
        )
        if carried:
            who = replace(who, claimant=carried)
    cast.spoke(who.claimant)
    return who


def _speaker_after(text: str, spans: list[tuple[int, int]], index: int, cast: Cast) -> str:
    """ "“We will finish by May.” | Said the minister." (split apart): the short sentence after."""
    if index + 1 >= len(spans):
        return ""
    following = text[slice(*spans[index + 1])]
    if len(following.split()) > 8:
        return ""
    who = attribute_in(following, cast)
    return who.claimant if who.has_speech_verb else ""


def _speaker_of_quote(text: str, spans: list[tuple[int, int]], index: int, cast: Cast) -> str:
    """A quotation that runs on: a sentence opening with a quote mark, or after "His words:",
    belongs to the last speaker."""
    start, _ = spans[index]
    if _OPENING_QUOTE.match(text[start:]):
        return cast.last_speaker()
    if index and text[spans[index - 1][0] : spans[index - 1][1]].rstrip().endswith(":"):
        return cast.last_speaker()
    return ""


def _attribution_only(sentence: str) -> bool:
    """ "His words:", "This is according to the Minister.": nothing to check in it."""
    return sentence.rstrip().endswith(":") and len(sentence.split()) <= 6


def _suggested(text, offset, sentence, who, cast, published, language, precision):
    start, end = _trim(sentence, who.content_start, who.content_end)
    if end - start < 15:
        if who.has_speech_verb and who.claimant:
            return []  # only who said it, nothing said
        start, end = _trim(sentence, 0, len(sentence))
    quote = sentence[start:end]
    forward = checkworthy.is_forward(sentence, language)
    # Read in the whole sentence (its verb tells the tense), kept where they fall in the quote.
    found = _deadlines(sentence, published, language, precision) if forward else []
    found = [
        replace(f, start=f.start - start, end=f.end - start)
        for f in found
        if start <= f.start and f.end <= end
    ]
    results = []
    for part_start, part_end, deadline in _promises(quote, found):
        part_start, part_end = _trim(quote, part_start, part_end)
        words = quote[part_start:part_end]
        claimant = who.claimant or (_fallback(sentence, cast, language) if deadline else "")
        attribution = replace(who, claimant=claimant)
        person = bool(claimant) and not any(
            w in cast.sp.org_words for w in claimant.lower().split()
        )
        raw, reasons = checkworthy.score(
            sentence, words, deadline, attribution, language, person=person
        )
        if raw < checkworthy.MIN_SCORE:
            continue
        at = offset + start + part_start
        results.append(
            SuggestedClaim(
                statement=_as_statement(words),
                quote=words,
                start=at,
                end=at + len(words),
                claimant=claimant,
                reported_by=who.reported_by,
                deadline=deadline.deadline if deadline and published else None,
                deadline_expression=deadline.expression if deadline else "",
                score=checkworthy.normalised(raw),
                reasons=tuple(reasons),
            )
        )
    return results


def _fallback(sentence: str, cast: Cast, language: str) -> str:
    """A promise no one is said to have made: the article's last speaker goes on speaking (a
    name inside it is mostly who prepared or leads a thing: "le projet de loi piloté par Nicole
    Belloubet"), else the person it names, else the last person named, else the one the article
    names most."""
    here = names_in(sentence, language)
    if cast.last_speaker():
        return cast.last_speaker()
    if here:
        return here[0][0]
    return cast.people[-1].name if cast.people else cast.main_person


def _deadlines(quote, published, language, precision) -> list[FoundDeadline]:
    # Without the article's date the expression is still worth showing, but no day is computed.
    return find_deadlines(
        quote, published or dt.date.today(), language or None, precision=precision
    )


def _promises(quote: str, found: list[FoundDeadline]):
    """(start, end, deadline) of each promise in a quote: one, or one per distinct dated
    deadline when it holds several ("by 2024 … and by early 2025"), cut at the last clause
    break between them."""
    dated = [f for f in found if f.deadline is not None]
    distinct = {f.deadline for f in dated}
    if len(distinct) < 2:
        return [(0, len(quote), (dated or found or [None])[0])]
    parts, start = [], 0
    for here, following in itertools.pairwise(dated):
        if here.deadline == following.deadline:
            continue
        between = list(_SEPARATOR.finditer(quote, here.end, following.start))
        cut = between[-1].start() if between else here.end
        parts.append((start, cut, here))
        start = cut
    parts.append((start, len(quote), dated[-1]))
    return parts


def _trim(sentence: str, start: int, end: int) -> tuple[int, int]:
    chunk = sentence[start:end]
    left = len(chunk) - len(chunk.lstrip(" ,;:“”\"'–—-«»"))
    right = len(chunk.rstrip(" ,;:.!“”\"'–—-«»"))
    return start + left, start + max(right, left)


def _as_statement(quote: str) -> str:
    statement = quote[:1].upper() + quote[1:]
    return statement if statement.endswith((".", "!", "?")) else statement + "."
