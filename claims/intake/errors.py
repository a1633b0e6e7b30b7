"""Intake's refusals: each says why, and nothing was changed."""

from django.utils.translation import gettext as _

from claims.models import Article


class IntakeError(Exception):
    """An import or a decision was refused; the message says why, and nothing was changed."""


class AlreadyImported(IntakeError):
    def __init__(self, article: Article) -> None:
        self.article = article
        super().__init__(
            _("This article was imported already: article #%(id)s “%(headline)s”.")
            % {"id": article.pk, "headline": article.headline}
        )
