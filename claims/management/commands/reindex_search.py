from django.core.management.base import BaseCommand

from claims.models import Claim
from factcheck.lib import page_cache


class Command(BaseCommand):
    help = (
        "Write every claim's search document again (after a stemmer or the site's language "
        "changed); claims whose document is unchanged are left alone."
    )

    def handle(self, *args, **options) -> None:
        changed = Claim.objects.all().refresh_search_text()
        if changed:
            page_cache.invalidate()  # cached search pages listed the old matches
        self.stdout.write(f"rewrote the search documents of {changed} claims")
