"""The editor's side of article intake: "Import article", and an article's suggestions page with
its text highlighted and accept / edit / reject for each suggestion. The work is in
`claims.intake`; imports run as the Celery task `claims.tasks.import_article`."""

from __future__ import annotations

import re

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from claims import intake, roles
from claims.admin.imports import import_page
from claims.models import Article, Claimant, Source, Suggestion

NEW = "new"
NONE = "none"


class WebAddressField(forms.URLField):
    """A URL field that names the problem when the address is not a web page's (file://…)."""

    def to_python(self, value: str | None) -> str:
        scheme = re.match(r"\s*([a-z][a-z0-9+.-]*)://", value or "", flags=re.IGNORECASE)
        if scheme and scheme.group(1).lower() not in ("http", "https"):
            raise forms.ValidationError(
                _(
                    "Only http and https addresses can be imported, not %(scheme)s://: "
                    "give the article's web address."
                ),
                code="scheme",
                params={"scheme": scheme.group(1)},
            )
        return super().to_python(value)


class ImportForm(forms.Form):
    url = WebAddressField(
        label=gettext_lazy("Address (URL)"), required=False, max_length=2000, assume_scheme="https"
    )
    content = forms.CharField(
        label=gettext_lazy("…or the article's text or HTML"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 90}),
        help_text=gettext_lazy("Plain text: the first line is taken as the headline."),
    )
    source = forms.CharField(
        label=gettext_lazy("Source"),
        required=False,
        max_length=200,
        help_text=gettext_lazy(
            "The outlet's name; left empty, it is found from the address or the page."
        ),
        widget=forms.TextInput(attrs={"list": "source-names"}),
    )
    published = forms.DateField(
        label=gettext_lazy("Publication date"),
        required=False,
        help_text=gettext_lazy("Left empty, the page's own date is used."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean(self) -> dict:
        data = super().clean()
        if "url" in self.errors:  # an address was given; its own error says what is wrong
            return data
        if bool(data.get("url")) == bool(data.get("content", "").strip()):
            raise forms.ValidationError(_("Give either the article's address or its text."))
        return data


class AcceptForm(forms.Form):
    """The claimant choice on each suggestion; the edit page adds the claim's words."""

    claimant = forms.ChoiceField(label=gettext_lazy("Claimant"), required=False)

    def __init__(self, *args, suggestion: Suggestion, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.matches = intake.claimant_matches(suggestion.claimant_name)
        self.fields["claimant"].choices = claimant_choices(suggestion.claimant_name, self.matches)
        self.fields["claimant"].initial = str(self.matches[0].claimant.pk) if self.matches else NEW

    @property
    def other_spellings(self) -> list[intake.ClaimantMatch]:
        """Existing claimants the suggested name may be, spelt otherwise: the editor confirms."""
        return [match for match in self.matches if not match.exact]

    def chosen(self) -> Claimant | None:
        value = self.cleaned_data.get("claimant") or NEW
        return next((m.claimant for m in self.matches if str(m.claimant.pk) == value), None)

    def without_claimant(self) -> bool:
        return self.cleaned_data.get("claimant") == NONE


class EditForm(AcceptForm):
    statement = forms.CharField(
        label=gettext_lazy("Statement"), widget=forms.Textarea(attrs={"rows": 3, "cols": 90})
    )
    quote = forms.CharField(
        label=gettext_lazy("Quote"),
        widget=forms.Textarea(attrs={"rows": 3, "cols": 90}),
        help_text=gettext_lazy("The verbatim words; the deadline is read from them."),
    )
    claimant_name = forms.CharField(
        label=gettext_lazy("Claimant's name"), required=False, max_length=200,
        help_text=gettext_lazy(
            "Used when 'new claimant' is chosen, and remembered as an alias of a match."
        ),
    )  # fmt: skip
    reported_by = forms.CharField(label=gettext_lazy("Reported by"), required=False, max_length=200)

    field_order = ["statement", "quote", "claimant_name", "claimant", "reported_by"]

    def __init__(self, *args, suggestion: Suggestion, **kwargs) -> None:
        super().__init__(*args, suggestion=suggestion, **kwargs)
        # The editor may type a name the extraction did not find: offer it whatever was suggested.
        others = [c for c in self.fields["claimant"].choices if c[0] not in (NEW, NONE)]
        typed = (NEW, _("the name typed above: matched exactly, or a new claimant"))
        self.fields["claimant"].choices = [*others, typed, (NONE, _("no claimant"))]


def claimant_choices(name: str, matches: list[intake.ClaimantMatch]) -> list[tuple[str, str]]:
    choices = []
    for match in matches:
        described = match.claimant.description
        if not match.exact:
            described = _(
                "%(claimant)s — same person? “%(name)s” will be remembered as an alias"
            ) % {
                "claimant": described,
                "name": name,
            }
        choices.append((str(match.claimant.pk), described))
    if name:
        choices.append((NEW, _("new claimant: “%(name)s”") % {"name": name}))
    return [*choices, (NONE, _("no claimant"))]


def highlighted(article: Article, suggestions: list[Suggestion]) -> SafeString:
    """The article's paragraphs, each suggestion's quote marked and linked to its card."""
    pieces, at = [], 0
    for s in sorted(suggestions, key=lambda s: s.start):
        if s.start < at or article.text[s.start : s.end] != s.quote:
            continue  # overlapping, or the text changed since: mark nothing rather than wrong
        pieces.append(article.text[at : s.start])
        pieces.append(
            format_html(
                '<mark id="q{}" class="intake-{}" title="{}"><a href="#s{}">{}</a></mark>',
                s.pk,
                s.status,
                _("score %(score)s") % {"score": s.score},
                s.pk,
                article.text[s.start : s.end],
            )
        )
        at = s.end
    pieces.append(article.text[at:])
    html = format_html_join("", "{}", ((piece,) for piece in pieces))
    paragraphs = [p for p in str(html).split("\n\n") if p.strip()]
    return format_html_join("", "<p>{}</p>", ((SafeString(p),) for p in paragraphs))


class IntakeViews:
    """Mixed into ArticleAdmin: the import form, the suggestions page and their actions."""

    @admin.display(description=gettext_lazy("import"))
    def import_state(self, article: Article) -> str:
        state = getattr(article, "intake", None)
        if state is None:
            return "—"
        link = reverse("admin:claims_article_intake", args=[article.pk])
        return format_html('<a href="{}">{}</a>', link, state.get_state_display())

    def intake_urls(self, path) -> list:
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="claims_article_import"),
            path(
                "<int:pk>/suggestions/", view(self.suggestions_view), name="claims_article_intake"
            ),
            path("<int:pk>/extract/", view(self.extract_view), name="claims_article_extract"),
            path("suggestion/<int:pk>/edit/", view(self.edit_view), name="claims_suggestion_edit"),
            path(
                "suggestion/<int:pk>/<str:decision>/",
                view(self.decide_view),
                name="claims_suggestion_decide",
            ),
        ]

    def _context(self, request: HttpRequest, **extra) -> dict:
        return {**self.admin_site.each_context(request), "opts": Article._meta, **extra}

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_add_permission(request):
            raise PermissionDenied(roles.refusal(request.user, "import articles", "add_article"))
        form = ImportForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                queued = intake.queue_import(
                    url=data["url"] or "",
                    content=data["content"],
                    source_name=data["source"],
                    published=data["published"],
                    by=request.user,
                )
            except intake.AlreadyImported as error:
                self.message_user(request, str(error), messages.WARNING)
                return _to_intake(error.article.pk)
            except intake.ImportRunning as error:
                self.message_user(request, str(error), messages.WARNING)
                return HttpResponseRedirect(import_page(error.running, follow=True))
            except intake.IntakeError as error:
                form.add_error(None, str(error))
            else:
                intake.start_after_commit(queued)  # its page says where it stands
                return HttpResponseRedirect(import_page(queued, follow=True))
        sources = Source.objects.values_list("name", flat=True)
        context = self._context(request, title=_("Import article"), form=form, sources=sources)
        return TemplateResponse(request, "admin/claims/article/import.html", context)

    def suggestions_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        article = get_object_or_404(Article.objects.select_related("source", "intake"), pk=pk)
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        suggestions = list(
            article.suggestions.select_related("similar_claim", "claim").order_by("-score")
        )
        state = getattr(article, "intake", None)
        may_decide = request.user.has_perm("claims.add_claim")
        cards = [
            (s, AcceptForm(suggestion=s) if may_decide and s.status == "open" else None)
            for s in suggestions
        ]
        context = self._context(
            request,
            title=_("Suggested claims: %(headline)s") % {"headline": article.headline},
            article=article,
            intake=state,
            refreshing=state is not None and state.is_running,
            cards=cards,
            may_decide=may_decide,
            text=highlighted(article, suggestions),
        )
        return TemplateResponse(request, "admin/claims/article/suggestions.html", context)

    def extract_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        article = get_object_or_404(Article, pk=pk)
        if request.method != "POST":
            return _to_intake(pk)
        try:
            found = intake.extract_again(article, by=request.user)
        except intake.IntakeError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            kept = [s for s in found if s.status != Suggestion.Status.OPEN]
            rejected = sum(s.status == Suggestion.Status.REJECTED for s in kept)
            said = ngettext(
                "Extracted again: %(count)s suggestion; the decisions already made are kept "
                "(%(accepted)s accepted, %(rejected)s rejected).",
                "Extracted again: %(count)s suggestions; the decisions already made are kept "
                "(%(accepted)s accepted, %(rejected)s rejected).",
                len(found),
            )
            counts = {"count": len(found), "accepted": len(kept) - rejected, "rejected": rejected}
            self.message_user(request, said % counts)
        return _to_intake(pk)

    def decide_view(self, request: HttpRequest, pk: int, decision: str) -> HttpResponse:
        suggestion = get_object_or_404(Suggestion, pk=pk)
        if request.method != "POST" or decision not in ("accept", "reject"):
            return _to_intake(suggestion.article_id)
        try:
            if decision == "reject":
                intake.reject(suggestion, by=request.user)
                said = Truncator(suggestion.statement).words(14)
                self.message_user(request, _("Rejected: “%(claim)s”.") % {"claim": said})
                return _to_intake(suggestion.article_id)
            form = AcceptForm(request.POST, suggestion=suggestion)
            if not form.is_valid():
                raise intake.IntakeError(_("Choose the claimant from the list offered."))
            claim = intake.accept(
                suggestion,
                by=request.user,
                claimant=form.chosen(),
                claimant_name="" if form.without_claimant() else None,
            )
        except intake.IntakeError as error:
            self.message_user(request, str(error), messages.ERROR)
            return _to_intake(suggestion.article_id)
        return self._accepted(request, claim)

    def edit_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        suggestion = get_object_or_404(Suggestion.objects.select_related("article"), pk=pk)
        if not request.user.has_perm("claims.add_claim"):
            raise PermissionDenied(
                roles.refusal(request.user, "decide on suggestions", "add_claim")
            )
        initial = {
            "statement": suggestion.statement,
            "quote": suggestion.quote,
            "claimant_name": suggestion.claimant_name,
            "reported_by": suggestion.reported_by,
        }
        form = EditForm(request.POST or None, initial=initial, suggestion=suggestion)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                claim = intake.accept(
                    suggestion,
                    by=request.user,
                    statement=data["statement"],
                    quote=data["quote"],
                    claimant_name="" if form.without_claimant() else data["claimant_name"],
                    claimant=form.chosen(),
                    reported_by=data["reported_by"],
                )
            except intake.IntakeError as error:
                form.add_error(None, str(error))
            else:
                return self._accepted(request, claim)
        context = self._context(
            request, title=_("Edit and accept"), form=form, suggestion=suggestion,
            article=suggestion.article,
        )  # fmt: skip
        return TemplateResponse(request, "admin/claims/article/edit_suggestion.html", context)

    def _accepted(self, request: HttpRequest, claim) -> HttpResponse:
        link = reverse("admin:claims_claim_change", args=[claim.pk])
        self.message_user(
            request,
            format_html(
                _('Accepted: draft claim <a href="{link}">#{id}</a> “{claim}”.'),
                link=link,
                id=claim.pk,
                claim=claim,
            ),
            messages.SUCCESS,
        )
        return _to_intake(claim.article_id)


def _to_intake(article_id: int) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("admin:claims_article_intake", args=[article_id]))
