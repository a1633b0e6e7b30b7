"""Article intake: queue an import, run it (fetch → extract → suggestions), and decide on each
suggestion. A failed import keeps its reason on the article's import record and changes nothing
else; accepting a suggestion makes a draft claim through `claims.workflow`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.db.models.functions import Greatest
from django.utils import timezone

from claims import extraction, workflow
from claims.models import Article, ArticleImport, Claim, Claimant, ClaimantAlias, Source, Suggestion
from claims.names import normalise, same_person
from factcheck.lib import fetching

UNKNOWN_SOURCE = "Unknown source"
MIN_WORDS = 5  # fewer, and the page had no article in it (a menu, a login wall)
SIMILAR = 0.5  # trigram similarity (or difflib ratio) from which a claim is "possibly the same"
_TRACKING = ("utm_", "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "_ga")
_TRACKING_EXACT = {"ref", "ref_src", "cmpid", "ocid", "spm", "share", "s_cid", "yclid"}


class IntakeError(Exception):
    """An import or a decision was refused; the message says why, and nothing was changed."""


class AlreadyImported(IntakeError):
    def __init__(self, article: Article) -> None:
        self.article = article
        super().__init__(
            f"This article was imported already: article #{article.pk} “{article.headline}”."
        )


@dataclass(frozen=True)
class ClaimantMatch:
    """An existing claimant a suggested name may stand for; `exact` when name or alias agree."""

    claimant: Claimant
    exact: bool


# --- Importing ----------------------------------------------------------------------------------


def canonical_url(url: str) -> str:
    """The URL with scheme and host in lower case, no tracking parameters, fragment, default port
    or trailing slash: the key under which an article is imported once."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port and parts.port not in (80, 443) else None
    netloc = f"{host}:{port}" if port else host
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith(_TRACKING) and key.lower() not in _TRACKING_EXACT
    ]
    path = parts.path.rstrip("/") if parts.path not in ("", "/") else ""
    return urlunsplit((parts.scheme.lower(), netloc, path, urlencode(sorted(query)), ""))


def find_duplicate(*, url: str = "", content: str = "") -> Article | None:
    """The article already imported from this URL (canonicalised) or with this pasted content."""
    if url:
        canonical = canonical_url(url)
        return Article.objects.filter(Q(url=canonical) | Q(url=url.strip())).first()
    if content:
        digest = _hash(content)
        return Article.objects.filter(intake__content_hash=digest).first()
    return None


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
        raise IntakeError(f"{by} may not import articles: it needs the 'add_article' permission.")
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
        source=_source(source_name, canonical),
        url=canonical,
        headline=(canonical or "Pasted article")[:500],
        published_on=published,
    )
    return ArticleImport.objects.create(
        article=article,
        requested_url=url,
        pasted=content,
        content_hash=_hash(content) if content else "",
        published_given=published is not None,
        requested_by=by,
    )


def start_after_commit(intake: ArticleImport) -> None:
    """Ask a worker to run the import once the transaction that queued it commits.

    robust: a broker that is down must not turn a committed import into an error page; the
    import waits, queued, and the next sweep sends it again (`stalled_imports`)."""
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


def check_size(content: str) -> None:
    """Pasted content is held to the cap a fetched page is held to (FETCH_MAX_BYTES)."""
    size, limit = len(content.encode("utf-8")), settings.FETCH_MAX_BYTES
    if size > limit:
        raise IntakeError(
            f"The pasted article is {size / 2**20:.1f} MB; at most {limit / 2**20:.1f} MB can be "
            "imported. Paste the article's text without the rest of the page, or give its address."
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
        raise IntakeError(f"{by} may not import articles: it needs the 'add_article' permission.")
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
        raise IntakeError(
            f"{by} may not decide on suggestions: it needs the 'add_claim' permission."
        )
    state = ArticleImport.objects.filter(article=article).values_list("state", flat=True).first()
    if state in ArticleImport.RUNNING_STATES:
        raise IntakeError("The import is still running; its suggestions come when it is done.")
    if not article.text.strip():
        raise IntakeError("The article has no text to read claims from; paste it first.")
    return store_suggestions(article)


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


def similar_claim(statement: str, quote: str = "", *, not_: int | None = None) -> Claim | None:
    """The existing claim closest to this one, if close enough to be possibly the same: trigram
    similarity on PostgreSQL, a word-overlap prefilter and difflib elsewhere. `not_` is the claim
    the suggestion itself became, which is no duplicate of it."""
    claims = Claim.objects.exclude(pk=not_) if not_ else Claim.objects.all()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        scored = claims.annotate(
            similarity=Greatest(
                TrigramSimilarity("statement", statement), TrigramSimilarity("quote", quote or "")
            )
        )
        return scored.filter(similarity__gte=SIMILAR).order_by("-similarity").first()
    words = sorted(set(re.findall(r"\w{5,}", statement.lower())), key=len, reverse=True)[:4]
    if not words:
        return None
    overlap = Q()
    for word in words:
        overlap |= Q(statement__icontains=word) | Q(quote__icontains=word)
    best, best_ratio = None, SIMILAR
    for claim in claims.filter(overlap).only("statement", "quote")[:200]:
        ratio = max(_ratio(statement, claim.statement), _ratio(quote, claim.quote))
        if ratio >= best_ratio:
            best, best_ratio = claim, ratio
    return best


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a.lower(), b.lower()).ratio() if a and b else 0.0


# --- Deciding -----------------------------------------------------------------------------------


def claimant_matches(name: str) -> list[ClaimantMatch]:
    """Claimants a name may stand for: exact (name or alias) first, then other spellings."""
    if not name.strip():
        return []
    key = normalise(name)
    exact = {
        c.pk: c
        for c in Claimant.objects.filter(
            Q(name__iexact=name.strip()) | Q(aliases__name__iexact=name)
        )
    }
    matches = [ClaimantMatch(c, True) for c in exact.values()]
    for claimant in Claimant.objects.prefetch_related("aliases").exclude(pk__in=exact):
        spellings = [claimant.name, *(alias.name for alias in claimant.aliases.all())]
        if any(normalise(s) == key or same_person(s, name) for s in spellings):
            matches.append(ClaimantMatch(claimant, normalise(claimant.name) == key))
    return matches


@transaction.atomic
def accept(
    suggestion: Suggestion,
    *,
    by,
    statement: str | None = None,
    quote: str | None = None,
    claimant_name: str | None = None,
    claimant: Claimant | None = None,
    reported_by: str | None = None,
) -> Claim:
    """Make the suggestion a draft claim, as suggested or as edited.

    `claimant` is the existing person the editor confirmed; if it was spelt differently, that
    spelling is remembered as an alias. Without it, the name is matched exactly or created.
    """
    _require_open(suggestion, by)
    name = (suggestion.claimant_name if claimant_name is None else claimant_name).strip()
    quote = suggestion.quote if quote is None else quote.strip()
    if not quote:
        raise IntakeError("A claim needs the words it quotes; the quote is empty.")
    claim = Claim(
        statement=(statement or suggestion.statement).strip(),
        quote=quote,
        article=suggestion.article,
        claimant=_claimant_for(name, claimant),
        reported_by=(suggestion.reported_by if reported_by is None else reported_by).strip(),
        created_by=by,
    )
    if suggestion.deadline_expression or quote != suggestion.quote:
        workflow.fill_deadline(claim)
    workflow.check_deadline(claim)
    claim.save()
    workflow.record_created(claim, by=by)
    _decide(suggestion, Suggestion.Status.ACCEPTED, by, claim=claim)
    return claim


@transaction.atomic
def reject(suggestion: Suggestion, *, by) -> None:
    """Mark the suggestion rejected; a later import of the article will not offer it again."""
    _require_open(suggestion, by)
    _decide(suggestion, Suggestion.Status.REJECTED, by)


# --- Helpers ------------------------------------------------------------------------------------


def pasted_text(content: str) -> str:
    """Pasted text as it is kept and compared: a browser's CRLF line ends (and a file's trailing
    spaces) do not make the same article a different one."""
    return "\n".join(line.rstrip() for line in content.splitlines()).strip()


def _hash(content: str) -> str:
    return hashlib.sha256(pasted_text(content).encode("utf-8")).hexdigest()


def _source(name: str, url: str | None) -> Source:
    if name.strip():
        return Source.objects.get_or_create(name=name.strip()[:200])[0]
    host = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    known = Source.objects.filter(domain__iexact=host).first() if host else None
    return known or Source.objects.get_or_create(name=UNKNOWN_SOURCE)[0]


def _content(intake: ArticleImport) -> tuple[str, bool, str | None]:
    if intake.pasted:
        return intake.pasted, extraction.looks_like_html(intake.pasted), None
    page = fetching.fetch(intake.requested_url or intake.article.url)
    return page.text(), page.content_type != "text/plain", page.url


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


def _require_open(suggestion: Suggestion, by) -> None:
    if by is not None and not by.has_perm("claims.add_claim"):
        raise IntakeError(
            f"{by} may not decide on suggestions: it needs the 'add_claim' permission."
        )
    current = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    if current.status != Suggestion.Status.OPEN:
        raise IntakeError(f"This suggestion was {current.get_status_display()} already.")


def _claimant_for(name: str, confirmed: Claimant | None) -> Claimant | None:
    if confirmed is not None:
        known = {normalise(confirmed.name), *(normalise(a.name) for a in confirmed.aliases.all())}
        if name and normalise(name) not in known:
            try:
                with transaction.atomic():
                    ClaimantAlias.objects.create(name=name[:200], claimant=confirmed)
            except IntegrityError as error:
                raise IntakeError(f"“{name}” is already an alias of another claimant.") from error
        return confirmed
    if not name:
        return None
    exact = [match.claimant for match in claimant_matches(name) if match.exact]
    return exact[0] if exact else Claimant.objects.create(name=name[:200])


def _decide(suggestion: Suggestion, status: str, by, *, claim: Claim | None = None) -> None:
    suggestion.status, suggestion.claim = status, claim
    suggestion.decided_by, suggestion.decided_at = by, timezone.now()
    suggestion.save(update_fields=["status", "claim", "decided_by", "decided_at"])
