from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims.evidence import linkcheck
from claims.models import Claim, Evidence, LinkCheck


class Command(BaseCommand):
    help = (
        "Check evidence links: by default a batch of those due (what beat runs); --all checks "
        "every link now, --claim one claim's. Politely: one check per host in "
        "LINK_CHECK_HOST_DELAY_SECONDS."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--all",
            action="store_true",
            help="Every link, due or not, with no batch or time limit.",
        )
        parser.add_argument("--claim", type=int, metavar="ID", help="Only this claim's links.")

    def handle(self, *args, all: bool, claim: int | None, **options) -> None:
        if claim is not None:
            if not Claim.objects.filter(pk=claim).exists():
                raise CommandError(f"There is no claim #{claim}.")
            report = linkcheck.run(Evidence.objects.filter(claim_id=claim))
        elif all:
            report = linkcheck.run(Evidence.objects.all())
        else:
            report = linkcheck.run(
                limit=settings.LINK_CHECK_BATCH_SIZE,
                budget=settings.LINK_CHECK_TIME_BUDGET_SECONDS,
            )
        for check in report.checks:
            self.stdout.write(self.line(check))
        counts = report.counts()
        self.stdout.write(
            f"checked {counts['checked']}: working {counts['ok']}, failed {counts['failed']}, "
            f"address refused {counts['refused']}; left for later {counts['left']}, "
            f"taken by another run {counts['skipped']}"
        )
        broken = Evidence.objects.filter(link_health=Evidence.LinkHealth.BROKEN).count()
        self.stdout.write(f"broken links: {broken}")

    @staticmethod
    def line(check: LinkCheck) -> str:
        evidence = check.evidence
        answer = f"{check.status_code} {check.method}" if check.status_code else "no answer"
        text = f"{check.get_outcome_display()}: {check.url} ({answer}; claim #{evidence.claim_id})"
        if check.final_url:
            text += f" → {check.final_url}"
        if check.error:
            text += f" — {check.error}"
        if evidence.link_broken_since:
            text += f" [broken since {evidence.link_broken_since:%Y-%m-%d %H:%M}]"
        return text
