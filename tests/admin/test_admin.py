"""The admin for each role: which pages answer, which actions are offered, what they do."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from claims import workflow
from claims.models import Claim, ClaimEvent, Evidence, Verdict
from tests.support.data import rating, write_verdict

PAGES = [
    # (url name, args?, {role: expected status})
    ("admin:index", False, {"editor": 200, "reviewer": 200, "publisher": 200, "outsider": 200}),
    (
        "admin:claims_claim_changelist",
        False,
        {"editor": 200, "reviewer": 200, "publisher": 200, "outsider": 403},
    ),
    (
        "admin:claims_claim_add",
        False,
        {"editor": 200, "reviewer": 403, "publisher": 200, "outsider": 403},
    ),
    (
        "admin:claims_claim_change",
        True,
        {"editor": 200, "reviewer": 200, "publisher": 200, "outsider": 403},
    ),
    (
        "admin:claims_source_add",
        False,
        {"editor": 200, "reviewer": 403, "publisher": 200, "outsider": 403},
    ),
    (
        "admin:claims_topic_add",
        False,
        {"editor": 200, "reviewer": 403, "publisher": 200, "outsider": 403},
    ),
    (
        "admin:claims_article_add",
        False,
        {"editor": 200, "reviewer": 403, "publisher": 200, "outsider": 403},
    ),
    (
        "admin:claims_claimant_changelist",
        False,
        {"editor": 200, "reviewer": 200, "publisher": 200, "outsider": 403},
    ),
    (
        "admin:claims_evidence_add",
        False,
        {"editor": 403, "reviewer": 200, "publisher": 200, "outsider": 403},
    ),
    (
        "admin:claims_verdict_changelist",
        False,
        {"editor": 200, "reviewer": 200, "publisher": 200, "outsider": 403},
    ),
    (
        "admin:claims_rating_changelist",
        False,
        {"editor": 200, "reviewer": 200, "publisher": 200, "outsider": 403},
    ),
    (
        "admin:claims_rating_add",
        False,
        {"editor": 403, "reviewer": 403, "publisher": 403, "outsider": 403},
    ),
    (
        "admin:claims_notification_changelist",
        False,
        {"editor": 403, "reviewer": 403, "publisher": 200, "outsider": 403},
    ),
    (
        "admin:auth_user_changelist",
        False,
        {"editor": 403, "reviewer": 403, "publisher": 403, "outsider": 403},
    ),
]


@pytest.fixture
def people(editor, reviewer, publisher, outsider):
    return {"editor": editor, "reviewer": reviewer, "publisher": publisher, "outsider": outsider}


@pytest.mark.parametrize(("name", "needs_claim", "expected"), PAGES)
def test_admin_pages_answer_each_role_as_it_should(
    client, people, make_claim, name, needs_claim, expected
):
    claim = make_claim()
    url = reverse(name, args=[claim.pk] if needs_claim else [])
    for role, status in expected.items():
        client.force_login(people[role])
        assert client.get(url).status_code == status, f"{role} on {url}"


def test_anonymous_is_sent_to_login(client, make_claim):
    response = client.get(reverse("admin:claims_claim_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def offered_actions(client, user) -> set[str]:
    client.force_login(user)
    response = client.get(reverse("admin:claims_claim_changelist"))
    return {value for value, _ in response.context["action_form"].fields["action"].choices}


def test_each_role_is_offered_its_own_actions(client, make_claim, editor, reviewer, publisher):
    make_claim()
    assert not {"submit", "publish"} & offered_actions(client, editor)
    assert {"submit", "assign"} <= offered_actions(client, reviewer)
    assert "publish" not in offered_actions(client, reviewer)
    assert {"publish", "retract"} <= offered_actions(client, publisher)


def run_action(client, user, action: str, claims, **extra):
    client.force_login(user)
    data = {"action": action, "_selected_action": [c.pk for c in claims], **extra}
    return client.post(reverse("admin:claims_claim_changelist"), data, follow=True)


def test_submit_and_publish_actions_report_per_claim(client, make_claim, reviewer, publisher):
    ready, not_ready = make_claim("Ready one."), make_claim("Not ready.")
    write_verdict(ready, reviewer, "false")
    response = run_action(client, reviewer, "submit", [ready, not_ready])
    texts = [str(m) for m in response.context["messages"]]
    assert any(t.startswith("Submitted: “Ready one.”") for t in texts)
    assert any("Not submitted: “Not ready.”" in t and "no draft verdict" in t for t in texts)

    response = run_action(client, publisher, "publish", [ready])
    ready.refresh_from_db()
    assert ready.status == Claim.Status.PUBLISHED


def test_retract_action_asks_for_a_reason_first(client, watching_claim, publisher):
    response = run_action(client, publisher, "retract", [watching_claim])
    assert b"Retract: the claims selected" in response.content
    assert b'name="reason"' in response.content
    watching_claim.refresh_from_db()
    assert watching_claim.status == Claim.Status.PUBLISHED

    run_action(client, publisher, "retract", [watching_claim], reason="Misattributed.")
    watching_claim.refresh_from_db()
    assert watching_claim.status == Claim.Status.RETRACTED
    assert watching_claim.retraction_reason == "Misattributed."


def test_assign_to_me_action(client, make_claim, other_reviewer):
    claim = make_claim()
    page = run_action(client, other_reviewer, "assign", [claim])
    assert b'name="reviewer"' in page.content  # whom to assign: "me" unless another is chosen
    claim.refresh_from_db()
    assert claim.reviewer != other_reviewer
    run_action(client, other_reviewer, "assign", [claim], reviewer="")
    claim.refresh_from_db()
    assert claim.reviewer == other_reviewer


def claim_form_data(article, **overrides) -> dict:
    data = {
        "statement": "The bridge will reopen within two weeks.",
        "quote": "the bridge will reopen within two weeks",
        "article": article.pk,
        "reported_by": "",
        "deadline": "",
        "evidence-TOTAL_FORMS": "0",
        "evidence-INITIAL_FORMS": "0",
    }
    return {**data, **overrides}


def test_editor_adds_a_claim_and_the_deadline_is_read_from_the_quote(client, editor, article):
    client.force_login(editor)
    response = client.post(reverse("admin:claims_claim_add"), claim_form_data(article))
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    claim = Claim.objects.get()
    assert claim.deadline == dt.date(2024, 1, 29)
    assert claim.deadline_expression == "within two weeks"
    assert claim.created_by == editor
    assert claim.events.filter(kind=ClaimEvent.Kind.CREATED).exists()


def test_editor_overrides_the_deadline_and_it_is_kept(client, editor, article):
    client.force_login(editor)
    client.post(
        reverse("admin:claims_claim_add"),
        claim_form_data(article, deadline="2024-03-01", deadline_overridden="on"),
    )
    claim = Claim.objects.get()
    assert claim.deadline == dt.date(2024, 3, 1) and claim.deadline_overridden
    assert "editor" in claim.deadline_explanation


def test_an_override_before_the_article_date_gets_a_clear_error(client, editor, article):
    client.force_login(editor)
    response = client.post(
        reverse("admin:claims_claim_add"),
        claim_form_data(article, deadline="2023-01-01", deadline_overridden="on"),
    )
    assert response.status_code == 200
    assert "before the article" in str(response.context["adminform"].form.errors)
    assert not Claim.objects.exists()


def offered(client, url: str) -> list[str]:
    context = client.get(url).context
    steps = [context["next_step"], *context["other_steps"]] if context["next_step"] else []
    return [step.transition.name for step in steps]


def test_change_page_offers_the_transitions_the_user_may_make(
    client, make_claim, reviewer, publisher
):
    claim = make_claim()
    write_verdict(claim, reviewer)
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    client.force_login(reviewer)
    assert offered(client, url) == ["submit"]
    workflow.submit(claim, by=reviewer)
    client.force_login(publisher)
    names = offered(client, url)
    assert names[0] == "publish" and "send_back" in names[1:]  # the next step first


def test_steps_without_anything_to_ask_are_taken_at_once(client, make_claim, other_reviewer):
    """Assign to me, Submit and Withdraw are buttons that post; the others open their page."""
    claim = make_claim()
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    client.force_login(other_reviewer)
    page = client.get(url).content.decode()
    assert f'action="{transition_url(claim, "assign")}"' in page and "Assign to me" in page
    client.post(transition_url(claim, "assign"))
    claim.refresh_from_db()
    assert claim.reviewer == other_reviewer


def transition_url(claim, name: str) -> str:
    return reverse("admin:claims_claim_transition", args=[claim.pk, name])


def test_a_draft_with_a_deadline_is_not_called_not_time_bound(client, make_claim, other_reviewer):
    """It has a deadline; it is just not watched until a pending verdict is published."""
    claim = make_claim(deadline=dt.date(2024, 1, 29))
    client.force_login(other_reviewer)
    page = client.get(transition_url(claim, "assign")).content.decode()
    assert "29 January 2024" in page
    assert "time-bound" not in page and "not watched yet" in page
    listing = client.get(reverse("admin:claims_claim_changelist")).content.decode()
    assert "time-bound" not in listing


def test_resolve_and_extend_through_the_change_page(client, watching_claim, reviewer, publisher):
    workflow.mark_due(watching_claim, as_of=dt.date(2024, 2, 1))
    client.force_login(reviewer)
    assert client.get(transition_url(watching_claim, "resolve")).status_code == 200
    client.post(
        transition_url(watching_claim, "resolve"),
        {
            "rating": rating("fulfilled").pk,
            "note": "Opened on 28 January.",
            "happened_on": "2024-01-28",
        },
    )
    verdict = watching_claim.verdicts.get(status=Verdict.Status.SUBMITTED)
    assert verdict.author == reviewer

    client.force_login(publisher)
    client.post(transition_url(watching_claim, "publish"))
    watching_claim.refresh_from_db()
    assert watching_claim.tracking == Claim.Tracking.RESOLVED


def test_a_refused_transition_shows_why_and_changes_nothing(client, watching_claim, reviewer):
    client.force_login(reviewer)
    response = client.post(
        transition_url(watching_claim, "extend"),
        {"deadline": "2024-01-01", "reason": "r"},
        follow=True,
    )
    assert any("must be after" in str(m) for m in response.context["messages"])
    watching_claim.refresh_from_db()
    assert watching_claim.deadline == dt.date(2024, 1, 29)


def test_an_editor_cannot_publish_through_the_transition_url(client, make_claim, reviewer, editor):
    claim = make_claim()
    write_verdict(claim, reviewer)
    workflow.submit(claim, by=reviewer)
    client.force_login(editor)
    response = client.post(transition_url(claim, "publish"), follow=True)
    assert any("is for Publishers" in str(m) for m in response.context["messages"])
    claim.refresh_from_db()
    assert claim.status == Claim.Status.IN_REVIEW


def test_reviewer_drafts_a_verdict_and_adds_evidence_on_the_claim_page(
    client, make_claim, reviewer
):
    claim = make_claim()
    client.force_login(reviewer)
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    form = client.get(url).context["adminform"].form
    data = {
        k: ("" if v is None else v)
        for k, v in form.initial.items()
        if k in form.fields and k not in ("appearances",)
    }
    data |= {
        "article": claim.article_id,
        "reviewer": reviewer.pk,
        "claimant": "",
        "evidence-TOTAL_FORMS": "1",
        "evidence-INITIAL_FORMS": "0",
        "evidence-0-url": "https://example.org/report",
        "evidence-0-title": "Report",
        "evidence-0-stance": "supports",
        "verdicts-TOTAL_FORMS": "1",
        "verdicts-INITIAL_FORMS": "0",
        "verdicts-0-rating": rating("pending").pk,
        "verdicts-0-summary": "Watching.",
        "verdicts-2-TOTAL_FORMS": "0",
        "verdicts-2-INITIAL_FORMS": "0",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert Evidence.objects.get().added_by == reviewer
    assert Verdict.objects.get().author == reviewer


def test_a_reviewer_researches_a_claim_but_does_not_reword_it(client, make_claim, reviewer):
    """Editors log claims; a reviewer's claim page has evidence and verdicts to write, and the
    claim's words, sources and deadline to read."""
    claim = make_claim(quote="the bridge will reopen within two weeks")
    client.force_login(reviewer)
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    form = client.get(url).context["adminform"].form
    assert not {"statement", "quote", "article", "deadline", "reviewer"} & set(form.fields)
    client.post(
        url,
        {
            "statement": "Something else entirely.",
            "evidence-TOTAL_FORMS": "1",
            "evidence-INITIAL_FORMS": "0",
            "evidence-0-url": "https://example.org/report",
            "evidence-0-title": "Report",
            "evidence-0-stance": "supports",
            "verdicts-TOTAL_FORMS": "0",
            "verdicts-INITIAL_FORMS": "0",
            "verdicts-2-TOTAL_FORMS": "0",
            "verdicts-2-INITIAL_FORMS": "0",
        },
    )
    claim.refresh_from_db()
    assert claim.statement == "The bridge will reopen within two weeks."
    assert Evidence.objects.get().claim == claim


def test_a_published_claims_words_change_only_by_a_proposal(client, watching_claim, editor):
    client.force_login(editor)
    url = reverse("admin:claims_claim_change", args=[watching_claim.pk])
    form = client.get(url).context["adminform"].form
    assert "statement" in form.fields and "quote" in form.fields
    assert "article" not in form.fields and "deadline" not in form.fields
    data = {
        "statement": "The bridge will reopen within a fortnight.",
        "quote": watching_claim.quote,
        "reported_by": "",
        "reviewer": watching_claim.reviewer_id,
        "evidence-TOTAL_FORMS": "0",
        "evidence-INITIAL_FORMS": "0",
        "verdicts-TOTAL_FORMS": "0",
        "verdicts-INITIAL_FORMS": "0",
        "verdicts-2-TOTAL_FORMS": "0",
        "verdicts-2-INITIAL_FORMS": "0",
    }
    response = client.post(url, data, follow=True)
    shown = [str(m) for m in response.context["messages"]]
    assert any(text.startswith("Proposed: The claim changed: statement") for text in shown)
    watching_claim.refresh_from_db()
    assert watching_claim.statement == "The bridge will reopen within two weeks."
    assert watching_claim.proposals.get().changes == {"statement": data["statement"]}


def test_published_claims_cannot_be_deleted_in_the_admin(client, watching_claim, publisher):
    client.force_login(publisher)
    url = reverse("admin:claims_claim_delete", args=[watching_claim.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Claim.objects.filter(pk=watching_claim.pk).exists()


def test_the_index_shows_the_due_queue(client, watching_claim, reviewer):
    workflow.mark_due(watching_claim, as_of=dt.date(2024, 2, 1))
    client.force_login(reviewer)
    response = client.get(reverse("admin:index"))
    assert response.context["due_count"] == 1
    assert b"Due for re-check (1)" in response.content


def preview(client, **params):
    return client.get(reverse("admin:claims_claim_deadline_preview"), params)


def test_the_deadline_preview_reads_the_quote_against_the_article(client, editor, article):
    client.force_login(editor)
    data = preview(client, quote="it will reopen within two weeks", article=article.pk).json()
    assert data["found"] and data["deadline"] == "2024-01-29"
    assert data["explanation"].startswith('"within two weeks"')


def test_the_deadline_preview_says_when_there_is_nothing_to_read(client, editor, article):
    client.force_login(editor)
    assert preview(client, quote="it reopened", article=article.pk).json() == {
        "found": False,
        "message": "No deadline in the quote.",
    }
    assert preview(client, quote="within two weeks", article="").json()["found"] is False
    assert preview(client, quote="within two weeks", article="x").json()["found"] is False


def test_the_deadline_preview_is_for_staff_who_edit_claims(client, outsider, article):
    assert preview(client, quote="q", article=article.pk).status_code == 302  # to login
    client.force_login(outsider)
    assert preview(client, quote="q", article=article.pk).status_code == 403


def test_the_claim_form_loads_the_preview_script(client, editor):
    client.force_login(editor)
    assert b"admin/js/claim_deadline.js" in client.get(reverse("admin:claims_claim_add")).content


def article_form_data(article, **overrides) -> dict:
    data = {
        "source": article.source_id,
        "url": article.url,
        "headline": article.headline,
        "byline": "",
        "published_on": article.published_on.isoformat(),
        "published_precision": article.published_precision,
        "language": "",
        "text": "",
    }
    return {**data, **overrides}


def test_correcting_an_article_s_date_moves_its_draft_claims_deadlines(
    client, editor, article, make_claim
):
    claim = make_claim(quote="the bridge will reopen within two weeks")
    workflow.fill_deadline(claim)
    claim.save()
    client.force_login(editor)
    url = reverse("admin:claims_article_change", args=[article.pk])
    response = client.post(url, article_form_data(article, published_on="2024-01-20"))
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.deadline == dt.date(2024, 2, 3)


def test_an_article_date_after_a_published_deadline_gets_a_clear_error(
    client, publisher, article, watching_claim
):
    client.force_login(publisher)
    url = reverse("admin:claims_article_change", args=[article.pk])
    response = client.post(url, article_form_data(article, published_on="2024-02-15"))
    assert response.status_code == 200
    assert f"#{watching_claim.pk}" in str(response.context["adminform"].form.errors)
    article.refresh_from_db()
    assert article.published_on == dt.date(2024, 1, 15)


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_transition_page_is_refused_at_once_to_a_role_that_may_not_take_it(
    client, make_claim, reviewer, method
):
    claim = make_claim()
    write_verdict(claim, reviewer)
    workflow.submit(claim, by=reviewer)
    client.force_login(reviewer)
    response = getattr(client, method)(transition_url(claim, "publish"), follow=True)
    assert response.redirect_chain[-1][0].endswith(f"/admin/claims/claim/{claim.pk}/change/")
    shown = [str(m) for m in response.context["messages"]]
    assert shown == ["“Publish verdict” is for Publishers; your role does not take this step."]
    claim.refresh_from_db()
    assert claim.status == Claim.Status.IN_REVIEW
