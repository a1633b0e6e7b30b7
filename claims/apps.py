from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class ClaimsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"
    verbose_name = _("Claims and verdicts")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_migrate, post_save, pre_save

        from claims import signals
        from claims.admin import language
        from claims.evidence import snapshots
        from claims.intake import followups
        from claims.models import search
        from factcheck.lib import page_cache, security, text

        # A claim that falls due is re-checked against the news seen since it was made.
        signals.claims_fell_due.connect(followups.on_claims_fell_due, dispatch_uid="recheck")
        # Evidence attached, however it came in: its page's readable copy is taken once.
        post_save.connect(
            snapshots.on_evidence_saved, sender=self.get_model("Evidence"), dispatch_uid="snapshot"
        )
        user_logged_in.connect(security.stamp_login, dispatch_uid="claims-stamp-login")
        # Here, not where the admin's URLs import it: a process's first login may come before.
        user_logged_in.connect(language.remember_language, dispatch_uid="claims-staff-language")
        # However text comes in (admin, API, imports), it is kept by one rule
        # (factcheck/lib/text.py).
        for model in self.get_models():
            pre_save.connect(text.normalise_fields, sender=model, dispatch_uid=f"text-{model}")

        # Claims are found by their claimant's and source's names (claims/models/search.py).
        search.connect_signals(
            *map(self.get_model, ("Claimant", "ClaimantAlias", "Source", "Article"))
        )
        post_migrate.connect(search.ensure_fts5_index, sender=self, dispatch_uid="search-fts5")

        # Whatever the public site shows; a change to any of them makes cached pages stale.
        page_cache.connect_signals(
            [
                self.get_model(name)
                for name in (
                    "Source",
                    "Topic",
                    "Claimant",
                    "ClaimantAlias",
                    "Article",
                    "Rating",
                    "Claim",
                    "Verdict",
                    "Correction",
                    "Evidence",
                    "EvidenceSnapshot",
                    "ClaimEvent",
                )
            ]
        )


class WorkbenchAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the newsroom's site (claims/admin/site.py). It lives here, not in the
    admin package, because INSTALLED_APPS loads it before any model may be imported."""

    default = False  # named in INSTALLED_APPS; the `claims` entry is ClaimsConfig
    default_site = "claims.admin.site.workbench_site"
