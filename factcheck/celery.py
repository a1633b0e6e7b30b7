"""The Celery app, configured from Django settings (the CELERY_* names in settings.py)."""

import os

from celery import Celery
from kombu.transport import TRANSPORT_ALIASES

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

# filesystem:// (the embedded broker) is kombu's filesystem transport with each message written
# whole (factcheck/lib/fsbroker.py). Named by the URL's scheme rather than a transport setting,
# so that a process sending to another broker's URL gets that broker's transport.
TRANSPORT_ALIASES["filesystem"] = "factcheck.lib.fsbroker:Transport"

app = Celery("factcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
