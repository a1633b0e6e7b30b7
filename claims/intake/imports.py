"""Importing an article: queue it (from a URL or pasted text), run it (fetch → extract →
suggestions → follow-ups), retry it, or read its text again; an article logged by hand is
matched for follow-ups too. A failed import keeps its reason on the article's import record and
changes nothing else."""

import datetime as dt
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from claims import roles
from claims.intake import extraction, followups
from claims.intake.dedupe import canonical_url, content_hash, find_duplicate, pasted_text
from claims.intake.errors import AlreadyImported, IntakeError
from claims.intake.suggestions import similar_claim
from claims.models import Article, ArticleImport, Source, Suggestion
from factcheck.lib import fetching, turns

UNKNOWN_SOURCE = "Unknown source"
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
    """Record an article to import (from a URL or pasted text/HTML); the work is `run_import`."""
    if by is not None and not by.has_perm("claims.add_article"):
        raise IntakeError(roles.refusal(by, "import articles", "add_article"))
    url, content = url.strip(), pasted_text(content)
    if bool(url) == bool(content):
        raise IntakeError("Give either the article's address or its text, not both or neither.")
    if url and urlsplit(url).scheme.lower() not in ("http", "https"):
        raise IntakeError(f"Only http and https addresses can be imported, not “{url[:100]}”.")
    check_size(content)
    duplicate = find_duplicate(url=url, content=content)
    if duplicate is not None:
        raise AlreadyImported(duplicate)
    canonical = canonical_url(url) if url else None
    article = Article.objects.create(
        source=source_for(source_name, canonical),
        url=canonical,
        headline=(canonical or "Pasted article")[:500],
        published_on=published,
    )
    return ArticleImport.objects.create(
        article=article,
        requested_url=url,
        pasted=content,
        content_hash=content_hash(content) if content else "",
        published_given=published is not None,
        requested_by=by,
    )


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
            f"The pasted article is {size / 2**20:.1f} MB; at most {limit / 2**20:.1f} MB can be "
            "imported. Paste the article's text without the rest of the page, or give its address."
        )
    longest = extraction.MAX_TEXT_CHARS
    if len(content) > longest and not extraction.looks_like_html(content):
        raise IntakeError(
            f"The pasted text is {len(content):,} characters ({size / 2**20:.1f} MB); an article "
            f"is read for claims up to {longest:,} characters (some 30,000 words). Paste only "
            "the article's own text, without the rest of the page, or give its address."
        )


def run_import(import_id: int) -> ArticleImport:
    """Fetch and extract a queued import. Safe to run twice, and at once: a run first takes the
    import (a conditional update), so a finished import, or one another worker is running, is
    left alone; a worker that died is taken over once it is stalled. The results are written in
    one transaction: a run killed half-way leaves nothing half-written."""
    now = timezone.now()
    taken = ArticleImport.objects.filter(_claimable(now), pk=import_id).update(
        state=ArticleImport.State.FETCHING, state_since=now
    )
    if not taken:
        return ArticleImport.objects.get(pk=import_id)
    intake = ArticleImport.objects.select_related("article").get(pk=import_id)
    try:
        page, is_html, final_url = _content(intake)
        _set_state(intake, ArticleImport.State.EXTRACTING)
        found = extraction.read_html(page, url=final_url) if is_html else extraction.read_text(page)
        if len(found.text.split()) < MIN_WORDS:
            raise IntakeError("No article text was found on the page; paste the text instead.")
        with transaction.atomic():
            _save_article(intake, found)
            store_suggestions(intake.article)
            followups.match_article(intake.article)
            _finish(intake, ArticleImport.State.DONE)
    except (fetching.FetchError, IntakeError) as error:
        _finish(intake, ArticleImport.State.FAILED, str(error))
    except Exception:
        _finish(intake, ArticleImport.State.FAILED, "The import failed unexpectedly; try again.")
        raise
    return intake


def retry_import(intake: ArticleImport, *, by=None) -> ArticleImport:
    """Queue a failed import again."""
    if by is not None and not by.has_perm("claims.add_article"):
        raise IntakeError(roles.refusal(by, "import articles", "add_article"))
    if intake.state != ArticleImport.State.FAILED:
        raise IntakeError(f"Only a failed import can be retried; this one is {intake.state}.")
    ArticleImport.objects.filter(pk=intake.pk).update(
        state=ArticleImport.State.QUEUED, error="", state_since=timezone.now()
    )
    intake.refresh_from_db()
    return intake


@transaction.atomic
def extract_again(article: Article, *, by) -> list[Suggestion]:
    """Read the article's stored text for claims again (after the extraction improved, or for an
    article logged by hand). Accepted and rejected suggestions keep their decision."""
    if by is not None and not by.has_perm("claims.add_claim"):
        raise IntakeError(roles.refusal(by, "decide on suggestions", "add_claim"))
    state = ArticleImport.objects.filter(article=article).values_list("state", flat=True).first()
    if state in ArticleImport.RUNNING_STATES:
        raise IntakeError("The import is still running; its suggestions come when it is done.")
    if not article.text.strip():
        raise IntakeError("The article has no text to read claims from; paste it first.")
    suggestions = store_suggestions(article)
    followups.match_article(article)
    return suggestions


@transaction.atomic
def log_article(article: Article, *, by) -> Article:
    """Save an article an editor logged by hand, and match it against the claims the news may
    settle, as an imported one is."""
    if by is not None and not by.has_perm("claims.add_article"):
        raise IntakeError(roles.refusal(by, "log articles", "add_article"))
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


def source_for(name: str, url: str | None) -> Source:
    """The source named `name`, else the one whose domain is the address's, else "Unknown
    source"; a new one when a name is given that is not known yet."""
    if name.strip():
        return Source.objects.get_or_create(name=name.strip()[:200])[0]
    host = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    known = Source.objects.filter(domain__iexact=host).first() if host else None
    return known or Source.objects.get_or_create(name=UNKNOWN_SOURCE)[0]


def _content(intake: ArticleImport) -> tuple[str, bool, str | None]:
    if intake.pasted:
        return intake.pasted, extraction.looks_like_html(intake.pasted), None
    url = intake.requested_url or intake.article.url
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


def _save_article(intake: ArticleImport, found: extraction.ExtractedArticle) -> None:
    article = intake.article
    article.headline = (found.headline or article.headline)[:500]
    article.byline = found.byline[:300]
    article.language = found.language[:8]
    article.text = found.text
    if not intake.published_given and found.published:
        article.published_on = found.published
        article.published_precision = "day"
    if article.source.name == UNKNOWN_SOURCE and article.url:
        host = (urlsplit(article.url).hostname or "").removeprefix("www.")
        named = Source.objects.filter(Q(domain__iexact=host) | Q(name=found.site_name or host))
        article.source = named.first() or Source.objects.create(
            name=(found.site_name or host)[:200], domain=host
        )
    article.save()


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
