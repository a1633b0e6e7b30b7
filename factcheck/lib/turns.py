"""Politeness towards other people's servers: one request per host per delay, across every worker
on every machine, by a token in the shared cache.

A run asks for a host's turn (`take`) before a request: `cache.add` sets the token only if it is
not there, atomically, so only one run gets it; it lives `delay` seconds. When the request ends,
`end` renews it, so the next request to that host starts a full delay after this one ended,
however slow the host was (and had the worker died, the token lapses anyway). Each kind of work
(link checks, feed polls) keeps its own turns under its own `scope`.
"""

from __future__ import annotations

import hashlib
import time
from urllib.parse import urlsplit

from django.core.cache import cache

# While waiting for a host's turn, ask again after this long.
POLL_SECONDS = 0.2


def host_of(url: str) -> str:
    """The host (name and port) a turn is counted for."""
    return urlsplit(url).netloc.rsplit("@", 1)[-1].lower()


def take(host: str, *, scope: str, delay: int) -> bool:
    """Whether a request to `host` may be made now; if so, the turn is this caller's. A delay of
    0 keeps no turns."""
    return delay <= 0 or cache.add(_key(scope, host), 1, timeout=delay)


def end(host: str, *, scope: str, delay: int) -> None:
    """Renew the host's token as a request to it ends."""
    if delay > 0:
        cache.set(_key(scope, host), 1, timeout=delay)


def wait(host: str, *, scope: str, delay: int, longest: float) -> bool:
    """Wait for the host's turn, at most `longest` seconds; whether it was had."""
    given_up = time.monotonic() + longest
    while not take(host, scope=scope, delay=delay):
        if time.monotonic() >= given_up:
            return False
        time.sleep(POLL_SECONDS)
    return True


def _key(scope: str, host: str) -> str:
    return f"{scope}:host:" + hashlib.sha256(host.encode()).hexdigest()[:40]
