from django.core.management.base import BaseCommand

from claims import notifications


class Command(BaseCommand):
    help = "Send the e-mails the outbox owes (what beat runs): each exactly once."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"sent: {notifications.deliver_pending()}")
