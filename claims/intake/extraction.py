"""Article text → suggested claims, each with its quote, claimant, reporter and deadline.

Pure Python (no Django). `read_html` and `read_text` turn a page or a pasted text into an
`ExtractedArticle` with boilerplate dropped; `suggest_claims` scores its sentences so that
checkable ones (a promise with a deadline, a number, a reported fact) come first and opinion and
boilerplate last or not at all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import trafilatura
from lxml import html as lxml_html

from claims.deadlines import Precision, find_deadlines
from claims.intake.attribution import attribute, names_in

MAX_SUGGESTIONS = 20
MIN_SCORE = 1.5
_BOILERPLATE = re.compile(
    r"\b(subscribe|unsubscribe|sign up|signup|newsletter|inbox|special offers|follow us|"
    r"share (this|on)|click here|read more|advertisement|sponsored|all rights reserved|cookies?|"
    r"privacy policy|terms of (use|service)|download (our|the) app|related articles?|"
    r"real time updates|log ?in|comments? \(\d+\))\b",
    re.I,
)
_COUNTS = re.compile(r"^[\d\s.,kKmM]*(shares?|views?|comments?|likes?|reads?)?$", re.I)
_BYLINE = re.compile(r"^by\s+([A-Z][\w.’'\- ]{2,80})$")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9\u0600-\u06ff])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|St|No|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Co|Corp|Jr|Sr|Gov|Sen|Rep|Rev|Maj|Adm|approx)|\b[A-Z]|"
    r"\b(?:[A-Za-z]\.)+[A-Za-z])$"
)
_FUTURE = re.compile(
    r"\b(will|shall|won't|would(?! have)|going to|plans? to|planned to|pledged|promised?|vowed|"
    r"expects? to|expected to|aims? to|intends? to|is to|are to|set to|scheduled to|"
    r"by the end of)\b",
    re.I,
)
_NUMBER = re.compile(
    r"(?<![\w.])(?!(?:19|20)\d\d\b)\d[\d,.]*%?|\b(percent|per cent|million|billion|thousand|"
    r"hundred|dozens?|half|double[sd]?|tripled?|twice|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|first|largest|highest|lowest)\b",
    re.I,
)
_OPINION = re.compile(
    r"\b(important|adamant|dismay|hostile|should|must|ought|believes?|think|feel|hope|"
    r"seems?|arguably|clearly|incredibly|very|terrible|wonderful|great|best|worst|shameful|"
    r"disgrace|outrageous|beautiful|obviously|unfortunately|sadly)\b",
    re.I,
)
_HEDGE = re.compile(r"\b(may|might|could|perhaps|possibly|maybe)\b", re.I)
_STOPWORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "that", "will", "with", "was"},
    "fr": {"le", "la", "les", "et", "des", "est", "dans", "que", "une", "pour"},
    "es": {"el", "la", "los", "las", "y", "que", "en", "del", "por", "una"},
    "de": {"der", "die", "das", "und", "ist", "nicht", "mit", "den", "ein", "zu"},
}


@dataclass(frozen=True)
class ExtractedArticle:
    """What the page says about itself, and its main text without boilerplate."""

    headline: str
    text: str
    byline: str = ""
    published: dt.date | None = None
    language: str = ""
    site_name: str = ""


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


def looks_like_html(content: str) -> bool:
    """Whether pasted content is HTML rather than plain text."""
    head = content.lstrip()[:1000].lower()
    return head.startswith(("<!doctype", "<html")) or bool(re.search(r"<(p|div|body)[\s>]", head))


def read_html(page: str, *, url: str | None = None) -> ExtractedArticle:
    """The main text, headline, byline, date and language of an HTML page."""
    document = trafilatura.bare_extraction(
        page, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    headline = (getattr(document, "title", None) or "").strip()
    raw_text = (getattr(document, "text", None) or "") if document else ""
    lines = [line.strip() for line in raw_text.splitlines()]
    if lines and headline and lines[0] == headline:
        lines = lines[1:]
    byline = (getattr(document, "author", None) or "").strip()
    lines, found_byline = _without_byline(lines)
    text = clean_text("\n".join(lines))
    return ExtractedArticle(
        headline=headline or (lines[0][:300] if lines else ""),
        text=text,
        byline=byline or found_byline,
        published=_parse_date(getattr(document, "date", None)),
        language=_page_language(page) or guess_language(text),
        site_name=(getattr(document, "sitename", None) or "").strip(),
    )


def read_text(content: str) -> ExtractedArticle:
    """A plain text: the first non-empty line is the headline, a 'By …' line the byline."""
    lines = [line.strip() for line in content.replace("\r\n", "\n").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    headline = lines.pop(0) if lines else ""
    lines, byline = _without_byline(lines)
    text = clean_text("\n".join(lines))
    return ExtractedArticle(
        headline=headline, text=text, byline=byline, language=guess_language(text)
    )


def clean_text(text: str) -> str:
    """The text without boilerplate lines (ads, newsletter, share counts), one paragraph a line."""
    kept = [line.strip() for line in text.splitlines()]
    kept = [line for line in kept if line and not is_boilerplate(line)]
    return "\n\n".join(kept)


def is_boilerplate(line: str) -> bool:
    """Advertisements, newsletter and share prompts, counters: never part of an article's text."""
    if _COUNTS.match(line.strip()):
        return True
    stripped = line.strip(" -–—*·|•[]()")
    if re.fullmatch(r"(ad|ads|advertisement|advertising|sponsored( content)?)", stripped, re.I):
        return True
    return bool(_BOILERPLATE.search(line)) and len(line.split()) <= 30


def guess_language(text: str) -> str:
    """A two-letter code from common words (Arabic by its script), or '' when unsure."""
    if len(re.findall(r"[\u0600-\u06ff]", text)) > len(text) / 4:
        return "ar"
    words = re.findall(r"[a-zäöüßéèêàçñáíóú]+", text.lower())
    counts = {code: sum(word in common for word in words) for code, common in _STOPWORDS.items()}
    code, best = max(counts.items(), key=lambda item: item[1])
    return code if best >= 3 else ""


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of `text`, paragraph by paragraph, not cut at 'Mr.' or 'U.S.'."""
    spans = []
    for paragraph in re.finditer(r"[^\n]+", text):
        start = paragraph.start()
        for boundary in _SENTENCE_END.finditer(paragraph.group(0)):
            end = paragraph.start() + boundary.start() + 1
            if _ABBREVIATION.search(text[start : end - 1]):
                continue
            end = paragraph.start() + boundary.end()
            spans.append((start, len(text[:end].rstrip()) if end else end))
            start = end
        if start < paragraph.end():
            spans.append((start, paragraph.end()))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def suggest_claims(
    text: str,
    published: dt.date | None,
    language: str | None = None,
    *,
    precision: Precision = Precision.DAY,
) -> list[SuggestedClaim]:
    """The article's check-worthy sentences, best first, with attribution and deadline."""
    suggestions = []
    people: list[str] = []
    speakers: list[str] = []
    english = (language or guess_language(text) or "en").startswith("en")
    for start, end in split_sentences(text):
        sentence = text[start:end]
        if not is_boilerplate(sentence) and 4 <= len(sentence.split()) <= 90:
            suggestion = _suggest(
                text, start, sentence, (people, speakers), published, language, precision, english
            )
            if suggestion is not None:
                suggestions.append(suggestion)
        if english:
            people.extend(names_in(sentence))
    suggestions.sort(key=lambda s: (-s.score, s.start))
    return suggestions[:MAX_SUGGESTIONS]


def _suggest(
    text: str,
    offset: int,
    sentence: str,
    context: tuple[list[str], list[str]],
    published: dt.date | None,
    language: str | None,
    precision: Precision,
    english: bool,
) -> SuggestedClaim | None:
    if english:
        who = attribute(sentence, *context)
        content = (who.content_start, who.content_end)
    else:
        who, content = None, (0, len(sentence))
    start, end = _trim(sentence, *content)
    if end - start < 15:
        start, end = _trim(sentence, 0, len(sentence))
    quote = sentence[start:end]
    # A deadline belongs to a promise or a prediction; "fell in March" states no deadline.
    deadline = _deadline(quote, published, language, precision) if _FUTURE.search(quote) else None
    raw, reasons = _score(sentence, quote, deadline, who)
    if raw < MIN_SCORE:
        return None
    if who and who.claimant:
        context[1].append(who.claimant)
    return SuggestedClaim(
        statement=_as_statement(quote),
        quote=quote,
        start=offset + start,
        end=offset + end,
        claimant=who.claimant if who else "",
        reported_by=who.reported_by if who else "",
        deadline=deadline.deadline if deadline and published else None,
        deadline_expression=deadline.expression if deadline else "",
        score=round(raw / (raw + 4), 2),
        reasons=tuple(reasons),
    )


def _score(sentence, quote, deadline, who) -> tuple[float, list[str]]:
    raw, reasons = 0.0, []

    def add(points: float, reason: str) -> None:
        nonlocal raw
        raw += points
        reasons.append(reason)

    if deadline is not None:
        add(1.0 if deadline.vague else 3.0, "vague deadline" if deadline.vague else "deadline")
    if _FUTURE.search(quote):
        add(1.0, "promise or prediction")
    numbers = len(_NUMBER.findall(quote))
    if numbers:
        add(min(numbers, 3) * 0.6, "number")
    if who is not None and who.claimant:
        add(1.0, "attributed")
    if who is not None and who.reported_by:
        add(1.0, "reported")
    if who is not None and who.has_speech_verb:
        add(0.5, "statement")
    opinions = len(_OPINION.findall(sentence))
    if opinions:
        add(-min(opinions, 2) * 1.2, "opinion")
    if _HEDGE.search(quote):
        add(-0.5, "hedged")
    if sentence.rstrip().endswith("?"):
        add(-2.0, "question")
    if len(quote.split()) < 6:
        add(-1.0, "short")
    return raw, reasons


def _deadline(quote, published, language, precision):
    # Without the article's date the expression is still worth showing, but no day is computed.
    day = published or dt.date.today()
    found = find_deadlines(quote, day, language or None, precision=precision)
    dated = [item for item in found if item.deadline is not None]
    return (dated or found or [None])[0]


def _trim(sentence: str, start: int, end: int) -> tuple[int, int]:
    chunk = sentence[start:end]
    left = len(chunk) - len(chunk.lstrip(" ,;:“”\"'–—-"))
    right = len(chunk.rstrip(" ,;:.!“”\"'–—-"))
    return start + left, start + max(right, left)


def _as_statement(quote: str) -> str:
    statement = quote[:1].upper() + quote[1:]
    return statement if statement.endswith((".", "!", "?")) else statement + "."


def _without_byline(lines: list[str]) -> tuple[list[str], str]:
    for index, line in enumerate(lines[:4]):
        match = _BYLINE.match(line)
        if match:
            return lines[:index] + lines[index + 1 :], match.group(1).strip()
    return lines, ""


def _parse_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _page_language(page: str) -> str:
    try:
        root = lxml_html.fromstring(page)
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    lang = root.get("lang") or "".join(
        root.xpath("//meta[@http-equiv='content-language']/@content")
    )
    return lang.split("-")[0].split("_")[0].lower()[:8] if lang else ""
