"""Logging a claim and changing its fields: one create_claim and one edit_claim, whichever door
they are called from (admin, API, intake, demo), with the same deadline, timeline and reviewer."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims import intake, workflow
from claims.models import Article, Claim, ClaimEvent, DatePrecision, Suggestion

QUOTE = "the crossing will be opened in the next 60 days"


@pytest.fixture
def month_article(source) -> Article:
    """An article known to the month only: its deadlines are approximate."""
    return Article.objects.create(
        source=source,
        url="https://daily.example/2019/07/crossing",
        headline="Crossing to open",
        published_on=dt.date(2019, 7, 1),
        published_precision=DatePrecision.MONTH,
    )


def snapshot() -> tuple:
    return (Claim.objects.count(), ClaimEvent.objects.count())


def test_create_claim_reads_the_deadline_logs_it_and_assigns_its_reviewer(
    month_article, editor, reviewer
):
    claim = workflow.create_claim(
        Claim(statement="It opens.", quote=QUOTE, article=month_article, reviewer=reviewer),
        by=editor,
    )
    claim.refresh_from_db()
    assert (claim.deadline, claim.deadline_approximate) == (dt.date(2019, 9, 29), True)
    assert claim.status == Claim.Status.DRAFT and claim.created_by == editor
    assert claim.reviewer == reviewer
    kinds = list(claim.events.values_list("kind", flat=True))
    assert kinds == [ClaimEvent.Kind.CREATED, ClaimEvent.Kind.ASSIGNED]


def test_create_claim_is_refused_to_who_may_not_log_claims(month_article, reviewer):
    before = snapshot()
    with pytest.raises(
        workflow.NotAllowed, match="may not log claims: that is for Editors or Publishers"
    ):
        workflow.create_claim(Claim(statement="S", article=month_article), by=reviewer)
    assert snapshot() == before


def test_create_claim_with_a_non_reviewer_saves_nothing(month_article, editor, outsider):
    before = snapshot()
    with pytest.raises(workflow.NotAllowed, match="not a reviewer"):
        workflow.create_claim(
            Claim(statement="S", article=month_article, reviewer=outsider), by=editor
        )
    assert snapshot() == before


def test_an_overridden_deadline_needs_a_date(month_article, editor):
    claim = Claim(statement="S", article=month_article, deadline_overridden=True)
    with pytest.raises(workflow.WorkflowError, match="needs a date"):
        workflow.create_claim(claim, by=editor)
    assert not Claim.objects.exists()


def test_every_door_logs_the_same_claim(client, month_article, editor):
    """The admin form, the API and an accepted suggestion give the same deadline fields."""
    client.force_login(editor)
    form = {
        "statement": "By the admin.",
        "quote": QUOTE,
        "article": month_article.pk,
        "deadline": "",
        "evidence-TOTAL_FORMS": "0",
        "evidence-INITIAL_FORMS": "0",
    }
    assert client.post(reverse("admin:claims_claim_add"), form).status_code == 302
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    body = {"statement": "By the API.", "quote": QUOTE, "article": month_article.pk}
    assert api.post("/api/claims/", body, format="json").status_code == 201
    suggestion = Suggestion.objects.create(
        article=month_article, statement="By intake.", quote=QUOTE, start=0, end=10, score=1
    )
    intake.accept(suggestion, by=editor)

    fields = ("deadline", "deadline_expression", "deadline_approximate", "deadline_overridden")
    logged = {c.statement: tuple(getattr(c, f) for f in fields) for c in Claim.objects.all()}
    assert len(set(logged.values())) == 1, logged
    assert logged["By the API."] == (dt.date(2019, 9, 29), "in the next 60 days", True, False)
    assert ClaimEvent.objects.filter(kind=ClaimEvent.Kind.CREATED).count() == 3


# --- Who may change which field when ------------------------------------------------------------


def test_a_reviewer_may_change_none_of_the_claims_own_fields(make_claim, reviewer, editor):
    claim = make_claim()
    assert workflow.editable_fields(claim, reviewer) == frozenset()
    assert "statement" in workflow.editable_fields(claim, editor)
    claim.statement = "Reworded by a reviewer."
    with pytest.raises(workflow.NotAllowed, match="statement"):
        workflow.edit_claim(claim, by=reviewer, changed=["statement"])
    claim.refresh_from_db()
    assert claim.statement != "Reworded by a reviewer."


def test_a_published_claims_words_are_proposed_and_its_deadline_locked(watching_claim, editor):
    editable = workflow.editable_fields(watching_claim, editor)
    assert {"quote", "topics"} <= editable and not {"article", "deadline"} & editable
    watching_claim.quote = "something else entirely"
    proposal = workflow.edit_claim(watching_claim, by=editor, changed=["quote"])
    assert proposal.changes == {"quote": "something else entirely"}
    watching_claim.refresh_from_db()
    assert watching_claim.quote != "something else entirely"
    watching_claim.deadline = dt.date(2030, 1, 1)
    with pytest.raises(workflow.NotAllowed, match="deadline"):
        workflow.edit_claim(watching_claim, by=editor, changed=["deadline"])


def test_a_deadline_typed_without_override_is_read_again_from_the_quote(make_claim, editor):
    claim = make_claim(quote="the bridge will reopen within two weeks")
    claim.deadline = dt.date(2030, 1, 1)
    workflow.edit_claim(claim, by=editor, changed=["deadline"])
    claim.refresh_from_db()
    assert claim.deadline == dt.date(2024, 1, 29)
    assert not claim.deadline_overridden


def test_changing_the_reviewer_goes_through_assign(make_claim, editor, other_reviewer):
    claim = make_claim()
    claim.reviewer = other_reviewer
    workflow.edit_claim(claim, by=editor, changed=["reviewer"])
    claim.refresh_from_db()
    assert claim.reviewer == other_reviewer
    assert claim.events.filter(kind=ClaimEvent.Kind.ASSIGNED).count() == 1


def test_the_admin_offers_only_reviewers_as_a_claims_reviewer(client, editor, reviewer, outsider):
    client.force_login(editor)
    page = client.get(reverse("admin:claims_claim_add"))
    choices = {str(value) for value, _ in page.context["adminform"].form.fields["reviewer"].choices}
    assert str(reviewer.pk) in choices
    assert str(outsider.pk) not in choices and str(editor.pk) not in choices
