"""The Re-check panel on a claim's page, its accept and dismiss buttons (CSRF POSTs through the
workflow), the desk's follow-up counts and "From monitored news", and the feeds' admin."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from claims import workflow
from claims.admin import desk
from claims.models import (
    Article,
    ArticleImport,
    ChangeProposal,
    Evidence,
    FollowUp,
    MonitoredFeed,
    Suggestion,
)
from tests.support.data import found_in_news


@pytest.fixture
def due_claim(make_claim, publish_claim):
    claim = publish_claim(
        make_claim("The bridge will reopen within two weeks.", deadline=dt.date(2024, 1, 29))
    )
    workflow.mark_due(claim, as_of=dt.date(2024, 2, 5))
    return claim


@pytest.fixture
def found(due_claim, source):
    return [
        found_in_news(due_claim, source, "weak", 0.55, sentence="Works on the bridge go on."),
        found_in_news(due_claim, source, "strong", 0.9, sentence="The bridge reopened on Monday."),
    ]


def change_page(client, claim) -> str:
    response = client.get(reverse("admin:claims_claim_change", args=[claim.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_panel_shows_deadline_follow_ups_best_first_and_evidence_health(
    client, reviewer, due_claim, found
):
    Evidence.objects.create(
        claim=due_claim,
        url="https://e.example/1",
        title="E",
        stance="context",
        link_health=Evidence.LinkHealth.BROKEN,
    )
    client.force_login(reviewer)
    page = change_page(client, due_claim)
    panel = page[page.index('id="recheck"') :]
    assert "Deadline: 29 January 2024 (due for re-check)." in panel
    assert "2 follow-ups found in the news" in panel
    assert panel.index("The bridge reopened on Monday.") < panel.index("Works on the bridge go on.")
    assert "Evidence: 1 link — working 0, broken 1" in panel
    accept = reverse("admin:claims_claim_follow_up", args=[due_claim.pk, found[1].pk, "accept"])
    assert f'formaction="{accept}" name="stance" value="supports"' in panel


def test_an_editor_sees_the_panel_without_buttons(client, editor, due_claim, found):
    client.force_login(editor)
    page = change_page(client, due_claim)
    assert "The bridge reopened on Monday." in page
    assert "formaction" not in page[page.index('id="recheck"') : page.index("</fieldset>")]


def csrf_client(user) -> tuple[Client, str]:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    page = client.get("/admin/").content.decode()
    token = (
        client.cookies["csrftoken"].value
        if "csrftoken" in client.cookies
        else re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    )
    return client, token


def decide(client, claim, item, decision: str, **data):
    url = reverse("admin:claims_claim_follow_up", args=[claim.pk, item.pk, decision])
    return client.post(url, data)


def test_accepting_proposes_the_evidence_with_the_stance_picked(reviewer, due_claim, found):
    client, token = csrf_client(reviewer)
    response = decide(
        client, due_claim, found[1], "accept", stance="refutes", csrfmiddlewaretoken=token
    )
    assert response.status_code == 302 and response["Location"].endswith("#recheck")
    found[1].refresh_from_db()
    assert found[1].status == FollowUp.Status.ACCEPTED
    proposal = ChangeProposal.objects.get()
    assert proposal.claim == due_claim and "refutes" in str(proposal.changes)


def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(reviewer, due_claim, found):
    client, _ = csrf_client(reviewer)
    response = decide(client, due_claim, found[1], "dismiss")
    assert response.status_code == 403
    found[1].refresh_from_db()
    assert found[1].status == FollowUp.Status.NEW


def test_dismissing_is_remembered_and_the_follow_up_leaves_the_panel(
    client, reviewer, due_claim, found
):
    client.force_login(reviewer)
    decide(client, due_claim, found[0], "dismiss")
    found[0].refresh_from_db()
    assert found[0].status == FollowUp.Status.DISMISSED
    assert "Works on the bridge go on." not in change_page(client, due_claim)


def test_an_editors_decision_is_refused_with_a_message_and_changes_nothing(
    client, editor, due_claim, found
):
    client.force_login(editor)
    response = decide(client, due_claim, found[1], "accept", stance="supports")
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("decide on follow-ups" in message for message in messages)
    assert FollowUp.objects.filter(status=FollowUp.Status.NEW).count() == 2
    assert not ChangeProposal.objects.exists()


def test_a_get_decides_nothing(client, reviewer, due_claim, found):
    client.force_login(reviewer)
    url = reverse("admin:claims_claim_follow_up", args=[due_claim.pk, found[0].pk, "dismiss"])
    assert client.get(url).status_code == 405
    found[0].refresh_from_db()
    assert found[0].status == FollowUp.Status.NEW


def test_a_follow_up_of_another_claim_is_not_found_by_this_ones_address(
    client, reviewer, due_claim, found, make_claim
):
    client.force_login(reviewer)
    other = make_claim("Another.")
    url = reverse("admin:claims_claim_follow_up", args=[other.pk, found[0].pk, "dismiss"])
    assert client.post(url).status_code == 404


# --- The desk ------------------------------------------------------------------------------------


def test_the_due_queue_says_how_many_follow_ups_wait(client, reviewer, due_claim, found):
    workflow.dismiss_follow_up(found[0], by=reviewer)
    client.force_login(reviewer)
    page = client.get(reverse("admin:desk")).content.decode()
    assert "1 follow-up</a>" in page
    [row] = desk.due(reviewer)
    assert row.open_follow_ups == 1


def test_suggestions_from_monitored_news_have_their_own_queue_ranked_as_triage(
    client, editor, source, article
):
    feed = MonitoredFeed.objects.create(url="https://wire.example/rss", source=source)
    news = Article.objects.create(source=source, url="https://wire.example/1", headline="Wire")
    ArticleImport.objects.create(article=news, feed=feed, state="done")
    for score, where in ((0.4, news), (0.9, news), (0.7, article)):
        Suggestion.objects.create(
            article=where, statement=f"S {score}", quote=f"q{score}", start=0, end=1, score=score
        )
    assert [s.score for s in desk.from_monitored_news()] == [0.9, 0.4]
    assert [s.score for s in desk.to_triage()] == [0.7]
    client.force_login(editor)
    page = client.get(reverse("admin:desk")).content.decode()
    assert "From monitored news" in page and "S 0.9" in page


# --- The feeds' admin ---------------------------------------------------------------------------


def test_an_editor_adds_a_feed_and_a_reviewer_may_only_look(client, editor, reviewer, source):
    client.force_login(editor)
    response = client.post(
        reverse("admin:claims_monitoredfeed_add"),
        {"url": "https://wire.example/rss", "source": source.pk, "language": "en", "active": "on"},
    )
    assert response.status_code == 302
    feed = MonitoredFeed.objects.get()
    client.force_login(reviewer)
    assert (
        client.get(reverse("admin:claims_monitoredfeed_change", args=[feed.pk])).status_code == 200
    )
    response = client.post(
        reverse("admin:claims_monitoredfeed_add"),
        {"url": "https://b.example/rss", "source": source.pk},
    )
    assert response.status_code == 403
    assert MonitoredFeed.objects.count() == 1


def test_the_feed_list_shows_failing_feeds_and_polls_them_soon(client, editor, source, settings):
    settings.FEED_FAILING_AFTER = 3
    later = timezone.now() + dt.timedelta(hours=8)
    failing = MonitoredFeed.objects.create(
        url="https://down.example/rss",
        source=source,
        failures_in_a_row=4,
        last_error="The site answered “503”.",
        next_poll_at=later,
    )
    MonitoredFeed.objects.create(url="https://up.example/rss", source=source)
    client.force_login(editor)
    listing = client.get(reverse("admin:claims_monitoredfeed_changelist") + "?health=failing")
    page = listing.content.decode()
    assert "failing: 4 failures in a row" in page and "up.example" not in page
    client.post(
        reverse("admin:claims_monitoredfeed_changelist"),
        {"action": "poll_soon", "_selected_action": [failing.pk]},
    )
    failing.refresh_from_db()
    assert failing.next_poll_at <= timezone.now()
