"""A page opened by someone who may not use it is refused at once, in plain words: the reason
when the page knows it (whose role it is), never a permission's codename, and a way back."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims.models import Article, Suggestion


@pytest.fixture
def suggestion(article) -> Suggestion:
    return Suggestion.objects.create(
        article=article, statement="S.", quote="S.", start=0, end=2, score=0.5
    )


def test_a_reviewer_opening_import_article_is_told_whose_step_it_is(client, reviewer):
    client.force_login(reviewer)
    response = client.get(reverse("admin:claims_article_import"))
    assert response.status_code == 403
    page = response.content.decode()
    assert "may not import articles: that is for Editors or Publishers." in page
    assert "add_article" not in page and reverse("admin:desk") in page
    assert not Article.objects.exists()


def test_a_reviewer_opening_a_suggestion_to_edit_is_told_whose_step_it_is(
    client, reviewer, suggestion
):
    client.force_login(reviewer)
    response = client.get(reverse("admin:claims_suggestion_edit", args=[suggestion.pk]))
    assert response.status_code == 403
    page = response.content.decode()
    assert "may not decide on suggestions: that is for Editors or Publishers." in page
    assert "add_claim" not in page


def test_an_admin_page_refused_without_a_reason_says_so_in_words(client, reviewer):
    client.force_login(reviewer)
    response = client.get(reverse("admin:claims_article_add"))
    assert response.status_code == 403
    page = response.content.decode()
    assert "Your role does not open this page" in page and reverse("admin:desk") in page
