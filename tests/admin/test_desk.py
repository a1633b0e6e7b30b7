"""The desk: what is the person looking's to do now, a section per kind of work, one query a
section, counts in the admin's sidebar, and where staff land after logging in."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from claims import workflow
from claims.admin import desk
from claims.models import Evidence, Suggestion
from tests.support.data import write_verdict


def sections(client, user) -> dict:
    client.force_login(user)
    response = client.get(reverse("admin:desk"))
    assert response.status_code == 200
    return {s.key: s for s in response.context["sections"]}


@pytest.fixture
def day(make_claim, reviewer, publisher, publish_claim, article):
    """A newsroom's morning: a claim to research, one submitted, one sent back, one due, one
    with a change proposed, one deadline soon, a suggestion."""
    todo = make_claim("To research.")
    submitted = make_claim("Waiting for a publisher.")
    write_verdict(submitted, reviewer, "false")
    workflow.submit(submitted, by=reviewer)
    returned = make_claim("Sent back.")
    write_verdict(returned, reviewer, "false")
    workflow.submit(returned, by=reviewer)
    workflow.send_back(returned, by=publisher, reason="A second source, please.")
    due = publish_claim(make_claim("Due now.", deadline=dt.date(2024, 1, 20)))
    workflow.mark_due(due, as_of=dt.date(2024, 2, 1))
    soon = publish_claim(make_claim("Soon.", deadline=timezone.localdate() + dt.timedelta(days=5)))
    workflow.add_evidence(
        Evidence(claim=soon, url="https://e.example/p", title="Proposed", stance="context"),
        by=reviewer,
    )
    Suggestion.objects.create(
        article=article, statement="Triage me.", quote="q", start=0, end=1, score=0.8
    )
    return {"todo": todo, "submitted": submitted, "returned": returned, "due": due, "soon": soon}


def test_a_reviewers_desk(client, day, reviewer):
    desk_of = sections(client, reviewer)
    assert set(desk_of) == {"assigned", "sent_back", "due", "mentions", "soon"}
    assigned = {row.pk for row in desk_of["assigned"].rows}
    assert {day["todo"].pk, day["returned"].pk} <= assigned
    assert [row.pk for row in desk_of["sent_back"].rows] == [day["returned"].pk]
    assert [row.pk for row in desk_of["due"].rows] == [day["due"].pk]
    assert [row.pk for row in desk_of["soon"].rows] == [day["soon"].pk]


def test_a_publishers_desk_holds_what_waits_for_them_alone(client, day, publisher):
    desk_of = sections(client, publisher)
    assert [row.pk for row in desk_of["approval"].rows] == [day["submitted"].pk]
    assert [row.claim_id for row in desk_of["proposals"].rows] == [day["soon"].pk]
    page = client.get(reverse("admin:desk")).content.decode()
    publish = reverse("admin:claims_claim_transition", args=[day["submitted"].pk, "publish"])
    assert f'href="{publish}"' in page  # one click from its work


def test_an_editors_desk_has_suggestions_to_triage(client, day, editor):
    desk_of = sections(client, editor)
    assert "approval" not in desk_of and "assigned" not in desk_of
    assert [row.statement for row in desk_of["triage"].rows] == ["Triage me."]


def test_nobody_is_asked_to_approve_their_own_work(client, day, reviewer, publisher):
    verdict = day["submitted"].verdicts.get()
    verdict.contributors.add(publisher)
    assert not sections(client, publisher)["approval"].rows


@pytest.mark.parametrize(
    "query",
    [
        lambda user: desk.assigned(user),
        lambda user: desk.due(user),
        lambda user: desk.awaiting_approval(user),
        lambda user: desk.proposed_changes(user),
        lambda user: desk.sent_back(user),
        lambda user: desk.to_triage(),
        lambda user: desk.from_monitored_news(),
        lambda user: desk.mentions(user),
        lambda user: desk.deadlines_soon(user, timezone.localdate()),
    ],
)
def test_each_section_is_one_query(day, publisher, django_assert_num_queries, query):
    with django_assert_num_queries(1):
        rows, total = desk.first_rows(query(publisher))
    assert total >= len(rows)


def test_the_sidebar_shows_the_desks_counts_on_every_admin_page(client, day, reviewer):
    client.force_login(reviewer)
    page = client.get(reverse("admin:claims_claim_changelist")).content.decode()
    assert 'id="desk-summary"' in page
    assert 'Assigned to me</a></th><td class="count">' in page


def test_staff_land_on_their_desk_after_logging_in(client, editor):
    editor.set_password("a long passphrase 12")
    editor.save()
    form = client.get(reverse("admin:login")).content.decode()
    assert f'name="next" value="{reverse("admin:desk")}"' in form
    response = client.post(
        reverse("admin:login"), {"username": "edna", "password": "a long passphrase 12"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("admin:desk")


def test_a_login_on_its_way_elsewhere_goes_there(client, editor):
    editor.set_password("a long passphrase 12")
    editor.save()
    target = reverse("admin:claims_claim_changelist")
    response = client.post(
        f"{reverse('admin:login')}?next={target}",
        {"username": "edna", "password": "a long passphrase 12", "next": target},
    )
    assert response["Location"] == target


def test_the_desk_is_for_staff_only(client, outsider):
    assert client.get(reverse("admin:desk")).status_code == 302  # to the login page
    outsider.is_staff = False
    outsider.save()
    client.force_login(outsider)
    assert client.get(reverse("admin:desk")).status_code == 302
