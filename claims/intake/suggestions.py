"""Deciding on a suggested claim: accepted (as suggested or edited) it becomes a draft claim
through `claims.workflow`; rejected, it is not offered again. Also: which existing claim or
claimant a suggestion may be the same as."""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from claims import roles, workflow
from claims.intake.errors import IntakeError
from claims.intake.names import normalise, same_person
from claims.models import Claim, Claimant, ClaimantAlias, Suggestion

SIMILAR = 0.5  # trigram similarity (or difflib ratio) from which a claim is "possibly the same"


@dataclass(frozen=True)
class ClaimantMatch:
    """An existing claimant a suggested name may stand for; `exact` when name or alias agree."""

    claimant: Claimant
    exact: bool


def similar_claim(statement: str, quote: str = "", *, not_: int | None = None) -> Claim | None:
    """The existing claim closest to this one, if close enough to be possibly the same: trigram
    similarity on PostgreSQL, a word-overlap prefilter and difflib elsewhere. `not_` is the claim
    the suggestion itself became, which is no duplicate of it."""
    claims = Claim.objects.exclude(pk=not_) if not_ else Claim.objects.all()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        scored = claims.annotate(
            similarity=Greatest(
                TrigramSimilarity("statement", statement), TrigramSimilarity("quote", quote or "")
            )
        )
        return scored.filter(similarity__gte=SIMILAR).order_by("-similarity").first()
    words = sorted(set(re.findall(r"\w{5,}", statement.lower())), key=len, reverse=True)[:4]
    if not words:
        return None
    overlap = Q()
    for word in words:
        overlap |= Q(statement__icontains=word) | Q(quote__icontains=word)
    best, best_ratio = None, SIMILAR
    for claim in claims.filter(overlap).only("statement", "quote")[:200]:
        ratio = max(_ratio(statement, claim.statement), _ratio(quote, claim.quote))
        if ratio >= best_ratio:
            best, best_ratio = claim, ratio
    return best


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a.lower(), b.lower()).ratio() if a and b else 0.0


def claimant_matches(name: str) -> list[ClaimantMatch]:
    """Claimants a name may stand for: exact (name or alias) first, then other spellings."""
    if not name.strip():
        return []
    key = normalise(name)
    exact = {
        c.pk: c
        for c in Claimant.objects.filter(
            Q(name__iexact=name.strip()) | Q(aliases__name__iexact=name)
        )
    }
    matches = [ClaimantMatch(c, True) for c in exact.values()]
    for claimant in Claimant.objects.prefetch_related("aliases").exclude(pk__in=exact):
        spellings = [claimant.name, *(alias.name for alias in claimant.aliases.all())]
        if any(normalise(s) == key or same_person(s, name) for s in spellings):
            matches.append(ClaimantMatch(claimant, normalise(claimant.name) == key))
    return matches


@transaction.atomic
def accept(
    suggestion: Suggestion,
    *,
    by,
    statement: str | None = None,
    quote: str | None = None,
    claimant_name: str | None = None,
    claimant: Claimant | None = None,
    reported_by: str | None = None,
) -> Claim:
    """Make the suggestion a draft claim, as suggested or as edited.

    `claimant` is the existing person the editor confirmed; if it was spelt differently, that
    spelling is remembered as an alias. Without it, the name is matched exactly or created.
    """
    _require_open(suggestion, by)
    name = (suggestion.claimant_name if claimant_name is None else claimant_name).strip()
    quote = suggestion.quote if quote is None else quote.strip()
    if not quote:
        raise IntakeError(_("A claim needs the words it quotes; the quote is empty."))
    claim = Claim(
        statement=(statement or suggestion.statement).strip(),
        quote=quote,
        article=suggestion.article,
        claimant=_claimant_for(name, claimant),
        reported_by=(suggestion.reported_by if reported_by is None else reported_by).strip(),
    )
    workflow.create_claim(claim, by=by)
    _decide(suggestion, Suggestion.Status.ACCEPTED, by, claim=claim)
    return claim


@transaction.atomic
def reject(suggestion: Suggestion, *, by) -> None:
    """Mark the suggestion rejected; a later import of the article will not offer it again."""
    _require_open(suggestion, by)
    _decide(suggestion, Suggestion.Status.REJECTED, by)


def _require_open(suggestion: Suggestion, by) -> None:
    if by is not None and not by.has_perm("claims.add_claim"):
        raise IntakeError(roles.refusal(by, _("decide on suggestions"), "add_claim"))
    current = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    if current.status != Suggestion.Status.OPEN:
        raise IntakeError(
            _("This suggestion was %(status)s already.") % {"status": current.get_status_display()}
        )


def _claimant_for(name: str, confirmed: Claimant | None) -> Claimant | None:
    if confirmed is not None:
        known = {normalise(confirmed.name), *(normalise(a.name) for a in confirmed.aliases.all())}
        if name and normalise(name) not in known:
            try:
                with transaction.atomic():
                    ClaimantAlias.objects.create(name=name[:200], claimant=confirmed)
            except IntegrityError as error:
                raise IntakeError(
                    _("“%(name)s” is already an alias of another claimant.") % {"name": name}
                ) from error
        return confirmed
    if not name:
        return None
    exact = [match.claimant for match in claimant_matches(name) if match.exact]
    return exact[0] if exact else Claimant.objects.create(name=name[:200])


def _decide(suggestion: Suggestion, status: str, by, *, claim: Claim | None = None) -> None:
    suggestion.status, suggestion.claim = status, claim
    suggestion.decided_by, suggestion.decided_at = by, timezone.now()
    suggestion.save(update_fields=["status", "claim", "decided_by", "decided_at"])
