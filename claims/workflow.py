"""Every change of a claim's state goes through here.

Editorial life:  draft → in review → published → (retracted)
Time-bound life: watching → due → resolved, or extended back to watching with a new deadline.

Each transition checks who may make it and whether it is allowed now. A refused one raises a
`WorkflowError` whose message says why, and changes nothing. A published verdict is never
changed: publishing adds a row and moves the "current" mark to it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from claims import notifications, signals
from claims.deadlines import FoundDeadline, Precision, find_deadlines, format_day
from claims.models import (
    Article,
    Claim,
    Claimant,
    ClaimEvent,
    Correction,
    Notification,
    Rating,
    RatingScale,
    Verdict,
    format_deadline,
)
from factcheck.lib import page_cache
from factcheck.lib.bulk import insert_rows

User = AbstractUser


class WorkflowError(Exception):
    """A transition was refused; nothing was changed."""


class NotAllowed(WorkflowError):
    """The user's role does not allow this transition."""


class InvalidTransition(WorkflowError):
    """The claim is not in a state from which this transition can be made."""


class FourEyesViolation(NotAllowed):
    """Nobody publishes a verdict they wrote."""


class DeadlineBeforeArticle(WorkflowError):
    """A deadline cannot fall before the day the claim was made."""


class AlreadyImported(WorkflowError):
    """A fact-check with this review URL has been imported before."""


def _require(user: User, perm: str, doing: str) -> None:
    if not user.has_perm(f"claims.{perm}"):
        raise NotAllowed(f"{user} may not {doing}: it needs the '{perm}' permission.")


def _credit(*rows, by: User | None, why: str) -> None:
    """Say who makes the change about to be saved, and why, for its recorded history (the rows'
    `history` in claims.models): a worker has no request to tell it, and a reason reads better
    than a list of fields."""
    for row in rows:
        row._history_user = by
        row._change_reason = why[:100]


def _event(claim: Claim, kind: str, message: str, *, by=None, verdict=None, at=None) -> None:
    ClaimEvent.objects.create(
        claim=claim, kind=kind, message=message, actor=by, verdict=verdict, at=at or timezone.now()
    )


def _open_verdict(claim: Claim) -> Verdict | None:
    return claim.verdicts.filter(
        status__in=[Verdict.Status.DRAFT, Verdict.Status.SUBMITTED]
    ).first()


# --- Deadlines ----------------------------------------------------------------------------------


def read_deadline(quote: str, claim_article) -> FoundDeadline | None:
    """The deadline a claim's quote states, resolved against its article's date.

    The first dated expression wins; a vague one is returned only when nothing is dated.
    """
    if not quote or claim_article is None or claim_article.published_on is None:
        return None
    found = find_deadlines(
        quote,
        claim_article.published_on,
        claim_article.language or None,
        precision=Precision(claim_article.published_precision),
    )
    dated = [item for item in found if item.deadline is not None]
    return (dated or found or [None])[0]


def fill_deadline(claim: Claim) -> FoundDeadline | None:
    """Set the claim's deadline from its quote unless an editor has overridden it."""
    if claim.deadline_overridden:
        return None
    found = read_deadline(claim.quote, claim.article)
    claim.deadline = found.deadline if found else None
    claim.deadline_expression = found.expression if found else ""
    claim.deadline_explanation = found.explanation if found else ""
    claim.deadline_approximate = found.approximate if found else False
    return found


def check_deadline(claim: Claim) -> None:
    """Raise DeadlineBeforeArticle if the deadline precedes the article's date."""
    published = claim.article.published_on if claim.article_id else None
    if claim.deadline and published and claim.deadline < published:
        raise DeadlineBeforeArticle(
            f"the deadline {claim.deadline:%Y-%m-%d} is before the article's date "
            f"{published:%Y-%m-%d}"
        )


def _deadlines_read_again(article: Article):
    """The claims whose deadline follows the article's date: unpublished, read from the quote."""
    return article.claims.filter(
        status__in=[Claim.Status.DRAFT, Claim.Status.IN_REVIEW], deadline_overridden=False
    )


def check_article_date(article: Article) -> None:
    """Raise DeadlineBeforeArticle if the article's (new) date falls after the deadline of a claim
    that keeps its deadline (published, or set by an editor)."""
    if article.pk is None or article.published_on is None:
        return
    kept = article.claims.exclude(pk__in=_deadlines_read_again(article))
    early = kept.filter(deadline__lt=article.published_on).order_by("deadline", "pk").first()
    if early is not None:
        raise DeadlineBeforeArticle(
            f"claim #{early.pk} keeps its deadline {early.deadline:%Y-%m-%d}, which is before "
            f"{article.published_on:%Y-%m-%d}; extend or change that deadline first"
        )


@transaction.atomic
def redate_article(article: Article, *, by: User) -> int:
    """Save an article whose date (or its precision) `by` corrected. The deadlines its
    unpublished claims read from their quotes are read again against it; published and overridden
    ones stay, and must not fall before it (DeadlineBeforeArticle, nothing changed). Returns how
    many were read again."""
    check_article_date(article)
    claims = list(_deadlines_read_again(article))
    for claim in claims:
        claim.article = article
        fill_deadline(claim)
        _credit(claim, by=by, why="deadline read again: article date corrected")
        claim.save()
    _credit(article, by=by, why="date corrected")
    article.save()
    return len(claims)


# --- What may be done now -----------------------------------------------------------------------


def available_transitions(claim: Claim, user: User) -> list[str]:
    """The transitions `user` may make on `claim` now, for offering them as buttons.

    The transitions themselves check again: this list is a courtesy, not the guard.
    """
    open_verdict = _open_verdict(claim)
    draft = open_verdict is not None and open_verdict.status == Verdict.Status.DRAFT
    submitted = open_verdict is not None and open_verdict.status == Verdict.Status.SUBMITTED
    published = claim.status == Claim.Status.PUBLISHED
    tracked = published and claim.tracking in (Claim.Tracking.WATCHING, Claim.Tracking.DUE)
    rules = {
        "assign_to_me": (
            "submit_claim",
            claim.status != Claim.Status.RETRACTED and claim.reviewer_id != user.pk,
        ),
        "submit": (
            "submit_claim",
            draft and claim.status in (Claim.Status.DRAFT, Claim.Status.PUBLISHED),
        ),
        "publish": ("publish_claim", submitted and open_verdict.author_id != user.pk),
        "send_back": ("publish_claim", submitted),
        "resolve": ("resolve_claim", tracked and open_verdict is None),
        "extend": ("extend_deadline", tracked),
        "retract": ("retract_claim", published),
        "correct": ("correct_verdict", claim.is_public and _current_verdict(claim) is not None),
    }
    return [name for name, (perm, ok) in rules.items() if ok and user.has_perm(f"claims.{perm}")]


# --- Editorial transitions ----------------------------------------------------------------------


def check_can_draft(claim: Claim) -> None:
    """A new verdict may be drafted on any claim but a retracted one, which is closed."""
    if claim.status == Claim.Status.RETRACTED:
        raise InvalidTransition("the claim is retracted: it gets no new verdict.")


def record_created(claim: Claim, *, by: User) -> None:
    """Note on the timeline that a claim was logged (called once, after its first save)."""
    _event(claim, ClaimEvent.Kind.CREATED, "Logged.", by=by)


@transaction.atomic
def assign(claim: Claim, *, reviewer: User, by: User) -> None:
    """Make `reviewer` responsible for researching the claim and for its deadline reminders."""
    _require(by, "change_claim", "assign reviewers")
    if not reviewer.has_perm("claims.submit_claim"):
        raise NotAllowed(f"{reviewer} is not a reviewer and cannot be assigned a claim.")
    locked = Claim.objects.select_for_update().get(pk=claim.pk)
    if locked.status == Claim.Status.RETRACTED:
        raise InvalidTransition("a retracted claim has no reviewer to assign.")
    locked.reviewer = claim.reviewer = reviewer
    _credit(locked, by=by, why=f"assigned to {reviewer}")
    locked.save(update_fields=["reviewer", "updated_at"])
    _event(claim, ClaimEvent.Kind.ASSIGNED, f"Assigned to {reviewer}.", by=by)


@transaction.atomic
def submit(claim: Claim, *, by: User) -> Verdict:
    """Send the claim's draft verdict to a publisher for approval."""
    _require(by, "submit_claim", "submit verdicts for review")
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status not in (Claim.Status.DRAFT, Claim.Status.PUBLISHED):
        raise InvalidTransition(
            f"the claim is {claim.get_status_display()}; only a draft or a "
            "published claim can have a verdict submitted."
        )
    verdict = _open_verdict(claim)
    if verdict is None or verdict.status != Verdict.Status.DRAFT:
        raise InvalidTransition("there is no draft verdict to submit: write one first.")
    verdict.status = Verdict.Status.SUBMITTED
    _credit(verdict, claim, by=by, why="submitted for review")
    verdict.save(update_fields=["status"])
    if claim.status == Claim.Status.DRAFT:
        claim.status = Claim.Status.IN_REVIEW
        claim.save(update_fields=["status", "updated_at"])
    _event(
        claim,
        ClaimEvent.Kind.SUBMITTED,
        f"Verdict '{verdict.rating}' submitted.",
        by=by,
        verdict=verdict,
    )
    return verdict


@transaction.atomic
def send_back(claim: Claim, *, by: User, reason: str) -> None:
    """A publisher returns a submitted verdict to its author as a draft."""
    _require(by, "publish_claim", "send verdicts back")
    if not reason.strip():
        raise WorkflowError("say why the verdict goes back, so its author can mend it.")
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    verdict = _open_verdict(claim)
    if verdict is None or verdict.status != Verdict.Status.SUBMITTED:
        raise InvalidTransition("there is no submitted verdict to send back.")
    verdict.status = Verdict.Status.DRAFT
    _credit(verdict, claim, by=by, why=f"sent back: {reason.strip()}")
    verdict.save(update_fields=["status"])
    if claim.status == Claim.Status.IN_REVIEW:
        claim.status = Claim.Status.DRAFT
        claim.save(update_fields=["status", "updated_at"])
    _event(claim, ClaimEvent.Kind.SENT_BACK, reason.strip(), by=by, verdict=verdict)


def _tracking_after(claim: Claim, rating: Rating) -> str:
    if claim.deadline is None:
        return Claim.Tracking.NONE
    if rating.is_final:
        return Claim.Tracking.RESOLVED
    # A pending verdict on a claim already due keeps it due: the outcome is still owed.
    if claim.tracking == Claim.Tracking.DUE:
        return Claim.Tracking.DUE
    return Claim.Tracking.WATCHING


@transaction.atomic
def publish(claim: Claim, *, by: User, at: dt.datetime | None = None) -> Verdict:
    """Approve the submitted verdict and make it the claim's current one."""
    _require(by, "publish_claim", "publish verdicts")
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status not in (Claim.Status.IN_REVIEW, Claim.Status.PUBLISHED):
        raise InvalidTransition(f"the claim is {claim.get_status_display()}; submit it first.")
    verdict = _open_verdict(claim)
    if verdict is None or verdict.status != Verdict.Status.SUBMITTED:
        raise InvalidTransition("there is no submitted verdict to publish.")
    if verdict.author_id == by.pk:
        raise FourEyesViolation(f"{by} wrote this verdict and cannot also approve it.")
    at = at or timezone.now()
    claim.verdicts.filter(is_current=True).update(is_current=False)
    verdict.status, verdict.approver, verdict.published_at = Verdict.Status.PUBLISHED, by, at
    verdict.is_current = True
    _credit(verdict, claim, by=by, why="published")
    verdict.save(update_fields=["status", "approver", "published_at", "is_current"])

    was_tracking = claim.tracking
    claim.status = Claim.Status.PUBLISHED
    claim.tracking = _tracking_after(claim, verdict.rating)
    claim.first_published_at = claim.first_published_at or at
    if claim.tracking != Claim.Tracking.DUE:
        claim.due_since = None
    claim.save(
        update_fields=["status", "tracking", "first_published_at", "due_since", "updated_at"]
    )

    resolved = claim.tracking == Claim.Tracking.RESOLVED and was_tracking != Claim.Tracking.RESOLVED
    kind = ClaimEvent.Kind.RESOLVED if resolved else ClaimEvent.Kind.PUBLISHED
    message = f"Rated '{verdict.rating}': {verdict.summary}"
    if verdict.rating.slug == "pending" and claim.deadline:
        message = f"Pending until {claim.deadline_display}: {verdict.summary}"
    _event(claim, kind, message, by=by, verdict=verdict, at=at)
    signals.verdict_published.send(sender=Claim, claim=claim, verdict=verdict, at=at)
    if resolved:
        signals.claim_resolved.send(sender=Claim, claim=claim, verdict=verdict, at=at)
    return verdict


@transaction.atomic
def retract(claim: Claim, *, by: User, reason: str) -> None:
    """Withdraw a published claim. Its verdicts stay; its page says it was retracted and why."""
    _require(by, "retract_claim", "retract claims")
    if not reason.strip():
        raise WorkflowError("a retraction needs its reason: the public page shows it.")
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status != Claim.Status.PUBLISHED:
        raise InvalidTransition(
            f"only a published claim can be retracted; this one is {claim.get_status_display()}."
        )
    claim.status = Claim.Status.RETRACTED
    claim.retraction_reason = reason.strip()
    claim.retracted_at = timezone.now()
    _credit(claim, by=by, why="retracted")
    claim.save(update_fields=["status", "retraction_reason", "retracted_at", "updated_at"])
    _event(claim, ClaimEvent.Kind.RETRACTED, claim.retraction_reason, by=by)


def _current_verdict(claim: Claim) -> Verdict | None:
    return claim.verdicts.filter(is_current=True).first()


@transaction.atomic
def correct(claim: Claim, *, by: User, note: str, at: dt.datetime | None = None) -> Correction:
    """Issue a correction to the claim's current verdict: the verdict stays as it was published,
    and the note, dated, is shown with it and announced (the IFCN code of principles)."""
    _require(by, "correct_verdict", "issue corrections")
    if not note.strip():
        raise WorkflowError(
            "a correction needs its note: readers see what was wrong and what is right."
        )
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    verdict = _current_verdict(claim) if claim.is_public else None
    if verdict is None:
        raise InvalidTransition(
            f"the claim is {claim.get_status_display()} with no published verdict to correct."
        )
    at = at or timezone.now()
    correction = Correction.objects.create(
        verdict=verdict, note=note.strip(), issued_at=at, issued_by=by
    )
    _event(claim, ClaimEvent.Kind.CORRECTED, correction.note, by=by, verdict=verdict, at=at)
    signals.verdict_corrected.send(
        sender=Claim, claim=claim, verdict=verdict, correction=correction, at=at
    )
    return correction


# --- Imported fact-checks -----------------------------------------------------------------------

# Who "wrote" an imported verdict: nobody here did. An inactive user without a password stands in
# for the outside newsroom (named on the verdict), so the importer is its approver, four eyes apart.
IMPORT_AUTHOR = "claimreview-import"


@dataclass(frozen=True)
class ImportedReview:
    """Another organisation's published fact-check, with its article, appearances and claimant
    already found or made (see claims.claimreview_import)."""

    review_url: str
    origin_name: str
    origin_url: str
    statement: str
    article: Article
    appearances: tuple[Article, ...]
    claimant: Claimant | None
    rating: Rating
    original_rating_label: str
    summary: str
    explanation: str
    first_published_at: dt.datetime
    published_at: dt.datetime


def _import_author() -> User:
    author, created = get_user_model().objects.get_or_create(
        username=IMPORT_AUTHOR, defaults={"is_active": False, "first_name": "Imported"}
    )
    if created:
        author.set_unusable_password()
        author.save(update_fields=["password"])
    return author


def check_may_import_reviews(by: User) -> None:
    """Putting other organisations' fact-checks on this site is a publisher's decision."""
    _require(by, "publish_claim", "import published fact-checks")


@transaction.atomic
def import_review(review: ImportedReview, *, by: User) -> Verdict:
    """Publish another organisation's fact-check here: a published claim whose current verdict is
    that review, as its publisher rated it.

    It skips the editorial review because it was published by its own newsroom; putting it on
    this site is a publisher's decision (`publish_claim`), and `by` is recorded as its approver.
    Raises AlreadyImported, changing nothing, if its review URL is known already.
    """
    check_may_import_reviews(by)
    if Verdict.objects.filter(review_url=review.review_url).exists():
        raise AlreadyImported(f"the review {review.review_url} has been imported already.")
    claim = Claim(
        statement=review.statement,
        article=review.article,
        claimant=review.claimant,
        status=Claim.Status.PUBLISHED,
        first_published_at=review.first_published_at,
        created_by=by,
    )
    _credit(claim, by=by, why=f"imported from {review.origin_name}")
    claim.save()
    claim.appearances.set(review.appearances)
    verdict = Verdict(
        claim=claim,
        rating=review.rating,
        summary=review.summary,
        explanation=review.explanation,
        status=Verdict.Status.PUBLISHED,
        is_current=True,
        author=_import_author(),
        approver=by,
        published_at=review.published_at,
        review_url=review.review_url,
        origin_name=review.origin_name,
        origin_url=review.origin_url,
        original_rating_label=review.original_rating_label,
    )
    _credit(verdict, by=by, why=f"imported from {review.origin_name}")
    verdict.save()
    label = review.original_rating_label or review.rating.label
    published = format_day(timezone.localdate(review.published_at))
    _event(
        claim,
        ClaimEvent.Kind.IMPORTED,
        f"{review.origin_name} rated it '{label}' on {published}.",
        by=by,
        verdict=verdict,
    )
    return verdict


# --- Deadline transitions -----------------------------------------------------------------------


@transaction.atomic
def resolve(
    claim: Claim,
    *,
    by: User,
    rating: Rating,
    note: str,
    checked_on: dt.date | None = None,
) -> Verdict:
    """Record a time-bound claim's outcome as a verdict submitted for a publisher's approval."""
    _require(by, "resolve_claim", "record outcomes")
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status != Claim.Status.PUBLISHED or claim.tracking not in (
        Claim.Tracking.DUE,
        Claim.Tracking.WATCHING,
    ):
        raise InvalidTransition("only a published claim that is watched or due can be resolved.")
    if not (rating.is_final and rating.scale == RatingScale.PROMISE):
        raise WorkflowError(
            f"'{rating}' is not an outcome; choose fulfilled, partly fulfilled, "
            "not fulfilled or unverifiable."
        )
    if not note.strip():
        raise WorkflowError("an outcome needs a note saying what happened.")
    if _open_verdict(claim) is not None:
        raise InvalidTransition("this claim already has a verdict in the works; finish it first.")
    verdict = Verdict(
        claim=claim,
        rating=rating,
        summary=note.strip()[:500],
        author=by,
        status=Verdict.Status.SUBMITTED,
        checked_on=checked_on,
    )
    _credit(verdict, by=by, why="outcome recorded")
    verdict.save()
    _event(
        claim, ClaimEvent.Kind.SUBMITTED, f"Outcome '{rating}' submitted.", by=by, verdict=verdict
    )
    return verdict


@transaction.atomic
def extend(claim: Claim, *, by: User, new_deadline: dt.date, reason: str) -> None:
    """Give a watched or due claim a later deadline; it goes back to watching."""
    _require(by, "extend_deadline", "extend deadlines")
    if not reason.strip():
        raise WorkflowError("an extension needs its reason (e.g. the new date that was announced).")
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.tracking not in (Claim.Tracking.WATCHING, Claim.Tracking.DUE):
        raise InvalidTransition("only a watched or due claim can have its deadline extended.")
    if new_deadline <= claim.deadline:
        raise WorkflowError(
            f"the new deadline {new_deadline:%Y-%m-%d} must be after the "
            f"current one, {claim.deadline:%Y-%m-%d}."
        )
    old = claim.deadline_display
    claim.deadline = new_deadline
    claim.deadline_approximate = False
    claim.deadline_overridden = True
    claim.deadline_explanation = f"Extended from {old}: {reason.strip()}"[:400]
    claim.tracking = Claim.Tracking.WATCHING
    claim.due_since = None
    _credit(claim, by=by, why="deadline extended")
    claim.save()
    _event(
        claim,
        ClaimEvent.Kind.EXTENDED,
        f"Deadline moved from {old} to {claim.deadline_display}: {reason.strip()}",
        by=by,
    )


# Claims flipped per transaction: big enough that the per-batch cost (lock, insert statements)
# is spread thin, small enough that a batch holds its row locks for well under a second.
SWEEP_BATCH_SIZE = 5000


@dataclass(frozen=True)
class SweepResult:
    marked_due: int
    reminders: int


def sweep(*, as_of: dt.date | None = None, batch_size: int = SWEEP_BATCH_SIZE) -> SweepResult:
    """Mark every watched claim whose deadline has passed as due, and queue reminders.

    Safe to run on several workers at once: each batch locks its rows (SKIP LOCKED) and flips
    only those still watching, in one transaction with their timeline entries and outbox e-mails,
    so a claim is flipped and announced exactly once, and a sweep killed half-way leaves whole
    batches behind that the next run completes.
    """
    as_of = as_of or timezone.localdate()
    marked = 0
    while flipped := _mark_due_batch(as_of, batch_size):
        marked += flipped
    return SweepResult(marked_due=marked, reminders=queue_reminders(as_of=as_of))


def mark_due(claim: Claim, *, as_of: dt.date) -> bool:
    """Mark one claim due if its deadline passed before `as_of`; True only for the call that did."""
    return _mark_due_batch(as_of, 1, only=claim.pk) == 1


@transaction.atomic
def _mark_due_batch(as_of: dt.date, batch_size: int, only: int | None = None) -> int:
    pending = Claim.objects.past_deadline(as_of)
    if only is not None:
        pending = pending.filter(pk=only)
    due = list(
        pending.select_for_update(skip_locked=True)
        .order_by("deadline", "pk")
        .values_list("pk", "deadline", "deadline_approximate")[:batch_size]
    )
    if not due:
        return 0
    now = timezone.now()
    # Filtered on "still watching" again: on a database without row locks this is the guard.
    flipped = pending.filter(pk__in=[pk for pk, _, _ in due]).update(
        tracking=Claim.Tracking.DUE, due_since=now, updated_at=now
    )
    # Set-based inserts: this is the sweep's hot path (see docs/scaling.md).
    insert_rows(
        ClaimEvent,
        ["claim", "kind", "at", "message"],
        (
            (
                pk,
                ClaimEvent.Kind.FELL_DUE,
                now,
                f"The deadline, {format_deadline(deadline, approximate)}, has passed: "
                "awaiting re-check.",
            )
            for pk, deadline, approximate in due
        ),
    )
    insert_rows(
        Notification,
        ["claim", "kind", "deadline", "created_at"],
        ((pk, Notification.Kind.FELL_DUE, deadline, now) for pk, deadline, _ in due),
    )
    # Once per batch, not per claim: receivers write their rows set-based too.
    signals.claims_fell_due.send(sender=Claim, claim_ids=[pk for pk, _, _ in due], at=now)
    page_cache.invalidate()  # the bulk writes above send no signals
    return flipped


def queue_reminders(*, as_of: dt.date) -> int:
    """Queue one reminder per watched claim whose deadline is within the reminder window."""
    days = notifications.reminder_days()
    if days <= 0:
        return 0
    already_reminded = Notification.objects.filter(
        claim=OuterRef("pk"), kind=Notification.Kind.REMINDER, deadline=OuterRef("deadline")
    )
    upcoming = (
        Claim.objects.watching()
        .filter(deadline__gte=as_of, deadline__lte=as_of + dt.timedelta(days=days))
        .filter(~Exists(already_reminded))
    )
    queued = 0
    for claim in upcoming:
        try:
            with transaction.atomic():
                Notification.objects.create(
                    claim=claim, kind=Notification.Kind.REMINDER, deadline=claim.deadline
                )
            queued += 1
        except IntegrityError:
            pass  # another sweep queued it first: that is the "once" holding
    return queued
