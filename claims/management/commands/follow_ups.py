"""A claim's follow-ups found in the news, best first."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.intake import followups
from claims.models import Claim, FollowUp


def follow_up_json(follow_up: FollowUp) -> dict:
    """One follow-up in the command's JSON shape."""
    article = follow_up.article
    return {
        "url": article.url,
        "headline": article.headline,
        "published": article.published_on.isoformat() if article.published_on else None,
        "sentence": follow_up.sentence,
        "score": follow_up.score,
    }


class Command(BaseCommand):
    help = (
        "List a claim's follow-ups found in the news (not dismissed), best first; --recheck "
        "looks again through every article seen since the claim was made first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("claim", type=int, metavar="CLAIM_ID")
        parser.add_argument("--json", dest="as_json", action="store_true", help="print JSON")
        parser.add_argument(
            "--recheck", action="store_true", help="look through the news again first"
        )

    def handle(self, *args, claim: int, as_json: bool, recheck: bool, **options) -> None:
        found = Claim.objects.filter(pk=claim).first()
        if found is None:
            raise CommandError(f"There is no claim #{claim}.")
        if recheck:
            followups.recheck(found)
        offered = list(found.follow_ups.offered())
        if as_json:
            payload = {"claim": found.pk, "follow_ups": [follow_up_json(f) for f in offered]}
            self.stdout.write(json.dumps(payload, ensure_ascii=False))
            return
        for follow_up in offered:
            article = follow_up.article
            self.stdout.write(
                f"{follow_up.score:.2f}  {article.published_display or '—'}  {article.headline}"
                f" — {article.url or 'no address'} [{follow_up.get_status_display()}]\n"
                f"      “{follow_up.sentence}”"
            )
        self.stdout.write(f"follow-ups of claim #{found.pk}: {len(offered)}")
