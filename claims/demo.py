"""The demo newsroom: the seed article's claims with their whole life, and fictional claims so
that every state is on screen. Built through `claims.workflow`, as a newsroom would build it.

Loading is idempotent: what exists is left alone, so a second run adds nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from claims import roles, workflow
from claims.models import (
    Article,
    Claim,
    Claimant,
    ClaimantAlias,
    ClaimEvent,
    DatePrecision,
    Evidence,
    Notification,
    Rating,
    Source,
    Topic,
    Verdict,
)

SEED_TEXT = Path(__file__).parent / "demo_data" / "iraq-syria-border-60-days.txt"
SEED_URL = (
    "https://fort-russ.com/2019/07/major-iraq-defies-the-us-again-reopens-border-with-syria-in-"
    "next-60-days/"
)
DEMO_USERS = {
    # username: (group, password, is_superuser)
    "editor": (roles.EDITORS, "editor-demo-2019", False),
    "reviewer": (roles.REVIEWERS, "reviewer-demo-2019", False),
    "publisher": (roles.PUBLISHERS, "publisher-demo-2019", False),
    "admin": (None, "admin-demo-2019", True),
}
SEED_EVIDENCE = [
    (
        "https://today.thefinancialexpress.com.bd/world/iraq-syria-reopen-major-border-crossing-"
        "1569858552",
        "Iraq, Syria reopen major border crossing",
        "AFP via The Financial Express",
        dt.date(2019, 9, 30),
        Evidence.Stance.REFUTES,
        "The crossing reopened on Monday 30 September 2019, after the 60 days had run out.",
    ),
    (
        "https://www.middleeastmonitor.com/20191001-iraq-syria-border-crossing-reopened/",
        "Iraq, Syria border crossing reopened",
        "Middle East Monitor",
        dt.date(2019, 10, 1),
        Evidence.Stance.REFUTES,
        "Quotes Ahmed Jidyan, governor of Al-Qaem, at the reopening.",
    ),
    (
        "https://www.scmp.com/news/world/middle-east/article/3031045/iraq-and-syria-open-border-"
        "crossing-closed-2012",
        "Iraq and Syria open border crossing closed since 2012",
        "South China Morning Post",
        dt.date(2019, 9, 30),
        Evidence.Stance.REFUTES,
        "",
    ),
    (
        "https://www.almasdarnews.com/article/iraq-agrees-to-open-crucial-border-crossing-with-syria/",
        "Iraq agrees to open crucial border crossing with Syria",
        "Al-Masdar News",
        dt.date(2019, 9, 28),
        Evidence.Stance.CONTEXT,
        "The Iraqi prime minister authorised the opening for Monday 30 September.",
    ),
    (
        "https://sputniknews.com/middleeast/201909301076923650-syria-iraq-open-border-crossing-along-"
        "euphrates-river-after-daesh-defeat/",
        "Syria, Iraq open border crossing along Euphrates river",
        "Sputnik",
        dt.date(2019, 9, 30),
        Evidence.Stance.CONTEXT,
        "The opening ceremony.",
    ),
]


@dataclass
class Cast:
    editor: User
    reviewer: User
    publisher: User


def load(*, today: dt.date | None = None) -> dict[str, str]:
    """Load the demo; return the demo users' passwords."""
    today = today or timezone.localdate()
    with transaction.atomic():
        cast = _users()
        _seed(cast)
        _fictional(cast, today)
    return {name: password for name, (_, password, _) in DEMO_USERS.items()}


def _users() -> Cast:
    users = {}
    for name, (group, password, superuser) in DEMO_USERS.items():
        user, created = User.objects.get_or_create(
            username=name,
            defaults={
                "email": f"{name}@demo.invalid",
                "is_staff": True,
                "is_superuser": superuser,
                "first_name": name.capitalize(),
            },
        )
        if created:
            user.set_password(password)
            user.save()
            if group:
                user.groups.add(Group.objects.get(name=group))
        users[name] = user
    return Cast(users["editor"], users["reviewer"], users["publisher"])


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _rating(slug: str) -> Rating:
    return Rating.objects.get(slug=slug)


def _new_claim(cast: Cast, topic: str = "", **fields) -> Claim:
    claim = Claim(created_by=cast.editor, reviewer=cast.reviewer, **fields)
    workflow.fill_deadline(claim)
    claim.save()
    workflow.record_created(claim, by=cast.editor)
    if topic:
        claim.topics.add(Topic.objects.get_or_create(slug=slugify(topic), name=topic)[0])
    return claim


def _verdict(claim: Claim, cast: Cast, rating: str, summary: str, explanation: str = "") -> None:
    Verdict.objects.create(
        claim=claim,
        rating=_rating(rating),
        summary=summary,
        explanation=explanation,
        author=cast.reviewer,
    )


def _publish(claim: Claim, cast: Cast, at: dt.datetime | None = None) -> None:
    workflow.submit(claim, by=cast.reviewer)
    workflow.publish(claim, by=cast.publisher, at=at)


def _backdate(claim: Claim, dates: dict[str, list[dt.datetime]]) -> None:
    """Give a demo claim's timeline the dates it had: the n-th event of a kind gets the n-th
    date listed for that kind; the claim was created on the first "created" date."""
    left = {kind: list(days) for kind, days in dates.items()}
    for event in claim.events.order_by("pk"):
        if left.get(event.kind):
            ClaimEvent.objects.filter(pk=event.pk).update(at=left[event.kind].pop(0))
    Claim.objects.filter(pk=claim.pk).update(created_at=dates["created"][0])


# --- The seed article ---------------------------------------------------------------------------


def _seed(cast: Cast) -> None:
    if Article.objects.filter(url=SEED_URL).exists():
        return
    source, _ = Source.objects.get_or_create(
        name="Fort Russ News",
        defaults={
            "homepage": "https://fort-russ.com/",
            "domain": "fort-russ.com",
            "country": "",
            "language": "en",
        },
    )
    headline, _, text = SEED_TEXT.read_text(encoding="utf-8").partition("\n")
    article = Article.objects.create(
        source=source,
        url=SEED_URL,
        headline=headline.strip(),
        text=text.strip(),
        published_on=dt.date(2019, 7, 1),
        published_precision=DatePrecision.MONTH,
        language="en",
    )
    jadayan, _ = Claimant.objects.get_or_create(
        name="Ahmad Jadayan",
        defaults={
            "role": "Iraqi military commander in the Al-Qa'im District",
            "affiliation": "Al-Anbar, Iraq",
        },
    )
    ClaimantAlias.objects.get_or_create(name="Ahmed Jidyan", defaults={"claimant": jadayan})
    _border_claim(cast, article, jadayan)
    _other_seed_claims(cast, article, jadayan)


def _border_claim(cast: Cast, article: Article, jadayan: Claimant) -> None:
    claim = _new_claim(
        cast,
        topic="Borders",
        statement="The Al-Qa'im – Albukamal border crossing between Iraq and Syria will be "
        "opened within 60 days.",
        quote="the border crossing connecting the Syrian Arab Republic and the Republic of Iraq "
        "will be opened in the next the 60 days",
        article=article,
        claimant=jadayan,
        reported_by="Sputnik Arabic (interview)",
    )
    _verdict(
        claim,
        cast,
        "pending",
        "A promise with a deadline: the crossing is to open within 60 days of the interview.",
        "The article, published in July 2019, reports the promise; its day is not known, so "
        "the deadline is counted from 31 July: 29 September 2019 at the latest.",
    )
    _publish(claim, cast, at=_at(dt.date(2019, 8, 5)))
    for url, title, source_name, day, stance, excerpt in SEED_EVIDENCE:
        Evidence.objects.create(
            claim=claim,
            url=url,
            title=title,
            source_name=source_name,
            published_on=day,
            stance=stance,
            excerpt=excerpt,
            added_by=cast.reviewer,
        )
    workflow.mark_due(claim, as_of=dt.date(2019, 9, 30))
    Notification.objects.filter(claim=claim).update(sent_at=_at(dt.date(2019, 9, 30), 0))
    workflow.resolve(
        claim,
        by=cast.reviewer,
        rating=_rating("not-fulfilled"),
        note="The crossing reopened on 30 September 2019, one day after the latest possible "
        "deadline: not within 60 days, though it did open.",
        checked_on=dt.date(2019, 9, 30),
    )
    workflow.publish(claim, by=cast.publisher, at=_at(dt.date(2019, 10, 2)))
    Claim.objects.filter(pk=claim.pk).update(due_since=_at(dt.date(2019, 9, 30), 0))
    _backdate(
        claim,
        {
            "created": [_at(dt.date(2019, 8, 1))],
            "submitted": [_at(dt.date(2019, 8, 2)), _at(dt.date(2019, 10, 1))],
            "fell_due": [_at(dt.date(2019, 9, 30), 0)],
        },
    )


def _other_seed_claims(cast: Cast, article: Article, jadayan: Claimant) -> None:
    others = [
        (
            "Iraq's National Security Adviser Falih al-Fayyadh and his Syrian counterpart "
            "decided to reopen the Albukamal – Al-Qa'im crossing.",
            "the agreement was put in place after Iraq's National Security Adviser Kazhem "
            "Al-Fayadh and his Syrian counterpart made the decision to reopen this border crossing",
            jadayan,
            "Sputnik Arabic (interview)",
        ),
        (
            "Iraq rejected the Syrian Democratic Forces' proposal to reopen the border with Syria "
            "after the SDF refused to hoist the Syrian flag at the crossing.",
            "Iraq had rejected the "
            "Kurdish-led Syrian Democratic Forces' (SDF) proposal to reopen the border with Syria "
            "after the latter refused to hoist the Syrian Arab Republic's flag at the crossing",
            None,
            "Al-Akhbar (Lebanon)",
        ),
        (
            'Iraq, Syria, Iran and Russia have formed an anti-terrorist coalition ("4+1" with '
            "Hezbollah) since September 2015.",
            "All three countries have also been a part of the Russian-led antiterrorist RSII "
            "coalition … since its inception in early September 2015",
            None,
            "",
        ),
        (
            "Russian bombers and cargo planes have been using the northern part of Iraqi airspace.",
            "the Russian bombers and cargo planes have been using the northern part of Iraqi "
            "airspace",
            None,
            "",
        ),
    ]
    for statement, quote, claimant, reported_by in others:
        _new_claim(
            cast,
            topic="Security",
            statement=statement,
            quote=quote,
            article=article,
            claimant=claimant,
            reported_by=reported_by,
        )


# --- Fictional claims, one per state ------------------------------------------------------------


def _fictional(cast: Cast, today: dt.date) -> None:
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
        made = _new_claim(
            cast,
            topic=topic,
            statement=statement,
            quote=quote,
            article=art,
            claimant=who,
            is_demo=True,
        )
        _backdate(made, {"created": [_at(art.published_on)]})
        return made

    def publish_next_day(made: Claim) -> None:
        """Submitted and published the day after its article, as a newsroom would."""
        day = made.article.published_on + dt.timedelta(days=1)
        _publish(made, cast, at=_at(day, 16))
        _backdate(made, {"created": [_at(made.article.published_on)], "submitted": [_at(day)]})

    bridge = article("harbour-bridge", "Harbour bridge to reopen within six weeks, mayor says", 10)
    watching = claim(
        bridge,
        mayor,
        "The harbour bridge will reopen within six weeks.",
        "the harbour bridge will reopen within six weeks",
    )
    _verdict(watching, cast, "pending", "A promise with a deadline; we will check on it.")
    publish_next_day(watching)

    trams = article("tram-fleet", "New trams to enter service by the end of next month", 5)
    watching2 = claim(
        trams,
        minister,
        "All twelve new trams will be in service next month.",
        "all twelve new trams will be in service next month",
    )
    _verdict(watching2, cast, "pending", "A promise with a deadline; we will check on it.")
    publish_next_day(watching2)

    potholes = article("potholes", "Mayor: every pothole fixed within a fortnight", 30)
    due = claim(
        potholes,
        mayor,
        "Every pothole in the city centre will be fixed within a fortnight.",
        "every pothole in the city centre will be fixed within a fortnight",
    )
    _verdict(due, cast, "pending", "A promise with a deadline; we will check on it.")
    publish_next_day(due)
    fell_due = due.deadline + dt.timedelta(days=1)  # the sweep's first run after its last day
    workflow.mark_due(due, as_of=fell_due)
    Claim.objects.filter(pk=due.pk).update(due_since=_at(fell_due, 0))
    _backdate(due, {"created": [_at(potholes.published_on)], "fell_due": [_at(fell_due, 0)]})

    budget = article("budget", "Mayor says the city budget grew by 40 percent", 20)
    accurate = claim(
        budget,
        mayor,
        "The city budget grew by 40 percent last year.",
        "the city budget grew by 40 percent last year",
    )
    _verdict(
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
    _verdict(in_review, cast, "half-true", "Cheapest for single tickets; not for season passes.")
    workflow.submit(in_review, by=cast.reviewer)

    claim(
        trams,
        minister,
        "The new trams use 30 percent less energy than the old ones.",
        "use 30 percent less energy than the old ones",
    )

    _arabic(cast, today)

    retracted = claim(budget, mayor, "The city has no debt.", "the city has no debt")
    _verdict(retracted, cast, "false", "The city owes 200 million demo-crowns.")
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
    claim = _new_claim(
        cast,
        topic="Transport",
        statement="The new ferry port will open within 60 days.",
        quote="سيتم فتح ميناء العبّارات الجديد خلال ستين يومًا",
        article=article,
        claimant=director,
        is_demo=True,
    )
    _verdict(claim, cast, "pending", "A promise with a deadline; we will check on it.")
    _publish(claim, cast)
