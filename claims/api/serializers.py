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
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.models import (
    Article,
    ChangeProposal,
    Claim,
    Claimant,
    ClaimEvent,
    Evidence,
    Rating,
    Source,
    Topic,
    Verdict,
)
from factcheck.lib.weburl import validate_web_url


class WebURLSerializerField(serializers.URLField):
    """An http(s) address, refused as the admin refuses it (factcheck/lib/weburl.py), with one
    message that names the scheme rather than DRF's "Enter a valid URL." besides."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.validators = [v for v in self.validators if not isinstance(v, URLValidator)]
        self.validators.append(validate_web_url)


def newsroom(serializer: serializers.Serializer) -> bool:
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


# --- Articles as claims cite them (articles and their imports: claims/api/news.py) -------------


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
        return verdict.author.username if newsroom(self) else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_approver(self, verdict: Verdict) -> str | None:
        if not newsroom(self) or verdict.approver_id is None:
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
        if not newsroom(self) or not claim.open_verdicts:
            return None
        return self._verdict(claim.open_verdicts[0])

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_reviewer(self, claim: Claim) -> str | None:
        if not newsroom(self) or claim.reviewer is None:
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


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, and what to do about it.")


class ConflictSerializer(ErrorSerializer):
    existing = serializers.IntegerField(
        required=False, help_text="The id of the existing article or verdict, where one exists."
    )
    running = serializers.IntegerField(
        required=False, help_text="The id of the import of the same article running now."
    )
