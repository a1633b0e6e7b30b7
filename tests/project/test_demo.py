"""The demo loader: the seed's whole story, every state on screen, and idempotent."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from claims.models import (
    Article,
    Claim,
    ClaimEvent,
    Evidence,
    FollowUp,
    MonitoredFeed,
    Notification,
    Verdict,
)

MODELS = [User, Article, Claim, Verdict, Evidence, ClaimEvent, Notification, FollowUp]


def counts() -> list[int]:
    return [model.objects.count() for model in MODELS]


@pytest.fixture
def demo(db, settings):
    settings.DEMO_MODE = True
    call_command("load_demo", stdout=io.StringIO())


def border_claim() -> Claim:
    return Claim.objects.get(statement__startswith="The Al-Qa'im – Albukamal border crossing")


def test_loading_twice_gives_the_same_rows(demo):
    before = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == before


def test_the_seed_claim_has_its_approximate_deadline(demo):
    claim = border_claim()
    assert claim.deadline == dt.date(2019, 9, 29)
    assert claim.deadline_approximate
    assert claim.deadline_display == "29 September 2019 at the latest"
    assert claim.claimant.name == "Ahmad Jadayan"
    assert claim.claimant.aliases.filter(name="Ahmed Jidyan").exists()
    assert claim.article.published_display == "July 2019"


def test_the_seed_claim_lived_its_whole_life(demo):
    claim = border_claim()
    assert claim.status == Claim.Status.PUBLISHED
    assert claim.tracking == Claim.Tracking.RESOLVED
    ratings = list(
        claim.verdicts.published().order_by("published_at").values_list("rating__slug", flat=True)
    )
    assert ratings == ["pending", "not-fulfilled"]
    kinds = list(claim.events.values_list("kind", flat=True))
    assert kinds.index("published") < kinds.index("fell_due") < kinds.index("resolved")
    # The deadline passed on its own (latest) day, 29 September; it happened a day later.
    assert timezone.localtime(claim.events.get(kind="fell_due").at).date() == dt.date(2019, 9, 29)
    assert claim.evidence.count() == 5
    outcome = claim.verdicts.get(is_current=True)
    assert (outcome.happened_on, outcome.days_late) == (dt.date(2019, 9, 30), 1)


def test_every_state_is_on_screen(demo):
    statuses = set(Claim.objects.values_list("status", flat=True))
    tracking = set(Claim.objects.values_list("tracking", flat=True))
    assert statuses == {"draft", "in_review", "published", "retracted"}
    assert {"watching", "due", "resolved"} <= tracking


def test_watching_demo_claims_have_deadlines_ahead(demo):
    today = dt.date.today()
    for claim in Claim.objects.watching():
        assert claim.deadline > today
        assert claim.deadline < today + dt.timedelta(days=120)


def test_demo_users_can_log_in(demo, client):
    # Through the login page: django-axes guards logins and needs the request they came with.
    for name in ("editor", "reviewer", "publisher", "admin"):
        response = client.post(
            "/admin/login/?next=/admin/", {"username": name, "password": f"{name}-demo-2019"}
        )
        assert response.status_code == 302 and response["Location"] == "/admin/", name
        client.logout()


def test_demo_refuses_to_run_outside_demo_mode(db, settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="DEMO_MODE"):
        call_command("load_demo")
    assert not User.objects.exists()


def test_the_seed_claim_is_on_the_public_list(demo, client):
    body = client.get("/claims/").content.decode()
    assert "Al-Qa&#x27;im – Albukamal border crossing" in body
    page = client.get(border_claim().get_absolute_url()).content.decode()
    assert "29 September 2019 at the latest" in page
    assert "Not fulfilled" in page


def test_demo_claims_have_topics(demo):
    assert border_claim().topics.get().name == "Borders"
    assert Claim.objects.filter(topics__slug="transport", is_demo=True).exists()


def test_demo_timelines_run_in_the_order_things_happened(demo):
    """A pending verdict is published before its deadline, "deadline passed" is dated to the
    deadline's own day, and each claim's timeline is in the order of its events."""
    for claim in Claim.objects.exclude(deadline=None).filter(status="published"):
        events = list(claim.events.order_by("pk"))
        assert [e.at for e in events] == sorted(e.at for e in events), claim
        for verdict in claim.verdicts.published().filter(rating__slug="pending"):
            assert verdict.published_at.date() <= claim.deadline, claim
        for event in events:
            if event.kind == ClaimEvent.Kind.FELL_DUE:  # dated to the deadline's own day
                assert timezone.localtime(event.at).date() == claim.deadline, claim
        assert claim.events.get(kind=ClaimEvent.Kind.CREATED).at.date() >= (
            claim.article.published_on
        )


def test_an_arabic_quote_is_on_screen_right_to_left(demo, client):
    """A fictional Arabic-language outlet's claim, so that `make run` shows a quote read right to
    left inside the English page, with its deadline read from the Arabic words."""
    claim = Claim.objects.get(article__language="ar", status=Claim.Status.PUBLISHED)
    assert claim.is_demo and claim.article.source.is_demo
    assert claim.tracking == Claim.Tracking.WATCHING and claim.deadline is not None
    page = client.get(claim.get_absolute_url()).content.decode()
    assert '<blockquote lang="ar" dir="rtl"' in page


def test_the_seed_claims_recheck_has_the_demo_wires_follow_ups(demo):
    """The demo wire (fictional, marked demo) is read without the internet: its two reports of
    the opening are the best follow-ups, the other crossing (Arar) ranks below them, and the
    book fair is not offered."""
    feed = MonitoredFeed.objects.get()
    assert (feed.is_demo, feed.active, feed.source.is_demo) == (True, False, True)
    wire = Article.objects.filter(intake__feed=feed)
    assert wire.count() == 4 and all(article.is_demo for article in wire)
    assert all(article.text.startswith("DEMO") for article in wire)
    follow_ups = list(border_claim().follow_ups.offered())
    assert {f.article.headline for f in follow_ups[:2]} == {
        "Iraq and Syria reopen the Al-Qaim – Albukamal border crossing",
        "Trucks roll again between Al-Qaim and Albu Kamal as crossing reopens",
    }
    assert follow_ups[2].article.headline.startswith("Iraq and Saudi Arabia say the Arar")
    assert follow_ups[2].score < min(f.score for f in follow_ups[:2])
    assert FollowUp.objects.count() == 3


def test_the_re_check_panel_shows_on_the_seed_claims_page(demo, client):
    client.force_login(User.objects.get(username="reviewer"))
    page = client.get(reverse("admin:claims_claim_change", args=[border_claim().pk]))
    text = page.content.decode()
    assert "3 follow-ups found in the news" in text
    assert "Trucks roll again between Al-Qaim and Albu Kamal" in text
