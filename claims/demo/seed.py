"""The seed article (claims/demo/data/): the border-crossing promise with its whole life, and the
article's other claims as drafts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from claims import workflow
from claims.demo.build import (
    Cast,
    backdate,
    draft_verdict,
    moment,
    new_claim,
    rating_named,
    submit_and_publish,
)
from claims.demo.wire import load_wire
from claims.models import (
    Article,
    Claim,
    Claimant,
    ClaimantAlias,
    DatePrecision,
    Evidence,
    Notification,
    Source,
)

SEED_TEXT = Path(__file__).parent / "data" / "iraq-syria-border-60-days.txt"
SEED_URL = (
    "https://fort-russ.com/2019/07/major-iraq-defies-the-us-again-reopens-border-with-syria-in-"
    "next-60-days/"
)
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


def load_seed(cast: Cast) -> None:
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
    claim = new_claim(
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
    draft_verdict(
        claim,
        cast,
        "pending",
        "A promise with a deadline: the crossing is to open within 60 days of the interview.",
        "The article, published in July 2019, reports the promise; its day is not known, so "
        "the deadline is counted from 31 July: 29 September 2019 at the latest.",
    )
    submit_and_publish(claim, cast, at=moment(dt.date(2019, 8, 5)))
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
    # The news comes in while the claim is watched: the demo wire's items become its follow-ups.
    load_wire()
    workflow.mark_due(claim, as_of=dt.date(2019, 9, 30))
    Notification.objects.filter(claim=claim).update(sent_at=moment(dt.date(2019, 9, 30), 0))
    workflow.resolve(
        claim,
        by=cast.reviewer,
        rating=rating_named("not-fulfilled"),
        note="The crossing reopened on 30 September 2019, one day after the latest possible "
        "deadline: not within 60 days, though it did open.",
        happened_on=dt.date(2019, 9, 30),
        checked_on=dt.date(2019, 10, 1),
    )
    workflow.publish(claim, by=cast.publisher, at=moment(dt.date(2019, 10, 2)))
    Claim.objects.filter(pk=claim.pk).update(due_since=moment(dt.date(2019, 9, 30), 0))
    backdate(
        claim,
        {
            "created": [moment(dt.date(2019, 8, 1))],
            "submitted": [moment(dt.date(2019, 8, 2)), moment(dt.date(2019, 10, 1))],
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
        new_claim(
            cast,
            topic="Security",
            statement=statement,
            quote=quote,
            article=article,
            claimant=claimant,
            reported_by=reported_by,
        )
