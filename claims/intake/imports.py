"""Importing an article: queue it (from a URL or pasted text), run it (fetch → extract →
suggestions), retry it, or read its text again. An import is a request (`ArticleImport`) until it
succeeds: only then, in one transaction, are its article and a new source made, so a failed
import keeps its reason on the request and leaves nothing else behind. One import of an article
runs at a time (a partial unique constraint keeps two requests that race to one). An article
logged by hand is matched for follow-ups too."""

import datetime as dt
from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from claims import roles
from claims.intake import extraction, followups
from claims.intake.dedupe import (
    canonical_url,
    content_hash,
    find_duplicate,
    find_running,
    pasted_text,
)
from claims.intake.errors import AlreadyImported, ImportNotAllowed, ImportRunning, IntakeError
from claims.intake.suggestions import similar_claim
from claims.models import Article, ArticleImport, Source, Suggestion
from factcheck.lib import fetching, turns

# The source of an article none is known for: a row found again by this name, so not translated
# (readers see it as data, like any source's name).
UNKNOWN_SOURCE = "Unknown source"
# A pasted article's headline until its text is read (its first line), in the site's language.

MIN_WORDS = 5  # fewer, and the page had no article in it (a menu, a login wall)
# The scope of the host turns that requests for monitored news keep to (factcheck/lib/turns.py):
# a feed and the articles found in it, one request per host per FEED_HOST_DELAY_SECONDS.
MONITORING_TURNS = "feeds"


@transaction.atomic
def queue_import(
    *,
    url: str = "",
    content: str = "",
    source_name: str = "",
    published: dt.date | None = None,
    by=None,
) -> ArticleImport:
    """Record a request to import an article (from a URL or pasted text/HTML); the work is
    `run_import`. The same article imported already, or being imported now, is refused."""
    _check_may_import(by)
    url, content = url.strip(), pasted_text(content)
    if bool(url) == bool(content):
        raise IntakeError(
            gettext("Give either the article's address or its text, not both or neither.")
        )
    if url and urlsplit(url).scheme.lower() not in ("http", "https"):
        raise IntakeError(
            gettext("Only http and https addresses can be imported, not “%(url)s”.")
            % {"url": url[:100]}
        )
    check_size(content)
    duplicate = find_duplicate(url=url, content=content)
    if duplicate is not None:
        raise AlreadyImported(duplicate)
    request = ArticleImport(
        requested_url=url,
        url=canonical_url(url) if url else "",
        pasted=content,
        content_hash=content_hash(content) if content else "",
        source_name=source_name.strip()[:200],
        published_on=published,
        requested_by=by,
    )
    _alone(request, request.save)
    return request


def _check_may_import(by) -> None:
    if by is not None and not by.has_perm("claims.add_article"):
        raise ImportNotAllowed(roles.refusal(by, gettext("import articles"), "add_article"))


def _alone(request: ArticleImport, write: Callable[[], object]) -> None:
    """Make `request` a running import with `write`, unless the same article is being imported:
    checked first for a clear refusal, and by the database for two requests that race."""
    running = find_running(url=request.url, digest=request.content_hash, other_than=request.pk)
    if running is not None:
        raise ImportRunning(running)
    try:
        with transaction.atomic():
            write()
    except IntegrityError as error:
        running = find_running(url=request.url, digest=request.content_hash, other_than=request.pk)
        if running is None:
            raise
        raise ImportRunning(running) from error


def start_after_commit(intake: ArticleImport) -> None:
    """Ask a worker to run the import once the transaction that queued it commits.

    robust: a broker that is down must not turn a committed import into an error page; the
    import waits, queued, and `resume_stalled_imports` sends it again."""
    from claims import tasks

    transaction.on_commit(lambda: tasks.import_article.delay(intake.pk), robust=True)


def _claimable(now: dt.datetime) -> Q:
    """Imports a run may take: queued ones, and running ones whose worker has not been heard of
    for longer than a fetch may take (it died)."""
    stalled = now - dt.timedelta(seconds=settings.IMPORT_STALLED_AFTER_SECONDS)
    return Q(state=ArticleImport.State.QUEUED) | Q(
        state__in=ArticleImport.RUNNING_STATES, state_since__lt=stalled
    )


def stalled_imports(now: dt.datetime | None = None) -> list[int]:
    """Imports whose work was lost: queued for a while with no worker taking them (their message
    never reached the broker), or running with no news from a worker that died."""
    now = now or timezone.now()
    waited = now - dt.timedelta(seconds=settings.IMPORT_REQUEUE_AFTER_SECONDS)
    lost = Q(state=ArticleImport.State.QUEUED, state_since__lt=waited) | (
        _claimable(now) & ~Q(state=ArticleImport.State.QUEUED)
    )
    return list(ArticleImport.objects.filter(lost).values_list("pk", flat=True))


def resume_stalled_imports() -> list[int]:
    """Ask a worker again for each import whose work was lost (`stalled_imports`); the run takes
    an import only if it is still to be done, so asking twice changes nothing."""
    from claims import tasks

    resumed = stalled_imports()
    for import_id in resumed:
        tasks.import_article.delay(import_id)
    return resumed


def check_size(content: str) -> None:
    """Pasted content is held to the cap a fetched page is held to (FETCH_MAX_BYTES), and pasted
    text to what an article can be (extraction.MAX_TEXT_CHARS): a 5 MB paste is refused with a
    plain message rather than read for many seconds."""
    size, limit = len(content.encode("utf-8")), settings.FETCH_MAX_BYTES
    if size > limit:
        raise IntakeError(
            _(
                "The pasted article is %(size)s MB; at most %(limit)s MB can be imported. Paste "
                "the article's text without the rest of the page, or give its address."
            )
            % {"size": _megabytes(size), "limit": _megabytes(limit)}
        )
    longest = extraction.MAX_TEXT_CHARS
    if len(content) > longest and not extraction.looks_like_html(content):
        raise IntakeError(
            _(
                "The pasted text is %(length)s characters (%(size)s MB); an article is read for "
                "claims up to %(longest)s characters (some 30,000 words). Paste only the "
                "article's own text, without the rest of the page, or give its address."
            )
            % {
                "length": formats.number_format(len(content), force_grouping=True),
                "size": _megabytes(size),
                "longest": formats.number_format(longest, force_grouping=True),
            }
        )


def _megabytes(size: int) -> str:
    return formats.number_format(size / 2**20, decimal_pos=1)


def run_import(import_id: int) -> ArticleImport:
    """Fetch and extract a queued import. Safe to run twice, and at once: a run first takes the
    import (a conditional update), so a finished import, or one another worker is running, is
    left alone; a worker that died is taken over once it is stalled. The article and everything
    read from it are written in one transaction: a run that fails or is killed half-way leaves
    no article behind. A failure's reason is kept in the site's language, whoever reads it
    later."""
    with translation.override(settings.LANGUAGE_CODE):
        return _run_import(import_id)


def _run_import(import_id: int) -> ArticleImport:
    now = timezone.now()
    taken = ArticleImport.objects.filter(_claimable(now), pk=import_id).update(
        state=ArticleImport.State.FETCHING, state_since=now
    )
    if not taken:
        return ArticleImport.objects.get(pk=import_id)
    intake = ArticleImport.objects.select_related("article__source", "feed").get(pk=import_id)
    try:
        page, is_html, final_url = _content(intake)
        _set_state(intake, ArticleImport.State.EXTRACTING)
        found = extraction.read_html(page, url=final_url) if is_html else extraction.read_text(page)
        if len(found.text.split()) < MIN_WORDS:
            raise IntakeError(
                gettext("No article text was found on the page; paste the text instead.")
            )
        _save_result(intake, found)
    except (fetching.FetchError, IntakeError) as error:
        _finish(intake, ArticleImport.State.FAILED, str(error))
    except Exception:
        _finish(
            intake,
            ArticleImport.State.FAILED,
            gettext("The import failed unexpectedly; try again."),
        )
        raise
    return intake


def retry_import(intake: ArticleImport, *, by=None) -> ArticleImport:
    """Queue a failed import again, unless its article came in meanwhile or is being imported."""
    _check_may_import(by)
    if intake.state != ArticleImport.State.FAILED:
        raise IntakeError(
            gettext("Only a failed import can be tried again; this one is %(state)s.")
            % {"state": intake.get_state_display()}
        )
    if intake.article_id is None:
        duplicate = find_duplicate(url=intake.requested_url, content=intake.pasted)
        if duplicate is not None:
            raise AlreadyImported(duplicate)

    def requeue() -> None:
        ArticleImport.objects.filter(pk=intake.pk, state=ArticleImport.State.FAILED).update(
            state=ArticleImport.State.QUEUED,
            error="",
            state_since=timezone.now(),
            finished_at=None,
        )

    _alone(intake, requeue)
    intake.refresh_from_db()
    return intake


@transaction.atomic
def extract_again(article: Article, *, by) -> list[Suggestion]:
    """Read the article's stored text for claims again (after the extraction improved, or for an
    article logged by hand). Accepted and rejected suggestions keep their decision."""
    if by is not None and not by.has_perm("claims.add_claim"):
        raise IntakeError(roles.refusal(by, _("decide on suggestions"), "add_claim"))
    state = ArticleImport.objects.filter(article=article).values_list("state", flat=True).first()
    if state in ArticleImport.RUNNING_STATES:
        raise IntakeError(_("The import is still running; its suggestions come when it is done."))
    if not article.text.strip():
        raise IntakeError(_("The article has no text to read claims from; paste it first."))
    suggestions = store_suggestions(article)
    followups.match_article(article)
    return suggestions


@transaction.atomic
def log_article(article: Article, *, by) -> Article:
    """Save an article an editor logged by hand, and match it against the claims the news may
    settle, as an imported one is."""
    if by is not None and not by.has_perm("claims.add_article"):
        raise IntakeError(roles.refusal(by, _("log articles"), "add_article"))
    article.save()
    followups.match_article(article)
    return article


def store_suggestions(article: Article) -> list[Suggestion]:
    """(Re)compute the article's suggestions; accepted and rejected ones keep their decision."""
    found = extraction.suggest_claims(
        article.text,
        article.published_on,
        article.language or None,
        precision=extraction.Precision(article.published_precision),
    )
    keep = {item.quote for item in found}
    article.suggestions.filter(status=Suggestion.Status.OPEN).exclude(quote__in=keep).delete()
    made = dict(article.suggestions.filter(claim__isnull=False).values_list("quote", "claim"))
    stored = []
    for item in found:
        values = {
            "statement": item.statement,
            "start": item.start,
            "end": item.end,
            "claimant_name": item.claimant[:200],
            "reported_by": item.reported_by[:200],
            "deadline": item.deadline,
            "deadline_expression": item.deadline_expression[:200],
            "score": item.score,
            "reasons": ", ".join(item.reasons)[:300],
            "similar_claim": similar_claim(item.statement, item.quote, not_=made.get(item.quote)),
        }
        suggestion, _ = Suggestion.objects.update_or_create(
            article=article, quote=item.quote, defaults=values
        )
        stored.append(suggestion)
    return stored


def _content(intake: ArticleImport) -> tuple[str, bool, str | None]:
    if intake.pasted:
        return intake.pasted, extraction.looks_like_html(intake.pasted), None
    url = intake.requested_url or intake.url
    page = _fetch_politely(url) if intake.feed_id else fetching.fetch(url)
    return page.text(), page.content_type != "text/plain", page.url


def _fetch_politely(url: str) -> fetching.Fetched:
    """Fetch an article found in a monitored feed in its host's turn: the news sites the
    workbench reads on its own are asked one request per FEED_HOST_DELAY_SECONDS. (If the turn
    does not come within a fetch's time limit, another run holds it far too long; go ahead.)"""
    host, delay = turns.host_of(url), settings.FEED_HOST_DELAY_SECONDS
    turns.wait(host, scope=MONITORING_TURNS, delay=delay, longest=settings.FETCH_TOTAL_TIMEOUT)
    try:
        return fetching.fetch(url)
    finally:
        turns.end(host, scope=MONITORING_TURNS, delay=delay)


def _save_result(intake: ArticleImport, found: extraction.ExtractedArticle) -> None:
    """The article, its source, its suggestions and the import's end, in one transaction. An
    article with this address that came in while the import ran (logged by hand, or a race the
    check did not see) fails the import, pointing to it."""
    try:
        with transaction.atomic():
            article = _save_article(intake, found)
            ArticleImport.objects.filter(pk=intake.pk).update(article=article)
            store_suggestions(article)
            followups.match_article(article)
            _finish(intake, ArticleImport.State.DONE)
    except IntegrityError as error:
        duplicate = Article.objects.filter(url=intake.url).first() if intake.url else None
        if duplicate is None:
            raise
        raise AlreadyImported(duplicate) from error
    intake.article = article


def source_for(name: str, url: str | None) -> Source:
    """The source named `name`, else the one whose domain is the address's, else "Unknown
    source"; a new one when a name is given that is not known yet."""
    if name.strip():
        return Source.objects.get_or_create(name=name.strip()[:200])[0]
    host = _host(url)
    known = Source.objects.filter(domain__iexact=host).first() if host else None
    return known or Source.objects.get_or_create(name=UNKNOWN_SOURCE)[0]


def _save_article(intake: ArticleImport, found: extraction.ExtractedArticle) -> Article:
    # An import queued before articles waited for success still has its (empty) article.
    article = intake.article or Article(url=intake.url or None)
    if article.pk is None and article.url:
        duplicate = Article.objects.filter(url=article.url).first()
        if duplicate is not None:
            raise AlreadyImported(duplicate)
    headline = found.headline or article.headline or intake.url or gettext("Pasted article")
    article.headline = headline[:500]
    article.byline = found.byline[:300]
    article.language = (found.language or (intake.feed.language if intake.feed else ""))[:8]
    article.text = found.text
    article.is_demo = article.is_demo or bool(intake.feed and intake.feed.is_demo)
    if intake.published_on is not None:
        article.published_on, article.published_precision = intake.published_on, "day"
    elif found.published:
        article.published_on, article.published_precision = found.published, "day"
    if article.source_id is None or article.source.name == UNKNOWN_SOURCE:
        article.source = _source(intake, found)
    article.save()
    return article


def _source(intake: ArticleImport, found: extraction.ExtractedArticle) -> Source:
    """The source named by who asked, else the one at the article's host (made if new), else
    the unknown source (pasted text)."""
    host = _host(intake.url)
    if intake.source_name or not host:
        return source_for(intake.source_name, intake.url)
    name = (found.site_name or host)[:200]
    known = Source.objects.filter(domain__iexact=host).first()
    return (
        known
        or Source.objects.filter(name=name).first()
        or Source.objects.create(name=name, domain=host)
    )


def _host(url: str | None) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.") if url else ""


def _set_state(intake: ArticleImport, state: str) -> None:
    now = timezone.now()
    ArticleImport.objects.filter(pk=intake.pk).update(state=state, state_since=now)
    intake.state, intake.state_since = state, now


def _finish(intake: ArticleImport, state: str, error: str = "") -> None:
    now = timezone.now()
    ArticleImport.objects.filter(pk=intake.pk).update(
        state=state, error=error[:500], finished_at=now, state_since=now
    )
    intake.state, intake.error, intake.finished_at = state, error[:500], now
