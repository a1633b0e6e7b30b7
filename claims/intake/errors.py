"""Intake's refusals: each says why, and nothing was changed."""

from django.utils.translation import gettext

from claims.models import Article, ArticleImport


class IntakeError(Exception):
    """An import or a decision was refused; the message says why, and nothing was changed."""


class AlreadyImported(IntakeError):
    def __init__(self, article: Article) -> None:
        self.article = article
        super().__init__(
            gettext("This article was imported already: article #%(id)s “%(headline)s”.")
            % {"id": article.pk, "headline": article.headline}
        )


class ImportRunning(IntakeError):
    """The same article is being imported now: the request is refused and points to that one."""

    def __init__(self, running: ArticleImport) -> None:
        self.running = running
        super().__init__(
            gettext(
                "This article is being imported already (import #%(number)s, %(state)s); "
                "wait for it to finish rather than starting another."
            )
            % {"number": running.pk, "state": running.get_state_display()}
        )


class ImportNotAllowed(IntakeError):
    """Who asked may not import articles (nor try a failed import again)."""
