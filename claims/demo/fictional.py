"""Fictional claims from The Demo Gazette (marked as demo), one per state, and one each from
Arabic-, French- and Spanish-language outlets."""

from __future__ import annotations

import datetime as dt

from django.utils.text import slugify

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

    _foreign_outlets(cast, today)

    retracted = claim(budget, mayor, "The city has no debt.", "the city has no debt")
    draft_verdict(retracted, cast, "false", "The city owes 200 million demo-crowns.")
    publish_next_day(retracted)
    workflow.retract(
        retracted, by=cast.publisher, reason="We attributed the quote to the wrong person."
    )


# Fictional outlets writing in the other languages the workbench reads: each quote reads in its
# own direction inside the English page, its deadline is read from its own words, and searching
# finds it by any form of its words ("passerelle" finds "passerelles", "العبارات" finds
# "العبّارات"). (name, domain, language, claimant (name, role), headline, statement, quote)
FOREIGN_OUTLETS = [
    (
        "صحيفة ديموفيل",
        "ar.gazette.demo.invalid",
        "ar",
        ("Yusuf Tarek", "Director of the port of Demoville (fictional)"),
        "ميناء العبّارات الجديد يفتح خلال ستين يومًا",
        "The new ferry port will open within 60 days.",
        "سيتم فتح ميناء العبّارات الجديد خلال ستين يومًا",
    ),
    (
        "Le Courrier de Démoville",
        "fr.gazette.demo.invalid",
        "fr",
        ("Claire Morel", "Deputy mayor for transport of Demoville (fictional)"),
        "Les passerelles du port rouvriront d'ici trois mois",
        "Both footbridges of the port will reopen within three months.",
        "les deux passerelles piétonnes du port seront rouvertes d'ici trois mois",
    ),
    (
        "El Heraldo de Demoville",
        "es.gazette.demo.invalid",
        "es",
        ("Lucía Ferrer", "Director of the Demoville bus company (fictional)"),
        "Las nuevas líneas de autobús eléctrico funcionarán en dos meses",
        "The new electric bus lines will be running within two months.",
        "las nuevas líneas de autobuses eléctricos estarán en funcionamiento dentro de dos meses",
    ),
]


def _foreign_outlets(cast: Cast, today: dt.date) -> None:
    """One published claim, watched until its deadline, from each of FOREIGN_OUTLETS."""
    for name, domain, language, (person, role), headline, statement, quote in FOREIGN_OUTLETS:
        outlet = Source.objects.create(name=name, domain=domain, language=language, is_demo=True)
        claimant = Claimant.objects.create(name=person, role=role, is_demo=True)
        article = Article.objects.create(
            source=outlet,
            url=f"https://{domain}/{slugify(statement)[:40]}",
            headline=headline,
            published_on=today - dt.timedelta(days=12),
            language=language,
            is_demo=True,
        )
        claim = new_claim(
            cast,
            topic="Transport",
            statement=statement,
            quote=quote,
            article=article,
            claimant=claimant,
            is_demo=True,
        )
        draft_verdict(claim, cast, "pending", "A promise with a deadline; we will check on it.")
        submit_and_publish(claim, cast)
