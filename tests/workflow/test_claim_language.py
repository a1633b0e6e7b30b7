"""A claim knows its language: detected from its quote when logged (its article's when the quote
says too little), kept when an editor gives it, read again when the quote changes; the public page
and the ClaimReview say it."""

from __future__ import annotations

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
