"""What the workbench accepts as text, addresses and article size, by every way they come in: the
admin's forms, the API, article import and ClaimReview import. Control characters and bidi
overrides are stripped by one rule (factcheck/lib/text.py); non-web addresses and articles over
the cap are refused with a message, and nothing is created."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims import intake, workflow
from claims.claimreview import importer as claimreview_import
from claims.models import Article, ArticleImport, Claim, Claimant, Evidence, Source, Verdict
from factcheck.lib.text import clean_text
from tests.api.test_api_write import snapshot
from tests.support.data import write_verdict

RLO, LRO, RLE, PDF, LRI, RLI, FSI, PDI = "\u202e\u202d\u202b\u202c\u2066\u2067\u2068\u2069"
RLM, LRM, ALM = "\u200f\u200e\u061c"
# An override that turns the rest of the line around, a bell, an escape, a C1 control.
HIDDEN = f"{RLO}evil{PDF}\x07\x1b\x85"


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        (f"Tax {RLO}%02 si{PDF} rate", "Tax %02 si rate"),
        (f"{LRO}{RLE}{LRI}{RLI}{FSI}{PDI}text", "text"),
        ("a\x00b\x01c\x08d\x0be\x0cf\x1fg\x7fh\x80i\x9fj", "abcdefghij"),
        ("tabs\tand\nnew\r\nlines", "tabs\tand\nnew\r\nlines"),
        (f"قال {RLM}الوزير{LRM} 60{ALM} يوما", f"قال {RLM}الوزير{LRM} 60{ALM} يوما"),
        (
            "emoji 👩\u200d👩\u200d👧 and ZWNJ می\u200cخواهم",
            "emoji 👩\u200d👩\u200d👧 and ZWNJ می\u200cخواهم",
        ),
    ],
)
def test_the_rule_strips_controls_and_overrides_and_keeps_marks(given, kept):
    assert clean_text(given) == kept


def api(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


# --- Control characters and overrides, by every way in ------------------------------------------


def claim_form(article, **overrides) -> dict:
    return {
        "statement": f"The bridge {HIDDEN}will reopen.",
        "quote": f"the bridge {RLO}will reopen",
        "article": article.pk,
        "reported_by": f"Radio{RLO} One",
        "deadline": "",
        "evidence-TOTAL_FORMS": "0",
        "evidence-INITIAL_FORMS": "0",
        **overrides,
    }


def test_the_admins_forms_keep_clean_text(client, editor, article):
    client.force_login(editor)
    assert client.post(reverse("admin:claims_claim_add"), claim_form(article)).status_code == 302
    claim = Claim.objects.get()
    assert (claim.statement, claim.quote, claim.reported_by) == (
        "The bridge evilwill reopen.",
        "the bridge will reopen",
        "Radio One",
    )
    client.post(
        reverse("admin:claims_claimant_add"),
        {
            "name": f"Ahmad{RLO} Jadayan",
            "role": "\x1bcommander",
            "affiliation": "",
            "same_as": "",
            "aliases-TOTAL_FORMS": "1",
            "aliases-INITIAL_FORMS": "0",
            "aliases-0-name": f"Ahmed {RLI}Jidyan{PDI}",
        },
    )
    claimant = Claimant.objects.get()
    assert (claimant.name, claimant.role) == ("Ahmad Jadayan", "commander")
    assert claimant.aliases.get().name == "Ahmed Jidyan"


def test_the_api_keeps_clean_text(editor, reviewer, article, make_claim):
    created = api(editor).post(
        "/api/claims/", {"statement": f"Unemployment {RLO}fell{PDF}.", "article": article.pk}
    )
    assert created.status_code == 201, created.content
    assert created.json()["statement"] == "Unemployment fell."
    claim = make_claim()
    evidence = api(reviewer).post(
        "/api/evidence/",
        {"claim": claim.pk, "url": "https://e.example/", "title": HIDDEN, "stance": "refutes"},
    )
    assert evidence.json()["title"] == "evil"
    verdict = api(reviewer).post(
        "/api/verdicts/", {"claim": claim.pk, "rating": "false", "summary": f"Not{RLO} so."}
    )
    assert Verdict.objects.get(pk=verdict.json()["id"]).summary == "Not so."


def test_a_null_character_is_refused_by_the_api_with_a_message(editor, article):
    before = snapshot()
    response = api(editor).post("/api/claims/", {"statement": "A\x00B", "article": article.pk})
    assert response.status_code == 400
    assert response.json()["statement"] == ["Null characters are not allowed."]
    assert snapshot() == before


def test_a_workflow_reason_is_kept_clean(watching_claim, publisher):
    workflow.retract(watching_claim, by=publisher, reason=f"Wrong {RLO}speaker\x07.")
    watching_claim.refresh_from_db()
    assert watching_claim.retraction_reason == "Wrong speaker."
    assert watching_claim.events.get(kind="retracted").message.endswith("Wrong speaker.")


def test_an_imported_article_is_kept_clean_and_its_suggestions_still_point_into_it(db):
    text = (
        f"Bridge{RLO} to reopen\n\nThe minister said\x00 on Monday that the bridge will reopen "
        f"within two weeks{RLO}, officials said.\x07 Nothing else was announced."
    )
    queued = intake.queue_import(content=text, source_name=f"Daily{RLO} Paste")
    article = intake.run_import(queued.pk).article
    article.refresh_from_db()
    assert not set(article.text) & {RLO, "\x00", "\x07"}
    assert article.source.name == "Daily Paste" and article.headline == "Bridge to reopen"
    suggestion = article.suggestions.get()
    assert article.text[suggestion.start : suggestion.end] == suggestion.quote
    assert "within two weeks," in suggestion.quote


def test_an_imported_claimreview_is_kept_clean(publisher):
    fixture = Path(__file__).parents[1] / "fixtures" / "claimreview" / "single.json"
    review = json.loads(fixture.read_text())
    review["claimReviewed"] = f"Ferry fares {RLO}were halved\x1b."
    review["itemReviewed"]["author"]["name"] = f"Iris{RLO} Holm"
    result = claimreview_import.import_document(json.dumps(review), by=publisher)
    assert result.imported == 1, result
    claim = Claim.objects.get()
    assert claim.statement == "Ferry fares were halved."
    assert claim.claimant.name == "Iris Holm"


# --- A 10 MB article --------------------------------------------------------------------------

TEN_MB = ("The minister said the bridge will reopen within two weeks. " * 180_000)[: 10 * 2**20]


def nothing_imported() -> bool:
    return not Article.objects.exists() and not ArticleImport.objects.exists()


def test_a_10_mb_article_pasted_in_the_admin_is_refused_with_the_cap(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:claims_article_import"), {"content": TEN_MB, "source": "Big"}
    )
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert errors == [
        "The pasted article is 10.0 MB; at most 5.0 MB can be imported. Paste the article's "
        "text without the rest of the page, or give its address."
    ]
    assert nothing_imported() and not Source.objects.filter(name="Big").exists()


def test_a_10_mb_article_posted_to_the_api_is_refused_with_the_cap(editor):
    response = api(editor).post("/api/articles/", {"text": TEN_MB}, format="json")
    assert response.status_code == 400
    assert response.json()["detail"].startswith("The pasted article is 10.0 MB; at most 5.0 MB")
    assert nothing_imported()


def test_a_body_too_large_to_read_is_a_413_that_says_so(client, editor):
    client.force_login(editor)
    body = "content=" + "x" * (17 * 2**20)
    response = client.post(
        reverse("admin:claims_article_import"),
        body,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    assert "The request is 17.0 MB, more than the 16.0 MB the workbench reads" in response.text
    assert "at most 5.0 MB" in response.text
    api_response = api(editor).post(
        "/api/articles/", json.dumps({"text": "x" * (17 * 2**20)}), content_type="application/json"
    )
    assert api_response.status_code == 413
    assert api_response.json()["detail"].startswith("The request is 17.0 MB")
    assert nothing_imported()


# --- Addresses that are not web pages -----------------------------------------------------------

NOT_WEB = [
    "javascript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://files.example/report.pdf",
    "file:///etc/passwd",
]


def scheme_of(url: str) -> str:
    return url.split(":")[0]


def refused(errors: str, url: str) -> bool:
    return f"Only http:// and https:// addresses are accepted, not “{scheme_of(url)}:” ones." in (
        errors
    )


@pytest.mark.parametrize("url", NOT_WEB)
def test_evidence_with_another_scheme_is_refused_by_the_admin(client, reviewer, make_claim, url):
    claim = make_claim()
    client.force_login(reviewer)
    response = client.post(
        reverse("admin:claims_evidence_add"),
        {"claim": claim.pk, "url": url, "title": "Report", "stance": "refutes"},
    )
    assert response.status_code == 200  # the form again, not a 500 from the database
    assert refused(str(response.context["adminform"].form.errors), url)
    assert not Evidence.objects.exists()


@pytest.mark.parametrize("url", NOT_WEB)
def test_evidence_with_another_scheme_is_refused_on_the_claims_page(
    client, reviewer, make_claim, url
):
    claim = make_claim()
    write_verdict(claim, reviewer)
    client.force_login(reviewer)
    data = {
        **claim_form(claim.article, statement=claim.statement, quote=""),
        "reviewer": reviewer.pk,
        "evidence-TOTAL_FORMS": "1",
        "evidence-0-url": url,
        "evidence-0-title": "Report",
        "evidence-0-stance": "refutes",
        "verdicts-TOTAL_FORMS": "0",
        "verdicts-INITIAL_FORMS": "0",
        "verdicts-2-TOTAL_FORMS": "0",
        "verdicts-2-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("admin:claims_claim_change", args=[claim.pk]), data)
    assert response.status_code == 200
    assert refused(str(response.context["inline_admin_formsets"][0].formset.errors), url)
    assert not Evidence.objects.exists()


@pytest.mark.parametrize("url", NOT_WEB)
def test_evidence_with_another_scheme_is_refused_by_the_api(reviewer, make_claim, url):
    claim = make_claim()
    response = api(reviewer).post(
        "/api/evidence/", {"claim": claim.pk, "url": url, "title": "R", "stance": "refutes"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "url": [f"Only http:// and https:// addresses are accepted, not “{scheme_of(url)}:” ones."]
    }
    assert not Evidence.objects.exists()


@pytest.mark.parametrize("url", NOT_WEB)
def test_other_addresses_shown_as_links_are_refused_by_the_admin(client, editor, source, url):
    client.force_login(editor)
    forms = {
        "claims_claimant_add": {
            "name": "Ahmad Jadayan",
            "same_as": url,
            "aliases-TOTAL_FORMS": "0",
            "aliases-INITIAL_FORMS": "0",
        },
        "claims_source_add": {"name": "Outlet", "homepage": url},
        "claims_article_add": {
            "source": source.pk,
            "url": url,
            "headline": "Bridge",
            "published_precision": "day",
        },
    }
    for name, data in forms.items():
        response = client.post(reverse(f"admin:{name}"), data)
        assert response.status_code == 200, name
        assert refused(str(response.context["adminform"].form.errors), url), name
    assert not Claimant.objects.exists() and not Article.objects.exists()
    assert list(Source.objects.all()) == [source]


@pytest.mark.parametrize("url", NOT_WEB)
def test_an_article_address_with_another_scheme_is_refused_by_the_api(editor, url):
    response = api(editor).post("/api/articles/", {"url": url})
    assert response.status_code == 400
    assert refused(str(response.json()), url)
    assert nothing_imported()


def test_web_addresses_are_accepted(client, editor, source):
    client.force_login(editor)
    response = client.post(
        reverse("admin:claims_source_add"), {"name": "Outlet", "homepage": "outlet.example"}
    )
    assert response.status_code == 302
    assert Source.objects.get(name="Outlet").homepage == "https://outlet.example"
