"""A claim knows its language: detected from its quote when logged (its article's when the quote
says too little), kept when an editor gives it, read again when the quote changes; the public page
and the ClaimReview say it."""

from __future__ import annotations

import datetime as dt
import json
import re

from claims import workflow
from claims.models import Claim

ARABIC = "سيتم افتتاح المنفذ الحدودي مع سوريا خلال الستين يوما المقبلة"
FRENCH = "Le pont sera rouvert à la circulation avant la fin du mois prochain"


def log(article, editor, **fields) -> Claim:
    fields.setdefault("statement", "The crossing opens.")
    return workflow.create_claim(Claim(article=article, **fields), by=editor)


def test_a_claim_is_logged_with_the_language_of_its_quote(article, editor):
    assert log(article, editor, quote=ARABIC).language == "ar"
    assert log(article, editor, quote=FRENCH).language == "fr"


def test_a_quote_too_short_to_tell_takes_the_article_language(article, editor):
    article.language = "es"
    article.save()
    assert log(article, editor, quote="¡60 días!", statement="60").language == "es"


def test_the_language_an_editor_gives_is_kept(article, editor):
    assert log(article, editor, quote=FRENCH, language="ca").language == "ca"


def test_a_new_quote_is_read_again_unless_the_language_changes_with_it(article, editor):
    claim = log(article, editor, quote=FRENCH)
    claim.quote = ARABIC
    workflow.edit_claim(claim, by=editor, changed=["quote"])
    assert Claim.objects.get(pk=claim.pk).language == "ar"
    claim.quote, claim.language = FRENCH, "it"
    workflow.edit_claim(claim, by=editor, changed=["quote", "language"])
    assert Claim.objects.get(pk=claim.pk).language == "it"


def test_the_verdict_page_and_its_claimreview_say_the_language(
    client, settings, article, editor, publish_claim
):
    settings.LANGUAGE_CODE = "en-gb"
    claim = publish_claim(log(article, editor, quote=ARABIC), "false")
    page = client.get(claim.get_absolute_url()).content.decode()
    assert re.search(r'<blockquote lang="ar" dir="rtl"', page)
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', page, re.S)[1])
    assert data["itemReviewed"]["inLanguage"] == "ar"


def test_the_deadline_is_explained_in_each_language_of_the_site(
    client, article, editor, publish_claim
):
    claim = log(article, editor, quote="The bridge will reopen within two weeks.")
    assert claim.deadline_explanations["en-gb"] == (
        '"within two weeks" → 15 January 2024 + 2 weeks → 29 January 2024'
    )
    assert "29 janvier 2024" in claim.deadline_explanations["fr"]
    assert "29 de enero de 2024" in claim.deadline_explanations["es"]
    publish_claim(claim, "pending")
    page = claim.get_absolute_url()
    french = client.get(f"/fr{page}").content.decode()
    assert "29 janvier 2024" in french
    english = client.get(page).content.decode()
    assert "29 January 2024</span>" in english


def test_an_extension_is_explained_in_each_language(article, editor, publisher, publish_claim):
    claim = publish_claim(log(article, editor, quote="The bridge will reopen within two weeks."))
    workflow.extend(claim, deadline=dt.date(2024, 3, 1), reason="A new date.", by=publisher)
    claim.refresh_from_db()
    assert claim.deadline_explanation == "Extended from 29 January 2024: A new date."
    assert "29 janvier 2024" in claim.deadline_explanations["fr"]
