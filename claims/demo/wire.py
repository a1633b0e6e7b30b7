"""The demo's monitored news: a fictional wire (data/demo-wire.xml, every item marked as demo),
registered as a monitored feed and read through the same code as a poll, but from the file, so
that `make run` shows the seed claim's re-check working without the internet. The feed is left
inactive: its address is not a real site."""

from __future__ import annotations

from pathlib import Path

from claims.intake import feeds, run_import
from claims.intake.feedformats import read_feed
from claims.models import MonitoredFeed, Source

WIRE_FILE = Path(__file__).parent / "data" / "demo-wire.xml"
WIRE_URL = "https://wire.demo.example/feed.xml"


def load_wire() -> MonitoredFeed:
    """Register the demo wire and import its items (matched, as any article is, against the
    claims watched and due at that moment). Once: a second call imports nothing new."""
    source, _ = Source.objects.get_or_create(
        name="Demo Wire (fictional)",
        defaults={
            "homepage": "https://wire.demo.example/",
            "domain": "wire.demo.example",
            "language": "en",
            "is_demo": True,
        },
    )
    feed, _ = MonitoredFeed.objects.get_or_create(
        url=WIRE_URL,
        defaults={"source": source, "language": "en", "active": False, "is_demo": True},
    )
    for queued in feeds.queue_items(feed, read_feed(WIRE_FILE.read_bytes())):
        run_import(queued.pk)
    return feed
