from django.core.management.base import BaseCommand

from claims import intake


class Command(BaseCommand):
    help = (
        "Send again the article imports whose work was lost, a broker that was down or a worker "
        "that died (what beat runs); a worker then imports them."
    )

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"imports resumed: {len(intake.resume_stalled_imports())}")
