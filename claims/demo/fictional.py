"""Fictional claims from The Demo Gazette (marked as demo), one per state, and one in Arabic."""

from __future__ import annotations

import datetime as dt

from claims import workflow
from claims.demo.build import (
    Cast,
    backdate,
    draft_verdict,
    moment,
    new_claim,
    submit_and_publish,
)
from claims.models import (
    Article,
    Claim,
    Claimant,
    Source,
)


def load_fictional(cast: Cast, today: dt.date) -> None:
    if Source.objects.filter(name="The Demo Gazette").exists():
        return
    gazette = Source.objects.create(
        name="The Demo Gazette", domain="gazette.demo.invalid", language="en", is_demo=True
    )
    mayor = Claimant.objects.create(
        name="Mara Quill",
        role="Mayor of Demoville (fictional)",
        affiliation="Demoville City Council",
        is_demo=True,
    )
    minister = Claimant.objects.create(
        name="Tomas Vell",
        role="Transport minister (fictional)",
        affiliation="Government of Demoland",
        is_demo=True,
    )

    def article(slug: str, headline: str, days_ago: int) -> Article:
        return Article.objects.create(
            source=gazette,
            url=f"https://gazette.demo.invalid/{slug}",
            headline=headline,
            published_on=today - dt.timedelta(days=days_ago),
            language="en",
            is_demo=True,
        )

    def claim(art: Article, who: Claimant, statement: str, quote: str) -> Claim:
        topic = "Public finances" if art.url.endswith("/budget") else "Transport"
        made = new_claim(
            cast,
            topic=topic,
            statement=statement,
            quote=quote,
            article=art,
            claimant=who,
            is_demo=True,
        )
        backdate(made, {"created": [moment(art.published_on)]})
        return made

    def publish_next_day(made: Claim) -> None:
        """Submitted and published the day after its article, as a newsroom would."""
        day = made.article.published_on + dt.timedelta(days=1)
        submit_and_publish(made, cast, at=moment(day, 16))
        backdate(made, {"created": [moment(made.article.published_on)], "submitted": [moment(day)]})

    bridge = article("harbour-bridge", "Harbour bridge to reopen within six weeks, mayor says", 10)
    watching = claim(
        bridge,
        mayor,
        "The harbour bridge will reopen within six weeks.",
        "the harbour bridge will reopen within six weeks",
    )
    draft_verdict(watching, cast, "pending", "A promise with a deadline; we will check on it.")
    publish_next_day(watching)

    trams = article("tram-fleet", "New trams to enter service by the end of next month", 5)
    watching2 = claim(
        trams,
        minister,
        "All twelve new trams will be in service next month.",
        "all twelve new trams will be in service next month",
    )
    draft_verdict(watching2, cast, "pending", "A promise with a deadline; we will check on it.")
    publish_next_day(watching2)

    potholes = article("potholes", "Mayor: every pothole fixed within a fortnight", 30)
    due = claim(
        potholes,
        mayor,
        "Every pothole in the city centre will be fixed within a fortnight.",
        "every pothole in the city centre will be fixed within a fortnight",
    )
    draft_verdict(due, cast, "pending", "A promise with a deadline; we will check on it.")
    publish_next_day(due)
    fell_due = due.deadline + dt.timedelta(days=1)  # the sweep's first run after its last day
    workflow.mark_due(due, as_of=fell_due)
    Claim.objects.filter(pk=due.pk).update(due_since=moment(fell_due, 0))
    backdate(due, {"created": [moment(potholes.published_on)]})

    budget = article("budget", "Mayor says the city budget grew by 40 percent", 20)
    accurate = claim(
        budget,
        mayor,
        "The city budget grew by 40 percent last year.",
        "the city budget grew by 40 percent last year",
    )
    draft_verdict(
        accurate,
        cast,
        "mostly-false",
        "It grew by 14 percent, not 40.",
        "The published accounts show a rise from 1.00 to 1.14 billion demo-crowns.",
    )
    publish_next_day(accurate)
    workflow.correct(
        accurate,
        by=cast.publisher,
        note="An earlier version of this verdict gave last year's budget as 1.04 billion "
        "demo-crowns; it was 1.14 billion. The rating is unchanged.",
    )

    in_review = claim(
        budget,
        minister,
        "Demoland has the cheapest public transport in the region.",
        "the cheapest public transport in the region",
    )
    draft_verdict(
        in_review, cast, "half-true", "Cheapest for single tickets; not for season passes."
    )
    workflow.submit(in_review, by=cast.reviewer)

    claim(
        trams,
        minister,
        "The new trams use 30 percent less energy than the old ones.",
        "use 30 percent less energy than the old ones",
    )

    _arabic(cast, today)

    retracted = claim(budget, mayor, "The city has no debt.", "the city has no debt")
    draft_verdict(retracted, cast, "false", "The city owes 200 million demo-crowns.")
    publish_next_day(retracted)
    workflow.retract(
        retracted, by=cast.publisher, reason="We attributed the quote to the wrong person."
    )


def _arabic(cast: Cast, today: dt.date) -> None:
    """A fictional Arabic-language outlet: its quote reads right to left inside the English page,
    and its deadline is read from the Arabic words ("within sixty days")."""
    outlet = Source.objects.create(
        name="صحيفة ديموفيل", domain="ar.gazette.demo.invalid", language="ar", is_demo=True
    )
    director = Claimant.objects.create(
        name="Yusuf Tarek",
        role="Director of the port of Demoville (fictional)",
        affiliation="Demoville Port Authority",
        is_demo=True,
    )
    article = Article.objects.create(
        source=outlet,
        url="https://ar.gazette.demo.invalid/ferry-port",
        headline="ميناء العبّارات الجديد يفتح خلال ستين يومًا",
        published_on=today - dt.timedelta(days=12),
        language="ar",
        is_demo=True,
    )
    claim = new_claim(
        cast,
        topic="Transport",
        statement="The new ferry port will open within 60 days.",
        quote="سيتم فتح ميناء العبّارات الجديد خلال ستين يومًا",
        article=article,
        claimant=director,
        is_demo=True,
    )
    draft_verdict(claim, cast, "pending", "A promise with a deadline; we will check on it.")
    submit_and_publish(claim, cast)
