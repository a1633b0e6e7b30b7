"""Article text → suggested claims, each with its quote, claimant, reporter and deadline.

Pure Python (no Django). `read_html` and `read_text` turn a page or a pasted text into an
`ExtractedArticle` with boilerplate dropped; `suggest_claims` reads its sentences in the article's
language (claims.intake.promises) and scores them so that checkable ones (a promise with a
deadline by a named person, a number, a reported fact) come first and opinion and boilerplate
last or not at all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import trafilatura
from lxml import html as lxml_html

from claims.deadlines import Precision
from claims.intake.promises import MAX_SUGGESTIONS, SuggestedClaim, suggestions_in
from claims.intake.sentences import split_sentences
from claims.intake.speech import SPEECH

# An article is read for claims up to this many characters (some 30,000 words; a long feature
# has 10,000): past it a paste is refused, and a longer text is read only so far, so that no
# import takes more than a second or so of CPU (a 5 MB text took 10 s).
MAX_TEXT_CHARS = 200_000

__all__ = [
    "MAX_SUGGESTIONS",
    "MAX_TEXT_CHARS",
    "ExtractedArticle",
    "Precision",
    "SuggestedClaim",
    "clean_text",
    "guess_language",
    "is_boilerplate",
    "looks_like_html",
    "read_html",
    "read_text",
    "split_sentences",
    "suggest_claims",
]

_BOILERPLATE = re.compile(
    r"\b(subscribe|unsubscribe|sign up|signup|newsletter|inbox|special offers|follow us|"
    r"share (this|on)|click here|read more|advertisement|sponsored|all rights reserved|cookies?|"
    r"privacy policy|terms of (use|service)|download (our|the) app|related articles?|"
    r"real time updates|log ?in|comments? \(\d+\))\b",
    re.I,
)
_COUNTS = re.compile(r"^[\d\s.,kKmM]*(shares?|views?|comments?|likes?|reads?)?$", re.I)
_BYLINE = re.compile(r"^by\s+([A-Z][\w.’'\- ]{2,80})$")
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


def suggest_claims(
    text: str,
    published: dt.date | None,
    language: str | None = None,
    *,
    precision: Precision = Precision.DAY,
) -> list[SuggestedClaim]:
    """The article's check-worthy sentences, best first, with attribution and deadline, read
    in its language (given, or guessed from the text; English when unsure). Only the first
    MAX_TEXT_CHARS characters are read (cut at a paragraph's end)."""
    text = readable_part(text)
    code = (language or guess_language(text) or "en").lower()[:2]
    return suggestions_in(text, published, code if code in SPEECH else "en", precision)


def readable_part(text: str) -> str:
    """The part of a text that is read for claims: all of it, or its first MAX_TEXT_CHARS
    characters up to the last paragraph break (offsets into it are offsets into the text)."""
    if len(text) <= MAX_TEXT_CHARS:
        return text
    head = text[:MAX_TEXT_CHARS]
    cut = head.rfind("\n")
    return head[:cut] if cut > MAX_TEXT_CHARS // 2 else head


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
