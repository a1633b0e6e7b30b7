"""What the API says of the newsroom's news: articles, their imports and the follow-ups found in
them for a claim (claims/api/views.py; the import's rules are claims.intake's)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.api.serializers import SourceSerializer, WebURLSerializerField, newsroom
from claims.models import Article, ArticleImport, FollowUp


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
        state = getattr(article, "intake", None) if newsroom(self) else None
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
