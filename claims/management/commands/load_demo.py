from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims import demo


class Command(BaseCommand):
    help = "Load the demo newsroom (the seed article and fictional claims). Safe to run twice."

    def handle(self, *args, **options) -> None:
        if not settings.DEMO_MODE:
            raise CommandError(
                "The demo creates users with known passwords, so it runs only with DEMO_MODE=1 "
                "(the default when DEBUG is on). It is never for production."
            )
        passwords = demo.load()
        self.stdout.write(self.style.SUCCESS("Demo data is loaded. Log in at /admin/ as:"))
        for username, password in passwords.items():
            self.stdout.write(f"  {username:<10} password: {password}")
