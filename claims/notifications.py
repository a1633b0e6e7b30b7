"""E-mails about deadlines: owed in the outbox (`Notification` rows), composed (in each
addressee's language) and sent.

The row is written inside the transaction that changes the claim, the e-mail composed and sent
afterwards, so a crash between the two loses nothing: the next delivery run sends what is unsent.

What is promised (docs/operations.md, "E-mails and webhooks"): every e-mail owed is sent, and no
two live senders ever send the same one. A sender first *claims* its row, in a transaction of its
own that commits one more attempt and a lease (`claimed_until`, OUTBOX_LEASE_SECONDS ahead), then
sends it, then marks it sent; no other sender takes a leased row. A sender killed while sending
leaves its row leased, and it is sent again once the lease has run out. So one e-mail can arrive
twice only if its sender dies (or loses the database) in the moment between the mail server
accepting it and the row being marked sent; it carries the same Message-ID both times, derived
from the row, so that mail programs can tell it is the same message.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from claims import roles
from claims.models import Claim, Notification, StaffProfile, format_deadline
from factcheck.lib.draining import Run, backoff, drain

logger = logging.getLogger(__name__)

# Refusals of one e-mail (its recipients, its content): it waits and is tried again, and the run
# goes on with the next. Anything else (the server down, the login refused) ends the run.
REFUSED = (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError, ValueError)
# The wait after a refused e-mail, doubled after each further refusal, in seconds.
RETRY_BASE_SECONDS, RETRY_MAX_SECONDS = 60, 3600


def reminder_days() -> int:
    return settings.DEADLINE_REMINDER_DAYS


def recipients(claim: Claim) -> list[AbstractUser]:
    """The claim's reviewer, or every reviewer when it has none (those with an address)."""
    if claim.reviewer and claim.reviewer.email:
        return [claim.reviewer]
    reviewers = (
        get_user_model()
        .objects.filter(groups__name=roles.REVIEWERS, is_active=True)
        .exclude(email="")
        .select_related("staff_profile")
        .distinct()
    )
    return list(reviewers.order_by("email"))


def addressees(notification: Notification) -> dict[str, list[str]]:
    """Whom an e-mail owed goes to, by the language each reads (their profile's, else the
    site's): the person a note mentions, or the claim's reviewer(s)."""
    if notification.kind == Notification.Kind.MENTION:
        person = notification.recipient
        people = [person] if person is not None and person.email else []
    else:
        people = recipients(notification.claim)
    by_language: dict[str, list[str]] = {}
    for person in people:
        by_language.setdefault(language_of(person), []).append(person.email)
    return {language: sorted(set(to)) for language, to in sorted(by_language.items())}


def language_of(person: AbstractUser) -> str:
    """The language `person` chose (fetched with them), else the site's."""
    try:
        chosen = person.staff_profile.language
    except StaffProfile.DoesNotExist:
        chosen = ""
    return chosen or settings.LANGUAGE_CODE


def compose(notification: Notification) -> tuple[str, str]:
    """The e-mail's subject and body, in the language being spoken, for the deadline the
    notification was owed for, or the note that mentioned its addressee."""
    claim = notification.claim
    if notification.kind == Notification.Kind.MENTION:
        return _mention(notification)
    words = {
        "deadline": format_deadline(notification.deadline, claim.deadline_approximate),
        "claim": claim.statement,
        "link": settings.SITE_URL + reverse("admin:claims_claim_change", args=[claim.pk]),
    }
    if notification.kind == Notification.Kind.FELL_DUE:
        return (
            _("Due for re-check: %(claim)s") % {"claim": claim.statement[:120]},
            _(
                "The deadline of this claim, %(deadline)s, has passed.\n\n  %(claim)s\n\n"
                "Record the outcome (fulfilled, partly fulfilled, not fulfilled, unverifiable) "
                "or extend the deadline with a reason:\n%(link)s\n"
            )
            % words,
        )
    return (
        _("Deadline on %(deadline)s: %(claim)s") % {**words, "claim": claim.statement[:100]},
        _(
            "This claim's deadline is %(deadline)s.\n\n  %(claim)s\n\n"
            "Gather the evidence now:\n%(link)s\n"
        )
        % words,
    )


def _mention(notification: Notification) -> tuple[str, str]:
    note, claim = notification.note, notification.claim
    link = settings.SITE_URL + reverse("admin:claims_claim_change", args=[claim.pk])
    return (
        _("%(author)s mentioned you: %(claim)s")
        % {"author": note.author, "claim": claim.statement[:100]},
        _("%(author)s wrote on this claim:\n\n  %(note)s\n\n  %(claim)s\n\n%(link)s\n")
        % {"author": note.author, "note": note.text, "claim": claim.statement, "link": link},
    )


def message_id(notification: Notification, language: str = "") -> str:
    """The e-mail's Message-ID: the same on every attempt, so a repeat can be recognised; with
    the language when the e-mail goes out in several (one message each)."""
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    part = f".{language}" if language else ""
    return f"<notification-{notification.pk}{part}@{host}>"


def message(
    notification: Notification, to: list[str], language: str, part: str = ""
) -> EmailMessage:
    """The e-mail to `to`, written in `language` (and saying so in its Content-Language);
    `part` tells it from the same notification's e-mails in other languages."""
    with translation.override(language):
        subject, body = compose(notification)
    headers = {"Message-ID": message_id(notification, part), "Content-Language": language}
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to, headers=headers)


def deliver_pending(*, budget: float | None = None, limit: int | None = None) -> Run:
    """Send the outbox's unsent e-mails, oldest first, over one connection to the mail server,
    until none is left, `limit` are done or `budget` seconds have passed (see `drain`)."""
    mailer = Mailer()
    try:
        return drain(lambda: send_next(mailer), budget=budget, limit=limit)
    finally:
        mailer.close()


def send_next(mailer: Mailer) -> bool:
    """Claim the next e-mail owed and send it. False when none is owed, or when the mail server
    failed in a way that ends the run (the e-mail then waits for its retry)."""
    notification = claim_next()
    if notification is None:
        return False
    by_language = addressees(notification)
    several = len(by_language) > 1
    to = [address for addresses in by_language.values() for address in addresses]
    try:
        # One e-mail a language; a refusal puts the whole notification back, and a repeat
        # carries the same Message-ID.
        for language, addresses in by_language.items():
            mailer.send(message(notification, addresses, language, language if several else ""))
    except REFUSED as error:
        put_back(notification, error)
        return True
    except Exception as error:  # the server down, a refused login: a later run tries again
        logger.warning("e-mails stopped at notification #%s", notification.pk, exc_info=True)
        put_back(notification, error)
        return False
    mark_sent(notification, to)
    return True


def claimable(now: dt.datetime) -> Q:
    return Q(sent_at__isnull=True) & (Q(claimed_until__isnull=True) | Q(claimed_until__lte=now))


@transaction.atomic
def claim_next() -> Notification | None:
    """Take the oldest e-mail owed that no other sender holds: one more attempt, and the lease,
    committed before anything is sent."""
    now = timezone.now()
    notification = (
        Notification.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related(
            "claim__reviewer__staff_profile", "note__author", "recipient__staff_profile"
        )
        .filter(claimable(now))
        .order_by("created_at", "pk")
        .first()
    )
    if notification is None:
        return None
    notification.attempts += 1
    notification.claimed_until = now + dt.timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)
    notification.save(update_fields=["attempts", "claimed_until"])
    return notification


def _settle(notification: Notification, **fields) -> None:
    """Write the outcome of this sender's attempt, unless another sender has taken the row since
    (this one outlived its lease); that is logged, since the e-mail may then go out twice."""
    mine = Notification.objects.filter(
        pk=notification.pk, attempts=notification.attempts, sent_at__isnull=True
    )
    if not mine.update(**fields):
        logger.warning(
            "notification #%s: attempt %s outlived its lease (OUTBOX_LEASE_SECONDS)",
            notification.pk,
            notification.attempts,
        )


def mark_sent(notification: Notification, to: list[str]) -> None:
    _settle(notification, sent_at=timezone.now(), recipients=to, claimed_until=None, last_error="")


def put_back(notification: Notification, error: Exception) -> None:
    """A failed send: tried again after a wait that doubles with each attempt."""
    wait = backoff(notification.attempts, base=RETRY_BASE_SECONDS, ceiling=RETRY_MAX_SECONDS)
    _settle(notification, claimed_until=timezone.now() + wait, last_error=str(error)[:200])


class Mailer:
    """One connection to the mail server for a whole run, opened for its first e-mail."""

    def __init__(self) -> None:
        self.connection = get_connection(fail_silently=False)
        self.opened = False

    def send(self, email: EmailMessage) -> None:
        if not self.opened:
            self.connection.open()
            self.opened = True
        email.connection = self.connection
        email.send()

    def close(self) -> None:
        if not self.opened:
            return
        try:
            self.connection.close()
        except Exception:  # what was sent is recorded; a goodbye that fails changes nothing
            logger.warning("could not close the connection to the mail server", exc_info=True)
