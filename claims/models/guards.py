"""What is never erased, whatever asks (a queryset's delete, a shell, a cascade): a published
verdict, its corrections and a public claim stay. A backstop under the admin's and the API's own
refusals; a claim is retracted instead (claims.workflow.retract)."""

from __future__ import annotations

from django.db.models import ProtectedError
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils.translation import gettext

from claims.models.claim import Claim
from claims.models.verdict import Correction, Verdict


@receiver(pre_delete, sender=Verdict, dispatch_uid="keep-published-verdicts")
def _keep_published_verdicts(sender, instance: Verdict, **kwargs) -> None:
    if instance.status == Verdict.Status.PUBLISHED:
        raise ProtectedError(
            gettext(
                "verdict #%(id)s is published and can never be deleted; "
                "publish a new verdict or issue a correction instead."
            )
            % {"id": instance.pk},
            {instance},
        )


@receiver(pre_delete, sender=Correction, dispatch_uid="keep-corrections")
def _keep_corrections(sender, instance: Correction, **kwargs) -> None:
    raise ProtectedError(
        gettext("correction #%(id)s is public and can never be deleted.") % {"id": instance.pk},
        {instance},
    )


@receiver(pre_delete, sender=Claim, dispatch_uid="keep-public-claims")
def _keep_public_claims(sender, instance: Claim, **kwargs) -> None:
    if instance.status != Claim.Status.DRAFT:
        raise ProtectedError(
            gettext(
                "claim #%(id)s is %(status)s and can never be deleted; "
                "a published claim is retracted instead."
            )
            % {"id": instance.pk, "status": instance.get_status_display()},
            {instance},
        )
