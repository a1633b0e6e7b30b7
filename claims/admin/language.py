"""The newsroom in each staff member's language: chosen on their profile ("My language", linked
beside "Change password"), kept in their session from login, and switched on for every page of
the admin. The public site's language comes from its address instead (LocaleMiddleware)."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims.models import StaffProfile

SESSION_KEY = "staff_language"
NEWSROOM_PREFIXES = ("/admin/",)


class StaffLanguageMiddleware:
    """Speak the staff member's language on the newsroom's pages (one session read, no query:
    the language is put in the session at login and when they change it)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = request.session.get(SESSION_KEY) if _in_newsroom(request) else None
        if language not in dict(settings.LANGUAGES):
            return self.get_response(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
            response.headers["Content-Language"] = language
            return response


def _in_newsroom(request: HttpRequest) -> bool:
    return request.path_info.startswith(NEWSROOM_PREFIXES) and hasattr(request, "session")


def remember_language(sender, request: HttpRequest | None, user, **kwargs) -> None:
    """At login (`user_logged_in`, connected in ClaimsConfig.ready so that a process's first
    login speaks it too, whatever it has imported yet): the staff member's language, in their
    session."""
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = StaffProfile.language_of(user)


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=gettext_lazy("Language"),
        choices=settings.LANGUAGES,
        help_text=gettext_lazy("The newsroom's pages, buttons and messages speak it to you."),
    )


def language_view(admin_site, request: HttpRequest) -> HttpResponse:
    """/admin/language/: the staff member's own language."""
    current = request.session.get(SESSION_KEY) or StaffProfile.language_of(request.user)
    form = LanguageForm(request.POST or None, initial={"language": current})
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["language"]
        StaffProfile.objects.update_or_create(user=request.user, defaults={"language": chosen})
        request.session[SESSION_KEY] = chosen
        with translation.override(chosen):
            messages.success(
                request,
                _("The newsroom now speaks %(language)s to you.")
                % {"language": dict(settings.LANGUAGES)[chosen]},
            )
        return HttpResponseRedirect(reverse("admin:language"))
    context = {
        **admin_site.each_context(request),
        "title": _("My language"),
        "form": form,
    }
    return TemplateResponse(request, "admin/language.html", context)
