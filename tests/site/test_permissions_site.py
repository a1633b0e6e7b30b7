"""The permission matrix of the API and the public site, for anonymous, staff without a role,
editor, reviewer and publisher.

Every API endpoint and method, and every public URL, has a row written out below; they are found
from the URL configuration, so a new one without a row fails. The API's writes are the table of
tests/api/test_api_write.py (`WRITES`, tried by every role there): each write endpoint here names
its row, and every row there is some endpoint's. Reads are open to all, but what is not public
(a draft, what only a draft names) exists for the newsroom only; the public site shows nobody a
draft, staff included.
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims import urls as public_urls
from claims.api import urls as api
from claims.models import Claim, Claimant, Evidence, EvidenceSnapshot, Source, Topic
from factcheck import urls as root_urls
from tests.api.test_api_write import WRITES
from tests.support.data import write_verdict

ROLES = ["anonymous", "outsider", "editor", "reviewer", "publisher"]
READ = "everyone reads"
NEWSROOM_READS = "the newsroom reads"

API: dict[tuple[str, str], str] = {
    ("schema", "get"): READ,
    ("docs", "get"): READ,
    ("claim-list", "get"): READ,
    ("claim-list", "post"): "create claim",
    ("claim-detail", "get"): READ,
    ("claim-submit", "post"): "submit",
    ("claim-publish", "post"): "publish",
    ("claim-send-back", "post"): "send back",
    ("claim-withdraw", "post"): "withdraw",
    ("claim-approve-changes", "post"): "approve changes",
    ("claim-refuse-changes", "post"): "refuse changes",
    ("claim-retract", "post"): "retract",
    ("claim-resolve", "post"): "resolve",
    ("claim-extend", "post"): "extend",
    ("claim-assign", "post"): "assign",
    ("claim-correct", "post"): "correct",
    ("claim-follow-ups", "get"): NEWSROOM_READS,
    ("verdict-list", "get"): READ,
    ("verdict-list", "post"): "draft verdict",
    ("verdict-detail", "get"): READ,
    ("evidence-list", "get"): READ,
    ("evidence-list", "post"): "add evidence",
    ("evidence-detail", "get"): READ,
    ("article-list", "get"): READ,
    ("article-list", "post"): "import article",
    ("article-detail", "get"): READ,
    ("import-list", "get"): NEWSROOM_READS,
    ("import-detail", "get"): NEWSROOM_READS,
    ("import-retry", "post"): "retry import",
    ("source-list", "get"): READ,
    ("source-detail", "get"): READ,
    ("claimant-list", "get"): READ,
    ("claimant-detail", "get"): READ,
    ("rating-list", "get"): READ,
    ("rating-detail", "get"): READ,
    ("topic-list", "get"): READ,
    ("topic-detail", "get"): READ,
}
NEWSROOM = {"editor", "reviewer", "publisher"}


def api_endpoints() -> set[tuple[str, str]]:
    found = set()

    def walk(patterns) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns)
            elif pattern.name:  # the nameless last one is the JSON 404 for any other address
                actions = getattr(pattern.callback, "actions", None)
                view = getattr(pattern.callback, "view_class", None)
                methods = actions or [m for m in ("get", "post", "put", "patch", "delete")
                                      if hasattr(view, m)]  # fmt: skip
                # HEAD (and OPTIONS) answer as GET does.
                found.update((pattern.name, m) for m in methods if m not in ("head", "options"))

    walk(api.urlpatterns)
    return found


def test_every_api_endpoint_and_method_has_an_expectation():
    assert api_endpoints() == set(API)


def test_every_write_endpoint_is_in_the_write_matrix_and_every_row_there_is_an_endpoint():
    writes = [row for row in API.values() if row not in (READ, NEWSROOM_READS)]
    assert sorted(writes) == sorted(WRITES)


def client_for(role: str, people: dict) -> APIClient:
    client = APIClient()
    if role != "anonymous":
        token, _ = Token.objects.get_or_create(user=people[role])
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def newsroom_world(make_claim, publish_claim, reviewer, source) -> dict:
    """A published claim and what it names; a draft and what only it names."""
    said = Claimant.objects.create(name="Said it in public")
    published = publish_claim(make_claim("A published claim.", claimant=said), "false")
    kept = Evidence.objects.create(
        claim=published, url="https://e.example/p", title="P", stance="context"
    )
    EvidenceSnapshot.objects.create(
        evidence=kept, url=kept.url, text="The page's words.", fetched_at=timezone.now()
    )
    hidden_source = Source.objects.create(name="Only in drafts")
    hidden_article = published.article.__class__.objects.create(
        source=hidden_source, url="https://hidden.example/1", headline="Draft's article"
    )
    draft = make_claim(
        "A draft claim.",
        article=hidden_article,
        claimant=Claimant.objects.create(name="Only in a draft"),
    )
    write_verdict(draft, reviewer, "false", "A draft verdict.")
    hidden = Evidence.objects.create(
        claim=draft, url="https://e.example/d", title="D", stance="context"
    )
    EvidenceSnapshot.objects.create(
        evidence=hidden, url=hidden.url, text="The draft's page.", fetched_at=timezone.now()
    )
    Topic.objects.create(name="Borders", slug="borders")
    return {"published": published, "draft": draft}


def read_urls(world: dict) -> dict[str, tuple[str, set[str]]]:
    """Each read, and who gets a 200 (the others a 404)."""
    published, draft = world["published"], world["draft"]
    everyone = set(ROLES)
    return {
        "schema": ("/api/schema/", everyone),
        "docs": ("/api/docs/", everyone),
        "claim-list": ("/api/claims/", everyone),
        "claim-detail": (f"/api/claims/{published.pk}/", everyone),
        "claim-detail (draft)": (f"/api/claims/{draft.pk}/", NEWSROOM),
        "verdict-list": ("/api/verdicts/", everyone),
        "verdict-detail": (f"/api/verdicts/{published.verdicts.get().pk}/", everyone),
        "verdict-detail (draft)": (f"/api/verdicts/{draft.verdicts.get().pk}/", NEWSROOM),
        "evidence-list": ("/api/evidence/", everyone),
        "evidence-detail": (f"/api/evidence/{published.evidence.get().pk}/", everyone),
        "evidence-detail (draft)": (f"/api/evidence/{draft.evidence.get().pk}/", NEWSROOM),
        "article-list": ("/api/articles/", everyone),
        "article-detail": (f"/api/articles/{published.article_id}/", everyone),
        "article-detail (draft)": (f"/api/articles/{draft.article_id}/", NEWSROOM),
        "source-list": ("/api/sources/", everyone),
        "source-detail": (f"/api/sources/{published.article.source_id}/", everyone),
        "source-detail (draft)": (f"/api/sources/{draft.article.source_id}/", NEWSROOM),
        "claimant-list": ("/api/claimants/", everyone),
        "claimant-detail": (f"/api/claimants/{published.claimant_id}/", everyone),
        "claimant-detail (draft)": (f"/api/claimants/{draft.claimant_id}/", NEWSROOM),
        "rating-list": ("/api/ratings/", everyone),
        "rating-detail": ("/api/ratings/false/", everyone),
        "topic-list": ("/api/topics/", everyone),
        "topic-detail": ("/api/topics/borders/", everyone),
    }


def test_every_read_endpoint_is_tried(make_claim, publish_claim, reviewer, source):
    tried = {name.split(" ")[0] for name in read_urls(
        newsroom_world(make_claim, publish_claim, reviewer, source)
    )}  # fmt: skip
    assert tried == {name for (name, method), row in API.items() if row == READ}


def test_only_the_newsroom_reads_a_claims_follow_ups(
    make_claim, publish_claim, reviewer, source, editor, publisher, outsider
):
    people = {"outsider": outsider, "editor": editor, "reviewer": reviewer, "publisher": publisher}
    world = newsroom_world(make_claim, publish_claim, reviewer, source)
    expected = {"anonymous": 401, "outsider": 403, **dict.fromkeys(NEWSROOM, 200)}
    for claim in (world["published"], world["draft"]):
        answers = {
            role: client_for(role, people).get(f"/api/claims/{claim.pk}/follow-ups/").status_code
            for role in ROLES
        }
        assert answers == expected


def test_each_role_reads_exactly_what_it_may(
    make_claim, publish_claim, reviewer, source, editor, publisher, outsider
):
    people = {"outsider": outsider, "editor": editor, "reviewer": reviewer, "publisher": publisher}
    world = newsroom_world(make_claim, publish_claim, reviewer, source)
    wrong = []
    for role in ROLES:
        client = client_for(role, people)
        for name, (url, allowed) in read_urls(world).items():
            status = client.get(url).status_code
            if status != (200 if role in allowed else 404):
                wrong.append((role, name, status))
    assert wrong == []


def test_the_newsrooms_own_reads_are_the_newsrooms_only(editor, reviewer, publisher, outsider):
    """Article imports say who asked for what: the public is told to log in, staff without a
    role are refused, the newsroom reads them."""
    from claims.models import ArticleImport

    asked = ArticleImport.objects.create(url="https://news.example/a", requested_by=editor)
    urls = {"import-list": "/api/imports/", "import-detail": f"/api/imports/{asked.pk}/"}
    imports = {name for (name, _), row in API.items() if row == NEWSROOM_READS and "import" in name}
    assert set(urls) == imports
    people = {"outsider": outsider, "editor": editor, "reviewer": reviewer, "publisher": publisher}
    expected = {"anonymous": 401, "outsider": 403, **dict.fromkeys(NEWSROOM, 200)}
    answers = {
        (role, name): client_for(role, people).get(url).status_code
        for role in ROLES
        for name, url in urls.items()
    }
    assert answers == {(role, name): expected[role] for role, name in answers}


# --- The public site ----------------------------------------------------------------------------


def public_url_names() -> set[str]:
    names = {f"claims:{p.name}" for p in public_urls.urlpatterns if isinstance(p, URLPattern)}
    names |= {f"site:{p.name}" for p in public_urls.site_files}
    root = {p.name or str(p.pattern) for p in root_urls.urlpatterns if isinstance(p, URLPattern)}
    return names | root


def public_pages(published: Claim, draft: Claim) -> dict[str, list[tuple[str, int]]]:
    """Each public URL: the addresses tried and what everyone, staff or not, gets."""
    return {
        "healthz/": [("/healthz/", 200)],
        "readyz/": [("/readyz/", 200)],
        "favicon.ico": [("/favicon.ico", 301)],
        "claimreview-feed": [("/api/claimreview.json", 200)],
        "claims:home": [("/", 200)],
        "claims:list": [("/claims/", 200), ("/fr/claims/", 200), ("/ar/claims/", 200)],
        "claims:detail": [
            (reverse("claims:detail", args=[published.pk]), 301),
            (reverse("claims:detail", args=[draft.pk]), 404),
        ],
        "claims:detail-slug": [
            (published.get_absolute_url(), 200),
            (reverse("claims:detail-slug", args=[draft.pk, draft.slug]), 404),
            (f"/es{published.get_absolute_url()}", 200),
            (f"/ar{reverse('claims:detail-slug', args=[draft.pk, draft.slug])}", 404),
        ],
        "claims:archived-copy": [
            (published.evidence.get().archived_copy_path, 200),
            (draft.evidence.get().archived_copy_path, 404),
        ],
        "claims:deadlines": [("/deadlines/", 200)],
        "claims:claimant": [
            (reverse("claims:claimant", args=[published.claimant_id]), 200),
            (reverse("claims:claimant", args=[draft.claimant_id]), 404),
        ],
        "claims:source": [
            (reverse("claims:source", args=[published.article.source_id]), 200),
            (reverse("claims:source", args=[draft.article.source_id]), 404),
        ],
        "claims:feed-rss": [("/feeds/verdicts/rss/", 200)],
        "claims:feed-atom": [("/feeds/verdicts/atom/", 200)],
        "site:sitemap": [("/sitemap.xml", 200)],
        "site:sitemap-section": [(reverse("site:sitemap-section", args=["claims"]), 200)],
        "site:robots": [("/robots.txt", 200)],
    }


def test_every_public_url_has_an_expectation(make_claim, publish_claim, reviewer, source):
    world = newsroom_world(make_claim, publish_claim, reviewer, source)
    assert set(public_pages(world["published"], world["draft"])) == public_url_names()


def test_everyone_gets_the_public_site_and_nobody_a_draft_on_it(
    client, make_claim, publish_claim, reviewer, source, editor, publisher, outsider
):
    world = newsroom_world(make_claim, publish_claim, reviewer, source)
    published = world["published"]
    people = {"outsider": outsider, "editor": editor, "reviewer": reviewer, "publisher": publisher}
    wrong = []
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(people[role])
        for name, tries in public_pages(published, world["draft"]).items():
            for url, expected in tries:
                status = client.get(url).status_code
                if status != expected:
                    wrong.append((role, name, url, status, expected))
        sitemap = client.get(reverse("site:sitemap-section", args=["claims"])).content
        assert world["draft"].slug.encode() not in sitemap
    assert wrong == []
