"""Internal notes: a few words between staff on a claim, an e-mail once to each colleague a note
@mentions (through the outbox, as the deadline e-mails). Never public."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from claims.models import Claim, Note, Notification
from claims.workflow.common import User, check_lengths, credit, require
from claims.workflow.errors import WorkflowError

# "@rita", "@ana.lopez": a username after an @ that does not end a word or an address.
MENTION = re.compile(r"(?<![\w.@])@([\w.+-]*\w)")


def mentioned(text: str) -> list[User]:
    """The active staff a text @mentions, by username."""
    names = set(MENTION.findall(text))
    if not names:
        return []
    users = get_user_model().objects.filter(username__in=names, is_active=True, is_staff=True)
    return list(users.order_by("username"))


@transaction.atomic
def add_note(claim: Claim, *, by: User, text: str) -> Note:
    """Add an internal note to `claim`; each colleague it @mentions (not its author) is owed
    one e-mail."""
    require(by, "add_note", _("add notes"))
    if not text.strip():
        raise WorkflowError(_("a note needs a few words."))
    note = Note(claim=claim, author=by, text=text.strip())
    check_lengths(note)
    credit(note, by=by, why=gettext_noop("noted"))
    note.save()
    told = [user for user in mentioned(note.text) if user.pk != by.pk]
    note.mentioned.set(told)
    Notification.objects.bulk_create(
        Notification(claim=claim, kind=Notification.Kind.MENTION, note=note, recipient=user)
        for user in told
    )
    return note
