"""Reading a news feed: RSS and Atom (feedparser), JSON Feed (read here: feedparser does not),
and news sitemaps (`<urlset>` with `<news:news>` entries, read with lxml, entities and network
off). Pure Python: bytes in, the items out, newest first as the feed lists them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from dataclasses import dataclass

import feedparser
from lxml import etree

MAX_ITEMS = 200  # a feed listing more is read to here: the newest come first
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


class FeedFormatError(ValueError):
    """The body is not a feed this reader knows; the message says what it is instead."""


@dataclass(frozen=True)
class FeedItem:
    """One item of a feed: the article's address, headline and date, and what the feed carries
    of its text (`content`, often the whole article; `summary`, a teaser)."""

    url: str
    title: str = ""
    published: dt.date | None = None
    summary: str = ""
    content: str = ""

    @property
    def content_words(self) -> int:
        """How many words of text the item carries (its HTML tags not counted)."""
        return len(plain_text(self.content).split())


def plain_text(html: str) -> str:
    """The words of a bit of feed HTML, tags dropped, spaces folded."""
    return _SPACE.sub(" ", _TAG.sub(" ", html)).strip()


def read_feed(body: bytes) -> list[FeedItem]:
    """The items of an RSS, Atom or JSON Feed, or a news sitemap; FeedFormatError if it is none."""
    start = body.lstrip()[:1]
    if start in (b"{", b"["):
        return _json_feed(body)
    if _root_tag(body) in ("urlset", "sitemapindex"):
        return _sitemap(body)
    return _feedparser(body)


def _feedparser(body: bytes) -> list[FeedItem]:
    parsed = feedparser.parse(body)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise FeedFormatError(
            "The address did not answer with an RSS, Atom or JSON feed or a news sitemap"
            + (f" ({problem})" if problem else "")
            + "."
        )
    items = []
    for entry in parsed.entries[:MAX_ITEMS]:
        link = entry.get("link") or ""
        if not link:
            continue
        content = entry.get("content") or []
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        items.append(
            FeedItem(
                url=link.strip(),
                title=plain_text(entry.get("title", "")),
                published=_day_of(stamp),
                summary=entry.get("summary", ""),
                content=content[0].get("value", "") if content else "",
            )
        )
    return items


def _day_of(stamp) -> dt.date | None:
    """A feedparser time (a UTC struct_time) as a day."""
    if not stamp:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(stamp), tz=dt.UTC).date()


def _json_feed(body: bytes) -> list[FeedItem]:
    try:
        document = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FeedFormatError(f"The feed is not valid JSON ({error}).") from error
    if not isinstance(document, dict) or "jsonfeed.org" not in str(document.get("version", "")):
        raise FeedFormatError("The address answered with JSON, but not a JSON Feed.")
    items = []
    for item in document.get("items") or []:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url") or ""
        if not isinstance(link, str) or not link:
            continue
        items.append(
            FeedItem(
                url=link.strip(),
                title=plain_text(str(item.get("title") or "")),
                published=_iso_day(item.get("date_published") or item.get("date_modified")),
                summary=str(item.get("summary") or ""),
                content=str(item.get("content_html") or item.get("content_text") or ""),
            )
        )
        if len(items) == MAX_ITEMS:
            break
    return items


def _iso_day(value) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


_SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def _parser() -> etree.XMLParser:
    # Someone else's XML: no entities expanded, nothing fetched, no billion laughs.
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)


def _root_tag(body: bytes) -> str:
    match = re.search(rb"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>]", _after_prolog(body))
    return match.group(2).decode("ascii") if match else ""


def _after_prolog(body: bytes) -> bytes:
    """The start of the document after its XML declaration, comments and doctype."""
    head = body[:4096]
    return re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b"", head, flags=re.S)


def _sitemap(body: bytes) -> list[FeedItem]:
    try:
        root = etree.fromstring(body, parser=_parser())
    except etree.XMLSyntaxError as error:
        raise FeedFormatError(f"The sitemap is not valid XML ({error}).") from error
    if etree.QName(root).localname == "sitemapindex":
        raise FeedFormatError(
            "This is a sitemap index, a list of sitemaps: register its news sitemap instead."
        )
    items = []
    for entry in root.iter(f"{_SITEMAP}url"):
        link = (entry.findtext(f"{_SITEMAP}loc") or "").strip()
        if not link:
            continue
        news = entry.find(f"{_NEWS}news")
        title = news.findtext(f"{_NEWS}title") if news is not None else ""
        day = news.findtext(f"{_NEWS}publication_date") if news is not None else ""
        items.append(
            FeedItem(
                url=link,
                title=plain_text(title or ""),
                published=_iso_day(day or entry.findtext(f"{_SITEMAP}lastmod")),
            )
        )
        if len(items) == MAX_ITEMS:
            break
    return items
