"""Forms of the staff side: the claim form and the inputs of the workflow's transitions."""

from __future__ import annotations

from django import forms

from claims import workflow
from claims.models import Article, Claim, Rating, RatingScale


class ClaimAdminForm(forms.ModelForm):
    """Reads the deadline from the quote unless the editor overrides it, and checks it."""

    DEADLINE_INPUTS = frozenset({"quote", "article", "deadline_overridden"})

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
            "deadline": "Read from the quote when you save. Tick 'overridden' to set it yourself.",
        }

    def clean(self) -> dict:
        data = super().clean()
        claim = self.instance
        for name in ("quote", "article", "deadline", "deadline_overridden"):
            if name in data:
                setattr(claim, name, data[name])
        if data.get("deadline_overridden"):
            if not data.get("deadline"):
                self.add_error("deadline", "An overridden deadline needs a date.")
                return data
            claim.deadline_expression = claim.deadline_expression or "set by an editor"
            claim.deadline_explanation = "Set by an editor, overriding what the quote says."
            claim.deadline_approximate = False
        elif claim.article_id and (not claim.pk or set(self.changed_data) & self.DEADLINE_INPUTS):
            workflow.fill_deadline(claim)
            data["deadline"] = claim.deadline
        try:
            workflow.check_deadline(claim)
        except workflow.DeadlineBeforeArticle as error:
            self.add_error("deadline", f"{str(error).capitalize()}.")
        return data


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
                self.add_error("published_on", f"{str(error).capitalize()}.")
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Shown on the claim's timeline.",
    )


class ResolveForm(forms.Form):
    rating = forms.ModelChoiceField(
        queryset=Rating.objects.filter(scale=RatingScale.PROMISE, is_final=True),
        help_text="The outcome once the deadline has passed.",
    )
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        max_length=500,
        help_text="What happened, in one or two sentences: it becomes the verdict's summary.",
    )
    checked_on = forms.DateField(
        required=False, help_text="The day the outcome was observed (YYYY-MM-DD), if not today."
    )


class ExtendForm(forms.Form):
    new_deadline = forms.DateField(help_text="YYYY-MM-DD, after the current deadline.")
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Why, e.g. 'the ministry announced a new opening date'.",
    )


class CorrectionForm(forms.Form):
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        help_text="What the verdict got wrong and what is right. Readers see it, dated, with the "
        "verdict; the verdict itself stays as it was published.",
    )
