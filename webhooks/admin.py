"""The staff side of webhooks: register and edit them (publishers and admins), and read every
delivery with its attempts. Deliveries are history: nobody edits them; they can be sent again."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import urlsplit

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from factcheck.lib import fetching
from factcheck.lib.admin import ReadOnly
from webhooks import outbox
from webhooks.models import Attempt, Delivery, Event, Webhook


class WebhookForm(forms.ModelForm):
    events = forms.MultipleChoiceField(
        label=gettext_lazy("Events"),
        choices=Event.subscribable,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Choose at least one event to send.")},
    )

    class Meta:
        model = Webhook
        fields = ["url", "description", "events", "is_active"]

    def clean_url(self) -> str:
        """Refuse now, with the reason, an address that the delivery would refuse later."""
        url = self.cleaned_data["url"]
        if urlsplit(url).scheme not in ("http", "https"):
            raise forms.ValidationError(_("A webhook's address starts with https:// or http://."))
        try:
            fetching.check_url(url)
        except fetching.FetchError as error:
            raise forms.ValidationError(str(error)) from error
        return url


@admin.register(Webhook)
class WebhookAdmin(admin.ModelAdmin):
    form = WebhookForm
    list_display = ["url", "description", "events_shown", "is_active", "deliveries", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["url", "description"]
    readonly_fields = ["secret", "created_by", "created_at"]
    actions = ["send_test_event"]

    def get_fields(self, request: HttpRequest, obj: Webhook | None = None) -> list[str]:
        fields = ["url", "description", "events", "is_active"]
        # The secret exists once the webhook is saved; the add form says so on saving.
        return fields + (self.readonly_fields if obj else [])

    @admin.display(description=gettext_lazy("events"))
    def events_shown(self, webhook: Webhook) -> str:
        return ", ".join(webhook.events)

    @admin.display(description=gettext_lazy("deliveries"))
    def deliveries(self, webhook: Webhook) -> str:
        url = reverse("admin:webhooks_delivery_changelist") + f"?webhook__id__exact={webhook.pk}"
        return format_html('<a href="{}">{}</a>', url, _("deliveries"))

    def save_model(self, request: HttpRequest, obj: Webhook, form, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def response_add(self, request: HttpRequest, obj: Webhook, post_url_continue=None):
        # To its page, where its secret is shown: the receiver needs it to check signatures.
        self.message_user(
            request,
            _(
                "The webhook is registered. Give its secret (below) to the receiver: it checks "
                "the X-Factcheck-Signature of every delivery with it (see docs/webhooks.md)."
            ),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:webhooks_webhook_change", args=[obj.pk]))

    @admin.action(description=gettext_lazy("Send a test event"), permissions=["change"])
    def send_test_event(self, request: HttpRequest, queryset: QuerySet) -> None:
        for webhook in queryset:
            try:
                delivery = outbox.send_test(webhook)
            except outbox.WebhookError as error:
                self.message_user(
                    request, _("Not sent: %(error)s") % {"error": error}, messages.ERROR
                )
            else:
                queued = _("Test event queued for “%(webhook)s”: %(delivery)s.")
                self.message_user(request, queued % {"webhook": webhook, "delivery": delivery})


def to_the_second(moment: dt.datetime | None) -> str:
    """A delivery's times, to the second: retries are seconds or minutes apart."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M:%S") if moment else "—"


class AttemptInline(admin.TabularInline):
    model = Attempt
    fields = ["number", "at_shown", "status_code", "error", "duration_ms", "response_excerpt"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    @admin.display(description=gettext_lazy("at"))
    def at_shown(self, attempt: Attempt) -> str:
        return to_the_second(attempt.at)

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Delivery)
class DeliveryAdmin(ReadOnly, admin.ModelAdmin):
    list_display = [
        "id",
        "webhook",
        "event",
        "claim_link",
        "state",
        "attempts",
        "last_result",
        "next_attempt",
        "created",
    ]
    list_filter = ["state", "event", "webhook"]
    list_select_related = ["webhook"]
    search_fields = ["event_key", "webhook__url", "last_result"]
    date_hierarchy = "created_at"
    fields = [
        "webhook",
        "event",
        "event_key",
        "claim_link",
        "state",
        "attempts",
        "next_attempt",
        "last_result",
        "created",
        "finished",
        "redelivery_of",
        "payload_shown",
    ]
    readonly_fields = fields
    inlines = [AttemptInline]
    actions = ["redeliver"]

    @admin.display(description=gettext_lazy("claim"))
    def claim_link(self, delivery: Delivery) -> str:
        if delivery.claim_id is None:
            return "—"
        url = reverse("admin:claims_claim_change", args=[delivery.claim_id])
        return format_html('<a href="{}">#{}</a>', url, delivery.claim_id)

    @admin.display(description=gettext_lazy("next attempt at"), ordering="next_attempt_at")
    def next_attempt(self, delivery: Delivery) -> str:
        return to_the_second(delivery.next_attempt_at)

    @admin.display(description=gettext_lazy("created at"), ordering="created_at")
    def created(self, delivery: Delivery) -> str:
        return to_the_second(delivery.created_at)

    @admin.display(description=gettext_lazy("finished at"))
    def finished(self, delivery: Delivery) -> str:
        return to_the_second(delivery.finished_at)

    @admin.display(description=gettext_lazy("payload"))
    def payload_shown(self, delivery: Delivery) -> str:
        text = json.dumps(delivery.payload, indent=2, ensure_ascii=False)
        return format_html("<pre>{}</pre>", text)

    def has_redeliver_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("webhooks.redeliver_delivery")

    @admin.action(description=gettext_lazy("Send again (redeliver)"), permissions=["redeliver"])
    def redeliver(self, request: HttpRequest, queryset: QuerySet) -> None:
        for delivery in queryset.select_related("webhook"):
            try:
                again = outbox.redeliver(delivery)
            except outbox.WebhookError as error:
                self.message_user(
                    request, _("Not sent again: %(error)s") % {"error": error}, messages.ERROR
                )
            else:
                queued = _("Delivery #%(delivery)s queued again as #%(again)s.")
                self.message_user(request, queued % {"delivery": delivery.pk, "again": again.pk})
