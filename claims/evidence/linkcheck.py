"""Link health: which evidence links are due for a check, checking them politely, and what an
answer means for the link (docs/workflow.md, "Link health").

- A working answer (a status below 400, after redirects) marks the link working and clears its
  failures.
- An error status, or no answer (unknown host, refused connection, timeout), is a failure. After
  LINK_CHECK_BROKEN_AFTER failures in a row the link is broken, since the first of them; before
  that, readers see what they saw, and the link is checked again after LINK_CHECK_RETRY_HOURS
  instead of LINK_CHECK_INTERVAL_HOURS.
- An address the workbench may not open (a private network, at once or after a redirect) is
  "address refused": neither working nor broken.

Politeness: one check per host per LINK_CHECK_HOST_DELAY_SECONDS across every worker, counted
from the end of the last check, by a token in the shared cache; a run takes one link of each host
in turn, so that a slow host, or one with many links, does not hold up the others, and stops
starting checks when its time is spent. A check is a HEAD, a GET when HEAD is refused, and their
redirects (`fetching.probe`).

Two runs at once never check a link twice for the same moment: each link is claimed just before
its check by a conditional UPDATE on the last check's time it was read with, and the claim is
cleared when the result is recorded (or lapses, if the worker died).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections import deque
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from claims.models import Evidence, LinkCheck
from factcheck.lib import fetching, page_cache, turns
from factcheck.lib.fetching import FetchError, FetchPolicy, LinkStatus, RefusedURL

Health = Evidence.LinkHealth
Outcome = LinkCheck.Outcome
USER_AGENT = "FactcheckWorkbench/1.0 (+evidence link check)"
TURNS = "linkcheck"  # the scope of the link checker's turns per host
# When every host left is waiting for its turn, the run asks again after this long.
POLL_SECONDS = 0.2


def policy() -> FetchPolicy:
    """The fetch policy (addresses, timeouts) under the link checker's own name."""
    return dataclasses.replace(FetchPolicy.from_settings(), user_agent=USER_AGENT)


def claim_lapse() -> dt.timedelta:
    """How old a claim must be to be taken as left by a dead worker: longer than a check can last
    (the overall limit, which is looked at before each hop, plus one more hop)."""
    limits = policy()
    return dt.timedelta(
        seconds=limits.total_timeout + limits.connect_timeout + limits.read_timeout + 60
    )


def unclaimed(now: dt.datetime) -> Q:
    return Q(link_check_started_at__isnull=True) | Q(link_check_started_at__lt=now - claim_lapse())


def due(now: dt.datetime | None = None) -> QuerySet[Evidence]:
    """Evidence whose link should be checked now, the longest unchecked first (never first)."""
    now = now or timezone.now()
    interval = dt.timedelta(hours=settings.LINK_CHECK_INTERVAL_HOURS)
    retry = dt.timedelta(hours=settings.LINK_CHECK_RETRY_HOURS)
    suspect = Q(link_failures__gt=0, link_failures__lt=settings.LINK_CHECK_BROKEN_AFTER)
    return oldest_first(
        Evidence.objects.filter(
            Q(link_checked_at__isnull=True)
            | Q(link_checked_at__lte=now - interval)
            | (suspect & Q(link_checked_at__lte=now - retry))
        )
    )


def oldest_first(links: QuerySet[Evidence]) -> QuerySet[Evidence]:
    return links.order_by(F("link_checked_at").asc(nulls_first=True), "pk")


# --- What an answer means ------------------------------------------------------------------------


def judge(answer: LinkStatus | None, error: FetchError | None) -> str:
    """The outcome of a check: its answer, or the error that stopped it."""
    if isinstance(error, RefusedURL):
        return Outcome.REFUSED
    if error is not None or answer is None or not answer.ok:
        return Outcome.FAILED
    return Outcome.OK


@dataclasses.dataclass(frozen=True)
class LinkState:
    """What evidence keeps of its link's checks."""

    health: str
    failures: int = 0
    failing_since: dt.datetime | None = None

    def after(self, outcome: str, at: dt.datetime, *, broken_after: int) -> LinkState:
        """The state after a check at `at` with this outcome."""
        if outcome == Outcome.OK:
            return LinkState(Health.OK)
        if outcome == Outcome.REFUSED:
            return LinkState(Health.REFUSED)
        failures, since = self.failures + 1, self.failing_since or at
        # One failure may be the site's bad minute: readers see no change until it is confirmed.
        health = Health.BROKEN if failures >= broken_after else self.health
        return LinkState(health, failures, since)


def describe(answer: LinkStatus | None, error: FetchError | None) -> str:
    """Why a check failed, in words an editor understands; empty when it did not."""
    if error is not None:
        return str(error)[:300]
    if answer is not None and not answer.ok:
        answered = f"{answer.status} {answer.reason}".strip()
        return _("The site answered “%(answer)s”.") % {"answer": answered}
    return ""


# --- Checking -------------------------------------------------------------------------------------


def check_link(evidence: Evidence, *, limits: FetchPolicy | None = None) -> LinkCheck | None:
    """Claim, check and record one link now; None if another run holds it or has checked it since
    `evidence` was read. Takes no turn of its host: `run` does that. Why it failed is kept in
    the site's language, whoever reads it later."""
    if not _claim(evidence):
        return None
    with translation.override(settings.LANGUAGE_CODE):
        return _check(evidence, limits)


def _check(evidence: Evidence, limits: FetchPolicy | None) -> LinkCheck:
    """Check the claimed link and record it; let it go again if anything stops that."""
    try:
        at, clock = timezone.now(), time.monotonic()
        answer, error = None, None
        try:
            answer = fetching.probe(evidence.url, policy=limits or policy())
        except FetchError as failure:
            error = failure
        return record(
            evidence, answer, error, at=at, duration_ms=round((time.monotonic() - clock) * 1000)
        )
    except BaseException:
        Evidence.objects.filter(pk=evidence.pk).update(link_check_started_at=None)
        raise


def record(
    evidence: Evidence,
    answer: LinkStatus | None,
    error: FetchError | None,
    *,
    at: dt.datetime,
    duration_ms: int = 0,
) -> LinkCheck:
    """Keep a check in the link's history and move the evidence's state on; release its claim."""
    outcome = judge(answer, error)
    before = LinkState(evidence.link_health, evidence.link_failures, evidence.link_failing_since)
    after = before.after(outcome, at, broken_after=settings.LINK_CHECK_BROKEN_AFTER)
    with transaction.atomic():
        check = LinkCheck.objects.create(
            evidence=evidence,
            checked_at=at,
            url=evidence.url,
            outcome=outcome,
            status_code=answer.status if answer else None,
            method=answer.method if answer else "",
            error=describe(answer, error),
            final_url=answer.url if answer and answer.url != evidence.url else "",
            duration_ms=duration_ms,
        )
        state = {
            "link_health": after.health,
            "link_failures": after.failures,
            "link_failing_since": after.failing_since,
            "link_checked_at": at,
            "link_check_started_at": None,
        }
        # Only if the address is still the one checked: a new address starts unchecked.
        if Evidence.objects.filter(pk=evidence.pk, url=evidence.url).update(**state):
            for name, value in state.items():
                setattr(evidence, name, value)
            # update() sends no signal: the public pages are told when what they show changes.
            if after.health != before.health:
                page_cache.invalidate()
    return check


def _claim(evidence: Evidence) -> bool:
    """Mark the link as being checked, unless another run holds it or checked it since it was
    read (its last check's time has moved): exactly one run gets each check."""
    now = timezone.now()
    return (
        Evidence.objects.filter(unclaimed(now))
        .filter(pk=evidence.pk, link_checked_at=evidence.link_checked_at)
        .update(link_check_started_at=now)
        == 1
    )


def host_of(url: str) -> str:
    return turns.host_of(url)


def take_turn(host: str) -> bool:
    """Whether a link on `host` may be checked now: one check per host per
    LINK_CHECK_HOST_DELAY_SECONDS across every worker (factcheck/lib/turns.py)."""
    return turns.take(host, scope=TURNS, delay=host_delay())


def end_turn(host: str) -> None:
    """Renew the host's token as a check of it ends: the next check starts a full delay after
    this one ended, however long it took."""
    turns.end(host, scope=TURNS, delay=host_delay())


def host_delay() -> int:
    """The least wait between two requests to one host, in seconds (at least one)."""
    return max(1, settings.LINK_CHECK_HOST_DELAY_SECONDS)


@dataclasses.dataclass
class RunReport:
    """What a run checked; the links it left for the next run when its time was spent, and those
    it skipped because another run held them or had checked them meanwhile."""

    checks: list[LinkCheck] = dataclasses.field(default_factory=list)
    left: int = 0
    skipped: int = 0

    def counts(self) -> dict[str, int]:
        outcomes = [check.outcome for check in self.checks]
        return {
            "checked": len(outcomes),
            **{outcome.value: outcomes.count(outcome) for outcome in Outcome},
            "skipped": self.skipped,
            "left": self.left,
        }


def run(
    links: QuerySet[Evidence] | None = None,
    *,
    limit: int | None = None,
    budget: float | None = None,
) -> RunReport:
    """Check the links due (or every link in `links`, due or not), at most `limit` of them, oldest
    first, hosts in turn; start no check after `budget` seconds."""
    now = timezone.now()
    chosen = due(now) if links is None else oldest_first(links)
    chosen = chosen.filter(unclaimed(now))
    queues = _by_host(chosen[:limit] if limit else chosen)
    limits, started, report = policy(), time.monotonic(), RunReport()

    def out_of_time() -> bool:
        return budget is not None and time.monotonic() - started >= budget

    while queues and not out_of_time():
        waiting = True
        for host in list(queues):
            if out_of_time():
                break
            if not take_turn(host):
                continue
            waiting = False
            evidence = queues[host].popleft()
            if not queues[host]:
                del queues[host]
            check = check_link(evidence, limits=limits)
            if check is None:
                report.skipped += 1
            else:
                end_turn(host)
                report.checks.append(check)
        if waiting:
            time.sleep(POLL_SECONDS)
    report.left = sum(len(queue) for queue in queues.values())
    return report


def _by_host(links: Iterable[Evidence]) -> dict[str, deque[Evidence]]:
    """The links in their order, queued by host; hosts in the order of their first link."""
    queues: dict[str, deque[Evidence]] = {}
    for evidence in links:
        queues.setdefault(host_of(evidence.url), deque()).append(evidence)
    return queues


# --- The reviewer's queue -------------------------------------------------------------------------


def broken_links(user: AbstractBaseUser) -> QuerySet[Evidence]:
    """Evidence whose link is broken, the longest broken first: a reviewer's own claims before the
    rest; a publisher, who answers for every claim, sees them all alike."""
    links = Evidence.objects.filter(link_health=Health.BROKEN).select_related("claim__reviewer")
    order = ["link_failing_since", "pk"]
    if not user.has_perm("claims.publish_claim"):
        links = links.annotate(
            not_mine=Case(
                When(claim__reviewer=user.pk, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        order.insert(0, "not_mine")
    return links.order_by(*order)
