"""Other organisations' fact-checks (ClaimReview) into sources, claimants, claims and verdicts.

Each review is keyed on its URL: one already imported is left as it is ("unchanged"), so importing
the same file twice changes nothing; one that comes back with another rating or date is reported,
never applied (an imported verdict is not overwritten). A review of this newsroom's own (its URL
is one of this site's verdict pages) is left alone too. Each item is imported in its own
savepoint: a bad item is reported and rolls back whole, and the good ones stay.

The rating is mapped to the closest of this newsroom's ratings (see `RatingMap`); the original
label is kept on the verdict and exported again as it came. The rule is in docs/claimreview.md.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.urls import Resolver404, resolve
from django.utils import timezone

from claims import workflow
from claims.claimreview.formats import (
    Appearance,
    GivenRating,
    ItemError,
    Organization,
    ParsedReview,
    Person,
    parse_document,
)
from claims.models import Article, Claim, Claimant, Rating, RatingScale, Source, Verdict

# What an unknown label with no number maps to: "the evidence available cannot settle it".
FALLBACK_RATING = "unproven"

# Labels other fact-checkers use, normalised (see `_normal`), and this newsroom's closest rating.
# This newsroom's own labels and slugs match first, without being listed here.
RATING_SYNONYMS = {
    **dict.fromkeys(
        ["correct", "accurate", "verified", "geppetto checkmark", "vrai", "verdadero", "wahr"],
        "true",
    ),
    **dict.fromkeys(
        ["mostly correct", "mostly accurate", "largely accurate", "one pinocchio"], "mostly-true"
    ),
    **dict.fromkeys(
        [
            "half right",
            "mixture",
            "mixed",
            "partly true",
            "partly false",
            "partially true",
            "partially false",
            "two pinocchios",
        ],
        "half-true",
    ),
    **dict.fromkeys(
        [
            "misleading",
            "exaggerated",
            "missing context",
            "three pinocchios",
            "distorted",
            "trompeur",
            "engañoso",
            "irreführend",
        ],
        "mostly-false",
    ),
    **dict.fromkeys(
        [
            "incorrect",
            "wrong",
            "not true",
            "untrue",
            "fake",
            "hoax",
            "fabricated",
            "pants on fire",
            "four pinocchios",
            "bogus",
            "scam",
            "faux",
            "falso",
            "falsch",
        ],
        "false",
    ),
    **dict.fromkeys(
        ["unverified", "unsupported", "unsubstantiated", "no evidence", "lacks evidence"],
        "unproven",
    ),
    **dict.fromkeys(["in the works", "stalled", "not yet rated"], "pending"),
    **dict.fromkeys(["promise kept", "kept"], "fulfilled"),
    **dict.fromkeys(["compromise", "partially kept", "partly kept"], "partly-fulfilled"),
    **dict.fromkeys(["promise broken", "broken", "not kept"], "not-fulfilled"),
}


@dataclass
class ImportResult:
    imported: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)

    def summary(self) -> str:
        return f"imported {self.imported}, unchanged {self.unchanged}, failed {self.failed}"


def import_document(text: str, *, by) -> ImportResult:
    """Import every review in `text` as `by`; return what became of them.

    Raises FileError when the file cannot be read at all, and workflow.NotAllowed when `by` may
    not import (both before anything is written)."""
    workflow.check_may_import_reviews(by)  # also when every review is in already
    result, ratings = ImportResult(), RatingMap()
    for parsed in parse_document(text):
        if isinstance(parsed, ItemError):
            result.errors.append(str(parsed))
            continue
        try:
            with transaction.atomic():
                created = _import(parsed, ratings, by)
        except ItemError as error:
            result.errors.append(str(error))
        except (workflow.AlreadyImported, IntegrityError):
            # Another import took it between the check and the write: it is there, once.
            if not Verdict.objects.filter(review_url=parsed.url).exists():
                raise
            result.unchanged += 1
        else:
            result.imported += created
            result.unchanged += not created
    return result


class RatingMap:
    """The closest of this newsroom's ratings to the rating a review gave.

    In this order: a label that is one of ours (by label or slug); the number, brought to our
    1–5 ClaimReview scale with its bestRating and worstRating, as our accuracy rating of that
    value; a known synonym of the label (RATING_SYNONYMS); else FALLBACK_RATING.
    """

    def __init__(self) -> None:
        self.ratings = list(Rating.objects.order_by("scale", "order"))
        self.by_slug = {rating.slug: rating for rating in self.ratings}
        self.by_name = {_normal(r.slug): r for r in self.ratings}
        self.by_name |= {_normal(r.label): r for r in self.ratings}

    def closest(self, given: GivenRating) -> Rating:
        label = _normal(given.label)
        if label in self.by_name:
            return self.by_name[label]
        if given.value is not None and (rating := self._by_value(given)):
            return rating
        return self.by_slug[RATING_SYNONYMS.get(label, FALLBACK_RATING)]

    def _by_value(self, given: GivenRating) -> Rating | None:
        share = (given.value - given.worst) / (given.best - given.worst)
        value = math.floor(1 + 4 * share + 0.5)  # to the nearest, halves up
        accuracy = [r for r in self.ratings if r.scale == RatingScale.ACCURACY]
        return next((r for r in accuracy if r.claimreview_value == value), None)


def _normal(label: str) -> str:
    """'Half-True.' → 'half true'; 'Pending: deadline …' → 'pending' (the words before a colon)."""
    words = re.sub(r"[^\w\s]", " ", label.split(":")[0].replace("_", " ").lower())
    return " ".join(words.split())


# --- One review -------------------------------------------------------------------------------


def _import(parsed: ParsedReview, ratings: RatingMap, by) -> bool:
    """Import one review; False when it was there already (or is this newsroom's own)."""
    existing = Verdict.objects.filter(review_url=parsed.url).select_related("claim").first()
    if existing is not None:
        _check_unchanged(existing, parsed)
        return False
    if _own_review(parsed.url):
        return False
    _check_lengths(parsed)
    text = parsed.body or parsed.title
    workflow.import_review(
        workflow.ImportedReview(
            review_url=parsed.url,
            origin_name=parsed.author.name,
            origin_url=parsed.author.url,
            statement=parsed.claim_reviewed,
            language=_language_subtag(parsed.claim_language or parsed.language),
            article=_first_article(parsed),
            appearances=tuple(_article(work) for work in parsed.appearances[1:]),
            claimant=_claimant(parsed.claimant),
            rating=ratings.closest(parsed.rating),
            original_rating_label=parsed.rating.label,
            # The summary is what the pages show in a line; a longer body is kept whole below.
            summary=text if len(text) <= 500 else f"{text[:499]}…",
            explanation=parsed.body if len(parsed.body) > 500 else "",
            first_published_at=_aware(parsed.date_published),
            published_at=_aware(parsed.date_modified),
        ),
        by=by,
    )
    return True


def _check_unchanged(existing: Verdict, parsed: ParsedReview) -> None:
    was = (existing.original_rating_label, timezone.localdate(existing.published_at))
    now = (parsed.rating.label, timezone.localdate(_aware(parsed.date_modified)))
    if was != now or existing.claim.statement != parsed.claim_reviewed:
        raise ItemError(
            parsed.where,
            f"{parsed.url} was imported before (claim #{existing.claim_id}, rated '{was[0]}' on "
            f"{was[1]}) and differs here ('{now[0]}' on {now[1]}); an imported verdict is "
            "never overwritten, so compare the two by hand",
        )


def _own_review(url: str) -> bool:
    """Whether `url` is the page of one of this newsroom's own current verdicts."""
    if not url.startswith(f"{settings.SITE_URL}/"):
        return False
    try:
        match = resolve(urlsplit(url[len(settings.SITE_URL) :]).path)
    except Resolver404:
        return False
    if match.view_name not in ("claims:detail", "claims:detail-slug"):
        return False
    return Verdict.objects.filter(claim=match.kwargs["pk"], is_current=True, review_url="").exists()


def _aware(moment: dt.date | dt.datetime) -> dt.datetime:
    """A day as noon of that day here (so it stays that day in every export), a moment as is."""
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime.combine(moment, dt.time(12))
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


# --- Sources, articles, claimants -------------------------------------------------------------


def _source(publisher: Organization) -> Source:
    found = Source.objects.filter(name=publisher.name).first()
    if found is not None:
        return found
    host = urlsplit(publisher.url).hostname or ""
    return Source.objects.create(name=publisher.name, homepage=publisher.url, domain=host)


def _article(work: Appearance, *, language: str = "") -> Article:
    """The article at the work's address if there is one; else a new one."""
    if work.url and (found := Article.objects.filter(url=work.url).first()):
        return found
    return Article.objects.create(
        source=_source(work.publisher),
        url=work.url or None,
        headline=work.headline,
        published_on=work.date.day if work.date else None,
        published_precision=work.date.precision if work.date else "day",
        language=language,
    )


def _first_article(parsed: ParsedReview) -> Article:
    """The first appearance, dated with the claim's date if it has none of its own. A review that
    names no appearance gets its own page as the claim's article: that is where this newsroom read
    the claim (jsonld.claim_review exports no appearance for it)."""
    if parsed.appearances:
        first = parsed.appearances[0]
        dated = Appearance(
            first.headline, first.url, first.date or parsed.claim_date, first.publisher
        )
        return _article(dated)
    headline = parsed.title or f"Fact-check by {parsed.author.name}"
    page = Appearance(headline[:500], parsed.url, parsed.claim_date, parsed.author)
    return _article(page, language=_language_subtag(parsed.language))


def _language_subtag(tag: str) -> str:
    """A BCP 47 tag too long for the column keeps its language subtag ("zh-Hant-TW" → "zh")."""
    return (tag if len(tag) <= 8 else tag.split("-")[0])[:8]


def _claimant(person: Person | None) -> Claimant | None:
    """The claimant of that name (or alias), else a new one with what the review says of them."""
    if person is None:
        return None
    named = models.Q(name=person.name) | models.Q(aliases__name=person.name)
    found = Claimant.objects.filter(named).order_by("pk").first()
    return found or Claimant.objects.create(
        name=person.name,
        role=person.job_title,
        affiliation=person.affiliation,
        same_as=person.same_as,
    )


def _check_lengths(parsed: ParsedReview) -> None:
    """Refuse, with the field's name, text longer than its column (PostgreSQL would refuse it
    without saying which; SQLite would keep it)."""
    checks = [
        ("claimReviewed", parsed.claim_reviewed, Claim, "statement"),
        ("reviewBody", parsed.body, Verdict, "explanation"),
        ("url", parsed.url, Verdict, "review_url"),
        ("author.name", parsed.author.name, Verdict, "origin_name"),
        ("author.url", parsed.author.url, Source, "homepage"),
        ("reviewRating.alternateName", parsed.rating.label, Verdict, "original_rating_label"),
    ]
    if parsed.claimant:
        for name, value, column in (
            ("name", parsed.claimant.name, "name"),
            ("jobTitle", parsed.claimant.job_title, "role"),
            ("affiliation", parsed.claimant.affiliation, "affiliation"),
            ("sameAs", parsed.claimant.same_as, "same_as"),
        ):
            checks.append((f"itemReviewed.author.{name}", value, Claimant, column))
    for index, work in enumerate(parsed.appearances):
        where = f"itemReviewed.appearance[{index}]"
        checks += [
            (f"{where}.url", work.url, Article, "url"),
            (f"{where}.headline", work.headline, Article, "headline"),
            (f"{where}.publisher.name", work.publisher.name, Source, "name"),
            (f"{where}.publisher.url", work.publisher.url, Source, "homepage"),
        ]
    for name, value, model, column in checks:
        limit = model._meta.get_field(column).max_length
        if len(value) > limit:
            raise ItemError(parsed.where, f"{name} is longer than {limit} characters")
