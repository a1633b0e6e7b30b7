"""Evidence snapshots: when evidence is attached, its page is fetched once (through
`factcheck.lib.fetching`) and a readable copy kept: the title and main text (trafilatura, never
the page's HTML or scripts), what the site answered, where redirects led, the SHA-256 of the
bytes it sent, and when; the text cut at SNAPSHOT_MAX_CHARS. Readers get the copy on our own
page when the link breaks (docs/workflow.md, "Evidence snapshots").

A fetch that fails keeps its reason and is tried again after SNAPSHOT_RETRY_HOURS, at most
SNAPSHOT_ATTEMPTS times in all. Requests keep to the link checker's turns per host.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import time

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from claims.evidence import linkcheck
from claims.intake import extraction
from claims.models import Evidence, EvidenceSnapshot
from factcheck.lib import fetching, turns

USER_AGENT = "FactcheckWorkbench/1.0 (+evidence snapshot)"


def policy() -> fetching.FetchPolicy:
    return dataclasses.replace(fetching.FetchPolicy.from_settings(), user_agent=USER_AGENT)


def owed(now: dt.datetime | None = None) -> QuerySet[Evidence]:
    """Evidence whose page has no copy yet: never fetched, or failed and due for another try."""
    now = now or timezone.now()
    retry = now - dt.timedelta(hours=settings.SNAPSHOT_RETRY_HOURS)
    failed_again = Q(
        snapshot__error__gt="",
        snapshot__attempts__lt=settings.SNAPSHOT_ATTEMPTS,
        snapshot__fetched_at__lte=retry,
    )
    return Evidence.objects.filter(Q(snapshot__isnull=True) | failed_again).order_by(
        "added_at", "pk"
    )


@dataclasses.dataclass(frozen=True)
class Copy:
    """What a fetch kept of a page."""

    title: str = ""
    text: str = ""
    truncated: bool = False
    http_status: int | None = None
    final_url: str = ""
    sha256: str = ""
    error: str = ""


def read_page(url: str) -> Copy:
    """Fetch `url` and keep its readable text; the error in words if it could not be fetched."""
    try:
        page = fetching.fetch(url, policy=policy())
    except fetching.FetchError as error:
        return Copy(error=str(error)[:300])
    if page.content_type == "text/plain":
        title, text = "", page.text()
    else:
        found = extraction.read_html(page.text(), url=page.url)
        title, text = found.headline, found.text
    limit = settings.SNAPSHOT_MAX_CHARS
    return Copy(
        title=title[:500],
        text=text[:limit],
        truncated=len(text) > limit,
        http_status=page.status,
        final_url=page.url if page.url != url else "",
        sha256=hashlib.sha256(page.body).hexdigest(),
        error="" if text.strip() else "No readable text was found on the page.",
    )


def take(evidence: Evidence) -> EvidenceSnapshot | None:
    """Fetch the evidence's page and keep the copy (a failure counts as an attempt); None if the
    evidence's address changed meanwhile or another run kept a copy first."""
    copy = read_page(evidence.url)
    values = {
        **dataclasses.asdict(copy),
        "url": evidence.url,
        "fetched_at": timezone.now(),
    }
    try:
        with transaction.atomic():
            if not Evidence.objects.filter(pk=evidence.pk, url=evidence.url).exists():
                return None
            stored = EvidenceSnapshot.objects.filter(evidence=evidence).first()
            if stored is None:
                return EvidenceSnapshot.objects.create(evidence=evidence, **values)
            if stored.ok:
                return None  # kept once
            EvidenceSnapshot.objects.filter(pk=stored.pk).update(
                attempts=F("attempts") + 1, **values
            )
            stored.refresh_from_db()
            return stored
    except IntegrityError:
        return None  # another run created it a moment ago


@dataclasses.dataclass
class RunReport:
    kept: int = 0
    failed: int = 0
    left: int = 0

    def summary(self) -> str:
        return f"snapshots taken {self.kept}, failed {self.failed}, left {self.left}"


def run(
    links: QuerySet[Evidence] | None = None,
    *,
    limit: int | None = None,
    budget: float | None = None,
) -> RunReport:
    """Take the snapshots owed (of `links` if given), oldest first, at most `limit`, in each
    host's turn; start none after `budget` seconds."""
    chosen = owed() if links is None else owed().filter(pk__in=links.values("pk"))
    chosen = list(chosen[:limit] if limit else chosen)
    started, report = time.monotonic(), RunReport()
    for index, evidence in enumerate(chosen):
        elapsed = time.monotonic() - started
        if budget is not None and elapsed >= budget:
            report.left = len(chosen) - index
            break
        host, delay = turns.host_of(evidence.url), linkcheck.host_delay()
        # The link checker's turns: one request per host per delay, a check or a snapshot.
        turns.wait(host, scope=linkcheck.TURNS, delay=delay, longest=delay)
        try:
            snapshot = take(evidence)
        finally:
            linkcheck.end_turn(host)
        if snapshot is not None and snapshot.ok:
            report.kept += 1
        elif snapshot is not None:
            report.failed += 1
    return report


def on_evidence_saved(sender, *, instance: Evidence, created: bool, **kwargs) -> None:
    """Evidence was attached (however: the admin, the API, an approved proposal, a follow-up):
    once that is committed, ask a worker for the snapshots owed. robust: a broker that is down
    leaves them owed, and beat's next run takes them."""
    if not created:
        return
    from claims import tasks

    transaction.on_commit(tasks.snapshot_evidence.delay, robust=True)
