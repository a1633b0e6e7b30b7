from django.core.management.base import BaseCommand

from claims import notifications


class Command(BaseCommand):
    help = (
        "Send every e-mail the outbox owes, until none is left (beat runs the same in bounded "
        "runs); see docs/operations.md for what is promised."
    )

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"e-mails handled: {notifications.deliver_pending().done}")
