from django.core.management.base import BaseCommand

from webhooks import delivery


class Command(BaseCommand):
    help = "Send the webhook deliveries whose time has come: new ones and retries (what beat runs)."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"deliveries tried: {delivery.deliver_due().done}")
