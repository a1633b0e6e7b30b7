"""Intake's refusals: each says why, and nothing was changed."""

from claims.models import Article


class IntakeError(Exception):
    """An import or a decision was refused; the message says why, and nothing was changed."""


class AlreadyImported(IntakeError):
    def __init__(self, article: Article) -> None:
        self.article = article
        super().__init__(
            f"This article was imported already: article #{article.pk} “{article.headline}”."
        )
