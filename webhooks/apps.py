from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "webhooks"
    verbose_name = _("Webhooks")

    def ready(self) -> None:
        from claims import signals
        from webhooks import outbox

        signals.verdict_published.connect(outbox.on_verdict_published, dispatch_uid="webhooks")
        signals.claim_resolved.connect(outbox.on_claim_resolved, dispatch_uid="webhooks")
        signals.claims_fell_due.connect(outbox.on_claims_fell_due, dispatch_uid="webhooks")
        signals.verdict_corrected.connect(outbox.on_verdict_corrected, dispatch_uid="webhooks")
