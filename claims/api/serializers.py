"""The REST API's representations (see claims/api/views.py and docs/api.md).

Read serializers show what the public site shows; the few fields only the newsroom may see
(`open_verdict`, `reviewer`, a verdict's `author` and `approver`, an article's import state) are
filled only when the serializer's context says `newsroom=True`, and are null otherwise. Write
serializers parse input and hand it to `claims.workflow` or `claims.intake`: no rule lives here.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.validators import URLValidator
from django.utils.text import format_lazy
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.models import (
    Article,
    ArticleImport,
    ChangeProposal,
    Claim,
    Claimant,
    ClaimEvent,
    Evidence,
    FollowUp,
    Rating,
    Source,
    Topic,
    Verdict,
)
from claims.workflow.transitions import TRANSITIONS, Input, Kind, Transition
from factcheck.lib.weburl import validate_web_url


class WebURLSerializerField(serializers.URLField):
    """An http(s) address, refused as the admin refuses it (factcheck/lib/weburl.py), with one
    message that names the scheme rather than DRF's "Enter a valid URL." besides."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.validators = [v for v in self.validators if not isinstance(v, URLValidator)]
        self.validators.append(validate_web_url)


def _newsroom(serializer: serializers.Serializer) -> bool:
    return bool(serializer.context.get("newsroom"))


# --- Reference data -----------------------------------------------------------------------------


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "name", "homepage", "domain", "country", "language", "is_demo"]


class ClaimantSerializer(serializers.ModelSerializer):
    aliases = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")

    class Meta:
        model = Claimant
        fields = ["id", "name", "role", "affiliation", "same_as", "aliases", "is_demo"]


class RatingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Rating
        fields = ["slug", "label", "scale", "claimreview_value", "is_final", "order", "description"]


class TopicSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["slug", "name"]


# --- Articles -----------------------------------------------------------------------------------


class ArticleImportSerializer(serializers.Serializer):
    state = serializers.CharField(help_text="queued, fetching, extracting, done or failed.")
    error = serializers.CharField(help_text="Why a failed import failed.")
    finished_at = serializers.DateTimeField(allow_null=True)


class ArticleSerializer(serializers.ModelSerializer):
    source = SourceSerializer(read_only=True)
    published_display = serializers.CharField(read_only=True)
    intake = serializers.SerializerMethodField(
        help_text="The import's state (newsroom only; null for the public and for articles "
        "entered by hand)."
    )

    class Meta:
        model = Article
        fields = [
            "id",
            "url",
            "headline",
            "byline",
            "source",
            "published_on",
            "published_precision",
            "published_display",
            "language",
            "intake",
        ]

    @extend_schema_field(ArticleImportSerializer(allow_null=True))
    def get_intake(self, article: Article) -> dict | None:
        state = getattr(article, "intake", None) if _newsroom(self) else None
        return ArticleImportSerializer(state).data if state is not None else None


class ArticleImportRequestSerializer(serializers.Serializer):
    """An article to import: its address or its pasted text (the first line is the headline)."""

    url = WebURLSerializerField(required=False, allow_blank=True, default="", max_length=1000)
    text = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Pasted text or HTML."
    )
    source = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=200, help_text="Source name."
    )
    published = serializers.DateField(required=False, allow_null=True, default=None)


class ImportSerializer(serializers.ModelSerializer):
    """A request to import an article and where it stands; `article` is null until it is done
    (a failed import makes no article)."""

    source = serializers.CharField(source="source_name", help_text="The source's name, if given.")
    published = serializers.DateField(
        source="published_on", allow_null=True, help_text="The publication date, if given."
    )
    requested_by = serializers.CharField(
        source="requested_by.username", allow_null=True, default=None
    )
    state = serializers.CharField(help_text="queued, fetching, extracting, done or failed.")
    error = serializers.CharField(help_text="Why a failed import failed.")

    class Meta:
        model = ArticleImport
        fields = [
            "id",
            "url",
            "source",
            "published",
            "state",
            "error",
            "article",
            "requested_by",
            "created_at",
            "finished_at",
        ]


class ArticleRefSerializer(serializers.ModelSerializer):
    source = serializers.CharField(source="source.name", read_only=True)

    class Meta:
        model = Article
        fields = ["id", "url", "headline", "source", "published_on", "published_precision"]


# --- Verdicts and evidence ----------------------------------------------------------------------


class VerdictSerializer(serializers.ModelSerializer):
    rating = RatingSerializer(read_only=True)
    author = serializers.SerializerMethodField(help_text="Newsroom only; null for the public.")
    approver = serializers.SerializerMethodField(help_text="Newsroom only; null for the public.")

    class Meta:
        model = Verdict
        fields = [
            "id",
            "claim",
            "rating",
            "summary",
            "explanation",
            "status",
            "is_current",
            "published_at",
            "happened_on",
            "checked_on",
            "author",
            "approver",
        ]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_author(self, verdict: Verdict) -> str | None:
        return verdict.author.username if _newsroom(self) else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_approver(self, verdict: Verdict) -> str | None:
        if not _newsroom(self) or verdict.approver_id is None:
            return None
        return verdict.approver.username


class VerdictDraftSerializer(serializers.ModelSerializer):
    """A draft verdict for a claim; its author is the caller."""

    claim = serializers.PrimaryKeyRelatedField(queryset=Claim.objects.all())
    rating = serializers.SlugRelatedField(slug_field="slug", queryset=Rating.objects.all())

    class Meta:
        model = Verdict
        fields = ["claim", "rating", "summary", "explanation", "happened_on", "checked_on"]


class SnapshotSerializer(serializers.Serializer):
    """The readable copy kept of an evidence page: when it was fetched, what the site answered,
    the SHA-256 of the bytes it sent, and `url`, the copy on this site (null until the claim is
    published)."""

    fetched_at = serializers.DateTimeField()
    http_status = serializers.IntegerField(allow_null=True)
    sha256 = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, snapshot) -> str | None:
        evidence = snapshot.evidence
        if evidence.claim.status != Claim.Status.PUBLISHED:
            return None
        return f"{settings.SITE_URL}{evidence.archived_copy_path}"


class EvidenceSerializer(serializers.ModelSerializer):
    claim = serializers.PrimaryKeyRelatedField(queryset=Claim.objects.all())
    url = WebURLSerializerField(max_length=1000)
    snapshot = SnapshotSerializer(
        source="archived_copy",
        read_only=True,
        allow_null=True,
        help_text="The readable copy kept of the page, null until one is.",
    )

    class Meta:
        model = Evidence
        fields = [
            "id",
            "claim",
            "url",
            "title",
            "source_name",
            "published_on",
            "stance",
            "excerpt",
            "added_at",
            "link_health",
            "snapshot",
        ]
        read_only_fields = ["added_at", "link_health"]
        # The (claim, url) pair is checked by the database; the view answers 409 for it.
        validators = []


class FollowUpSerializer(serializers.ModelSerializer):
    """An article found in the news that may settle the claim: its sentence and how well it
    matched (who, what, where), best first."""

    url = serializers.URLField(source="article.url", allow_null=True)
    headline = serializers.CharField(source="article.headline")
    published = serializers.DateField(source="article.published_on", allow_null=True)
    article = serializers.IntegerField(source="article_id")

    class Meta:
        model = FollowUp
        fields = [
            "id",
            "article",
            "url",
            "headline",
            "published",
            "sentence",
            "score",
            "matched",
            "status",
            "found_at",
        ]
        read_only_fields = fields


class ClaimFollowUpsSerializer(serializers.Serializer):
    claim = serializers.IntegerField()
    follow_ups = FollowUpSerializer(many=True)


# --- Claims -------------------------------------------------------------------------------------


class ProposalSerializer(serializers.ModelSerializer):
    """A change proposed to a public claim's page, waiting for a publisher (or decided)."""

    proposed_by = serializers.CharField(source="proposed_by.username")
    detail = serializers.SerializerMethodField()

    class Meta:
        model = ChangeProposal
        fields = [
            "id",
            "kind",
            "summary",
            "status",
            "claim",
            "proposed_by",
            "proposed_at",
            "detail",
        ]

    def get_detail(self, proposal: ChangeProposal) -> str:
        if proposal.is_open:
            return gettext("Proposed: a publisher approves it before readers see it.")
        return proposal.get_status_display()


class EventSerializer(serializers.ModelSerializer):
    kind = serializers.CharField()
    message = serializers.CharField(source="text", help_text="What happened, in words.")

    class Meta:
        model = ClaimEvent
        fields = ["kind", "at", "message"]


class RetractionSerializer(serializers.Serializer):
    reason = serializers.CharField()
    at = serializers.DateTimeField(allow_null=True)


class ClaimSerializer(serializers.ModelSerializer):
    """A claim with its current verdict and every published verdict (newest first)."""

    claimant = ClaimantSerializer(read_only=True, allow_null=True)
    article = ArticleRefSerializer(read_only=True)
    topics = serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")
    page = serializers.SerializerMethodField(help_text="The public verdict page; null if none.")
    deadline_display = serializers.CharField(read_only=True)
    retraction = serializers.SerializerMethodField()
    current_verdict = serializers.SerializerMethodField()
    verdicts = serializers.SerializerMethodField(help_text="Published verdicts, newest first.")
    open_verdict = serializers.SerializerMethodField(
        help_text="The verdict in the works (draft or submitted): newsroom only, null otherwise."
    )
    reviewer = serializers.SerializerMethodField(help_text="Newsroom only; null for the public.")

    class Meta:
        model = Claim
        fields = [
            "id",
            "page",
            "statement",
            "quote",
            "language",
            "claimant",
            "reported_by",
            "article",
            "topics",
            "stated_on",
            "deadline",
            "deadline_display",
            "deadline_expression",
            "deadline_explanation",
            "deadline_approximate",
            "status",
            "tracking",
            "first_published_at",
            "retraction",
            "current_verdict",
            "verdicts",
            "open_verdict",
            "reviewer",
        ]

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_page(self, claim: Claim) -> str | None:
        request = self.context.get("request")
        if not claim.is_public or request is None:
            return None
        return request.build_absolute_uri(claim.get_absolute_url())

    @extend_schema_field(RetractionSerializer(allow_null=True))
    def get_retraction(self, claim: Claim) -> dict | None:
        if claim.status != Claim.Status.RETRACTED:
            return None
        return {"reason": claim.retraction_reason, "at": claim.retracted_at}

    def _verdict(self, verdict: Verdict) -> dict:
        return VerdictSerializer(verdict, context=self.context).data

    @extend_schema_field(VerdictSerializer(allow_null=True))
    def get_current_verdict(self, claim: Claim) -> dict | None:
        current = [v for v in claim.published_verdicts if v.is_current]
        return self._verdict(current[0]) if current else None

    @extend_schema_field(VerdictSerializer(many=True))
    def get_verdicts(self, claim: Claim) -> list[dict]:
        return [self._verdict(verdict) for verdict in claim.published_verdicts]

    @extend_schema_field(VerdictSerializer(allow_null=True))
    def get_open_verdict(self, claim: Claim) -> dict | None:
        if not _newsroom(self) or not claim.open_verdicts:
            return None
        return self._verdict(claim.open_verdicts[0])

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_reviewer(self, claim: Claim) -> str | None:
        if not _newsroom(self) or claim.reviewer is None:
            return None
        return claim.reviewer.username


class ClaimDetailSerializer(ClaimSerializer):
    """A claim as its verdict page shows it: with its evidence and public timeline."""

    evidence = EvidenceSerializer(many=True, read_only=True)
    timeline = EventSerializer(many=True, read_only=True, source="public_events")

    class Meta(ClaimSerializer.Meta):
        fields = [*ClaimSerializer.Meta.fields, "evidence", "timeline"]


class ClaimCreateSerializer(serializers.ModelSerializer):
    """A new draft claim. Its deadline is read from the quote against the article's date unless
    `deadline_overridden` is set with a `deadline`."""

    article = serializers.PrimaryKeyRelatedField(queryset=Article.objects.all())
    claimant = serializers.PrimaryKeyRelatedField(
        queryset=Claimant.objects.all(), required=False, allow_null=True
    )
    topics = serializers.SlugRelatedField(
        many=True, slug_field="slug", queryset=Topic.objects.all(), required=False
    )
    reviewer = serializers.PrimaryKeyRelatedField(
        queryset=get_user_model().objects.filter(is_active=True),
        required=False,
        allow_null=True,
        help_text="A reviewer's user id: assigned as `assign` does (a non-reviewer is a 403).",
    )

    class Meta:
        model = Claim
        fields = [
            "statement",
            "quote",
            "language",
            "article",
            "claimant",
            "reported_by",
            "topics",
            "deadline",
            "deadline_overridden",
            "reviewer",
        ]

    def validate(self, data: dict) -> dict:
        if data.get("deadline_overridden") and not data.get("deadline"):
            raise serializers.ValidationError(
                {"deadline": gettext("An overridden deadline needs a date.")}
            )
        if data.get("deadline") and not data.get("deadline_overridden"):
            raise serializers.ValidationError(
                {
                    "deadline": gettext(
                        "A deadline is read from the quote; to set it, also send "
                        "deadline_overridden: true."
                    )
                }
            )
        return data


# --- Transitions' inputs ------------------------------------------------------------------------


def input_field(spec: Input) -> serializers.Field:
    """The serializer field of one of a transition's inputs. Text may be left out: the workflow
    then says what is missing, in the same words as in the admin."""
    if spec.kind == Kind.TEXT:
        return serializers.CharField(
            required=False,
            allow_blank=True,
            default="",
            max_length=spec.max_length,
            help_text=spec.help,
        )
    if spec.kind == Kind.DATE:
        if spec.required:
            return serializers.DateField(help_text=spec.help)
        return serializers.DateField(
            required=False, allow_null=True, default=None, help_text=spec.help
        )
    if spec.kind == Kind.CONFIRM:
        return serializers.BooleanField(required=False, default=False, help_text=spec.help)
    if spec.kind == Kind.OUTCOME:
        return serializers.SlugRelatedField(
            slug_field="slug",
            queryset=Rating.objects.all(),
            help_text=format_lazy(
                "{} One of: fulfilled, partly-fulfilled, not-fulfilled, unverifiable.", spec.help
            ),
        )
    return serializers.PrimaryKeyRelatedField(
        queryset=get_user_model().objects.filter(is_active=True),
        required=False,
        allow_null=True,
        default=None,
        help_text=format_lazy("{} A user id.", spec.help),
    )


def transition_serializer(transition: Transition) -> type[serializers.Serializer] | None:
    """A serializer of the transition's inputs, or None for a transition that takes none."""
    if not transition.inputs:
        return None
    fields = {spec.name: input_field(spec) for spec in transition.inputs}
    name = transition.name.title().replace("_", "")
    return type(f"{name}Serializer", (serializers.Serializer,), fields)


TRANSITION_SERIALIZERS = {name: transition_serializer(t) for name, t in TRANSITIONS.items()}


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, and what to do about it.")


class ConflictSerializer(ErrorSerializer):
    existing = serializers.IntegerField(
        required=False, help_text="The id of the existing article or verdict, where one exists."
    )
    running = serializers.IntegerField(
        required=False, help_text="The id of the import of the same article running now."
    )
