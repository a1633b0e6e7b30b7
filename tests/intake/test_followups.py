"""claims/intake/followups.py: every new article, however it came in, matched against the watched
and due claims; a claim that falls due re-checked against everything seen since it was made."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from claims import intake, tasks, workflow
from claims.intake import followups
from claims.models import Article, Claim, Claimant, FollowUp, Source

REOPENED = (
    "Portmere's Harbour Bridge reopened\n"
    "Cars crossed the Harbour Bridge in Portmere again on Monday after the repairs, "
    "Dana Whitlock said. The council thanked the engineers."
)
ANOTHER_BRIDGE = (
    "Kestrel Bridge opens in Lundby\n"
    "Minister Ola Berg reopened the Kestrel Bridge in Lundby to traffic on Monday."
)
UNRELATED = "Schools budget approved\nThe city council approved a new budget for schools."


def paste(text: str, day: dt.date = dt.date(2024, 2, 1), **kwargs) -> Article:
    queued = intake.queue_import(content=text, published=day, **kwargs)
    return intake.run_import(queued.pk).article


def test_an_imported_article_becomes_a_follow_up_with_its_sentence(bridge_claim):
    article = paste(REOPENED)
    follow_up = FollowUp.objects.get()
    assert (follow_up.claim, follow_up.article) == (bridge_claim, article)
    assert "Harbour Bridge" in follow_up.sentence  # the headline, or the sentence saying it
    assert follow_up.matched == "who, what, where"
    assert follow_up.status == FollowUp.Status.NEW


def test_unrelated_news_and_look_alikes_are_not_offered(bridge_claim):
    paste(UNRELATED)
    paste(ANOTHER_BRIDGE)
    assert not FollowUp.objects.exists()


def test_news_dated_before_the_claim_is_no_follow_up(bridge_claim):
    paste(REOPENED, day=dt.date(2024, 1, 10))
    assert not FollowUp.objects.exists()


def test_only_watched_and_due_published_claims_are_matched(make_claim):
    make_claim("The Harbour Bridge in Portmere will reopen within two weeks.")  # a draft
    paste(REOPENED)
    assert not FollowUp.objects.exists()


def test_an_article_logged_by_hand_in_the_admin_is_matched(client, bridge_claim, editor, source):
    client.force_login(editor)
    headline, _, text = REOPENED.partition("\n")
    response = client.post(
        reverse("admin:claims_article_add"),
        {
            "source": source.pk,
            "url": "https://daily.example/2024/02/bridge-reopened",
            "headline": headline,
            "published_on": "2024-02-01",
            "published_precision": "day",
            "language": "en",
            "text": text,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert FollowUp.objects.get().article.url == "https://daily.example/2024/02/bridge-reopened"


def test_reading_an_article_again_never_offers_a_dismissed_follow_up_again(
    bridge_claim, reviewer, editor
):
    article = paste(REOPENED)
    workflow.dismiss_follow_up(FollowUp.objects.get(), by=reviewer)
    intake.extract_again(article, by=editor)
    assert FollowUp.objects.get().status == FollowUp.Status.DISMISSED
    assert followups.recheck(bridge_claim) == []


def test_a_claim_that_falls_due_is_rechecked_against_news_seen_since(
    make_claim, publish_claim, monkeypatch, django_capture_on_commit_callbacks
):
    """The article came in while the claim was a draft: only the re-check finds it."""
    whitlock = Claimant.objects.create(name="Dana Whitlock")
    claim = make_claim(
        "The Harbour Bridge in Portmere will reopen within two weeks.",
        claimant=whitlock,
        deadline=dt.date(2024, 1, 29),
    )
    paste(REOPENED)
    assert not FollowUp.objects.exists()
    publish_claim(claim)
    monkeypatch.setattr(tasks.recheck_claims, "delay", tasks.recheck_claims)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.sweep(as_of=dt.date(2024, 2, 5))
    claim.refresh_from_db()
    assert claim.tracking == Claim.Tracking.DUE
    assert FollowUp.objects.get().claim == claim


def test_a_claims_own_article_is_no_follow_up_of_it(bridge_claim):
    bridge_claim.article.text = REOPENED
    bridge_claim.article.save()
    assert followups.match_article(bridge_claim.article) == []
    assert followups.recheck(bridge_claim) == []


def test_matching_an_article_costs_the_same_queries_for_one_claim_or_ten(
    make_claim, publish_claim, django_assert_num_queries
):
    source = Source.objects.create(name="Wire")
    article = Article.objects.create(
        source=source,
        headline="Portmere's Harbour Bridge reopened",
        text=REOPENED,
        published_on=dt.date(2024, 2, 1),
        language="en",
    )
    whitlock = Claimant.objects.create(name="Dana Whitlock")

    def claims(count: int) -> None:
        for index in range(count):
            publish_claim(
                make_claim(
                    f"The Harbour Bridge in Portmere will reopen within {index + 2} weeks.",
                    claimant=whitlock,
                    deadline=dt.date(2024, 1, 29),
                )
            )

    claims(1)
    with django_assert_num_queries(4):
        assert len(followups.match_article(article)) == 1
    FollowUp.objects.all().delete()
    claims(9)
    with django_assert_num_queries(4):
        assert len(followups.match_article(article)) == 10
