"""Forms of the staff side: the claim's and the article's (the transitions' forms are built from
their registry, in claims/admin/transitions.py)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from claims import workflow
from claims.models import Article, Claim


class ClaimAdminForm(forms.ModelForm):
    """Shows the deadline the workflow will set (read from the quote unless the editor overrides
    it) and its refusal, if any, on the form; saving goes through the workflow."""

    class Meta:
        model = Claim
        fields = [
            "statement",
            "quote",
            "article",
            "appearances",
            "claimant",
            "reported_by",
            "topics",
            "is_demo",
            "deadline",
            "deadline_overridden",
            "reviewer",
        ]
        help_texts = {
            "deadline": _(
                "Read from the quote when you save. Tick 'overridden' to set it yourself."
            ),
        }

    # Not a field of the claim: an internal note added when the page is saved (never public).
    new_note = forms.CharField(
        required=False,
        max_length=2000,
        label=_("Add an internal note"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For the newsroom only; @username mentions e-mail that colleague once."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "reviewer" in self.fields:
            self.fields["reviewer"].queryset = workflow.reviewers()

    def clean(self) -> dict:
        data = super().clean()
        claim = self.instance
        inputs = workflow.DEADLINE_INPUTS | {"deadline"}
        if claim.pk and not set(self.changed_data) & inputs:
            return data
        for name in inputs:
            if name in data:
                setattr(claim, name, data[name])
        try:
            workflow.set_deadline(claim)
        except workflow.WorkflowError as error:
            self.add_error("deadline", sentence(str(error)))
        else:
            data["deadline"] = claim.deadline
        return data


def sentence(message: str) -> str:
    """A refusal's words as a sentence of their own, for a form: "The deadline … 2019-07-31."."""
    return message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")


class ArticleAdminForm(forms.ModelForm):
    """Refuses a date after the deadline of one of the article's published claims."""

    class Meta:
        model = Article
        fields = [
            "source",
            "url",
            "headline",
            "byline",
            "published_on",
            "published_precision",
            "language",
            "text",
            "is_demo",
        ]

    def clean(self) -> dict:
        data = super().clean()
        if self.instance.pk and "published_on" in self.changed_data:
            self.instance.published_on = data.get("published_on")
            try:
                workflow.check_article_date(self.instance)
            except workflow.DeadlineBeforeArticle as error:
                self.add_error("published_on", sentence(str(error)))
        return data
