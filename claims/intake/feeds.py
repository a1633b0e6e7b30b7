"""Monitored news: the feeds the newsroom watches, polled politely for new articles
(docs/workflow.md, "The re-check").

- A poll is a conditional GET (`If-None-Match`, `If-Modified-Since`): a 304 means nothing new.
  Every address goes through `factcheck.lib.fetching` (SSRF rules, size cap, timeouts).
- One request per host per FEED_HOST_DELAY_SECONDS across every worker (the feed, and the
  articles found in it: `factcheck.lib.turns`); a run starts no request after its time budget.
- A feed that fails is polled again after a wait that doubles with each failure in a row, up to
  FEED_BACKOFF_MAX_HOURS; from FEED_FAILING_AFTER failures in a row it shows as failing.
- A new item is an article unless its canonical address is in already (imported, pasted with
  its address, logged by hand, from another feed). It is imported through intake
  (`run_import`): its text extracted, claims suggested ("From monitored news"), follow-ups found.
  An item that carries the whole article (FULL_TEXT_WORDS or more) is read from the feed; any
  other is fetched from its address.

Two runs at once never poll a feed twice: each feed is claimed before its poll by a conditional
UPDATE, and the claim lapses if its worker died.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext

from claims import roles
from claims.intake.dedupe import canonical_url, find_duplicate, find_running
from claims.intake.errors import IntakeError
from claims.intake.feedformats import FeedFormatError, FeedItem, read_feed
from claims.intake.imports import MONITORING_TURNS, run_import, source_for
from claims.models import ArticleImport, FollowUp, MonitoredFeed
from factcheck.lib import fetching, turns
from factcheck.lib.weburl import validate_web_url

USER_AGENT = "FactcheckWorkbench/1.0 (+news monitoring)"
# An item carrying this many words of text is the whole article, not a teaser.
FULL_TEXT_WORDS = 100


def policy() -> fetching.FetchPolicy:
    """The fetch policy for feeds: the FETCH_* limits, feed content types, the monitor's name."""
    return dataclasses.replace(
        fetching.FetchPolicy.from_settings(),
        content_types=fetching.FEED_TYPES,
        user_agent=USER_AGENT,
    )


@dataclasses.dataclass
class PollReport:
    """What a run did: feeds polled (and of them, failed), articles imported and follow-ups found,
    and the feeds left for the next run when its time was spent."""

    polled: int = 0
    new_articles: int = 0
    follow_ups: int = 0
    failed: int = 0
    left: int = 0

    def summary(self) -> str:
        return (
            f"polled {self.polled} feeds: new articles {self.new_articles}, "
            f"follow-ups {self.follow_ups}, failed {self.failed}"
        )


# --- Registering ------------------------------------------------------------------------------


def add_feed(url: str, *, source_name: str = "", language: str = "", by=None) -> MonitoredFeed:
    """Register a feed to monitor; its source is the one named, else the site's."""
    if by is not None and not by.has_perm("claims.add_monitoredfeed"):
        raise IntakeError(roles.refusal(by, gettext("add monitored feeds"), "add_monitoredfeed"))
    url = url.strip()
    try:
        validate_web_url(url)
    except ValidationError as error:
        raise IntakeError(" ".join(error.messages)) from error
    known = MonitoredFeed.objects.filter(url=url).first()
    if known is not None:
        raise IntakeError(
            gettext("%(url)s is monitored already (feed #%(id)s).") % {"url": url, "id": known.pk}
        )
    source = source_for(source_name, url)
    return MonitoredFeed.objects.create(
        url=url, source=source, language=(language or source.language)[:8]
    )


def poll_soon(chosen: QuerySet[MonitoredFeed]) -> int:
    """Put the feeds first in line: the next run polls them, whatever their back-off."""
    return chosen.update(next_poll_at=timezone.now())


# --- Which feeds, when --------------------------------------------------------------------------


def claim_lapse() -> dt.timedelta:
    """How old a claim on a feed must be to be taken as left by a dead worker."""
    limits = policy()
    return dt.timedelta(seconds=limits.total_timeout + limits.connect_timeout + 60)


def _unclaimed(now: dt.datetime) -> Q:
    return Q(poll_started_at__isnull=True) | Q(poll_started_at__lt=now - claim_lapse())


def due_feeds(now: dt.datetime | None = None) -> QuerySet[MonitoredFeed]:
    """Active feeds whose next poll has come, the longest waiting first."""
    now = now or timezone.now()
    return MonitoredFeed.objects.filter(active=True, next_poll_at__lte=now).order_by(
        "next_poll_at", "pk"
    )


def backoff(failures: int) -> dt.timedelta:
    """The wait before the next poll: the interval, doubled for each failure in a row, capped."""
    interval = dt.timedelta(minutes=settings.FEED_INTERVAL_MINUTES)
    longest = dt.timedelta(hours=settings.FEED_BACKOFF_MAX_HOURS)
    return min(interval * 2 ** min(failures, 30), longest)


# --- Polling ------------------------------------------------------------------------------------


def poll(
    feeds: QuerySet[MonitoredFeed] | None = None, *, budget: float | None = None
) -> PollReport:
    """Poll the feeds due (or `feeds`, due or not), import what is new, and say what was done.
    Imports a previous run left queued are run first; nothing is started after `budget`
    seconds, and what is left waits for the next run."""
    started, report = time.monotonic(), PollReport()

    def out_of_time() -> bool:
        return budget is not None and time.monotonic() - started >= budget

    _import_all(_left_queued(), report, out_of_time)
    now = timezone.now()
    chosen = list((due_feeds(now) if feeds is None else feeds).filter(_unclaimed(now)))
    for feed in chosen:
        if out_of_time() or not _take_turn(feed, started, budget):
            report.left += 1
            continue
        if not _claim(feed):
            continue  # another run has it
        imports = poll_feed(feed)
        report.polled += 1
        if imports is None:
            report.failed += 1
            continue
        _import_all(imports, report, out_of_time)
    return report


def poll_feed(feed: MonitoredFeed) -> list[ArticleImport] | None:
    """One conditional GET of the feed (its host's turn taken already), its new items queued as
    imports; None if the poll failed (kept on the feed, and the next poll put off)."""
    host = turns.host_of(feed.url)
    try:
        page = fetching.fetch(feed.url, policy=policy(), headers=_conditional(feed))
        items = [] if page.not_modified else read_feed(page.body)
    except (fetching.FetchError, FeedFormatError) as error:
        _failed(feed, str(error))
        return None
    finally:
        turns.end(host, scope=MONITORING_TURNS, delay=settings.FEED_HOST_DELAY_SECONDS)
    imports = queue_items(feed, items)
    _succeeded(feed, page)
    return imports


def queue_items(feed: MonitoredFeed, items: list[FeedItem]) -> list[ArticleImport]:
    """An import request for each item whose article is not in yet, newest first, at most
    FEED_ITEMS_PER_POLL, with the item's date and the feed's source; as every import, it makes its
    article only when it succeeds."""
    queued = []
    for item in items[: settings.FEED_ITEMS_PER_POLL]:
        if urlsplit(item.url).scheme.lower() not in ("http", "https"):
            continue
        if find_duplicate(url=item.url) or find_running(url=canonical_url(item.url)):
            continue  # in already, or being imported (an editor's import not run yet)
        try:
            with transaction.atomic():
                queued.append(_queue_item(feed, item))
        except IntegrityError:
            continue  # another run queued the same article a moment ago
    return queued


def _queue_item(feed: MonitoredFeed, item: FeedItem) -> ArticleImport:
    whole = _as_page(item) if item.content_words >= FULL_TEXT_WORDS else ""
    return ArticleImport.objects.create(
        requested_url=item.url[:2000],
        url=canonical_url(item.url),
        pasted=whole,
        source_name=feed.source.name,
        published_on=item.published,
        feed=feed,
    )


def _as_page(item: FeedItem) -> str:
    """The item's content as the page it is a part of, for extraction to read (a feed carries
    the article's HTML without a document around it)."""
    return (
        f"<html><head><title>{escape(item.title)}</title></head><body><article>"
        f"<h1>{escape(item.title)}</h1>{item.content}</article></body></html>"
    )


def _import_all(imports: list[ArticleImport], report: PollReport, out_of_time) -> None:
    """Run the imports until the time is spent; count the articles and their follow-ups."""
    done = []
    for queued in imports:
        if out_of_time():
            break
        ran = run_import(queued.pk)
        if ran.state == ArticleImport.State.DONE:
            done.append(ran.article_id)
    report.new_articles += len(done)
    report.follow_ups += FollowUp.objects.filter(article_id__in=done).count() if done else 0


def _left_queued() -> list[ArticleImport]:
    """Imports from feeds that an earlier run queued and had no time for."""
    return list(
        ArticleImport.objects.filter(feed__isnull=False, state=ArticleImport.State.QUEUED)
        .order_by("created_at", "pk")
        .only("pk")
    )


def _take_turn(feed: MonitoredFeed, started: float, budget: float | None) -> bool:
    """Wait for the feed's host to be free, no longer than the run's time (or one delay)."""
    delay = settings.FEED_HOST_DELAY_SECONDS
    longest = (
        delay if budget is None else max(0.0, min(delay, budget - (time.monotonic() - started)))
    )
    return turns.wait(turns.host_of(feed.url), scope=MONITORING_TURNS, delay=delay, longest=longest)


def _claim(feed: MonitoredFeed) -> bool:
    now = timezone.now()
    taken = MonitoredFeed.objects.filter(_unclaimed(now), pk=feed.pk).update(poll_started_at=now)
    return taken == 1


def _conditional(feed: MonitoredFeed) -> dict[str, str]:
    """The validators the last answer gave, sent back: the server answers 304 if nothing changed."""
    headers = {}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    return headers


def _succeeded(feed: MonitoredFeed, page: fetching.Fetched) -> None:
    now = timezone.now()
    state = {
        "etag": page.etag or feed.etag,
        "last_modified": page.last_modified or feed.last_modified,
        "failures_in_a_row": 0,
        "last_error": "",
        "last_polled_at": now,
        "next_poll_at": now + backoff(0),
        "poll_started_at": None,
    }
    _record(feed, state)


def _failed(feed: MonitoredFeed, error: str) -> None:
    now, failures = timezone.now(), feed.failures_in_a_row + 1
    state = {
        "failures_in_a_row": failures,
        "last_error": error[:500],
        "last_polled_at": now,
        "next_poll_at": now + backoff(failures),
        "poll_started_at": None,
    }
    _record(feed, state)


def _record(feed: MonitoredFeed, state: dict) -> None:
    MonitoredFeed.objects.filter(pk=feed.pk).update(**state)
    for name, value in state.items():
        setattr(feed, name, value)
