"""Four eyes on everything the public reads. Once a claim is public, a change to what its page
shows (its evidence, its article, its words) is a proposal: a second person with the right to
publish approves it, or refuses it with a reason, and nobody decides on their own proposal. An
approved change goes live with a dated, public "updated" note saying what changed; every
proposal, approval and refusal is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from claims.models import Article, ChangeProposal, Claim, ClaimEvent, Evidence, wording
from claims.workflow.common import User, add_event, check_lengths, credit, require
from claims.workflow.errors import FourEyesViolation, InvalidTransition, WorkflowError

# What a public page shows of each, and so what changes only on a second person's say.
CLAIM_PAGE_FIELDS = ("statement", "quote", "claimant", "reported_by")
ARTICLE_PAGE_FIELDS = ("headline", "url", "byline", "published_on", "published_precision")
EVIDENCE_FIELDS = ("url", "title", "source_name", "published_on", "stance", "excerpt")


def public_pages(article: Article) -> models.QuerySet:
    """The public claims whose pages show `article`."""
    return article.claims.filter(status__in=Claim.PUBLIC_STATUSES)


def encode(row: models.Model, names: Iterable[str]) -> dict[str, str]:
    """The fields' values as text, the way a proposal keeps them."""
    return {name: row._meta.get_field(name).value_to_string(row) for name in names}


def decode_onto(row: models.Model, values: dict[str, str]) -> None:
    for name, text in values.items():
        field = row._meta.get_field(name)
        setattr(row, field.attname, field.to_python(text) if text != "" else _empty(field))


def _empty(field: models.Field) -> object:
    return None if field.null else ""


def _shown(row: models.Model, name: str, text: str) -> str:
    """A value as a reader would read it in a note: a name rather than an id, cut if long."""
    field = row._meta.get_field(name)
    if field.is_relation and text:
        return str(field.related_model.objects.filter(pk=text).first() or "—")
    return (text[:77] + "…") if len(text) > 80 else (text or "—")


def _describe(row: models.Model, before: dict[str, str], after: dict[str, str]) -> dict:
    """What changed, as a value of a sentence (claims/models/wording.py): each field is named in
    the reader's language, its values as a reader reads them."""
    return {
        "model": row._meta.label_lower,
        "changes": [
            [name, _shown(row, name, before[name]), _shown(row, name, after[name])]
            for name in after
        ],
    }


def propose(
    *,
    by: User,
    kind: str,
    summary: tuple[str, dict],
    claim: Claim | None = None,
    article: Article | None = None,
    evidence: Evidence | None = None,
    changes: dict[str, str] | None = None,
    before: dict[str, str] | None = None,
) -> ChangeProposal:
    """Record a proposed change; `summary` is what changes, as a sentence of
    claims/models/wording.py (its key and values), which the public note will say."""
    key, values = summary
    written = wording.in_site_language(key, values)
    limit = ChangeProposal._meta.get_field("summary").max_length
    proposal = ChangeProposal(
        claim=claim,
        article=article,
        evidence=evidence,
        kind=kind,
        summary=written if len(written) <= limit else written[: limit - 1] + "…",
        summary_key=key,
        summary_values=values,
        changes=changes or {},
        before=before or {},
        proposed_by=by,
    )
    credit(proposal, by=by, why=gettext_noop("proposed"))
    proposal.save()
    return proposal


# --- Proposing ----------------------------------------------------------------------------------


def propose_new_evidence(evidence: Evidence, *, by: User) -> ChangeProposal:
    changes = encode(evidence, EVIDENCE_FIELDS)
    return propose(
        by=by,
        kind=ChangeProposal.Kind.ADD_EVIDENCE,
        claim=evidence.claim,
        changes=changes,
        summary=("evidence_added", {"title": evidence.title, "url": evidence.url}),
    )


def propose_evidence_change(
    evidence: Evidence, *, by: User, changed: Iterable[str]
) -> ChangeProposal | None:
    stored = Evidence.objects.get(pk=evidence.pk)
    names = [name for name in EVIDENCE_FIELDS if name in set(changed)]
    before, after = encode(stored, names), encode(evidence, names)
    after = {name: value for name, value in after.items() if value != before[name]}
    if not after:
        return None
    return propose(
        by=by,
        kind=ChangeProposal.Kind.CHANGE_EVIDENCE,
        claim=stored.claim,
        evidence=stored,
        changes=after,
        before={name: before[name] for name in after},
        summary=(
            "evidence_changed",
            {"title": stored.title, "changes": _describe(stored, before, after)},
        ),
    )


def propose_evidence_removal(evidence: Evidence, *, by: User) -> ChangeProposal:
    return propose(
        by=by,
        kind=ChangeProposal.Kind.REMOVE_EVIDENCE,
        claim=evidence.claim,
        evidence=evidence,
        before=encode(evidence, EVIDENCE_FIELDS),
        summary=("evidence_removed", {"title": evidence.title, "url": evidence.url}),
    )


def propose_claim_change(claim: Claim, *, by: User, names: Iterable[str]) -> ChangeProposal | None:
    stored = Claim.objects.get(pk=claim.pk)
    names = [name for name in CLAIM_PAGE_FIELDS if name in set(names)]
    before, after = encode(stored, names), encode(claim, names)
    after = {name: value for name, value in after.items() if value != before[name]}
    if not after:
        return None
    return propose(
        by=by,
        kind=ChangeProposal.Kind.CHANGE_CLAIM,
        claim=stored,
        changes=after,
        before={name: before[name] for name in after},
        summary=("claim_changed", {"changes": _describe(stored, before, after)}),
    )


def propose_article_change(
    article: Article, *, by: User, names: Iterable[str]
) -> ChangeProposal | None:
    stored = Article.objects.get(pk=article.pk)
    names = [name for name in ARTICLE_PAGE_FIELDS if name in set(names)]
    before, after = encode(stored, names), encode(article, names)
    after = {name: value for name, value in after.items() if value != before[name]}
    if not after:
        return None
    return propose(
        by=by,
        kind=ChangeProposal.Kind.CHANGE_ARTICLE,
        article=stored,
        changes=after,
        before={name: before[name] for name in after},
        summary=(
            "article_changed",
            {"headline": stored.headline, "changes": _describe(stored, before, after)},
        ),
    )


# --- Deciding -----------------------------------------------------------------------------------


def _add_evidence(proposal: ChangeProposal, by: User) -> None:
    evidence = Evidence(claim=proposal.claim, added_by=proposal.proposed_by)
    decode_onto(evidence, proposal.changes)
    if Evidence.objects.filter(claim=proposal.claim, url=evidence.url).exists():
        raise InvalidTransition(
            _("%(url)s is already evidence for this claim.") % {"url": evidence.url}
        )
    check_lengths(evidence)
    credit(
        evidence, by=by, why=gettext_noop("added: proposed by %(user)s"), user=proposal.proposed_by
    )
    evidence.save()


def _change_row(row: models.Model | None, proposal: ChangeProposal, by: User) -> None:
    if row is None:
        raise InvalidTransition(_("what this change was for no longer exists."))
    decode_onto(row, proposal.changes)
    check_lengths(row)
    credit(row, by=by, why=gettext_noop("changed: proposed by %(user)s"), user=proposal.proposed_by)
    row.save()


def _change_article(proposal: ChangeProposal, by: User) -> None:
    from claims.workflow.articles import redate_article  # articles proposes through here

    article = proposal.article
    decode_onto(article, proposal.changes)
    check_lengths(article)
    if {"published_on", "published_precision"} & set(proposal.changes):
        redate_article(article, by=by)  # refuses a date after a kept deadline
    else:
        credit(
            article,
            by=by,
            why=gettext_noop("changed: proposed by %(user)s"),
            user=proposal.proposed_by,
        )
        article.save()


def _remove_evidence(proposal: ChangeProposal, by: User) -> None:
    if proposal.evidence is not None:
        credit(
            proposal.evidence,
            by=by,
            why=gettext_noop("removed: proposed by %(user)s"),
            user=proposal.proposed_by,
        )
        proposal.evidence.delete()


APPLY: dict[str, Callable[[ChangeProposal, User], None]] = {
    ChangeProposal.Kind.ADD_EVIDENCE: _add_evidence,
    ChangeProposal.Kind.CHANGE_EVIDENCE: lambda p, by: _change_row(p.evidence, p, by),
    ChangeProposal.Kind.REMOVE_EVIDENCE: _remove_evidence,
    ChangeProposal.Kind.CHANGE_CLAIM: lambda p, by: _change_row(p.claim, p, by),
    ChangeProposal.Kind.CHANGE_ARTICLE: _change_article,
}


# What deciding is called in a refusal: what may not be done, and why not one's own proposal.
DECIDING = {
    "approve": (
        gettext_noop("approve changes to public pages"),
        gettext_noop("%(user)s proposed this change and cannot also approve it."),
    ),
    "refuse": (
        gettext_noop("refuse changes to public pages"),
        gettext_noop("%(user)s proposed this change and cannot also refuse it."),
    ),
}


def _take(proposal: ChangeProposal, by: User, deciding: str) -> ChangeProposal:
    doing, own = DECIDING[deciding]
    require(by, "publish_claim", _(doing))
    locked = ChangeProposal.objects.select_for_update().get(pk=proposal.pk)
    if not locked.is_open:
        raise InvalidTransition(
            _("this change was %(status)s already.") % {"status": locked.get_status_display()}
        )
    if locked.proposed_by_id == by.pk:
        raise FourEyesViolation(_(own) % {"user": by})
    return locked


def _pages(proposal: ChangeProposal) -> list[Claim]:
    if proposal.claim is not None:
        return [proposal.claim]
    return list(public_pages(proposal.article))


@transaction.atomic
def approve_change(proposal: ChangeProposal, *, by: User) -> ChangeProposal:
    """Make a proposed change to a public page, with the dated public note that says so."""
    proposal = _take(proposal, by, "approve")
    APPLY[proposal.kind](proposal, by)
    proposal.status, proposal.decided_by = ChangeProposal.Status.APPROVED, by
    proposal.decided_at = timezone.now()
    credit(proposal, by=by, why=gettext_noop("approved"))
    proposal.save()
    for claim in _pages(proposal):
        add_event(
            claim,
            ClaimEvent.Kind.UPDATED,
            proposal.summary,  # a proposal from before the sentences had keys
            key=proposal.summary_key,
            values=proposal.summary_values,
            by=by,
            at=proposal.decided_at,
        )
    return proposal


@transaction.atomic
def refuse_change(proposal: ChangeProposal, *, by: User, reason: str) -> ChangeProposal:
    """Refuse a proposed change, saying why; the page stays as it is."""
    if not reason.strip():
        raise WorkflowError(_("say why the change is refused, so its author knows."))
    proposal = _take(proposal, by, "refuse")
    proposal.status, proposal.decided_by = ChangeProposal.Status.REFUSED, by
    proposal.decided_at, proposal.reason = timezone.now(), reason.strip()[:500]
    credit(proposal, by=by, why=gettext_noop("refused"))
    proposal.save()
    return proposal


def open_proposals(claim: Claim) -> models.QuerySet:
    """The changes to `claim`'s page (its own, and its article's) waiting for a decision."""
    return ChangeProposal.objects.filter(
        models.Q(claim=claim) | models.Q(article_id=claim.article_id),
        status=ChangeProposal.Status.OPEN,
    ).select_related("proposed_by")


def _decide_all(claim: Claim, by: User, decide: Callable[[ChangeProposal], object]) -> int:
    waiting = [p for p in open_proposals(claim) if p.proposed_by_id != by.pk]
    if not waiting:
        raise InvalidTransition(_("no change to this claim's page waits for your decision."))
    for proposal in waiting:
        decide(proposal)
    return len(waiting)


@transaction.atomic
def approve_changes(claim: Claim, *, by: User) -> int:
    """Approve every change to `claim`'s page that waits for `by` (not their own proposals)."""
    return _decide_all(claim, by, lambda proposal: approve_change(proposal, by=by))


@transaction.atomic
def refuse_changes(claim: Claim, *, by: User, reason: str) -> int:
    """Refuse every change to `claim`'s page that waits for `by`, with one reason."""
    return _decide_all(claim, by, lambda proposal: refuse_change(proposal, by=by, reason=reason))
