"""ClaimReview JSON as other fact-checkers publish it, read into plain values. Pure: no Django.

Accepted shapes: one ClaimReview; a list of them; a schema.org DataFeed whose `dataFeedElement`
holds DataFeedItems (their `item`, one or a list) or ClaimReviews directly; a JSON-LD `@graph`;
and the response of the Google Fact Check Tools API `claims:search`
(`{"claims": [{"text", "claimant", "claimDate", "claimReview": [...]}]}`), one review per item.

A file that is not JSON, or none of these shapes, raises FileError. Otherwise every review becomes
a ParsedReview, or an ItemError that says which item and what is wrong with it ("item 3:
claimReviewed is missing"), so that the good items can be imported and the bad ones reported.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from factcheck.lib import jsonlimits

SCHEMA_PREFIXES = ("schema:", "http://schema.org/", "https://schema.org/")
PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


class FileError(ValueError):
    """The whole file cannot be read: nothing in it is imported."""


class ItemError(ValueError):
    """One item cannot be imported; the message names it and says why."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class PartialDate:
    """A date as precisely as it was given: day, month or year (the 1st stands for the rest)."""

    day: dt.date
    precision: str  # "day", "month" or "year", as claims.models.DatePrecision


@dataclass(frozen=True)
class Organization:
    name: str
    url: str = ""


@dataclass(frozen=True)
class Person:
    name: str
    job_title: str = ""
    affiliation: str = ""
    same_as: str = ""


@dataclass(frozen=True)
class Appearance:
    """A work in which the claim appeared."""

    headline: str
    url: str
    date: PartialDate | None
    publisher: Organization


@dataclass(frozen=True)
class GivenRating:
    """The rating as the review gave it: a label, a number on its own scale, or both."""

    label: str
    value: float | None
    best: float = 5
    worst: float = 1


@dataclass(frozen=True)
class ParsedReview:
    where: str
    url: str
    author: Organization
    claim_reviewed: str
    claimant: Person | None
    claim_date: PartialDate | None
    appearances: tuple[Appearance, ...]  # the first appearance first
    rating: GivenRating
    body: str
    title: str
    language: str
    claim_language: str
    date_published: dt.date | dt.datetime
    date_modified: dt.date | dt.datetime


def parse_document(text: str) -> list[ParsedReview | ItemError]:
    """Every review in `text`, parsed, or the error that stops it."""
    try:
        data = jsonlimits.loads(text)
    except json.JSONDecodeError as error:
        raise FileError(f"the file is not JSON ({error}).") from error
    except jsonlimits.TooDeep as error:
        raise FileError(str(error)) from error
    if isinstance(data, dict) and "claims" in data and "@type" not in data:
        return _factcheck_api(data["claims"])
    return [_guarded(where, _claimreview, item) for where, item in _linked_data_items(data)]


def _guarded(where: str, parse, *args) -> ParsedReview | ItemError:
    try:
        return parse(where, *args)
    except ItemError as error:
        return error


# --- Shapes ---------------------------------------------------------------------------------------


def _types(data: dict) -> list[str]:
    kinds = data.get("@type", [])
    kinds = kinds if isinstance(kinds, list) else [kinds]
    names = []
    for kind in kinds:
        if isinstance(kind, str):
            for prefix in SCHEMA_PREFIXES:
                kind = kind.removeprefix(prefix)
            names.append(kind)
    return names


def _linked_data_items(data: Any) -> list[tuple[str, Any]]:
    """The would-be ClaimReviews of a JSON-LD document, numbered from 1 in file order."""
    if isinstance(data, dict) and "DataFeed" in _types(data):
        elements = data.get("dataFeedElement", [])
        if not isinstance(elements, list):
            raise FileError("the DataFeed's dataFeedElement must be a list.")
    elif isinstance(data, dict) and "@graph" in data and isinstance(data["@graph"], list):
        elements = data["@graph"]
    elif isinstance(data, list):
        elements = data
    elif isinstance(data, dict):
        elements = [data]
    else:
        raise FileError(
            "the file holds neither a ClaimReview, a list of them, a DataFeed nor a Fact Check "
            f"Tools claims:search response, but {_kind(data)}."
        )
    items: list[Any] = []
    for element in elements:
        if isinstance(element, dict) and "DataFeedItem" in _types(element):
            inner = element.get("item")
            items.extend(inner if isinstance(inner, list) else [inner])
        else:
            items.append(element)
    return [(f"item {number}", item) for number, item in enumerate(items, start=1)]


def _claimreview(where: str, data: Any) -> ParsedReview:
    if not isinstance(data, dict):
        raise ItemError(where, f"expected a ClaimReview object, got {_kind(data)}")
    kinds = _types(data)
    if "ClaimReview" not in kinds:
        found = f"'{kinds[0]}'" if kinds else "missing"
        raise ItemError(where, f"@type is {found}, expected ClaimReview")
    fields = Fields(data, where)
    url = fields.url("url", required=True)
    claim_reviewed = fields.text("claimReviewed", required=True)
    author = fields.organization("author", required=True)
    rating = fields.rating("reviewRating")
    published = fields.moment("datePublished", required="dateModified" not in data)
    modified = fields.moment("dateModified")
    if published and modified and _day(modified) < _day(published):
        raise ItemError(where, f"dateModified {modified} is before datePublished {published}")
    claim = Fields(fields.obj("itemReviewed") or {}, where, "itemReviewed.")
    return ParsedReview(
        where=where,
        url=url,
        author=author,
        claim_reviewed=claim_reviewed,
        claimant=claim.person("author"),
        claim_date=claim.partial_date("datePublished"),
        appearances=claim.appearances(),
        rating=rating,
        body=fields.text("reviewBody"),
        title=fields.text("name") or fields.text("headline"),
        language=fields.text("inLanguage"),
        claim_language=claim.text("inLanguage"),
        date_published=published or modified,
        date_modified=modified or published,
    )


def _day(moment: dt.date | dt.datetime) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment


def _factcheck_api(claims: Any) -> list[ParsedReview | ItemError]:
    if not isinstance(claims, list):
        raise FileError(f'"claims" must be a list, not {_kind(claims)}.')
    parsed: list[ParsedReview | ItemError] = []
    for number, claim in enumerate(claims, start=1):
        where = f"claim {number}"
        if not isinstance(claim, dict):
            parsed.append(ItemError(where, f"expected an object, got {_kind(claim)}"))
            continue
        reviews = claim.get("claimReview")
        if not isinstance(reviews, list) or not reviews:
            parsed.append(ItemError(where, _no_reviews(reviews)))
            continue
        parsed += [
            _guarded(f"{where}, review {index}", _factcheck_api_review, claim, review)
            for index, review in enumerate(reviews, start=1)
        ]
    return parsed


def _no_reviews(reviews: Any) -> str:
    if reviews is None:
        return "claimReview is missing"
    if reviews == []:
        return "claimReview is empty"
    return f"claimReview must be a list of reviews, not {_kind(reviews)}"


def _factcheck_api_review(where: str, claim: dict, review: Any) -> ParsedReview:
    if not isinstance(review, dict):
        raise ItemError(where, f"expected a claimReview object, got {_kind(review)}")
    fields, about = Fields(review, where), Fields(claim, where)
    publisher = Fields(fields.obj("publisher", required=True), where, "publisher.")
    site = publisher.text("site")
    reviewed = fields.moment("reviewDate", required=True)
    claimant = about.text("claimant")
    return ParsedReview(
        where=where,
        url=fields.url("url", required=True),
        author=Organization(
            name=publisher.text("name") or site or _required(where, "publisher.name"),
            url=site if "://" in site else f"https://{site}" if site else "",
        ),
        claim_reviewed=about.text("text", required=True),
        claimant=Person(name=claimant) if claimant else None,
        claim_date=about.partial_date("claimDate"),
        appearances=(),
        rating=GivenRating(label=fields.text("textualRating", required=True), value=None),
        body="",
        title=fields.text("title"),
        language=fields.text("languageCode"),
        claim_language="",
        date_published=reviewed,
        date_modified=reviewed,
    )


# --- Fields -------------------------------------------------------------------------------------


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    names = {dict: "an object", list: "a list", str: "text", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _required(where: str, name: str) -> str:
    raise ItemError(where, f"{name} is missing")


class Fields:
    """Typed reads of one JSON object; every error names the item and the field's path."""

    def __init__(self, data: dict, where: str, path: str = "") -> None:
        self.data, self.where, self.path = data, where, path

    def _fail(self, key: str, problem: str) -> ItemError:
        return ItemError(self.where, f"{self.path}{key} {problem}")

    def _get(self, key: str, required: bool) -> Any:
        value = self.data.get(key)
        if value is None or value == "" or value == []:
            if required:
                raise self._fail(key, "is missing")
            return None
        return value

    def text(self, key: str, *, required: bool = False) -> str:
        value = self._get(key, required)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self._fail(key, f"must be text, not {_kind(value)}")
        if required and not value.strip():
            raise self._fail(key, "is missing")
        return value.strip()

    def obj(self, key: str, *, required: bool = False) -> dict | None:
        value = self._get(key, required)
        if isinstance(value, list) and value and isinstance(value[0], dict):
            value = value[0]  # schema.org allows several; the first one speaks for them
        if value is not None and not isinstance(value, dict):
            raise self._fail(key, f"must be an object, not {_kind(value)}")
        return value

    def url(self, key: str, *, required: bool = False, several: bool = False) -> str:
        """An http(s) address; with `several`, the first of a list of them."""
        if several and isinstance(self.data.get(key), list):
            return Fields({key: self.data[key][0]}, self.where, self.path).url(key)
        value = self.text(key, required=required)
        parts = urlsplit(value)
        if value and (parts.scheme not in ("http", "https") or not parts.netloc):
            raise self._fail(key, f"must be an http(s) address, not {value!r}")
        return value

    def name_or_object(self, key: str, *, required: bool = False) -> Fields | None:
        """A Thing given as an object, or as its bare name ("author": "Jane Doe")."""
        value = self._get(key, required)
        if isinstance(value, str):
            return Fields({"name": value}, self.where, f"{self.path}{key}.")
        value = self.obj(key, required=required)
        return None if value is None else Fields(value, self.where, f"{self.path}{key}.")

    def organization(self, key: str, *, required: bool = False) -> Organization | None:
        thing = self.name_or_object(key, required=required)
        if thing is None:
            return None
        return Organization(name=thing.text("name", required=True), url=thing.url("url"))

    def person(self, key: str) -> Person | None:
        thing = self.name_or_object(key)
        if thing is None:
            return None
        affiliation = thing.name_or_object("affiliation")
        return Person(
            name=thing.text("name", required=True),
            job_title=thing.text("jobTitle"),
            affiliation=affiliation.text("name") if affiliation else "",
            same_as=thing.url("sameAs", several=True),
        )

    def moment(self, key: str, *, required: bool = False) -> dt.date | dt.datetime | None:
        """A day ("2019-10-01") or a moment ("2019-10-01T08:00:00Z")."""
        value = self.text(key, required=required)
        if not value:
            return None
        try:
            if len(value) == 10:
                return dt.date.fromisoformat(value)
            return dt.datetime.fromisoformat(value)
        except ValueError:
            raise self._fail(key, f"must be a date as YYYY-MM-DD, not {value!r}") from None

    def partial_date(self, key: str) -> PartialDate | None:
        """2019-07-31, 2019-07 or 2019 (a moment counts as its day, as written)."""
        value = self.text(key)
        if not value:
            return None
        match = PARTIAL_DATE.match(value)
        rest = value[match.end() :] if match else value
        try:
            # Anything after the date must be the time of a whole day's moment.
            if not match or (rest and not (match.group(3) and rest[0] in "T ")):
                raise ValueError(value)
            year, month, day = match.groups()
            precision = "day" if day else "month" if month else "year"
            return PartialDate(dt.date(int(year), int(month or 1), int(day or 1)), precision)
        except ValueError:
            problem = f"must be a date (YYYY-MM-DD, YYYY-MM or YYYY), not {value!r}"
            raise self._fail(key, problem) from None

    def rating(self, key: str) -> GivenRating:
        rating = Fields(self.obj(key, required=True), self.where, f"{key}.")
        label = rating.text("alternateName") or rating.text("name")
        value, best, worst = (
            rating.number(k) for k in ("ratingValue", "bestRating", "worstRating")
        )
        best, worst = (5 if best is None else best), (1 if worst is None else worst)
        if not label and value is None:
            raise ItemError(self.where, f"{key} has neither alternateName nor ratingValue")
        if best <= worst:
            raise ItemError(
                self.where, f"{key}.bestRating {best:g} is not above worstRating {worst:g}"
            )
        if value is not None and not worst <= value <= best:
            raise ItemError(
                self.where,
                f"{key}.ratingValue {value:g} is outside worstRating {worst:g} … bestRating "
                f"{best:g}",
            )
        return GivenRating(label=label, value=value, best=best, worst=worst)

    def number(self, key: str) -> float | None:
        """A number, or text holding one ("4"): both are seen in published ClaimReview."""
        value = self._get(key, required=False)
        if value is None:
            return None
        try:
            if isinstance(value, bool):
                raise ValueError
            return float(value)
        except (TypeError, ValueError):
            raise self._fail(key, f"must be a number, not {_kind(value)} {value!r}") from None

    def appearances(self) -> tuple[Appearance, ...]:
        """firstAppearance, then the other appearances (one or a list), each once."""
        first = self._works("firstAppearance")
        seen = {work.url for work in first if work.url}
        later = [
            work
            for work in self._works("appearance")
            if work not in first and not (work.url and work.url in seen)
        ]
        return (*first, *later)

    def _works(self, key: str) -> list[Appearance]:
        value = self._get(key, required=False)
        values = value if isinstance(value, list) else [] if value is None else [value]
        works = []
        for index, work in enumerate(values):
            label = key if not isinstance(value, list) else f"{key}[{index}]"
            if isinstance(work, str):
                work = {"url": work}  # an appearance may be given by its address alone
            if not isinstance(work, dict):
                raise self._fail(label, f"must be an object, not {_kind(work)}")
            works.append(self._work(Fields(work, self.where, f"{self.path}{label}.")))
        return works

    @staticmethod
    def _work(work: Fields) -> Appearance:
        url = work.url("url")
        publisher = work.organization("publisher")
        if publisher is None and not url:
            raise ItemError(work.where, f"{work.path[:-1]} has neither a url nor a publisher")
        return Appearance(
            headline=work.text("headline") or work.text("name"),
            url=url,
            date=work.partial_date("datePublished"),
            # Without a named publisher, the site it is on stands for it.
            publisher=publisher or Organization(name=urlsplit(url).hostname or url),
        )
