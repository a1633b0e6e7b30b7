"""Logging a claim and changing its words: its deadline read from the quote against the article's
date (or set by an editor), checked, saved and put on the timeline; and who may change which of
its fields in which state. The admin, the API, intake and the demo all log claims here."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from claims.deadlines import FoundDeadline, Precision, find_deadlines
from claims.intake.language import detect_language
from claims.models import Article, ChangeProposal, Claim, ClaimEvent, Topic
from claims.workflow.common import (
    User,
    add_event,
    check_lengths,
    credit,
    explain_deadline,
    require,
)
from claims.workflow.editorial import assign
from claims.workflow.errors import (
    DeadlineBeforeArticle,
    InvalidTransition,
    NotAllowed,
    WorkflowError,
)
from claims.workflow.proposals import CLAIM_PAGE_FIELDS, propose_claim_change

# What the deadline is read from: a change to any of them reads it again.
DEADLINE_INPUTS = frozenset({"quote", "article", "deadline_overridden"})
# Once public, a claim's article and deadline are fixed (a deadline moves by `extend`); its
# words change only as a proposal a publisher approves (claims/workflow/proposals.py).
LOCKED_WHEN_PUBLIC = frozenset({"article", "deadline", "deadline_overridden"})
# Editors log a claim; a reviewer researches it (evidence, verdicts) without rewording it.
LOGGED_BY_EDITORS = LOCKED_WHEN_PUBLIC | {
    *CLAIM_PAGE_FIELDS,
    "appearances",
    "topics",
    "is_demo",
    "language",
    "reviewer",
}
OVERRIDE_EXPLANATION = gettext_lazy("Set by an editor, overriding what the quote says.")


def read_deadline(quote: str, claim_article: Article | None) -> FoundDeadline | None:
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
    explain_deadline(claim, lambda: _explanation(claim) if found else "")
    claim.deadline_approximate = found.approximate if found else False
    return found


def _explanation(claim: Claim) -> str:
    found = read_deadline(claim.quote, claim.article)
    return found.explanation if found else ""


def set_deadline(claim: Claim) -> None:
    """The claim's deadline as its fields ask: the editor's own date when `deadline_overridden`
    (which then needs one), else the one read from the quote. Then checked against the article:
    DeadlineBeforeArticle, or a WorkflowError, leaves the claim as it was asked for."""
    if claim.deadline_overridden:
        if claim.deadline is None:
            raise WorkflowError(_("an overridden deadline needs a date."))
        if not claim.deadline_expression:  # kept: written in the site's language
            with translation.override(settings.LANGUAGE_CODE):
                claim.deadline_expression = _("set by an editor")
        explain_deadline(claim, lambda: str(OVERRIDE_EXPLANATION))
        claim.deadline_approximate = False
    elif claim.article_id:
        fill_deadline(claim)
    check_deadline(claim)


def set_language(claim: Claim) -> None:
    """The claim's language, unless an editor gave one: its quote's (or statement's) as detected,
    else its article's."""
    if claim.language:
        return
    claim.language = detect_language(claim.quote or claim.statement) or (
        claim.article.language[:8] if claim.article_id else ""
    )


def check_deadline(claim: Claim) -> None:
    """Raise DeadlineBeforeArticle if the deadline precedes the article's date."""
    published = claim.article.published_on if claim.article_id else None
    if claim.deadline and published and claim.deadline < published:
        raise DeadlineBeforeArticle(
            _("the deadline %(deadline)s is before the article's date %(published)s")
            % {"deadline": f"{claim.deadline:%Y-%m-%d}", "published": f"{published:%Y-%m-%d}"}
        )


@transaction.atomic
def create_claim(
    claim: Claim,
    *,
    by: User,
    topics: Iterable[Topic] = (),
    appearances: Iterable[Article] = (),
) -> Claim:
    """Log `claim` (new, unsaved, its fields filled in) as a draft: its deadline set
    (`set_deadline`), saved, put on the timeline, and handed to its reviewer, if it names one,
    as `assign` does. A refusal (WorkflowError) saves nothing."""
    require(by, "add_claim", _("log claims"))
    if claim.pk is not None:
        raise InvalidTransition(_("claim #%(id)s is logged already.") % {"id": claim.pk})
    reviewer, claim.reviewer = claim.reviewer, None
    set_deadline(claim)
    set_language(claim)
    claim.status = Claim.Status.DRAFT
    claim.created_by = by
    check_lengths(claim)
    credit(claim, by=by, why=gettext_noop("logged"))
    claim.save()
    claim.topics.set(topics)
    claim.appearances.set(appearances)
    add_event(claim, ClaimEvent.Kind.CREATED, key="logged", by=by)
    if reviewer is not None:
        assign(claim, reviewer=reviewer, by=by)
    return claim


def editable_fields(claim: Claim, user: User) -> frozenset[str]:
    """Which of `claim`'s fields `user` may change now: none for who may not change claims; the
    research (not the words) for a reviewer; all but the locked wording once the claim is public."""
    if not (user.has_perm("claims.change_claim") and user.has_perm("claims.add_claim")):
        return frozenset()
    fields = LOGGED_BY_EDITORS
    if claim.is_public:
        fields -= LOCKED_WHEN_PUBLIC
    return fields


@transaction.atomic
def edit_claim(claim: Claim, *, by: User, changed: Iterable[str]) -> ChangeProposal | None:
    """Save the `changed` fields of a logged claim, as set on it: refused (NotAllowed, nothing
    saved) if one is not `by`'s to change in the claim's state; the deadline read again if what
    it is read from changed; a new reviewer assigned as `assign` does. On a public claim a change
    to its words is proposed instead, and the proposal returned."""
    changed = set(changed)
    stored = Claim.objects.select_for_update().get(pk=claim.pk)
    refused = changed - editable_fields(stored, by)
    if refused:
        names = [str(Claim._meta.get_field(name).verbose_name) for name in sorted(refused)]
        raise NotAllowed(
            _("%(user)s may not change the claim's %(fields)s now (it is %(status)s).")
            % {"user": by, "fields": ", ".join(names), "status": stored.get_status_display()}
        )
    proposal = None
    if stored.is_public and changed & set(CLAIM_PAGE_FIELDS):
        check_lengths(claim)
        proposal = propose_claim_change(claim, by=by, names=changed)
        for name in CLAIM_PAGE_FIELDS:  # they change when the proposal is approved
            attname = Claim._meta.get_field(name).attname
            setattr(claim, attname, getattr(stored, attname))
        changed -= set(CLAIM_PAGE_FIELDS)
    if changed & (DEADLINE_INPUTS | {"deadline"}):
        set_deadline(claim)
    if "quote" in changed and "language" not in changed:
        claim.language = ""  # read again from the new quote
        set_language(claim)
    reviewer, claim.reviewer = claim.reviewer, stored.reviewer  # a new one is assigned below
    check_lengths(claim)
    credit(claim, by=by, why=gettext_noop("changed: %(fields)s"), fields=", ".join(sorted(changed)))
    claim.save()
    if reviewer is not None and reviewer != stored.reviewer:
        assign(claim, reviewer=reviewer, by=by)
    elif reviewer is None and stored.reviewer is not None:
        claim.reviewer = None
        credit(claim, by=by, why=gettext_noop("reviewer removed"))
        claim.save(update_fields=["reviewer", "updated_at"])
    return proposal
